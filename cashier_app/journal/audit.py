"""The audit trail in the journal: who did what (reprints, cancels, moves, closes, sign-ins, changes).

Rows are appended, never changed, in UTC. `record` can join a caller's transaction (`conn`), so an
action and its audit row are written together.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from cashier_app.domain.audit import AuditAction, AuditEntry
from cashier_app.journal.db import Journal, utc_now


@dataclass(frozen=True)
class AuditFilter:
    since_utc: str | None = None  # at or after
    until_utc: str | None = None  # before
    actions: tuple[str, ...] = ()  # AuditAction values; empty: every action
    actor: str | None = None  # done by, or approved by, this person
    training: bool | None = False  # None: both
    out_trade_no: str | None = None  # of one order
    limit: int = 1000


class AuditStore:
    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    def record(  # noqa: PLR0913 - an audit row's columns, keyword-only
        self,
        action: AuditAction | str,
        actor: str,
        *,
        receipt_id: int | None = None,
        job_id: int | None = None,
        case_id: int | None = None,
        out_trade_no: str | None = None,
        reason: str = "",
        detail: str = "",
        approved_by: str | None = None,
        copy_no: int | None = None,
        printer: str | None = None,
        training: bool = False,
        conn: sqlite3.Connection | None = None,
    ) -> int:
        """`copy_no` and `printer`: of the print job the action wrote or moved (the paper desk's rows)."""
        values = (utc_now(), actor, str(action), receipt_id, job_id, case_id, out_trade_no, reason, detail,
                  approved_by, copy_no, printer, int(training))
        sql = ("INSERT INTO audit(at, actor, action, receipt_id, job_id, case_id, out_trade_no, reason, detail,"
               " approved_by, copy_no, printer, training) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")
        if conn is not None:
            return int(conn.execute(sql, values).lastrowid or 0)
        with self._journal.tx() as tx:
            return int(tx.execute(sql, values).lastrowid or 0)

    def list(self, flt: AuditFilter | None = None) -> list[AuditEntry]:
        """Newest first."""
        flt = flt or AuditFilter()
        sql = "SELECT * FROM audit WHERE 1=1"
        params: list[object] = []
        if flt.since_utc is not None:
            sql += " AND at >= ?"
            params.append(flt.since_utc)
        if flt.until_utc is not None:
            sql += " AND at < ?"
            params.append(flt.until_utc)
        if flt.actions:
            sql += f" AND action IN ({','.join('?' * len(flt.actions))})"
            params.extend(flt.actions)
        if flt.actor is not None:
            sql += " AND (actor = ? OR approved_by = ?)"
            params.extend((flt.actor, flt.actor))
        if flt.training is not None:
            sql += " AND training = ?"
            params.append(int(flt.training))
        if flt.out_trade_no is not None:
            sql += " AND out_trade_no = ?"
            params.append(flt.out_trade_no)
        sql += " ORDER BY at DESC, id DESC LIMIT ?"
        params.append(flt.limit)
        with self._journal.read() as conn:
            return [_entry(row) for row in conn.execute(sql, params)]


def _entry(row: sqlite3.Row) -> AuditEntry:
    return AuditEntry(
        id=int(row["id"]), at=row["at"], actor=row["actor"], action=row["action"], receipt_id=row["receipt_id"],
        job_id=row["job_id"], case_id=row["case_id"], out_trade_no=row["out_trade_no"], reason=row["reason"] or "",
        detail=row["detail"] or "", approved_by=row["approved_by"], copy_no=row["copy_no"], printer=row["printer"],
        training=bool(row["training"]),
    )
