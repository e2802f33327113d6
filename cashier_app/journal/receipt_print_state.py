"""How each receipt fared at the printer, derived from its print jobs (for the receipts list)."""

from __future__ import annotations

from collections.abc import Iterable

from cashier_app.journal.db import Journal

NOT_PRINTED = "not_printed"
QUEUED = "queued"
HELD = "held"
PRINTED = "printed"
REPRINTED = "reprinted"


def print_states(journal: Journal, receipt_ids: Iterable[int]) -> dict[int, str]:
    """receipt id → not_printed | queued | held | printed | reprinted (latest job decides, done wins)."""
    ids = list(receipt_ids)
    states = dict.fromkeys(ids, NOT_PRINTED)
    if not ids:
        return states
    marks = ",".join("?" * len(ids))
    with journal.read() as conn:
        rows = conn.execute(
            f"SELECT receipt_id, state, is_reprint FROM print_jobs WHERE receipt_id IN ({marks}) ORDER BY id", ids
        ).fetchall()
    for row in rows:
        rid, state, reprint = int(row["receipt_id"]), row["state"], bool(row["is_reprint"])
        current = states[rid]
        if state == "done":
            states[rid] = REPRINTED if reprint or current in (PRINTED, REPRINTED) else PRINTED
        elif state in ("queued", "sending") and current not in (PRINTED, REPRINTED):
            states[rid] = QUEUED
        elif state == "held" and current not in (PRINTED, REPRINTED):
            states[rid] = HELD
    return states
