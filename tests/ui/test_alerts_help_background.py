"""Alerts (tray colour, notifications, status bar), the help page, the training look, and the worker runner."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication

from cashier_app.ui import theme
from cashier_app.ui.alerts import overall_severity, state_summary
from cashier_app.ui.background import BackgroundRunner
from cashier_app.ui.help_page import HelpPage, help_html
from cashier_app.ui.main_window import MainWindow
from cashier_app.ui.rows import PlatformStatusRow, PrinterStatusRow, StoreInfo
from cashier_app.ui.tray import TrayIcon
from tests.helpers.live_app import LiveApp
from tests.helpers.ui_services import ListServices

WAIT_MS = 10_000


# --- alerts ---------------------------------------------------------------------------------------------


def all_well(bridge) -> None:
    bridge.printer_status_changed.emit(PrinterStatusRow("前台", "ok"))
    bridge.platform_status_changed.emit(PlatformStatusRow(True))


def test_overall_severity_rules() -> None:
    assert overall_severity(theme.OK, theme.OK) == theme.OK
    assert overall_severity(theme.OK, theme.INFO) == theme.OK
    assert overall_severity(theme.OK, theme.OK, open_cases=1) == theme.ATTENTION
    assert overall_severity(theme.OK, theme.OK, held_jobs=2) == theme.ATTENTION
    assert overall_severity(theme.FAULT, theme.OK, open_cases=1) == theme.FAULT
    assert overall_severity(theme.OK, theme.ATTENTION) == theme.ATTENTION
    assert overall_severity(theme.OK, theme.OK, conditions=[theme.FAULT]) == theme.FAULT
    assert state_summary("Printer ready", "Platform OK", 0) == "Printer ready · Platform OK"
    assert state_summary("Printer ready", "Platform OK", 3) == "Printer ready · Platform OK · Open cases: 3"


def test_tray_colour_follows_open_cases_printer_and_platform(make_window, bridge, qtbot) -> None:
    window: MainWindow = make_window(ListServices(open_cases=2))
    tray = TrayIcon(window)
    window.set_tray(tray)
    all_well(bridge)
    assert window.open_cases() == 2
    assert window.status.cases_label.text() == "Open cases: 2"
    assert tray.severity() == theme.ATTENTION  # open cases want attention
    assert "Open cases: 2" in tray.toolTip()
    window.set_open_cases(0)
    assert tray.severity() == theme.OK
    bridge.platform_status_changed.emit(PlatformStatusRow(False, "timed out", "timeout"))
    assert tray.severity() == theme.ATTENTION
    bridge.printer_status_changed.emit(PrinterStatusRow("前台", "offline"))
    assert tray.severity() == theme.FAULT
    assert window.severity() == theme.FAULT


def test_faults_notify_once_when_they_start(make_window, bridge, qtbot) -> None:
    window: MainWindow = make_window(ListServices())
    told: list[tuple[str, str]] = []
    window.alerts.notified.connect(lambda text, severity: told.append((text, severity)))
    all_well(bridge)
    assert told == []
    bridge.printer_status_changed.emit(PrinterStatusRow("前台", "paper_end"))
    bridge.printer_status_changed.emit(PrinterStatusRow("前台", "paper_end"))  # the same fault again: told already
    assert told == [("前台: Printer out of paper. Load a new paper roll; printing resumes by itself.", "fault")]
    bridge.printer_status_changed.emit(PrinterStatusRow("前台", "ok"))
    bridge.printer_status_changed.emit(PrinterStatusRow("前台", "cover_open"))
    assert told[-1][0].startswith("前台: Printer cover open.")
    bridge.platform_status_changed.emit(PlatformStatusRow(False, "503", "maintenance"))
    bridge.platform_status_changed.emit(PlatformStatusRow(False, "503", "maintenance"))
    assert [text for text, _ in told].count("Platform connection lost: platform under maintenance") == 1
    assert window.status.platform_text() == "Platform connection lost: platform under maintenance"
    bridge.notice.emit("case_opened", {"kind": "printer_fault", "out_trade_no": "", "case_id": 4})
    assert told[-1] == ("New case: Printer fault. See the cases page.", "attention")
    assert len(told) == 4


def test_no_notification_while_the_cashier_looks_at_the_window(make_window, bridge, qtbot) -> None:
    window: MainWindow = make_window(ListServices())
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    with qtbot.assertNotEmitted(window.alerts.notified):
        bridge.notice.emit("case_opened", {"kind": "unpaid", "out_trade_no": "20260611093000071", "case_id": 1})
    assert window.status.currentMessage() == "New case: Not paid, order 20260611093000071. See the cases page."
    window.hide()
    with qtbot.waitSignal(window.alerts.notified):
        bridge.notice.emit("case_opened", {"kind": "unpaid", "out_trade_no": "20260611093000072", "case_id": 2})


def test_platform_down_in_chinese_status_bar(make_window, bridge, language) -> None:
    window: MainWindow = make_window(ListServices())
    language("zh_CN")
    bridge.platform_status_changed.emit(PlatformStatusRow(False))
    assert window.status.platform_text() == "平台连接中断"
    window.set_open_cases(3)
    assert window.status.cases_label.text() == "待处理异常：3"


def test_training_look_over_the_ui_seam(make_window, language) -> None:
    services = ListServices(training_mode=True)
    window: MainWindow = make_window(services)
    assert window.training_banner.isVisibleTo(window)
    assert window.windowTitle() == "Cashier Companion — TRAINING"
    language("zh_CN")
    assert window.windowTitle() == "收银伴侣 — 培训模式"
    assert window.training_banner.text() == "培训模式 — 不会影响真实订单"
    plain: MainWindow = make_window(ListServices())
    assert not plain.training_banner.isVisibleTo(plain)
    assert plain.windowTitle() == "收银伴侣"


# --- help -----------------------------------------------------------------------------------------------


def test_help_page_speaks_of_this_store(make_live_app, language) -> None:
    language("zh_CN")
    app: LiveApp = make_live_app(store_name="人民路店")
    page = app.window.page("help")
    assert isinstance(page, HelpPage)
    text = page.text()
    assert "人民路店 使用帮助" in text
    assert "收银员 07" in text
    port = app.sandbox.base_url.rsplit(":", 1)[1].strip("/")
    assert f"127.0.0.1:{port}" in text
    assert "打印机 receipt（网络打印机）" in text
    assert "打印机什么都没打出来，怎么办？" in text
    assert "技术支持：请向店长索取维护人员的电话。" in text
    # The store's support contact (general.support_contact), once the technician has set it.
    app.services.config.general.support_contact = "李工 138-0000-0000"
    page.refresh()
    assert "技术支持：李工 138-0000-0000" in page.text()
    language("en")
    assert "Help for 人民路店" in page.text()


def test_help_text_escapes_what_comes_from_the_configuration() -> None:
    info = StoreInfo("<b>Shop</b> & Co", "01", "observe", "front", "usb", "pay.example.com", training=True)
    html = help_html(info)
    assert "&lt;b&gt;Shop&lt;/b&gt; &amp; Co" in html
    assert "<b>Shop</b>" not in html
    assert "This till prints its own receipts" in html
    assert "Training mode" in html


# --- background runner ----------------------------------------------------------------------------------


@pytest.fixture
def runner(qapp):
    runner = BackgroundRunner(max_threads=1)
    yield runner
    runner.stop()


def test_results_and_errors_arrive_on_the_gui_thread(runner: BackgroundRunner, qtbot) -> None:
    gui = QApplication.instance().thread()  # type: ignore[union-attr]
    seen: list[tuple[str, object, bool]] = []
    workers: list[bool] = []

    def work() -> int:
        workers.append(QThread.currentThread() is not gui)
        return 42

    def fail() -> int:
        raise ValueError("platform said no")

    with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda busy: busy is False, timeout=WAIT_MS):
        runner.run(work, success=lambda value: seen.append(("ok", value, QThread.currentThread() is gui)))
        runner.run(fail, failure=lambda error: seen.append(("error", str(error), QThread.currentThread() is gui)))
        assert runner.is_busy()
    assert seen == [("ok", 42, True), ("error", "platform said no", True)]
    assert workers == [True]
    assert not runner.is_busy()


def test_progress_reaches_the_gui_thread(runner: BackgroundRunner, qtbot) -> None:
    steps: list[object] = []
    done: list[object] = []

    def work(report) -> str:
        for n in (1, 2):
            report(n)
        return "synced"

    with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda busy: busy is False, timeout=WAIT_MS):
        runner.run_with_progress(work, success=done.append, progress=steps.append)
    assert steps == [1, 2]
    assert done == ["synced"]


def test_stop_drops_late_results_and_waits_for_the_worker(qapp, qtbot) -> None:
    runner = BackgroundRunner()
    release = threading.Event()
    started = threading.Event()
    delivered: list[object] = []

    def slow() -> str:
        started.set()
        release.wait(5)
        return "late"

    runner.run(slow, success=delivered.append, failure=delivered.append)
    assert started.wait(5)
    runner.cancel()
    release.set()
    assert runner.wait(5000)
    qapp.processEvents()
    assert delivered == []
    with pytest.raises(RuntimeError, match="stopped"):
        runner.run(lambda: None)
