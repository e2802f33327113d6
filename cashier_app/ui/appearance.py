"""How the window looks on the till's screen: the text size and the theme (standard or high contrast).

Every size in the style sheets is designed for a 16-pixel base; `font_size` scales them all (the
app's style sheet, and each inline style set through `styled`). The high-contrast theme turns every
colour to light on black: text colours keep their hue and become bright, backgrounds become black
or nearly, borders light (`contrast_qss`); severities follow (theme.use_palette), and the
high-contrast style sheet adds thick yellow focus outlines. Both change live: `apply` restyles the
app and every widget styled through `styled`.

    apply(app, Appearance(font_size=20, theme="high-contrast"))
    styled(self.error, f"color: {theme.FOREGROUND[theme.FAULT]}; font-size: 16px;")
"""

from __future__ import annotations

import colorsys
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from cashier_app import assets
from cashier_app.ui import theme

log = logging.getLogger(__name__)

BASE_PX: Final = 16
STANDARD: Final = "standard"
HIGH_CONTRAST: Final = "high-contrast"
_RAW = "rawStyleSheet"  # the style as written, before scaling and contrast (re-applied on a change)

_SIZE = re.compile(r"((?:font-size|min-height)\s*:\s*)(\d+(?:\.\d+)?)px")
_COLOUR_RULE = re.compile(r"((?:^|[\s;{])([a-z-]*color|background(?:-color)?|border[a-z-]*)\s*:\s*)([^;}]*)", re.I)
_HEX = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b")


@dataclass(frozen=True)
class Appearance:
    font_size: int = BASE_PX
    theme: str = STANDARD

    @property
    def factor(self) -> float:
        return self.font_size / BASE_PX

    @property
    def high_contrast(self) -> bool:
        return self.theme == HIGH_CONTRAST


_current: dict[str, Appearance] = {"now": Appearance()}


def current() -> Appearance:
    return _current["now"]


# -- the style sheets ---------------------------------------------------------------------------------

def scaled(qss: str, appearance: Appearance | None = None) -> str:
    """`qss` at the appearance's text size (font sizes and minimum heights), in its theme's colours."""
    appearance = appearance or current()
    if appearance.factor != 1:
        qss = _SIZE.sub(lambda m: f"{m.group(1)}{round(float(m.group(2)) * appearance.factor)}px", qss)
    if appearance.high_contrast:
        qss = contrast_qss(qss)
    return qss


def contrast_qss(qss: str) -> str:
    """Every colour of a style sheet, light on black: text bright, backgrounds dark, borders light."""
    def rule(match: re.Match[str]) -> str:
        prop = match.group(2).lower()
        if prop.startswith("background") or prop in ("selection-background-color", "alternate-background-color"):
            role = "background"
        elif prop.startswith("border") or prop == "gridline-color":
            role = "border"
        else:
            role = "text"
        value = _HEX.sub(lambda h: contrast_colour(h.group(0), role), match.group(3))
        if role == "background" and "transparent" not in value:
            value = re.sub(r"\bwhite\b", "#000000", value)
        return match.group(1) + value

    return _COLOUR_RULE.sub(rule, qss)


def contrast_colour(colour: str, role: str) -> str:
    """One colour for the high-contrast theme: its hue kept, its lightness moved to the role's side."""
    parsed = QColor(colour)
    if not parsed.isValid():
        return colour
    seen = luminance(parsed)
    h, light, s = colorsys.rgb_to_hls(parsed.redF(), parsed.greenF(), parsed.blueF())
    if role == "background":
        if seen <= 0.06:
            return colour  # dark already
        light, s = (0.0, 0.0) if s < 0.15 else (0.14, min(1.0, s))
    else:
        if seen >= 0.45:
            return colour  # bright already (yellow, white, light grey)
        light, s = (1.0, 0.0) if s < 0.15 else (0.78, 1.0)
    r, g, b = colorsys.hls_to_rgb(h, light, s)
    return QColor.fromRgbF(r, g, b).name()


def luminance(colour: QColor) -> float:
    """Relative luminance (WCAG): how bright a colour looks, 0 black to 1 white."""
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) + 0.0722 * linear(colour.blueF())


# -- applying ---------------------------------------------------------------------------------------------

def styled(widget: QWidget, qss: str) -> None:
    """Set a widget's own style sheet, at the current size and theme, and again when they change."""
    widget.setProperty(_RAW, qss)
    widget.setStyleSheet(scaled(qss))


def set_style_property(widget: QWidget, name: str, value: str) -> None:
    """Set a property the style sheets select on (`QLabel#verdictText[severity="fault"]`) and restyle the
    widget: Qt reads such selectors only when a widget is polished."""
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


def app_style_sheet(appearance: Appearance) -> str:
    parts = [read_style_sheet(assets.style_sheet_path("app"))]
    if appearance.high_contrast:
        parts.append(read_style_sheet(assets.style_sheet_path(HIGH_CONTRAST)))
    # The high-contrast additions are written for black already; scaled() leaves bright colours alone.
    return scaled("\n".join(parts), appearance)


def read_style_sheet(path: Path) -> str:
    """A style sheet file's text; "" (and a warning) when it cannot be read: the window still works."""
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        log.warning("style sheet not loaded (%s): %s", path, error)
        return ""


def apply(app: QApplication, appearance: Appearance) -> None:
    """Size and theme for the whole app now: its style sheet, font, palette, and every styled widget."""
    _current["now"] = appearance
    theme.use_palette(appearance.theme)
    font = QFont(app.font())
    font.setPixelSize(appearance.font_size)
    app.setFont(font)
    app.setPalette(_palette(appearance))
    app.setStyleSheet(app_style_sheet(appearance))
    for widget in app.allWidgets():
        raw = widget.property(_RAW)
        if isinstance(raw, str):
            widget.setStyleSheet(scaled(raw, appearance))
    log.info("appearance: text %d px, %s theme", appearance.font_size, appearance.theme)


def _palette(appearance: Appearance) -> QPalette:
    app = QApplication.instance()
    standard = app.style().standardPalette() if isinstance(app, QApplication) else QPalette()
    if not appearance.high_contrast:
        return standard
    palette = QPalette(standard)
    black, white, yellow = QColor("#000000"), QColor("#ffffff"), QColor("#ffff00")
    for role, colour in ((QPalette.ColorRole.Window, black), (QPalette.ColorRole.WindowText, white),
                         (QPalette.ColorRole.Base, black), (QPalette.ColorRole.AlternateBase, QColor("#1a1a1a")),
                         (QPalette.ColorRole.Text, white), (QPalette.ColorRole.Button, black),
                         (QPalette.ColorRole.ButtonText, white), (QPalette.ColorRole.Highlight, yellow),
                         (QPalette.ColorRole.HighlightedText, black), (QPalette.ColorRole.ToolTipBase, black),
                         (QPalette.ColorRole.ToolTipText, white), (QPalette.ColorRole.PlaceholderText,
                                                                   QColor("#c0c0c0"))):
        palette.setColor(role, colour)
    return palette
