"""Print jobs in the journal: written before a byte is sent, done only after the printer took
the last byte (design.md "Print queue").

States: queued -> sending -> done, with `held` for the job at the head of a printer's queue
that waits for the printer, and `cancelled`. A job found `sending` when the app starts was
interrupted by a crash: it goes back to the queue as a reprint (copy_no + 1, reason
"interrupted"). Every transition also lands in print_job_log.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from cashier_app.journal.db import Journal, utc_now

QUEUED = "queued"
SENDING = "sending"
HELD = "held"
DONE = "done"
CANCELLED = "cancelled"
STATES = (QUEUED, SENDING, HELD, DONE, CANCELLED)
PENDING = (QUEUED, HELD, SENDING)
INTERRUPTED_REASON = "interrupted"


class JobStateError(RuntimeError):
    """The job is not in a state that allows this step (e.g. cancelling a job being sent)."""

    def __init__(self, job_id: int, state: str | None, wanted: str) -> None:
        where = f"is {state}" if state else "does not exist"
        super().__init__(f"print job {job_id} {where}: cannot {wanted}")
        self.job_id = job_id
        self.state = state


@dataclass(frozen=True)
class PrintJobRecord:
    id: int
    receipt_id: int | None
    printer: str
    state: str
    is_reprint: bool
    copy_no: int
    reason: str | None
    requested_by: str | None
    payload: bytes | None
    attempts: int
    last_error: str | None
    fault_code: str | None
    created_at: str
    started_at: str | None
    done_at: str | None
    held_at: str | None
    parked: bool
    cancel_reason: str | None
    cancelled_by: str | None
    cancelled_at: str | None
    moved_from: str | None
    # The document the job puts on paper (domain/paper.py) and whether it is that document's original.
    paper_key: str | None = None
    original: bool = False
    # The platform's record of the order, for a job printed from it (no receipt).
    order_json: str | None = None

    @property
    def pending(self) -> bool:
        return self.state in PENDING

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> PrintJobRecord:
        payload = row["payload"]
        return cls(
            id=row["id"], receipt_id=row["receipt_id"], printer=row["printer"], state=row["state"],
            is_reprint=bool(row["is_reprint"]), copy_no=row["copy_no"], reason=row["reason"],
            requested_by=row["requested_by"], payload=bytes(payload) if payload is not None else None,
            attempts=row["attempts"], last_error=row["last_error"], fault_code=row["fault_code"],
            created_at=row["created_at"], started_at=row["started_at"], done_at=row["done_at"],
            held_at=row["held_at"], parked=bool(row["parked"]), cancel_reason=row["cancel_reason"],
            cancelled_by=row["cancelled_by"], cancelled_at=row["cancelled_at"], moved_from=row["moved_from"],
            paper_key=row["paper_key"], original=bool(row["original"]), order_json=row["order_json"],
        )


@dataclass(frozen=True)
class PrintJobLogEntry:
    job_id: int
    at: str
    event: str
    detail: str | None


class PrintJobStore:
    """The print_jobs table. Thread-safe through the journal's lock; every change is one transaction."""

    def __init__(self, journal: Journal) -> None:
        self.journal = journal

    # -- reading ---------------------------------------------------------------------------

    def get(self, job_id: int) -> PrintJobRecord | None:
        with self.journal.read() as conn:
            row = conn.execute("SELECT * FROM print_jobs WHERE id = ?", (job_id,)).fetchone()
        return PrintJobRecord.from_row(row) if row else None

    def require(self, job_id: int) -> PrintJobRecord:
        job = self.get(job_id)
        if job is None:
            raise JobStateError(job_id, None, "find it")
        return job

    def list_jobs(self, states: Iterable[str] | None = None, printer: str | None = None,
             receipt_id: int | None = None, limit: int | None = None) -> list[PrintJobRecord]:
        """Jobs in queue order (oldest first), filtered by state, printer and receipt."""
        where, params = self._filters(states, printer, receipt_id)
        sql = f"SELECT * FROM print_jobs{where} ORDER BY id"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        with self.journal.read() as conn:
            return [PrintJobRecord.from_row(r) for r in conn.execute(sql, params)]

    def count(self, states: Iterable[str] | None = None, printer: str | None = None) -> int:
        where, params = self._filters(states, printer, None)
        with self.journal.read() as conn:
            return int(conn.execute(f"SELECT COUNT(*) FROM print_jobs{where}", params).fetchone()[0])

    def next_for(self, printer: str) -> PrintJobRecord | None:
        """The job a printer's worker takes next: the oldest queued or held one not parked."""
        with self.journal.read() as conn:
            row = conn.execute(
                "SELECT * FROM print_jobs WHERE printer = ? AND state IN ('queued', 'held')"
                " AND parked = 0 ORDER BY id LIMIT 1",
                (printer,),
            ).fetchone()
        return PrintJobRecord.from_row(row) if row else None

    def count_active(self, printers: Iterable[str]) -> int:
        """Jobs these printers' workers will do by themselves: queued, being sent, or held and not
        parked (a parked job waits for a person)."""
        names = list(printers)
        if not names:
            return 0
        marks = ", ".join("?" * len(names))
        with self.journal.read() as conn:
            row = conn.execute(
                f"SELECT COUNT(*) FROM print_jobs WHERE printer IN ({marks}) AND"
                " (state IN ('queued', 'sending') OR (state = 'held' AND parked = 0))",
                names,
            ).fetchone()
        return int(row[0])

    def printers_with_pending(self) -> list[str]:
        with self.journal.read() as conn:
            rows = conn.execute(
                "SELECT DISTINCT printer FROM print_jobs WHERE state IN ('queued', 'held', 'sending') ORDER BY printer"
            ).fetchall()
        return [r[0] for r in rows]

    def log(self, job_id: int) -> list[PrintJobLogEntry]:
        with self.journal.read() as conn:
            rows = conn.execute(
                "SELECT job_id, at, event, detail FROM print_job_log WHERE job_id = ? ORDER BY id", (job_id,)
            ).fetchall()
        return [PrintJobLogEntry(r["job_id"], r["at"], r["event"], r["detail"]) for r in rows]

    @staticmethod
    def _filters(states: Iterable[str] | None, printer: str | None,
                 receipt_id: int | None) -> tuple[str, list[object]]:
        clauses: list[str] = []
        params: list[object] = []
        if states is not None:
            wanted = list(states)
            unknown = set(wanted) - set(STATES)
            if unknown:
                raise ValueError(f"unknown print job states {sorted(unknown)}; allowed: {STATES}")
            clauses.append(f"state IN ({', '.join('?' * len(wanted))})" if wanted else "0")
            params.extend(wanted)
        if printer is not None:
            clauses.append("printer = ?")
            params.append(printer)
        if receipt_id is not None:
            clauses.append("receipt_id = ?")
            params.append(receipt_id)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    # -- writing ---------------------------------------------------------------------------

    def create(self, receipt_id: int | None, printer: str, *, is_reprint: bool = False,
               reason: str | None = None, requested_by: str | None = None,
               payload: bytes | None = None, copy_no: int | None = None) -> PrintJobRecord:
        """Write a job down (before any byte goes to the printer), outside the paper desk's rules.

        For test pages and tests of the queue; receipts go through cashier_app.paper. Without
        `copy_no`, a reprint of a receipt takes the next copy number after the receipt's earlier
        jobs (cancelled ones aside); other jobs are copy 1.
        """
        with self.journal.tx() as conn:
            if copy_no is None and is_reprint and receipt_id is not None:
                row = conn.execute(
                    "SELECT MAX(copy_no) FROM print_jobs WHERE receipt_id = ? AND state != 'cancelled'",
                    (receipt_id,),
                ).fetchone()
                copy_no = max(int(row[0] or 0) + 1, 2)
            elif copy_no is None:
                copy_no = 1
            job_id = self.create_in(conn, receipt_id, printer, is_reprint=is_reprint, reason=reason,
                                    requested_by=requested_by, payload=payload, copy_no=copy_no)
        return self.require(job_id)

    def create_in(self, conn: sqlite3.Connection, receipt_id: int | None, printer: str, *, copy_no: int,
                  is_reprint: bool = False, reason: str | None = None, requested_by: str | None = None,
                  payload: bytes | None = None, paper_key: str | None = None, original: bool = False,
                  order_json: str | None = None) -> int:
        """Write a job in the caller's transaction; returns its id.

        A second original of one document is refused by the schema (sqlite3.IntegrityError).
        """
        now = utc_now()
        cur = conn.execute(
            "INSERT INTO print_jobs(receipt_id, printer, state, is_reprint, copy_no, reason, requested_by,"
            " payload, paper_key, original, order_json, created_at, updated_at)"
            " VALUES (?, ?, 'queued', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (receipt_id, printer, int(is_reprint), copy_no, reason, requested_by, payload, paper_key,
             int(original), order_json, now, now),
        )
        job_id = int(cur.lastrowid or 0)
        what = "original" if original else ("reprint" if is_reprint else "job")
        self._log(conn, job_id, "queued", f"printer={printer} {what} copy {copy_no}", now)
        return job_id

    def for_paper(self, conn: sqlite3.Connection, paper_key: str) -> list[PrintJobRecord]:
        """Every job of one document, oldest first, read in the caller's transaction."""
        rows = conn.execute("SELECT * FROM print_jobs WHERE paper_key = ? ORDER BY id", (paper_key,)).fetchall()
        return [PrintJobRecord.from_row(r) for r in rows]

    def mark_sending(self, job_id: int, printer: str | None = None) -> PrintJobRecord:
        """The first byte is about to go (to `printer`: a job moved away meanwhile is not sent)."""
        now = utc_now()
        with self.journal.tx() as conn:
            self._transition(conn, job_id, (QUEUED, HELD), "send it", printer=printer,
                             assignments="state = 'sending', attempts = attempts + 1, started_at = ?,"
                             " updated_at = ?", params=(now, now))
            self._log(conn, job_id, "sending", None, now)
        return self.require(job_id)

    def mark_done(self, job_id: int) -> PrintJobRecord:
        """The printer took the last byte."""
        now = utc_now()
        with self.journal.tx() as conn:
            self._transition(conn, job_id, (SENDING,), "mark it done",
                             assignments="state = 'done', done_at = ?, fault_code = NULL, updated_at = ?",
                             params=(now, now))
            self._log(conn, job_id, "done", None, now)
        return self.require(job_id)

    def hold(self, job_id: int, code: str, detail: str, *, parked: bool = False,
             printer: str | None = None) -> PrintJobRecord:
        """The job waits for its printer (`parked`: waits for someone to retry it).

        With `printer`, only while the job is still queued for that printer.
        """
        now = utc_now()
        with self.journal.tx() as conn:
            self._transition(conn, job_id, (QUEUED, HELD), "hold it", printer=printer,
                             assignments="state = 'held', fault_code = ?, last_error = ?, parked = ?,"
                             " held_at = COALESCE(held_at, ?), updated_at = ?",
                             params=(code, detail, int(parked), now, now))
            self._log(conn, job_id, "held", f"{code}: {detail}", now)
        return self.require(job_id)

    def interrupt(self, job_id: int, code: str, detail: str) -> PrintJobRecord:
        """The link dropped part-way: the job is held and printed again as a reprint."""
        now = utc_now()
        with self.journal.tx() as conn:
            self._transition(conn, job_id, (SENDING,), "mark it interrupted",
                             assignments=self._REPRINT_SET + ", state = 'held', fault_code = ?, last_error = ?,"
                             " held_at = COALESCE(held_at, ?), updated_at = ?",
                             params=(code, detail, now, now))
            self._log(conn, job_id, "interrupted", f"{code}: {detail}", now)
        return self.require(job_id)

    def refuse(self, job_id: int, code: str, detail: str) -> PrintJobRecord:
        """The printer took the bytes, then said it cannot print (paper end, cover open, offline): it
        printed nothing, so the job is held as it is (the same copy) until the printer can."""
        now = utc_now()
        with self.journal.tx() as conn:
            self._transition(conn, job_id, (SENDING,), "mark it refused",
                             assignments="state = 'held', fault_code = ?, last_error = ?,"
                             " held_at = COALESCE(held_at, ?), updated_at = ?",
                             params=(code, detail, now, now))
            self._log(conn, job_id, "refused", f"{code}: {detail}", now)
        return self.require(job_id)

    def requeue(self, job_id: int, operator: str | None = None) -> PrintJobRecord:
        """Someone asked to try a held job again now."""
        now = utc_now()
        with self.journal.tx() as conn:
            self._transition(conn, job_id, (QUEUED, HELD), "retry it",
                             assignments="state = 'queued', parked = 0, updated_at = ?", params=(now,))
            self._log(conn, job_id, "retry", f"by {operator}" if operator else None, now)
        return self.require(job_id)

    def cancel(self, job_id: int, reason: str, operator: str | None) -> PrintJobRecord:
        if not reason.strip():
            raise ValueError("a cancelled print job needs a reason")
        now = utc_now()
        with self.journal.tx() as conn:
            self._transition(conn, job_id, (QUEUED, HELD), "cancel it",
                             assignments="state = 'cancelled', cancel_reason = ?, cancelled_by = ?,"
                             " cancelled_at = ?, updated_at = ?", params=(reason, operator, now, now))
            self._log(conn, job_id, "cancelled", f"{reason} (by {operator or '?'})", now)
        return self.require(job_id)

    def move(self, job_id: int, printer: str) -> PrintJobRecord:
        """Queue the job on another printer; it keeps its place in creation order there."""
        now = utc_now()
        with self.journal.tx() as conn:
            old = self._state_row(conn, job_id)
            self._transition(conn, job_id, (QUEUED, HELD), "move it",
                             assignments="printer = ?, moved_from = ?, state = 'queued', parked = 0,"
                             " fault_code = NULL, updated_at = ?",
                             params=(printer, old["printer"] if old else None, now))
            self._log(conn, job_id, "moved", f"{old['printer'] if old else '?'} -> {printer}", now)
        return self.require(job_id)

    def recover_interrupted(self) -> list[PrintJobRecord]:
        """Jobs left `sending` by a crash go back to the queue, to be printed again as reprints."""
        now = utc_now()
        with self.journal.tx() as conn:
            ids = [r[0] for r in conn.execute("SELECT id FROM print_jobs WHERE state = 'sending' ORDER BY id")]
            for job_id in ids:
                conn.execute(
                    f"UPDATE print_jobs SET {self._REPRINT_SET}, state = 'queued', updated_at = ? WHERE id = ?",
                    (now, job_id),
                )
                self._log(conn, job_id, "recovered", "left sending by an earlier run", now)
        return [self.require(i) for i in ids]

    # The job becomes the next copy, marked as a reprint; a receipt's bytes are laid out again
    # (payload dropped) so that the copy says REPRINT. Bytes without a receipt are sent as they are.
    _REPRINT_SET = (
        "is_reprint = 1, copy_no = copy_no + 1, reason = 'interrupted',"
        " payload = CASE WHEN receipt_id IS NULL THEN payload ELSE NULL END"
    )

    # -- helpers ---------------------------------------------------------------------------

    @staticmethod
    def _state_row(conn: sqlite3.Connection, job_id: int) -> sqlite3.Row | None:
        row: sqlite3.Row | None = conn.execute(
            "SELECT state, printer FROM print_jobs WHERE id = ?", (job_id,)
        ).fetchone()
        return row

    def _transition(self, conn: sqlite3.Connection, job_id: int, allowed: tuple[str, ...], wanted: str, *,
                    assignments: str, params: tuple[object, ...], printer: str | None = None) -> None:
        marks = ", ".join("?" * len(allowed))
        where = f"id = ? AND state IN ({marks})"
        where_params: tuple[object, ...] = (job_id, *allowed)
        if printer is not None:
            where += " AND printer = ?"
            where_params += (printer,)
        cur = conn.execute(f"UPDATE print_jobs SET {assignments} WHERE {where}", (*params, *where_params))
        if cur.rowcount != 1:
            row = self._state_row(conn, job_id)
            if row is not None and printer is not None and row["printer"] != printer:
                raise JobStateError(job_id, f"now queued for {row['printer']}", wanted)
            raise JobStateError(job_id, row["state"] if row else None, wanted)

    @staticmethod
    def _log(conn: sqlite3.Connection, job_id: int, event: str, detail: str | None, at: str) -> None:
        conn.execute("INSERT INTO print_job_log(job_id, at, event, detail) VALUES (?, ?, ?, ?)",
                     (job_id, at, event, detail))
