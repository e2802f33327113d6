"""Retention: archived bytes older than the limit are removed; what the receipts say stays.

The archived print.txt bytes (`file_versions.content`) and the ESC/POS bytes laid out for print
jobs (`print_job_bytes.payload`) are the bulk of a journal. Past the limit they are removed in
small transactions (the intake never waits long), and `pruned_at` says when. Every receipt's
fields and text, every job, case and audit row are kept for good: history, reports and reprints
work on them, and a picture is laid out again from the receipt's text when its bytes are gone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from cashier_app.journal.db import Journal, utc_now

_BATCH = 500


@dataclass(frozen=True)
class RetentionResult:
    cutoff: str  # UTC: bytes archived before this were removed
    file_versions: int  # archived print.txt versions whose bytes were removed
    job_bytes: int  # print jobs whose laid-out bytes were removed


def prune_archived_bytes(journal: Journal, days: int, *, now: datetime | None = None) -> RetentionResult:
    """Remove archived bytes older than `days` days (counted from `now`)."""
    if days < 1:
        raise ValueError("retention must keep at least one day")
    cutoff = ((now or datetime.now(UTC)) - timedelta(days=days)).astimezone(UTC).isoformat(timespec="microseconds")
    versions = _in_batches(
        journal,
        "SELECT id FROM file_versions WHERE seen_at < ? AND pruned_at IS NULL ORDER BY seen_at LIMIT ?",
        "UPDATE file_versions SET content = X'', pruned_at = ? WHERE id = ?",
        cutoff,
    )
    jobs = _in_batches(
        journal,
        "SELECT job_id FROM print_job_bytes WHERE laid_out_at < ? AND payload IS NOT NULL ORDER BY laid_out_at"
        " LIMIT ?",
        "UPDATE print_job_bytes SET payload = NULL, pruned_at = ? WHERE job_id = ?",
        cutoff,
    )
    return RetentionResult(cutoff, versions, jobs)


def _in_batches(journal: Journal, select: str, update: str, cutoff: str) -> int:
    done = 0
    while True:
        with journal.tx() as conn:
            ids = [int(r[0]) for r in conn.execute(select, (cutoff, _BATCH))]
            if not ids:
                return done
            now = utc_now()
            conn.executemany(update, [(now, i) for i in ids])
        done += len(ids)
