"""The credential store for tills that have none (a Linux till without a desktop session, so without
a Secret Service): a key file of this app, in a folder of its own.

What protects it, said plainly wherever it is shown (`credentials check`, the key dialog,
`diagnose`): the file permissions of this user account. The folder is 0700 and the file 0600,
owned by the user, so other ordinary accounts cannot read it; this user, anyone who can act as this
user, and the administrator (root) can. The key is not encrypted: a key kept next to the file that
would decrypt it protects nothing, and a password typed at every start cannot be typed by a headless
till. It is kept apart from everything that gets copied around: not in the data folder (journal,
archive), not in the log folder, not in the configuration folder, so neither a diagnostic bundle nor
a copy of the data takes it along.

It is a keyring backend, so the rest of the app uses it exactly like the OS credential stores.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import sys
import threading
from pathlib import Path

import keyring.backend
import keyring.errors
import platformdirs

FOLDER_NAME = "cashier-app-credentials"
FILE_NAME = "keys.json"
# Who may point the store elsewhere (tests, a store's own layout): the folder, not the file.
FOLDER_ENV = "CASHIER_APP_KEY_FOLDER"


def default_folder() -> Path:
    """~/.config/cashier-app-credentials on Linux; beside, never inside, the app's own folders."""
    override = os.environ.get(FOLDER_ENV)
    if override:
        return Path(override)
    return Path(platformdirs.user_config_dir(FOLDER_NAME, appauthor=False))


class KeyFileBackend(keyring.backend.KeyringBackend):
    """Secrets in one JSON file ({service: {account: secret}}), written whole and atomically."""

    # Never chosen by keyring on its own: the app selects it (platform.credentials.select_backend).
    priority = 0.1
    # One writer at a time in this process, whichever instance it goes through.
    _lock = threading.Lock()

    def __init__(self, folder: Path | None = None) -> None:
        super().__init__()
        self.folder = folder or default_folder()

    @property
    def path(self) -> Path:
        return self.folder / FILE_NAME

    def get_password(self, service: str, username: str) -> str | None:
        with self._lock:
            return self._read().get(service, {}).get(username)

    def set_password(self, service: str, username: str, password: str) -> None:
        with self._lock:
            secrets = self._read()
            secrets.setdefault(service, {})[username] = password
            self._write(secrets)

    def delete_password(self, service: str, username: str) -> None:
        with self._lock:
            secrets = self._read()
            if username not in secrets.get(service, {}):
                raise keyring.errors.PasswordDeleteError("no such secret")
            del secrets[service][username]
            if not secrets[service]:
                del secrets[service]
            self._write(secrets)

    # -- the file ----------------------------------------------------------------------------------
    def _read(self) -> dict[str, dict[str, str]]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        self._check_private(self.path)
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise keyring.errors.KeyringError(f"{self.path} is damaged (not JSON): {exc.args[0]}") from None
        if not isinstance(data, dict):
            raise keyring.errors.KeyringError(f"{self.path} is damaged (not a table of secrets)")
        return {str(s): {str(a): str(v) for a, v in accounts.items()} for s, accounts in data.items()
                if isinstance(accounts, dict)}

    def _write(self, secrets: dict[str, dict[str, str]]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        if sys.platform != "win32":
            os.chmod(self.folder, 0o700)
        temporary = self.path.with_name(f".{FILE_NAME}.{os.getpid()}.tmp")
        # Created 0600 from the start: the secret is never readable by others, not even for a moment.
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(secrets, handle, ensure_ascii=False, indent=1, sort_keys=True)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, self.path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)

    @staticmethod
    def _check_private(path: Path) -> None:
        """A key file others can read is refused, not used: someone changed its permissions."""
        if sys.platform == "win32":
            return
        mode = path.stat().st_mode
        if mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise keyring.errors.KeyringError(
                f"{path} can be read by other accounts (mode {stat.S_IMODE(mode):o}); "
                f"make it private again: chmod 600 {path}")
