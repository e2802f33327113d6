"""The manager's desk for the window (ui.desk_services.DeskServices) over the app's services."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from cashier_app.app.receipt_preview import PreviewError, ReceiptPicture
from cashier_app.app.reports_service import ReportError
from cashier_app.app.services import AppServices
from cashier_app.app.upkeep import backup_folder
from cashier_app.domain.errors import CodedError
from cashier_app.domain.local_time import MINUTE, store_time
from cashier_app.domain.receipt_search import QueryError, ReceiptQuery, SearchCursor, build_query
from cashier_app.domain.reports import DAY, Report, Shift
from cashier_app.journal.backup import list_backups
from cashier_app.journal.print_history import PrintHistoryEntry
from cashier_app.journal.receipt_print_state import print_states
from cashier_app.journal.receipt_search import search_receipts
from cashier_app.journal.receipts import ReceiptRecord
from cashier_app.ui.rows import (
    BackupStatus,
    HistoryQuery,
    HistoryResult,
    HistoryRow,
    PrintHistoryRow,
    ReceiptPreview,
    ShiftRow,
)


class DeskError(CodedError):
    """A request the desk cannot answer; `field` names a search input at fault."""

    def __init__(self, code: str, message: str, field: str = "") -> None:
        super().__init__(code, message, params={"detail": message, "field": field})
        self.field = field


@dataclass(frozen=True)
class _More:
    """Where the next page of a search starts (opaque to the window)."""

    query: ReceiptQuery
    cursor: SearchCursor


def printed_states(services: AppServices, records: list[ReceiptRecord]) -> dict[int, str]:
    """How each receipt fared at the printer, in the UI's words (observe mode: the till prints)."""
    states = print_states(services.journal, [r.id for r in records])
    if services.mode == "observe":
        states = {rid: "observe" if state == "not_printed" else state for rid, state in states.items()}
    return states


class AppDeskServices:
    def __init__(self, services: AppServices) -> None:
        self.services = services

    # -- history ---------------------------------------------------------------------------

    def search(self, query: HistoryQuery, more: object | None = None, limit: int = 50) -> HistoryResult:
        journal = self.services.journal
        receipt_query = more.query.next_page(more.cursor) if isinstance(more, _More) else self._query(query, limit)
        page = search_receipts(journal, receipt_query)
        states = printed_states(self.services, page.records)
        rows = []
        for record in page.records:
            r = record.receipt
            rows.append(HistoryRow(
                receipt_id=record.id, recorded_at_local=store_time(record.created_at, self.services.tz),
                out_trade_no=r.out_trade_no, channel_trade_no=r.channel_trade_no or r.reference_no,
                amount_fen=r.amount, channel=r.channel.value if r.channel else None, kind=r.kind.value,
                operator=r.operator, printed=states[record.id],
            ))
        following = _More(receipt_query, page.next_cursor) if page.next_cursor is not None else None
        return HistoryResult(tuple(rows), following)

    def _query(self, typed: HistoryQuery, limit: int) -> ReceiptQuery:
        amount, low, high = typed.amount.strip(), "", ""
        for dash in ("-", "~", "～", "—", "至"):
            if dash in amount.lstrip("-"):
                low, _, high = amount.partition(dash)
                amount = ""
                break
        try:
            return build_query(self.services.tz, number=typed.number, amount=amount, amount_min=low,
                               amount_max=high, date_from=typed.date_from, date_to=typed.date_to,
                               channel=typed.channel, operator=typed.operator, printed=typed.printed,
                               text=typed.text, limit=limit)
        except QueryError as error:
            field = "amount" if error.field.startswith("amount") else error.field
            raise DeskError(error.code, str(error), field) from None

    def preview(self, receipt_id: int, job_id: int | None = None) -> ReceiptPreview:
        try:
            picture = self.services.previewer.picture(receipt_id, job_id)
        except PreviewError as error:
            raise DeskError(error.code, str(error)) from None
        return self._preview_row(picture)

    def _preview_row(self, picture: ReceiptPicture) -> ReceiptPreview:
        r = picture.record.receipt
        return ReceiptPreview(
            receipt_id=picture.record.id, out_trade_no=r.out_trade_no, amount_fen=r.amount, kind=r.kind.value,
            png=picture.png, job_id=picture.job.id if picture.job else None, source=picture.source,
            history=tuple(self._history_row(e) for e in picture.history),
        )

    def _history_row(self, entry: PrintHistoryEntry) -> PrintHistoryRow:
        job = entry.job
        cancelled = job.state == "cancelled"
        return PrintHistoryRow(
            job_id=job.id, section=entry.section, state=job.state, copy_no=job.copy_no,
            at_local=store_time(entry.when, self.services.tz),
            person=job.cancelled_by if cancelled else job.requested_by,
            reason=job.cancel_reason if cancelled else job.reason, printer=job.printer,
            fault=job.fault_code if job.state == "held" else None,
        )

    # -- reports ---------------------------------------------------------------------------

    def shifts(self, day: str) -> list[ShiftRow]:
        return [self._shift_row(s) for s in self.services.reports.shifts_of_day(_day(day))]

    def _shift_row(self, shift: Shift) -> ShiftRow:
        def local(moment: datetime) -> str:
            same_day = moment.astimezone(self.services.tz).date() == shift.day
            return store_time(moment, self.services.tz, "%H:%M" if same_day else "%m-%d %H:%M")

        return ShiftRow(shift.number, local(shift.start), local(shift.end), shift.running, shift.closed_by)

    def report(self, kind: str, day: str | None = None, shift: int | None = None, operator: str = "") -> Report:
        reports = self.services.reports
        try:
            if kind == DAY:
                return reports.day_report(_day(day) if day else None, operator.strip() or None)
            return reports.shift_report(reports.shift(_day(day) if day else None, shift), operator.strip() or None)
        except ReportError as error:
            raise DeskError(error.code, str(error)) from None

    def hand_over(self, note: str) -> Report:
        closed, _handover = self.services.reports.hand_over(self.services.operator, note)
        return self.services.reports.shift_report(closed)

    def print_report(self, report: Report) -> None:
        self.services.print_report(report)

    def report_csv(self, report: Report) -> bytes:
        return self.services.reports.csv(report)

    # -- the journal's copies --------------------------------------------------------------

    def backup_status(self) -> BackupStatus:
        settings = self.services.config.journal
        folder = backup_folder(settings, self.services.paths.journal_file)
        copies = list_backups(folder)
        newest = copies[0] if copies else None
        at = size = None
        if newest is not None:
            try:
                stat = newest.stat()
                at = store_time(datetime.fromtimestamp(stat.st_mtime, UTC), self.services.tz, MINUTE)
                size = round(stat.st_size / 1_000_000, 1)
            except OSError:
                pass
        return BackupStatus(str(folder), str(newest) if newest else None, at, len(copies), settings.backup_keep, size)

    def backup_now(self) -> BackupStatus:
        result = self.services.upkeep.run_now()
        if result.backup is None:
            raise DeskError("backup_failed", result.error or "the copy could not be made")
        return self.backup_status()


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise DeskError("date_invalid", f"{text!r} is not a date", "date") from None
