"""Rotating logs in the user's log folder, with secrets redacted from every record."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from cashier_app.domain.redaction import SecretRedactor

_FORMAT = "%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"


class _LibraryChatter(logging.Filter):
    """python-escpos logs every connection it opens and closes on the root logger, at INFO ("Network
    printer enabled", "Closing Network connection ..."): two lines per receipt saying nothing. Its
    warnings and errors still get through."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING or record.name != "root":
            return True
        return "/escpos/" not in record.pathname.replace("\\", "/")


def setup_logging(log_dir: Path | None, level: int = logging.INFO, console: bool = False) -> Path | None:
    """Send logs to a rotating file (5 x 2 MB) and, if asked, to stderr. Returns the log file."""
    root = logging.getLogger()
    root.setLevel(level)
    for handler in list(root.handlers):
        # python-escpos calls logging.basicConfig() when imported; the app owns logging, so its
        # plain stderr handler goes (subclasses, such as test capture handlers, stay).
        if getattr(handler, "_cashier_app", False) or type(handler) is logging.StreamHandler:
            root.removeHandler(handler)
            handler.close()
    redactor = SecretRedactor()
    log_file = None
    if log_dir is not None:
        log_dir.mkdir(parents=True, exist_ok=True)
        log_file = log_dir / "cashier-app.log"
        file_handler = logging.handlers.RotatingFileHandler(
            log_file, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
        file_handler.setFormatter(logging.Formatter(_FORMAT))
        file_handler.addFilter(redactor)
        file_handler.addFilter(_LibraryChatter())
        file_handler._cashier_app = True  # type: ignore[attr-defined]
        root.addHandler(file_handler)
    if console:
        stream = logging.StreamHandler()
        stream.setFormatter(logging.Formatter(_FORMAT))
        stream.addFilter(redactor)
        stream.addFilter(_LibraryChatter())
        stream._cashier_app = True  # type: ignore[attr-defined]
        root.addHandler(stream)
    return log_file
