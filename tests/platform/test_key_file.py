"""The key file: the credential store of tills that have none. Private to the user, outside every
folder that gets copied (data, logs, configuration, bundles), and said plainly for what it is."""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path

import keyring
import keyring.backends.fail
import keyring.errors
import pytest
from keyrings.alt.file import PlaintextKeyring

from cashier_app.app.paths import default_paths
from cashier_app.platform import key_file
from cashier_app.platform.credentials import (
    CredentialStore,
    CredentialStoreUnavailable,
    backend_warning,
    select_backend,
    store_info,
)
from cashier_app.platform.key_file import KeyFileBackend
from cashier_app.platform.settings import PlatformSettings

KEY = "key-file-secret-0123456789"


@pytest.fixture
def no_system_store() -> None:
    """A till without a Secret Service: keyring has nothing to offer."""
    keyring.set_keyring(keyring.backends.fail.Keyring())


def test_set_get_delete_through_the_credential_store(tmp_path: Path) -> None:
    settings = PlatformSettings(key_storage="file")
    store = CredentialStore(settings)
    assert store.get_key() is None
    store.set_key(KEY)
    assert store.get_key() == KEY
    assert store.delete_key() is True
    assert store.get_key() is None
    assert store.delete_key() is False


def test_the_file_is_private_from_its_first_byte() -> None:
    backend = KeyFileBackend()
    backend.set_password("cashier-app", "M1/T1@x", KEY)
    assert stat.S_IMODE(backend.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(backend.folder.stat().st_mode) == 0o700
    assert json.loads(backend.path.read_text(encoding="utf-8")) == {"cashier-app": {"M1/T1@x": KEY}}
    assert [p.name for p in backend.folder.iterdir()] == ["keys.json"]  # no temporary file left


def test_a_file_others_can_read_is_refused_with_the_fix(tmp_path: Path) -> None:
    backend = KeyFileBackend()
    backend.set_password("cashier-app", "a", KEY)
    backend.path.chmod(0o644)
    with pytest.raises(keyring.errors.KeyringError, match="chmod 600"):
        backend.get_password("cashier-app", "a")


def test_a_damaged_file_is_reported_as_an_unavailable_store_without_the_key() -> None:
    settings = PlatformSettings(key_storage="file")
    backend = KeyFileBackend()
    backend.folder.mkdir(parents=True)
    fd = os.open(backend.path, os.O_WRONLY | os.O_CREAT, 0o600)
    os.write(fd, b'{"cashier-app": {"x": "' + KEY.encode() + b'"')  # cut off mid-write
    os.close(fd)
    with pytest.raises(CredentialStoreUnavailable) as raised:
        CredentialStore(settings).get_key()
    assert "damaged" in str(raised.value) and KEY not in str(raised.value)


def test_the_default_folder_is_outside_data_logs_and_configuration(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(key_file.FOLDER_ENV)
    monkeypatch.delenv("CASHIER_APP_HOME")
    folder = key_file.default_folder()
    paths = default_paths()
    for app_folder in (paths.data_dir, paths.log_dir, paths.config_file.parent, paths.cache_dir):
        assert not folder.is_relative_to(app_folder), app_folder
        assert not app_folder.is_relative_to(folder), app_folder
    assert folder.name == "cashier-app-credentials"


@pytest.mark.usefixtures("no_system_store")
def test_auto_uses_the_key_file_only_where_there_is_no_system_store() -> None:
    assert isinstance(select_backend(PlatformSettings()), KeyFileBackend)
    assert isinstance(select_backend(PlatformSettings(key_storage="system")), keyring.backends.fail.Keyring)
    info = store_info(PlatformSettings())
    assert info.kind == "file" and info.location.endswith("keys.json")
    warning = backend_warning(PlatformSettings())
    assert warning is not None and "not encrypted" in warning and info.location in warning


def test_auto_keeps_the_system_store_where_there_is_one() -> None:
    keyring.set_keyring(PlaintextKeyring())  # stands for the OS store in tests
    assert isinstance(select_backend(PlatformSettings()), PlaintextKeyring)
    assert isinstance(select_backend(PlatformSettings(key_storage="file")), KeyFileBackend)


@pytest.mark.usefixtures("no_system_store")
def test_system_only_reports_the_missing_store() -> None:
    settings = PlatformSettings(key_storage="system")
    assert store_info(settings).kind == "none"
    with pytest.raises(CredentialStoreUnavailable, match=re.escape('key_storage = "file"')):
        CredentialStore(settings).set_key(KEY)
