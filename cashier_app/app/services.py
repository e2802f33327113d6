"""The composition root's headless half: builds every service from the configuration, starts
them in order, wires their callbacks to the event hub, and stops them in reverse order.

No Qt here: `--headless` runs exactly this; the window (app/qt_app.py) sits on top of it.
"""

from __future__ import annotations

import dataclasses
import logging
import sqlite3
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from cashier_app.app.case_reminders import EscalationReminders
from cashier_app.app.config import AppConfig
from cashier_app.app.events import (
    CaseEvent,
    Event,
    EventHub,
    JobEvent,
    Notice,
    PlatformEvent,
    PrintedPicture,
    PrinterEvent,
    ReceiptEvent,
    RefusedEvent,
)
from cashier_app.app.paths import AppPaths
from cashier_app.app.practice import RunOptions, StandIns, practice_config, practice_paths, store_paths
from cashier_app.app.receipt_preview import ReceiptPreviewer, previewer_for
from cashier_app.app.reports_service import ReportService
from cashier_app.app.upkeep import JournalUpkeep, UpkeepResult
from cashier_app.domain.cases import DEFAULT_CAUSE, Case, CaseKind, CaseResult
from cashier_app.domain.local_time import store_zone
from cashier_app.domain.reports import Report
from cashier_app.journal.app_state import first_started
from cashier_app.journal.audit import AuditStore
from cashier_app.journal.cases import CaseStore
from cashier_app.journal.db import Journal, utc_now
from cashier_app.journal.job_bytes import JobBytesStore
from cashier_app.journal.print_jobs import PrintJobRecord
from cashier_app.journal.receipts import FileOutcome, ReceiptRecord, ReceiptStore
from cashier_app.lookup import LookupService
from cashier_app.paper import JobRenderer, PaperDesk, PaperRefused, Reason, Want
from cashier_app.people.session import SignInSession
from cashier_app.people.store import PeopleStore, Person
from cashier_app.platform.adapter import PlatformAdapter
from cashier_app.platform.factory import build_adapter
from cashier_app.platform.order import Order
from cashier_app.printing.faults import PrinterFault
from cashier_app.printing.order_receipt import OrderReceiptError
from cashier_app.printing.profiles import decode_charset, resolve_profile
from cashier_app.printing.queue import PRINTER_STATUS, PrintQueue, QueueEvent, RenderJob
from cashier_app.printing.settings import PrinterSettings
from cashier_app.reconcile.platform_health import PlatformHealth
from cashier_app.reconcile.service import Reconciler
from cashier_app.watch.events import FILE_REFUSED, WatchProblem
from cashier_app.watch.files import display_path
from cashier_app.watch.intake import Intake, IntakeDeferred, IntakeResult
from cashier_app.watch.watcher import FolderWatcher

if TYPE_CHECKING:
    from cashier_app.app.demo_feeder import DemoFeeder
    from cashier_app.app.training import TrainingDirector
    from cashier_app.emulator.server import VirtualPrinter
    from cashier_app.sandbox.server import SandboxServer

log = logging.getLogger(__name__)


class AppServices:
    """Every service of one running app. Build, `start()`, use, `stop()`."""

    # The parts, built by start() (practice runs alone have stand-ins, a demo feeder or a training director).
    journal: Journal
    receipts: ReceiptStore
    cases: CaseStore
    audit: AuditStore
    people: PeopleStore
    session: SignInSession
    job_bytes: JobBytesStore
    previewer: ReceiptPreviewer
    reports: ReportService
    client: PlatformAdapter
    paper: PaperDesk
    queue: PrintQueue
    intake: Intake
    lookup: LookupService
    reminders: EscalationReminders
    upkeep: JournalUpkeep
    sandbox: SandboxServer | None = None
    virtual_printer: VirtualPrinter | None = None
    watcher: FolderWatcher | None = None
    reconciler: Reconciler | None = None
    feeder: DemoFeeder | None = None
    training: TrainingDirector | None = None

    def __init__(self, config: AppConfig, paths: AppPaths, options: RunOptions | None = None,
                 *, key_provider: Callable[[], str] | None = None) -> None:
        self.options = options or RunOptions()
        self.simulated = self.options.practice
        self.paths = practice_paths(paths, self.options)
        # The store's configuration as given; the run's is worked out from it (app/practice.py), never changed here.
        self._given = config
        self.config = practice_config(config, self.options, self.paths)
        self.hub = EventHub()
        self.tz = store_zone(self.config.parser.utc_offset)
        self._key_provider = key_provider
        self._started: list[Callable[[], None]] = []
        # A disk-full episode in progress: when the first write had to wait, and how many did.
        self._deferred_since: str | None = None
        self._deferred_count = 0
        self._deferred_lock = threading.Lock()
        # People sign in with the store's own numbers and PINs in demo and training too: they live in
        # the real journal, whichever journal this run writes its receipts and cases to.
        store = store_paths(self.paths, self.options)
        self.people_journal_file = store.journal_file
        # Closed real cases replayed as training lessons wait here (the training run's own folder).
        self.training_lessons_dir = store.data_dir / "training" / "lessons"

    # -- life cycle -------------------------------------------------------------------------

    @property
    def operator(self) -> str:
        """Who does what is being done now: the person signed in, or general.operator on a one-person till."""
        if self.session is None:
            return self.config.general.operator
        return self.session.actor

    @property
    def mode(self) -> str:
        return self.config.general.mode

    def start(self) -> None:
        self.paths.ensure()
        try:
            if self.simulated:
                # The stand-ins first: the run's configuration points at them before any part is built on it.
                self._start_stand_ins()
            self.journal = Journal(self.paths.journal_file)
            self._started.append(self.journal.close)
            self.receipts = ReceiptStore(self.journal)
            self.cases = CaseStore(self.journal)
            self.audit = AuditStore(self.journal)
            self._start_session()
            self.job_bytes = JobBytesStore(self.journal)
            self.previewer = previewer_for(self.journal, self.receipts, self.config.printing, self.tz)
            self.reports = ReportService(self.journal, self.tz, shift_starts=self.config.reports.shift_starts,
                                         store_name=self.config.general.store_name, training=self.options.training)
            self._start_platform()
            self._start_printing()
            self.lookup = LookupService(
                self.client, self.cases, self.receipts, operator=lambda: self.operator, paper=self.paper,
                training=self.options.training, on_case=self._on_case,
                authorize=self.session.authorize, audit=self.audit,
            )
            self._start_watching()
            self._start_reconciler()
            self._start_reminders()
            if self.simulated and self.options.demo_interval_s > 0:
                self._start_feeder()
            if self.options.training:
                self._start_training()
            self._start_upkeep()
        except BaseException:
            self.stop()
            raise

    def stop(self) -> None:
        while self._started:
            stop = self._started.pop()
            try:
                stop()
            except Exception:
                log.exception("stopping a service failed")

    def sandbox_key_provider(self) -> Callable[[], str] | None:
        """In demo and training, the sandbox's key the app signs with (the diagnosis checks it, not the
        credential store's); None on a real platform."""
        return self._key_provider if self.simulated else None

    def current_state(self) -> list[Event]:
        """Events that describe the state now, for a window opened after the services started."""
        events: list[Event] = []
        if self._started:
            for name in self.config.printing.printers:
                status = self.queue.printer_status(name)
                events.append(PrinterEvent(name, status.code, status.describe()))
        if self.reconciler is not None and self.reconciler.health is not None:
            health = self.reconciler.health
            events.append(PlatformEvent(health.reachable, health.reason, health.detail))
        elif self.reconciler is None:
            events.append(PlatformEvent(reachable=None))
        return events

    def _start_session(self) -> None:
        if self.people_journal_file == self.paths.journal_file:
            people_journal = self.journal
        else:
            people_journal = Journal(self.people_journal_file)
            self._started.append(people_journal.close)
        self.people = PeopleStore(people_journal, training=self.options.training)
        self.session = SignInSession(self.people, self.audit, self.config.signin,
                                     default_operator=self.config.general.operator, training=self.options.training,
                                     guests=self.options.training)

    def _start_reminders(self) -> None:
        reminders = EscalationReminders(self.cases, self.config.cases, self.tz, self.hub.publish,
                                        training=self.options.training)
        reminders.start()
        self._started.append(reminders.stop)
        self.reminders = reminders

    # -- simulators (demo, training) --------------------------------------------------------

    def _start_stand_ins(self) -> None:
        """The sandbox platform and the virtual printer of a demo or training run, listening; then the run's
        configuration that talks to them (app/practice.py)."""
        from cashier_app.emulator.server import ReceivedJob, VirtualPrinter
        from cashier_app.sandbox import terminal
        from cashier_app.sandbox.server import SandboxServer

        # Training stages each lesson's orders when the lesson starts (app/training.py): no scenario of its own.
        platform = self.options.platform
        db_name = "sandbox.sqlite3" if platform == "mp-v1" else f"sandbox-{platform}.sqlite3"
        sandbox = SandboxServer(db_path=self.paths.data_dir / db_name, scenario=self.options.scenario,
                                platform=platform,
                                keys_dir=self.paths.data_dir / f"sandbox-keys-{platform}" if platform != "mp-v1"
                                else None)
        sandbox.start()
        self._started.append(sandbox.stop)
        self.sandbox = sandbox
        settings, secret = terminal.settings_for(sandbox, self.config.platform)
        self._key_provider = lambda: secret

        current = self.config.printing.printers.get(self.config.printing.default_printer, PrinterSettings())
        profile = resolve_profile(self.config.printing, current.profile)

        def on_job(job: ReceivedJob) -> None:
            # The virtual printer has drawn the job into its out folder already.
            if job.png_path is not None and job.png_path.exists():
                self.hub.publish(PrintedPicture(job.png_path.read_bytes()))

        printer = VirtualPrinter(out_dir=self.paths.printed_dir, charset=profile.charset, dots=profile.dots,
                                 on_job=on_job)
        printer.start()
        self._started.append(printer.stop)
        self.virtual_printer = printer
        self.config = practice_config(self._given, self.options, self.paths, StandIns(settings, printer.port))
        Path(self.config.watch.folders[0]).mkdir(parents=True, exist_ok=True)

    def _start_feeder(self) -> None:
        from cashier_app.app.demo_feeder import DemoFeeder, DemoOrder

        sandbox = self.sandbox
        if sandbox is None:
            return

        channel = {"wechatpay-v3": "WECHAT", "alipay": "ALIPAY"}.get(sandbox.platform)

        def create(order: DemoOrder) -> None:
            # On WeChat Pay or Alipay every payment is that channel's, with a number of its own.
            sandbox.control.live_paid_order(
                order.out_trade_no, order.amount, channel or order.channel or "WECHAT",
                channel_trade_no=None if channel else order.channel_trade_no,
            )

        feeder = DemoFeeder(Path(self.config.watch.folders[0]), create, interval_s=self.options.demo_interval_s,
                            zone=self.tz, channel=channel)
        feeder.start()
        self._started.append(feeder.stop)
        self.feeder = feeder

    def _start_training(self) -> None:
        from cashier_app.app.training import TrainingDirector, load_lessons
        from cashier_app.app.training_stage import SimulatedStage
        from cashier_app.journal.training import TrainingResults

        sandbox, printer, session = self.sandbox, self.virtual_printer, self.session
        if sandbox is None or printer is None:
            return
        # Lessons stage themselves one at a time, for the trainee signed in: the built-in ones, then the
        # store's real cases replayed (anonymised) into the training folder's lessons/.
        stage = SimulatedStage(sandbox, printer, Path(self.config.watch.folders[0]), self.journal, self.cases,
                               zone=self.tz)
        director = TrainingDirector(load_lessons(self.training_lessons_dir), stage,
                                    TrainingResults(self.journal), self.hub.publish)
        def turn(person: Person | None) -> None:
            # The trainee signed in carries on with their own lessons; signing out leaves the lesson under way.
            if person is None:
                director.end()
            else:
                director.begin(person.number, person.name)

        session.add_listener(turn)
        self.lookup.on_step = director.record
        self._started.append(director.stop)
        self.training = director

    # -- platform ---------------------------------------------------------------------------

    def _start_platform(self) -> None:
        if self._key_provider is None:
            from cashier_app.platform.credentials import CredentialStore

            store = CredentialStore(self.config.platform)
            self._key_provider = store.key_provider()
        from cashier_app.journal.bills import BillStore

        ledger = BillStore(self.journal, training=self.options.training)
        self.client = build_adapter(self.config.platform, key_provider=self._key_provider, refunds=ledger.refunded)
        self._started.append(self.client.close)

    # -- printing ---------------------------------------------------------------------------

    def _start_printing(self) -> None:
        self.paper = PaperDesk(self.journal, self.config.printing, mode=self.mode, training=self.options.training)
        render = JobRenderer(self.receipts, self.config.printing, self.tz, store_name=self.config.general.store_name)
        self.queue = PrintQueue(self.journal, self.config.printing, self._keeping_bytes(render), self._on_queue_event)
        self.queue.start()
        self.paper.set_announcer(self.queue.announce)
        self._started.append(self.queue.stop)
        # A receipt taken in without its original job (an earlier run's) is queued before new ones.
        self.paper.sweep()

    def _keeping_bytes(self, render: RenderJob) -> RenderJob:
        """The queue's lay-out, keeping the bytes of each job so that its picture is exactly what was sent."""
        def laid_out(job: PrintJobRecord, printer: PrinterSettings) -> bytes:
            payload = render(job, printer)
            profile = resolve_profile(self.config.printing, printer.profile)
            try:
                self.job_bytes.record(job.id, profile=profile.name, charset=decode_charset(profile),
                                      dots=profile.dots, payload=payload)
            except Exception:  # the picture is a nicety: the receipt prints whatever happens here
                log.exception("the bytes of print job %s could not be kept", job.id)
            return payload

        return laid_out

    def _on_queue_event(self, event: QueueEvent) -> None:
        receipt_id = event.job.receipt_id if event.job is not None else None
        if event.kind == PRINTER_STATUS and event.status is not None:
            self.hub.publish(PrinterEvent(event.printer, event.status.code, event.status.describe()))
            return
        self.hub.publish(JobEvent(event.kind, event.printer, event.job_id, receipt_id,
                                  event.fault_code, event.fault_detail))
        if receipt_id is not None:
            self.hub.publish(ReceiptEvent(receipt_id, updated=True))

    def reprint_receipt(self, receipt_id: int, reason: str, operator: str | None = None,
                        approved_by: str | None = None) -> int:
        """A copy of a receipt a person asked for (Ctrl+P): through the paper desk, which writes the
        audit row. Raises PaperRefused when the receipt's original is still on its way."""
        return self.paper.request(receipt_id=receipt_id, want=Want.COPY, reason=reason,
                                  person=operator or self.operator, approved_by=approved_by).job_id

    def print_order(self, order: Order, reason: str, operator: str | None = None,
                    approved_by: str | None = None) -> int:
        """A paid order's original receipt (its print.txt never came): through the paper desk."""
        return self.paper.request(order=order, want=Want.ORIGINAL, reason=reason,
                                  person=operator or self.operator, approved_by=approved_by).job_id

    def print_report(self, report: Report, printer: str | None = None) -> int:
        """Queue a day or shift report on a receipt printer (laid out for its paper); returns the job id."""
        name = printer or self.config.printing.default_printer
        settings = self.config.printing.printers[name]
        profile = resolve_profile(self.config.printing, settings.profile)
        payload = self.reports.lay_out(report, profile, cutter=settings.cutter).payload
        return self.queue.enqueue(None, printer=name, reason=f"report:{report.kind}", requested_by=self.operator,
                                  payload=payload)

    # -- the journal's upkeep ---------------------------------------------------------------

    def _start_upkeep(self) -> None:
        self.upkeep = JournalUpkeep(self.journal, self.config.journal, self.tz, on_result=self._on_upkeep)
        # Practice runs keep their journal apart and need no daily copy; "back up now" still works.
        if not self.simulated and self.config.journal.backup_enabled:
            self.upkeep.start()
            self._started.append(self.upkeep.stop)

    def _on_upkeep(self, result: UpkeepResult) -> None:
        if result.backup is not None:
            self.hub.publish(Notice("backup_done", {"path": str(result.backup.path),
                                                    "size_mb": result.backup.size // 1_000_000}))
        if result.error:
            self.hub.publish(Notice("backup_failed", {"detail": result.error}))

    # -- watching ---------------------------------------------------------------------------

    def _start_watching(self) -> None:
        self.intake = Intake(self.journal, self.config.parser, self.paths.quarantine_dir,
                             training=self.options.training, on_receipt=self._take_in_paper)
        self.intake.add_listener(self._on_intake)
        intake = self.intake
        # Writes an earlier run could not record (disk full) come first; then waiting ones are retried.
        intake.recover_waiting()
        intake.start_retrying()
        self._started.append(intake.stop)
        settings = dataclasses.replace(self.config.watch)
        if not settings.folders:
            self.hub.publish(Notice("watch_not_configured"))
            return
        self.watcher = FolderWatcher(settings, self._on_write, on_error=self._on_watch_problem,
                                     already_seen=self.intake.already_archived)
        self.watcher.start()
        self._started.append(self.watcher.stop)

    def _take_in_paper(self, conn: sqlite3.Connection, record: ReceiptRecord) -> int | None:
        """In the intake's transaction: the receipt's original job, written with it or not at all."""
        job = self.paper.take_in(conn, record)
        return job.job_id if job is not None else None

    def _on_write(self, write: object) -> None:
        from cashier_app.watch.events import FinishedWrite

        assert isinstance(write, FinishedWrite)
        try:
            self.intake.handle(write)
        except IntakeDeferred as exc:
            # Not lost: it waits (a copy on disk when there is room) and is taken once the journal can write.
            with self._deferred_lock:
                if self._deferred_since is None:
                    self._deferred_since = utc_now()
                self._deferred_count += 1
            self.hub.publish(Notice("intake_deferred", {"path": display_path(write.path), "waiting": exc.waiting,
                                                        "disk_full": exc.disk_full, "detail": str(exc)}))
        except Exception as exc:
            log.error("could not take %s: %s", display_path(write.path), exc)
            self.hub.publish(Notice("intake_failed", {"path": display_path(write.path), "detail": str(exc)}))

    def _on_intake(self, result: IntakeResult) -> None:
        if result.late:
            self._caught_up_if_done()
        if result.outcome is FileOutcome.REFUSED:
            self.hub.publish(RefusedEvent(display_path(result.write.path), result.refusal_reason or "",
                                          result.refusal_detail))
            return
        if result.outcome is not FileOutcome.RECEIPT or result.receipt is None:
            return
        record: ReceiptRecord = result.receipt
        self.hub.publish(ReceiptEvent(record.id))
        if result.job_id is not None:
            self.paper.announce(result.job_id)
        elif self.mode == "print" and record.paper == "repeat":
            self.hub.publish(Notice("receipt_repeat", {"out_trade_no": record.receipt.out_trade_no or "",
                                                       "receipt_id": record.id}))

    def _caught_up_if_done(self) -> None:
        """The last waiting write is recorded: say so, and write the episode down as a case."""
        with self._deferred_lock:
            if self.intake.pending_count or self._deferred_since is None:
                return
            since, count = self._deferred_since, self._deferred_count
            self._deferred_since, self._deferred_count = None, 0
        self.hub.publish(Notice("intake_caught_up", {"count": count}))
        case, _ = self.cases.open_case(
            CaseKind.STORAGE_FULL, actor="system", cause=DEFAULT_CAUSE[CaseKind.STORAGE_FULL],
            training=self.options.training, detail=f"first write waiting at {since}; {count} write(s) waited")
        assert case.id is not None
        closed = self.cases.close_case(case.id, CaseResult.RESOLVED_BY_ITSELF, "system",
                                       note=f"{count} write(s) recorded once there was space; nothing lost")
        self._on_case(closed, True)

    def _on_watch_problem(self, problem: WatchProblem) -> None:
        if problem.code == FILE_REFUSED:
            # A link, a FIFO, a device under a watched name: never read, listed with the refused files.
            self.hub.publish(RefusedEvent(problem.path, problem.reason, problem.detail))
            return
        self.hub.publish(Notice(problem.code, {"path": str(problem.folder), "detail": problem.detail}))

    # -- reconciliation ---------------------------------------------------------------------

    def _start_reconciler(self) -> None:
        if not self.config.reconcile.enabled:
            self.hub.publish(PlatformEvent(reachable=None))
            return
        auto = self.config.reconcile.missing_receipt == "auto" and self.mode == "print"
        self.reconciler = Reconciler(
            self.journal, self.client, self.config.reconcile, training=self.options.training,
            on_case=self._on_case, on_platform=self._on_platform,
            print_missing_receipt=self._print_missing_receipt if auto else None,
            # A real till never watched what was paid before it first started. In demo and training every
            # order is staged on the sandbox for the person trying it (its "paid, no receipt" orders too).
            watched_since=None if self.simulated else datetime.fromisoformat(first_started(self.journal)),
        )
        reconciler = self.reconciler
        reconciler.start()
        # Stop order is the reverse of this list: the client is closed first, which cuts a platform call
        # in flight (a slow platform must not hold the app's exit), then the reconciler is joined.
        self._started.append(lambda: None if reconciler.stop() else log.warning("reconciler did not stop in time"))
        client = self.client
        self._started.append(client.close)

    def _on_case(self, case: Case, created: bool) -> None:
        assert case.id is not None
        self.hub.publish(CaseEvent(case.id, case.kind.value, created, case.out_trade_no))

    def _on_platform(self, health: PlatformHealth) -> None:
        self.hub.publish(PlatformEvent(health.reachable, health.reason, health.detail))

    def _print_missing_receipt(self, order: Order) -> int | None:
        """Reconciliation's print of a paid order with no receipt (PaperRefused goes back to it)."""
        try:
            return self.print_order(order, Reason.PAID_NO_RECEIPT.value, "system")
        except PaperRefused:
            raise
        except (OrderReceiptError, PrinterFault) as exc:
            log.warning("could not print the missing receipt of %s: %s", order.out_trade_no, exc)
            return None

