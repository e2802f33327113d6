"""The window's view of the services: UiServices over AppServices, and hub events → bridge signals.

This is the only place that knows both the services' records and the UI's rows.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from urllib.parse import urlsplit

from cashier_app.app.access_adapter import AppAccessServices
from cashier_app.app.config import ConfigError, DisplaySettings, load_config
from cashier_app.app.config_writer import write_config
from cashier_app.app.credentials_adapter import PlatformCredentials
from cashier_app.app.desk_adapter import AppDeskServices
from cashier_app.app.events import (
    CaseEvent,
    Event,
    JobEvent,
    Notice,
    PlatformEvent,
    PrintedPicture,
    PrinterEvent,
    ReceiptEvent,
    RefusedEvent,
)
from cashier_app.app.services import AppServices
from cashier_app.app.setup_adapter import SetupAdapter
from cashier_app.app.technician_adapter import TechnicianAdapter
from cashier_app.app.training import TrainingDirector, training_row
from cashier_app.domain.access import ProtectedAction
from cashier_app.domain.audit import AuditAction
from cashier_app.domain.cases import (
    Case,
    CaseKind,
    CaseResult,
    CaseStatus,
    StepAction,
    escalation_overdue,
    working_days_between,
)
from cashier_app.domain.errors import CodedError
from cashier_app.domain.local_time import CLOCK, store_time
from cashier_app.domain.paper import order_of_key
from cashier_app.journal.cases import CaseFilter
from cashier_app.journal.print_jobs import HELD, JobStateError, PrintJobRecord
from cashier_app.journal.receipt_print_state import print_states
from cashier_app.journal.receipts import ReceiptRecord
from cashier_app.journal.training import TrainingResult
from cashier_app.paper import PaperRefused
from cashier_app.printing.queue import PrintQueue
from cashier_app.ui.bridge import ServiceBridge
from cashier_app.ui.lookup_services import LookupServices
from cashier_app.ui.rows import (
    CaseQuery,
    CaseRow,
    CaseStepRow,
    JobRow,
    PlatformStatusRow,
    PrinterStatusRow,
    ReceiptRow,
    RefusedRow,
    StoreInfo,
    TrainingRow,
)


class ServiceError(CodedError):
    """A request of the window the services refuse."""


@contextmanager
def _job_step() -> Iterator[None]:
    """A job printed or cancelled meanwhile (by its worker, or in another window) is said so, by its code."""
    try:
        yield
    except JobStateError as error:
        raise ServiceError("job_state_changed", str(error)) from error


class AppUiServices:
    """UiServices for the main window. Called on the GUI thread; every call is a quick journal read
    or a request written down for a worker thread."""

    def __init__(self, services: AppServices) -> None:
        self.services = services
        self._access: AppAccessServices | None = None
        self._desk: AppDeskServices | None = None

    # -- people and the right to act ---------------------------------------------------------------

    def access(self) -> AppAccessServices | None:
        if self._access is None:
            self._access = AppAccessServices(self.services.session, self.services.audit, self.services.tz,
                                             training=self.services.options.training)
        return self._access

    def _authorize(self, action: ProtectedAction) -> tuple[str, str | None]:
        """(who does it, the manager who approved it); raises when the person signed in may not."""
        access = self.access()
        if access is None:
            return self.operator(), None
        approval = access.authorize(action)
        return approval.actor, approval.approved_by

    # -- receipts ---------------------------------------------------------------------------

    def receipts_today(self) -> list[ReceiptRow]:
        records = self.services.receipts.receipts_today(self.services.tz)
        return self.rows_for(records)

    def receipt_row(self, receipt_id: int) -> ReceiptRow | None:
        record = self.services.receipts.get(receipt_id)
        return self.rows_for([record])[0] if record is not None else None

    def printed_states(self, records: list[ReceiptRecord]) -> dict[int, str]:
        """How each receipt fared at the printer, in the UI's words (observe mode: the till prints)."""
        states = print_states(self.services.journal, [r.id for r in records])
        if self.services.mode == "observe":
            states = {rid: "observe" if state == "not_printed" else state for rid, state in states.items()}
        return states

    def rows_for(self, records: list[ReceiptRecord]) -> list[ReceiptRow]:
        states = self.printed_states(records)
        rows = []
        for record in records:
            state = states[record.id]
            r = record.receipt
            rows.append(ReceiptRow(
                receipt_id=record.id,
                seen_at_local=self._local_time(record.created_at),
                out_trade_no=r.out_trade_no,
                amount_fen=r.amount,
                channel=r.channel.value if r.channel else None,
                kind=r.kind.value,
                printed=state,
                template=r.template,
                encoding=r.encoding,
            ))
        return rows

    def reprint(self, receipt_id: int, reason: str) -> None:
        actor, approved_by = self._authorize(ProtectedAction.REPRINT)
        try:
            self.services.reprint_receipt(receipt_id, reason, actor, approved_by)
        except PaperRefused as refused:
            # The receipt's original (or a copy) is still on its way: a second job would print twice.
            raise ServiceError(f"paper_{refused.code}", str(refused)) from refused

    # -- print jobs -------------------------------------------------------------------------

    def _queue(self) -> PrintQueue:
        return self.services.queue

    def retry_job(self, job_id: int) -> None:
        with _job_step():
            self._queue().retry(job_id, self.operator())

    def cancel_job(self, job_id: int, reason: str) -> None:
        queue = self._queue()
        actor, approved_by = self._authorize(ProtectedAction.CANCEL_JOB)
        with _job_step():
            job = queue.cancel(job_id, reason, actor)
        self._audit_job(AuditAction.CANCEL_JOB, actor, approved_by, job, reason=reason)

    def move_job(self, job_id: int, printer: str) -> None:
        """Send a queued or held job to another configured printer; who did it goes into the audit trail."""
        queue = self._queue()
        actor, approved_by = self._authorize(ProtectedAction.MOVE_JOB)
        with _job_step():
            job = queue.move(job_id, printer)
        self._audit_job(AuditAction.MOVE_JOB, actor, approved_by, job, detail=f"{job.moved_from or '?'} -> {printer}")

    def _audit_job(self, action: AuditAction, actor: str, approved_by: str | None, job: PrintJobRecord, *,
                   reason: str = "", detail: str = "") -> None:
        # The order the job puts on paper (a job printed from the platform's record has no receipt).
        out_trade_no = order_of_key(job.paper_key) if job.paper_key else None
        self.services.audit.record(action, actor, receipt_id=job.receipt_id, job_id=job.id, reason=reason,
                                   detail=detail, approved_by=approved_by, out_trade_no=out_trade_no,
                                   printer=job.printer, training=self.services.options.training)

    def held_jobs(self) -> list[JobRow]:
        jobs = self.services.queue.held_jobs()
        # Their receipts in one query, not one per job.
        records = self.services.receipts.get_many(job.receipt_id for job in jobs if job.receipt_id is not None)
        return [self._job_row(job, records.get(job.receipt_id) if job.receipt_id is not None else None)
                for job in jobs]

    def job_row(self, job: PrintJobRecord) -> JobRow:
        record = self.services.receipts.get(job.receipt_id) if job.receipt_id is not None else None
        return self._job_row(job, record)

    def _job_row(self, job: PrintJobRecord, record: ReceiptRecord | None) -> JobRow:
        return JobRow(
            job_id=job.id,
            receipt_id=job.receipt_id,
            printer=job.printer,
            state=job.state,
            # The order the job is for: its receipt's, or, printed from the platform's record, its document's.
            out_trade_no=record.receipt.out_trade_no if record else (order_of_key(job.paper_key) if job.paper_key
                                                                     else None),
            amount_fen=record.receipt.amount if record else None,
            is_reprint=job.is_reprint,
            attempts=job.attempts,
            reason=job.fault_code if job.state == HELD else None,
            detail=job.last_error or "",
            created_at_local=self._local_time(job.created_at),
        )

    # -- who and where ----------------------------------------------------------------------

    def operator(self) -> str:
        return self.services.operator

    def printer_names(self) -> list[str]:
        return list(self.services.config.printing.printers)

    def store_info(self) -> StoreInfo:
        config = self.services.config
        printing = config.printing
        printer = printing.printers.get(printing.default_printer)
        parts = urlsplit(config.platform.base_url)
        return StoreInfo(
            store_name=config.general.store_name,
            operator=config.general.operator,
            mode=config.general.mode,
            printer_name=printing.default_printer,
            printer_kind=printer.kind if printer is not None else "",
            platform_host=parts.netloc or config.platform.base_url,
            support_contact=config.general.support_contact,
            training=self.services.options.training,
            demo=self.services.options.demo,
            watch_folders=tuple(config.watch.folders),
            utc_offset=config.parser.utc_offset,
        )

    def training(self) -> bool:
        return self.services.options.training

    def _director(self) -> TrainingDirector | None:
        return self.services.training

    def training_step(self) -> dict[str, Any] | None:
        director = self._director()
        run = director.current if director is not None else None
        return run.params() if run is not None else None

    def training_finish(self) -> dict[str, Any] | None:
        director = self._director()
        return director.finish() if director is not None else None

    def training_load_paper(self) -> bool:
        director = self._director()
        return director.load_paper() if director is not None else False

    def training_report_csv(self, trainee: str | None) -> bytes:
        from cashier_app.ui.record_csv import training_to_csv

        director = self._director()
        if director is None:
            return training_to_csv([])
        return training_to_csv([self.training_row(r) for r in director.results.of(trainee)])

    def training_row(self, result: TrainingResult) -> TrainingRow:
        return training_row(result, self.services.tz)

    # -- the technician's settings ------------------------------------------------------------

    def credential_services(self) -> PlatformCredentials:
        """The platform key of the configured terminal (in demo and training: the sandbox's terminal).
        Protected (change_key): its changes are written to the audit trail, never the key itself."""
        actor, approved_by = self._authorize(ProtectedAction.CHANGE_KEY)
        return PlatformCredentials(self.services.config.platform, audit=self.services.audit, actor=actor,
                                   approved_by=approved_by, training=self.services.options.training)

    def save_display(self, font_size: int, theme: str) -> None:
        """Into the file as it is (never the demo's altered settings), validated, the old one kept as a backup."""
        actor, approved_by = self._authorize(ProtectedAction.CHANGE_SETTINGS)
        path = self.services.paths.config_file
        try:
            config = load_config(path)
        except ConfigError as error:
            raise ServiceError("config_invalid", str(error)) from error
        config.display = DisplaySettings(font_size=font_size, theme=theme)
        write_config(path, config, note="display settings changed in the window")
        self.services.config.display = config.display
        self.services.audit.record(AuditAction.SETTINGS_CHANGED, actor, approved_by=approved_by,
                                   detail=f"display: text {font_size} px, {theme} theme",
                                   training=self.services.options.training)

    def technician_services(self) -> TechnicianAdapter:
        """The technician page's tools over the running services (its tab needs technician_tools)."""
        return TechnicianAdapter(self.services, actor=self.operator)

    def setup_services(self) -> SetupAdapter:
        """The setup wizard over the configuration file in use (never the demo's altered settings).
        Protected (change_settings): what it writes, and keys it stores, go into the audit trail."""
        actor, approved_by = self._authorize(ProtectedAction.CHANGE_SETTINGS)
        return SetupAdapter(self.services.paths.config_file, audit=self.services.audit, actor=actor,
                            approved_by=approved_by, training=self.services.options.training)

    # -- lookup -----------------------------------------------------------------------------

    def desk(self) -> AppDeskServices:
        """The manager's desk over the same services."""
        if self._desk is None:
            self._desk = AppDeskServices(self)
        return self._desk

    def lookup_service(self) -> LookupServices | None:
        """The LookupService, as the window knows it (its calls block: the UI runs them on a worker)."""
        return self.services.lookup

    # -- cases ------------------------------------------------------------------------------

    def _training_filter(self) -> bool | None:
        # Training cases are shown only in training mode (which has its own journal anyway).
        return None if self.services.options.training else False

    def open_case_count(self) -> int:
        return self.services.cases.count_open(training=self.services.options.training)

    def today(self) -> str:
        return datetime.now(self.services.tz).date().isoformat()

    def _day_range(self, day: str) -> tuple[str, str]:
        start = datetime.combine(date.fromisoformat(day), time(0), self.services.tz)
        end = start + timedelta(days=1)
        utc = (start.astimezone(UTC), end.astimezone(UTC))
        return utc[0].isoformat(timespec="microseconds"), utc[1].isoformat(timespec="microseconds")

    def _find(self, query: CaseQuery) -> list[Case]:
        kind = CaseKind(query.kind) if query.kind else None
        status = CaseStatus(query.status) if query.status else None
        since, until = self._day_range(query.day) if query.day else (None, None)
        training = self._training_filter()
        found = {c.id: c for c in self.services.cases.list(
            CaseFilter(status=status, kind=kind, since_utc=since, until_utc=until, training=training))}
        if query.with_open_of_any_day and query.day and status in (None, CaseStatus.OPEN):
            for case in self.services.cases.list(CaseFilter(status=CaseStatus.OPEN, kind=kind, training=training)):
                found.setdefault(case.id, case)
        # Open first, then newest first.
        return sorted(found.values(), key=lambda c: (c.status is CaseStatus.CLOSED, -(c.id or 0)))

    def cases(self, query: CaseQuery) -> list[CaseRow]:
        return [self.case_row(case, with_steps=False) for case in self._find(query)]

    def case(self, case_id: int) -> CaseRow | None:
        case = self.services.cases.get(case_id)
        return self.case_row(case, with_steps=True) if case is not None else None

    def close_case(self, case_id: int, result: str, note: str) -> CaseRow:
        try:
            outcome = CaseResult(result)
        except ValueError:
            raise ServiceError("invalid_result", f"unknown case result {result!r}") from None
        case = self.services.cases.get(case_id)
        if case is None:
            raise ServiceError("case_not_found", f"no case {case_id}")
        if case.status is CaseStatus.CLOSED:
            raise ServiceError("case_closed", f"case {case_id} is already closed")
        actor, approved_by = self._authorize(ProtectedAction.CLOSE_CASE)
        closed = self.services.cases.close_case(case_id, outcome, actor, note)
        self.services.audit.record(AuditAction.CLOSE_CASE, actor, case_id=case_id, out_trade_no=closed.out_trade_no,
                                   reason=note, detail=outcome.value, approved_by=approved_by,
                                   training=self.services.options.training)
        # Everyone showing cases (status bar count, tray, cases page) hears of it through the hub.
        self.services.hub.publish(CaseEvent(case_id, closed.kind.value, created=False,
                                            out_trade_no=closed.out_trade_no))
        return self.case_row(closed, with_steps=True)

    def cases_csv(self, query: CaseQuery) -> bytes:
        from cashier_app.ui.record_csv import cases_to_csv

        return cases_to_csv([self.case_row(case, with_steps=True) for case in self._find(query)])

    def _open_case_or_error(self, case_id: int) -> Case:
        case = self.services.cases.get(case_id)
        if case is None:
            raise ServiceError("case_not_found", f"no case {case_id}")
        return case

    def _case_changed(self, case: Case) -> CaseRow:
        assert case.id is not None
        self.services.hub.publish(CaseEvent(case.id, case.kind.value, created=False, out_trade_no=case.out_trade_no))
        return self.case_row(case, with_steps=True)

    def add_case_note(self, case_id: int, note: str) -> CaseRow:
        self._open_case_or_error(case_id)
        if not note.strip():
            raise ServiceError("empty_note", "a note needs some words")
        return self._case_changed(self.services.cases.add_note(case_id, note, self.operator()))

    def set_case_contact(self, case_id: int, contact: str) -> CaseRow:
        self._open_case_or_error(case_id)
        return self._case_changed(self.services.cases.set_contact(case_id, contact, self.operator()))

    def case_to_lesson(self, case_id: int) -> str:
        """Replay a closed case as a training lesson, anonymised; returns the lesson's title."""
        from cashier_app.app.training_replay import NotReplayable, lesson_from_case, save_lesson

        case = self._open_case_or_error(case_id)
        try:
            lesson = lesson_from_case(case)
        except NotReplayable as error:
            raise ServiceError("case_not_replayable", str(error)) from None
        save_lesson(lesson, self.services.training_lessons_dir)
        self.services.audit.record(AuditAction.CASE_FOR_TRAINING, self.operator(), case_id=case_id,
                                   detail=str(lesson["id"]), training=self.services.options.training)
        return str(lesson["title"])

    def escalate_case(self, case_id: int, note: str) -> CaseRow:
        case = self._open_case_or_error(case_id)
        if case.status is CaseStatus.CLOSED:
            raise ServiceError("case_closed", f"case {case_id} is already closed")
        self.services.cases.record(case_id, StepAction.ESCALATE, self.operator(), state_seen=case.payment_state,
                                   outcome="escalated", note=note.strip())
        return self._case_changed(self._open_case_or_error(case_id))

    def case_counts(self, day: str) -> dict[str, int]:
        counts: dict[str, int] = {}
        for case in self._find(CaseQuery(day=day)):
            counts[case.kind.value] = counts.get(case.kind.value, 0) + 1
        return counts

    def case_row(self, case: Case, *, with_steps: bool) -> CaseRow:
        steps = tuple(
            CaseStepRow(self.local_datetime(s.at), s.action.value, s.actor, s.state_seen, s.outcome, s.detail,
                        s.note)
            for s in case.steps
        ) if with_steps else ()
        settings = self.services.config.cases
        now = datetime.now(self.services.tz)
        age = None
        if case.escalated and case.escalated_at is not None:
            escalated = datetime.fromisoformat(case.escalated_at).astimezone(self.services.tz)
            age = working_days_between(escalated, now, settings)
        return CaseRow(
            case_id=case.id or 0,
            kind=case.kind.value,
            status=case.status.value,
            opened_at_local=self.local_datetime(case.opened_at),
            opened_by=case.opened_by,
            out_trade_no=case.out_trade_no,
            channel_trade_no=case.channel_trade_no,
            amount_fen=case.amount,
            payment_state=case.payment_state,
            cause=case.cause,
            result=case.result.value if case.result else None,
            closed_at_local=self.local_datetime(case.closed_at) if case.closed_at else "",
            closed_by=case.closed_by,
            handling_seconds=case.handling_seconds,
            training=case.training,
            steps=steps,
            paid_at_local=self.local_datetime(case.paid_at) if case.paid_at else "",
            channel=case.channel,
            customer_contact=case.customer_contact or "",
            escalated_at_local=self.local_datetime(case.escalated_at) if case.escalated_at else "",
            escalation_working_days=age,
            escalation_overdue=escalation_overdue(case, now, settings),
        )

    def _local_time(self, utc_iso: str) -> str:
        return store_time(utc_iso, self.services.tz, CLOCK)

    def local_datetime(self, utc_iso: str) -> str:
        """A journal time (UTC) as the store's "YYYY-MM-DD HH:MM:SS"."""
        return store_time(utc_iso, self.services.tz)


class EventForwarder:
    """Subscribed to the hub: turns each event into the bridge's signal (queued to the GUI thread)."""

    def __init__(self, ui: AppUiServices, bridge: ServiceBridge) -> None:
        self.ui = ui
        self.bridge = bridge

    def __call__(self, event: Event) -> None:
        b = self.bridge
        if isinstance(event, ReceiptEvent):
            row = self.ui.receipt_row(event.receipt_id)
            if row is not None:
                (b.receipt_updated if event.updated else b.receipt_added).emit(row)
        elif isinstance(event, JobEvent):
            job = self.ui.services.queue.job(event.job_id) if event.job_id is not None else None
            if job is not None:
                b.print_job_changed.emit(self.ui.job_row(job))
        elif isinstance(event, PrinterEvent):
            b.printer_status_changed.emit(PrinterStatusRow(event.printer, event.code or "ok", event.detail))
        elif isinstance(event, PlatformEvent):
            b.platform_status_changed.emit(PlatformStatusRow(event.reachable, event.detail, event.reason))
        elif isinstance(event, RefusedEvent):
            b.file_refused.emit(RefusedRow(event.path, event.reason, event.detail))
        elif isinstance(event, PrintedPicture):
            b.last_print_png.emit(event.png)
        elif isinstance(event, Notice):
            b.notice.emit(event.code, dict(event.params))
        elif isinstance(event, CaseEvent):
            b.notice.emit("case_opened" if event.created else "case_updated",
                          {"kind": event.kind, "out_trade_no": event.out_trade_no or "", "case_id": event.case_id})
