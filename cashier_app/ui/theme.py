"""Severities and their colours, in one place (no Qt). Colours chosen to read on white for a cashier at arm's length."""

from __future__ import annotations

from typing import Final, Literal

Severity = Literal["ok", "info", "attention", "fault"]
OK: Final = "ok"
INFO: Final = "info"
ATTENTION: Final = "attention"
FAULT: Final = "fault"

_RANK: Final[dict[str, int]] = {OK: 0, INFO: 1, ATTENTION: 2, FAULT: 3}

# Text colour and a light background for each severity (the standard palette; see use_palette).
FOREGROUND: Final[dict[str, str]] = {OK: "#1b7f3b", INFO: "#1f5fa8", ATTENTION: "#a15c00", FAULT: "#c0262d"}
BACKGROUND: Final[dict[str, str]] = {OK: "#e6f4ea", INFO: "#e8f0fb", ATTENTION: "#fff3d6", FAULT: "#fde7e8"}
NEUTRAL_FOREGROUND = "#5f6368"

# The palettes: (foreground, background, neutral). High contrast: bright on black, for a bright shop or
# poor eyesight (the high-contrast theme, ui.appearance).
_PALETTES: Final[dict[str, tuple[dict[str, str], dict[str, str], str]]] = {
    "standard": (dict(FOREGROUND), dict(BACKGROUND), NEUTRAL_FOREGROUND),
    "high-contrast": ({OK: "#66ff66", INFO: "#66ccff", ATTENTION: "#ffd24d", FAULT: "#ff6b6b"},
                      {OK: "#002b00", INFO: "#00203a", ATTENTION: "#332600", FAULT: "#3a0000"}, "#d0d0d0"),
}

# ReceiptRow.printed -> severity (its colour in the table).
PRINTED_SEVERITY: Final[dict[str, str]] = {
    "printed": OK,
    "reprinted": OK,
    "queued": INFO,
    "observe": INFO,
    "held": ATTENTION,
    "not_printed": FAULT,
}


def use_palette(name: str) -> None:
    """Switch the severity colours ("standard" or "high-contrast"); views read them when they paint."""
    global NEUTRAL_FOREGROUND  # noqa: PLW0603 - the views read it at paint time, as they read the dicts
    foreground, background, neutral = _PALETTES.get(name, _PALETTES["standard"])
    FOREGROUND.update(foreground)
    BACKGROUND.update(background)
    NEUTRAL_FOREGROUND = neutral


def worst(*severities: str) -> str:
    """The most serious of the given severities (ok when none)."""
    return max(severities, key=lambda s: _RANK.get(s, 0), default=OK)
