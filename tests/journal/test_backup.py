"""The journal's copies: made while the app writes, checked, kept N, restored; a damaged copy or one
from a newer app is refused, and nothing is lost on the way."""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from cashier_app.journal.backup import (
    BackupError,
    backup_journal,
    check_journal,
    list_backups,
    restore_journal,
)
from cashier_app.journal.db import Journal
from tests.helpers.print_queue import add_receipt

T0 = datetime(2026, 11, 24, 3, 0, 0)


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    j = Journal(tmp_path / "data" / "journal.sqlite3")
    for n in range(200):
        add_receipt(j, f"收银小票 {n}")
    yield j
    j.close()


def count(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT COUNT(*) FROM receipts").fetchone()[0])
    finally:
        conn.close()


def test_a_copy_made_while_the_app_writes_is_whole_and_consistent(journal: Journal, tmp_path: Path) -> None:
    stop = threading.Event()
    written: list[int] = []

    def till() -> None:
        while not stop.is_set():
            written.append(add_receipt(journal, "写入中"))

    writer = threading.Thread(target=till)
    writer.start()
    try:
        while len(written) < 50:  # the writer is well under way
            stop.wait(0.01)
        before = count(journal.path)
        result = backup_journal(journal.path, tmp_path / "copies", keep=3, now=T0)
        during = len(written)
    finally:
        stop.set()
        writer.join()
    assert during > 50 and written  # the app kept writing while the copy was made
    checked = check_journal(result.path)
    assert checked.ok, checked.problems
    # A snapshot: at least what was there before, never more than what exists now, and every row whole.
    assert checked.receipts is not None and before <= checked.receipts <= count(journal.path)
    conn = sqlite3.connect(result.path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one self-contained file
    texts = [r[0] for r in conn.execute("SELECT text FROM receipts ORDER BY id")]
    conn.close()
    assert all(t.startswith(("收银小票", "写入中")) for t in texts)
    assert not list((tmp_path / "copies").glob(".*.part"))


def test_only_the_newest_copies_are_kept(journal: Journal, tmp_path: Path) -> None:
    folder = tmp_path / "copies"
    made = [backup_journal(journal.path, folder, keep=2, now=T0 + timedelta(days=d)).path for d in range(4)]
    assert list_backups(folder) == [made[3], made[2]]


def test_check_says_what_it_found_on_a_damaged_copy(journal: Journal, tmp_path: Path) -> None:
    good = backup_journal(journal.path, tmp_path / "copies", keep=1, now=T0).path
    damaged = tmp_path / "damaged.sqlite3"
    data = bytearray(good.read_bytes())
    page = 4096
    data[page * 2: page * 5] = b"\xa5" * (page * 3)  # pages of tables and indexes overwritten
    damaged.write_bytes(bytes(data))
    result = check_journal(damaged)
    assert not result.ok and result.problems
    assert "damaged" in result.describe()
    assert not check_journal(tmp_path / "missing.sqlite3").ok
    with pytest.raises(BackupError, match="damaged"):
        restore_journal(damaged, journal.path, now=T0)


def test_restore_puts_the_copy_in_place_and_keeps_the_journal_it_replaces(journal: Journal, tmp_path: Path) -> None:
    copy = backup_journal(journal.path, tmp_path / "copies", keep=1, now=T0).path
    add_receipt(journal, "备份后的小票")
    journal.close()
    kept = restore_journal(copy, journal.path, now=T0)
    # The old journal's log was folded into it before it was kept: nothing of it is left to be
    # applied to the restored copy.
    assert not Path(f"{journal.path}-wal").exists()
    assert kept is not None and count(kept) == 201
    assert count(journal.path) == 200
    reopened = Journal(journal.path)  # the restored journal opens and migrates like any other
    assert reopened.schema_version() >= 5
    reopened.close()


def test_restore_refuses_a_copy_from_a_newer_app(journal: Journal, tmp_path: Path) -> None:
    copy = backup_journal(journal.path, tmp_path / "copies", keep=1, now=T0).path
    conn = sqlite3.connect(copy)
    conn.execute("INSERT INTO schema_migrations VALUES (9999, '9999_future.sql', 'x')")
    conn.commit()
    conn.close()
    with pytest.raises(BackupError, match="newer version"):
        restore_journal(copy, journal.path, now=T0)
    assert count(journal.path) == 200  # untouched


def test_backing_up_a_missing_journal_says_so(tmp_path: Path) -> None:
    with pytest.raises(BackupError, match="no journal"):
        backup_journal(tmp_path / "none.sqlite3", tmp_path / "copies", keep=1, now=T0)


def test_a_copy_cut_off_by_a_kill_is_cleared_by_a_later_one(journal: Journal, tmp_path: Path) -> None:
    folder = tmp_path / "copies"
    folder.mkdir()
    cut_off = folder / ".journal-20261123-030000.sqlite3.part"
    cut_off.write_bytes(b"half a copy")
    os.utime(cut_off, (T0.timestamp() - 7200, T0.timestamp() - 7200))
    journal_of_it = folder / ".journal-20261123-030000.sqlite3.part-journal"
    journal_of_it.write_bytes(b"rollback journal of the copy")
    os.utime(journal_of_it, (T0.timestamp() - 7200, T0.timestamp() - 7200))
    fresh = folder / ".journal-20261124-025959.sqlite3.part"  # another process writing right now
    fresh.write_bytes(b"being written")
    os.utime(fresh, (T0.timestamp() - 1, T0.timestamp() - 1))
    result = backup_journal(journal.path, folder, keep=3, now=T0)
    assert list_backups(folder) == [result.path]
    assert not cut_off.exists() and not journal_of_it.exists() and fresh.exists()
