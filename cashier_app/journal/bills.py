"""The daily bills imported into the journal (tables `bill_entries`, `bill_imports`).

A day is imported whole, in one transaction (a second import of the same day replaces the first),
so that a crash never leaves half a bill. The entries also answer "how much of this order has
been refunded?" for the WeChat Pay adapter, which cannot tell a full refund from a partial one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date

from cashier_app.domain.bill import DailyBill
from cashier_app.journal.db import Journal, utc_now


@dataclass(frozen=True)
class BillImport:
    platform: str
    day: date
    imported_at: str
    entries: int
    digest: str
    findings: int


class BillStore:
    def __init__(self, journal: Journal, *, training: bool = False) -> None:
        self._journal = journal
        self._training = int(training)

    def save(self, bill: DailyBill, findings: int) -> None:
        with self._journal.tx() as conn:
            conn.execute("DELETE FROM bill_entries WHERE platform = ? AND day = ?",
                         (bill.platform, bill.day.isoformat()))
            conn.executemany(
                "INSERT INTO bill_entries(platform, day, kind, out_trade_no, channel_trade_no, at, amount, refund_no,"
                " device) VALUES (?,?,?,?,?,?,?,?,?)",
                [(bill.platform, bill.day.isoformat(), e.kind.value, e.out_trade_no, e.channel_trade_no,
                  e.at.astimezone(UTC).isoformat(), e.amount, e.refund_no, e.device) for e in bill.entries])
            conn.execute(
                "INSERT INTO bill_imports(platform, day, imported_at, entries, digest, findings, training)"
                " VALUES (?,?,?,?,?,?,?) ON CONFLICT(platform, day, training) DO UPDATE SET"
                " imported_at = excluded.imported_at, entries = excluded.entries, digest = excluded.digest,"
                " findings = excluded.findings",
                (bill.platform, bill.day.isoformat(), utc_now(), len(bill.entries), bill.digest, findings,
                 self._training))

    def imported(self, platform: str, day: date) -> BillImport | None:
        with self._journal.read() as conn:
            row = conn.execute("SELECT * FROM bill_imports WHERE platform = ? AND day = ? AND training = ?",
                               (platform, day.isoformat(), self._training)).fetchone()
        if row is None:
            return None
        return BillImport(row["platform"], date.fromisoformat(row["day"]), row["imported_at"], row["entries"],
                          row["digest"], row["findings"])

    def refunded(self, out_trade_no: str) -> int | None:
        """Fen refunded of an order in every bill imported; None when no bill shows a refund."""
        with self._journal.read() as conn:
            row = conn.execute("SELECT SUM(amount) FROM bill_entries WHERE out_trade_no = ? AND kind = 'refund'",
                               (out_trade_no,)).fetchone()
        return int(row[0]) if row and row[0] is not None else None
