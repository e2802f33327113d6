"""The platform's orders as the reconciler last saw them (journal table `orders_seen`).

A cache of the list and of the queries made for anomalies. States only move forward: a row is
never moved back, whatever an answer says. An order the platform answered ORDER_NOT_EXIST for is
remembered with `not_on_platform = 1` (and state UNKNOWN, which means nothing then: read the
flag first), so that it is asked about once.

Times are stored as ISO-8601 UTC, like every timestamp in the journal, so they sort as text;
`order_json` keeps the order as the platform wrote it. The reconciler writes here and the lookup
reads here; the platform's own order type stays with the platform (`ListedOrder` is what the
table needs of it, and `order_json` gives its answer back as it was kept).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from cashier_app.domain.orders import OrderState, is_forward
from cashier_app.domain.receipt import Channel
from cashier_app.domain.reconcile import OrderSnapshot
from cashier_app.journal.db import Journal, utc_now, utc_text

# SQLite limits the number of parameters of one statement; look numbers up in chunks.
_CHUNK = 500


class ListedOrder(Protocol):
    """An order as the platform listed or answered it (the platform client's Order)."""

    @property
    def out_trade_no(self) -> str: ...
    @property
    def channel_trade_no(self) -> str | None: ...
    @property
    def channel(self) -> Channel: ...
    @property
    def state(self) -> OrderState: ...
    @property
    def total_amount(self) -> int: ...
    @property
    def created_at(self) -> datetime: ...
    @property
    def paid_at(self) -> datetime | None: ...
    @property
    def updated_at(self) -> datetime: ...
    def to_json(self) -> dict[str, Any]: ...


@dataclass(frozen=True)
class SeenCounts:
    orders: int  # every row, those not on the platform included
    not_on_platform: int


@dataclass
class UpsertCounts:
    new: int = 0  # orders not seen before
    changed: int = 0  # seen before, now with another state or updated_at
    repeated: int = 0  # listed again unchanged (the overlap of updated_since): nothing written
    refused: int = 0  # would have moved a state back: kept as it was

    @property
    def written(self) -> int:
        return self.new + self.changed


class OrdersSeenStore:
    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    def upsert(self, orders: Iterable[ListedOrder], conn: sqlite3.Connection) -> UpsertCounts:
        """Record orders from a list page or a query, in the caller's transaction."""
        counts = UpsertCounts()
        now = utc_now()
        for order in orders:
            row = conn.execute("SELECT state, updated_at, not_on_platform FROM orders_seen WHERE out_trade_no = ?",
                               (order.out_trade_no,)).fetchone()
            updated = utc_text(order.updated_at)
            if row is not None and not row["not_on_platform"]:
                old = _state(row["state"])
                if old is order.state and row["updated_at"] == updated:
                    counts.repeated += 1
                    continue
                if old is not None and not is_forward(old, order.state):
                    counts.refused += 1
                    continue
            conn.execute(
                "INSERT INTO orders_seen(out_trade_no, channel_trade_no, channel, state, total_amount, created_at,"
                " paid_at, updated_at, order_json, seen_at, not_on_platform) VALUES (?,?,?,?,?,?,?,?,?,?,0)"
                " ON CONFLICT(out_trade_no) DO UPDATE SET channel_trade_no = excluded.channel_trade_no,"
                " channel = excluded.channel, state = excluded.state, total_amount = excluded.total_amount,"
                " created_at = excluded.created_at, paid_at = excluded.paid_at, updated_at = excluded.updated_at,"
                " order_json = excluded.order_json, seen_at = excluded.seen_at, not_on_platform = 0",
                (order.out_trade_no, order.channel_trade_no, order.channel.value, order.state.value,
                 order.total_amount, utc_text(order.created_at),
                 utc_text(order.paid_at), updated,
                 json.dumps(order.to_json(), ensure_ascii=False), now),
            )
            if row is None or row["not_on_platform"]:
                counts.new += 1
            else:
                counts.changed += 1
        return counts

    def mark_not_on_platform(self, out_trade_no: str, conn: sqlite3.Connection) -> None:
        """The platform answered ORDER_NOT_EXIST. A row it listed or found before is kept as it is."""
        conn.execute(
            "INSERT INTO orders_seen(out_trade_no, state, order_json, seen_at, not_on_platform)"
            " VALUES (?, ?, '{}', ?, 1) ON CONFLICT(out_trade_no) DO NOTHING",
            (out_trade_no, OrderState.UNKNOWN.value, utc_now()),
        )

    def snapshots(self, since_utc: str, numbers: Iterable[str] = ()) -> tuple[dict[str, OrderSnapshot], frozenset[str]]:
        """Orders paid, created or updated since `since_utc`, plus every order in `numbers` whatever
        its age (the orders of the receipts being matched); and the numbers not on the platform."""
        orders: dict[str, OrderSnapshot] = {}
        missing: set[str] = set()
        # The amounts paid and refunded are read from the platform's own answer (its JSON), as given.
        columns = ("out_trade_no, channel_trade_no, state, total_amount, created_at, paid_at, updated_at,"
                   " not_on_platform, json_extract(order_json, '$.paid_amount') AS paid_amount,"
                   " json_extract(order_json, '$.refund_amount') AS refund_amount")
        with self._journal.read() as conn:
            rows = conn.execute(
                f"SELECT {columns} FROM orders_seen WHERE updated_at >= ? OR created_at >= ? OR paid_at >= ?",
                (since_utc, since_utc, since_utc)).fetchall()
            # Only the receipts' orders that the window did not bring already (usually none).
            found = {str(r["out_trade_no"]) for r in rows}
            wanted = sorted(set(numbers) - found)
            for start in range(0, len(wanted), _CHUNK):
                chunk = wanted[start:start + _CHUNK]
                marks = ",".join("?" * len(chunk))
                rows.extend(conn.execute(f"SELECT {columns} FROM orders_seen WHERE out_trade_no IN ({marks})",
                                         chunk).fetchall())
        for row in rows:
            number = str(row["out_trade_no"])
            if row["not_on_platform"]:
                missing.add(number)
                continue
            state = _state(row["state"])
            if state is None or row["created_at"] is None:
                continue
            orders[number] = OrderSnapshot(
                out_trade_no=number, state=state, total_amount=row["total_amount"],
                created_at=datetime.fromisoformat(row["created_at"]),
                paid_at=datetime.fromisoformat(row["paid_at"]) if row["paid_at"] else None,
                channel_trade_no=row["channel_trade_no"],
                paid_amount=_fen(row["paid_amount"]), refund_amount=_fen(row["refund_amount"]) or 0,
                updated_at=datetime.fromisoformat(row["updated_at"]) if row["updated_at"] else None,
            )
        return orders, frozenset(missing)

    def order_json(self, out_trade_no: str) -> dict[str, Any] | None:
        """The order as the platform last answered it, as it wrote it (None if never seen, not on
        the platform, or kept damaged)."""
        with self._journal.read() as conn:
            row = conn.execute("SELECT order_json, not_on_platform FROM orders_seen WHERE out_trade_no = ?",
                               (out_trade_no,)).fetchone()
        if row is None or row["not_on_platform"]:
            return None
        try:
            data = json.loads(row["order_json"])
        except ValueError:
            return None
        return data if isinstance(data, dict) else None

    def states_since(self, since_utc: str) -> dict[str, OrderState]:
        """The last known states of recent orders (to seed the client's forward-only guard)."""
        with self._journal.read() as conn:
            rows = conn.execute("SELECT out_trade_no, state FROM orders_seen WHERE not_on_platform = 0"
                                " AND updated_at >= ?", (since_utc,)).fetchall()
        states = {str(r["out_trade_no"]): _state(r["state"]) for r in rows}
        return {k: v for k, v in states.items() if v is not None}

    def counts(self) -> SeenCounts:
        with self._journal.read() as conn:
            row = conn.execute("SELECT COUNT(*), COALESCE(SUM(not_on_platform), 0) FROM orders_seen").fetchone()
        return SeenCounts(int(row[0]), int(row[1]))


def _state(value: object) -> OrderState | None:
    try:
        return OrderState(str(value))
    except ValueError:
        return None


def _fen(value: object) -> int | None:
    """An amount from the platform's JSON: a whole number of fen, or nothing usable."""
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None
