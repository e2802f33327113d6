"""Status bytes a printer answers, and what they mean."""

from __future__ import annotations

from cashier_app.emulator import PrinterCondition

# condition -> replies to DLE EOT 1, 2, 3, 4 (specs/escpos.md "Status").
EXPECTED = {
    PrinterCondition.ONLINE: (0x12, 0x12, 0x12, 0x12),
    PrinterCondition.PAPER_NEAR_END: (0x12, 0x12, 0x12, 0x1E),
    PrinterCondition.PAPER_END: (0x1A, 0x32, 0x12, 0x72),
    PrinterCondition.COVER_OPEN: (0x1A, 0x16, 0x12, 0x12),
    PrinterCondition.OFFLINE: (0x1A, 0x12, 0x12, 0x12),
    PrinterCondition.CUTTER_ERROR: (0x1A, 0x52, 0x1A, 0x12),
    PrinterCondition.UNRECOVERABLE: (0x1A, 0x52, 0x32, 0x12),
}


EXPECTED_ASB = {
    PrinterCondition.ONLINE: "10000000",
    PrinterCondition.PAPER_NEAR_END: "10000300",
    PrinterCondition.PAPER_END: "18000c00",
    PrinterCondition.COVER_OPEN: "38000000",
    PrinterCondition.OFFLINE: "18000000",
    PrinterCondition.CUTTER_ERROR: "18080000",
    PrinterCondition.UNRECOVERABLE: "18200000",
}
