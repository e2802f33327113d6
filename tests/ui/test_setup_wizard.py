"""The setup wizard driven end to end, as a technician at a new store would: against the virtual printer on
TCP, the sandbox platform over HTTP, a real till folder and the real credential store (a file backend in the
test's folder). The configuration it writes then starts the app, which prints the next receipt."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from cashier_app.app.config import load_config
from cashier_app.app.paths import default_paths
from cashier_app.app.qt_app import WindowApp
from cashier_app.app.services import AppServices, RunOptions
from cashier_app.app.setup_adapter import SetupAdapter
from cashier_app.emulator.server import VirtualPrinter
from cashier_app.sandbox import terminal
from cashier_app.sandbox.server import SandboxServer
from cashier_app.ui.setup_wizard import SetupWizard
from tests.helpers.fake_devices import WEB, loopback_lan
from tests.helpers.till import till_writes

# Waits are on conditions; these only bound them, generously, for a loaded machine.
WAIT_MS = 20_000
WAIT_S = 20.0


@pytest.fixture
def printer() -> Iterator[VirtualPrinter]:
    vp = VirtualPrinter(port=0).start()
    yield vp
    vp.stop()


@pytest.fixture
def sandbox(tmp_path: Path) -> Iterator[SandboxServer]:
    server = SandboxServer(port=0, db_path=tmp_path / "sandbox.sqlite3").start()
    yield server
    server.stop()


@pytest.fixture
def till(tmp_path: Path) -> Path:
    folder = tmp_path / "till"
    folder.mkdir()
    return folder


@pytest.fixture
def make_wizard(qtbot: QtBot, language) -> Iterator:
    made: list[SetupWizard] = []
    language("en")

    def make(adapter: SetupAdapter | None = None, silence_s: float = 30.0) -> SetupWizard:
        wizard = SetupWizard(adapter or SetupAdapter(default_paths().config_file), watch_silence_s=silence_s)
        qtbot.addWidget(wizard)
        wizard.show()
        made.append(wizard)
        return wizard

    yield make
    for wizard in made:
        wizard.done(0)


def next_page(qtbot: QtBot, wizard: SetupWizard, expected: int) -> None:
    before = wizard.currentId()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == expected, timeout=WAIT_MS)
    assert wizard.currentId() != before


def test_a_new_store_set_up_end_to_end_then_started(  # noqa: PLR0917 - fixtures: the store's real parts
        make_wizard, qtbot: QtBot, printer: VirtualPrinter, sandbox: SandboxServer, till: Path,
        samples_dir: Path) -> None:
    wizard = make_wizard()
    assert wizard.currentId() == SetupWizard.STORE
    store = wizard.store_page
    store.store_name.setText("星河便利店")
    store.store_no.setText("SZ-0042")
    store.utc_offset.setCurrentText("+08:00")

    # The till's folder, watched live during a test payment.
    next_page(qtbot, wizard, SetupWizard.FOLDER)
    folder = wizard.folder_page
    qtbot.keyClicks(folder.folder_input, str(till))
    qtbot.mouseClick(folder.add_button, Qt.MouseButton.LeftButton)
    assert folder.folder_list() == [str(till)]
    qtbot.mouseClick(folder.watch_button, Qt.MouseButton.LeftButton)
    assert folder.watching() and "Make a test payment" in folder.watch_state.text()
    till_writes(till, (samples_dir / "wechat-default-gbk-crlf.txt").read_bytes())
    qtbot.waitUntil(lambda: bool(folder.seen), timeout=WAIT_MS)
    said = folder.watch_state.text()
    assert said.startswith("print.txt written ") and "by template WeChat default (order 202611220001)" in said

    next_page(qtbot, wizard, SetupWizard.MODE)
    assert not folder.watching()  # leaving the step stops the watch
    assert wizard.mode_page.print_mode.isChecked()

    # The printer: found by a scan of the loopback range on its port, then tried.
    next_page(qtbot, wizard, SetupWizard.PRINTER)
    page = wizard.printer_page
    page.ranges.setText("127.0.0.1")
    page.scan_port.setValue(printer.port)
    qtbot.mouseClick(page.scan_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.scanning(), timeout=WAIT_MS)
    assert page.found_list.count() == 1
    assert page.found_list.item(0).text() == f"Network  127.0.0.1:{printer.port}  receipt printer (answers: online)"
    page.found_list.setCurrentRow(0)
    assert page.host.text() == "127.0.0.1" and page.port.value() == printer.port
    assert page.paper.count() == 3 and page.paper.currentText() == "58 mm, 32 columns"  # the choice stays
    assert page.charset.currentText() == "2) GBK"

    def answered(words: str) -> None:
        qtbot.waitUntil(lambda: words in page.answer.text(), timeout=WAIT_MS)

    qtbot.mouseClick(page.status_button, Qt.MouseButton.LeftButton)
    answered("The printer answers DLE EOT status queries.")
    assert page.last_answer is not None and page.last_answer.ok
    qtbot.mouseClick(page.page_buttons["chart"], Qt.MouseButton.LeftButton)
    answered("Read the chart")
    [chart] = printer.wait_for_jobs(1, timeout=WAIT_S)
    assert "CODE PAGE CHART" in chart.text() and "2) GBK\n收银小票，￥12.34（完）" in chart.text()
    page.charset.setCurrentIndex(page.charset.findText("2) GBK"))
    qtbot.mouseClick(page.page_buttons["cutter"], Qt.MouseButton.LeftButton)
    answered("Was the paper cut?")
    qtbot.mouseClick(page.page_buttons["drawer"], Qt.MouseButton.LeftButton)
    answered("Did the cash drawer open?")
    jobs = printer.wait_for_jobs(3, timeout=WAIT_S)
    assert jobs[1].decoded.cuts and jobs[2].decoded.drawer_kicks
    page.drawer.setChecked(False)

    # The platform: the key typed masked, stored, and checked with a signed request.
    next_page(qtbot, wizard, SetupWizard.PLATFORM)
    platform = wizard.platform_page
    platform.base_url.setText(sandbox.base_url)
    platform.merchant_no.setText("M100001")
    platform.terminal_no.setText("T0001")
    platform.refresh_key_state()
    assert "No key is stored" in platform.key_state.text() and not platform.check_button.isEnabled()
    assert platform.key.echoMode() == platform.key.EchoMode.Password
    qtbot.keyClicks(platform.key, terminal.KEY)
    qtbot.mouseClick(platform.save_button, Qt.MouseButton.LeftButton)
    assert platform.key.text() == "" and "A key is stored" in platform.key_state.text()
    qtbot.mouseClick(platform.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: platform.last_check is not None, timeout=WAIT_MS)
    assert "it accepts this terminal and its key" in platform.outcome.text()

    # The summary shows the whole configuration; Finish writes it.
    next_page(qtbot, wizard, SetupWizard.SUMMARY)
    preview = wizard.summary_page.preview.toPlainText()
    assert "星河便利店" in preview and str(till) in preview and terminal.KEY not in preview
    assert "Platform key for M100001/T0001@" in wizard.summary_page.key_state.text()
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert finish.text().replace("&", "") == "Write and start" and finish.isEnabled()
    with qtbot.waitSignal(wizard.written, timeout=WAIT_MS) as written:
        qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    path = Path(written.args[0].path)
    assert path == default_paths().config_file and written.args[0].backup is None
    text = path.read_text(encoding="utf-8")
    assert terminal.KEY not in text
    assert tomllib.loads(text)["printing"]["printers"]["receipt"] == {"port": printer.port}  # the rest: defaults

    # The file starts the app, which prints the next receipt on the printer the wizard found.
    config = load_config(path)
    assert config.general.store_name == "星河便利店" and config.general.store_no == "SZ-0042"
    assert config.watch.folders == [str(till)] and config.platform.base_url == sandbox.base_url
    config.reconcile.enabled = False
    services = AppServices(config, default_paths(), RunOptions())
    joined = WindowApp(services)
    try:
        window = joined.start()
        qtbot.addWidget(window)
        # The test payment's print.txt is still there and new to the journal: its receipt prints first.
        receipts = printer.wait_for_jobs(4, timeout=WAIT_S)
        assert "202611220001" in receipts[3].text()
        till_writes(till, (samples_dir / "alipay-default-gbk-crlf.txt").read_bytes())
        receipts = printer.wait_for_jobs(5, timeout=WAIT_S)
        assert "支付宝" in receipts[4].text()
        assert window.services.store_info().store_name == "星河便利店"
    finally:
        joined.stop()


def test_a_step_with_a_wrong_setting_says_which_and_stays(make_wizard, qtbot: QtBot) -> None:
    wizard = make_wizard()
    wizard.store_page.store_no.setText("SZ 42!")
    wizard.next()
    assert wizard.currentId() == SetupWizard.STORE
    assert "general.store_no" in wizard.store_page.problems_label.text()
    wizard.store_page.store_no.setText("SZ-42")
    next_page(qtbot, wizard, SetupWizard.FOLDER)
    wizard.folder_page.add_folder("till/print")  # relative: it would depend on where the app starts
    wizard.next()
    assert wizard.currentId() == SetupWizard.FOLDER
    assert "watch.folders[0]" in wizard.folder_page.problems_label.text()
    assert "relative path" in wizard.folder_page.problems_label.text()


def test_nothing_written_says_what_was_looked_at_and_what_to_check(make_wizard, qtbot: QtBot, till: Path) -> None:
    (till / "receipt_out.txt").write_text("the till writes another name")
    wizard = make_wizard(silence_s=0.3)
    next_page(qtbot, wizard, SetupWizard.FOLDER)
    folder = wizard.folder_page
    folder.add_folder(str(till))
    folder.add_folder(str(till.parent / "not-there"))
    assert folder.start_watching()
    qtbot.waitUntil(lambda: "Nothing was written" in folder.watch_state.text(), timeout=WAIT_MS)
    said = folder.watch_state.text()
    assert f"{till}: holds no file named print*.txt" in said
    assert "other text files there: receipt_out.txt" in said
    assert f"{till.parent / 'not-there'}: does not exist" in said
    assert "the till's setting for where it writes print.txt" in said


def test_the_network_scan_names_what_is_no_printer_and_can_be_cancelled(make_wizard, qtbot: QtBot) -> None:
    wizard = make_wizard()
    for step in (SetupWizard.FOLDER, SetupWizard.MODE, SetupWizard.PRINTER):
        if step == SetupWizard.MODE:
            wizard.folder_page.add_folder("/srv/till")
        next_page(qtbot, wizard, step)
    page = wizard.printer_page
    with loopback_lan(["127.0.0.5"], {"127.0.0.6": WEB}) as (port, _, _):
        page.ranges.setText("127.0.0.0/24")
        page.scan_port.setValue(port)
        assert page.start_scan()
        assert page.progress.isVisible()
        qtbot.waitUntil(lambda: not page.scanning(), timeout=WAIT_MS)
    texts = [page.found_list.item(i).text() for i in range(page.found_list.count())]
    assert f"Network  127.0.0.5:{port}  receipt printer (answers: online)" in texts
    assert f"Network  127.0.0.6:{port}  answers, but not a receipt printer" in texts
    assert "254 addresses scanned: 1 printer(s) found." in page.find_state.text()
    page.found_list.setCurrentRow(next(i for i, t in enumerate(texts) if "127.0.0.6" in t))
    assert "is not a receipt printer" in page.answer.text()

    page.ranges.setText("127.0.0.0/24")
    page.scan_port.setValue(9)
    assert page.start_scan()
    qtbot.mouseClick(page.scan_button, Qt.MouseButton.LeftButton)  # now "Cancel the scan"
    qtbot.waitUntil(lambda: not page.scanning(), timeout=WAIT_MS)
    assert "Scan stopped after" in page.find_state.text() or "254 addresses scanned" in page.find_state.text()


def test_the_old_file_is_kept_and_what_the_wizard_does_not_show_survives(make_wizard, qtbot: QtBot) -> None:
    path = default_paths().config_file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("# the store's own notes\n[general]\nstore_name = \"旧店\"\n[reconcile]\ngrace_s = 45.0\n"
                    "[watch]\nfolders = [\"/srv/till\"]\n", encoding="utf-8")
    wizard = make_wizard()
    assert wizard.store_page.store_name.text() == "旧店"
    wizard.store_page.store_name.setText("新店")
    for step in range(SetupWizard.FOLDER, SetupWizard.SUMMARY + 1):
        next_page(qtbot, wizard, step)
    assert "The file there now is kept as a backup" in wizard.summary_page.where.text()
    with qtbot.waitSignal(wizard.written, timeout=WAIT_MS) as written:
        wizard.accept()
    backup = Path(written.args[0].backup)
    assert "# the store's own notes" in backup.read_text(encoding="utf-8")
    config = load_config(path)
    assert config.general.store_name == "新店" and config.reconcile.grace_s == 45.0


@pytest.fixture
def wechat_server(tmp_path: Path) -> Iterator[SandboxServer]:
    server = SandboxServer(platform="wechatpay-v3", keys_dir=tmp_path / "wechat-keys").start()
    yield server
    server.stop()


def test_a_wechat_pay_store_stores_its_keys_and_the_platform_accepts_them(
        make_wizard, qtbot: QtBot, wechat_server: SandboxServer) -> None:
    import json

    from cashier_app.platform.credentials import CredentialStore

    info = json.loads((wechat_server.keys_dir / "platform.json").read_text(encoding="utf-8"))  # type: ignore[operator]
    wizard = make_wizard()
    for step in range(SetupWizard.FOLDER, SetupWizard.PLATFORM + 1):
        next_page(qtbot, wizard, step)
    page = wizard.platform_page
    page.kind.setCurrentIndex(page.kind.findData("wechatpay-v3"))
    assert page.kind.currentText() == "WeChat Pay API v3" and page.public_key_box.isVisibleTo(page)
    page.wechat_base_url.setText(wechat_server.base_url)
    page.wechat_mchid.setText(info["mchid"])
    page.wechat_serial_no.setText(info["merchant_serial_no"])
    page.wechat_public_key_id.setText(info["public_key_id"])
    # The platform's public key: pasted, checked, written to the config folder.
    page.public_key.setPlainText(Path(info["files"]["public_key"]).read_text(encoding="ascii"))
    qtbot.mouseClick(page.public_key_save, Qt.MouseButton.LeftButton)
    written = default_paths().config_file.parent / "wechatpay_public_key.pem"
    assert "Saved: public key" in page.outcome.text() and written.exists()
    # The merchant's private key pasted into the one-line field: its line breaks are lost there.
    pem = Path(info["files"]["merchant_private_key"]).read_text(encoding="ascii")
    page.key.setText(" ".join(pem.split("\n")))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.key.text() == "" and "A key is stored for wechatpay-v3:" in page.key_state.text()
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.last_check is not None, timeout=WAIT_MS)
    assert "it accepts this terminal and its key" in page.outcome.text(), page.outcome.text()

    next_page(qtbot, wizard, SetupWizard.SUMMARY)
    assert "WeChat Pay API v3" in wizard.summary_page.overview.text()
    with qtbot.waitSignal(wizard.written, timeout=WAIT_MS):
        wizard.accept()
    config = load_config(default_paths().config_file)
    assert config.platform.kind == "wechatpay-v3" and config.platform.wechatpay.mchid == info["mchid"]
    assert CredentialStore(config.platform).has_key()
    assert pem.split("\n")[1] not in default_paths().config_file.read_text(encoding="utf-8")


def test_a_wrong_public_key_is_refused_and_nothing_is_written(make_wizard, qtbot: QtBot) -> None:
    wizard = make_wizard()
    for step in range(SetupWizard.FOLDER, SetupWizard.PLATFORM + 1):
        next_page(qtbot, wizard, step)
    page = wizard.platform_page
    page.kind.setCurrentIndex(page.kind.findData("alipay"))
    page.alipay_app_id.setText("2021000000000001")
    page.public_key.setPlainText("-----BEGIN PUBLIC terminal.KEY-----\nnot a key\n-----END PUBLIC terminal.KEY-----\n")
    qtbot.mouseClick(page.public_key_save, Qt.MouseButton.LeftButton)
    assert page.outcome.text().startswith("Not saved:")
    assert not (default_paths().config_file.parent / "alipay_public_key.pem").exists()


def test_a_wrong_key_is_refused_by_the_platform_and_the_wizard_says_what_it_answered(
        make_wizard, qtbot: QtBot, sandbox: SandboxServer) -> None:
    wizard = make_wizard()
    for step in range(SetupWizard.FOLDER, SetupWizard.PLATFORM + 1):
        next_page(qtbot, wizard, step)
    page = wizard.platform_page
    page.base_url.setText(sandbox.base_url)
    page.merchant_no.setText("M100001")
    page.terminal_no.setText("T0001")
    page.key.setText("not-the-terminals-key-0000")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.last_check is not None, timeout=WAIT_MS)
    assert page.last_check is not None and not page.last_check.ok
    said = page.outcome.text()
    assert said.startswith("The platform answered: merchant key missing or wrong (credentials).")
    assert page.last_check.detail and page.last_check.detail in said


def test_a_file_that_cannot_be_written_is_said_and_the_wizard_stays(make_wizard, qtbot: QtBot, tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the config folder should be")
    wizard = make_wizard(SetupAdapter(blocked / "config.toml"))
    for step in range(SetupWizard.FOLDER, SetupWizard.SUMMARY + 1):
        next_page(qtbot, wizard, step)
    with qtbot.assertNotEmitted(wizard.written):
        wizard.accept()
    assert wizard.isVisible() and wizard.summary_page.outcome.text().startswith("Not written:")
    assert wizard.result_written is None


def test_with_sign_in_a_cashier_needs_a_managers_pin_for_the_wizard_and_what_it_writes_is_audited(
        make_live_app, qtbot: QtBot, language) -> None:
    from cashier_app.journal.audit import AuditStore
    from tests.helpers.sign_in import add_people, pin_dialog, sign_in_on

    language("en")
    add_people()
    app = make_live_app(configure=sign_in_on())
    window = app.window
    window.show()
    assert window.gate.screen is not None and window.gate.screen.enter("07", "1379")  # a cashier
    assert window.open_setup() is None
    dialog = pin_dialog(window, qtbot)
    assert dialog.prompt.text() == "A manager's PIN is needed to change the settings."
    assert dialog.enter("01", "2580")
    qtbot.waitUntil(lambda: window.setup_wizard() is not None, timeout=WAIT_MS)
    wizard = window.setup_wizard()
    assert wizard is not None
    wizard.draft.store_name = "审计过的店"
    with qtbot.waitSignal(wizard.written, timeout=WAIT_MS):
        wizard.accept()
    assert app.services.journal is not None
    [entry] = [e for e in AuditStore(app.services.journal).list() if e.action == "settings_changed"]
    assert entry.actor.startswith("07") and entry.approved_by is not None and entry.approved_by.startswith("01")
    assert entry.detail.startswith("setup wizard: ") and "general.store_name" in entry.detail
