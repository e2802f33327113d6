"""The diagnosis reads the journal without changing it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from cashier_app.diagnostics.journal_access import ReadOnlyJournal, inspect_journal
from cashier_app.journal.db import Journal, JournalError
from cashier_app.journal.receipts import ReceiptStore


def test_reads_but_refuses_to_write(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    Journal(path).close()
    journal = ReadOnlyJournal(path)
    try:
        assert journal.schema_version() >= 4
        assert ReceiptStore(journal).file_versions() == []
        with pytest.raises(JournalError), journal.tx():
            pass
        with pytest.raises(JournalError):
            journal.migrate()
        with journal.read() as conn, pytest.raises(sqlite3.Error, match=r"readonly|attempt to write"):
            conn.execute("INSERT INTO app_state(key, value, updated_at) VALUES ('x', '1', 'now')")
    finally:
        journal.close()


def test_missing_journal_is_not_created(tmp_path: Path) -> None:
    path = tmp_path / "data" / "journal.sqlite3"
    state, journal = inspect_journal(path)
    assert journal is None and not state.exists and state.error is None
    assert not path.exists() and not path.parent.exists()


def test_a_file_that_is_not_a_journal_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    path.write_bytes(b"this is not SQLite" * 100)
    state, journal = inspect_journal(path)
    assert journal is None and state.exists and state.error and not state.readable


def test_a_journal_from_a_newer_app_is_read_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    writer = Journal(path)
    with writer.tx() as conn:
        conn.execute("INSERT INTO schema_migrations(version, name, applied_at) VALUES (999, '0999_future.sql', 'x')")
    writer.close()
    state, journal = inspect_journal(path)
    assert journal is not None
    journal.close()
    assert state.schema_version == 999 and state.newest_known < 999
