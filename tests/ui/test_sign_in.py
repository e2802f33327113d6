"""Sign-in at the till, driven as a cashier and a manager would (pytest-qt), on the real services: the people
and the audit trail in a journal in the test's folder, the sandbox, the virtual printer.

Every protected action is refused to a cashier without a manager's PIN, in the window and again by the
services behind it (a page that forgot to ask is refused, never let through).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from cashier_app.domain.access import ROLE_MAY, ProtectedAction, Role
from cashier_app.ui.main_window import MainWindow
from cashier_app.ui.pages import PageContext
from cashier_app.ui.reason_dialog import ReasonDialog
from cashier_app.ui.receipts_page import ReceiptsPage
from cashier_app.ui.rows import AuditQuery
from cashier_app.ui.window_pages import window_pages
from tests.helpers.live_app import LiveApp
from tests.helpers.sign_in import WAIT_MS, add_people, audit_rows, pin_dialog, sign_in_on
from tests.helpers.till import till_writes


@pytest.fixture
def app(make_live_app) -> LiveApp:
    add_people()
    return make_live_app(configure=sign_in_on())


def test_the_pages_stay_covered_until_someone_signs_in(app: LiveApp, qtbot) -> None:
    window = app.window
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)  # keys reach shortcuts of the active window only
    gate = window.gate
    assert gate.is_locked() and gate.screen is not None
    screen = gate.screen
    assert screen.isVisible() and not window.tabs.isVisible()
    assert window.status.operator_label.text() == "Nobody signed in"
    # Page keys do nothing while locked; the number field has the keyboard.
    qtbot.keyClick(window, Qt.Key.Key_F2)
    assert gate.is_locked()

    assert not screen.enter("07", "0000")
    assert screen.error.text() == "Wrong person number or PIN."
    assert screen.pin_edit.text() == ""  # typed again, never kept
    assert screen.number_edit.text() == "07"  # the number stays for the next try
    screen.number_edit.clear()
    qtbot.keyClicks(screen.number_edit, "07")
    qtbot.keyClick(screen.number_edit, Qt.Key.Key_Return)
    assert screen.pin_edit.hasFocus()
    qtbot.keyClicks(screen.pin_edit, "1379")
    with qtbot.waitSignal(screen.signed_in, timeout=WAIT_MS):
        qtbot.keyClick(screen.pin_edit, Qt.Key.Key_Return)
    assert not gate.is_locked() and window.tabs.isVisible()
    assert window.current_page() is window.page("lookup")  # F2 while locked did nothing
    qtbot.keyClick(window, Qt.Key.Key_F2)
    assert window.current_page() is window.page("receipts")  # and works once someone signed in
    assert window.status.operator_label.text() == "Signed in: 07 王芳 · Cashier (F12: switch)"
    assert app.services.operator == "07"
    assert [row[:2] for row in audit_rows(app)] == [("sign_in_failed", "07"), ("sign_in", "07")]


def test_wrong_pins_lock_the_number(app: LiveApp) -> None:
    screen = app.window.gate.screen
    assert screen is not None
    for _ in range(2):
        assert not screen.enter("07", "0000")
    assert not screen.enter("07", "0000")
    assert screen.error.text().startswith("Too many wrong PINs: this number is locked until ")
    assert not screen.enter("07", "1379")  # even the right PIN, until the time is up
    assert "locked until" in screen.error.text()
    assert screen.enter("01", "2580")  # others sign in as usual


def test_f12_switches_person_at_shift_change(app: LiveApp, qtbot) -> None:
    window = app.window
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)  # keys reach shortcuts of the active window only
    gate = window.gate
    assert gate.screen is not None and gate.screen.enter("07", "1379")
    qtbot.keyClick(window, Qt.Key.Key_F12)
    assert gate.is_locked()
    assert gate.screen.explain.text() == "Shift change: the next person signs in."
    assert gate.screen.enter("01", "2580")
    assert window.status.operator_label.text() == "Signed in: 01 张店长 · Manager (F12: switch)"
    assert audit_rows(app)[-2:] == [("sign_out", "07", None, "switch"), ("sign_in", "01", None, "manager")]


def test_idle_signs_out(make_live_app, qtbot) -> None:
    add_people()
    app = make_live_app(configure=sign_in_on(idle_sign_out_min=0.01))  # 0.6 s
    gate = app.window.gate
    assert gate.screen is not None and gate.screen.enter("07", "1379")
    assert gate.idle.is_running()
    with qtbot.waitSignal(gate.idle.idle, timeout=WAIT_MS):
        pass
    assert gate.is_locked()
    assert "without use" in gate.screen.explain.text()
    assert ("sign_out", "07", None, "idle") in audit_rows(app)


def test_a_new_store_adds_its_first_manager_at_the_till(make_live_app) -> None:
    app = make_live_app(configure=sign_in_on())
    screen = app.window.gate.screen
    assert screen is not None and screen.is_first_manager()
    assert screen.heading.text() == "Add the store's first manager"
    screen.number_edit.setText("01")
    screen.name_edit.setText("张店长")
    screen.pin_edit.setText("2580")
    screen.pin_again_edit.setText("2581")
    assert not screen.submit()
    assert screen.error.text() == "The two PINs are not the same."
    screen.pin_edit.setText("2580")
    screen.pin_again_edit.setText("2580")
    assert screen.submit()
    assert not app.window.gate.is_locked()
    assert app.services.session is not None and app.services.session.current is not None
    assert app.services.session.current.role is Role.MANAGER


def test_pages_for_some_roles_show_only_to_them(make_live_app) -> None:
    """The window's own pages, as registered: each tab shows to the roles that may do its action."""
    add_people()
    app = make_live_app(configure=sign_in_on())
    window: MainWindow = app.window
    specs = window_pages().specs()
    assert {spec.key for spec in specs if spec.requires} == {"audit", "people", "technician"}
    screen = window.gate.screen
    for number, pin, role in (("07", "1379", Role.CASHIER), ("09", "4826", Role.TECHNICIAN),
                              ("01", "2580", Role.MANAGER)):
        assert screen is not None and screen.enter(number, pin)
        seen = {spec.key: window.page_visible(spec.key) for spec in specs}
        assert seen == {spec.key: spec.requires is None or ProtectedAction(spec.requires) in ROLE_MAY[role]
                        for spec in specs}, role
        window.gate.switch_person()
    assert screen is not None and screen.enter("07", "1379")
    window.show_page("people")  # by its key: a cashier stays where they were
    assert window.current_page() is not window.page("people")


def test_a_cashiers_reprint_needs_a_managers_pin(app: LiveApp, qtbot, samples_dir: Path) -> None:
    window = app.window
    window.show()
    assert window.gate.screen is not None and window.gate.screen.enter("07", "1379")
    page = window.page("receipts")
    assert isinstance(page, ReceiptsPage)
    till_writes(Path(app.services.config.watch.folders[0]), (samples_dir / "wechat-default-gbk-crlf.txt").read_bytes())
    qtbot.waitUntil(lambda: bool(page.model.rows()) and page.model.rows()[0].printed == "printed", timeout=WAIT_MS)
    app.printer.wait_for_jobs(1, timeout=5)
    receipt_id = page.model.rows()[0].receipt_id

    # The services refuse a reprint a page did not ask a manager for.
    with pytest.raises(Exception) as refused:
        window.services.reprint(receipt_id, "customer asked")
    assert getattr(refused.value, "code", None) == "manager_pin_required"

    window.show_page("receipts")
    assert page.select_receipt(receipt_id)
    reason = window.reprint_selected()
    assert isinstance(reason, ReasonDialog)
    reason.reason_box.setCurrentIndex(0)
    ok = reason.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    dialog = pin_dialog(window, qtbot)
    assert dialog.prompt.text() == "A manager's PIN is needed to reprint a receipt."
    assert not dialog.enter("09", "4826")  # a technician is no manager
    assert dialog.error.text() == "Only a manager's PIN can allow this."
    assert not dialog.enter("01", "0000")
    assert dialog.error.text() == "Wrong person number or PIN."
    assert len(app.printer.jobs) == 1  # nothing printed meanwhile
    assert dialog.enter("01", "2580")
    jobs = app.printer.wait_for_jobs(2, timeout=10)
    assert "重打小票 REPRINT" in jobs[1].text()
    reprints = [row for row in audit_rows(app) if row[0] == "reprint"]
    assert [(a, actor, by) for a, actor, by, _ in reprints] == [("reprint", "07", "01")]
    assert app.services.queue is not None
    assert [job.requested_by for job in app.services.queue.jobs() if job.is_reprint] == ["07"]


def test_a_manager_reprints_without_a_second_pin(app: LiveApp, qtbot, samples_dir: Path) -> None:
    window = app.window
    assert window.gate.screen is not None and window.gate.screen.enter("01", "2580")
    till_writes(Path(app.services.config.watch.folders[0]), (samples_dir / "wechat-default-gbk-crlf.txt").read_bytes())
    page = window.page("receipts")
    assert isinstance(page, ReceiptsPage)
    qtbot.waitUntil(lambda: bool(page.model.rows()), timeout=WAIT_MS)
    # A copy is for a customer who has had the original: once it is out of the printer.
    assert app.services.queue is not None and app.services.queue.wait_idle(WAIT_MS / 1000)
    window.services.reprint(page.model.rows()[0].receipt_id, "customer asked")
    assert [row[:3] for row in audit_rows(app) if row[0] == "reprint"] == [("reprint", "01", None)]


def test_cashiers_are_refused_every_protected_service_without_a_pin(app: LiveApp) -> None:
    window = app.window
    assert window.gate.screen is not None and window.gate.screen.enter("07", "1379")
    services = window.services
    access = services.access()
    assert access is not None
    calls = {
        "cancel_job": lambda: services.cancel_job(1, "paper jam"),
        "move_job": lambda: services.move_job(1, "backup"),
        "close_case": lambda: services.close_case(_open_case(app), "other", "note"),
        "change_key": services.credential_services,
        "manage_people": access.people,
        "view_audit": lambda: access.audit(AuditQuery()),
    }
    for action, call in calls.items():
        assert access.decide(action) == "manager_pin"
        with pytest.raises(Exception) as refused:
            call()
        assert getattr(refused.value, "code", None) == "manager_pin_required", action


def _open_case(app: LiveApp) -> int:
    from cashier_app.domain.cases import CaseKind

    case, _ = app.services.cases.open_case(CaseKind.UNPAID, actor="07", out_trade_no="202611220009")
    assert case.id is not None
    return case.id


def test_ctrl_k_asks_a_managers_pin_before_the_key_dialog(app: LiveApp, qtbot) -> None:
    window = app.window
    window.show()
    assert window.gate.screen is not None and window.gate.screen.enter("07", "1379")
    assert window.open_credentials() is None
    dialog = pin_dialog(window, qtbot)
    assert dialog.prompt.text() == "A manager's PIN is needed to change the platform key."
    assert dialog.enter("01", "2580")
    qtbot.waitUntil(lambda: window.credentials_dialog() is not None, timeout=WAIT_MS)
    key_dialog = window.credentials_dialog()
    assert key_dialog is not None
    key_dialog.reject()


def test_signing_out_closes_what_the_person_left_open(app: LiveApp, qtbot) -> None:
    window = app.window
    window.show()
    assert window.gate.screen is not None and window.gate.screen.enter("07", "1379")
    window.open_credentials()
    dialog = pin_dialog(window, qtbot)
    window.gate.switch_person()
    assert not dialog.isVisible()
    assert window.gate.is_locked()


def test_a_one_person_till_shows_its_operator_and_asks_nothing(make_live_app) -> None:
    app = make_live_app()
    window = app.window
    assert not window.gate.required and not window.gate.is_locked()
    assert window.status.operator_label.text() == "Cashier: 07"
    assert not window.gate.menu.menuAction().isVisible()
    access = PageContext(window.services, window.bridge).services.access()
    assert access is not None and access.decide("reprint") == "allowed"
