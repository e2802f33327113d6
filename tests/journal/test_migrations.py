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
def test_history_migration_fills_its_tables_from_a_journal_written_before_it(tmp_path: Path) -> None:
    """A journal from before the history indexes: the receipts it holds are searchable by their words
    and their paper state once the app opens it."""
    from cashier_app.domain.local_time import store_zone
    from cashier_app.domain.receipt_search import build_query
    from cashier_app.journal.db import _split_sql, utc_now
    from cashier_app.journal.receipt_search import search_receipts

    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                 " applied_at TEXT NOT NULL)")
    for version, name, sql in available_migrations():
        if name.endswith("_history.sql"):
            break
        for statement in _split_sql(sql):
            conn.execute(statement)
        conn.execute("INSERT INTO schema_migrations VALUES (?, ?, 'before')", (version, name))
    now = utc_now()
    for n, text in enumerate(["商品：可乐", "商品：雪碧"], start=1):
        conn.execute("INSERT INTO file_versions(id, path, seen_at, mtime_ns, size, sha256, content, outcome)"
                     " VALUES (?, 'print.txt', ?, 0, 1, 'x', x'00', 'receipt')", (n, now))
        conn.execute("INSERT INTO receipts(id, file_version_id, created_at, encoding, kind, text)"
                     " VALUES (?, ?, ?, 'utf-8', 'SALE', ?)", (n, n, now, text))
    conn.execute("INSERT INTO print_jobs(receipt_id, printer, state, created_at) VALUES (1, 'p', 'done', ?)", (now,))
    conn.commit()
    conn.close()
    journal = Journal(path)
    zone = store_zone("+08:00")
    assert [r.id for r in search_receipts(journal, build_query(zone, text="雪碧")).records] == [2]
    assert [r.id for r in search_receipts(journal, build_query(zone, printed="no")).records] == [2]
    assert [r.id for r in search_receipts(journal, build_query(zone, printed="yes")).records] == [1]
    journal.close()


def test_migration_files_split_into_whole_statements() -> None:
    from cashier_app.journal.db import _split_sql

    sql = ("-- a comment; with a semicolon\nCREATE TABLE t (a TEXT DEFAULT 'x;y');\n"
           "CREATE TRIGGER tr AFTER INSERT ON t BEGIN\n  INSERT INTO t VALUES ('b');\n  SELECT 1;\nEND;\n-- end\n")
    statements = _split_sql(sql)
    assert len(statements) == 2
    assert statements[1].startswith("CREATE TRIGGER") and statements[1].endswith("END")
