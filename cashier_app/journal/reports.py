"""Day and shift reports from the journal (domain/reports.py says what they hold), and their CSV.

Receipts count by the time they were recorded (print.txt is written as the payment completes);
the platform's refunds, closes and reversals by the time the platform changed the order; paid
orders without a receipt by the time they were paid. Every query reads one period off a time
index, so a report costs the same at a thousand receipts or a million.
"""

from __future__ import annotations

import csv
import io
import sqlite3
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta, tzinfo

from cashier_app.domain.local_time import MINUTE, store_time
from cashier_app.domain.money import yuan
from cashier_app.domain.receipt import ReceiptKind
from cashier_app.domain.reports import (
    CaseKindLine,
    ChannelLine,
    MissingReceiptLine,
    OperatorLine,
    PlatformOrderLine,
    Report,
    ReprintLine,
    Shift,
    Tally,
)
from cashier_app.journal.db import Journal

# States the platform moves an order to that a manager reads at handover.
PLATFORM_STATES = ("REFUNDED", "PARTIAL_REFUNDED", "CLOSED", "REVOKED")
# Paid orders (money taken, whatever came after) that ought to have a receipt.
_PAID_STATES = ("PAID", "PARTIAL_REFUNDED", "REFUNDED")
# A payment this recent may still be waiting for its print.txt: not called missing yet.
MISSING_GRACE = timedelta(minutes=2)


def build_report(  # noqa: PLR0913 - a report's scope (kind, day, span, shift, cashier), keyword-only
    journal: Journal,
    *,
    kind: str,
    day: date,
    start: datetime,
    end: datetime,
    now: datetime,
    store_name: str,
    shift: Shift | None = None,
    operator: str | None = None,
    training: bool = False,
) -> Report:
    """The report of [start, end): `end` is capped at `now` (a running shift, today)."""
    until = min(end, now)
    span = (_utc(start), _utc(until))
    with journal.read() as conn:
        receipt_filter = " AND operator = ?" if operator else ""
        receipt_params: list[object] = [*span, int(training)] + ([operator] if operator else [])
        rows = conn.execute(
            "SELECT channel, operator, kind, count(*) AS n, sum(coalesce(amount, 0)) AS fen FROM receipts"
            f" WHERE created_at >= ? AND created_at < ? AND training = ?{receipt_filter}"
            " GROUP BY channel, operator, kind",
            receipt_params,
        ).fetchall()
        platform = conn.execute(
            "SELECT out_trade_no, state, total_amount, updated_at FROM orders_seen"
            " WHERE updated_at >= ? AND updated_at < ? AND not_on_platform = 0"
            f" AND state IN ({_marks(PLATFORM_STATES)}) ORDER BY updated_at, out_trade_no",
            (*span, *PLATFORM_STATES),
        ).fetchall()
        cases = conn.execute(
            "SELECT kind, status, count(*) AS n FROM cases WHERE opened_at >= ? AND opened_at < ? AND training = ?"
            " GROUP BY kind, status ORDER BY kind",
            (*span, int(training)),
        ).fetchall()
        job_filter = " AND j.requested_by = ?" if operator else ""
        reprints = conn.execute(
            "SELECT j.id, j.created_at, j.copy_no, j.reason, j.requested_by, j.state,"
            " coalesce(r.out_trade_no,"
            "  (SELECT a.out_trade_no FROM audit a WHERE a.job_id = j.id ORDER BY a.id LIMIT 1)) AS out_trade_no"
            " FROM print_jobs j LEFT JOIN receipts r ON r.id = j.receipt_id"
            f" WHERE j.created_at >= ? AND j.created_at < ? AND j.is_reprint = 1{job_filter}"
            " ORDER BY j.created_at, j.id",
            [*span] + ([operator] if operator else []),
        ).fetchall()
        paid_until = _utc(min(until, now - MISSING_GRACE))
        missing = conn.execute(
            "SELECT o.out_trade_no, o.total_amount, o.paid_at,"
            " EXISTS (SELECT 1 FROM audit a WHERE a.action = 'print_order' AND a.out_trade_no = o.out_trade_no)"
            "  OR EXISTS (SELECT 1 FROM cases c WHERE c.out_trade_no = o.out_trade_no"
            "   AND c.kind = 'paid_no_receipt' AND c.result IN ('printed', 'reprinted')) AS printed"
            " FROM orders_seen o WHERE o.paid_at >= ? AND o.paid_at < ? AND o.not_on_platform = 0"
            f" AND o.state IN ({_marks(_PAID_STATES)})"
            " AND NOT EXISTS (SELECT 1 FROM receipts r WHERE r.out_trade_no = o.out_trade_no)"
            " ORDER BY o.paid_at, o.out_trade_no",
            (span[0], paid_until, *_PAID_STATES),
        ).fetchall()
    notes = ("platform figures cover every operator",) if operator else ()
    return Report(
        kind=kind, day=day, start=start, end=until, generated_at=now, store_name=store_name, shift=shift,
        operator=operator, channels=_channels(rows), operators=_operators(rows),
        platform_orders=tuple(PlatformOrderLine(str(r["out_trade_no"]), str(r["state"]), r["total_amount"],
                                                str(r["updated_at"])) for r in platform),
        cases=_cases(cases),
        reprints=tuple(_reprint(r) for r in reprints),
        missing_receipts=tuple(MissingReceiptLine(str(r["out_trade_no"]), r["total_amount"], str(r["paid_at"]),
                                                  bool(r["printed"])) for r in missing),
        notes=notes,
    )


def _channels(rows: list[sqlite3.Row]) -> tuple[ChannelLine, ...]:
    sales, refunds = _tallies(rows, "channel")
    order = {"WECHAT": 0, "ALIPAY": 1, "UNIONPAY": 2, "BANKCARD": 3, "": 9}
    keys = sorted(set(sales) | set(refunds), key=lambda c: (order.get(c, 5), c))
    return tuple(ChannelLine(c, sales.get(c, Tally()), refunds.get(c, Tally())) for c in keys)


def _operators(rows: list[sqlite3.Row]) -> tuple[OperatorLine, ...]:
    sales, refunds = _tallies(rows, "operator")
    keys = sorted(set(sales) | set(refunds), key=lambda o: (o == "", o))
    return tuple(OperatorLine(o, sales.get(o, Tally()), refunds.get(o, Tally())) for o in keys)


def _tallies(rows: list[sqlite3.Row], column: str) -> tuple[dict[str, Tally], dict[str, Tally]]:
    """Sales and refunds summed by one column of the grouped rows ("" where it is empty)."""
    sales: dict[str, Tally] = defaultdict(Tally)
    refunds: dict[str, Tally] = defaultdict(Tally)
    for row in rows:
        target = refunds if row["kind"] == ReceiptKind.REFUND.value else sales
        target[str(row[column] or "")] += Tally(int(row["n"]), int(row["fen"]))
    return sales, refunds


def _cases(rows: list[sqlite3.Row]) -> tuple[CaseKindLine, ...]:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row in rows:
        slot = 0 if row["status"] == "open" else 1
        counts[str(row["kind"])][slot] += int(row["n"])
    return tuple(CaseKindLine(kind, n[0], n[1]) for kind, n in sorted(counts.items()))


def _reprint(row: sqlite3.Row) -> ReprintLine:
    # A receipt printed from the platform's record has no print.txt: its number is in the audit row.
    return ReprintLine(
        at=str(row["created_at"]), out_trade_no=row["out_trade_no"], copy_no=int(row["copy_no"]),
        reason=str(row["reason"] or ""), person=str(row["requested_by"] or ""),
        state=str(row["state"]),
    )


def _marks(values: tuple[str, ...]) -> str:
    return ", ".join("?" * len(values))


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


# -- CSV --------------------------------------------------------------------------------------------

CSV_HEADER = ("区块 section", "项目 item", "笔数 count", "金额 amount", "说明 detail")


def report_to_csv(report: Report, zone: tzinfo | None = None) -> bytes:
    """The report as CSV, UTF-8 with a BOM (Excel on Chinese Windows), labels in Chinese and English; its
    times on the store's clock (`zone`; by default the report's own, which is the store's)."""
    zone = zone or report.start.tzinfo or UTC
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEADER)
    title = "交班报表 shift report" if report.shift is not None else "日报表 day report"
    period = f"{store_time(report.start, zone, MINUTE)} — {store_time(report.end, zone, MINUTE)}"
    writer.writerow(("报表 report", title, "", "", period))
    if report.shift is not None:
        writer.writerow(("报表 report", f"第{report.shift.number}班 shift {report.shift.number}", "", "",
                         report.shift.closed_by or ""))
    if report.operator:
        writer.writerow(("报表 report", "收银员 operator", "", "", report.operator))
    for line in report.channels:
        name = line.channel or "未识别 unknown"
        writer.writerow(("销售 sales", name, line.sales.count, yuan(line.sales.amount), ""))
        if line.refunds.count:
            writer.writerow(("退款 refunds", name, line.refunds.count, yuan(line.refunds.amount), ""))
    writer.writerow(("合计 total", "销售 sales", report.sales.count, yuan(report.sales.amount), ""))
    writer.writerow(("合计 total", "退款 refunds", report.refunds.count, yuan(report.refunds.amount), ""))
    writer.writerow(("合计 total", "净额 net", "", yuan(report.net), ""))
    for op in report.operators:
        writer.writerow(("收银员 operator", op.operator or "-", op.sales.count, yuan(op.sales.amount),
                         f"退款 refunds {op.refunds.count} / {yuan(op.refunds.amount)}"))
    for order in report.platform_orders:
        writer.writerow(("平台订单 platform order", order.state, 1, yuan(order.amount or 0),
                         f"{order.out_trade_no} {_local(order.at, zone)}"))
    for case in report.cases:
        writer.writerow(("异常 exceptions", case.kind, case.open + case.closed, "",
                         f"未结 open {case.open} / 已结 closed {case.closed}"))
    for reprint in report.reprints:
        writer.writerow(("重打 reprints", reprint.out_trade_no or "", reprint.copy_no, "",
                         f"{_local(reprint.at, zone)} {reprint.person} {reprint.reason} ({reprint.state})"))
    for missing in report.missing_receipts:
        printed = " 已按平台记录打印 printed from the platform record" if missing.printed_from_record else ""
        writer.writerow(("已付无小票 paid, no receipt", missing.out_trade_no, 1, yuan(missing.amount or 0),
                         f"{_local(missing.paid_at, zone)}{printed}"))
    for note in report.notes:
        writer.writerow(("说明 note", "", "", "", note))
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _local(utc_text: str, zone: tzinfo) -> str:
    return store_time(utc_text, zone)
