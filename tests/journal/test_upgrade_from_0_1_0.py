"""An upgrade in place keeps the data and migrates it: a journal written by release 0.1.0 (schema 7,
tests/journal/fixtures/journal-0.1.0.sql, a demo till's journal: receipts, archived files, print
jobs with their log, a case with its steps, the audit) opens in this version, every newer migration
is applied, and everything in it is still there and readable by the app's own stores.

When a release adds a migration, this test runs it on real 0.1.0 data; a later release adds its own
fixture beside this one."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from cashier_app.journal import db
from cashier_app.journal.db import Journal, available_migrations
from cashier_app.journal.print_jobs import PrintJobStore
from cashier_app.journal.receipts import ReceiptStore

FIXTURE = Path(__file__).parent / "fixtures" / "journal-0.1.0.sql"
TABLES = ("receipts", "file_versions", "print_jobs", "print_job_log", "cases", "case_steps", "orders_seen", "audit")


def _journal_of_0_1_0(tmp_path: Path) -> tuple[Path, dict[str, int]]:
    path = tmp_path / "data" / "journal.sqlite3"
    path.parent.mkdir(parents=True)
    with sqlite3.connect(path) as conn:
        conn.executescript(FIXTURE.read_text(encoding="utf-8"))
        counts = {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}
        assert conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()[0] == 7
    conn.close()
    return path, counts


def test_a_0_1_0_journal_opens_migrates_and_keeps_everything(tmp_path: Path) -> None:
    path, before = _journal_of_0_1_0(tmp_path)
    journal = Journal(path)
    try:
        assert journal.schema_version() == max(v for v, _, _ in available_migrations())
        with journal.read() as conn:
            after = {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}
        assert after == before
        assert before["receipts"] >= 5 and before["cases"] >= 1
        receipts = ReceiptStore(journal).recent(100)
        assert len(receipts) == before["receipts"]
        assert all(r.receipt.out_trade_no for r in receipts)
        jobs = PrintJobStore(journal).list_jobs()
        assert len(jobs) == before["print_jobs"] and all(job.state == "done" for job in jobs)
    finally:
        journal.close()


def test_a_migration_added_later_runs_on_0_1_0_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What the next release's migration meets: the same mechanism, on real 0.1.0 rows."""
    shipped = available_migrations()
    newest = max(v for v, _, _ in shipped)
    later = (newest + 1, f"{newest + 1:04d}_later.sql",
             "ALTER TABLE receipts ADD COLUMN later_note TEXT NOT NULL DEFAULT '';\n"
             "CREATE INDEX receipts_later_note ON receipts(later_note);\n")
    monkeypatch.setattr(db, "available_migrations", lambda: [*shipped, later])
    path, before = _journal_of_0_1_0(tmp_path)
    journal = Journal(path)
    try:
        assert journal.schema_version() == newest + 1
        with journal.read() as conn:
            notes = {row[0] for row in conn.execute("SELECT later_note FROM receipts")}
            count = conn.execute("SELECT COUNT(*) FROM receipts").fetchone()[0]
        assert notes == {""} and count == before["receipts"]
    finally:
        journal.close()


def test_a_journal_of_a_newer_release_is_refused_not_damaged(tmp_path: Path) -> None:
    """A downgrade: the journal says so instead of running old code on a newer schema."""
    path, _ = _journal_of_0_1_0(tmp_path)
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO schema_migrations VALUES (9999, '9999_future.sql', '2030-01-01T00:00:00+00:00')")
    conn.close()
    with pytest.raises(db.JournalError, match="newer version of the app"):
        Journal(path)
