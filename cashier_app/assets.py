"""Every file the app ships besides its code, found through importlib.resources.

The files live at the top of the repo and travel in the wheel and the frozen build as packages:

    resources/  -> cashier_app.resources   icons/*.svg, styles/*.qss, translations/*.qm
    receipts/   -> cashier_app.receipts    templates/*.txt (receipts from a platform order), demo/*.txt

So a source checkout, an installed wheel and the PyInstaller folder all find them the same way;
nothing here looks next to the package on disk.

Adding a resource: put the file in its folder under resources/ or receipts/ (any name: the package
data globs take every file there, .ts sources excepted), and if no function below finds it yet, add one
here beside its kind. tests/packaging/ checks that every such file is in the built wheel.
"""

from __future__ import annotations

import atexit
import contextlib
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

RESOURCES_PACKAGE = "cashier_app.resources"
RECEIPTS_PACKAGE = "cashier_app.receipts"
TRANSLATION_BASENAME = "cashier_app"

# Files extracted from a zipped install stay until exit (Qt and templates want real paths).
_extracted = contextlib.ExitStack()
atexit.register(_extracted.close)


def _on_disk(item: Traversable) -> Path:
    """A real file system path for a packaged file (it already is one unless the app runs from a zip)."""
    if isinstance(item, Path):
        return item
    return _extracted.enter_context(resources.as_file(item))


def resources_dir() -> Path:
    """resources/ (icons, styles, translations)."""
    return _on_disk(resources.files(RESOURCES_PACKAGE))


def receipts_dir() -> Path:
    """receipts/ (templates for receipts from a platform order, demo receipts)."""
    return _on_disk(resources.files(RECEIPTS_PACKAGE))


def icon_path(name: str) -> Path:
    """resources/icons/<name>.svg"""
    return resources_dir() / "icons" / f"{name}.svg"


def style_sheet_path(name: str = "app") -> Path:
    """resources/styles/<name>.qss"""
    return resources_dir() / "styles" / f"{name}.qss"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def translation_path(language: str, suffix: str = ".qm") -> Path:
    """resources/translations/cashier_app_<language>.qm (the .ts source exists in a checkout only)."""
    return translations_dir() / f"{TRANSLATION_BASENAME}_{language}{suffix}"


def receipt_templates_dir() -> Path:
    """receipts/templates/: the wording of receipts printed from a platform order."""
    return receipts_dir() / "templates"


def demo_receipts_dir() -> Path:
    """receipts/demo/: what the demo till writes as print.txt."""
    return receipts_dir() / "demo"
