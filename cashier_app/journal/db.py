"""Opening the journal: SQLite in WAL mode with versioned migrations.

Migrations are the numbered `.sql` files in `migrations/` beside this module, applied in order,
each in its own transaction, recorded in `schema_migrations`. A migration is never edited once it
has landed: a change to the schema is a new file.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import overload

_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


class JournalError(RuntimeError):
    """The journal cannot be opened or is newer than this app."""


def utc_now() -> str:
    """Timestamps in the journal: ISO-8601 UTC with microseconds, sortable as text."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


@overload
def utc_text(moment: datetime) -> str: ...
@overload
def utc_text(moment: None) -> None: ...
@overload
def utc_text(moment: datetime | None) -> str | None: ...
def utc_text(moment: datetime | None) -> str | None:
    """A moment as the journal writes it (None stays None)."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds") if moment is not None else None


def available_migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) of every migration shipped, in order."""
    found = []
    for entry in resources.files("cashier_app.journal.migrations").iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    found.sort()
    versions = [v for v, _, _ in found]
    if len(versions) != len(set(versions)):
        raise JournalError(f"two migrations share a number: {[n for _, n, _ in found]}")
    return found


class Journal:
    """One SQLite connection shared by the app's services, serialised by a lock.

    SQLite in WAL mode lets readers (the UI, other processes) read while one writer writes; inside
    the app every statement goes through `tx()` or `read()`, so threads never interleave.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        try:
            self._conn = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None, timeout=10)
        except sqlite3.Error as exc:
            raise JournalError(f"cannot open the journal {path}: {exc}") from exc
        self._conn.row_factory = sqlite3.Row
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.execute("PRAGMA foreign_keys=ON")
        self._conn.execute("PRAGMA busy_timeout=10000")
        self.migrate()

    def migrate(self) -> list[int]:
        """Apply the migrations not yet applied; return their numbers."""
        with self._lock:
            self._conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations ("
                " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            applied = {row[0] for row in self._conn.execute("SELECT version FROM schema_migrations")}
            shipped = available_migrations()
            newest = max((v for v, _, _ in shipped), default=0)
            if applied and max(applied) > newest:
                raise JournalError(
                    f"the journal {self.path} was written by a newer version of the app "
                    f"(schema {max(applied)}, this app knows {newest})"
                )
            done = []
            for version, name, sql in shipped:
                if version in applied:
                    continue
                self._conn.execute("BEGIN IMMEDIATE")
                try:
                    for statement in _split_sql(sql):
                        self._conn.execute(statement)
                    self._conn.execute(
                        "INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?)",
                        (version, name, utc_now()),
                    )
                    self._conn.execute("COMMIT")
                except sqlite3.Error as exc:
                    self._conn.execute("ROLLBACK")
                    raise JournalError(f"migration {name} failed: {exc}") from exc
                done.append(version)
            return done

    def schema_version(self) -> int:
        with self.read() as conn:
            row = conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
            return int(row[0] or 0)

    @contextmanager
    def tx(self) -> Iterator[sqlite3.Connection]:
        """A write transaction: committed when the block ends, rolled back if it raises."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
                self._conn.execute("COMMIT")
            except BaseException:
                # SQLite may have rolled back already (a full disk, an I/O error): the first error counts.
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            yield self._conn

    def close(self) -> None:
        with self._lock:
            self._conn.close()


def _split_sql(sql: str) -> list[str]:
    """Statements of a migration file, in order.

    A statement ends at the first semicolon after which SQLite deems it complete, so a trigger's
    body (`BEGIN ...; ...; END;`) stays one statement.
    """
    statements: list[str] = []
    pending = ""
    for piece in sql.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if not _only_comments(pending.rstrip(";")):
                statements.append(pending.strip().removesuffix(";").strip())
            pending = ""
    if pending.rstrip(";").strip() and not _only_comments(pending.rstrip(";")):
        statements.append(pending.strip().removesuffix(";").strip())
    return statements


def _only_comments(chunk: str) -> bool:
    return all(not line.strip() or line.strip().startswith("--") for line in chunk.splitlines())
