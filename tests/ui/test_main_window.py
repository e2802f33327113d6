"""The main window over the UI's seam: receipts live from the bridge, totals, reprint, held jobs, status bar."""

from __future__ import annotations

import io
import threading

import pytest
from PIL import Image
from PySide6.QtCore import QObject, Qt, QThread, Slot
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from cashier_app.ui.main_window import MainWindow
from cashier_app.ui.pages import Page, PageContext, PageRegistry, PageSpec
from cashier_app.ui.reason_dialog import ReasonDialog
from cashier_app.ui.receipts_model import COL_AMOUNT, COL_ORDER, COL_PRINTED
from cashier_app.ui.receipts_page import ReceiptsPage
from cashier_app.ui.rows import JobRow, PlatformStatusRow, PrinterStatusRow, RefusedRow
from cashier_app.ui.window_pages import window_pages
from tests.helpers.ui_services import ListServices, ServiceError, held_job, receipt


def receipts_page(window: MainWindow) -> ReceiptsPage:
    page = window.page("receipts")
    assert isinstance(page, ReceiptsPage)
    return page


def shown_orders(page: ReceiptsPage) -> list[str]:
    model = page.model
    return [model.data(model.index(row, COL_ORDER)) for row in range(model.rowCount())]


def confirm(dialog: ReasonDialog, qtbot, reason: str) -> None:
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok is not None
    assert not ok.isEnabled()  # no reason, no action
    line = dialog.reason_box.lineEdit()
    assert line is not None
    qtbot.keyClicks(line, reason)
    assert ok.isEnabled()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def test_shows_todays_receipts_newest_first_with_totals(window: MainWindow) -> None:
    page = receipts_page(window)
    assert shown_orders(page) == ["20240611153200000003", "20240611153200000002", "20240611153200000001"]
    # 12.50 + 38.00 - 5.00 (refund)
    assert page.totals.text() == "3 receipts  ·  net ¥45.50 (refunds: 1)"
    assert page.model.data(page.model.index(0, COL_AMOUNT)) == "-¥5.00"
    assert not page.empty.isVisible()


class ThreadRecorder(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.on_gui_thread: list[bool] = []

    @Slot(object)
    def record(self, _row: object) -> None:
        app = QApplication.instance()
        assert app is not None
        self.on_gui_thread.append(QThread.currentThread() is app.thread())


def test_receipt_emitted_from_a_worker_thread_appears_on_top(window: MainWindow, bridge, qtbot) -> None:
    page = receipts_page(window)
    recorder = ThreadRecorder()
    bridge.receipt_added.connect(recorder.record)
    new = receipt(4, "10:30:00", 9900, channel="BANKCARD", printed="queued")
    worker = threading.Thread(target=bridge.receipt_added.emit, args=(new,), name="watcher")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: page.model.receipt_count() == 4)
    assert shown_orders(page)[0] == new.out_trade_no
    assert recorder.on_gui_thread == [True]
    assert "net ¥144.50" in page.totals.text()


def test_receipt_updated_changes_the_printed_state_in_place(window: MainWindow, bridge, qtbot) -> None:
    page = receipts_page(window)
    with qtbot.waitSignal(page.model.dataChanged):
        bridge.receipt_updated.emit(receipt(3, "10:02:11", 500, channel="UNIONPAY", kind="REFUND", printed="printed"))
    assert page.model.receipt_count() == 3
    assert page.model.data(page.model.index(0, COL_PRINTED)) == "Printed"


def test_duplicate_receipt_added_is_not_shown_twice(window: MainWindow, bridge) -> None:
    page = receipts_page(window)
    bridge.receipt_added.emit(receipt(2, "09:15:40", 3800, channel="ALIPAY", printed="reprinted"))
    assert page.model.receipt_count() == 3
    assert page.model.rows()[1].printed == "reprinted"


def test_empty_day_says_so(make_window) -> None:
    window = make_window(ListServices())
    window.show()
    page = receipts_page(window)
    assert page.empty.isVisible()
    assert not page.reprint_button.isEnabled()
    assert page.totals.text() == "0 receipts  ·  net ¥0.00"


def test_reprint_selected_asks_a_reason_then_calls_the_service(window: MainWindow, services, qtbot) -> None:
    window.show()
    page = receipts_page(window)
    assert page.select_receipt(2)
    dialog = window.reprint_selected()
    assert isinstance(dialog, ReasonDialog)
    assert "20240611153200000002" in dialog.prompt.text()
    confirm(dialog, qtbot, "customer asked")
    assert services.reprints == [(2, "customer asked")]
    assert "queued" in window.status.currentMessage()


def test_ctrl_p_and_f5_shortcuts(window: MainWindow, services, qtbot) -> None:
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page = receipts_page(window)
    page.select_receipt(1)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(ReasonDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.reject()

    services.receipts.append(receipt(9, "11:00:00", 100))
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert page.model.receipt_count() == 4


def test_reprint_without_selection_says_what_to_do(window: MainWindow, services) -> None:
    assert window.reprint_selected() is None
    assert services.reprints == []
    assert window.status.currentMessage() == "Select a receipt in the table first."


def test_service_error_is_shown_in_words(window: MainWindow, services, qtbot) -> None:
    services.fail_with = ServiceError("paper_end", "status byte 0x0c")
    page = receipts_page(window)
    page.select_receipt(1)
    dialog = window.reprint_selected()
    assert isinstance(dialog, ReasonDialog)
    confirm(dialog, qtbot, "jam")
    assert window.status.currentMessage().startswith("Printer out of paper")


def test_held_jobs_banner_retry_and_cancel(make_window, services, bridge, qtbot) -> None:
    services.held = [held_job(11, 1), held_job(12, 2)]
    window = make_window(services)
    window.show()
    banner = receipts_page(window).banner
    assert banner.isVisible()
    assert "Receipts waiting to print: 2" in banner.title.text()
    assert "Printer out of paper" in banner.title.text()
    assert "paper roll" in banner.hint.text()
    assert window.severity() == "attention"

    lines = banner.job_lines()
    qtbot.mouseClick(lines[0].retry_button, Qt.MouseButton.LeftButton)
    assert services.retried == [11]
    qtbot.mouseClick(banner.retry_all_button, Qt.MouseButton.LeftButton)
    assert services.retried == [11, 11, 12]

    qtbot.mouseClick(lines[1].cancel_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(ReasonDialog)
    assert dialog is not None and dialog.isVisible()
    confirm(dialog, qtbot, "not needed")
    assert services.cancelled == [(12, "not needed")]

    # The queue reports the outcome; the banner follows it and disappears with the last held job.
    bridge.print_job_changed.emit(JobRow(12, 2, "前台", "cancelled"))
    assert [job.job_id for job in banner.jobs()] == [11]
    bridge.printer_status_changed.emit(PrinterStatusRow("前台", "ok"))
    assert window.severity() == "attention"  # one job still held
    bridge.print_job_changed.emit(JobRow(11, 1, "前台", "done"))
    assert not banner.isVisible()
    assert window.severity() == "ok"


def test_cancel_dialog_backed_out_cancels_nothing(make_window, services, qtbot) -> None:
    services.held = [held_job(11, 1)]
    window = make_window(services)
    window.show()
    banner = receipts_page(window).banner
    dialog = banner.ask_cancel(11)
    dialog.reject()
    assert services.cancelled == []


def test_job_held_later_shows_the_banner(window: MainWindow, bridge) -> None:
    window.show()
    banner = receipts_page(window).banner
    assert not banner.isVisible()
    bridge.print_job_changed.emit(held_job(21, 3, reason="cover_open"))
    assert banner.isVisible()
    assert "Printer cover open" in banner.title.text()


def test_last_printed_receipt_panel_shows_the_png(window: MainWindow, bridge) -> None:
    window.show()
    panel = receipts_page(window).last_print
    assert not panel.isVisible()
    buffer = io.BytesIO()
    Image.new("RGB", (576, 900), "white").save(buffer, "PNG")
    bridge.last_print_png.emit(buffer.getvalue())
    assert panel.isVisible()
    pixmap = panel.pixmap()
    assert pixmap is not None and pixmap.width() == 300
    assert not panel.show_png(b"not a picture")


def test_status_bar_in_english(window: MainWindow, bridge) -> None:
    status = window.status
    assert status.printer_text() == "Printer status unknown"  # before the first report
    bridge.printer_status_changed.emit(PrinterStatusRow("前台", "ok"))
    bridge.platform_status_changed.emit(PlatformStatusRow(True))
    assert status.printer_text() == "Printer ready"
    assert status.printer_label.severity() == "ok"
    assert status.platform_text() == "Platform OK"
    assert status.cases_label.text() == "Open cases: 0"  # asked of the services at start
    assert status.operator_label.text() == "Cashier: 01 王芳"
    assert window.severity() == "ok"
    bridge.printer_status_changed.emit(PrinterStatusRow("前台", "paper_end", "paper end sensor"))
    assert status.printer_text() == "Printer out of paper"
    assert status.printer_label.severity() == "fault"
    assert "paper end sensor" in status.printer_label.toolTip()
    assert window.severity() == "fault"
    window.set_open_cases(2)
    assert status.cases_label.text() == "Open cases: 2"


def test_status_bar_in_chinese_and_switching_language_live(window: MainWindow, bridge, language) -> None:
    bridge.printer_status_changed.emit(PrinterStatusRow("前台", "ok"))
    bridge.platform_status_changed.emit(PlatformStatusRow(False, "timeout after 5 s", "timeout"))
    assert window.status.platform_text() == "Platform connection lost: the platform did not answer in time"
    language("zh_CN")
    assert window.status.printer_text() == "打印机正常"
    assert window.status.platform_text() == "平台连接中断：平台响应超时"
    assert window.status.operator_label.text() == "收银员：01 王芳"
    assert window.windowTitle() == "收银伴侣"
    page = receipts_page(window)
    assert page.model.headerData(COL_ORDER, Qt.Orientation.Horizontal) == "商户订单号"
    assert page.totals.text().startswith("共 3 笔")
    bridge.printer_status_changed.emit(PrinterStatusRow("前台", "cover_open"))
    assert window.status.printer_text() == "打印机上盖打开"
    bridge.platform_status_changed.emit(PlatformStatusRow(None))
    assert window.status.platform_text() == "平台未配置"
    language("en")
    assert window.status.printer_text() == "Printer cover open"


def test_several_printers_name_the_one_at_fault(make_window, services, bridge) -> None:
    services.printers = ["前台", "厨房"]
    window = make_window(services)
    bridge.printer_status_changed.emit(PrinterStatusRow("前台", "ok"))
    bridge.printer_status_changed.emit(PrinterStatusRow("厨房", "paper_near_end"))
    assert window.status.printer_text() == "厨房: Printer paper low"
    assert window.status.printer_label.severity() == "attention"


def test_file_refused_and_notices_reach_the_status_bar(window: MainWindow, bridge) -> None:
    bridge.file_refused.emit(RefusedRow(r"C:\till\print.txt", "not text", "NUL bytes at 12"))
    assert window.status.currentMessage() == "File print.txt was not taken as a receipt: the file is not text"
    bridge.notice.emit("watch_folder_missing", {"path": r"D:\till"})
    assert r"D:\till" in window.status.currentMessage()
    assert window.severity() == "fault"
    bridge.notice.emit("watch_folder_restored", {"path": r"D:\till"})
    assert window.severity() != "fault"


def test_no_tray_means_closing_closes(window: MainWindow) -> None:
    window.show()
    assert window.tray is None
    assert window.close()
    assert not window.isVisible()


class LookupPage(Page):
    has_lookup = True

    def __init__(self, context: PageContext) -> None:
        super().__init__(context)
        from PySide6.QtWidgets import QLineEdit, QVBoxLayout

        self.field = QLineEdit()
        QVBoxLayout(self).addWidget(self.field)

    def focus_lookup(self) -> None:
        self.field.setFocus()


def test_page_registry_adds_pages_as_tabs(services, bridge, qtbot) -> None:
    registry = window_pages("receipts")
    registry.register(PageSpec("lookup", lambda: "Lookup", LookupPage, shortcut="F3"))
    with pytest.raises(ValueError, match="already registered"):
        registry.register(PageSpec("lookup", lambda: "Lookup", LookupPage))
    with pytest.raises(ValueError, match="shortcut F2 of page 'other' is page 'receipts'"):
        registry.register(PageSpec("other", lambda: "Other", LookupPage, shortcut="F2"))
    window = MainWindow(services, bridge, registry=registry)
    qtbot.addWidget(window)
    window.show()
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == ["Today's receipts", "Lookup"]
    assert window.tabs.tabBar().isVisible()
    assert window.focus_lookup()
    assert window.current_page() is window.page("lookup")
    assert window.page("lookup").title() == "Lookup"  # the page's title is its entry's
    window.show_page("receipts")
    assert window.reprint_selected() is None  # receipts page can reprint, but nothing is selected
    assert window.status.currentMessage() == "Select a receipt in the table first."
    window.show_page("lookup")
    assert window.reprint_selected() is None
    assert window.status.currentMessage() == "Nothing to reprint on this page."


def test_single_page_hides_the_tab_bar_and_ctrl_f_has_no_target(window: MainWindow) -> None:
    window.show()
    assert not window.tabs.tabBar().isVisible()
    assert not window.focus_lookup()
    assert "receipts" in window_pages("receipts") and "lookup" not in window_pages("receipts")
    assert PageRegistry().specs() == []
    with pytest.raises(KeyError, match="no such page: nowhere"):
        window_pages("nowhere")


def test_a_rejected_key_is_named_in_the_status_bar_not_a_lost_connection(window: MainWindow, bridge,
                                                                         language) -> None:
    language("zh_CN")
    bridge.platform_status_changed.emit(PlatformStatusRow(False, "HTTP 401 SIGN_ERROR", "key_rejected"))
    assert window.status.platform_text() == "平台拒绝本机：平台拒绝本机的商户密钥"
    assert "连接中断" not in window.status.platform_text()
