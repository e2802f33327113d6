"""Copies of the journal: the daily online backup, restore, and an integrity check.

The backup reads one consistent snapshot through a connection of its own: in WAL mode the app
keeps writing meanwhile, and what it writes after the snapshot goes into the next copy. A copy
is written beside its final name and renamed only once it is whole and checked, so a crash
never leaves a half copy among the good ones.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cashier_app.journal.db import available_migrations

BACKUP_NAME = re.compile(r"^journal-(\d{8}-\d{6})\.sqlite3$")


class BackupError(RuntimeError):
    """A copy that could not be made, checked or restored; the message says why."""


@dataclass(frozen=True)
class CheckResult:
    path: Path
    ok: bool
    problems: tuple[str, ...]  # integrity_check's findings ("ok" gives none)
    schema_version: int | None  # None when the file could not be read as a journal
    receipts: int | None

    def describe(self) -> str:
        if self.ok:
            return f"{self.path}: ok (schema {self.schema_version}, {self.receipts} receipts)"
        return f"{self.path}: damaged: " + "; ".join(self.problems)


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int
    removed: tuple[Path, ...]  # older copies removed to keep `keep`


def backup_journal(journal_path: Path, target_dir: Path, *, keep: int, now: datetime) -> BackupResult:
    """Copy the journal online into `target_dir` as journal-YYYYMMDD-HHMMSS.sqlite3, keep the newest `keep`."""
    if not journal_path.exists():
        raise BackupError(f"there is no journal at {journal_path}")
    final = target_dir / f"journal-{now:%Y%m%d-%H%M%S}.sqlite3"
    part = target_dir / f".{final.name}.part"
    try:
        target_dir.mkdir(parents=True, exist_ok=True)
        part.unlink(missing_ok=True)
        _remove_stale_parts(target_dir, now)
        source = sqlite3.connect(f"file:{journal_path}?mode=ro", uri=True, timeout=30)
        try:
            target = sqlite3.connect(str(part))
            try:
                source.backup(target)  # one step: one read snapshot, writers go on in the WAL
                target.execute("PRAGMA journal_mode=DELETE")  # the copy is one self-contained file
                problems = _integrity(target, quick=True)
            finally:
                target.close()
        finally:
            source.close()
        if problems:
            raise BackupError(f"the copy failed its check: {'; '.join(problems[:5])}")
        with open(part, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(part, final)
    except (sqlite3.Error, OSError) as exc:
        with contextlib.suppress(OSError):
            part.unlink(missing_ok=True)
        raise BackupError(f"could not copy the journal to {target_dir}: {exc}") from exc
    return BackupResult(final, final.stat().st_size, tuple(prune_backups(target_dir, keep)))


# A copy being written for longer than this was cut off (the app or the command was killed).
STALE_PART_S = 3600.0


def _remove_stale_parts(target_dir: Path, now: datetime) -> None:
    for stale in target_dir.glob(".journal-*.sqlite3.part*"):  # the copy, and SQLite's journal of it
        with contextlib.suppress(OSError):
            if now.timestamp() - stale.stat().st_mtime > STALE_PART_S:
                stale.unlink()


def list_backups(target_dir: Path) -> list[Path]:
    """The copies in a folder, newest first."""
    if not target_dir.is_dir():
        return []
    found = [p for p in target_dir.iterdir() if BACKUP_NAME.match(p.name) and p.is_file()]
    return sorted(found, key=lambda p: p.name, reverse=True)


def prune_backups(target_dir: Path, keep: int) -> list[Path]:
    """Remove all but the newest `keep` copies; returns what was removed."""
    removed = []
    for old in list_backups(target_dir)[max(1, keep):]:
        try:
            old.unlink()
            removed.append(old)
        except OSError:
            continue  # tried again after the next copy
    return removed


def check_journal(path: Path) -> CheckResult:
    """Run SQLite's integrity_check on a journal or a copy (read-only) and say what it found."""
    if not path.is_file():
        return CheckResult(path, False, (f"no such file: {path}",), None, None)
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
    except sqlite3.Error as exc:
        return CheckResult(path, False, (f"cannot be opened: {exc}",), None, None)
    try:
        problems = _integrity(conn)
        version = receipts = None
        try:
            version = int(conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()[0] or 0)
            receipts = int(conn.execute("SELECT COUNT(*) FROM receipts").fetchone()[0])
        except sqlite3.Error as exc:
            problems = [*problems, f"not a journal of this app: {exc}"]
        return CheckResult(path, not problems, tuple(problems), version, receipts)
    except sqlite3.Error as exc:
        return CheckResult(path, False, (f"cannot be read: {exc}",), None, None)
    finally:
        conn.close()


def restore_journal(backup: Path, journal_path: Path, *, now: datetime) -> Path | None:
    """Put a copy in place of the journal. The journal it replaces is kept beside it (its path is
    returned; None when there was none). Refuses a damaged copy and one written by a newer app.
    The app must not be running (the caller checks)."""
    checked = check_journal(backup)
    if not checked.ok:
        raise BackupError(f"the copy is damaged and was not restored: {'; '.join(checked.problems[:5])}")
    newest = max(v for v, _, _ in available_migrations())
    if checked.schema_version is not None and checked.schema_version > newest:
        raise BackupError(
            f"the copy was written by a newer version of the app (schema {checked.schema_version}, "
            f"this app knows {newest}): update the app before restoring it"
        )
    journal_path.parent.mkdir(parents=True, exist_ok=True)
    incoming = journal_path.with_name(f".{journal_path.name}.restoring")
    incoming.unlink(missing_ok=True)
    shutil.copyfile(backup, incoming)
    kept: Path | None = None
    if journal_path.exists():
        # The journal's write-ahead log is folded into it first: a log left beside the restored
        # copy would be applied to it. Then the journal is kept under another name (a second link
        # to the same file: instant), and the copy takes its place in one rename, so that at every
        # moment there is a whole journal at its path, the old or the new.
        _fold_wal(journal_path)
        kept = journal_path.with_name(f"{journal_path.name}.before-restore-{now:%Y%m%d-%H%M%S}")
        try:
            os.link(journal_path, kept)
        except OSError:
            shutil.copy2(journal_path, kept)
    os.replace(incoming, journal_path)
    return kept


def _fold_wal(journal_path: Path) -> None:
    conn = sqlite3.connect(str(journal_path))
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode=DELETE")  # removes the -wal and -shm files
    finally:
        conn.close()


def _integrity(conn: sqlite3.Connection, *, quick: bool = False) -> list[str]:
    """What SQLite's integrity check found (none: whole). `quick` leaves out the indexes' contents
    (a copy read from one snapshot): a minute less at a million receipts."""
    rows = conn.execute("PRAGMA quick_check" if quick else "PRAGMA integrity_check").fetchall()
    found = [str(r[0]) for r in rows]
    return [] if found == ["ok"] else found
