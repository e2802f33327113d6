"""What the print queue tells the rest of the app, from its worker threads."""

from __future__ import annotations

from dataclasses import dataclass

from cashier_app.journal.print_jobs import PrintJobRecord
from cashier_app.printing.status import PrinterStatus

JOB_QUEUED = "job_queued"
JOB_SENDING = "job_sending"
JOB_DONE = "job_done"
JOB_HELD = "job_held"
JOB_CANCELLED = "job_cancelled"
PRINTER_STATUS = "printer_status"
EVENT_KINDS = (JOB_QUEUED, JOB_SENDING, JOB_DONE, JOB_HELD, JOB_CANCELLED, PRINTER_STATUS)


@dataclass(frozen=True)
class QueueEvent:
    """`job` is the job's record after the change; `status` the printer's status after it.

    `fault_code`/`fault_detail` say why a job is held (or, for other kinds, a short note:
    the reason of a cancel, where a job was moved from).
    """

    kind: str
    printer: str
    job_id: int | None = None
    job: PrintJobRecord | None = None
    status: PrinterStatus | None = None
    fault_code: str | None = None
    fault_detail: str | None = None
