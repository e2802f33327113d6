"""A receipt's print history, as a manager reads it: the original, then each reprint with its
reason, person and time, then the jobs still held or queued and the cancelled ones.

A receipt's paper is its document's (domain/paper.py): a sale's original may have been printed
from the platform's record before its print.txt came, so the history holds every job of the
document, not only those laid out from this receipt.
"""

from __future__ import annotations

from dataclasses import dataclass

from cashier_app.domain.paper import paper_key
from cashier_app.domain.receipt import ReceiptKind
from cashier_app.journal.db import Journal
from cashier_app.journal.print_jobs import CANCELLED, DONE, PrintJobRecord
from cashier_app.journal.receipts import ReceiptRecord

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


def print_history(journal: Journal, record: ReceiptRecord) -> list[PrintHistoryEntry]:
    receipt = record.receipt
    key = paper_key(receipt.out_trade_no, refund=receipt.kind is ReceiptKind.REFUND, receipt_id=record.id,
                    training=record.training)
    with journal.read() as conn:
        rows = conn.execute("SELECT * FROM print_jobs WHERE receipt_id = ? OR paper_key = ? ORDER BY id",
                            (record.id, key)).fetchall()
    entries = [PrintHistoryEntry(job, _section(job)) for job in map(PrintJobRecord.from_row, rows)]
    order = {ORIGINAL: 0, REPRINT: 1, PENDING: 2, CANCELLED_JOB: 3}
    return sorted(entries, key=lambda e: (order[e.section], e.when, e.job.id))


def _section(job: PrintJobRecord) -> str:
    if job.state == CANCELLED:
        return CANCELLED_JOB
    # The original is the document's first paper (an original sent again after an interruption
    # stays its original, marked REPRINT on paper); waiting, it still heads the history.
    first = job.original or (job.paper_key is None and not job.is_reprint)
    if first:
        return ORIGINAL
    return REPRINT if job.state == DONE else PENDING
