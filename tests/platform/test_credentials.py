"""The API key in a real keyring backend (conftest: a plain-text file keyring in the temp folder)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator

import keyring
import keyring.backend
import pytest
from keyrings.alt.file import PlaintextKeyring

from cashier_app.domain.redaction import SecretRedactor
from cashier_app.platform.credentials import (
    MAX_KEY_BYTES,
    CredentialsMissing,
    CredentialStore,
    CredentialStoreUnavailable,
    InvalidApiKey,
    account_name,
    backend_name,
    backend_warning,
)
from cashier_app.platform.settings import PlatformSettings

KEY = "sandbox-key-T0001-please-change"


def test_set_get_delete_in_the_real_backend() -> None:
    settings = PlatformSettings()
    store = CredentialStore(settings)
    assert store.get_key() is None
    with pytest.raises(CredentialsMissing) as info:
        store.require_key()
    assert "credentials set" in str(info.value)
    store.set_key(f"  {KEY}\n")
    assert store.get_key() == KEY
    # Stored under the documented service and account, in the backend itself.
    assert keyring.get_password("cashier-app", "M100001/T0001@http://127.0.0.1:8765") == KEY
    assert account_name(settings) == "M100001/T0001@http://127.0.0.1:8765"
    assert SecretRedactor.redact(f"x {KEY} y") == "x *** y"
    assert store.delete_key() is True
    assert store.delete_key() is False
    assert store.get_key() is None


def test_keys_are_per_terminal_and_platform() -> None:
    a = CredentialStore(PlatformSettings(terminal_no="T0001"))
    b = CredentialStore(PlatformSettings(terminal_no="T0002"))
    c = CredentialStore(PlatformSettings(base_url="https://mp.example.com"))
    a.set_key("key-for-terminal-1")
    assert b.get_key() is None and c.get_key() is None


@pytest.mark.parametrize(
    ("key", "why"),
    [("short", "at least"), ("x" * (MAX_KEY_BYTES // 2 + 1), "2560 bytes"), ("has space inside", "spaces")],
)
def test_key_limits(key: str, why: str) -> None:
    with pytest.raises(InvalidApiKey, match=why) as info:
        CredentialStore(PlatformSettings()).set_key(key)
    assert key not in str(info.value)
    CredentialStore(PlatformSettings()).set_key("x" * (MAX_KEY_BYTES // 2))  # exactly at the Windows limit


def test_backend_is_named_and_fallback_warned() -> None:
    assert "keyrings.alt.file.PlaintextKeyring" in backend_name()
    warning = backend_warning()
    assert warning is not None and "fallback" in warning


class _LockedSecretService(keyring.backend.KeyringBackend):
    """Stands in for a Secret Service waiting on an unlock prompt nobody sees: it never answers."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()

    def get_password(self, service: str, username: str) -> str | None:
        self.release.wait(30)
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        self.release.wait(30)

    def delete_password(self, service: str, username: str) -> None:
        self.release.wait(30)


@pytest.fixture
def locked_backend() -> Iterator[_LockedSecretService]:
    backend = _LockedSecretService()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    yield backend
    backend.release.set()
    keyring.set_keyring(previous)


def test_a_hanging_store_times_out_with_a_fix(locked_backend: _LockedSecretService,
                                              caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    store = CredentialStore(PlatformSettings(), timeout_s=0.3)
    with pytest.raises(CredentialStoreUnavailable) as info:
        store.get_key()
    message = str(info.value)
    assert "_LockedSecretService" in message and "unlock" in message
    assert 'key_storage = "file"' in message  # the fix the app really supports
    with pytest.raises(CredentialStoreUnavailable):
        store.set_key(KEY)
    assert KEY not in str(info.value) and KEY not in caplog.text


def test_no_backend_at_all_is_unavailable() -> None:
    from keyring.backends.fail import Keyring as FailKeyring

    previous = keyring.get_keyring()
    keyring.set_keyring(FailKeyring())
    try:
        only_system = PlatformSettings(key_storage="system")
        with pytest.raises(CredentialStoreUnavailable, match="no credential store") as info:
            CredentialStore(only_system).get_key()
        assert info.value.code == "credential_store_unavailable"
        warning = backend_warning(only_system)
        assert warning is not None and "Secret Service" in warning
    finally:
        keyring.set_keyring(previous)


def test_key_provider_reads_the_store_once_per_period() -> None:
    store = CredentialStore(PlatformSettings())
    store.set_key(KEY)
    provide = store.key_provider(cache_s=300)
    assert provide() == KEY
    PlaintextKeyring().set_password("cashier-app", store.account, "changed-key-0000")
    assert provide() == KEY  # cached
    assert store.key_provider(cache_s=0)() == "changed-key-0000"
