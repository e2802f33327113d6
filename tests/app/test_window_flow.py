"""The real main window, on real services (sandbox, virtual printer on TCP, SQLite, watcher),
driven through a whole flow: a till writes print.txt → the receipt appears → it is printed →
the cashier reprints it with Ctrl+P → the copy arrives marked as a reprint; a bad file is kept
aside and never printed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from cashier_app.app.config import AppConfig
from cashier_app.app.paths import default_paths
from cashier_app.app.qt_app import WindowApp
from cashier_app.app.services import AppServices, RunOptions
from cashier_app.emulator.server import VirtualPrinter
from cashier_app.ui.receipts_page import ReceiptsPage
from tests.helpers.till import till_writes


@pytest.fixture
def window_app(qtbot: QtBot) -> Iterator[WindowApp]:
    config = AppConfig()
    config.general.language = "en"
    services = AppServices(config, default_paths(), RunOptions(demo=True, demo_interval_s=0))
    joined = WindowApp(services)
    window = joined.start()
    qtbot.addWidget(window)
    window.show()
    yield joined
    joined.stop()


def test_receipt_flows_to_printer_and_window_then_cashier_reprints(
    window_app: WindowApp, qtbot: QtBot, samples_dir: Path
) -> None:
    services = window_app.services
    printer = services.virtual_printer
    assert isinstance(printer, VirtualPrinter)
    window = window_app.window
    assert window is not None
    page = window.page("receipts")
    assert isinstance(page, ReceiptsPage)
    inbox = Path(services.config.watch.folders[0])

    till_writes(inbox, (samples_dir / "wechat-default-gbk-crlf.txt").read_bytes())

    def printed_row_shown() -> None:
        rows = [r for r in page.model.rows() if r.out_trade_no == "202611220001"]
        assert rows and rows[0].printed == "printed"

    qtbot.waitUntil(printed_row_shown, timeout=10_000)
    (job,) = printer.wait_for_jobs(1, timeout=5)
    assert "202611220001" in job.text() and "重打小票" not in job.text()
    assert "微信支付" in job.text()

    # The cashier goes to the receipts page (F2), selects the receipt and presses Ctrl+P; the reason
    # dialog opens; a reason is chosen; OK.
    qtbot.keyClick(window, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: window.current_page() is page, timeout=2_000)
    assert page.select_receipt(page.model.rows()[0].receipt_id)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.reprint.dialog is not None and page.reprint.dialog.isVisible(), timeout=5_000)
    dialog = page.reprint.dialog
    assert dialog is not None
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok is not None and not ok.isEnabled()  # a reprint needs a reason for the audit trail
    dialog.reason_box.setCurrentIndex(0)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    jobs = printer.wait_for_jobs(2, timeout=10)
    copy = jobs[1].text()
    assert "重打小票 REPRINT" in copy and "202611220001" in copy

    def reprinted_row_shown() -> None:
        assert page.model.rows()[0].printed == "reprinted"

    qtbot.waitUntil(reprinted_row_shown, timeout=10_000)
    assert services.journal is not None
    with services.journal.read() as conn:
        audit = conn.execute("SELECT actor, action, reason FROM audit").fetchall()
    assert [(a["actor"], a["action"]) for a in audit] == [("01", "reprint")]
    assert audit[0]["reason"]

    # A file that is not a receipt: kept aside with its reason, never printed, the list unchanged.
    till_writes(inbox, (samples_dir / "not-a-receipt.bin.txt").read_bytes())
    quarantine = services.paths.quarantine_dir
    qtbot.waitUntil(lambda: any(quarantine.iterdir()), timeout=10_000)
    assert [p.name.split("_", 1)[1] for p in quarantine.iterdir()] == ["print.txt.not-text"]
    assert len(printer.jobs) == 2
    assert len(page.model.rows()) == 1
