"""What the virtual printer answers about itself (specs/escpos.md "Status" and "The virtual printer").

`DLE EOT n` (n = 1..4) gets one byte of the form 0xx1xx10: the fixed bits 0x12 plus the bits
of the spec's table that the condition sets. Automatic status back (`GS a n`) is four bytes,
the first of the form 0xx1xx00. Each condition sets only the bits the table names for it, so a
test can compare exact bytes.
"""

from __future__ import annotations

from enum import StrEnum

STATUS_FIXED_BITS = 0x12  # 0xx1xx10: bits 1 and 4 are always set in a DLE EOT reply
ASB_FIXED_BITS = 0x10  # 0xx1xx00: bit 4 of the first ASB byte


class PrinterCondition(StrEnum):
    """The state the virtual printer can be told to be in (the CLI's `--status` values)."""

    ONLINE = "online"
    COVER_OPEN = "cover-open"
    PAPER_NEAR_END = "paper-near-end"
    PAPER_END = "paper-end"
    OFFLINE = "offline"
    CUTTER_ERROR = "cutter-error"
    UNRECOVERABLE = "unrecoverable"

    @property
    def can_print(self) -> bool:
        """A real printer keeps printing with paper near its end, and stops in every other fault."""
        return self in (PrinterCondition.ONLINE, PrinterCondition.PAPER_NEAR_END)


# n -> condition -> bits added to 0x12 (specs/escpos.md "Status" table).
_DLE_EOT_BITS: dict[int, dict[PrinterCondition, int]] = {
    1: {  # printer: bit 3 offline
        PrinterCondition.COVER_OPEN: 0x08,
        PrinterCondition.PAPER_END: 0x08,
        PrinterCondition.OFFLINE: 0x08,
        PrinterCondition.CUTTER_ERROR: 0x08,
        PrinterCondition.UNRECOVERABLE: 0x08,
    },
    2: {  # offline cause: bit 2 cover open, bit 5 stopped by paper end, bit 6 error
        PrinterCondition.COVER_OPEN: 0x04,
        PrinterCondition.PAPER_END: 0x20,
        PrinterCondition.CUTTER_ERROR: 0x40,
        PrinterCondition.UNRECOVERABLE: 0x40,
    },
    3: {  # error cause: bit 3 autocutter, bit 5 unrecoverable
        PrinterCondition.CUTTER_ERROR: 0x08,
        PrinterCondition.UNRECOVERABLE: 0x20,
    },
    4: {  # paper sensor: bits 2+3 near end, bits 5+6 paper end
        PrinterCondition.PAPER_NEAR_END: 0x0C,
        PrinterCondition.PAPER_END: 0x60,
    },
}

# condition -> the four ASB bytes.
_ASB: dict[PrinterCondition, bytes] = {
    PrinterCondition.ONLINE: bytes((0x10, 0x00, 0x00, 0x00)),
    PrinterCondition.PAPER_NEAR_END: bytes((0x10, 0x00, 0x03, 0x00)),
    PrinterCondition.PAPER_END: bytes((0x18, 0x00, 0x0C, 0x00)),
    PrinterCondition.COVER_OPEN: bytes((0x38, 0x00, 0x00, 0x00)),
    PrinterCondition.OFFLINE: bytes((0x18, 0x00, 0x00, 0x00)),
    PrinterCondition.CUTTER_ERROR: bytes((0x18, 0x08, 0x00, 0x00)),
    PrinterCondition.UNRECOVERABLE: bytes((0x18, 0x20, 0x00, 0x00)),
}

DRAWER_OPEN_BIT = 0x04  # DLE EOT 1 bit 2 and ASB byte 1 bit 2: drawer kick-out connector pin 3


def status_byte(condition: PrinterCondition | str, n: int, drawer_open: bool = False) -> int:
    """The reply to `DLE EOT n` (n = 1..4) in this condition."""
    if n not in _DLE_EOT_BITS:
        raise ValueError(f"DLE EOT n must be 1..4, not {n}")
    value = STATUS_FIXED_BITS | _DLE_EOT_BITS[n].get(PrinterCondition(condition), 0)
    if n == 1 and drawer_open:
        value |= DRAWER_OPEN_BIT
    return value


def asb_bytes(condition: PrinterCondition | str, drawer_open: bool = False) -> bytes:
    """The four automatic-status-back bytes for this condition."""
    asb = bytearray(_ASB[PrinterCondition(condition)])
    if drawer_open:
        asb[0] |= DRAWER_OPEN_BIT
    return bytes(asb)


def paper_sensor_byte(condition: PrinterCondition | str) -> int:
    """The reply to `GS r 1` (paper sensor): bits 0-1 near end, bits 2-3 paper end."""
    condition = PrinterCondition(condition)
    if condition is PrinterCondition.PAPER_END:
        return 0x0C
    if condition is PrinterCondition.PAPER_NEAR_END:
        return 0x03
    return 0x00


def drawer_byte(drawer_open: bool) -> int:
    """The reply to `GS r 2` (drawer kick-out connector): bit 0 pin 3."""
    return 0x01 if drawer_open else 0x00
