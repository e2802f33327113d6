"""The journal's daily upkeep: one copy a day after its time (also after a start that missed it),
old copies beyond the number kept removed, retention run, failures told and tried again."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from cashier_app.app.upkeep import JournalUpkeep, UpkeepResult
from cashier_app.journal.backup import check_journal, list_backups
from cashier_app.journal.db import Journal
from cashier_app.journal.settings import JournalSettings
from tests.helpers.print_queue import add_receipt

STORE = timezone(timedelta(hours=8))


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    j = Journal(tmp_path / "data" / "journal.sqlite3")
    add_receipt(j)
    yield j
    j.close()


def test_the_copy_is_due_once_a_day_after_its_time(journal: Journal, tmp_path: Path) -> None:
    clock = [datetime(2026, 11, 24, 2, 59, tzinfo=STORE)]
    settings = JournalSettings(backup_dir=str(tmp_path / "copies"), backup_keep=2, backup_time="03:00")
    upkeep = JournalUpkeep(journal, settings, STORE, clock=lambda: clock[0])
    assert not upkeep.due()  # before 03:00
    clock[0] = datetime(2026, 11, 24, 3, 0, tzinfo=STORE)
    assert upkeep.due()
    result = upkeep.run_now()
    assert result.error is None and result.backup is not None and check_journal(result.backup.path).ok
    assert not upkeep.due()  # one copy a day
    assert upkeep.last_backup_day() == "2026-11-24" and upkeep.last_backup() == str(result.backup.path)
    for day in (25, 26, 27):  # the app was closed at 03:00: the copy comes at the next look after it
        clock[0] = datetime(2026, 11, day, 9, 30, tzinfo=STORE)
        assert upkeep.due()
        upkeep.run_now()
    assert [p.name for p in list_backups(tmp_path / "copies")] == ["journal-20261127-093000.sqlite3",
                                                                   "journal-20261126-093000.sqlite3"]


def test_the_thread_makes_the_copy_and_tells(journal: Journal, tmp_path: Path) -> None:
    told: list[UpkeepResult] = []
    done = threading.Event()

    def on_result(result: UpkeepResult) -> None:
        told.append(result)
        done.set()

    settings = JournalSettings(backup_dir=str(tmp_path / "copies"), backup_time="00:00")
    upkeep = JournalUpkeep(journal, settings, STORE, on_result=on_result, first_check_s=0.01)
    upkeep.start()
    try:
        assert done.wait(10)
    finally:
        upkeep.stop()
    (result,) = told
    assert result.backup is not None and result.retention is not None and result.error is None


def test_a_copy_that_cannot_be_written_is_told_and_the_app_goes_on(journal: Journal, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    upkeep = JournalUpkeep(journal, JournalSettings(backup_dir=str(blocker)), STORE,
                           clock=lambda: datetime(2026, 11, 24, 4, tzinfo=STORE))
    result = upkeep.run_now()
    assert result.backup is None and result.error and "could not copy" in result.error
    assert result.retention is not None  # retention still ran
    assert upkeep.due()  # still due: tried again later
