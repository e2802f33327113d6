"""`cashier-app reconcile once|status`: reconciliation from the command line.

- `once`: one poll against the configured platform (one list request, plus one query per receipt
  whose order was never listed), then the findings it raised or cleared. Missing receipts are not
  reprinted from here (no print queue runs): their cases stay open for the cashier.
- `status`: the list position, the last poll, a platform outage in progress and the open cases by
  kind, from the journal alone.

- `bill --date D`: (WeChat Pay, Alipay) download the platform's bill of day D (Beijing time,
  default yesterday), keep it, and match it with that day's receipts: the same findings as during
  the day. The app does this by itself the next morning once the bill is ready (after 10:00).

Exit codes: 0 done, 3 the bill is not ready yet, 4 the platform could not be reached (never proof
that an order is unpaid), 2 the configured platform has no bill (MP API v1 is reconciled by its list).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from cashier_app.domain.money import format_fen
from cashier_app.domain.timezones import CHINA_TZ
from cashier_app.journal.bills import BillStore
from cashier_app.journal.db import Journal
from cashier_app.platform.factory import build_adapter
from cashier_app.reconcile.service import PollReport, Reconciler
from cashier_app.reconcile.status import ReconcileStatus, read_status

if TYPE_CHECKING:
    from cashier_app.app.cli import CommandRegistry
    from cashier_app.app.context import CommandContext

EXIT_OK, EXIT_USAGE, EXIT_NOT_READY, EXIT_UNREACHABLE = 0, 2, 3, 4

KIND_WORDS = {
    "paid_no_receipt": "已付款无小票 / paid, no receipt",
    "receipt_without_payment": "有小票未付款 / receipt, order not paid",
    "refund": "小票后已退款 / refunded after its receipt",
    "stuck_payment": "支付中超时 / stuck in payment",
    "doubled_receipt": "重复小票 / receipt printed twice",
    "platform_fault": "平台连接中断 / platform unreachable",
    "amount_mismatch": "金额不符 / amount differs from the platform's",
    "refund_not_on_platform": "有退款小票，平台无退款 / refund receipt, no refund on the platform",
    "refund_without_receipt": "平台已退款，无退款小票 / refunded, no refund receipt",
}


def register(registry: CommandRegistry) -> None:
    parser = registry.add("reconcile", "match the platform's orders with the receipts seen")
    sub = parser.add_subparsers(dest="reconcile_command", metavar="ACTION")
    once = sub.add_parser("once", help="poll the configured platform once and print what was found",
                          description="poll the configured platform once and print what was found",
                          parents=[registry.common])
    once.add_argument("--json", action="store_true", help="print the result as JSON (for scripts)")
    once.add_argument("--training", action="store_true", help="reconcile training receipts and cases")
    once.set_defaults(handler=_once)
    status = sub.add_parser("status", help="cursor, last poll and open cases by kind",
                            description="cursor, last poll and open cases by kind", parents=[registry.common])
    status.add_argument("--json", action="store_true", help="print the status as JSON (for scripts)")
    status.add_argument("--training", action="store_true", help="the training cases and state")
    status.set_defaults(handler=_status)
    bill = sub.add_parser("bill", help="import the platform's bill of a day and match it with that day's receipts",
                          description="import the platform's bill of a day (WeChat Pay, Alipay) and match it with "
                                      "that day's receipts", parents=[registry.common])
    bill.add_argument("--date", metavar="YYYY-MM-DD", help="the bill's day, Beijing time (default: yesterday)")
    bill.add_argument("--json", action="store_true", help="print the result as JSON (for scripts)")
    bill.add_argument("--training", action="store_true", help="match training receipts and cases")
    bill.set_defaults(handler=_bill)


def _once(args: argparse.Namespace, ctx: CommandContext) -> int:
    config = ctx.config
    ctx.paths.ensure()
    journal = Journal(ctx.paths.journal_file)
    try:
        with build_adapter(config.platform, refunds=BillStore(journal, training=args.training).refunded) as client:
            reconciler = Reconciler(journal, client, config.reconcile, actor="system", training=args.training)
            report = reconciler.poll_once()
    finally:
        journal.close()
    code = EXIT_OK if report.ok else EXIT_UNREACHABLE
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        stream = sys.stdout if report.ok else sys.stderr
        print(_report_text(report), file=stream)
    return code


def _bill(args: argparse.Namespace, ctx: CommandContext) -> int:
    config = ctx.config
    try:
        day = date.fromisoformat(args.date) if args.date else datetime.now(CHINA_TZ).date() - timedelta(days=1)
    except ValueError:
        print(f"错误 / error: --date {args.date!r} is not YYYY-MM-DD", file=sys.stderr)
        return EXIT_USAGE
    ctx.paths.ensure()
    journal = Journal(ctx.paths.journal_file)
    try:
        bills = BillStore(journal, training=args.training)
        with build_adapter(config.platform, refunds=bills.refunded) as adapter:
            if not adapter.capabilities.daily_bill:
                print(f"错误 / error: platform.kind '{config.platform.kind}' has no daily bill; "
                      "`cashier-app reconcile once` polls its list", file=sys.stderr)
                return EXIT_USAGE
            reconciler = Reconciler(journal, adapter, config.reconcile, actor="system", training=args.training)
            report = reconciler.import_bill(day)
    finally:
        journal.close()
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    elif not report.imported:
        what = "账单尚未生成 / the bill is not ready yet" if report.reason == "not_ready" else (
            f"无法获取账单 / the bill could not be fetched: {report.reason}")
        print(f"{what} ({day}): {report.detail}", file=sys.stderr)
    else:
        lines = [f"账单 / bill of {day}: {report.entries} entries ({report.payments} payments, {report.refunds} "
                 f"refunds); {report.queries} queries for receipts not in it",
                 f"findings: {len(report.findings)}"]
        for finding in report.findings:
            lines.append(f"  {KIND_WORDS.get(finding.kind.value, finding.kind.value)} {finding.out_trade_no} "
                         f"{format_fen(finding.amount)} ({finding.cause})")
        print("\n".join(lines))
    if report.imported:
        return EXIT_OK
    return EXIT_NOT_READY if report.reason == "not_ready" else EXIT_UNREACHABLE


def _report_text(report: PollReport) -> str:
    if not report.ok:
        lines = [f"平台连接中断 / platform unreachable: {report.reason} ({report.detail})",
                 "nothing is taken as unpaid; the next poll carries on from the saved position"]
    else:
        lines = [f"listed {report.listed} orders ({report.new_orders} new, {report.changed_orders} changed, "
                 f"{report.repeated_orders} already seen){'; more pages follow' if report.more_pages else ''}",
                 f"requests: {report.list_requests} list, {report.query_requests} queries for anomalies",
                 f"findings: {report.findings}"]
    for case in report.opened:
        lines.append(f"  opened #{case.id} {KIND_WORDS.get(case.kind.value, case.kind.value)}"
                     f" {case.out_trade_no or ''} {format_fen(case.amount)} {case.payment_state or ''}".rstrip())
    for case in report.closed:
        lines.append(f"  closed #{case.id} {case.kind.value} {case.out_trade_no or ''}"
                     f" ({case.result.value if case.result else ''})")
    return "\n".join(lines)



def _status(args: argparse.Namespace, ctx: CommandContext) -> int:
    journal_file = ctx.paths.journal_file
    if not journal_file.exists():
        status: ReconcileStatus | None = None
    else:
        journal = Journal(journal_file)
        try:
            status = read_status(journal, training=args.training)
        finally:
            journal.close()
    if args.json:
        print(json.dumps(status.to_json() if status else {"journal": None}, ensure_ascii=False, indent=2))
        return EXIT_OK
    if status is None:
        print(f"no journal yet at {journal_file}: reconciliation has not run")
        return EXIT_OK
    print(_status_text(status))
    return EXIT_OK


def _status_text(status: ReconcileStatus) -> str:
    pos = status.position
    lines = [
        f"list position: updated_since {pos.updated_since or '(not started)'}"
        f"{', mid-scan (cursor saved)' if pos.cursor else ''}",
        f"orders seen: {status.orders_seen} ({status.not_on_platform} not on the platform)",
    ]
    last: dict[str, Any] | None = status.last_poll
    if last:
        outcome = "ok" if last.get("ok") else f"failed ({last.get('reason')})"
        lines.append(f"last poll: {last.get('at')} {outcome}, listed {last.get('listed')},"
                     f" {last.get('query_requests')} queries, {last.get('findings')} findings")
    else:
        lines.append("last poll: never")
    if status.outage:
        lines.append(f"平台连接中断 / platform unreachable since {status.outage.since} ({status.outage.reason},"
                     f" {status.outage.failures} failed polls)")
    if status.open_cases:
        lines.append("open cases:")
        lines.extend(f"  {KIND_WORDS.get(kind, kind)}: {n}" for kind, n in status.open_cases.items())
    else:
        lines.append("open cases: none")
    return "\n".join(lines)
