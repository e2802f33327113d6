"""Reading the journal without changing it.

`Journal(path)` creates a missing file and applies migrations: right for the app, wrong for a
technician's look at a till whose app may be running (or may be a newer version). This opens the
file read-only, so the stores of the journal package (which only call `read()`) work unchanged,
and any write attempt fails loudly instead of altering the evidence.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from cashier_app.journal.db import Journal, JournalError, available_migrations


class ReadOnlyJournal(Journal):
    """A Journal opened with SQLite's `mode=ro`: `read()` works, `tx()` and `migrate()` refuse."""

    def __init__(self, path: Path) -> None:  # the parent's __init__ would create and migrate
        self.path = path
        self._ro_lock = threading.RLock()
        if not path.is_file():
            raise JournalError(f"no journal at {path}")
        uri = path.resolve().as_uri() + "?mode=ro"
        try:
            self._ro_conn = sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=5)
            self._ro_conn.row_factory = sqlite3.Row
            self._ro_conn.execute("PRAGMA query_only=ON")
            self._ro_conn.execute("PRAGMA busy_timeout=5000")
            self._ro_conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        except sqlite3.Error as exc:
            raise JournalError(f"cannot open the journal {path} for reading: {exc}") from exc

    def migrate(self) -> list[int]:
        raise JournalError("the journal is open read-only for diagnosis: no migrations")

    @contextmanager
    def tx(self) -> Iterator[sqlite3.Connection]:
        raise JournalError("the journal is open read-only for diagnosis: no writes")
        yield self._ro_conn  # never reached; makes this a generator for contextmanager

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        with self._ro_lock:
            yield self._ro_conn

    def close(self) -> None:
        with self._ro_lock:
            self._ro_conn.close()


@dataclass(frozen=True)
class JournalState:
    """What opening the journal read-only found."""

    path: str
    exists: bool
    schema_version: int | None  # None when it could not be read
    newest_known: int  # the newest migration this app ships
    size_bytes: int | None
    error: str | None

    @property
    def readable(self) -> bool:
        return self.error is None and self.schema_version is not None


def inspect_journal(path: Path) -> tuple[JournalState, ReadOnlyJournal | None]:
    """Open the journal read-only if it exists; the caller closes the journal it gets back."""
    newest = max((v for v, _, _ in available_migrations()), default=0)
    if not path.exists():
        return JournalState(str(path), False, None, newest, None, None), None
    size = path.stat().st_size if path.is_file() else None
    try:
        journal = ReadOnlyJournal(path)
    except JournalError as exc:
        return JournalState(str(path), True, None, newest, size, str(exc)), None
    try:
        version = journal.schema_version()
    except sqlite3.Error as exc:
        journal.close()
        return JournalState(str(path), True, None, newest, size, f"not a journal of this app: {exc}"), None
    return JournalState(str(path), True, version, newest, size, None), journal
