"""What the manager's pages ask of the app: the receipt history, a receipt's picture and print history,
day and shift reports, the journal's copies. No Qt here; the app implements it over the journal.

Searches, reports and the backup status are quick journal reads (a search takes a few milliseconds at a
million receipts) and run on the GUI thread. Drawing a receipt and making a copy take longer: the pages
call `preview()` and `backup_now()` from a worker thread (ui.background). Failures are exceptions with a
`code` attribute (see ui.messages) and, for a search, a `field` naming the input at fault.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from cashier_app.domain.reports import Report
from cashier_app.ui.rows import BackupStatus, HistoryQuery, HistoryResult, ReceiptPreview, ShiftRow


@runtime_checkable
class DeskServices(Protocol):
    def search(self, query: HistoryQuery, more: object | None = None, limit: int = 50) -> HistoryResult:
        """Receipts matching the query, newest first; `more` (from the last result) fetches the next page."""
        ...

    def preview(self, receipt_id: int, job_id: int | None = None) -> ReceiptPreview:
        """The receipt as printed (the copy `job_id` made, default its original) and its print history. Slow."""
        ...

    def shifts(self, day: str) -> list[ShiftRow]:
        """The shifts that started on a local day (ISO date)."""
        ...

    def report(self, kind: str, day: str | None = None, shift: int | None = None, operator: str = "") -> Report:
        """A "day" or "shift" report. No day: today (the running shift); shift: the day's Nth (default its last)."""
        ...

    def hand_over(self, note: str) -> Report:
        """交班: end the running shift now (by the person signed in); returns its report."""
        ...

    def print_report(self, report: Report) -> None:
        """Queue the report on the default printer (laid out for its paper)."""
        ...

    def report_csv(self, report: Report) -> bytes:
        """The report as CSV, UTF-8 with a BOM."""
        ...

    def backup_status(self) -> BackupStatus:
        ...

    def backup_now(self) -> BackupStatus:
        """Copy the journal now (checked, the oldest copies beyond the number kept removed). Slow."""
        ...
