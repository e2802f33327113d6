"""The sandbox platform's storage: SQLite, in a file (a demo survives a restart) or in memory.

One connection shared by the server's threads behind a lock; each order is one JSON document
plus the columns the API looks it up and lists it by. Idempotency answers are kept here too, so
a retry after a restart still gets the first answer.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cashier_app.sandbox.orders import SandboxOrder

_SCHEMA = """
CREATE TABLE IF NOT EXISTS orders (
    out_trade_no TEXT PRIMARY KEY,
    merchant_no TEXT NOT NULL,
    terminal_no TEXT NOT NULL,
    state TEXT NOT NULL,
    channel_trade_no TEXT,
    updated_ts REAL NOT NULL,
    seq INTEGER NOT NULL,
    channel_queries INTEGER NOT NULL DEFAULT 0,
    close_calls INTEGER NOT NULL DEFAULT 0,
    record TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS orders_by_terminal ON orders (merchant_no, terminal_no, updated_ts, seq);
CREATE INDEX IF NOT EXISTS orders_by_channel_no ON orders (merchant_no, channel_trade_no);
CREATE TABLE IF NOT EXISTS idempotency (
    merchant_no TEXT NOT NULL,
    terminal_no TEXT NOT NULL,
    idem_key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    status INTEGER NOT NULL,
    envelope TEXT NOT NULL,
    created_ts REAL NOT NULL,
    PRIMARY KEY (merchant_no, terminal_no, idem_key)
);
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


@dataclass(frozen=True)
class StoredAnswer:
    fingerprint: str
    status: int
    envelope: dict[str, Any]


@dataclass(frozen=True)
class OrderStats:
    channel_queries: int
    close_calls: int


class SandboxStore:
    def __init__(self, db_path: Path | None = None) -> None:
        self.path = db_path
        if db_path is not None:
            db_path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._conn = sqlite3.connect(
            str(db_path) if db_path is not None else ":memory:",
            check_same_thread=False, isolation_level=None, timeout=10,
        )
        self._conn.row_factory = sqlite3.Row
        if db_path is not None:
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.executescript(_SCHEMA)
        row = self._conn.execute("SELECT COALESCE(MAX(seq), 0) FROM orders").fetchone()
        self._seq = int(row[0])

    @contextmanager
    def tx(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; also the lock that makes read-modify-write steps atomic."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    @property
    def lock(self) -> threading.RLock:
        return self._lock

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    # Orders

    def insert(self, order: SandboxOrder) -> bool:
        """False when an order with this out_trade_no already exists."""
        with self.tx() as conn:
            if conn.execute("SELECT 1 FROM orders WHERE out_trade_no = ?", (order.out_trade_no,)).fetchone():
                return False
            self._seq += 1
            conn.execute(
                "INSERT INTO orders (out_trade_no, merchant_no, terminal_no, state, channel_trade_no,"
                " updated_ts, seq, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (order.out_trade_no, order.merchant_no, order.terminal_no, order.state.value,
                 order.channel_trade_no, order.updated_at, self._seq, json.dumps(order.to_record())),
            )
        return True

    def save(self, order: SandboxOrder, *, channel_query: bool = False, close_call: bool = False) -> None:
        """Write an order back. Its list position (seq) moves only when updated_at moved."""
        with self.tx() as conn:
            row = conn.execute("SELECT updated_ts FROM orders WHERE out_trade_no = ?", (order.out_trade_no,)).fetchone()
            if row is None:
                raise KeyError(order.out_trade_no)
            if row["updated_ts"] != order.updated_at:
                self._seq += 1
                conn.execute("UPDATE orders SET seq = ? WHERE out_trade_no = ?", (self._seq, order.out_trade_no))
            conn.execute(
                "UPDATE orders SET state = ?, channel_trade_no = ?, updated_ts = ?, record = ?,"
                " channel_queries = channel_queries + ?, close_calls = close_calls + ? WHERE out_trade_no = ?",
                (order.state.value, order.channel_trade_no, order.updated_at, json.dumps(order.to_record()),
                 int(channel_query), int(close_call), order.out_trade_no),
            )

    def get(self, out_trade_no: str) -> SandboxOrder | None:
        with self._lock:
            row = self._conn.execute("SELECT record FROM orders WHERE out_trade_no = ?", (out_trade_no,)).fetchone()
        return SandboxOrder.from_record(json.loads(row["record"])) if row else None

    def find(self, merchant_no: str, *, out_trade_no: str | None = None,
             channel_trade_no: str | None = None) -> SandboxOrder | None:
        """The platform's lookup: by its own number, or by the channel's number once it knows it."""
        with self._lock:
            if out_trade_no is not None:
                row = self._conn.execute(
                    "SELECT record FROM orders WHERE merchant_no = ? AND out_trade_no = ?",
                    (merchant_no, out_trade_no)).fetchone()
            else:
                row = self._conn.execute(
                    "SELECT record FROM orders WHERE merchant_no = ? AND channel_trade_no = ?",
                    (merchant_no, channel_trade_no)).fetchone()
        return SandboxOrder.from_record(json.loads(row["record"])) if row else None

    def page(self, merchant_no: str, terminal_no: str, *, since: float | None, state: str | None,
             after: tuple[float, int] | None, limit: int) -> list[tuple[SandboxOrder, float, int]]:
        """Orders of one terminal, oldest update first, after the (updated_ts, seq) position."""
        sql = "SELECT record, updated_ts, seq FROM orders WHERE merchant_no = ? AND terminal_no = ?"
        args: list[Any] = [merchant_no, terminal_no]
        if since is not None:
            sql += " AND updated_ts >= ?"
            args.append(since)
        if state is not None:
            sql += " AND state = ?"
            args.append(state)
        if after is not None:
            sql += " AND (updated_ts > ? OR (updated_ts = ? AND seq > ?))"
            args.extend([after[0], after[0], after[1]])
        sql += " ORDER BY updated_ts, seq LIMIT ?"
        args.append(limit)
        with self._lock:
            rows = self._conn.execute(sql, args).fetchall()
        return [(SandboxOrder.from_record(json.loads(r["record"])), r["updated_ts"], r["seq"]) for r in rows]

    def all_orders(self) -> list[tuple[SandboxOrder, OrderStats]]:
        with self._lock:
            rows = self._conn.execute(
                "SELECT record, channel_queries, close_calls FROM orders ORDER BY updated_ts, seq").fetchall()
        return [(SandboxOrder.from_record(json.loads(r["record"])),
                 OrderStats(r["channel_queries"], r["close_calls"])) for r in rows]

    def stats(self, out_trade_no: str) -> OrderStats:
        with self._lock:
            row = self._conn.execute(
                "SELECT channel_queries, close_calls FROM orders WHERE out_trade_no = ?", (out_trade_no,)).fetchone()
        return OrderStats(row["channel_queries"], row["close_calls"]) if row else OrderStats(0, 0)

    def count(self) -> int:
        with self._lock:
            return int(self._conn.execute("SELECT COUNT(*) FROM orders").fetchone()[0])

    def existing_numbers(self) -> set[str]:
        with self._lock:
            return {r[0] for r in self._conn.execute("SELECT out_trade_no FROM orders")}

    # Idempotency

    def answer_for(self, merchant_no: str, terminal_no: str, key: str) -> StoredAnswer | None:
        with self._lock:
            row = self._conn.execute(
                "SELECT fingerprint, status, envelope FROM idempotency"
                " WHERE merchant_no = ? AND terminal_no = ? AND idem_key = ?",
                (merchant_no, terminal_no, key)).fetchone()
        return StoredAnswer(row["fingerprint"], row["status"], json.loads(row["envelope"])) if row else None

    def keep_answer(self, merchant_no: str, terminal_no: str, key: str, *, fingerprint: str, status: int,
                    envelope: dict[str, Any], now: float) -> None:
        with self.tx() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO idempotency VALUES (?, ?, ?, ?, ?, ?, ?)",
                (merchant_no, terminal_no, key, fingerprint, status, json.dumps(envelope, ensure_ascii=False), now))
            # Keys are kept for a day, as the platforms this one is modelled on do.
            conn.execute("DELETE FROM idempotency WHERE created_ts < ?", (now - 86400,))

    # Metadata (the scenario loaded, for the state view)

    def set_meta(self, name: str, value: str) -> None:
        with self.tx() as conn:
            conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (name, value))

    def get_meta(self, name: str) -> str | None:
        with self._lock:
            row = self._conn.execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()
        return str(row[0]) if row else None

    def reset(self) -> None:
        with self.tx() as conn:
            conn.execute("DELETE FROM orders")
            conn.execute("DELETE FROM idempotency")
            conn.execute("DELETE FROM meta")
