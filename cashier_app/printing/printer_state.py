"""What a printer said: its state, the flags behind it and the fault code of each state (specs/escpos.md
"Status"). Reading it from the printer is status.py's; a PrinterFault carries one (faults.py), so this module
imports neither.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from cashier_app.domain.printer_faults import (
    COVER_OPEN,
    CUTTER_ERROR,
    OFFLINE,
    PAPER_END,
    STATUS_UNKNOWN,
    UNRECOVERABLE,
)


class PrinterState(StrEnum):
    READY = "ready"
    OFFLINE = "offline"
    COVER_OPEN = "cover_open"
    PAPER_END = "paper_end"
    PAPER_NEAR_END = "paper_near_end"
    CUTTER_ERROR = "cutter_error"
    UNRECOVERABLE = "unrecoverable"
    UNKNOWN = "unknown"


# Printing can go on in these states (near end: paper is low, not out).
_PRINTABLE = frozenset({PrinterState.READY, PrinterState.PAPER_NEAR_END})

STATE_FAULT_CODE: dict[PrinterState, str] = {
    PrinterState.OFFLINE: OFFLINE,
    PrinterState.COVER_OPEN: COVER_OPEN,
    PrinterState.PAPER_END: PAPER_END,
    PrinterState.CUTTER_ERROR: CUTTER_ERROR,
    PrinterState.UNRECOVERABLE: UNRECOVERABLE,
    PrinterState.UNKNOWN: STATUS_UNKNOWN,
}


@dataclass(frozen=True)
class PrinterStatus:
    """What the printer said. `raw` holds each query's reply bytes (b"" when it said nothing)."""

    state: PrinterState
    flags: frozenset[str] = frozenset()
    raw: dict[int, bytes] = field(default_factory=dict, hash=False)
    detail: str = ""
    # Set when the status comes from a connection failure rather than from the printer.
    fault_code: str | None = None

    @property
    def can_print(self) -> bool:
        return self.state in _PRINTABLE

    @property
    def is_known(self) -> bool:
        return self.state is not PrinterState.UNKNOWN

    @property
    def code(self) -> str:
        """The fault code for the UI: the connection's, the state's, or "" when ready."""
        if self.fault_code:
            return self.fault_code
        return STATE_FAULT_CODE.get(self.state, "")

    def describe(self) -> str:
        raw = " ".join(f"n{n}={b.hex() or '-'}" for n, b in sorted(self.raw.items()))
        parts = [self.state.value]
        if self.flags:
            parts.append(",".join(sorted(self.flags)))
        if raw:
            parts.append(raw)
        if self.detail:
            parts.append(self.detail)
        return " | ".join(parts)

    @classmethod
    def unknown(cls, detail: str, fault_code: str | None = None) -> PrinterStatus:
        return cls(PrinterState.UNKNOWN, detail=detail, fault_code=fault_code)
