"""Printer faults: a stable machine code for every screen, an English technical detail for technicians.

A cashier reads "打印机未连接" (domain/printer_faults.py words every code) while the technician reads
"127.0.0.1:9100: connection refused (errno 111)".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cashier_app.domain.errors import CodedError
from cashier_app.domain.printer_faults import (
    COVER_OPEN,
    CUTTER_ERROR,
    NOT_A_PRINTER,
    NOT_CONFIGURED,
    NOT_CONNECTED,
    OFFLINE,
    PAPER_END,
    RENDER_FAILED,
    SEND_FAILED,
    STATUS_UNKNOWN,
    TIMEOUT,
    UNRECOVERABLE,
    UNSUPPORTED_ON_PLATFORM,
    fault_text,
)

if TYPE_CHECKING:  # printer_state imports nothing of printing's: no cycle
    from cashier_app.printing.printer_state import PrinterStatus

# The codes and their words live in the domain (domain/printer_faults.py), one table for every screen.
__all__ = [
    "COVER_OPEN", "CUTTER_ERROR", "NOT_A_PRINTER", "NOT_CONFIGURED", "NOT_CONNECTED", "OFFLINE", "PAPER_END",
    "RENDER_FAILED", "SEND_FAILED", "STATUS_UNKNOWN", "TIMEOUT", "UNRECOVERABLE", "UNSUPPORTED_ON_PLATFORM",
    "PrinterFault", "fault_text",
]


class PrinterFault(CodedError):
    """A printer could not be reached or cannot print now.

    `code` is one of the constants above; `detail` names what the technician needs (host:port,
    device path, errno); `status` is the decoded printer status when the fault came from one.
    """

    def __init__(self, code: str, detail: str, status: PrinterStatus | None = None, *,
                 refused: bool = False) -> None:
        super().__init__(code, detail, message=f"{code}: {detail}")
        self.status = status
        # The printer took the job's bytes and then said it cannot print (offline, paper end, cover
        # open, error): it prints nothing in that state (specs/escpos.md), so the job is held as it
        # was, not printed again as a reprint.
        self.refused = refused
