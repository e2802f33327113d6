"""Sending a technician's page straight to a printer, outside the print queue (the test page, the
code page chart, the cutter and drawer tests): while a printer is being set up there is no queue
yet, and what the technician asks for must be tried now, not held.

The printer is asked its status first (unless check_status is off): a device that is no
printer, or a printer that says it cannot print, gets nothing unless forced.
"""

from __future__ import annotations

from dataclasses import dataclass

from cashier_app.printing import faults
from cashier_app.printing.connections import close_quietly, describe_target, open_connection, send_job
from cashier_app.printing.faults import PrinterFault
from cashier_app.printing.settings import PrinterSettings
from cashier_app.printing.status import PrinterState, PrinterStatus, probe_status


@dataclass(frozen=True)
class DirectResult:
    target: str
    status: PrinterStatus | None  # None when check_status is off
    sent: int  # bytes sent

    @property
    def status_known(self) -> bool:
        return self.status is not None and self.status.state is not PrinterState.UNKNOWN


def send_direct(settings: PrinterSettings, payload: bytes, *, force: bool = False) -> DirectResult:
    """Open, ask, send, confirm, close. Raises PrinterFault (with the status, when the printer gave one)."""
    target = describe_target(settings)
    conn = None
    try:
        conn = open_connection(settings)
        status = None
        if settings.check_status:
            status = probe_status(conn, settings.status_timeout_s, target)
            if status.code == faults.NOT_A_PRINTER and not force:
                raise PrinterFault(status.code, f"{target}: {status.detail}", status)
            if status.is_known and not status.can_print and not force:
                raise PrinterFault(status.code, f"{target}: {status.describe()}", status)
            if status.code == faults.SEND_FAILED:  # the link broke while asking: it cannot take a page either
                raise PrinterFault(status.code, f"{target}: {status.detail}", status)
        send_job(conn, payload, settings, confirm_with_status=status is not None and status.is_known)
    finally:
        close_quietly(conn)
    return DirectResult(target, status, len(payload))
