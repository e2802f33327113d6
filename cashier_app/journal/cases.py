"""Cases in the journal: opened once per finding, a timeline of steps, closed with a result."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from cashier_app.domain.cases import Case, CaseKind, CaseResult, CaseStatus, CaseStep, StepAction
from cashier_app.journal.db import Journal, utc_now


@dataclass(frozen=True)
class CaseFilter:
    status: CaseStatus | None = None
    kind: CaseKind | None = None
    since_utc: str | None = None  # opened at or after
    until_utc: str | None = None  # opened before
    training: bool | None = False  # training cases are kept apart: None = both
    out_trade_no: str | None = None
    limit: int = 500


class CaseStore:
    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    def open_case(  # noqa: PLR0913 - a case row's columns, keyword-only
        self,
        kind: CaseKind,
        *,
        actor: str,
        key: str | None = None,
        out_trade_no: str | None = None,
        channel_trade_no: str | None = None,
        amount: int | None = None,
        payment_state: str | None = None,
        cause: str = "",
        training: bool = False,
        detail: str = "",
        paid_at: str | None = None,
        channel: str | None = None,
    ) -> tuple[Case, bool]:
        """Open a case, or return the one already opened under `key`. Returns (case, created)."""
        now = utc_now()
        with self._journal.tx() as conn:
            if key is not None:
                row = conn.execute("SELECT id FROM cases WHERE case_key = ?", (key,)).fetchone()
                if row is not None:
                    return self._load(conn, int(row["id"])), False
            cur = conn.execute(
                "INSERT INTO cases(case_key, kind, status, opened_at, opened_by, out_trade_no, channel_trade_no,"
                " amount, payment_state, cause, training, paid_at, channel) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (key, kind.value, CaseStatus.OPEN.value, now, actor, out_trade_no, channel_trade_no, amount,
                 payment_state, cause, int(training), paid_at, channel),
            )
            case_id = int(cur.lastrowid or 0)
            self._insert_step(conn, case_id, CaseStep(now, StepAction.RAISED, actor, payment_state, kind.value, detail))
            return self._load(conn, case_id), True

    def add_step(self, case_id: int, step: CaseStep) -> None:
        with self._journal.tx() as conn:
            self._insert_step(conn, case_id, step)
            if step.state_seen:
                conn.execute("UPDATE cases SET payment_state = ? WHERE id = ?", (step.state_seen, case_id))

    def record(self, case_id: int, action: StepAction, actor: str, *, state_seen: str | None = None,
               outcome: str = "", detail: str = "", note: str = "") -> None:
        self.add_step(case_id, CaseStep(utc_now(), action, actor, state_seen, outcome, detail, note))

    def add_note(self, case_id: int, note: str, actor: str) -> Case:
        """A person's note on the case's timeline (what was done, who was called, what the customer said)."""
        with self._journal.tx() as conn:
            state = conn.execute("SELECT payment_state FROM cases WHERE id = ?", (case_id,)).fetchone()
            if state is None:
                raise KeyError(case_id)
            self._insert_step(conn, case_id, CaseStep(utc_now(), StepAction.NOTE, actor, state["payment_state"],
                                                      "note", "", note.strip()))
            return self._load(conn, case_id)

    def set_contact(self, case_id: int, contact: str, actor: str) -> Case:
        """How to reach the customer (empty: forget it). The step says only that it changed: the contact
        itself stays in its own column, which exports and bundles mask."""
        contact = " ".join(contact.split())
        with self._journal.tx() as conn:
            if conn.execute("SELECT 1 FROM cases WHERE id = ?", (case_id,)).fetchone() is None:
                raise KeyError(case_id)
            conn.execute("UPDATE cases SET customer_contact = ? WHERE id = ?", (contact or None, case_id))
            self._insert_step(conn, case_id, CaseStep(utc_now(), StepAction.NOTE, actor, None,
                                                      "contact_recorded" if contact else "contact_removed"))
            return self._load(conn, case_id)

    def set_payment(self, case_id: int, *, paid_at: str | None, channel: str | None) -> None:
        """The order's payment time and channel, once a lookup or the reconciler knows them."""
        with self._journal.tx() as conn:
            conn.execute("UPDATE cases SET paid_at = COALESCE(?, paid_at), channel = COALESCE(?, channel)"
                         " WHERE id = ?", (paid_at, channel, case_id))

    def escalations_to_remind(self, training: bool = False) -> list[Case]:
        """Open escalated cases whose manager has not been reminded yet (the caller checks their age)."""
        with self._journal.read() as conn:
            rows = conn.execute("SELECT id FROM cases WHERE escalated_at IS NOT NULL AND status = 'open'"
                                " AND escalation_reminded_at IS NULL AND training = ? ORDER BY id", (int(training),))
            return [self._load(conn, int(r["id"])) for r in rows.fetchall()]

    def mark_reminded(self, case_id: int, note: str) -> bool:
        """Remember the one reminder (with a step saying so); False when another reminded first."""
        now = utc_now()
        with self._journal.tx() as conn:
            done = conn.execute("UPDATE cases SET escalation_reminded_at = ? WHERE id = ?"
                                " AND escalation_reminded_at IS NULL", (now, case_id)).rowcount
            if done:
                self._insert_step(conn, case_id, CaseStep(now, StepAction.NOTE, "system", None,
                                                          "escalation_overdue", note))
            return bool(done)

    def close_case(self, case_id: int, result: CaseResult, actor: str, note: str = "") -> Case:
        now = utc_now()
        with self._journal.tx() as conn:
            conn.execute(
                "UPDATE cases SET status = ?, result = ?, closed_at = ?, closed_by = ? WHERE id = ? AND status = ?",
                (CaseStatus.CLOSED.value, result.value, now, actor, case_id, CaseStatus.OPEN.value),
            )
            self._insert_step(conn, case_id, CaseStep(now, StepAction.CLOSE_CASE, actor, None, result.value, "",
                                                      note))
            return self._load(conn, case_id)

    def get(self, case_id: int) -> Case | None:
        with self._journal.read() as conn:
            row = conn.execute("SELECT id FROM cases WHERE id = ?", (case_id,)).fetchone()
            return self._load(conn, case_id) if row else None

    def find_open(self, out_trade_no: str, kind: CaseKind | None = None, *,
                  training: bool | None = None) -> Case | None:
        sql = "SELECT id FROM cases WHERE out_trade_no = ? AND status = 'open'"
        params: list[object] = [out_trade_no]
        if kind is not None:
            sql += " AND kind = ?"
            params.append(kind.value)
        if training is not None:
            sql += " AND training = ?"
            params.append(int(training))
        with self._journal.read() as conn:
            row = conn.execute(sql + " ORDER BY id DESC LIMIT 1", params).fetchone()
            return self._load(conn, int(row["id"])) if row else None

    def adopt_key(self, case_id: int, key: str) -> bool:
        """Give an open case opened by hand (no key) a finding's key, so that the finding is raised once,
        in that case. False when the case has a key already or another case holds this one."""
        with self._journal.tx() as conn:
            if conn.execute("SELECT 1 FROM cases WHERE case_key = ?", (key,)).fetchone() is not None:
                return False
            cur = conn.execute("UPDATE cases SET case_key = ? WHERE id = ? AND case_key IS NULL AND status = 'open'",
                               (key, case_id))
            return cur.rowcount == 1

    def open_keys(self) -> list[str]:
        with self._journal.read() as conn:
            rows = conn.execute("SELECT case_key FROM cases WHERE status = 'open' AND case_key IS NOT NULL")
            return [str(r["case_key"]) for r in rows]

    def find_by_key(self, key: str) -> Case | None:
        with self._journal.read() as conn:
            row = conn.execute("SELECT id FROM cases WHERE case_key = ?", (key,)).fetchone()
            return self._load(conn, int(row["id"])) if row else None

    def list(self, flt: CaseFilter | None = None) -> list[Case]:
        flt = flt or CaseFilter()
        sql = "SELECT id FROM cases WHERE 1=1"
        params: list[object] = []
        if flt.status is not None:
            sql += " AND status = ?"
            params.append(flt.status.value)
        if flt.kind is not None:
            sql += " AND kind = ?"
            params.append(flt.kind.value)
        if flt.since_utc is not None:
            sql += " AND opened_at >= ?"
            params.append(flt.since_utc)
        if flt.until_utc is not None:
            sql += " AND opened_at < ?"
            params.append(flt.until_utc)
        if flt.training is not None:
            sql += " AND training = ?"
            params.append(int(flt.training))
        if flt.out_trade_no is not None:
            sql += " AND out_trade_no = ?"
            params.append(flt.out_trade_no)
        sql += " ORDER BY status = 'closed', id DESC LIMIT ?"
        params.append(flt.limit)
        with self._journal.read() as conn:
            ids = [int(r["id"]) for r in conn.execute(sql, params)]
            return [self._load(conn, i) for i in ids]

    def count_open(self, training: bool = False) -> int:
        with self._journal.read() as conn:
            row = conn.execute("SELECT COUNT(*) FROM cases WHERE status = 'open' AND training = ?", (int(training),))
            return int(row.fetchone()[0])

    def open_by_kind(self, training: bool = False) -> dict[str, int]:
        """How many cases are open, per kind (kinds with none left out), in this mode."""
        with self._journal.read() as conn:
            rows = conn.execute("SELECT kind, COUNT(*) AS n FROM cases WHERE status = 'open' AND training = ?"
                                " GROUP BY kind ORDER BY kind", (int(training),)).fetchall()
        return {str(r["kind"]): int(r["n"]) for r in rows}

    @staticmethod
    def _insert_step(conn: sqlite3.Connection, case_id: int, step: CaseStep) -> None:
        conn.execute(
            "INSERT INTO case_steps(case_id, at, action, actor, state_seen, outcome, detail, note)"
            " VALUES (?,?,?,?,?,?,?,?)",
            (case_id, step.at, step.action.value, step.actor, step.state_seen, step.outcome, step.detail, step.note),
        )
        if step.action is StepAction.ESCALATE:
            # Reported for handling: the case ages from the first report until it is closed.
            conn.execute("UPDATE cases SET escalated_at = COALESCE(escalated_at, ?) WHERE id = ?", (step.at, case_id))

    @staticmethod
    def _load(conn: sqlite3.Connection, case_id: int) -> Case:
        r = conn.execute("SELECT * FROM cases WHERE id = ?", (case_id,)).fetchone()
        steps = [
            CaseStep(s["at"], StepAction(s["action"]), s["actor"], s["state_seen"], s["outcome"], s["detail"],
                     s["note"])
            for s in conn.execute("SELECT * FROM case_steps WHERE case_id = ? ORDER BY id", (case_id,))
        ]
        return Case(
            id=int(r["id"]), kind=CaseKind(r["kind"]), opened_at=r["opened_at"], opened_by=r["opened_by"],
            out_trade_no=r["out_trade_no"], channel_trade_no=r["channel_trade_no"], amount=r["amount"],
            payment_state=r["payment_state"], cause=r["cause"], status=CaseStatus(r["status"]),
            result=CaseResult(r["result"]) if r["result"] else None, closed_at=r["closed_at"],
            closed_by=r["closed_by"], training=bool(r["training"]), steps=steps, paid_at=r["paid_at"],
            channel=r["channel"], customer_contact=r["customer_contact"], escalated_at=r["escalated_at"],
            escalation_reminded_at=r["escalation_reminded_at"],
        )

