"""A day or shift report as the page shows it: plain HTML tables in the reader's language."""

from __future__ import annotations

from datetime import datetime, tzinfo
from html import escape

from PySide6.QtCore import QCoreApplication

from cashier_app.domain.local_time import MINUTE, store_time
from cashier_app.domain.money import format_fen
from cashier_app.domain.reports import Report, Tally
from cashier_app.ui import messages

translate = QCoreApplication.translate

_STYLE = (
    "<style>table { border-collapse: collapse; margin-bottom: 14px; }"
    " th, td { padding: 4px 14px 4px 0; } th { text-align: left; color: #555; font-weight: normal; }"
    " td.n { text-align: right; } h3 { margin: 14px 0 4px 0; } .total td { font-weight: bold; }"
    " .warn { color: #b3261e; font-weight: bold; }</style>"
)


def report_html(report: Report, zone: tzinfo) -> str:
    out = [_STYLE]
    if report.shift is not None:
        title = translate("ReportView", "Shift report: {day}, shift {number}").format(
            day=report.day.isoformat(), number=report.shift.number)
        if report.shift.running:
            title += " " + translate("ReportView", "(running)")
    else:
        title = translate("ReportView", "Day report: {day}").format(day=report.day.isoformat())
    out.append(f"<h2>{escape(title)}</h2>")
    period = translate("ReportView", "{start} to {end}").format(
        start=_local(report.start, zone), end=_local(report.end, zone))
    who = report.operator or translate("ReportView", "all operators")
    facts = [period, translate("ReportView", "Operator: {who}").format(who=who)]
    if report.shift is not None and report.shift.closed_by:
        facts.append(translate("ReportView", "Handed over by {person}").format(person=report.shift.closed_by))
    out.append(f"<p>{escape(' · '.join(facts))}</p>")

    out.append(_heading(translate("ReportView", "Sales and refunds by channel")))
    rows = [[messages.channel_text(c.channel or None), *_tally(c.sales), *_tally(c.refunds, refund=True),
             format_fen(c.net)] for c in report.channels]
    rows.append([_Html("<b>" + escape(translate("ReportView", "Total")) + "</b>"), *_tally(report.sales),
                 *_tally(report.refunds, refund=True), format_fen(report.net)])
    out.append(_table([translate("ReportView", "Channel"), translate("ReportView", "Sales"),
                       translate("ReportView", "Amount"), translate("ReportView", "Refunds"),
                       translate("ReportView", "Amount"), translate("ReportView", "Net")], rows, total_last=True))

    if report.operators:
        out.append(_heading(translate("ReportView", "By operator")))
        out.append(_table([translate("ReportView", "Operator"), translate("ReportView", "Sales"),
                           translate("ReportView", "Amount"), translate("ReportView", "Refunds"),
                           translate("ReportView", "Amount")],
                          [[o.operator or "—", *_tally(o.sales), *_tally(o.refunds, refund=True)]
                           for o in report.operators]))

    out.append(_heading(translate("ReportView", "Refunded, closed and reversed on the platform")))
    states = ("REFUNDED", "PARTIAL_REFUNDED", "CLOSED", "REVOKED")
    out.append(_table([translate("ReportView", "State"), translate("ReportView", "Orders"),
                       translate("ReportView", "Amount")],
                      [[messages.order_state_text(s), *_tally(report.platform_count(s))] for s in states]))

    out.append(_heading(translate("ReportView", "Exceptions")))
    if report.cases:
        out.append(_table([translate("ReportView", "Kind"), translate("ReportView", "Open"),
                           translate("ReportView", "Closed")],
                          [[messages.case_kind_text(c.kind), str(c.open), str(c.closed)] for c in report.cases]))
    else:
        none = translate("ReportView", "None.")
        out.append(f"<p>{escape(none)}</p>")

    out.append(_heading(translate("ReportView", "Reprints ({count})").format(count=len(report.reprints))))
    if report.reprints:
        out.append(_table([translate("ReportView", "Time"), translate("ReportView", "Order"),
                           translate("ReportView", "Copy"), translate("ReportView", "By"),
                           translate("ReportView", "Reason"), translate("ReportView", "State")],
                          [[_local_text(r.at, zone), r.out_trade_no or "—", str(r.copy_no),
                            messages.actor_text(r.person) if r.person else "—", r.reason or "—",
                            messages.job_state_text(r.state)] for r in report.reprints]))

    missing = report.missing_receipts
    out.append(_heading(translate("ReportView", "Paid orders without a receipt ({count})").format(count=len(missing))))
    if missing:
        printed = translate("ReportView", "printed from the platform's record")
        still = translate("ReportView", "still without a receipt")
        out.append(_table([translate("ReportView", "Paid at"), translate("ReportView", "Order"),
                           translate("ReportView", "Amount"), translate("ReportView", "Receipt")],
                          [[_local_text(m.paid_at, zone), m.out_trade_no, format_fen(m.amount),
                            printed if m.printed_from_record else _Html(f'<span class="warn">{escape(still)}</span>')]
                           for m in missing]))
    if report.notes:
        note = translate("ReportView", "Platform figures cover every operator.")
        out.append(f"<p><i>{escape(note)}</i></p>")
    return "".join(out)


def _heading(text: str) -> str:
    return f"<h3>{escape(text)}</h3>"


def _tally(tally: Tally, *, refund: bool = False) -> list[str]:
    return [str(tally.count), format_fen(tally.amount, refund=refund)]


class _Html(str):
    """A cell that is markup already; every other cell is text and is escaped."""


def _table(headers: list[str], rows: list[list[str]], *, total_last: bool = False) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = []
    for position, row in enumerate(rows):
        css = ' class="total"' if total_last and position == len(rows) - 1 else ""
        cells = "".join(
            f'<td{" class=n" if column else ""}>{cell if isinstance(cell, _Html) else escape(cell)}</td>'
            for column, cell in enumerate(row))
        body.append(f"<tr{css}>{cells}</tr>")
    return f"<table><tr>{head}</tr>{''.join(body)}</table>"


def _local(moment: datetime, zone: tzinfo) -> str:
    return store_time(moment, zone, MINUTE)


def _local_text(utc_text: str, zone: tzinfo) -> str:
    return store_time(utc_text, zone, "%m-%d %H:%M")
