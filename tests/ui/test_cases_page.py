"""The manager's cases page over the real journal and event hub: cases appear live, filters, the
timeline of one case, closing it with a result, CSV export; training cases only in training mode."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog

from cashier_app.app.events import CaseEvent
from cashier_app.domain.cases import CaseKind, CaseResult, StepAction
from cashier_app.ui.case_dialog import CaseDialog
from cashier_app.ui.cases_model import COL_KIND, COL_RESULT, COL_STATE
from cashier_app.ui.cases_page import CasesPage
from tests.helpers.live_app import LiveApp

WAIT_MS = 10_000


@pytest.fixture
def app(make_live_app, language) -> LiveApp:
    language("zh_CN")
    return make_live_app()


def cases_page(app: LiveApp) -> CasesPage:
    page = app.window.page("cases")
    assert isinstance(page, CasesPage)
    return page


def raise_case(app: LiveApp, kind: CaseKind, out_trade_no: str | None, *, amount: int | None = None,
               state: str | None = None, training: bool = False) -> int:
    """A case raised by a service: written into the journal and announced on the hub."""
    case, created = app.services.cases.open_case(kind, actor="system", out_trade_no=out_trade_no, amount=amount,
                                                 payment_state=state, cause="", training=training)
    assert created and case.id is not None
    app.services.hub.publish(CaseEvent(case.id, kind.value, True, out_trade_no))
    return case.id


def shown(page: CasesPage, column: int) -> list[str]:
    model = page.model
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def test_new_cases_appear_with_counts_status_bar_and_a_notification(app: LiveApp, qtbot) -> None:
    page = cases_page(app)
    window = app.window
    assert page.model.rowCount() == 0
    assert page.counts_label.text().endswith("：没有异常案例")
    with qtbot.waitSignal(window.alerts.notified, timeout=WAIT_MS) as notified:
        raise_case(app, CaseKind.DROPPED_ORDER, "20260611093000031", amount=2590, state="USERPAYING")
    assert notified.args == ["新异常：掉单，订单 20260611093000031。 请查看“异常案例”页。", "attention"]
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT_MS)
    with qtbot.waitSignal(window.alerts.notified, timeout=WAIT_MS):
        raise_case(app, CaseKind.PRINTER_FAULT, None)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=WAIT_MS)
    assert shown(page, COL_KIND) == ["打印机故障", "掉单"]
    assert shown(page, COL_STATE) == ["—", "支付中"]
    assert shown(page, COL_RESULT) == ["处理中", "处理中"]
    assert page.kind_counts() == {"dropped_order": 1, "printer_fault": 1}
    assert "共 2 个案例" in page.counts_label.text()
    assert "掉单 1" in page.counts_label.text() and "打印机故障 1" in page.counts_label.text()
    assert window.status.cases_label.text() == "待处理异常：2"
    assert window.severity() in ("attention", "fault")
    assert window.status.currentMessage().startswith("新异常：打印机故障。")


def test_filters_by_kind_status_and_day(app: LiveApp, qtbot) -> None:
    page = cases_page(app)
    raise_case(app, CaseKind.UNPAID, "20260611093000041", amount=990, state="CREATED")
    dropped = raise_case(app, CaseKind.DROPPED_ORDER, "20260611093000042", amount=1250, state="USERPAYING")
    old = raise_case(app, CaseKind.PAID_NO_RECEIPT, "20260611093000043", amount=3300, state="PAID")
    app.services.cases.close_case(dropped, CaseResult.SYNCED_PAID, "07")
    # One case from yesterday, still open.
    assert app.services.journal is not None
    yesterday = (datetime.now(UTC) - timedelta(days=1)).isoformat(timespec="microseconds")
    with app.services.journal.tx() as conn:
        conn.execute("UPDATE cases SET opened_at = ? WHERE id = ?", (yesterday, old))
    page.refresh()
    assert page.day() == app.window.services.today()
    assert shown(page, COL_KIND) == ["已付款无小票", "未支付", "掉单"]  # open first: yesterday's open one too

    page.set_kind("unpaid")
    assert shown(page, COL_KIND) == ["未支付"]
    page.set_kind(None)
    page.set_status("closed")
    assert shown(page, COL_KIND) == ["掉单"]
    assert shown(page, COL_RESULT) == ["同步后已支付"]
    page.set_status("open")
    assert shown(page, COL_KIND) == ["已付款无小票", "未支付"]
    page.set_status(None)
    page.open_any_day.setChecked(False)
    assert shown(page, COL_KIND) == ["未支付", "掉单"]
    assert page.kind_counts() == {"unpaid": 1, "dropped_order": 1}

    page.day_edit.setDate(page.day_edit.date().addDays(-1))
    assert shown(page, COL_KIND) == ["已付款无小票"]
    assert page.kind_counts() == {"paid_no_receipt": 1}
    page.day_edit.setDate(QDate.currentDate().addDays(-30))
    assert page.model.rowCount() == 0
    assert page.empty.isVisibleTo(page)


def test_open_a_case_see_its_timeline_and_close_it_with_a_result(app: LiveApp, qtbot) -> None:
    window = app.window
    page = cases_page(app)
    case_id = raise_case(app, CaseKind.PRINTER_FAULT, None)
    app.services.cases.record(case_id, StepAction.NOTE, "07", outcome="note", detail="换了新纸卷")
    qtbot.waitUntil(lambda: window.open_cases() == 1, timeout=WAIT_MS)
    page.refresh()
    window.show()
    window.show_page("cases")
    assert page.select_case(case_id)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # Enter opens it, as a double-click does
    dialog = page.dialog
    assert isinstance(dialog, CaseDialog) and dialog.isVisible()
    assert dialog.heading.text() == f"案例 {case_id}：打印机故障"
    rows = dialog.timeline_texts()
    assert [row[1] for row in rows] == ["发现异常", "备注"]
    assert rows[0][2] == "系统" and rows[0][4] == "打印机故障"
    assert rows[1][2] == "07" and rows[1][4] == "" and rows[1][5] == "换了新纸卷"  # the note in its own column
    assert dialog.fact_labels["cause"].text() == "—"
    assert not dialog.close_button.isEnabled()  # no result chosen, no closing

    assert dialog.set_result("fixed")
    dialog.note_edit.insert("更换纸卷后恢复")
    with qtbot.waitSignal(dialog.case_closed, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert dialog.fact_labels["status"].text() == "故障已排除"
    assert not dialog.close_box.isVisibleTo(dialog)
    assert dialog.timeline_texts()[-1][1] == "结案"
    assert dialog.timeline_texts()[-1][4:] == ["故障已排除", "更换纸卷后恢复"]
    assert dialog.fact_labels["handled"].text().endswith("秒")
    qtbot.waitUntil(lambda: window.open_cases() == 0, timeout=WAIT_MS)  # through the hub: status bar, tray
    assert window.status.cases_label.text() == "待处理异常：0"
    assert shown(page, COL_RESULT) == ["故障已排除"]
    closed = app.services.cases.get(case_id)
    assert closed is not None and closed.result is CaseResult.FIXED and closed.closed_by == "07"
    dialog.reject()


def test_export_csv_with_bom_through_the_file_dialog(app: LiveApp, qtbot, tmp_path: Path) -> None:
    page = cases_page(app)
    raise_case(app, CaseKind.DROPPED_ORDER, "20260611093000051", amount=2590, state="USERPAYING")
    raise_case(app, CaseKind.UNPAID, "20260611093000052", amount=990, state="CREATED")
    page.refresh()
    dialog = page.ask_export()  # a child of the window (deleted with it)
    assert isinstance(dialog, QFileDialog)
    assert page.default_export_name() == f"cases-{page.day().replace('-', '')}.csv"
    assert dialog.selectedFiles()[0].endswith(page.default_export_name())
    target = tmp_path / "export" / page.default_export_name()
    target.parent.mkdir()
    dialog.selectFile(str(target))
    with qtbot.waitSignal(dialog.fileSelected, timeout=WAIT_MS):
        dialog.accept()
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert [(row["类型"], row["商户订单号"], row["金额（元）"]) for row in rows] == [
        ("未支付", "20260611093000052", "9.90"),
        ("掉单", "20260611093000051", "25.90"),
    ]
    assert app.window.status.currentMessage() == f"案例已保存到 {target}"

    page.set_kind("unpaid")
    assert page.export_to(target)
    assert len(list(csv.DictReader(io.StringIO(target.read_bytes().decode("utf-8-sig"))))) == 1


def test_training_cases_only_in_training_mode_and_marked(make_live_app, language, qtbot) -> None:
    language("zh_CN")
    real = make_live_app()
    raise_case(real, CaseKind.DROPPED_ORDER, "20260611093000061", training=False)
    raise_case(real, CaseKind.UNPAID, "20260611093000062", training=True)  # must not show outside training
    page = cases_page(real)
    page.refresh()
    assert shown(page, COL_KIND) == ["掉单"]
    assert not page.training_note.isVisibleTo(page)
    assert real.window.open_cases() == 1

    training = make_live_app(training=True)
    window = training.window
    assert window.is_training()
    assert window.windowTitle() == "收银伴侣 — 培训模式"
    assert window.training_banner.isVisibleTo(window)
    assert window.training_banner.text() == "培训模式 — 不会影响真实订单"
    raise_case(training, CaseKind.UNPAID, "20260611093000063", training=True)
    page = cases_page(training)
    page.refresh()
    assert shown(page, COL_KIND) == ["【培训】未支付"]
    assert page.training_note.isVisibleTo(page)
    qtbot.waitUntil(lambda: window.open_cases() == 1, timeout=WAIT_MS)
