from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from cashier_app.journal.db import Journal, JournalError, available_migrations


def test_fresh_journal_applies_every_migration_in_wal_mode(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "j.sqlite3")
    shipped = [v for v, _, _ in available_migrations()]
    assert shipped == sorted(shipped) and shipped[0] == 1
    assert journal.schema_version() == shipped[-1]
    with journal.read() as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"file_versions", "receipts", "print_jobs", "app_state"} <= tables
    journal.close()


def test_reopening_applies_nothing_twice(tmp_path: Path) -> None:
    Journal(tmp_path / "j.sqlite3").close()
    journal = Journal(tmp_path / "j.sqlite3")
    assert journal.migrate() == []
    journal.close()


def test_journal_from_a_newer_app_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    Journal(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO schema_migrations VALUES (9999, '9999_future.sql', 'x')")
    conn.commit()
    conn.close()
    with pytest.raises(JournalError, match="newer version"):
        Journal(path)


def test_failed_write_transaction_rolls_back(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "j.sqlite3")
    with pytest.raises(RuntimeError), journal.tx() as conn:
        conn.execute("INSERT INTO app_state VALUES ('k', 'v', 'now')")
        raise RuntimeError("boom")
    with journal.read() as conn:
        assert conn.execute("SELECT COUNT(*) FROM app_state").fetchone()[0] == 0
    journal.close()
