"""A receipt's print history, as a manager reads it: the original, then each reprint with its
reason, person and time, then the jobs still held or queued and the cancelled ones."""

from __future__ import annotations

from dataclasses import dataclass

from cashier_app.journal.db import Journal
from cashier_app.journal.print_jobs import CANCELLED, DONE, PrintJobRecord

# Sections of the history, in the order they are shown.
ORIGINAL = "original"
REPRINT = "reprint"
PENDING = "pending"  # queued, held or being sent
CANCELLED_JOB = "cancelled"


@dataclass(frozen=True)
class PrintHistoryEntry:
    job: PrintJobRecord
    section: str  # ORIGINAL, REPRINT, PENDING or CANCELLED_JOB

    @property
    def when(self) -> str:
        """UTC time the entry is about: printed, cancelled, or asked for."""
        job = self.job
        if job.state == DONE and job.done_at:
            return job.done_at
        if job.state == CANCELLED and job.cancelled_at:
            return job.cancelled_at
        return job.created_at


def print_history(journal: Journal, receipt_id: int) -> list[PrintHistoryEntry]:
    with journal.read() as conn:
        rows = conn.execute("SELECT * FROM print_jobs WHERE receipt_id = ? ORDER BY id", (receipt_id,)).fetchall()
    entries = [PrintHistoryEntry(job, _section(job)) for job in map(PrintJobRecord.from_row, rows)]
    order = {ORIGINAL: 0, REPRINT: 1, PENDING: 2, CANCELLED_JOB: 3}
    return sorted(entries, key=lambda e: (order[e.section], e.when, e.job.id))


def _section(job: PrintJobRecord) -> str:
    if job.state == CANCELLED:
        return CANCELLED_JOB
    if job.state != DONE:
        # The original still waiting is the original all the same: it heads the history.
        return ORIGINAL if not job.is_reprint else PENDING
    return REPRINT if job.is_reprint else ORIGINAL
