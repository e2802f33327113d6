"""The journal's daily upkeep while the app runs: the backup, then retention of archived bytes.

Once a day, after the configured time (journal.backup_time), a copy of the journal is made with
SQLite's online backup into the backup folder and the oldest copies beyond `backup_keep` are
removed; then bytes past `retention_days` are pruned. A day whose time passed while the app was
closed gets its copy soon after the next start. The day of the last copy is kept in the
journal's app_state, so two runs on the same day make one copy. Failures are told (the
`on_result` callback) and tried again an hour later; the app goes on either way.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, tzinfo
from pathlib import Path

from cashier_app.journal.backup import BackupError, BackupResult, backup_journal
from cashier_app.journal.db import Journal, utc_now
from cashier_app.journal.retention import RetentionResult, prune_archived_bytes
from cashier_app.journal.settings import JournalSettings

log = logging.getLogger(__name__)

LAST_BACKUP_KEY = "upkeep.last_backup_day"
LAST_BACKUP_PATH_KEY = "upkeep.last_backup_path"
RETRY_S = 3600.0


@dataclass(frozen=True)
class UpkeepResult:
    backup: BackupResult | None
    retention: RetentionResult | None
    error: str | None  # what failed, in English, for the log and the technician


def backup_folder(settings: JournalSettings, journal_path: Path) -> Path:
    return Path(settings.backup_dir) if settings.backup_dir else journal_path.parent / "backups"


class JournalUpkeep:
    def __init__(self, journal: Journal, settings: JournalSettings, zone: tzinfo, *,
                 on_result: Callable[[UpkeepResult], None] | None = None, first_check_s: float = 60.0,
                 clock: Callable[[], datetime] | None = None) -> None:
        self.journal = journal
        self.settings = settings
        self.zone = zone
        self.folder = backup_folder(settings, journal.path)
        self._on_result = on_result
        self._first_check_s = first_check_s
        self._clock = clock or (lambda: datetime.now(zone))
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._lock = threading.Lock()  # one copy at a time (the daily one, "back up now")
        self._thread: threading.Thread | None = None

    # -- life cycle ------------------------------------------------------------------------

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="journal-upkeep", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 30.0) -> None:
        """Stop; a copy being written is finished first (it reads a snapshot: the app's stop is not held)."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    # -- the work --------------------------------------------------------------------------

    def due(self) -> bool:
        """Whether today's copy is still to be made (its time has come and none was made today)."""
        now = self._clock().astimezone(self.zone)
        at = time.fromisoformat(self.settings.backup_time)
        return now.time() >= at and self.last_backup_day() != now.date().isoformat()

    def last_backup_day(self) -> str | None:
        with self.journal.read() as conn:
            row = conn.execute("SELECT value FROM app_state WHERE key = ?", (LAST_BACKUP_KEY,)).fetchone()
        return str(row[0]) if row else None

    def last_backup(self) -> str | None:
        """Path of the last copy this app made (None before the first)."""
        with self.journal.read() as conn:
            row = conn.execute("SELECT value FROM app_state WHERE key = ?", (LAST_BACKUP_PATH_KEY,)).fetchone()
        return str(row[0]) if row else None

    def run_now(self) -> UpkeepResult:
        """Make a copy now, then prune past the retention limit (also what the daily run does)."""
        with self._lock:
            now = self._clock().astimezone(self.zone)
            backup = retention = None
            errors = []
            try:
                backup = backup_journal(self.journal.path, self.folder, keep=self.settings.backup_keep, now=now)
                with self.journal.tx() as conn:
                    for key, value in ((LAST_BACKUP_KEY, now.date().isoformat()), (LAST_BACKUP_PATH_KEY,
                                                                                    str(backup.path))):
                        conn.execute("INSERT INTO app_state(key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key)"
                                     " DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
                                     (key, value, utc_now()))
                log.info("journal copied to %s (%d MB); %d older copies removed", backup.path,
                         backup.size // 1_000_000, len(backup.removed))
            except (BackupError, OSError) as exc:
                log.error("journal backup failed: %s", exc)
                errors.append(str(exc))
            try:
                retention = prune_archived_bytes(self.journal, self.settings.retention_days, now=now)
                if retention.file_versions or retention.job_bytes:
                    log.info("retention: bytes removed from %d archived files and %d print jobs older than %s",
                             retention.file_versions, retention.job_bytes, retention.cutoff)
            except Exception as exc:
                log.exception("retention failed")
                errors.append(f"retention: {exc}")
            result = UpkeepResult(backup, retention, "; ".join(errors) or None)
        if self._on_result is not None:
            try:
                self._on_result(result)
            except Exception:
                log.exception("upkeep result handler failed")
        return result

    def _run(self) -> None:
        wait = self._first_check_s
        while not self._stop.is_set():
            self._wake.wait(wait)
            self._wake.clear()
            if self._stop.is_set():
                return
            wait = 60.0
            try:
                if self.settings.backup_enabled and self.due():
                    result = self.run_now()
                    if result.error:
                        wait = RETRY_S
            except Exception:
                log.exception("journal upkeep failed; trying again in an hour")
                wait = RETRY_S
