"""Sending a page straight to a printer, outside the queue: the technician's test page, a report
printed from the command line. The printer is asked first; a printer that says it cannot print
gets nothing unless forced."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from cashier_app.printing import faults
from cashier_app.printing.connections import close_quietly, describe_target, open_connection, send_job
from cashier_app.printing.faults import PrinterFault
from cashier_app.printing.settings import PrinterSettings
from cashier_app.printing.status import PrinterState, PrinterStatus, probe_status


@dataclass(frozen=True)
class DirectResult:
    """What a page sent now found: where it went, what the printer said first (None: not asked), how much."""

    target: str
    status: PrinterStatus | None
    sent: int

    @property
    def status_known(self) -> bool:
        return self.status is not None and self.status.state is not PrinterState.UNKNOWN


def send_now(settings: PrinterSettings, payload: bytes, *, force: bool = False,
             tell: Callable[[str], None] = lambda _line: None) -> DirectResult:
    """Send `payload` and return once the printer took it; raises PrinterFault otherwise.

    `tell` hears what the status query found ("status: ...", a warning when it stayed silent).
    """
    conn = None
    status: PrinterStatus | None = None
    try:
        conn = open_connection(settings)
        confirm = False
        if settings.check_status:
            status = probe_status(conn, settings.status_timeout_s, describe_target(settings))
            tell(f"status: {status.describe()}")
            if status.code == faults.NOT_A_PRINTER and not force:
                raise PrinterFault(faults.NOT_A_PRINTER, f"{status.detail}; not sending (use --force to send anyway)",
                                   status)
            if status.state is PrinterState.UNKNOWN:
                tell("warning: the printer did not answer the status query; sending anyway")
            elif not status.can_print and not force:
                raise PrinterFault(status.code or faults.SEND_FAILED,
                                   f"{status.describe()}: not sending (use --force to send anyway)", status)
            confirm = status.is_known
        send_job(conn, payload, settings, confirm_with_status=confirm)
    finally:
        close_quietly(conn)
    return DirectResult(describe_target(settings), status, len(payload))
