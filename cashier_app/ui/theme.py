"""Severities and their colours, in one place (no Qt). Colours chosen to read on white for a cashier at arm's length."""

from __future__ import annotations

from typing import Final, Literal

Severity = Literal["ok", "info", "attention", "fault"]
OK: Final = "ok"
INFO: Final = "info"
ATTENTION: Final = "attention"
FAULT: Final = "fault"

_RANK: Final[dict[str, int]] = {OK: 0, INFO: 1, ATTENTION: 2, FAULT: 3}

# Text colour and a light background for each severity.
FOREGROUND: Final[dict[str, str]] = {OK: "#1b7f3b", INFO: "#1f5fa8", ATTENTION: "#a15c00", FAULT: "#c0262d"}
BACKGROUND: Final[dict[str, str]] = {OK: "#e6f4ea", INFO: "#e8f0fb", ATTENTION: "#fff3d6", FAULT: "#fde7e8"}
NEUTRAL_FOREGROUND: Final = "#5f6368"

# ReceiptRow.printed -> severity (its colour in the table).
PRINTED_SEVERITY: Final[dict[str, str]] = {
    "printed": OK,
    "reprinted": OK,
    "queued": INFO,
    "observe": INFO,
    "held": ATTENTION,
    "not_printed": FAULT,
}


def worst(*severities: str) -> str:
    """The most serious of the given severities (ok when none)."""
    return max(severities, key=lambda s: _RANK.get(s, 0), default=OK)
