"""The key dialog says where the key is and what protects it, wholly in the window's language."""

from __future__ import annotations

import re

import keyring
import keyring.backends.fail
import pytest
from pytestqt.qtbot import QtBot

from cashier_app.app.credentials_adapter import PlatformCredentials
from cashier_app.platform.settings import PlatformSettings
from cashier_app.ui.credentials_dialog import CredentialsDialog, CredentialState, store_text
from cashier_app.ui.i18n import install_translator, remove_translators


@pytest.fixture
def no_system_store() -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())


@pytest.mark.parametrize("kind", ["system", "file", "fallback", "none"])
def test_the_dialogs_store_text_is_wholly_chinese_in_chinese(qapp: object, kind: str) -> None:
    state = CredentialState("b", False, "a", store_kind=kind, store_name="Secret Service",
                            store_location="/home/till/.config/cashier-app-credentials/keys.json")
    english = store_text(state)
    install_translator(qapp, "zh_CN")  # type: ignore[arg-type]
    try:
        chinese = store_text(state)
    finally:
        remove_translators(qapp)  # type: ignore[arg-type]
    assert chinese != english
    # Apart from the path and the store's product name, no Latin words.
    words = re.sub(r"/\S+|Secret Service", "", chinese)
    assert not re.search(r"[A-Za-z]{2,}", words), chinese


@pytest.mark.usefixtures("no_system_store")
def test_the_key_dialog_shows_the_key_file_and_what_protects_it(qtbot: QtBot) -> None:
    dialog = CredentialsDialog(PlatformCredentials(PlatformSettings()))
    qtbot.addWidget(dialog)
    text = dialog.backend.text()
    assert "This app's key file:" in text and "keys.json" in text
    assert "not encrypted" in text
    assert dialog.backend.toolTip().endswith("KeyFileBackend (priority 0.1)")
