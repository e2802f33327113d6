"""Icons drawn as SVG in resources/icons/, loaded once."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from cashier_app.assets import icon_path
from cashier_app.ui import theme

STATE_ICONS = {theme.OK: "tray-ok", theme.INFO: "tray-ok", theme.ATTENTION: "tray-attention", theme.FAULT: "tray-fault"}


@cache
def icon(name: str) -> QIcon:
    return QIcon(str(icon_path(name)))


def app_icon() -> QIcon:
    return icon("app")


def state_icon(severity: str) -> QIcon:
    """Green, amber or red: the app's overall state (tray, window icon)."""
    return icon(STATE_ICONS.get(severity, "tray-attention"))
