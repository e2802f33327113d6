"""Every control a person operates has an accessible name (what a screen reader says), in the window's
language, and the keyboard visits the controls in the order they are read."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from cashier_app.app.paths import default_paths
from cashier_app.app.setup_adapter import SetupAdapter
from cashier_app.domain.cases import CaseKind
from cashier_app.ui.accessibility import is_internal, unnamed_controls
from cashier_app.ui.case_dialog import CaseDialog
from cashier_app.ui.credentials_dialog import CredentialsDialog
from cashier_app.ui.manager_pin import ManagerPinDialog
from cashier_app.ui.printer_choice_dialog import PrinterChoiceDialog
from cashier_app.ui.reason_dialog import ReasonDialog
from cashier_app.ui.setup_wizard import SetupWizard
from cashier_app.ui.sign_in_gate import ChangePinDialog
from cashier_app.ui.sign_in_screen import SignInScreen
from tests.helpers.live_app import LiveApp
from tests.helpers.sign_in import add_people, sign_in_on


def test_every_control_of_the_window_and_its_pages_is_named(make_live_app, language) -> None:
    for lang in ("en", "zh_CN"):
        language(lang)
        app: LiveApp = make_live_app()
        for key in app.window._specs:  # pages are built when first shown: build them all to look at them
            app.window.page(key)
        assert len(app.window.pages()) >= 9
        assert unnamed_controls(app.window) == [], lang


def test_every_control_of_the_setup_wizard_is_named(qtbot, language) -> None:
    language("zh_CN")
    wizard = SetupWizard(SetupAdapter(default_paths().config_file))
    qtbot.addWidget(wizard)
    try:
        assert unnamed_controls(wizard) == []
        named = wizard.printer_page.scan_button.accessibleName()
        assert named == "扫描网络"  # in the window's language, without its mnemonic
    finally:
        wizard.done(0)


def test_every_control_of_the_dialogs_is_named(make_live_app, qtbot) -> None:
    add_people()
    app: LiveApp = make_live_app(configure=sign_in_on())
    window = app.window
    services = app.joined.ui
    access = services.access()
    assert access is not None
    case, _ = app.services.cases.open_case(CaseKind.DROPPED_ORDER, actor="07", out_trade_no="202611220001")
    row = services.case(case.id or 0)
    assert row is not None
    dialogs: list[QWidget] = [
        CredentialsDialog(_credentials(app), window),
        ReasonDialog("Reprint", "Why?", ["paper jam"], "Reprint", window),
        CaseDialog(services, row, window),
        PrinterChoiceDialog("202611220001", ["kitchen"], window),
        ManagerPinDialog(access, "reprint", window),
        SignInScreen(access, window),
        ChangePinDialog(access, window),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        assert unnamed_controls(dialog) == [], type(dialog).__name__


def _credentials(app: LiveApp):
    from cashier_app.app.credentials_adapter import PlatformCredentials

    return PlatformCredentials(app.services.config.platform)


def test_tab_visits_the_lookup_page_in_reading_order(make_live_app, qtbot) -> None:
    app: LiveApp = make_live_app()
    window = app.window
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page = window.page("lookup")
    assert next_tab_stop(page.input) is page.lookup_button  # type: ignore[attr-defined]


def test_tab_visits_the_wizard_steps_in_reading_order(qtbot) -> None:
    wizard = SetupWizard(SetupAdapter(default_paths().config_file))
    qtbot.addWidget(wizard)
    try:
        folder = wizard.folder_page
        order = [folder.folder_input, folder.add_button, folder.browse_button, folder.remove_button, folder.folders,
                 folder.patterns, folder.watch_button]
        assert [next_tab_stop(w) for w in order[:-1]] == order[1:]
        platform = wizard.platform_page
        chain = [platform.kind, platform.base_url, platform.merchant_no, platform.terminal_no]
        assert [next_tab_stop(w) for w in chain[:-1]] == chain[1:]
        printer = wizard.printer_page
        chain = [printer.local_button, printer.ranges, printer.scan_port, printer.scan_button, printer.found_list]
        assert [next_tab_stop(w) for w in chain[:-1]] == chain[1:]
    finally:
        wizard.done(0)


def next_tab_stop(widget: QWidget) -> QWidget:
    """Where Tab goes from `widget`: the next widget in the focus chain that takes focus by Tab (a line
    edit's clear button and a scroll area's viewport do not)."""
    step = widget.nextInFocusChain()
    while step is not None and (not (step.focusPolicy() & Qt.FocusPolicy.TabFocus) or is_internal(step)):
        step = step.nextInFocusChain()
    assert step is not None
    return step


def test_tab_visits_the_cases_and_receipts_pages_in_reading_order(make_live_app) -> None:
    app: LiveApp = make_live_app()
    cases = app.window.page("cases")
    chain = [cases.day_edit, cases.kind_box, cases.status_box, cases.open_any_day, cases.table,  # type: ignore[attr-defined]
             cases.open_button, cases.export_button, cases.refresh_button]  # type: ignore[attr-defined]
    assert [next_tab_stop(w) for w in chain[:-1]] == chain[1:]
    receipts = app.window.page("receipts")
    chain = [receipts.table, receipts.reprint_button, receipts.refresh_button]  # type: ignore[attr-defined]
    assert [next_tab_stop(w) for w in chain[:-1]] == chain[1:]
