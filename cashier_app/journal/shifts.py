"""Shift handovers (交班) in the journal: the running shift ends, the next begins."""

from __future__ import annotations

from datetime import UTC, datetime

from cashier_app.domain.reports import Handover
from cashier_app.journal.db import Journal, utc_now


class ShiftStore:
    def __init__(self, journal: Journal) -> None:
        self.journal = journal

    def hand_over(self, by: str, note: str = "", *, training: bool = False, at: str | None = None) -> Handover:
        """Close the running shift now (UTC `at` for tests and imports); returns the handover."""
        when = at or utc_now()
        with self.journal.tx() as conn:
            conn.execute("INSERT INTO shift_handovers(at, by_person, note, training) VALUES (?, ?, ?, ?)",
                         (when, by, note, int(training)))
        return Handover(datetime.fromisoformat(when), by, note)

    def handovers(self, since: datetime, until: datetime, *, training: bool = False) -> list[Handover]:
        """Handovers in [since, until), oldest first."""
        with self.journal.read() as conn:
            rows = conn.execute(
                "SELECT at, by_person, note FROM shift_handovers WHERE at >= ? AND at < ? AND training = ?"
                " ORDER BY at, id",
                (_utc(since), _utc(until), int(training)),
            ).fetchall()
        return [Handover(datetime.fromisoformat(r["at"]), str(r["by_person"]), str(r["note"])) for r in rows]


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")
