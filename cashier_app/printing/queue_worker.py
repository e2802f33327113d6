"""One printer's worker thread: takes its jobs in order, holds while the printer cannot print.

A try at a job: lay it out, connect (or reuse the link kept while probing), ask the status,
mark it sending, send, confirm, mark it done. A fault before `sending` holds the job as it is;
a fault after it means the printer may have printed part of it, so the job is printed again as
a reprint. Between tries the worker waits on an Event with backoff, so retry() and stop() cut
the wait short and nothing spins.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from escpos.escpos import Escpos

from cashier_app.journal.print_jobs import JobStateError, PrintJobRecord, PrintJobStore
from cashier_app.printing import faults
from cashier_app.printing.backoff import Backoff
from cashier_app.printing.connections import close_quietly, describe_target, send_job
from cashier_app.printing.faults import PrinterFault
from cashier_app.printing.queue_events import JOB_DONE, JOB_HELD, JOB_SENDING, PRINTER_STATUS, QueueEvent
from cashier_app.printing.settings import PrinterSettings
from cashier_app.printing.status import PrinterState, PrinterStatus

log = logging.getLogger(__name__)

# Links whose opening is costly or has side effects (a USB reset) stay open between probes.
_KEEP_OPEN_KINDS = frozenset({"usb", "serial"})

RenderJob = Callable[[PrintJobRecord, PrinterSettings], bytes]


@dataclass(frozen=True)
class WorkerParts:
    """All a printer's worker is given by the queue that starts it: the jobs' table, how to lay a
    job out, reach and ask a printer, whom to tell, and when to stop. Nothing else of the queue."""

    jobs: PrintJobStore
    render: RenderJob
    connect: Callable[[PrinterSettings], Escpos]
    query: Callable[[Escpos, float], PrinterStatus]
    emit: Callable[[QueueEvent], None]  # from the worker's thread; the listener hands it over
    moved_on: Callable[[], None]  # a try ended: whoever waits for the queue to be idle looks again
    stop: threading.Event
    # Backoff while the printer is faulty (PrintingSettings says what each one means).
    retry_initial_s: float
    retry_max_s: float
    probe_max_s: float


class PrinterWorker(threading.Thread):
    def __init__(self, parts: WorkerParts, name: str, settings: PrinterSettings) -> None:
        super().__init__(name=f"print-{name}", daemon=True)
        self.parts = parts
        self.printer = name
        self.settings = settings
        self.status = PrinterStatus.unknown("not asked yet")
        self._reported = False  # the first status learned is always reported, unknown too
        self._wake_event = threading.Event()
        self._retry_now = False
        self._conn: Escpos | None = None
        self._held: tuple[int, str] | None = None  # (job id, fault code) last reported as held
        self._backoff = Backoff(parts.retry_initial_s, max(parts.retry_max_s, parts.retry_initial_s))
        self._probe_cap = parts.probe_max_s

    def wake(self, retry: bool = False) -> None:
        if retry:
            self._retry_now = True
        self._wake_event.set()

    # -- the loop --------------------------------------------------------------------------

    def run(self) -> None:
        try:
            if self.parts.jobs.next_for(self.printer) is None:
                self._probe_at_start()
            while not self.parts.stop.is_set():
                self._wake_event.clear()
                job = self.parts.jobs.next_for(self.printer)
                if job is None:
                    self._drop_link()
                    self._wake_event.wait()  # untimed: a timed wait adds wake-up latency to every receipt
                    continue
                started = time.monotonic()
                try:
                    fault = self._attempt(job)
                except Exception as exc:
                    # The journal or a driver failed in a way no fault code covers: keep the
                    # thread alive and try again later rather than leave the printer unserved.
                    log.exception("print worker for %s: unexpected error on job %s", self.printer, job.id)
                    self._drop_link()
                    fault = PrinterFault(faults.SEND_FAILED, f"unexpected error: {exc!r}")
                    self._settle_after_error(job.id, fault)
                    started = 0.0
                self.parts.moved_on()
                if fault is None:
                    self._backoff.reset()
                    continue
                cheap = fault.status is not None or time.monotonic() - started < self._probe_cap
                delay = self._backoff.next_delay(self._probe_cap if cheap else None)
                self._pause(delay, job.id)
        except Exception:
            log.exception("print worker for %s stopped on an unexpected error", self.printer)
            raise
        finally:
            self._drop_link()

    def _probe_at_start(self) -> None:
        """Ask the printer once at start, so that its real state shows from the first moment, not
        "unknown" until the first receipt (a job waiting at start asks anyway)."""
        if not self.settings.check_status:
            self._report_status(PrinterStatus.unknown("status not asked (check_status is off)"))
            return
        try:
            conn = self._link()
            self._report_status(self.parts.query(conn, self.settings.status_timeout_s))
        except PrinterFault as fault:
            if fault.status is not None:
                self._report_status(fault.status)
            # else _link() reported the connection's fault already
        except Exception:
            log.exception("asking printer %s for its status at start failed", self.printer)
        finally:
            self._drop_link()

    def _settle_after_error(self, job_id: int, fault: PrinterFault) -> None:
        """A job the error left `sending` may be half-printed: print it again as a reprint."""
        try:
            job = self.parts.jobs.get(job_id)
            if job is not None and job.state == "sending":
                self.parts.jobs.interrupt(job_id, fault.code, fault.detail)
        except Exception:
            log.exception("print job %s stays 'sending' until the next start", job_id)

    def _pause(self, delay: float, job_id: int) -> None:
        """Wait before the next try; a retry, a stop, or a change at the head of the queue ends it."""
        deadline = time.monotonic() + delay
        while not self.parts.stop.is_set():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return
            if not self._wake_event.wait(remaining):
                return
            self._wake_event.clear()
            if self._retry_now:
                self._retry_now = False
                self._backoff.reset()
                return
            head = self.parts.jobs.next_for(self.printer)
            if head is None or head.id != job_id:
                return

    # -- one try ---------------------------------------------------------------------------

    def _attempt(self, job: PrintJobRecord) -> PrinterFault | None:
        """Try to print `job`; return the fault that held it, or None (printed, parked, or gone)."""
        self._retry_now = False
        try:
            payload = job.payload if job.payload is not None else self.parts.render(job, self.settings)
        except Exception as exc:
            # Not the printer's fault: park this job for someone to look at, the others go on.
            log.exception("print job %s could not be laid out", job.id)
            self._hold(job, PrinterFault(faults.RENDER_FAILED, f"{type(exc).__name__}: {exc}"), parked=True)
            return None
        try:
            conn = self._link()
            confirm_with_status = self._check_status(conn)
        except PrinterFault as fault:
            # A printer that answered "cannot print" may keep its link for the next probe.
            if fault.status is None or self.settings.kind not in _KEEP_OPEN_KINDS:
                self._drop_link()
            self._hold(job, fault)
            return fault
        try:
            sending = self.parts.jobs.mark_sending(job.id, self.printer)
        except JobStateError:
            self._drop_link()
            return None  # cancelled or moved meanwhile
        self.parts.emit(QueueEvent(JOB_SENDING, self.printer, job.id, sending, self.status))
        try:
            send_job(conn, payload, self.settings, confirm_with_status=confirm_with_status)
        except PrinterFault as fault:
            self._drop_link()
            if fault.refused and fault.status is not None:
                # It answered that it cannot print: nothing went on paper; the job waits as it is.
                self._report_status(fault.status)
                held = self.parts.jobs.refuse(job.id, fault.code, fault.detail)
                log.warning("print job %s refused by %s: %s; it prints once the printer can", job.id,
                            self.printer, fault.code)
            else:
                self._report_status(PrinterStatus.unknown(fault.detail, fault.code))
                held = self.parts.jobs.interrupt(job.id, fault.code, fault.detail)
                log.warning("print job %s interrupted on %s: %s; it will be printed again as copy %s",
                            job.id, self.printer, fault, held.copy_no)
            self._held = (job.id, fault.code)
            self.parts.emit(QueueEvent(JOB_HELD, self.printer, job.id, held, self.status,
                                       fault.code, fault.detail))
            return fault
        finally:
            # A network job ends when its connection closes.
            if self.settings.kind not in _KEEP_OPEN_KINDS:
                self._drop_link()
        done = self.parts.jobs.mark_done(job.id)
        self._held = None
        if not self.settings.check_status and self.status.fault_code:
            self._report_status(PrinterStatus.unknown("status not asked (check_status is off)"))
        self.parts.emit(QueueEvent(JOB_DONE, self.printer, job.id, done, self.status))
        return None

    def _link(self) -> Escpos:
        if self._conn is None:
            try:
                self._conn = self.parts.connect(self.settings)
            except PrinterFault as fault:
                self._report_status(PrinterStatus.unknown(fault.detail, fault.code))
                raise
        return self._conn

    def _check_status(self, conn: Escpos) -> bool:
        """Ask the printer before a job; raise PrinterFault when it says it cannot print.

        Returns whether the end of the job can be confirmed by a status query too (not when the
        printer stayed silent: it is still tried, and the status reported as unknown).
        """
        if not self.settings.check_status:
            return False
        status = self.parts.query(conn, self.settings.status_timeout_s)
        self._report_status(status)
        if status.fault_code == faults.NOT_A_PRINTER:
            # Bytes sent there would never come out as paper: hold the job until the address is fixed.
            raise PrinterFault(status.code, f"{describe_target(self.settings)}: {status.detail}", status)
        if status.state is PrinterState.UNKNOWN:
            log.info("printer %s did not answer the status query; sending anyway", self.printer)
            return False
        if not status.can_print:
            raise PrinterFault(status.code, f"{describe_target(self.settings)}: {status.describe()}", status)
        return True

    def _drop_link(self) -> None:
        if self._conn is not None:
            close_quietly(self._conn)
            self._conn = None

    def _hold(self, job: PrintJobRecord, fault: PrinterFault, parked: bool = False) -> None:
        try:
            held = self.parts.jobs.hold(job.id, fault.code, fault.detail, parked=parked, printer=self.printer)
        except JobStateError:
            return
        # One event per change of cause, not one per probe.
        if self._held != (job.id, fault.code):
            self._held = (job.id, fault.code)
            log.warning("print job %s held on %s: %s", job.id, self.printer, fault)
            self.parts.emit(QueueEvent(JOB_HELD, self.printer, job.id, held, self.status, fault.code, fault.detail))

    def _report_status(self, status: PrinterStatus) -> None:
        before = self.status
        self.status = status
        changed = (before.state, before.fault_code, before.flags) != (status.state, status.fault_code, status.flags)
        if changed or not self._reported:
            self._reported = True
            self.parts.emit(QueueEvent(PRINTER_STATUS, self.printer, status=status,
                                       fault_code=status.code or None, fault_detail=status.detail or None))
