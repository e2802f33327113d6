"""Day and shift reports against a journal with known receipts: totals checked against ones worked
out by hand, the handover, the CSV, and the paper at 58 and 80 mm drawn by the virtual printer."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from cashier_app.app.reports_service import ReportError, ReportService
from cashier_app.domain.cases import CaseKind, CaseResult
from cashier_app.domain.reports import Tally
from cashier_app.emulator.decoder import decode
from cashier_app.journal.cases import CaseStore
from cashier_app.journal.db import Journal
from cashier_app.journal.shifts import ShiftStore
from cashier_app.printing.profiles import builtin_profiles, decode_charset
from cashier_app.printing.report_layout import report_lines
from cashier_app.printing.text_width import text_width
from tests.helpers.known_receipts import STORE, fill

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=STORE)
DAY = date(2026, 11, 24)


def utc(local: str) -> str:
    return datetime.fromisoformat(local).replace(tzinfo=STORE).astimezone(UTC).isoformat(timespec="microseconds")


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    j = Journal(tmp_path / "journal.sqlite3")
    known = fill(j)
    by_number = {k.out_trade_no: k for k in known}
    with j.tx() as conn:
        # The copies were asked for five minutes after each receipt (fill() writes them "now").
        for k in known:
            conn.execute("UPDATE print_jobs SET created_at = ? WHERE receipt_id = ? AND is_reprint = 1",
                         ((k.at + timedelta(minutes=5)).astimezone(UTC).isoformat(timespec="microseconds"), k.id))
        # The platform's view: one order refunded, one closed, one reversed on the 24th; two paid
        # orders whose print.txt never came, one of them since printed from the platform's record.
        rows = [
            ("202611240015", "REFUNDED", 1250, "2026-11-24 16:21", "2026-11-24 16:00"),
            ("202611249001", "CLOSED", 700, "2026-11-24 11:00", None),
            ("202611249002", "REVOKED", 800, "2026-11-24 12:30", None),
            ("202611249003", "PAID", 2600, "2026-11-24 13:00", "2026-11-24 13:00"),
            ("202611249004", "PAID", 3300, "2026-11-24 19:00", "2026-11-24 19:00"),
            ("202611239005", "CLOSED", 900, "2026-11-23 19:00", None),  # another day
        ]
        for number, state, fen, updated, paid in rows:
            conn.execute(
                "INSERT INTO orders_seen(out_trade_no, channel, state, total_amount, created_at, paid_at, updated_at,"
                " order_json, seen_at) VALUES (?, 'WECHAT', ?, ?, ?, ?, ?, '{}', ?)",
                (number, state, fen, utc(updated), utc(paid) if paid else None, utc(updated), utc(updated)))
        conn.execute("INSERT INTO audit(at, actor, action, out_trade_no, reason) VALUES (?, 'system', 'print_order',"
                     " '202611249004', 'paid_no_receipt')", (utc("2026-11-24 19:01"),))
    assert by_number["202611240012"].paper == "reprinted"
    cases = CaseStore(j)
    opened = [
        cases.open_case(CaseKind.PAID_NO_RECEIPT, actor="system", out_trade_no="202611249003")[0],
        cases.open_case(CaseKind.PAID_NO_RECEIPT, actor="system", out_trade_no="202611249004")[0],
        cases.open_case(CaseKind.PRINTER_FAULT, actor="02")[0],
    ]
    cases.close_case(opened[1].id or 0, CaseResult.PRINTED, "01")
    with j.tx() as conn:
        for case, when in zip(opened, ("2026-11-24 13:01", "2026-11-24 19:01", "2026-11-24 09:30"), strict=True):
            conn.execute("UPDATE cases SET opened_at = ? WHERE id = ?", (utc(when), case.id))
    yield j
    j.close()


@pytest.fixture
def service(journal: Journal) -> ReportService:
    return ReportService(journal, STORE, shift_starts=[], store_name="星河便利店", clock=lambda: NOW)


def test_day_report_totals_match_the_hand_count(service: ReportService) -> None:
    report = service.day_report(DAY)
    # 24 Nov: WeChat 45.00 + 1.20 + 38.50, Alipay 38.50, UnionPay 888.00; Alipay refund 12.50.
    channels = {c.channel: (c.sales, c.refunds) for c in report.channels}
    assert channels == {
        "WECHAT": (Tally(3, 8470), Tally()),
        "ALIPAY": (Tally(1, 3850), Tally(1, 1250)),
        "UNIONPAY": (Tally(1, 88800), Tally()),
    }
    assert (report.sales, report.refunds, report.net) == (Tally(5, 101120), Tally(1, 1250), 99870)
    assert {o.operator: (o.sales, o.refunds) for o in report.operators} == {
        "01": (Tally(1, 4500), Tally(1, 1250)), "02": (Tally(2, 3970), Tally()), "03": (Tally(2, 92650), Tally())}
    assert [(o.out_trade_no, o.state) for o in report.platform_orders] == [
        ("202611249001", "CLOSED"), ("202611249002", "REVOKED"), ("202611240015", "REFUNDED")]
    assert report.platform_count("CLOSED", "REVOKED") == Tally(2, 1500)
    assert {(c.kind, c.open, c.closed) for c in report.cases} == {("paid_no_receipt", 1, 1), ("printer_fault", 1, 0)}
    assert [(r.out_trade_no, r.copy_no, r.reason, r.person, r.state) for r in report.reprints] == [
        ("202611240012", 2, "顾客要求补打", "02", "done")]
    assert [(m.out_trade_no, m.amount, m.printed_from_record) for m in report.missing_receipts] == [
        ("202611249003", 2600, False), ("202611249004", 3300, True)]
    assert report.missing_still == 1


def test_an_operator_report_counts_only_their_receipts_and_reprints(service: ReportService) -> None:
    report = service.day_report(DAY, operator="02")
    assert (report.sales, report.refunds) == (Tally(2, 3970), Tally())
    assert [r.person for r in report.reprints] == ["02"]
    assert report.notes  # the platform's figures are the whole till's: said so


def test_a_handover_splits_the_day_into_shifts_with_their_own_totals(journal: Journal, service: ReportService) -> None:
    ShiftStore(journal).hand_over("02", "午班交接", at=utc("2026-11-24 12:00"))
    first, second = service.shifts_of_day(DAY)
    assert (first.end, first.closed_by, second.opened_by) == (datetime(2026, 11, 24, 12, tzinfo=STORE), "02", "02")
    morning = service.shift_report(first)
    afternoon = service.shift_report(second)
    assert (morning.sales, morning.refunds) == (Tally(3, 8470), Tally())
    assert (afternoon.sales, afternoon.refunds) == (Tally(2, 92650), Tally(1, 1250))
    # Together they are the day.
    day = service.day_report(DAY)
    assert morning.sales + afternoon.sales == day.sales and morning.refunds + afternoon.refunds == day.refunds
    assert service.shift(DAY, 1) == first and service.shift(DAY) == second
    with pytest.raises(ReportError):
        service.shift(DAY, 3)


def test_handing_over_now_closes_the_running_shift(journal: Journal) -> None:
    clock = [NOW]
    service = ReportService(journal, STORE, shift_starts=[], store_name="店", clock=lambda: clock[0])
    running = service.current_shift()
    assert running.running and running.start == datetime(2026, 11, 25, tzinfo=STORE)
    closed, _handover = service.hand_over("03", "")
    clock[0] = NOW + timedelta(minutes=1)
    assert closed.start == running.start and not closed.running and closed.closed_by == "03"
    assert service.current_shift().opened_by == "03"


def test_a_day_not_begun_is_refused(service: ReportService) -> None:
    with pytest.raises(ReportError):
        service.day_report(date(2026, 11, 26))


def test_csv_has_the_totals_in_yuan(service: ReportService) -> None:
    data = service.csv(service.day_report(DAY))
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["区块 section", "项目 item", "笔数 count", "金额 amount", "说明 detail"]
    totals = {row[1]: row[2:4] for row in rows if row[0] == "合计 total"}
    assert totals == {"销售 sales": ["5", "1011.20"], "退款 refunds": ["1", "12.50"], "净额 net": ["", "998.70"]}
    missing = [row for row in rows if row[0].startswith("已付无小票")]
    assert [row[1] for row in missing] == ["202611249003", "202611249004"]


@pytest.mark.parametrize("profile_name", ["58-gbk", "80-gb18030"])
def test_the_report_fits_the_paper_and_reads_back(service: ReportService, profile_name: str) -> None:
    profile = builtin_profiles()[profile_name]
    report = service.day_report(DAY)
    for line in report_lines(report, profile.columns, profile.width_model, STORE):
        if "￥" not in line and line.rstrip()[-3:-2] == ".":  # a table row with an amount
            assert text_width(line, profile.width_model) <= profile.columns, line
    result = service.lay_out(report, profile)
    assert not result.warnings
    printed = decode(result.payload, charset=decode_charset(profile), dots=profile.dots).text()
    assert "日报表 DAY REPORT" in printed and "星河便利店" in printed
    assert "1011.20" in printed and "998.70" in printed and "202611249003" in printed
