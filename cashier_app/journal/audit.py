"""The audit trail: who asked the app for paper it would not have printed by itself, and why.

Rows are written by the journal, in UTC like every other timestamp, in the transaction of the
action they record (a reprint's row and its print job commit together). Append-only.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from cashier_app.journal.db import Journal, utc_now

# Actions (`audit.action`).
PRINT = "print"  # an original asked for by a person or by reconciliation (not the till's own)
REPRINT = "reprint"  # a copy
MOVE_JOB = "move_job"  # a queued or held job sent to another printer
CANCEL_JOB = "cancel_job"  # a queued or held job cancelled


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: str  # UTC ISO-8601
    actor: str
    action: str
    receipt_id: int | None
    job_id: int | None
    case_id: int | None
    reason: str
    out_trade_no: str | None
    copy_no: int | None
    printer: str | None
    training: bool


class AuditStore:
    def __init__(self, journal: Journal) -> None:
        self.journal = journal

    @staticmethod
    def record(conn: sqlite3.Connection, actor: str, action: str, *, reason: str = "", receipt_id: int | None = None,
               job_id: int | None = None, case_id: int | None = None, out_trade_no: str | None = None,
               copy_no: int | None = None, printer: str | None = None, training: bool = False) -> int:
        """Write one row in the caller's transaction; returns its id."""
        cur = conn.execute(
            "INSERT INTO audit(at, actor, action, receipt_id, job_id, case_id, reason, out_trade_no, copy_no,"
            " printer, training) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (utc_now(), actor, action, receipt_id, job_id, case_id, reason, out_trade_no, copy_no, printer,
             int(training)),
        )
        return int(cur.lastrowid or 0)

    def add(self, actor: str, action: str, *, reason: str = "", receipt_id: int | None = None,
            job_id: int | None = None, case_id: int | None = None, out_trade_no: str | None = None,
            copy_no: int | None = None, printer: str | None = None, training: bool = False) -> int:
        """Write one row in a transaction of its own."""
        with self.journal.tx() as conn:
            return self.record(conn, actor, action, reason=reason, receipt_id=receipt_id, job_id=job_id,
                               case_id=case_id, out_trade_no=out_trade_no, copy_no=copy_no, printer=printer,
                               training=training)

    def rows(self, *, out_trade_no: str | None = None, job_id: int | None = None, limit: int = 200) -> list[AuditRow]:
        """The newest rows first (optionally of one order or one job)."""
        sql = "SELECT * FROM audit WHERE 1=1"
        params: list[object] = []
        if out_trade_no is not None:
            sql += " AND out_trade_no = ?"
            params.append(out_trade_no)
        if job_id is not None:
            sql += " AND job_id = ?"
            params.append(job_id)
        sql += " ORDER BY id DESC LIMIT ?"
        params.append(limit)
        with self.journal.read() as conn:
            return [_row(r) for r in conn.execute(sql, params)]


def _row(r: sqlite3.Row) -> AuditRow:
    return AuditRow(
        id=int(r["id"]), at=str(r["at"]), actor=str(r["actor"]), action=str(r["action"]), receipt_id=r["receipt_id"],
        job_id=r["job_id"], case_id=r["case_id"], reason=str(r["reason"] or ""), out_trade_no=r["out_trade_no"],
        copy_no=r["copy_no"], printer=r["printer"], training=bool(r["training"]),
    )
