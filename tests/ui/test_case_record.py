"""The record the field asks for, through the window on the real services: payment time, channel, amount, the
state at each step, a customer contact and a note per step; the CSV with local times, readable words in the
window's language and every step with its person and note, contacts masked; escalated cases ageing and the
one reminder."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt

from cashier_app.app.events import CaseEvent
from cashier_app.domain.cases import DEFAULT_CAUSE, CaseKind, StepAction
from cashier_app.ui.case_dialog import CaseDialog
from cashier_app.ui.cases_model import COL_HANDLED
from cashier_app.ui.cases_page import CasesPage
from tests.helpers.live_app import LiveApp

WAIT_MS = 10_000
PAID_AT = datetime(2026, 11, 24, 2, 30, 5, tzinfo=UTC)  # 10:30:05 in the store (UTC+8)


def dropped_order(app: LiveApp) -> int:
    """A dropped order as the lookup leaves it: raised, looked up, synced, with the cashier's note."""
    cases = app.services.cases
    case, _ = cases.open_case(CaseKind.DROPPED_ORDER, actor="07", out_trade_no="2026112410300501", amount=2350,
                              payment_state="USERPAYING", cause=DEFAULT_CAUSE[CaseKind.DROPPED_ORDER],
                              paid_at=PAID_AT.isoformat(), channel="WECHAT",
                              channel_trade_no="4200001234202611240000008001")
    assert case.id is not None
    cases.record(case.id, StepAction.QUERY, "07", state_seen="USERPAYING", outcome="USERPAYING")
    cases.record(case.id, StepAction.SYNC, "07", state_seen="USERPAYING", outcome="USERPAYING",
                 note="顾客出示微信支付凭证")
    app.services.hub.publish(CaseEvent(case.id, case.kind.value, True, case.out_trade_no))
    return case.id


def open_dialog(app: LiveApp, case_id: int) -> CaseDialog:
    page = app.window.page("cases")
    assert isinstance(page, CasesPage)
    page.refresh()
    dialog = page.open_case(case_id)
    assert isinstance(dialog, CaseDialog)
    return dialog


def test_the_dialog_adds_notes_a_contact_and_reports_the_case(make_live_app, qtbot) -> None:
    app = make_live_app()
    case_id = dropped_order(app)
    dialog = open_dialog(app, case_id)
    facts = dialog.fact_labels
    assert facts["channel"].text() == "WeChat"
    assert facts["paid"].text() == "2026-11-24 10:30:05"
    assert facts["amount"].text() == "¥23.50"
    assert facts["contact"].text() == "—" and facts["escalated"].text() == "—"
    assert dialog.timeline_texts()[2][5] == "顾客出示微信支付凭证"

    dialog.add_note_edit.insert("顾客称已扣款，留下电话")  # (QTest types ASCII only)
    qtbot.keyClick(dialog.add_note_edit, Qt.Key.Key_Return)
    last = dialog.timeline_texts()[-1]
    assert last[1:3] == ["Note", "07"] and last[3] == "Paying" and last[5] == "顾客称已扣款，留下电话"
    assert dialog.add_note_edit.text() == ""
    dialog.contact_edit.setText("13812345678")
    assert dialog.save_contact()
    assert facts["contact"].text() == "13812345678"  # in full at the till: the manager calls back
    assert dialog.timeline_texts()[-1][4] == "Customer contact recorded"
    dialog.add_note_edit.setText("三个工作日内平台答复")
    assert dialog.escalate()
    assert facts["escalated"].text().endswith("0 working days ago")
    assert not dialog.escalate_button.isVisibleTo(dialog)  # reported once: it ages from then
    assert dialog.close_box.isVisibleTo(dialog)  # and stays open until the platform answers
    assert dialog.result_box.findData("escalated") == -1
    case = app.services.cases.get(case_id)
    assert case is not None and case.escalated and case.customer_contact == "13812345678"
    assert [s.actor for s in case.steps][-3:] == ["07", "07", "07"]
    dialog.reject()


def test_cases_csv_columns_and_content_in_chinese_and_english(make_live_app, language, tmp_path: Path) -> None:
    app = make_live_app()
    case_id = dropped_order(app)
    app.services.cases.set_contact(case_id, "138 1234 5678", "07")
    app.services.cases.record(case_id, StepAction.ESCALATE, "07", outcome="escalated", note="平台核实中")
    page = app.window.page("cases")
    assert isinstance(page, CasesPage)
    page.refresh()

    english = tmp_path / "cases-en.csv"
    assert page.export_to(english)
    rows = list(csv.reader(io.StringIO(english.read_bytes().decode("utf-8-sig"))))
    assert rows[0] == [
        "Case no.", "Kind", "Status", "Opened", "Opened by", "Merchant order no.", "Third-party order no.", "Channel",
        "Amount (yuan)", "Paid at", "Payment state", "Cause", "Customer contact", "Result", "Closed", "Closed by",
        "Handled in (min)", "Escalated", "Working days since escalated",
        "Steps (time, action, person, payment state, outcome, note)", "Training"]
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["Case no."] == str(case_id) and row["Kind"] == "Dropped order" and row["Status"] == "Being handled"
    assert row["Channel"] == "WeChat" and row["Amount (yuan)"] == "23.50"
    assert row["Paid at"] == "2026-11-24 10:30:05"  # the store's time, to the second
    assert row["Cause"] == "Customer shows paid, the platform says unpaid (dropped order)."
    assert row["Customer contact"] == "138****5678"  # never the whole number outside the till
    assert row["Working days since escalated"] == "0"
    steps = row["Steps (time, action, person, payment state, outcome, note)"].split("\n")
    assert len(steps) == 5  # every step: raised, looked up, synced, contact, reported
    assert steps[2].endswith(" · Synced · 07 · Paying · Paying · 顾客出示微信支付凭证")
    assert steps[-1].endswith(" · Reported · 07 · Reported for handling · 平台核实中")
    assert "13812345678" not in english.read_text(encoding="utf-8-sig").replace(" ", "")
    for moment in (row["Opened"], steps[0].split(" · ")[0]):
        assert len(moment) == 19 and "+" not in moment and "T" not in moment

    language("zh_CN")
    chinese = tmp_path / "cases-zh.csv"
    assert page.export_to(chinese)
    rows = list(csv.reader(io.StringIO(chinese.read_bytes().decode("utf-8-sig"))))
    assert rows[0][:13] == ["案例编号", "类型", "状态", "发现时间", "发现人", "商户订单号", "第三方订单号", "支付渠道",
                            "金额（元）", "支付时间", "支付状态", "原因", "顾客联系方式"]
    row = dict(zip(rows[0], rows[1], strict=True))
    assert (row["类型"], row["支付渠道"], row["支付状态"]) == ("掉单", "微信", "支付中")
    assert row["原因"] == "顾客显示已付款，平台显示未支付（掉单）。"
    assert row["顾客联系方式"] == "138****5678"
    assert " · 同步 · 07 · 支付中 · " in row[rows[0][19]]


def test_escalated_cases_age_and_remind_the_manager_once(make_live_app, qtbot, language) -> None:
    app = make_live_app()
    case_id = dropped_order(app)
    app.services.cases.record(case_id, StepAction.ESCALATE, "07", outcome="escalated")
    long_ago = (datetime.now(UTC) - timedelta(days=12)).isoformat()
    assert app.services.journal is not None
    with app.services.journal.tx() as conn:
        conn.execute("UPDATE cases SET escalated_at = ? WHERE id = ?", (long_ago, case_id))
    page = app.window.page("cases")
    assert isinstance(page, CasesPage)
    page.refresh()
    assert page.select_case(case_id)
    handled = page.model.data(page.model.index(0, COL_HANDLED))
    assert handled.startswith("Reported ") and handled.endswith(" working days ago")
    days = int(handled.split()[1])
    assert 7 <= days <= 10
    assert page.model.data(page.model.index(0, COL_HANDLED), Qt.ItemDataRole.ForegroundRole) is not None  # overdue

    window = app.window
    with qtbot.waitSignal(window.alerts.notified, timeout=WAIT_MS) as told:
        assert app.services.reminders.check() == [case_id]
    assert told.args[0] == (f"Case {case_id} (order 2026112410300501) was reported {days} working days ago and is "
                            "still open. Ask the platform again, or close the case on the cases page.")
    assert app.services.reminders.check() == []  # once


def test_a_closed_case_is_saved_as_a_training_lesson_from_its_dialog(make_live_app) -> None:
    app = make_live_app()
    case_id = dropped_order(app)
    dialog = open_dialog(app, case_id)
    assert not dialog.lesson_button.isVisibleTo(dialog)  # open: not over yet
    assert dialog.set_result("synced_paid") and dialog.close_case()
    assert dialog.lesson_button.isVisibleTo(dialog)
    assert dialog.make_lesson()
    assert dialog.lesson_note.text().startswith("Saved as training lesson")
    assert not dialog.lesson_button.isEnabled()
    lesson = app.services.training_lessons_dir / f"case-{case_id}.json"
    assert lesson.exists() and "2026112410300501" not in lesson.read_text(encoding="utf-8")
    dialog.reject()
