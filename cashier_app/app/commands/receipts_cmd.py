"""`cashier-app receipts search|show`: the receipt history from the command line.

    cashier-app receipts search [--number N] [--amount 38.50 | --amount-min A --amount-max B]
        [--from 2026-11-24] [--to 2026-11-25] [--channel wechat|alipay|unionpay|bankcard]
        [--operator 02] [--printed yes|no|reprinted] [--text 星河] [--limit 50] [--json]
    cashier-app receipts show ID [--job N] [--png FILE] [--json]

Dates are local dates or date-times in the store's offset (parser.utc_offset); `--to` includes
its whole day. Results are newest first. Exit codes: 0 found, 3 nothing found (or no such
receipt), 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cashier_app.domain.local_time import store_time
from cashier_app.domain.money import yuan
from cashier_app.domain.receipt_search import (
    CHANNEL_CHOICES,
    DEFAULT_LIMIT,
    PRINTED_CHOICES,
    PRINTED_NO,
    PRINTED_REPRINTED,
    PRINTED_YES,
    QueryError,
    build_query,
)
from cashier_app.journal.receipt_print_state import PRINTED, REPRINTED

if TYPE_CHECKING:
    from cashier_app.app.command_registry import CommandRegistry
    from cashier_app.app.context import CommandContext
    from cashier_app.journal.db import Journal
    from cashier_app.journal.print_history import PrintHistoryEntry
    from cashier_app.journal.receipts import ReceiptRecord

EXIT_OK, EXIT_USAGE, EXIT_NOT_FOUND = 0, 2, 3


def register(registry: CommandRegistry) -> None:
    parser = registry.add("receipts", "search the receipt history; show a receipt, its picture and print history")
    sub = parser.add_subparsers(dest="receipts_command", metavar="ACTION")

    search = sub.add_parser("search", help="find receipts, newest first", description="find receipts, newest first",
                            parents=[registry.common])
    search.add_argument("--number", metavar="N",
                        help="merchant or third-party number (or a bank slip's reference number), whole or its "
                             "last digits (at least 4)")
    search.add_argument("--amount", metavar="YUAN", help="exact amount, e.g. 38.50")
    search.add_argument("--amount-min", metavar="YUAN", help="smallest amount")
    search.add_argument("--amount-max", metavar="YUAN", help="largest amount")
    search.add_argument("--from", dest="date_from", metavar="DATE", help="recorded on or after (2026-11-24 or "
                                                                       "'2026-11-24 14:30', store time)")
    search.add_argument("--to", dest="date_to", metavar="DATE", help="recorded up to (a date: that whole day)")
    search.add_argument("--channel", choices=CHANNEL_CHOICES)
    search.add_argument("--operator", metavar="N", help="operator number printed on the receipt")
    search.add_argument("--printed", choices=PRINTED_CHOICES,
                        help="yes: printed by this app (copied since or not); no: not (yet); reprinted: a copy marked "
                             "REPRINT came out")
    search.add_argument("--text", metavar="WORDS", help="words anywhere in the receipt")
    search.add_argument("--limit", type=int, default=DEFAULT_LIMIT, help=f"at most this many (default {DEFAULT_LIMIT})")
    search.add_argument("--json", action="store_true", help="one JSON object per receipt (an array)")
    search.set_defaults(handler=_search)

    show = sub.add_parser("show", help="a receipt: its fields, print history and picture",
                          description="a receipt: its fields, print history and picture", parents=[registry.common])
    show.add_argument("id", type=int, help="receipt id (from `receipts search`)")
    show.add_argument("--job", type=int, metavar="N", help="draw this print job's copy (default: the original)")
    show.add_argument("--png", type=Path, metavar="FILE", help="write the picture of the receipt as printed")
    show.add_argument("--json", action="store_true", help="machine-readable output")
    show.set_defaults(handler=_show)


def _open(ctx: CommandContext) -> Journal | None:
    from cashier_app.journal.db import Journal

    path = ctx.paths.journal_file
    if not path.exists():
        print(f"no journal yet at {path}: no receipts", file=sys.stderr)
        return None
    return Journal(path)


def _zone(ctx: CommandContext) -> tzinfo:
    from cashier_app.domain.local_time import store_zone

    return store_zone(ctx.config.parser.utc_offset)


def _search(args: argparse.Namespace, ctx: CommandContext) -> int:
    from cashier_app.journal.receipt_print_state import print_states
    from cashier_app.journal.receipt_search import search_receipts

    zone = _zone(ctx)
    try:
        query = build_query(zone, number=args.number, amount=args.amount, amount_min=args.amount_min,
                            amount_max=args.amount_max, date_from=args.date_from, date_to=args.date_to,
                            channel=args.channel, operator=args.operator, printed=args.printed, text=args.text,
                            limit=args.limit)
    except QueryError as exc:
        print(f"错误 / error: --{exc.field.replace('_', '-')}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    journal = _open(ctx)
    if journal is None:
        return EXIT_NOT_FOUND
    try:
        page = search_receipts(journal, query)
        states = print_states(journal, [r.id for r in page.records])
    finally:
        journal.close()
    items = [_receipt_json(r, states[r.id]) for r in page.records]
    more = page.next_cursor is not None
    if args.json:
        print(json.dumps(items, ensure_ascii=False, indent=2))
        if more:
            print(f"more receipts match: narrow the search or raise --limit (now {query.limit})", file=sys.stderr)
        return EXIT_OK if items else EXIT_NOT_FOUND
    if not items:
        print("没有找到小票 / no receipt matches")
        return EXIT_NOT_FOUND
    print(f"{len(items)} 张小票，最新在前 / receipts, newest first" + (" (更多 / more match)" if more else ""))
    for record, item in zip(page.records, items, strict=True):
        when = store_time(record.created_at, zone)
        kind = "退款 refund " if item["kind"] == "REFUND" else ""
        print(f"{item['id']:>8}  {when}  {item['out_trade_no'] or '-':<20} {kind}{item['amount'] or '-':>10}  "
              f"{item['channel'] or '-':<8} op {item['operator'] or '-':<4} {_printed_words(item['printed'])}"
              + (f"  {item['channel_trade_no']}" if item["channel_trade_no"] else ""))
    if more:
        print(f"更多小票符合条件 / more receipts match: narrow the search or raise --limit (now {query.limit})")
    return EXIT_OK


def _printed(state: str) -> str:
    if state == REPRINTED:
        return PRINTED_REPRINTED
    return PRINTED_YES if state == PRINTED else PRINTED_NO


def _printed_words(printed: str) -> str:
    return {PRINTED_YES: "已打印 printed", PRINTED_NO: "未打印 not printed",
            PRINTED_REPRINTED: "已重打 reprinted"}[printed]


def _receipt_json(record: ReceiptRecord, state: str) -> dict[str, Any]:
    r = record.receipt
    return {
        "id": record.id,
        "out_trade_no": r.out_trade_no,
        "channel_trade_no": r.channel_trade_no,
        "reference_no": r.reference_no,
        "amount": yuan(r.amount) if r.amount is not None else None,
        "kind": r.kind.value,
        "channel": r.channel.value if r.channel else None,
        "operator": r.operator,
        "paid_at": r.paid_at,
        "recorded_at": record.created_at,
        "printed": _printed(state),
        "print_state": state,
        "template": r.template,
    }


def _show(args: argparse.Namespace, ctx: CommandContext) -> int:
    from cashier_app.app.receipt_preview import PreviewError, previewer_for
    from cashier_app.journal.receipt_print_state import print_states
    from cashier_app.journal.receipts import ReceiptStore

    journal = _open(ctx)
    if journal is None:
        return EXIT_NOT_FOUND
    zone = _zone(ctx)
    try:
        previewer = previewer_for(journal, ReceiptStore(journal), ctx.config.printing, zone)
        try:
            picture = previewer.picture(args.id, args.job) if args.png else None
            record = picture.record if picture else ReceiptStore(journal).get(args.id)
            if record is None:
                raise PreviewError("receipt_not_found", f"no receipt {args.id} in the journal")
            history = list(picture.history) if picture else previewer.history(args.id)
        except PreviewError as exc:
            print(f"错误 / error: {exc}", file=sys.stderr)
            return EXIT_NOT_FOUND
        state = print_states(journal, [record.id])[record.id]
    finally:
        journal.close()
    data = {**_receipt_json(record, state), "text": "\n".join(record.receipt.lines),
            "history": [_history_json(e, zone) for e in history]}
    if picture is not None and args.png is not None:
        try:
            args.png.write_bytes(picture.png)
        except OSError as exc:
            print(f"错误 / error: cannot write {args.png}: {exc.strerror or exc}", file=sys.stderr)
            return 1
        data["picture"] = {"file": str(args.png), "job": picture.job.id if picture.job else None,
                           "source": picture.source, "bytes": len(picture.payload)}
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(f"小票 / receipt {record.id}: {record.receipt.out_trade_no or '-'}  "
          f"{data['amount'] or '-'}  {data['channel'] or '-'}  {_printed_words(data['printed'])}")
    print(f"  第三方订单号 / third-party no.: {record.receipt.channel_trade_no or record.receipt.reference_no or '-'}")
    print(f"  支付 / paid at: {record.receipt.paid_at or '-'}; 记录 / recorded: "
          f"{store_time(record.created_at, zone)}; "
          f"收银员 / operator {record.receipt.operator or '-'}")
    print("打印记录 / print history:" if history else "打印记录 / print history: (none)")
    for entry in data["history"]:
        print(f"  job {entry['job']}: {entry['section']} copy {entry['copy_no']} {entry['state']} "
              f"{entry['at']} {entry['person'] or ''} {entry['reason'] or ''}".rstrip())
    if "picture" in data:
        print(f"picture: {args.png} ({data['picture']['source']}, job {data['picture']['job']})")
    return EXIT_OK


def _history_json(entry: PrintHistoryEntry, zone: tzinfo) -> dict[str, Any]:
    job = entry.job
    return {
        "job": job.id, "section": entry.section, "state": job.state, "copy_no": job.copy_no,
        "reason": job.reason, "person": job.requested_by, "printer": job.printer,
        "at": store_time(entry.when, zone),
        "cancel_reason": job.cancel_reason, "cancelled_by": job.cancelled_by, "fault": job.fault_code,
    }
