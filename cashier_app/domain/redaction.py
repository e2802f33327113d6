"""Keeping secrets out of every log record: credentials register here as soon as they are read."""

from __future__ import annotations

import logging
import threading
from typing import ClassVar


class SecretRedactor(logging.Filter):
    """Replaces every registered secret in a record's final text with ***.

    Credentials register themselves here as soon as they are read, so that no exception text, request
    dump or debug line can carry them to a log file.
    """

    _secrets: ClassVar[set[str]] = set()
    _lock = threading.Lock()

    @classmethod
    def register(cls, secret: str) -> None:
        if secret and len(secret) >= 4:
            with cls._lock:
                cls._secrets.add(secret)

    @classmethod
    def redact(cls, text: str) -> str:
        with cls._lock:
            secrets = sorted(cls._secrets, key=len, reverse=True)
        for secret in secrets:
            text = text.replace(secret, "***")
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = self.redact(message)
        if record.exc_info and record.exc_info[1] is not None:
            redacted_exc = self.redact(logging.Formatter().formatException(record.exc_info))
            redacted = f"{redacted}\n{redacted_exc}"
            record.exc_info = None
            record.exc_text = None
        if redacted != message or record.args:
            record.msg, record.args = redacted, None
        return True
