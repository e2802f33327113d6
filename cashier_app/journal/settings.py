"""Settings of the journal's upkeep: the daily backup and how long archived bytes are kept."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class JournalSettings:
    # A copy of the journal is made once a day, while the app runs, with SQLite's online backup.
    backup_enabled: bool = True
    # Where the copies go; empty = the "backups" folder beside the journal. Another disk (or a
    # synced folder) is better: a copy on the same disk does not survive the disk.
    backup_dir: str = ""
    # How many copies are kept (the oldest go first).
    backup_keep: int = field(default=7, metadata={"min": 1, "max": 366})
    # Local time of day for the copy (HH:MM); a copy missed while the app was closed is made soon
    # after the next start.
    backup_time: str = field(default="03:00", metadata={"pattern": r"([01]\d|2[0-3]):[0-5]\d"})
    # The archived print.txt bytes and the ESC/POS bytes sent to the printer are removed after
    # this many days; every receipt's fields and text stay for good (history, reports, reprints).
    retention_days: int = field(default=400, metadata={"min": 30, "max": 36500})
