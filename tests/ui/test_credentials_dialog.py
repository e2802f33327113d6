"""The key dialog on the real test keyring and the real sandbox: the key is masked, stored only in
the credential store, never shown, and checked with a signed request."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest
from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from cashier_app.app.credentials_adapter import PlatformCredentials
from cashier_app.platform.credentials import account_name
from cashier_app.platform.settings import PlatformSettings
from cashier_app.sandbox import terminal
from cashier_app.sandbox.server import SandboxServer
from cashier_app.ui.credentials_dialog import CredentialsDialog


@pytest.fixture
def settings() -> Iterator[PlatformSettings]:
    with SandboxServer() as sandbox:
        yield PlatformSettings(base_url=sandbox.base_url)


def test_key_is_masked_stored_in_keyring_and_accepted(qtbot: QtBot, settings: PlatformSettings) -> None:
    dialog = CredentialsDialog(PlatformCredentials(settings))
    qtbot.addWidget(dialog)
    assert dialog.stored.text() == "not stored" and not dialog.check_button.isEnabled()
    assert dialog.key_input.echoMode() is QLineEdit.EchoMode.Password

    qtbot.keyClicks(dialog.key_input, terminal.KEY)
    dialog.save_button.click()
    assert keyring.get_password(settings.keyring_service, account_name(settings)) == terminal.KEY
    assert dialog.key_input.text() == ""
    assert dialog.stored.text() == "stored"
    assert all(terminal.KEY not in label.text() for label in dialog.findChildren(QLabel))

    dialog.check_button.click()
    qtbot.waitUntil(lambda: dialog.outcome.text() == "The platform accepts the key.", timeout=10_000)


def test_wrong_key_is_reported_not_shown(qtbot: QtBot, settings: PlatformSettings) -> None:
    dialog = CredentialsDialog(PlatformCredentials(settings))
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.key_input, "a-wrong-key-0123456789")
    dialog.save_button.click()
    dialog.check_button.click()
    qtbot.waitUntil(lambda: "did not accept" in dialog.outcome.text(), timeout=10_000)
    assert dialog.outcome.toolTip().startswith("credentials")  # the code, for the technician
    assert all("a-wrong-key" not in label.text() for label in dialog.findChildren(QLabel))
