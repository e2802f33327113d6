"""The receipts the watcher recorded, as the reconciliation rules read them.

A lean read of the journal's `receipts` table (columns of migration 0001): the rules need the
number, kind, amount and when the receipt was seen, not its text, and they read a day of
receipts on every poll.
"""

from __future__ import annotations

from datetime import datetime

from cashier_app.domain.paper import TRAINING_KEY_PREFIX, order_of_key
from cashier_app.domain.reconcile import ReceiptSeen
from cashier_app.journal.db import Journal


def receipts_since(journal: Journal, since_utc: str, *, training: bool = False) -> list[ReceiptSeen]:
    """Receipts recorded at or after `since_utc` (journal time, UTC ISO), of live or training mode.

    Bank-card slips carry no merchant order number: they come back with `out_trade_no` None and
    the rules never raise them as unmatched.
    """
    with journal.read() as conn:
        rows = conn.execute(
            "SELECT id, out_trade_no, kind, amount, created_at, paper FROM receipts"
            " WHERE created_at >= ? AND training = ? ORDER BY id",
            (since_utc, int(training))).fetchall()
    return [
        ReceiptSeen(receipt_id=int(r["id"]), out_trade_no=r["out_trade_no"] or None, kind=str(r["kind"]),
                    amount=r["amount"], seen_at=datetime.fromisoformat(r["created_at"]), repeat=r["paper"] == "repeat")
        for r in rows
    ]


def printed_from_record(journal: Journal, since_utc: str, *, training: bool = False) -> frozenset[str]:
    """Orders given their original paper (printed or on its way) without a receipt of theirs since
    `since_utc`: printed from the platform's record by reconciliation, F9 or the lookup page."""
    with journal.read() as conn:
        rows = conn.execute(
            "SELECT paper_key FROM print_jobs WHERE original = 1 AND state != 'cancelled' AND receipt_id IS NULL"
            " AND paper_key IS NOT NULL AND created_at >= ?", (since_utc,)).fetchall()
    numbers = set()
    for row in rows:
        key = str(row[0])
        if key.startswith(TRAINING_KEY_PREFIX) == training and (number := order_of_key(key)) is not None:
            numbers.add(number)
    return frozenset(numbers)
