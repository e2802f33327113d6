"""The technician's Settings menu: Settings → Platform key… (Ctrl+K) opens the key dialog over the app's
own platform (the demo's sandbox over HTTP, the test keyring); every text of the dialog speaks Chinese."""

from __future__ import annotations

import re

import keyring
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from cashier_app.app.credentials_adapter import PlatformCredentials
from cashier_app.platform.credentials import account_name
from cashier_app.sandbox.terminal import KEY as SANDBOX_KEY
from cashier_app.ui.credentials_dialog import CredentialsDialog
from cashier_app.ui.main_window import MainWindow
from tests.helpers.live_app import LiveApp
from tests.helpers.ui_services import ListServices

WAIT_MS = 10_000


def test_settings_menu_holds_the_platform_key_and_the_setup_wizard(make_window, language) -> None:
    window: MainWindow = make_window(ListServices())
    assert window.settings_menu.menuAction() in window.menuBar().actions()
    assert window.settings_menu.actions() == [window.credentials_action, window.setup_action, window.display_action]
    assert window.setup_action.text() == "Setup &wizard…"
    assert window.credentials_action.shortcut().toString() == "Ctrl+K"
    assert window.settings_menu.title() == "&Settings"
    language("zh_CN")
    assert window.settings_menu.title() == "设置(&S)"
    assert window.credentials_action.text() == "平台密钥(&K)…"
    assert window.setup_action.text() == "设置向导(&W)…"


def test_without_a_configuration_file_to_set_up_the_window_says_so(make_window) -> None:
    window: MainWindow = make_window(ListServices(setup=None))
    assert window.open_setup() is None
    assert window.status.currentMessage() == "This app has no configuration file to set up."


def test_without_a_platform_the_window_says_so(make_window) -> None:
    window: MainWindow = make_window(ListServices(credentials=None))
    assert window.open_credentials() is None
    assert window.status.currentMessage() == "This app has no merchant platform to set a key for."


def test_ctrl_k_opens_the_key_dialog_on_the_apps_platform(make_live_app, qtbot) -> None:
    app: LiveApp = make_live_app()
    window = app.window
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.credentials_dialog() is not None, timeout=WAIT_MS)
    dialog = window.credentials_dialog()
    assert isinstance(dialog, CredentialsDialog) and dialog.isVisible()
    settings = app.services.config.platform
    assert dialog.account.text() == account_name(settings)
    assert window.open_credentials() is dialog  # a second Ctrl+K brings the same dialog forward

    qtbot.keyClicks(dialog.key_input, SANDBOX_KEY)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert keyring.get_password(settings.keyring_service, account_name(settings)) == SANDBOX_KEY
    assert all(SANDBOX_KEY not in label.text() for label in dialog.findChildren(QLabel))
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.outcome.text() == "The platform accepts the key.", timeout=WAIT_MS)

    dialog.reject()
    qtbot.waitUntil(lambda: window.credentials_dialog() is None, timeout=WAIT_MS)


def test_the_key_dialog_speaks_chinese(make_live_app, qtbot, language) -> None:
    language("zh_CN")
    app: LiveApp = make_live_app()
    window = app.window
    window.credentials_action.trigger()
    dialog = window.credentials_dialog()
    assert dialog is not None
    assert dialog.windowTitle() == "平台密钥"
    assert dialog.stored.text() == "未保存"
    assert dialog.key_input.placeholderText() == "输入或粘贴新的密钥"
    buttons = [button.text() for button in dialog.findChildren(QPushButton)]
    assert {"保存密钥", "向平台验证", "关闭"} <= set(buttons)
    for label in dialog.findChildren(QLabel):
        text = label.text()
        # The terminal's account is a name, not words to translate; the store's line is Chinese too now.
        if text and label is not dialog.account:
            assert re.search(r"[\u4e00-\u9fff]", text), f"untranslated: {text!r}"

    qtbot.keyClicks(dialog.key_input, "a-wrong-key-0123456789")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome.text() == "密钥已保存。"
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.outcome.text().startswith("平台未接受该密钥"), timeout=WAIT_MS)
    # One language on the dialog; the code is for the technician, in the tooltip.
    assert dialog.outcome.text() == "平台未接受该密钥：商户密钥缺失或错误"
    assert dialog.outcome.toolTip().startswith("credentials")
    language("en")
    assert dialog.outcome.text() == "The platform did not accept the key: merchant key missing or wrong"
    assert dialog.windowTitle() == "Platform key"
    dialog.reject()


def test_the_ui_services_hand_over_the_configured_platform(make_live_app) -> None:
    app: LiveApp = make_live_app()
    credentials = app.joined.ui.credential_services()
    assert isinstance(credentials, PlatformCredentials)
    assert credentials.settings is app.services.config.platform
