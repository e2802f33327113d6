"""Where the app's resources live: <repo or install root>/resources, next to the package."""

from __future__ import annotations

from pathlib import Path

import cashier_app

RESOURCES_DIR = Path(cashier_app.__file__).resolve().parents[1] / "resources"
ICONS_DIR = RESOURCES_DIR / "icons"
TRANSLATIONS_DIR = RESOURCES_DIR / "translations"
STYLES_DIR = RESOURCES_DIR / "styles"

TRANSLATION_BASENAME = "cashier_app"


def icon_path(name: str) -> Path:
    """resources/icons/<name>.svg"""
    return ICONS_DIR / f"{name}.svg"


def translation_path(language: str, suffix: str = ".qm") -> Path:
    """resources/translations/cashier_app_<language>.qm (or .ts)."""
    return TRANSLATIONS_DIR / f"{TRANSLATION_BASENAME}_{language}{suffix}"


def style_sheet_path() -> Path:
    return STYLES_DIR / "app.qss"
