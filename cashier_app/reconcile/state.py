"""How the reconciler's place in the platform's list moves on (kept in the journal, see
cashier_app.journal.reconcile_state): page by page through a scan, and at its end to the
high-water mark less an overlap, so that a restart neither misses nor repeats an order."""

from __future__ import annotations

from datetime import datetime, timedelta

from cashier_app.journal.reconcile_state import ListPosition


def advance(position: ListPosition, updated: list[datetime], next_cursor: str | None,
            overlap_s: float) -> ListPosition:
    """The position after one page: continue the scan from `next_cursor`, or, at its end, start
    the next scan at the high-water mark less the overlap (never earlier than this scan started)."""
    marks = list(updated)
    if position.scan_high_water:
        marks.append(datetime.fromisoformat(position.scan_high_water))
    high = max(marks) if marks else None
    if next_cursor:
        return ListPosition(position.updated_since, next_cursor, high.isoformat() if high else None)
    since = position.updated_since
    if high is not None:
        candidate = high - timedelta(seconds=overlap_s)
        if since is None or candidate > datetime.fromisoformat(since):
            since = candidate.isoformat()
    return ListPosition(since, None, None)
