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


def test_paper_migration_keeps_one_original_per_order_and_moves_audit_times_to_utc(tmp_path: Path) -> None:
    """A journal written before migration 0005 (two originals of one order printed by the old bug, an
    order printed from the platform's record, audit rows in store time) opens with one original each."""
    path = tmp_path / "j.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                 " applied_at TEXT NOT NULL)")
    for version, name, sql in available_migrations():
        if version <= 4:
            conn.executescript(sql)
            conn.execute("INSERT INTO schema_migrations VALUES (?, ?, 'x')", (version, name))
    conn.execute("INSERT INTO file_versions(id, path, seen_at, mtime_ns, size, sha256, content, outcome)"
                 " VALUES (1, 'print.txt', 'x', 0, 0, 's', x'', 'receipt')")
    for receipt_id, number, kind in ((1, "2026112200040001", "SALE"), (2, "2026112200040001", "SALE"),
                                     (3, "2026112200040001", "REFUND"), (4, None, "SALE"), (5, "N5", "SALE")):
        conn.execute("INSERT INTO receipts(id, file_version_id, created_at, encoding, kind, out_trade_no, text)"
                     " VALUES (?, 1, 'x', 'gbk', ?, ?, '')", (receipt_id, kind, number))
    jobs: list[tuple[int, int | None, str]] = [(1, 1, "done"), (2, 2, "done"), (3, 3, "done"), (4, 4, "cancelled"),
                                               (5, 4, "done"), (6, None, "done")]
    for job_id, job_receipt, state in jobs:
        conn.execute("INSERT INTO print_jobs(id, receipt_id, printer, state, created_at) VALUES (?, ?, 'receipt', ?,"
                     " 'x')", (job_id, job_receipt, state))
    conn.execute("INSERT INTO audit(at, actor, action, job_id, reason) VALUES"
                 " ('2026-11-22T10:31:05.123456+08:00', '07', 'print_order:2026112200040009', 6, 'paid_no_receipt')")
    conn.close()

    journal = Journal(path)
    with journal.read() as db:
        rows = {r["id"]: (r["paper_key"], r["original"]) for r in db.execute("SELECT * FROM print_jobs")}
        audit = db.execute("SELECT at, action, out_trade_no FROM audit").fetchone()
        papers = {r["id"]: r["paper"] for r in db.execute("SELECT id, paper FROM receipts")}
    journal.close()
    assert rows == {1: ("2026112200040001", 1), 2: ("2026112200040001", 0), 3: ("receipt:3", 1),
                    4: ("receipt:4", 0), 5: ("receipt:4", 1), 6: ("2026112200040009", 1)}
    assert tuple(audit) == ("2026-11-22T02:31:05.123000+00:00", "print_order", "2026112200040009")
    assert papers == {1: "original", 2: "original", 3: "original", 4: "original", 5: None}
