"""The "paid, no receipt" banner on the real app: sandbox platform and virtual printer on loopback, the
reconciler in "ask" mode raising the order after its grace period, the print queue and journal in tmp.
The cashier only presses F9: the receipt is printed from the platform's record (the order's first paper,
marked as printed from that record) and the case closes; when the platform cannot confirm the order is
paid, nothing prints and the entry stays."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from cashier_app.app.config import AppConfig
from cashier_app.app.paths import default_paths
from cashier_app.app.qt_app import WindowApp
from cashier_app.app.services import AppServices, RunOptions
from cashier_app.domain.cases import CaseResult, CaseStatus
from cashier_app.ui.main_window import MainWindow
from cashier_app.ui.missing_receipt_banner import MAX_LINES, MissingReceiptBanner
from cashier_app.ui.rows import CaseQuery, CaseRow
from tests.helpers.live_app import LiveApp
from tests.helpers.ui_services import ListServices

WAIT_MS = 15_000


@pytest.fixture
def make_app(qtbot: QtBot, language: Callable[[str], str]) -> Iterator[Callable[..., LiveApp]]:
    """make_app(missing_receipt="ask", reconcile=True) -> LiveApp in Chinese; stopped after the test."""
    language("zh_CN")
    started: list[WindowApp] = []

    def make(*, missing_receipt: str = "ask", reconcile: bool = True) -> LiveApp:
        config = AppConfig()
        config.general.operator = "07"
        config.reconcile.enabled = reconcile
        config.reconcile.missing_receipt = missing_receipt
        config.reconcile.interval_s = 0.2
        config.reconcile.grace_s = 0.5
        config.platform.max_attempts = 1  # a platform fault is a fault at once, not after retries
        config.platform.backoff_base_s = 0.01
        config.platform.backoff_max_s = 0.05
        services = AppServices(config, default_paths(), RunOptions(demo=True, demo_interval_s=0))
        joined = WindowApp(services)
        started.append(joined)
        window = joined.start()
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
        return LiveApp(joined, services)

    yield make
    for joined in started:
        joined.stop()


def banner_of(app: LiveApp) -> MissingReceiptBanner:
    return app.window.missing_receipts


def wait_listed(qtbot: QtBot, banner: MissingReceiptBanner, order: str) -> CaseRow:
    """The reconciler raises the paid order after its grace period; the banner shows it."""
    qtbot.waitUntil(lambda: [row.out_trade_no for row in banner.entries()] == [order], timeout=WAIT_MS)
    return banner.entries()[0]


def printed_for(app: LiveApp, order: str) -> list[str]:
    return [job.text() for job in app.printer.jobs if order in job.text()]


def journal_jobs(app: LiveApp) -> int:
    assert app.services.journal is not None
    with app.services.journal.read() as conn:
        return int(conn.execute("SELECT count(*) FROM print_jobs").fetchone()[0])


def test_f9_prints_the_missing_receipt_and_the_entry_goes(make_app, qtbot: QtBot) -> None:
    app = make_app()
    window, banner = app.window, banner_of(app)
    assert banner.isHidden() and banner.entries() == []

    order = "2026113014300001"
    app.sandbox.control.live_paid_order(order, 1250, "WECHAT")  # paid; the till never writes print.txt
    row = wait_listed(qtbot, banner, order)
    assert banner.isVisible()
    (line,) = banner.lines()
    assert line.text().startswith(f"已付款未出小票：订单 {order}  ¥12.50")
    assert line.button.text() == "打印小票 (F9)"
    assert "F9" in window.status.currentMessage() and order in window.status.currentMessage()
    assert app.printer.jobs == []

    with qtbot.waitSignal(banner.printed, timeout=WAIT_MS) as printed:
        qtbot.keyClick(window, Qt.Key.Key_F9)  # no dialog: the banner says which order
    assert printed.args == [order]
    qtbot.waitUntil(lambda: bool(printed_for(app, order)), timeout=WAIT_MS)
    (text,) = printed_for(app, order)
    # The order's first paper, from the platform's record: marked so, not as a reprint (nothing came before).
    assert "补打小票" in text and "据平台记录打印" in text and "重打小票" not in text

    qtbot.waitUntil(lambda: banner.entries() == [] and banner.isHidden(), timeout=WAIT_MS)
    assert "已送去打印" in window.status.currentMessage()
    case = app.services.cases.get(row.case_id)
    assert case is not None and case.status is CaseStatus.CLOSED and case.result is CaseResult.PRINTED
    assert case.closed_by == "07"
    qtbot.waitUntil(lambda: window.open_cases() == 0, timeout=WAIT_MS)

    # Nothing left: F9 says so and prints nothing.
    assert not window.print_missing_receipt()
    assert "没有" in window.status.currentMessage()
    assert len(app.printer.jobs) == 1


def test_state_unknown_prints_nothing_and_keeps_the_entry_until_it_can_print(make_app, qtbot: QtBot) -> None:
    app = make_app()
    window, banner = app.window, banner_of(app)
    order = "2026113014300002"
    app.sandbox.control.live_paid_order(order, 3800, "ALIPAY")
    row = wait_listed(qtbot, banner, order)

    app.sandbox.control.inject_faults(status=503, for_requests=20)
    with qtbot.waitSignal(banner.print_failed, timeout=WAIT_MS) as failed:
        qtbot.keyClick(window, Qt.Key.Key_F9)
    number, why = failed.args
    assert number == order
    assert "未打印" in why and "无法确认" in why and "平台维护中" in why
    # The entry stays, with the reason under it and in the status bar; nothing was printed or queued.
    assert [r.case_id for r in banner.entries()] == [row.case_id] and banner.isVisible()
    assert banner.lines()[0].error_text() == why
    assert window.status.currentMessage() == why
    assert app.printer.jobs == [] and journal_jobs(app) == 0
    case = app.services.cases.get(row.case_id)
    assert case is not None and case.status is CaseStatus.OPEN
    assert any(step.outcome.startswith("state_unknown") for step in case.steps)  # the try is on the timeline

    # The platform answers again: the same key prints it.
    app.sandbox.control.clear_faults()
    with qtbot.waitSignal(banner.printed, timeout=WAIT_MS):
        qtbot.keyClick(window, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: bool(printed_for(app, order)), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: banner.entries() == [], timeout=WAIT_MS)
    case = app.services.cases.get(row.case_id)
    assert case is not None and case.result is CaseResult.PRINTED


def test_an_order_refunded_meanwhile_is_not_printed(make_app, qtbot: QtBot) -> None:
    app = make_app()
    window, banner = app.window, banner_of(app)
    order = "2026113014300003"
    app.sandbox.control.live_paid_order(order, 990, "WECHAT")
    row = wait_listed(qtbot, banner, order)

    # Refunded before the cashier got to it. (The reconciler is stopped first: it would see the refund on
    # its next poll and close the case by itself before F9.)
    assert app.services.reconciler is not None and app.services.reconciler.stop()
    app.sandbox.control.set_upstream(order, "REFUNDED", notify=True)
    with qtbot.waitSignal(banner.print_failed, timeout=WAIT_MS) as failed:
        qtbot.keyClick(window, Qt.Key.Key_F9)
    assert "未打印" in failed.args[1] and "已退款" in failed.args[1]
    assert app.printer.jobs == [] and journal_jobs(app) == 0
    # The lookup settled the case (the money goes back by itself): it leaves the banner.
    qtbot.waitUntil(lambda: banner.entries() == [], timeout=WAIT_MS)
    case = app.services.cases.get(row.case_id)
    assert case is not None and case.status is CaseStatus.CLOSED and case.result is not CaseResult.PRINTED


def test_after_a_restart_the_waiting_order_is_still_in_front_of_the_cashier(make_app, qtbot: QtBot) -> None:
    first = make_app()
    order = "2026113014300004"
    first.sandbox.control.live_paid_order(order, 1250, "UNIONPAY")
    row = wait_listed(qtbot, banner_of(first), order)
    first.joined.stop()

    # Reconciliation off: only the journal's open case can put it in the banner.
    second = make_app(reconcile=False)
    banner = banner_of(second)
    assert [r.case_id for r in banner.entries()] == [row.case_id] and banner.isVisible()
    with qtbot.waitSignal(banner.printed, timeout=WAIT_MS):
        qtbot.keyClick(second.window, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: bool(printed_for(second, order)), timeout=WAIT_MS)
    assert banner.entries() == [] and banner.isHidden()


def test_in_auto_mode_the_reconciler_prints_it_and_nothing_waits(make_app, qtbot: QtBot) -> None:
    app = make_app(missing_receipt="auto")
    window, banner = app.window, banner_of(app)
    order = "2026113014300005"
    app.sandbox.control.live_paid_order(order, 1250, "WECHAT")
    qtbot.waitUntil(lambda: bool(printed_for(app, order)), timeout=WAIT_MS)
    # The case_opened notice has reached the window (its text names the order): still nothing in the banner.
    qtbot.waitUntil(lambda: order in window.status.currentMessage(), timeout=WAIT_MS)
    assert banner.entries() == [] and banner.isHidden()
    assert "补打小票" in printed_for(app, order)[0]


# --- the banner over the UI's own seam: layout and words, no services needed --------------------------


@dataclass
class WaitingServices(ListServices):
    waiting: list[CaseRow] = field(default_factory=list)
    queries: list[CaseQuery] = field(default_factory=list)

    def cases(self, query: CaseQuery) -> list[CaseRow]:
        self.queries.append(query)
        return [row for row in self.waiting if row.status == query.status and row.kind == query.kind]


def waiting(case_id: int, minute: int) -> CaseRow:
    return CaseRow(case_id, "paid_no_receipt", "open", f"2024-06-11 14:{minute:02d}:00", "system",
                   out_trade_no=f"20240611140{minute:02d}0{case_id:02d}", amount_fen=1250 + case_id)


def test_newest_first_a_few_lines_the_rest_counted_and_no_service(make_window, qtbot: QtBot, language) -> None:
    language("zh_CN")
    services = WaitingServices(waiting=[waiting(i, i) for i in range(1, 6)])
    window: MainWindow = make_window(services)
    window.show()
    banner = window.missing_receipts
    assert services.queries[-1] == CaseQuery(day="2024-06-11", kind="paid_no_receipt", status="open")
    assert [row.case_id for row in banner.entries()] == [5, 4, 3, 2, 1]
    lines = banner.lines()
    assert len(lines) == MAX_LINES
    assert [line.button.text() for line in lines] == ["打印小票 (F9)", "打印小票", "打印小票"]
    assert "14:05" in lines[0].text() and "¥12.55" in lines[0].text()
    assert banner.more.isVisible() and "2" in banner.more.text()

    # No lookup service (e.g. the platform is not set up): said on the entry, which stays.
    assert not window.print_missing_receipt()
    assert [row.case_id for row in banner.entries()] == [5, 4, 3, 2, 1]
    assert banner.lines()[0].error_text() == window.status.currentMessage() != ""

    # Closed elsewhere (cases page): the notice makes the banner read again; empty hides it.
    services.waiting = []
    window.bridge.notice.emit("case_updated", {"kind": "paid_no_receipt", "out_trade_no": "", "case_id": 5})
    qtbot.waitUntil(banner.isHidden, timeout=WAIT_MS)
    assert banner.entries() == []
