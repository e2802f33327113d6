"""The manager's people page and audit page, driven as a manager would (pytest-qt) on the real services: people
added and disabled from the window, and the audit trail of a reprint, a cancel and a close exported as CSV in
both languages."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from PySide6.QtWidgets import QTableWidget

from cashier_app.domain.cases import CaseKind
from cashier_app.ui.audit_page import AuditPage
from cashier_app.ui.people_page import PeoplePage
from tests.helpers.live_app import LiveApp
from tests.helpers.sign_in import add_people, sign_in_on
from tests.helpers.till import till_writes

WAIT_MS = 10_000


def cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return item.text()


def signed_in_app(make_live_app, number: str, pin: str) -> LiveApp:
    add_people()
    app = make_live_app(configure=sign_in_on())
    app.window.show()  # pages load what they show when they are shown
    screen = app.window.gate.screen
    assert screen is not None and screen.enter(number, pin)
    return app


def test_a_manager_adds_disables_and_resets_people(make_live_app, language) -> None:
    app = signed_in_app(make_live_app, "01", "2580")
    window = app.window
    assert window.page_visible("people") and window.page_visible("audit")
    page = window.show_page("people")
    assert isinstance(page, PeoplePage)
    assert [p.number for p in page.people()] == ["01", "07", "09"]

    dialog = page.ask_add()
    assert dialog is not None
    assert not dialog.fill("08", "赵敏", "cashier", "3692", again="3693")
    assert dialog.error.text() == "The two PINs are not the same."
    assert not dialog.fill("07", "someone", "cashier", "3692")
    assert dialog.error.text() == "This person number exists already."
    assert dialog.fill("08", "赵敏", "cashier", "3692")
    assert [p.label for p in page.people()] == ["01 张店长", "07 王芳", "08 赵敏", "09 李工"]
    assert window.status.currentMessage() == "08 赵敏 added (Cashier)."

    assert page.select("08")
    assert page.toggle_disabled()
    assert cell(page.table, 2, 3) == "Disabled"
    assert page.disable_button.text() == "Enable again"
    assert page.select("01")
    assert not page.toggle_disabled()  # never yourself, never the last manager
    assert window.status.currentMessage() == "You cannot disable yourself while signed in."

    assert page.select("07")
    new_pin = page.ask_new_pin()
    assert new_pin is not None and new_pin.fill("07", "", "cashier", "4682")
    language("zh_CN")
    header = page.table.horizontalHeaderItem(2)
    assert header is not None and header.text() == "角色"
    assert cell(page.table, 1, 2) == "收银员"
    window.gate.switch_person()
    screen = window.gate.screen
    assert screen is not None
    assert not screen.enter("07", "1379")
    assert screen.enter("07", "4682")
    assert not window.page_visible("people")  # a cashier manages nobody


def test_audit_export_after_a_reprint_a_cancel_and_a_close(make_live_app, qtbot, samples_dir: Path, tmp_path: Path,
                                                           language) -> None:
    app = signed_in_app(make_live_app, "01", "2580")
    services = app.window.services
    inbox = Path(app.services.config.watch.folders[0])
    till_writes(inbox, (samples_dir / "wechat-default-gbk-crlf.txt").read_bytes())
    queue = app.services.queue
    assert queue is not None
    qtbot.waitUntil(lambda: [job.state for job in queue.jobs()] == ["done"], timeout=WAIT_MS)  # the original first
    receipts = app.services.receipts.receipts_today(app.services.config.parser.utc_offset)
    services.reprint(receipts[0].id, "顾客要求")
    app.printer.wait_for_jobs(2, timeout=10)
    # A job held by an empty printer, cancelled; a case closed.
    app.printer.set_condition("paper-end")
    till_writes(inbox, (samples_dir / "alipay-default-gbk-crlf.txt").read_bytes())
    qtbot.waitUntil(lambda: bool(queue.held_jobs()), timeout=WAIT_MS)
    held = queue.held_jobs()[0]
    services.cancel_job(held.id, "卡纸，顾客不要了")
    case, _ = app.services.cases.open_case(CaseKind.UNPAID, actor="01", out_trade_no="202611220009")
    assert case.id is not None
    services.close_case(case.id, "no_action_needed", "顾客已离开")

    page = app.window.show_page("audit")
    assert isinstance(page, AuditPage)
    actions = [row.action for row in page.rows()]
    assert actions[:3] == ["close_case", "cancel_job", "reprint"]
    assert cell(page.table, 0, 1) == "Case closed"

    english = tmp_path / "audit-en.csv"
    assert page.export_to(english)
    rows = list(csv.reader(io.StringIO(english.read_bytes().decode("utf-8-sig"))))
    assert rows[0] == ["Time", "Action", "Person", "Approved by (manager)", "Merchant order no.", "Receipt",
                       "Print job", "Case", "Reason", "Detail", "Training"]
    by_action = {row[1]: row for row in rows[1:]}
    assert by_action["Receipt reprinted"][2] == "01" and by_action["Receipt reprinted"][8] == "顾客要求"
    assert by_action["Receipt reprinted"][4] == "202611220001"
    cancelled = by_action["Print job cancelled"]
    assert cancelled[6] == str(held.id) and cancelled[8] == "卡纸，顾客不要了"
    assert by_action["Case closed"][7] == str(case.id) and by_action["Case closed"][9] == "No action needed"
    assert by_action["Signed in"][9] == "Manager"
    assert all(len(row[0]) == 19 and "+" not in row[0] for row in rows[1:])  # local time to the second

    language("zh_CN")
    chinese = tmp_path / "audit-zh.csv"
    assert page.export_to(chinese)
    data = chinese.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: Excel on a Chinese Windows reads UTF-8
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:4] == ["时间", "操作", "人员", "授权店长"]
    assert {row[1] for row in rows[1:]} >= {"已补打小票", "打印任务已取消", "结案", "登录"}

    # Filtered by action and person.
    page.set_action("reprint")
    assert [row.action for row in page.rows()] == ["reprint"]
    page.set_action(None)
    page.person_edit.setText("07")
    page.person_edit.editingFinished.emit()
    assert page.rows() == []
    assert page.table.rowCount() == 0 and not page.export_button.isEnabled()


def test_the_audit_page_is_the_managers(make_live_app) -> None:
    app = signed_in_app(make_live_app, "07", "1379")
    assert not app.window.page_visible("audit")
    app.window.show_page("audit")
    assert app.window.current_page() is not app.window.page("audit")
    page = app.window.page("audit")
    assert isinstance(page, AuditPage)
    page.refresh()  # even asked directly, the services refuse a cashier
    assert page.rows() == []
    assert app.window.status.currentMessage() == "A manager's PIN is needed for this."
