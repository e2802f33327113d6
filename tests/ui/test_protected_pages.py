"""A cashier at the pages themselves (pytest-qt, real services): closing an order on the lookup page and
cancelling a held print job from the banner ask a manager's PIN first; backed out, nothing happens."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from cashier_app.ui.lookup_page import LookupPage
from cashier_app.ui.manager_pin import ManagerPinDialog
from tests.helpers.held_jobs import banner_of
from tests.helpers.sign_in import add_people, audit_rows, sign_in_on
from tests.helpers.till import till_writes

WAIT_MS = 10_000


def cashier_at_the_till(make_live_app):
    add_people()
    app = make_live_app(configure=sign_in_on())
    app.window.show()
    screen = app.window.gate.screen
    assert screen is not None and screen.enter("07", "1379")
    return app


def test_closing_an_order_on_the_lookup_page_asks_a_managers_pin(make_live_app, qtbot) -> None:
    app = cashier_at_the_till(make_live_app)
    number = "20260611093000091"
    app.sandbox.control.create_orders([{"out_trade_no": number, "state": "CREATED", "total_amount": 990}])
    page = app.window.page("lookup")
    assert isinstance(page, LookupPage)
    with qtbot.waitSignal(page.view_shown, timeout=WAIT_MS):
        page.lookup(number)
    with qtbot.waitSignal(page.view_shown, timeout=WAIT_MS):
        assert page.answer_voucher(False)
    box = page.ask_close()
    assert isinstance(box, QMessageBox)
    confirm = next(b for b in box.buttons() if b.text() == "Close the order")
    qtbot.mouseClick(confirm, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, ManagerPinDialog) and dialog.isVisible()
    dialog.reject()  # backed out: the order stays as it was
    assert not page.is_busy()
    state = {o["order"]["out_trade_no"]: o["order"]["state"] for o in app.sandbox.control.state()["orders"]}
    assert state[number] == "CREATED"

    box = page.ask_close()
    assert isinstance(box, QMessageBox)
    qtbot.mouseClick(next(b for b in box.buttons() if b.text() == "Close the order"), Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, ManagerPinDialog)
    with qtbot.waitSignal(page.view_shown, timeout=WAIT_MS):
        assert dialog.enter("01", "2580")
    state = {o["order"]["out_trade_no"]: o["order"]["state"] for o in app.sandbox.control.state()["orders"]}
    assert state[number] == "CLOSED"
    assert ("close_order", "07", "01", "closed") in audit_rows(app)


def test_cancelling_a_held_job_from_the_banner_asks_a_managers_pin(make_live_app, qtbot, samples_dir: Path) -> None:
    app = cashier_at_the_till(make_live_app)
    window = app.window
    app.printer.set_condition("paper-end")
    till_writes(Path(app.services.config.watch.folders[0]), (samples_dir / "wechat-default-gbk-crlf.txt").read_bytes())
    window.show_page("receipts")
    banner = banner_of(window)
    qtbot.waitUntil(lambda: len(banner.job_lines()) == 1 and banner.isVisible(), timeout=WAIT_MS)
    (line,) = banner.job_lines()
    reason = banner.ask_cancel(line.job.job_id)
    reason.reason_box.setCurrentIndex(0)
    reason.accept()
    pin = banner.pin_dialog
    assert isinstance(pin, ManagerPinDialog) and pin.isVisible()
    assert pin.prompt.text() == "A manager's PIN is needed to cancel a print job."
    assert not pin.enter("07", "1379")  # a cashier's own PIN allows nothing
    assert pin.error.text() == "Only a manager's PIN can allow this."
    assert pin.enter("01", "2580")
    queue = app.services.queue
    assert queue is not None
    qtbot.waitUntil(lambda: [job.state for job in queue.jobs()] == ["cancelled"], timeout=WAIT_MS)
    cancels = [row for row in audit_rows(app) if row[0] == "cancel_job"]
    assert [(actor, by) for _, actor, by, _ in cancels] == [("07", "01")]
