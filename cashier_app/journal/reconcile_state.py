"""What the reconciler keeps across restarts, in the journal's `app_state` table.

- the list position: `updated_since` (where the current scan of the platform's list started) and
  the platform's `cursor` when a scan spans several pages, plus the highest `updated_at` seen in
  the scan so far. A scan that ends moves `updated_since` to that high-water mark minus a few
  seconds of overlap (orders updated in the same second, or committed late, are listed again and
  deduplicated by out_trade_no + updated_at), so that a restart neither misses nor repeats.
- the platform outage in progress (its case), so that a restart during an outage closes the same
  case when the platform comes back.
- a summary of the last poll, for `cashier-app reconcile status`.

Every value is JSON under one key; training mode uses its own keys. How the position moves is the
reconciler's (cashier_app.reconcile.state); what is kept, and how, is here.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from cashier_app.journal.db import Journal, utc_now

KEY_PREFIX = "reconcile."
TRAINING_PREFIX = "reconcile.training."


@dataclass(frozen=True)
class ListPosition:
    updated_since: str | None = None  # ISO-8601 with offset; None before the first poll
    cursor: str | None = None  # the platform's next_cursor while a scan spans pages
    scan_high_water: str | None = None  # the highest updated_at seen in the current scan

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: Any) -> ListPosition:
        if not isinstance(data, dict):
            return cls()
        return cls(*(data.get(k) if isinstance(data.get(k), str) else None
                     for k in ("updated_since", "cursor", "scan_high_water")))


@dataclass(frozen=True)
class Outage:
    """A platform outage in progress: since when (UTC ISO), why, and its PLATFORM_FAULT case."""

    since: str
    reason: str
    detail: str
    case_id: int | None
    failures: int = 1

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: Any) -> Outage | None:
        if not isinstance(data, dict) or not isinstance(data.get("since"), str):
            return None
        case_id = data.get("case_id")
        failures = data.get("failures")
        return cls(data["since"], str(data.get("reason") or ""), str(data.get("detail") or ""),
                   case_id if isinstance(case_id, int) else None,
                   failures if isinstance(failures, int) else 1)


class ReconcileStateStore:
    """Reads and writes the reconciler's keys of `app_state`. Writes may join a caller's transaction."""

    def __init__(self, journal: Journal, *, training: bool = False) -> None:
        self._journal = journal
        self.prefix = TRAINING_PREFIX if training else KEY_PREFIX

    # Generic JSON values

    def _get(self, name: str, conn: sqlite3.Connection | None = None) -> Any:
        sql = "SELECT value FROM app_state WHERE key = ?"
        if conn is not None:
            row = conn.execute(sql, (self.prefix + name,)).fetchone()
        else:
            with self._journal.read() as c:
                row = c.execute(sql, (self.prefix + name,)).fetchone()
        if row is None:
            return None
        try:
            return json.loads(row["value"])
        except ValueError:
            return None  # a damaged value is treated as absent: the reconciler starts that part afresh

    def _set(self, name: str, value: Any, conn: sqlite3.Connection | None = None) -> None:
        sql = ("INSERT INTO app_state(key, value, updated_at) VALUES (?, ?, ?)"
               " ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at")
        params = (self.prefix + name, json.dumps(value, ensure_ascii=False), utc_now())
        if conn is not None:
            conn.execute(sql, params)
        else:
            with self._journal.tx() as c:
                c.execute(sql, params)

    def _delete(self, name: str, conn: sqlite3.Connection | None = None) -> None:
        if conn is not None:
            conn.execute("DELETE FROM app_state WHERE key = ?", (self.prefix + name,))
        else:
            with self._journal.tx() as c:
                c.execute("DELETE FROM app_state WHERE key = ?", (self.prefix + name,))

    # The list position

    def position(self, conn: sqlite3.Connection | None = None) -> ListPosition:
        return ListPosition.from_json(self._get("position", conn))

    def save_position(self, position: ListPosition, conn: sqlite3.Connection | None = None) -> None:
        self._set("position", position.to_json(), conn)

    # The outage in progress

    def outage(self, conn: sqlite3.Connection | None = None) -> Outage | None:
        return Outage.from_json(self._get("outage", conn))

    def save_outage(self, outage: Outage, conn: sqlite3.Connection | None = None) -> None:
        self._set("outage", outage.to_json(), conn)

    def clear_outage(self, conn: sqlite3.Connection | None = None) -> None:
        self._delete("outage", conn)

    # The first day reconciliation ran (bills of earlier days were not for receipts this app saw)

    def first_day(self) -> date | None:
        value = self._get("first_day")
        try:
            return date.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            return None

    def save_first_day(self, day: date) -> None:
        self._set("first_day", day.isoformat())

    # The last poll

    def last_poll(self) -> dict[str, Any] | None:
        value = self._get("last_poll")
        return value if isinstance(value, dict) else None

    def save_last_poll(self, summary: dict[str, Any], conn: sqlite3.Connection | None = None) -> None:
        self._set("last_poll", summary, conn)
