"""The terminal's API key in the operating system's credential store, through keyring.

The key is never written to a config file, a log, an exception or diagnostic output: it is
registered with the log redactor as soon as it is read or given, and every error raised here
names the store and how to fix it, never the key.

Calls into keyring run in a helper thread with a time limit: a Secret Service on Linux can wait
forever on an unlock prompt that nobody sees (a till with no desktop session, a locked keyring).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import keyring
import keyring.backend
import keyring.backends.fail
import keyring.errors

from cashier_app.domain.errors import CodedError
from cashier_app.domain.redaction import SecretRedactor
from cashier_app.platform import rsa_keys
from cashier_app.platform.key_file import KeyFileBackend
from cashier_app.platform.settings import PlatformSettings

log = logging.getLogger(__name__)

T = TypeVar("T")

# Windows Credential Locker holds at most 2,560 bytes a secret, and keyring stores it as UTF-16:
# the same limit applies everywhere, so that a key stored on one system fits on every other.
MAX_KEY_BYTES = 2560
MIN_KEY_CHARS = 8

# Backends that keep the key in a plain file or nowhere: usable, but the user is told.
# Bumped whenever this process stores or deletes an account's key (any CredentialStore instance),
# so that cached key providers pick up a corrected key at once instead of after their cache time.
_generations: dict[str, int] = {}
_generations_lock = threading.Lock()


def _generation(account: str) -> int:
    with _generations_lock:
        return _generations.get(account, 0)


def _key_changed(account: str) -> None:
    with _generations_lock:
        _generations[account] = _generations.get(account, 0) + 1


_FALLBACK_MODULES = ("keyrings.alt.file", "keyrings.alt.Gnome", "keyring.backends.null")

_FIX_HINT = (
    "Install and unlock a credential store: on Linux a Secret Service (GNOME Keyring or KeePassXC) in a "
    "D-Bus session, on Windows the Credential Manager, on macOS the Keychain. On a till without a desktop, "
    "set [platform] key_storage = \"file\" (or \"auto\") to keep the key in this app's key file."
)


class CredentialError(CodedError):
    def __init__(self, detail: str = "", code: str = "credential_error") -> None:
        super().__init__(code, detail)


class CredentialStoreUnavailable(CredentialError):
    """The credential store cannot be used: which backend, why, and how to fix it."""

    def __init__(self, backend: str, why: str, hint: str = _FIX_HINT) -> None:
        self.backend = backend
        self.why = why
        self.hint = hint
        super().__init__(f"credential store {backend} unavailable: {why}. {hint}", "credential_store_unavailable")


class CredentialsMissing(CredentialError):
    def __init__(self, account: str, what: str = "API key", kind: str = "api-key") -> None:
        self.account = account
        option = "" if kind == "api-key" else f" --kind {kind}"
        super().__init__(f"no {what} stored for {account}: run `cashier-app credentials set{option}`",
                         "credentials_missing")


class InvalidApiKey(CredentialError, ValueError):
    def __init__(self, detail: str) -> None:
        super().__init__(detail, "invalid_api_key")


def _no_system_store(backend: keyring.backend.KeyringBackend) -> bool:
    """keyring found no usable store: the fail backend, or a chain with nothing in it."""
    if isinstance(backend, keyring.backends.fail.Keyring):
        return True
    chained = getattr(backend, "backends", None)
    return chained is not None and not chained


def select_backend(settings: PlatformSettings | None = None) -> keyring.backend.KeyringBackend:
    """The store the secrets of these settings go to (platform.key_storage)."""
    choice = settings.key_storage if settings is not None else "system"
    if choice == "file":
        return KeyFileBackend()
    system = keyring.get_keyring()
    if choice == "auto" and _no_system_store(system):
        return KeyFileBackend()
    return system


@dataclass(frozen=True)
class StoreInfo:
    """Which store holds the secrets, where, and what protects them: for people (both languages are
    made from these fields by whoever shows them) and for diagnostics."""

    kind: str  # "system" (the OS store) | "file" (this app's key file) | "fallback" | "none"
    name: str  # the store's own name: "Secret Service", "Windows Credential Manager", ...
    location: str  # the key file's path for "file" (and a file-based fallback), else ""
    backend: str  # the keyring backend, for technicians


_SYSTEM_NAMES = {
    "keyring.backends.SecretService": "Secret Service",
    "keyring.backends.Windows": "Windows Credential Manager",
    "keyring.backends.macOS": "macOS Keychain",
    "keyring.backends.kwallet": "KWallet",
    "keyring.backends.libsecret": "Secret Service (libsecret)",
}


def store_info(settings: PlatformSettings | None = None) -> StoreInfo:
    backend = select_backend(settings)
    if isinstance(backend, KeyFileBackend):
        return StoreInfo("file", "key file", str(backend.path), _describe(backend))
    described = backend_name(settings)
    if _no_system_store(backend):
        return StoreInfo("none", "", "", described)
    module = type(backend).__module__
    if module.startswith(_FALLBACK_MODULES):
        location = str(getattr(backend, "file_path", "") or "")
        return StoreInfo("fallback", type(backend).__name__, location, described)
    inner = [type(b).__module__ for b in getattr(backend, "backends", [backend])]
    name = next((_SYSTEM_NAMES[m] for m in inner if m in _SYSTEM_NAMES), type(backend).__name__)
    return StoreInfo("system", name, "", described)


def backend_name(settings: PlatformSettings | None = None) -> str:
    """The keyring backend in use, for diagnostics: e.g. 'keyring.backends.SecretService.Keyring (5)'."""
    backend = select_backend(settings)
    names = [_describe(b) for b in getattr(backend, "backends", [])] or [_describe(backend)]
    return ", ".join(names)


def backend_warning(settings: PlatformSettings | None = None) -> str | None:
    """A plain warning (English, for logs and technicians) when the secrets are not in the OS store."""
    info = store_info(settings)
    if info.kind == "none":
        return "no credential store is available. " + _FIX_HINT
    if info.kind == "file":
        return (f"the key is kept in this app's key file {info.location}, protected only by this user "
                f"account's file permissions (not encrypted)")
    if info.kind == "fallback" and not info.backend.startswith("keyrings.alt.file.EncryptedKeyring"):
        return f"the key is kept by a fallback store ({info.backend}), not the system's credential store"
    return None


def validate_key(key: str) -> str:
    """The key as it will be stored: surrounding white space removed, length within the limits."""
    key = key.strip()
    if len(key) < MIN_KEY_CHARS:
        raise InvalidApiKey(f"an API key has at least {MIN_KEY_CHARS} characters")
    if len(key.encode("utf-16-le")) > MAX_KEY_BYTES:
        raise InvalidApiKey(f"an API key is at most {MAX_KEY_BYTES} bytes as UTF-16 (the Windows limit)")
    if any(ch.isspace() or not ch.isprintable() for ch in key):
        raise InvalidApiKey("an API key has no spaces or control characters")
    return key


# The secret each platform signs with, by platform kind: (credential kind, what it is called).
SECRET_KINDS = {
    "mp-v1": ("api-key", "API key"),
    "wechatpay-v3": ("merchant-private-key", "merchant API private key"),
    "alipay": ("app-private-key", "app private key"),
}


def secret_kind(settings: PlatformSettings) -> tuple[str, str]:
    return SECRET_KINDS.get(settings.kind, SECRET_KINDS["mp-v1"])


def account_name(settings: PlatformSettings) -> str:
    """The credential store's account of the platform's secret: which merchant, which key, where."""
    if settings.kind == "wechatpay-v3":
        w = settings.wechatpay
        return f"wechatpay-v3:{w.request_mchid}/{w.merchant_serial_no.upper()}@{w.base_url}"
    if settings.kind == "alipay":
        return f"alipay:{settings.alipay.app_id}@{settings.alipay.gateway_url}"
    return f"{settings.merchant_no}/{settings.terminal_no}@{settings.base_url}"


def validate_secret(settings: PlatformSettings, text: str) -> str:
    """The secret as it will be stored: an API key checked, or an RSA private key (PEM) in its
    compact form, which fits the Windows credential store (platform/rsa_keys.py)."""
    if settings.kind == "mp-v1":
        return validate_key(text)
    try:
        key = rsa_keys.private_key_from_secret(text.strip())
    except rsa_keys.KeyFormatError as exc:
        raise InvalidApiKey(f"the {secret_kind(settings)[1]} cannot be used: {exc}") from None
    compact = rsa_keys.to_compact(key)
    if len(compact.encode("utf-16-le")) > MAX_KEY_BYTES:
        raise InvalidApiKey(f"the key is too large for the credential store ({MAX_KEY_BYTES} bytes)")
    return compact


class CredentialStore:
    """The key of one terminal on one platform (service settings.keyring_service)."""

    def __init__(self, settings: PlatformSettings, timeout_s: float | None = None) -> None:
        self.settings = settings
        self.service = settings.keyring_service
        self.account = account_name(settings)
        self.timeout_s = settings.keyring_timeout_s if timeout_s is None else timeout_s

    @property
    def backend(self) -> keyring.backend.KeyringBackend:
        """Chosen at each call: the OS store can appear (a desktop session starts) or the setting change."""
        return select_backend(self.settings)

    def get_key(self) -> str | None:
        key = self._run("read", lambda: self.backend.get_password(self.service, self.account))
        if key:
            SecretRedactor.register(key)
        return key or None

    def require_key(self) -> str:
        key = self.get_key()
        if key is None:
            kind, what = secret_kind(self.settings)
            raise CredentialsMissing(self.account, what, kind)
        return key

    def has_key(self) -> bool:
        return self.get_key() is not None

    def set_key(self, key: str) -> None:
        key = validate_secret(self.settings, key)
        SecretRedactor.register(key)
        self._run("write", lambda: self.backend.set_password(self.service, self.account, key))
        _key_changed(self.account)
        log.info("%s stored for %s in %s", secret_kind(self.settings)[1], self.account, backend_name(self.settings))

    def delete_key(self) -> bool:
        """Remove the key. False when there was none."""
        if self.get_key() is None:
            return False
        try:
            self._run("delete", lambda: self.backend.delete_password(self.service, self.account))
        except CredentialStoreUnavailable:
            if self.get_key() is None:
                return False
            raise
        _key_changed(self.account)
        log.info("API key deleted for %s from %s", self.account, backend_name(self.settings))
        return True

    def key_provider(self, cache_s: float = 300.0) -> Callable[[], str]:
        """A key provider for PlatformClient that reads the store at most every `cache_s` seconds,
        and at once after this process stored or deleted the key."""
        lock = threading.Lock()
        cached: list[tuple[str, float, int]] = []

        def provide() -> str:
            with lock:
                now = time.monotonic()
                generation = _generation(self.account)
                if cached and now - cached[0][1] < cache_s and cached[0][2] == generation:
                    return cached[0][0]
                key = self.require_key()
                cached[:] = [(key, now, generation)]
                return key

        return provide

    def _run(self, what: str, call: Callable[[], T]) -> T:
        """Run a keyring call in a helper thread; give up after the time limit."""
        outcome: list[T] = []
        failure: list[BaseException] = []

        def target() -> None:
            try:
                outcome.append(call())
            except BaseException as exc:
                failure.append(exc)

        worker = threading.Thread(target=target, name=f"keyring-{what}", daemon=True)
        worker.start()
        worker.join(self.timeout_s)
        if worker.is_alive():
            raise CredentialStoreUnavailable(
                backend_name(self.settings),
                f"no answer to a {what} within {self.timeout_s:g} s (is it locked, waiting for an unlock prompt?)",
            )
        if failure:
            exc = failure[0]
            # The message of a backend's error could quote what it was given: redact it, drop the chain.
            why = SecretRedactor.redact(f"{type(exc).__name__}: {exc}")
            if isinstance(exc, keyring.errors.NoKeyringError):
                raise CredentialStoreUnavailable(backend_name(self.settings), "no credential store found") from None
            if isinstance(exc, keyring.errors.KeyringLocked):
                raise CredentialStoreUnavailable(backend_name(self.settings), "the store is locked",
                                                 "Unlock it (log in to the desktop session) and try again.") from None
            if isinstance(exc, keyring.errors.KeyringError | OSError | RuntimeError):
                raise CredentialStoreUnavailable(backend_name(self.settings), f"{what} failed: {why}") from None
            raise CredentialStoreUnavailable(backend_name(self.settings),
                                             f"{what} failed unexpectedly: {why}") from None
        return outcome[0]


def _describe(backend: keyring.backend.KeyringBackend) -> str:
    cls = type(backend)
    try:
        priority = f" (priority {cls.priority:g})"
    except Exception:
        priority = ""
    return f"{cls.__module__}.{cls.__name__}{priority}"
