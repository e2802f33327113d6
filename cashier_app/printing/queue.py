"""The persistent print queue (design.md "Print queue").

One worker thread per printer, so jobs for one printer never interleave and go out in the order
they were queued. A job is in the journal before a byte is sent and is done only once the printer
took the last byte. A printer that cannot print (offline, cover open, paper end, refused or
dropped connection) holds its queue; the worker probes it with backoff and resumes by itself. A
job whose link dropped part-way is printed again, marked as a reprint.

Events go to `on_event` from the worker threads (the UI layer hands them over to its own thread).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable

from escpos.escpos import Escpos

from cashier_app.journal.db import Journal
from cashier_app.journal.print_jobs import HELD, QUEUED, SENDING, JobStateError, PrintJobRecord, PrintJobStore
from cashier_app.printing import faults
from cashier_app.printing.connections import open_connection
from cashier_app.printing.faults import PrinterFault
from cashier_app.printing.queue_events import (
    EVENT_KINDS,
    JOB_CANCELLED,
    JOB_DONE,
    JOB_HELD,
    JOB_QUEUED,
    JOB_SENDING,
    PRINTER_STATUS,
    QueueEvent,
)
from cashier_app.printing.queue_worker import PrinterWorker, RenderJob, WorkerParts
from cashier_app.printing.settings import PrinterSettings, PrintingSettings
from cashier_app.printing.status import PrinterStatus, query_status

__all__ = [
    "EVENT_KINDS", "JOB_CANCELLED", "JOB_DONE", "JOB_HELD", "JOB_QUEUED", "JOB_SENDING", "PRINTER_STATUS",
    "JobStateError", "PrintQueue", "QueueEvent", "RenderJob",
]

log = logging.getLogger(__name__)

# How often the queue looks for jobs another process wrote (the command line's reprint): their
# printers' workers are woken then.
OTHER_WRITERS_S = 2.0

class PrintQueue:
    def __init__(  # noqa: PLR0917 - the signature the app's composition root calls
        self,
        journal: Journal,
        printing: PrintingSettings,
        render: RenderJob,
        on_event: Callable[[QueueEvent], None] | None = None,
        connect: Callable[[PrinterSettings], Escpos] = open_connection,
        query: Callable[[Escpos, float], PrinterStatus] = query_status,
    ) -> None:
        self.store = PrintJobStore(journal)
        self.printing = printing
        self._render = render
        self._on_event = on_event
        self._connect = connect
        self._query = query
        self._workers: dict[str, PrinterWorker] = {}
        self._stopping = threading.Event()
        self._changed = threading.Condition()
        self._started = False
        self._looker: threading.Thread | None = None

    # -- life cycle ------------------------------------------------------------------------

    def start(self) -> None:
        """Put jobs a crash left half-sent back in the queue, then start one worker per printer."""
        if self._started:
            return
        self._stopping.clear()
        for job in self.store.recover_interrupted():
            log.warning("print job %s was interrupted by an earlier run; it will be printed again as copy %s",
                        job.id, job.copy_no)
            self._emit(QueueEvent(JOB_QUEUED, job.printer, job.id, job, fault_detail="interrupted by an earlier run"))
        for name in self.store.printers_with_pending():
            if name not in self.printing.printers:
                self._park_unconfigured(name)
        parts = WorkerParts(
            jobs=self.store, render=self._render, connect=self._connect, query=self._query, emit=self._emit,
            moved_on=self._notify_changed, stop=self._stopping, retry_initial_s=self.printing.retry_initial_s,
            retry_max_s=self.printing.retry_max_s, probe_max_s=self.printing.probe_max_s)
        for name, settings in self.printing.printers.items():
            self._workers[name] = PrinterWorker(parts, name, settings)
        for worker in self._workers.values():
            worker.start()
        self._looker = threading.Thread(target=self._look_for_other_writers, name="print-queue-look", daemon=True)
        self._looker.start()
        self._started = True

    def stop(self, timeout: float | None = None) -> None:
        """Stop the workers and wait for them; a job being sent is finished first."""
        self._stopping.set()
        for worker in self._workers.values():
            worker.wake()
        for worker in self._workers.values():
            worker.join(timeout)
        if self._looker is not None:
            self._looker.join(timeout)
            self._looker = None
        self._workers.clear()
        self._started = False
        self._notify_changed()

    # -- jobs ------------------------------------------------------------------------------

    def enqueue(self, receipt_id: int | None, *, printer: str | None = None, is_reprint: bool = False,
                reason: str | None = None, requested_by: str | None = None, payload: bytes | None = None,
                copy_no: int | None = None) -> int:
        """Write a job down and wake its printer's worker; returns the job id.

        Below the paper desk's rules: receipts and orders are printed through cashier_app.paper,
        which decides original or copy; this is for raw bytes (test pages) and the queue's tests.

        With `payload` these exact bytes are sent; otherwise the receipt is laid out by `render`
        when the job is sent (so a job printed again after an interruption says REPRINT).
        `copy_no` is set in the same transaction (default: the store's next copy for a reprint),
        so the worker never lays out a job whose copy number is still to change.
        """
        name = printer or self.printing.default_printer
        if name not in self.printing.printers:
            raise PrinterFault(faults.NOT_CONFIGURED, f"no printer named {name!r}; configured: "
                               f"{sorted(self.printing.printers)}")
        if receipt_id is None and payload is None:
            raise ValueError("a print job needs a receipt to lay out or the bytes to send")
        job = self.store.create(receipt_id, name, is_reprint=is_reprint, reason=reason,
                                requested_by=requested_by, payload=payload, copy_no=copy_no)
        self.announce(job)
        return job.id

    def announce(self, job: PrintJobRecord) -> None:
        """A job written elsewhere (the paper desk, in its own transaction) has committed: tell the
        listeners and wake its printer's worker."""
        self._emit(QueueEvent(JOB_QUEUED, job.printer, job.id, job))
        self._wake(job.printer)

    def retry(self, job_id: int, operator: str | None = None) -> None:
        """Try a held job (and the printer holding it) again now, without waiting for the backoff."""
        job = self.store.require(job_id)
        if job.state == HELD:
            job = self.store.requeue(job_id, operator)
            self._emit(QueueEvent(JOB_QUEUED, job.printer, job.id, job))
        elif job.state not in (QUEUED, SENDING):
            raise JobStateError(job_id, job.state, "retry it (print a reprint instead)")
        worker = self._workers.get(job.printer)
        if worker is not None:
            worker.wake(retry=True)

    def cancel(self, job_id: int, reason: str, operator: str | None) -> PrintJobRecord:
        """Cancel a job not yet being sent; the reason and operator are kept."""
        job = self.store.cancel(job_id, reason, operator)
        self._emit(QueueEvent(JOB_CANCELLED, job.printer, job.id, job, fault_detail=reason))
        self._wake(job.printer)
        self._notify_changed()
        return job

    def move(self, job_id: int, printer: str) -> PrintJobRecord:
        """Send a queued or held job to another printer instead."""
        if printer not in self.printing.printers:
            raise PrinterFault(faults.NOT_CONFIGURED, f"no printer named {printer!r}")
        job = self.store.move(job_id, printer)
        self._emit(QueueEvent(JOB_QUEUED, printer, job.id, job, fault_detail=f"moved from {job.moved_from}"))
        if job.moved_from:
            self._wake(job.moved_from)
        self._wake(printer)
        self._notify_changed()
        return job

    def jobs(self, states: Iterable[str] | None = None, printer: str | None = None,
             limit: int | None = None) -> list[PrintJobRecord]:
        return self.store.list_jobs(states, printer, limit=limit)

    def job(self, job_id: int) -> PrintJobRecord | None:
        return self.store.get(job_id)

    def held_jobs(self, printer: str | None = None) -> list[PrintJobRecord]:
        return self.store.list_jobs((HELD,), printer)

    def printer_status(self, name: str) -> PrinterStatus:
        """The last status seen for a printer (UNKNOWN until it has been asked)."""
        worker = self._workers.get(name)
        if worker is not None:
            return worker.status
        if name not in self.printing.printers:
            return PrinterStatus.unknown(f"no printer named {name!r}", faults.NOT_CONFIGURED)
        return PrinterStatus.unknown("the print queue is not running")

    def wait_idle(self, timeout: float) -> bool:
        """Wait until no printer has work it will do by itself (parked jobs do not count)."""
        with self._changed:
            return self._changed.wait_for(lambda: self.store.count_active(self.printing.printers) == 0, timeout)

    # -- inside -----------------------------------------------------------------------------

    def _emit(self, event: QueueEvent) -> None:
        if self._on_event is None:
            return
        try:
            self._on_event(event)
        except Exception:
            log.exception("print queue event handler failed on %s", event.kind)

    def _notify_changed(self) -> None:
        with self._changed:
            self._changed.notify_all()

    def _look_for_other_writers(self) -> None:
        """Jobs written by another process (the command line) on this journal: wake their printers."""
        while not self._stopping.wait(OTHER_WRITERS_S):
            try:
                for name in self.store.printers_with_pending():
                    self._wake(name)
            except Exception:
                log.exception("looking for print jobs written elsewhere failed")

    def _wake(self, printer: str) -> None:
        worker = self._workers.get(printer)
        if worker is not None:
            worker.wake()

    def _park_unconfigured(self, name: str) -> None:
        for job in self.store.list_jobs((QUEUED, HELD), name):
            if job.parked:
                continue
            held = self.store.hold(job.id, faults.NOT_CONFIGURED,
                                   f"printer {name!r} is not in the configuration; move the job", parked=True)
            self._emit(QueueEvent(JOB_HELD, name, held.id, held, fault_code=faults.NOT_CONFIGURED,
                                 fault_detail=held.last_error))
