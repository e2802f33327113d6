"""Keeping secrets out of the diagnostic bundle.

Three layers: configuration values whose names look secret are replaced before the TOML is
written; every text goes through the log redactor (every credential read registers there) and a
scrub of the values collected here; and every member's bytes are scrubbed once more as written, so
a key in an unexpected encoding of an unexpected file still cannot leave the computer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from cashier_app.domain.redaction import SecretRedactor

MASK = "***"
# Names of settings whose values are secrets (keyring_service and keyring_timeout_s are not).
_SECRET_NAME = re.compile(r"(secret|passw|token|api_?key|private|credential|signature)|(^|_)(key|sign)$",
                          re.IGNORECASE)
_URL_USERINFO = re.compile(r"(?P<scheme>[a-z][a-z0-9+.-]*://)(?P<userinfo>[^/@\s]+)@", re.IGNORECASE)
_MIN_SECRET = 4


def is_secret_name(name: str) -> bool:
    return bool(_SECRET_NAME.search(name))


def redact_config(data: Any, found: list[str] | None = None, name: str = "") -> Any:
    """A copy of the configuration with secret-looking values masked; masked values go to `found`."""
    if isinstance(data, dict):
        return {k: redact_config(v, found, str(k)) for k, v in data.items()}
    if isinstance(data, list):
        return [redact_config(v, found, name) for v in data]
    if isinstance(data, str):
        if data and is_secret_name(name):
            if found is not None:
                found.append(data)
            return MASK
        return _mask_userinfo(data, found)
    return data


def _mask_userinfo(text: str, found: list[str] | None) -> str:
    def replace(match: re.Match[str]) -> str:
        userinfo = match.group("userinfo")
        if found is not None and ":" in userinfo:
            found.append(userinfo.split(":", 1)[1])
        return f"{match.group('scheme')}{MASK}@"

    return _URL_USERINFO.sub(replace, text)


class Scrubber:
    """Replaces every known secret in text and bytes."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        self._secrets = sorted({s for s in secrets if s and len(s) >= _MIN_SECRET}, key=len, reverse=True)

    def add(self, secret: str) -> None:
        if secret and len(secret) >= _MIN_SECRET and secret not in self._secrets:
            self._secrets = sorted([*self._secrets, secret], key=len, reverse=True)

    def text(self, text: str) -> str:
        text = SecretRedactor.redact(text)
        for secret in self._secrets:
            text = text.replace(secret, MASK)
        return _mask_userinfo(text, None)

    def data(self, data: bytes) -> bytes:
        """The last layer, on a member's bytes as written (UTF-8, UTF-16 and GB18030 spellings)."""
        for secret in self._secrets:
            for encoding in ("utf-8", "utf-16-le", "utf-16-be", "gb18030"):
                try:
                    spelled = secret.encode(encoding)
                except UnicodeEncodeError:
                    continue
                data = data.replace(spelled, MASK.encode(encoding))
        return data
