"""Facts about the app itself that outlive a run, in the journal's `app_state` table."""

from __future__ import annotations

from datetime import UTC, datetime

from cashier_app.journal.db import Journal, utc_now

FIRST_STARTED = "app.first_started_at"


def first_started(journal: Journal, *, now: str | None = None) -> str:
    """When the app first ran on this journal (UTC ISO), recorded by the first call and kept from then on.

    Orders paid before it were never watched: their receipts cannot be missing. Whole seconds, as the
    platform writes its times: an order paid in the second the app started counts as watched.
    """
    moment = now or datetime.now(UTC).replace(microsecond=0).isoformat(timespec="microseconds")
    with journal.tx() as conn:
        conn.execute("INSERT INTO app_state(key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO NOTHING",
                     (FIRST_STARTED, moment, utc_now()))
        row = conn.execute("SELECT value FROM app_state WHERE key = ?", (FIRST_STARTED,)).fetchone()
    return str(row[0])
