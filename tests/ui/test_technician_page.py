"""The technician's bench in the window, on the real services (sandbox, virtual printer on TCP, journal,
watcher): the diagnosis live, the file activity, held jobs and a test receipt through the queue, the bundle,
and the sniffer between a till and the app's printer. With sign-in on, only technicians and managers see it."""

from __future__ import annotations

import zipfile
from pathlib import Path

from escpos.printer import Network
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget

from cashier_app.ui.main_window import MainWindow
from cashier_app.ui.technician_page import TechnicianPage
from tests.helpers.live_app import LiveApp
from tests.helpers.net import free_port
from tests.helpers.sign_in import add_people, sign_in_on
from tests.helpers.till import till_writes

WAIT_MS = 20_000


def cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None, (row, column)
    return item.text()


def bench(app: LiveApp, qtbot) -> TechnicianPage:
    window: MainWindow = app.window
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F8)
    page = window.page("technician")
    assert isinstance(page, TechnicianPage) and window.current_page() is page
    return page


def test_the_checks_run_live_faults_first_with_what_to_do(make_live_app, qtbot, language) -> None:
    language("en")
    app = make_live_app()
    app.printer.set_condition("paper-end")
    page = bench(app, qtbot)  # shown: the checks run by themselves
    qtbot.waitUntil(lambda: page.diagnosis is not None, timeout=WAIT_MS)
    assert page.diagnosis is not None
    ids = [c.id for c in page.diagnosis.checks]
    assert {"config", "journal", "watch_folders", "printer:receipt", "platform", "clock"} <= set(ids)
    outcomes = {c.id: c.outcome for c in page.diagnosis.checks}
    assert outcomes["platform"] == "ok" and outcomes["clock"] == "ok"  # the demo's sandbox, with the demo's key
    first = cell(page.checks, 0, 1)
    assert first.startswith("Printer receipt (default)") and "out of paper" in first.lower()
    assert "load a new roll" in cell(page.checks, 0, 2).lower()
    assert cell(page.checks, 0, 0) == "Fault"
    assert "Checked at" in page.diagnosis_state.text()
    language("zh_CN")  # the same checks in Chinese, with the Chinese fix
    assert cell(page.checks, 0, 0) == "故障" and "缺纸" in cell(page.checks, 0, 1)
    assert "纸卷" in cell(page.checks, 0, 2)


def test_file_activity_says_which_folder_when_and_which_template(make_live_app, qtbot, samples_dir: Path,
                                                                language) -> None:
    language("en")
    app = make_live_app()
    inbox = Path(app.services.config.watch.folders[0])
    till_writes(inbox, (samples_dir / "wechat-default-gbk-crlf.txt").read_bytes())
    app.printer.wait_for_jobs(1, timeout=20)
    till_writes(inbox, (samples_dir / "not-a-receipt.bin.txt").read_bytes())
    page = bench(app, qtbot)
    page.sections.setCurrentWidget(page.files_panel)

    def both_shown() -> None:
        assert page.files is not None and len(page.files.versions) == 2

    qtbot.waitUntil(both_shown, timeout=WAIT_MS)
    assert cell(page.versions, 0, 2).startswith("refused: ")
    assert cell(page.versions, 1, 3) == "WeChat default" and cell(page.versions, 1, 4) == "202611220001"
    assert str(inbox) in cell(page.versions, 1, 1)
    assert "print.txt was last written" in page.files_headline.text()


def test_held_jobs_and_a_test_receipt_through_the_queue(make_live_app, qtbot, language) -> None:
    language("en")
    app = make_live_app()
    page = bench(app, qtbot)
    app.printer.set_condition("cover-open")
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    assert "The test receipt is queued for receipt as job #" in page.queue_state.text()
    qtbot.waitUntil(lambda: len(page.held) == 1, timeout=WAIT_MS)
    assert "Printer cover open" in cell(page.jobs, 0, 3)
    page.jobs.selectRow(0)
    app.printer.set_condition("online")
    qtbot.mouseClick(page.retry_button, Qt.MouseButton.LeftButton)
    assert "is tried again now" in page.queue_state.text()
    [job] = app.printer.wait_for_jobs(1, timeout=20)
    assert "TEST PAGE" in job.text() and "printer: receipt" in job.text()
    qtbot.waitUntil(lambda: page.held == [], timeout=WAIT_MS)


def test_the_bundle_is_saved_from_the_page(make_live_app, qtbot, tmp_path: Path, language) -> None:
    language("en")
    app = make_live_app()
    page = bench(app, qtbot)
    target = tmp_path / "support" / "diag.zip"
    page.write_bundle(str(target))
    qtbot.waitUntil(lambda: "The bundle is saved" in page.diagnosis_state.text(), timeout=WAIT_MS)
    with zipfile.ZipFile(target) as archive:
        names = set(archive.namelist())
    assert {"report.json", "config.toml", "cases-open.json"} <= names


def test_the_sniffer_shows_what_the_till_sends_and_passes_it_on(make_live_app, qtbot, language) -> None:
    language("en")
    app = make_live_app()
    page = bench(app, qtbot)
    page.sections.setCurrentWidget(page.sniffer)
    sniffer = page.sniffer
    assert sniffer.upstream.text() == f"127.0.0.1:{app.printer.port}"  # the configured printer
    sniffer.port.setValue(free_port())
    qtbot.mouseClick(sniffer.start_button, Qt.MouseButton.LeftButton)
    assert sniffer.running() and "Sniffing: set the till's printer to 127.0.0.1" in sniffer.state.text()
    till = Network("127.0.0.1", port=sniffer.port.value(), timeout=2)
    till.open()
    till._raw(b"\x1b@\x1c&" + "收银小票 商户订单号 202611220001\n".encode("gbk") + b"\x1d\x56\x42\x03")
    till.close()
    qtbot.waitUntil(lambda: sniffer.jobs.count() == 1, timeout=WAIT_MS)
    [printed] = app.printer.wait_for_jobs(1, timeout=20)
    assert "202611220001" in printed.text()
    assert "passed on" in sniffer.jobs.item(0).text()
    assert sniffer.picture.pixmap() is not None and not sniffer.picture.pixmap().isNull()
    assert "收银小票 商户订单号 202611220001" in sniffer.text.toPlainText()
    qtbot.mouseClick(sniffer.start_button, Qt.MouseButton.LeftButton)
    assert not sniffer.running() and sniffer.start_button.text() == "&Start sniffing"


def test_a_sniffer_that_cannot_listen_says_why(make_live_app, qtbot, language) -> None:
    language("en")
    app = make_live_app()
    page = bench(app, qtbot)
    page.sniffer.upstream.setText("printer-without-port")
    assert not page.sniffer.start()
    assert "give the real printer as HOST:PORT" in page.sniffer.state.text()


def test_with_sign_in_only_technicians_and_managers_see_the_bench(make_live_app) -> None:
    add_people()
    app = make_live_app(configure=sign_in_on())
    window: MainWindow = app.window
    screen = window.gate.screen
    assert screen is not None and screen.enter("07", "1379")  # a cashier
    assert not window.page_visible("technician")
    window.gate.switch_person()
    assert screen.enter("09", "4826")  # the technician
    assert window.page_visible("technician")
