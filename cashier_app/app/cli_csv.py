"""CSV from the command line in the UI's language: Qt's translations need an application object (no window)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path


def write_translated(path: Path, make: Callable[[], bytes], language: str) -> None:
    """Write `make()` to `path` with the UI's translations of `language` installed meanwhile."""
    from PySide6.QtCore import QCoreApplication

    from cashier_app.ui.i18n import install_translator, remove_translators

    app = QCoreApplication.instance() or QCoreApplication([])
    install_translator(app, language)
    try:
        path.write_bytes(make())
    finally:
        remove_translators(app)
    print(f"CSV: {path}", file=sys.stderr)
