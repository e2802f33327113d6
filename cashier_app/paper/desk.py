"""The paper desk: the one place that decides paper (design.md "One decision about paper").

Every print job of a receipt or an order is written here, whichever path asks for it: the watcher's
intake (the till's print.txt), reconciliation (a paid order whose print.txt never came), the F9
banner, the lookup page, Ctrl+P on the receipts list, the history page and the command line. The
rules are in domain/paper.py; this module reads a document's jobs, asks the rules and writes the
job and its audit row in one transaction. The schema backs it: a second original of one document is
refused by a unique index, so no other path and no second process can print one.

Who calls what:

- ``request(receipt_id=... | order=..., want=..., reason=..., person=...)``: everybody except the
  intake, from any thread. It blocks only on the journal (no printer I/O, no HTTP).
    * ``receipt_id``: a receipt in the journal (its own text is printed); or ``order``: the
      platform's record of a PAID or PARTIAL_REFUNDED order (its newest sale receipt is printed
      when the journal has one, else the order is laid out from the platform's record);
    * ``want``: ``Want.ORIGINAL`` for the document's first paper (reconciliation, F9, "print" on the
      lookup page), ``Want.COPY`` for another copy a person asked for (Ctrl+P, "reprint", history);
    * ``reason``: the person's own words, or a ``domain.paper.Reason`` code for the app's own prints
      (it is printed on a reprint's mark as words, never as a code);
    * ``person``: who asked: the signed-in person, "system" for reconciliation;
    * ``approved_by``: the manager whose PIN allowed a protected reprint (people/session.py), if any;
    * ``printer``: a configured printer's name (default: the default printer).
  Returns the ``PaperJob`` written (the audit row names the person, the reason and the copy number,
  in UTC). Raises ``PaperRefused`` with a code when nothing was written:
    ``original_exists`` (printed: ask for a copy), ``original_pending`` (queued, held or being sent:
    it prints by itself), ``copy_pending`` (a copy is already on its way), ``not_paid`` (an order
    that is not paid), ``no_such_receipt``, ``not_configured`` (no such printer).
- ``take_in(conn, record)``: the intake only, inside the transaction that records the receipt, so
  that a receipt and its original job are written together or not at all. ``announce(job_id)``
  after the commit wakes the printer.
- ``sweep()``: once at start, before the watcher: queues the original of any receipt taken in
  without one.
- ``paper_of(out_trade_no)`` / ``paper_of_receipt(receipt_id)``: read only, what a document has had,
  for the screens (lookup verdicts, receipts list).
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from cashier_app.domain.audit import AuditAction
from cashier_app.domain.errors import CodedError
from cashier_app.domain.orders import OrderState
from cashier_app.domain.paper import (
    DONE,
    HELD,
    TRAINING_KEY_PREFIX,
    JobSeen,
    Paper,
    PaperHistory,
    PaperStatus,
    Reason,
    Refusal,
    Want,
    decide,
    history,
    order_of_key,
    paper_key,
)
from cashier_app.domain.receipt import ReceiptKind
from cashier_app.journal.audit import AuditStore
from cashier_app.journal.db import Journal
from cashier_app.journal.print_jobs import PrintJobRecord, PrintJobStore
from cashier_app.journal.receipts import ReceiptRecord, ReceiptStore
from cashier_app.platform.order import Order
from cashier_app.printing.settings import PrintingSettings

log = logging.getLogger(__name__)

# receipts.paper (migration 0005).
TAKEN_ORIGINAL = "original"
TAKEN_OBSERVE = "observe"
TAKEN_REPEAT = "repeat"
TAKEN_PENDING = "pending"

# Codes of PaperRefused besides the rules' own (domain.paper.Refusal).
NOT_PAID = "not_paid"
NO_SUCH_RECEIPT = "no_such_receipt"
NOT_CONFIGURED = "not_configured"

PRINTABLE_ORDER_STATES = frozenset({OrderState.PAID, OrderState.PARTIAL_REFUNDED})
# Receipts recorded before migration 0005 without any job: queued by the sweep only while the
# customer may still be at the counter (older ones are reconciliation's and the cashier's).
LEGACY_SWEEP_WINDOW = timedelta(minutes=10)

Announce = Callable[[PrintJobRecord], None]


@dataclass(frozen=True)
class PaperJob:
    """A print job the desk wrote."""

    job_id: int
    paper_key: str
    original: bool
    copy_no: int
    printer: str
    receipt_id: int | None  # the receipt printed, or None when printed from the platform's record
    out_trade_no: str | None

    @property
    def is_reprint(self) -> bool:
        return not self.original


class PaperRefused(CodedError):
    """Nothing was written. `code`: a domain.paper.Refusal value or one of NOT_PAID, NO_SUCH_RECEIPT,
    NOT_CONFIGURED; `paper`: what the document has had (for a Refusal)."""

    def __init__(self, code: str, detail: str, paper: PaperState | None = None) -> None:
        super().__init__(code, detail, message=f"{code}: {detail}")
        self.paper = paper


@dataclass(frozen=True)
class PaperState:
    """What a document has had: its jobs (oldest first) and what they add up to."""

    paper_key: str
    history: PaperHistory
    jobs: tuple[PrintJobRecord, ...] = ()

    @property
    def status(self) -> PaperStatus:
        return self.history.status

    @property
    def copies_printed(self) -> int:
        return self.history.copies_printed

    @property
    def original_job(self) -> PrintJobRecord | None:
        seen = self.history.original
        return next((j for j in self.jobs if seen is not None and j.id == seen.job_id), None)

    @property
    def printed_at(self) -> str | None:
        """When the original came out of the printer (UTC), if the app printed it."""
        job = self.original_job
        return job.done_at if job is not None and job.state == DONE else None

    @property
    def held_jobs(self) -> tuple[PrintJobRecord, ...]:
        return tuple(j for j in self.jobs if j.state == HELD)


class PaperDesk:
    def __init__(self, journal: Journal, printing: PrintingSettings, *, mode: str = "print",
                 training: bool = False, announce: Announce | None = None) -> None:
        self.journal = journal
        self.printing = printing
        self.mode = mode
        self.training = training
        self._announce = announce
        self.jobs = PrintJobStore(journal)
        self.receipts = ReceiptStore(journal)
        self.audit = AuditStore(journal)

    def set_announcer(self, announce: Announce | None) -> None:
        """Who wakes the printer after a job is written (the print queue; None from the command line)."""
        self._announce = announce

    # -- asking for paper ----------------------------------------------------------------------

    def request(self, *, receipt_id: int | None = None, order: Order | None = None, want: Want, reason: str,
                person: str, approved_by: str | None = None, printer: str | None = None) -> PaperJob:
        """Write the job the rules allow for a receipt or an order (see the module's docstring)."""
        if (receipt_id is None) == (order is None):
            raise ValueError("give exactly one of receipt_id and order")
        name = self._printer(printer)
        with self.journal.tx() as conn:
            if order is not None:
                if order.state not in PRINTABLE_ORDER_STATES:
                    raise PaperRefused(NOT_PAID, f"order {order.out_trade_no} is {order.state.value}: only a paid "
                                                 "order gets a receipt")
                key = paper_key(order.out_trade_no, training=self.training)
                source = self._newest_sale(conn, order.out_trade_no)
                order_json = None if source is not None else json.dumps(order.to_json(), ensure_ascii=False)
                number: str | None = order.out_trade_no
            else:
                assert receipt_id is not None
                source = self._receipt(conn, receipt_id)
                if source is None:
                    raise PaperRefused(NO_SUCH_RECEIPT, f"no receipt {receipt_id} in the journal")
                key = self._key_of(source)
                order_json, number = None, order_of_key(key)
            state = self._state(conn, key)
            decision = decide(want, state.history)
            if isinstance(decision, Refusal):
                raise PaperRefused(decision.value, _refusal_detail(decision, key, state), state)
            job = self._write(conn, decision, key, name, receipt_id=source.id if source is not None else None,
                              order_json=order_json, reason=reason, person=person, out_trade_no=number)
            if not decision.original:
                action = AuditAction.REPRINT
            else:
                action = AuditAction.PRINT_ORDER if order_json is not None else AuditAction.PRINT
            self.audit.record(action, person, reason=reason, receipt_id=job.receipt_id, job_id=job.job_id,
                              out_trade_no=number, copy_no=decision.copy_no, printer=name, approved_by=approved_by,
                              training=self.training, conn=conn)
        log.info("paper: %s of %s (copy %d) for %s, job %d on %s", "original" if job.original else "reprint", key,
                 job.copy_no, person, job.job_id, name)
        self.announce(job.job_id)
        return job

    # -- the intake's part ---------------------------------------------------------------------

    def take_in(self, conn: sqlite3.Connection, record: ReceiptRecord) -> PaperJob | None:
        """In the intake's transaction: the receipt's original job (print mode), or why there is none.

        Returns the job written, None when the receipt is not printed: the till prints (observe
        mode), or its order had its original already (a repeat, recorded only). Call `announce`
        with the job's id once the transaction has committed.
        """
        if self.mode != "print":
            ReceiptStore.set_paper(conn, record.id, TAKEN_OBSERVE)
            return None
        key = self._key_of(record)
        state = self._state(conn, key)
        decision = decide(Want.ORIGINAL, state.history)
        if isinstance(decision, Refusal):
            ReceiptStore.set_paper(conn, record.id, TAKEN_REPEAT)
            log.warning("receipt %d of %s came again (%s): recorded, not printed", record.id, key, decision.value)
            return None
        job = self._write(conn, decision, key, self.printing.default_printer, receipt_id=record.id, order_json=None,
                          reason=Reason.TILL_RECEIPT.value, person="system", out_trade_no=record.receipt.out_trade_no)
        ReceiptStore.set_paper(conn, record.id, TAKEN_ORIGINAL)
        return job

    def announce(self, job_id: int) -> None:
        """Wake the job's printer (after the transaction that wrote it has committed)."""
        if self._announce is None:
            return
        job = self.jobs.get(job_id)
        if job is not None:
            try:
                self._announce(job)
            except Exception:
                log.exception("waking the printer for job %d failed; its worker finds it on its next look", job_id)

    def sweep(self, *, now: datetime | None = None) -> list[PaperJob]:
        """Queue the original of every receipt taken in without one (print mode): those left
        'pending', and recent ones recorded before the journal kept track. Returns the jobs written."""
        if self.mode != "print":
            return []
        since = ((now or datetime.now(UTC)) - LEGACY_SWEEP_WINDOW).isoformat(timespec="microseconds")
        with self.journal.read() as conn:
            # Two index reads (an OR of the two would read every receipt: half a second at a million).
            ids = sorted(int(r[0]) for r in conn.execute(
                "SELECT id FROM receipts WHERE paper = ? UNION ALL SELECT r.id FROM receipts r INDEXED BY"
                " receipts_created WHERE r.created_at >= ? AND r.paper IS NULL"
                " AND NOT EXISTS (SELECT 1 FROM print_jobs j WHERE j.receipt_id = r.id)",
                (TAKEN_PENDING, since)))
        written: list[PaperJob] = []
        for receipt_id in ids:
            try:
                with self.journal.tx() as conn:
                    record = self._receipt(conn, receipt_id)
                    if record is None:
                        continue
                    job = self.take_in(conn, record)
            except sqlite3.Error:
                log.exception("start sweep: receipt %d could not be queued; tried again at the next start",
                              receipt_id)
                continue
            if job is not None:
                log.warning("start sweep: receipt %d had no original job; queued as job %d", receipt_id, job.job_id)
                written.append(job)
                self.announce(job.job_id)
        return written

    # -- reading -------------------------------------------------------------------------------

    def paper_of(self, out_trade_no: str) -> PaperState:
        """What an order's sale receipt has had on paper."""
        with self.journal.read() as conn:
            return self._state(conn, paper_key(out_trade_no, training=self.training))

    def paper_of_receipt(self, receipt_id: int) -> PaperState | None:
        with self.journal.read() as conn:
            record = self._receipt(conn, receipt_id)
            return self._state(conn, self._key_of(record)) if record is not None else None

    # -- inner steps ---------------------------------------------------------------------------

    def _printer(self, name: str | None) -> str:
        chosen = name or self.printing.default_printer
        if chosen not in self.printing.printers:
            raise PaperRefused(NOT_CONFIGURED, f"no printer named {chosen!r}; configured: "
                                               f"{sorted(self.printing.printers)}")
        return chosen

    def _write(self, conn: sqlite3.Connection, decision: Paper, key: str, printer: str, *, receipt_id: int | None,  # noqa: PLR0913 - a print job row's columns, keyword-only
               order_json: str | None, reason: str, person: str, out_trade_no: str | None) -> PaperJob:
        job_id = self.jobs.create_in(conn, receipt_id, printer, copy_no=decision.copy_no,
                                     is_reprint=decision.is_reprint, reason=reason, requested_by=person,
                                     paper_key=key, original=decision.original, order_json=order_json)
        return PaperJob(job_id, key, decision.original, decision.copy_no, printer, receipt_id, out_trade_no)

    def _state(self, conn: sqlite3.Connection, key: str) -> PaperState:
        jobs = tuple(self.jobs.for_paper(conn, key))
        seen = [JobSeen(j.id, j.state, j.original, j.copy_no, j.fault_code, j.done_at, j.requested_by) for j in jobs]
        return PaperState(key, history(seen, till_printed=self._till_printed(conn, key)), jobs)

    @staticmethod
    def _till_printed(conn: sqlite3.Connection, key: str) -> bool:
        """In observe mode the till prints the receipts the app records."""
        number = order_of_key(key)
        if number is None:
            row = conn.execute("SELECT 1 FROM receipts WHERE id = ? AND paper = ?",
                               (int(key.rsplit(":", 1)[1]), TAKEN_OBSERVE)).fetchone()
        else:
            training = int(key.startswith(TRAINING_KEY_PREFIX))
            row = conn.execute("SELECT 1 FROM receipts WHERE out_trade_no = ? AND kind = 'SALE' AND paper = ?"
                               " AND training = ? LIMIT 1", (number, TAKEN_OBSERVE, training)).fetchone()
        return row is not None

    def _receipt(self, conn: sqlite3.Connection, receipt_id: int) -> ReceiptRecord | None:
        del conn  # the store reads through the journal's (re-entrant) lock, inside this transaction
        return self.receipts.get(receipt_id)

    def _newest_sale(self, conn: sqlite3.Connection, out_trade_no: str) -> ReceiptRecord | None:
        row = conn.execute("SELECT id FROM receipts WHERE out_trade_no = ? AND kind = 'SALE' AND training = ?"
                           " ORDER BY id DESC LIMIT 1", (out_trade_no, int(self.training))).fetchone()
        return self._receipt(conn, int(row[0])) if row is not None else None

    @staticmethod
    def _key_of(record: ReceiptRecord) -> str:
        receipt = record.receipt
        return paper_key(receipt.out_trade_no, refund=receipt.kind is ReceiptKind.REFUND, receipt_id=record.id,
                         training=record.training)


def _refusal_detail(refusal: Refusal, key: str, state: PaperState) -> str:
    original = state.original_job
    where = f" (job {original.id}, {original.state})" if original is not None else ""
    if refusal is Refusal.ORIGINAL_EXISTS:
        return f"{key} has had its original{where or ' (printed by the till)'}: ask for a copy instead"
    if refusal is Refusal.ORIGINAL_PENDING:
        return f"the original of {key} is on its way{where}: it prints when the printer can"
    return f"a copy of {key} is already on its way"
