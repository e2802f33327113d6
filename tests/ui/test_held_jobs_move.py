"""Held print jobs sent to another configured printer: over the UI's seam, then on real services
(the demo's virtual printer out of paper, a second virtual printer on TCP as the store's backup)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton
from pytestqt.qtbot import QtBot

from cashier_app.app.config import AppConfig
from cashier_app.app.paths import default_paths
from cashier_app.app.qt_app import WindowApp
from cashier_app.app.services import AppServices, RunOptions
from cashier_app.emulator.server import VirtualPrinter
from cashier_app.printing.settings import PrinterSettings
from cashier_app.ui.printer_choice_dialog import PrinterChoiceDialog
from tests.helpers.held_jobs import banner_of
from tests.helpers.till import till_writes
from tests.helpers.ui_services import ListServices, ServiceError, held_job

WAIT_MS = 10_000


def ok_button(dialog: PrinterChoiceDialog) -> QPushButton:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert button is not None
    return button


# --- over the UI's seam ---------------------------------------------------------------------------------


def test_one_printer_offers_no_move(make_window) -> None:
    window = make_window(ListServices(held=[held_job(7, 3)], printers=["前台"]))
    window.show()
    banner = banner_of(window)
    (line,) = banner.job_lines()
    assert line.retry_button.isVisible() and line.cancel_button.isVisible()
    assert not line.move_button.isVisible()
    assert banner.ask_move(7) is None


def test_move_defaults_to_the_first_other_printer_and_calls_the_service(make_window, qtbot, language) -> None:
    services = ListServices(held=[held_job(7, 3)], printers=["前台", "后厨", "备用"])
    window = make_window(services)
    window.show()
    banner = banner_of(window)
    (line,) = banner.job_lines()
    assert line.move_button.isVisible()
    assert line.move_button.text() == "Other printer…"

    qtbot.mouseClick(line.move_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(PrinterChoiceDialog)
    assert isinstance(dialog, PrinterChoiceDialog) and dialog.isVisible()
    assert dialog.printers() == ["后厨", "备用"]  # never the job's own printer
    assert dialog.printer() == "后厨"
    assert "20240611153200000003" in dialog.prompt.text()
    language("zh_CN")
    assert dialog.windowTitle() == "转到其他打印机"
    assert line.move_button.text() == "转到其他打印机…"
    assert dialog.choose("备用")
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)

    assert services.moved == [(7, "备用")]
    assert window.status.currentMessage() == "订单 20240611153200000003 的小票已转到打印机 备用。"


def test_backing_out_moves_nothing(make_window, qtbot) -> None:
    services = ListServices(held=[held_job(7, 3)], printers=["前台", "后厨"])
    window = make_window(services)
    window.show()
    dialog = banner_of(window).ask_move(7)
    assert dialog is not None
    dialog.reject()
    assert services.moved == []


def test_a_failed_move_is_shown_in_the_cashiers_words(make_window, language) -> None:
    services = ListServices(held=[held_job(7, 3)], printers=["前台", "后厨"],
                            fail_with=ServiceError("job_state_changed", "print job 7 is done: cannot move it"))
    window = make_window(services)
    language("zh_CN")
    assert not banner_of(window).move_job(7, "后厨")
    assert window.status.currentMessage() == "这个打印任务刚刚已打印或已取消。 请在小票列表中查看它的状态。"


# --- on real services -----------------------------------------------------------------------------------


@pytest.fixture
def backup_printer(tmp_path: Path) -> Iterator[VirtualPrinter]:
    printer = VirtualPrinter(out_dir=tmp_path / "backup-printed")
    printer.start()
    yield printer
    printer.stop()


def test_held_job_moved_to_the_backup_printer_prints_there(
    qtbot: QtBot, samples_dir: Path, backup_printer: VirtualPrinter
) -> None:
    config = AppConfig()
    config.general.operator = "07"
    config.reconcile.enabled = False
    config.printing.printers["backup"] = PrinterSettings(kind="network", host="127.0.0.1", port=backup_printer.port)
    services = AppServices(config, default_paths(), RunOptions(demo=True, demo_interval_s=0))
    joined = WindowApp(services)
    try:
        window = joined.start()
        qtbot.addWidget(window)
        window.show()
        assert list(services.config.printing.printers) == ["receipt", "backup"]  # the demo kept the backup
        front = services.virtual_printer
        assert isinstance(front, VirtualPrinter)
        front.set_condition("paper-end")

        till_writes(Path(services.config.watch.folders[0]), (samples_dir / "wechat-default-gbk-crlf.txt").read_bytes())
        window.show_page("receipts")
        banner = banner_of(window)
        qtbot.waitUntil(lambda: len(banner.job_lines()) == 1 and banner.isVisible(), timeout=WAIT_MS)
        (line,) = banner.job_lines()
        assert line.job.printer == "receipt" and line.job.out_trade_no == "202611220001"
        assert line.move_button.isVisible()

        qtbot.mouseClick(line.move_button, Qt.MouseButton.LeftButton)
        dialog = window.findChild(PrinterChoiceDialog)
        assert isinstance(dialog, PrinterChoiceDialog)
        assert dialog.printer() == "backup"
        qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)

        (printed,) = backup_printer.wait_for_jobs(1, timeout=10)
        assert "202611220001" in printed.text() and "微信支付" in printed.text()
        assert front.jobs == []  # nothing came out of the empty printer
        qtbot.waitUntil(lambda: not banner.isVisible(), timeout=WAIT_MS)
        assert "backup" in window.status.currentMessage()
        assert services.queue is not None
        (job,) = services.queue.jobs()
        assert (job.printer, job.moved_from) == ("backup", "receipt")
        assert services.journal is not None
        with services.journal.read() as conn:
            audit = conn.execute("SELECT actor, action, job_id, detail FROM audit").fetchall()
        assert [tuple(row) for row in audit] == [("07", "move_job", job.id, "receipt -> backup")]
    finally:
        joined.stop()
