"""What the lookup page says about an order's receipt is derived again whenever it changes underneath:
after a sync when reconciliation prints the order, while its job is held by the printer, and after a
reprint. A stale "please print" with Enter bound to it is never left on screen. Real services: the
sandbox platform and the virtual printer on loopback, journal and print queue in tmp."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from cashier_app.app.config import AppConfig
from cashier_app.domain.cases import CaseStatus
from cashier_app.journal.cases import CaseFilter
from cashier_app.ui.lookup_page import LookupPage
from tests.helpers.live_app import LiveApp
from tests.helpers.lookup_page import WAIT_MS, accept_reason, look_up, lookup_page, press_enter_for_result


def reconciling(config: AppConfig) -> None:
    """Reconciliation that prints a missing receipt at once; it polls when the test says (poll_once)."""
    config.reconcile.enabled = True
    config.reconcile.missing_receipt = "auto"
    config.reconcile.grace_s = 0
    config.reconcile.interval_s = 3600


@pytest.fixture
def app(make_live_app, language) -> LiveApp:
    language("zh_CN")
    return make_live_app(configure=reconciling)


def paper_of(page: LookupPage) -> str:
    return str(getattr(page.view.paper, "value", page.view.paper)) if page.view is not None else ""


def test_after_a_sync_a_reconciler_print_turns_please_print_into_printed(app: LiveApp, qtbot) -> None:
    number = "20260611093000031"
    app.sandbox.control.live_paid_order(number, 1880, "WECHAT", notify=False)  # a dropped order
    page = lookup_page(app)
    look_up(qtbot, page, number)
    with qtbot.waitSignal(page.view_shown, timeout=WAIT_MS):
        qtbot.keyClick(page.input, Qt.Key.Key_Y)  # the customer shows the voucher
    press_enter_for_result(qtbot, page)  # sync: the platform catches up
    assert page.verdict_text() == "已支付，但还没有打印小票。请打印小票。" and page.next_steps() == ["print"]
    case_id = page.view.case_id if page.view is not None else None

    # Before the cashier presses Enter, reconciliation finds the paid order without a receipt and prints it.
    assert app.services.reconciler is not None
    report = app.services.reconciler.poll_once()
    assert report.reprinted == [number]
    [job] = app.printer.wait_for_jobs(1, timeout=WAIT_MS / 1000)
    assert number in job.text()
    qtbot.waitUntil(lambda: paper_of(page) == "printed", timeout=WAIT_MS)
    assert page.verdict_text() == "已支付。可以补打小票。"
    assert page.next_steps() == ["reprint"] and page.default_action() is None
    assert "小票已于" in page.paper_note.text()

    qtbot.keyClick(page.input, Qt.Key.Key_Return)  # the Enter that used to print a second original
    assert page.dialog is None
    assert len(app.printer.jobs) == 1
    # One case for the order: reconciliation's finding joined the one the lookup opened.
    cases = app.services.cases.list(CaseFilter(out_trade_no=number))
    assert [c.id for c in cases] == [case_id] and cases[0].status is CaseStatus.CLOSED


def test_a_held_receipt_shows_and_nothing_is_offered_until_it_prints(app: LiveApp, qtbot) -> None:
    number = "20260611093000032"
    app.sandbox.control.live_paid_order(number, 660, "ALIPAY")  # paid; its print.txt never came
    page = lookup_page(app)
    look_up(qtbot, page, number)
    assert page.next_steps() == ["print"]
    app.printer.set_condition("paper-end")

    qtbot.keyClick(page.input, Qt.Key.Key_Return)
    accept_reason(qtbot, page, expected_reason="顾客要求")
    qtbot.waitUntil(lambda: paper_of(page) == "held", timeout=WAIT_MS)
    assert page.verdict_text() == "已支付。小票在等打印机。"
    assert "缺纸" in page.paper_note.text() and page.next_steps() == []
    assert page.view is not None and page.view.held_job_ids

    app.printer.set_condition("online")  # paper loaded: it prints by itself, once
    [job] = app.printer.wait_for_jobs(1, timeout=WAIT_MS / 1000)
    assert number in job.text() and "重打" not in job.text()
    qtbot.waitUntil(lambda: paper_of(page) == "printed", timeout=WAIT_MS)
    assert page.next_steps() == ["reprint"] and page.default_action() is None
    assert len(app.printer.jobs) == 1
