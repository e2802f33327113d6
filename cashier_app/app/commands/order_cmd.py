"""`cashier-app order query|sync|list|close`: the configured merchant platform from the command line.

Exit codes: 0 found / done, 3 no such order (or not findable by that number yet), 4 state unknown
(never proof that an order is unpaid), 5 the order cannot be closed, 6 not allowed (with sign-in on,
closing needs `--as NUMBER` of a person who may), 2 usage error. Every close is in the audit trail.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from typing import TYPE_CHECKING, Any

from cashier_app.app.cli_access import CommandRefused, add_person_option, person_for, refused
from cashier_app.domain.access import ProtectedAction
from cashier_app.domain.audit import AuditAction
from cashier_app.domain.local_time import LocalTimeError, parse_local_moment, store_zone
from cashier_app.domain.money import format_fen
from cashier_app.domain.numbers import normalise_order_number
from cashier_app.domain.order_numbers import NUMBER_LENGTH, NumberKind, guess_number_kind, is_order_number
from cashier_app.domain.orders import OrderState
from cashier_app.journal.audit import AuditStore
from cashier_app.journal.db import Journal
from cashier_app.platform.factory import build_client
from cashier_app.platform.order import Order
from cashier_app.platform.results import (
    NotClosable,
    NotQueryableYet,
    OrderClosed,
    OrderFound,
    OrderNotFound,
    OrderPage,
    StateUnknown,
    SyncResult,
    UnknownReason,
)

if TYPE_CHECKING:
    from cashier_app.app.command_registry import CommandRegistry
    from cashier_app.app.context import CommandContext

EXIT_OK, EXIT_USAGE, EXIT_NOT_FOUND, EXIT_UNKNOWN, EXIT_NOT_CLOSABLE = 0, 2, 3, 4, 5

STATE_WORDS: dict[OrderState, tuple[str, str]] = {
    OrderState.CREATED: ("未支付", "created, not paid"),
    OrderState.USERPAYING: ("用户支付中", "waiting for the customer's password"),
    OrderState.PAID: ("已支付", "paid"),
    OrderState.PAY_FAILED: ("支付失败", "payment failed"),
    OrderState.REVOKED: ("已撤销", "reversed, money returned to the customer"),
    OrderState.CLOSED: ("已关闭", "closed unpaid"),
    OrderState.PARTIAL_REFUNDED: ("部分退款", "part refunded"),
    OrderState.REFUNDED: ("已全额退款", "fully refunded"),
    OrderState.UNKNOWN: ("平台状态未知", "the platform itself does not know"),
}

REASON_WORDS: dict[UnknownReason, tuple[str, str]] = {
    UnknownReason.TIMEOUT: ("平台未及时应答", "the platform did not answer in time"),
    UnknownReason.NETWORK: ("网络故障", "network fault"),
    UnknownReason.PLATFORM_ERROR: ("平台系统错误", "platform system error"),
    UnknownReason.CHANNEL_ERROR: ("支付渠道未应答", "the payment channel did not answer"),
    UnknownReason.MAINTENANCE: ("平台维护中", "the platform is under maintenance"),
    UnknownReason.BAD_SIGNATURE: ("应答签名无效", "the answer's signature is not valid"),
    UnknownReason.RATE_LIMITED: ("请求过于频繁", "too many requests, try again later"),
    UnknownReason.CREDENTIALS: ("密钥或时钟问题", "API key or clock problem"),
    UnknownReason.TERMINAL_NOT_BOUND: ("本终端未在平台登记", "this till is not registered with the platform"),
    UnknownReason.INVALID_PARAMS: ("请求参数错误", "invalid request parameter"),
    UnknownReason.UNREADABLE: ("无法读取平台应答", "the platform's answer cannot be read"),
    UnknownReason.MOVED_BACKWARDS: ("平台应答的状态倒退，已拒绝", "the answer would move the order back: refused"),
    UnknownReason.SYNC_IN_PROGRESS: ("该订单正在补单", "a sync of this order is running: wait and query"),
    UnknownReason.IDEMPOTENCY_KEY_REUSED: ("幂等键重复使用", "idempotency key reused (a bug)"),
    UnknownReason.CANCELLED: ("已取消", "cancelled"),
}

CHANNEL_WORDS = {"WECHAT": "微信支付 WeChat Pay", "ALIPAY": "支付宝 Alipay", "UNIONPAY": "银联 UnionPay"}


def register(registry: CommandRegistry) -> None:
    parser = registry.add("order", "query, sync, list or close orders on the merchant platform")
    sub = parser.add_subparsers(dest="order_command", metavar="ACTION")

    def action(name: str, help: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help, parents=[registry.common])
        p.add_argument("--json", action="store_true", help="print the result as JSON (for scripts)")
        return p

    q = action("query", "look an order up by its merchant order number or third-party number")
    q.add_argument("number", help="商户订单号 or 第三方订单号 (full-width digits and spaces are fine)")
    q.add_argument("--by", choices=("auto", *NumberKind), default="auto",
                   help="which number it is (default: guessed from its shape)")
    q.set_defaults(handler=_query)
    s = action("sync", "make the platform ask the payment channel again (补单)")
    s.add_argument("number", help="商户订单号 (merchant order number)")
    s.add_argument("--by", choices=("auto", *NumberKind), default="auto",
                   help="which number it is (default: guessed from its shape)")
    s.set_defaults(handler=_sync)
    li = action("list", "list this terminal's orders updated since a time, oldest first")
    li.add_argument("--since", metavar="DATE",
                    help="a date (2026-11-24) or a time ('2026-11-24 14:30') in the store's time, or ISO-8601 with "
                         "an offset (default: today 00:00 store time)")
    li.add_argument("--state", choices=[s.value for s in OrderState], help="only orders in this state")
    li.set_defaults(handler=_list)
    c = action("close", "close an unpaid order so that it can no longer be paid (protected: see --as)")
    c.add_argument("number", help="商户订单号 (merchant order number)")
    add_person_option(c)
    c.set_defaults(handler=_close)


def _number_problem(number: str) -> str | None:
    """Why `number` is no order number, by the window's rule (domain/order_numbers.py); None when it is one."""
    normalised = normalise_order_number(number)
    if not normalised:
        return "the order number is empty"
    if not is_order_number(normalised):
        low, high = NUMBER_LENGTH
        return f"{normalised!r} is not an order number ({low}-{high} characters of A-Z a-z 0-9 _ -)"
    return None


def _which(number: str, by: str) -> dict[str, str]:
    normalised = normalise_order_number(number)
    kind = guess_number_kind(normalised) if by == "auto" else NumberKind(by)
    return {kind.query_field: normalised}


def _query(args: argparse.Namespace, ctx: CommandContext) -> int:
    if (problem := _number_problem(args.number)) is not None:
        return _usage(problem)
    with build_client(ctx.config.platform) as client:
        if args.by == "auto":
            result = client.lookup(args.number)
        else:
            which = _which(args.number, args.by)
            result = client.query(which.get("out_trade_no"), channel_trade_no=which.get("channel_trade_no"))
    if isinstance(result, OrderFound):
        return _emit(args, {"result": "found", "order": result.order.to_json()}, _order_text(result.order), EXIT_OK)
    return _emit_failure(args, result)


def _sync(args: argparse.Namespace, ctx: CommandContext) -> int:
    if (problem := _number_problem(args.number)) is not None:
        return _usage(problem)
    which = _which(args.number, args.by)
    with build_client(ctx.config.platform) as client:
        result = client.sync(which.get("out_trade_no"), channel_trade_no=which.get("channel_trade_no"))
    if isinstance(result, SyncResult):
        up_zh, up_en = STATE_WORDS[result.upstream_state]
        outcome = "平台记录已更新 / platform record updated" if result.changed else "平台记录无变化 / no change"
        text = [*_order_text(result.order), f"补单 / sync: 渠道状态 / channel state {up_zh} / {up_en}; {outcome}"]
        data = {"result": "synced", "order": result.order.to_json(), "sync": {
            "upstream_state": result.upstream_state.value, "changed": result.changed,
            "synced_at": result.synced_at.isoformat()}}
        return _emit(args, data, text, EXIT_OK)
    return _emit_failure(args, result)


def _list(args: argparse.Namespace, ctx: CommandContext) -> int:
    zone = store_zone(ctx.config.parser.utc_offset)
    try:
        # A date or a local time in the store's offset, or an ISO-8601 time with its own offset.
        since = parse_local_moment(args.since or datetime.now(zone).date().isoformat(), zone)
    except LocalTimeError as exc:
        return _usage(f"--since: {exc}")
    orders: list[Order] = []
    cursor: str | None = None
    with build_client(ctx.config.platform) as client:
        if not client.capabilities.list:
            return _usage(f"platform.kind '{ctx.config.platform.kind}' has no list of orders: query them one by "
                          "one, or import the day's bill with `cashier-app reconcile bill --date D`")
        while True:
            page = client.list_orders(since, state=args.state, cursor=cursor)
            if isinstance(page, StateUnknown):
                return _emit_failure(args, page)
            assert isinstance(page, OrderPage)
            orders.extend(page.orders)
            for refused in page.refused:
                print(f"refused {refused.out_trade_no}: {refused.answered_state} after {refused.known_state}",
                      file=sys.stderr)
            cursor = page.next_cursor
            if cursor is None:
                break
    lines = [f"{len(orders)} 笔订单 / orders updated since {since.isoformat()}"]
    for order in orders:
        zh, en = STATE_WORDS[order.state]
        lines.append(f"{order.out_trade_no}  {zh} / {en}  {format_fen(order.total_amount)}  {order.channel.value}  "
                     f"{order.updated_at.isoformat()}")
    return _emit(args, {"result": "ok", "since": since.isoformat(), "orders": [o.to_json() for o in orders]},
                 lines, EXIT_OK)


def _close(args: argparse.Namespace, ctx: CommandContext) -> int:
    if (problem := _number_problem(args.number)) is not None:
        return _usage(problem)
    ctx.paths.ensure()
    journal = Journal(ctx.paths.journal_file)
    try:
        try:
            person = person_for(args, ctx, journal, ProtectedAction.CLOSE_ORDER)
        except CommandRefused as error:
            return refused(error)
        with build_client(ctx.config.platform) as client:
            result = client.close_order(args.number)
        outcome = ("closed" if isinstance(result, OrderClosed) else "not_closable" if isinstance(result, NotClosable)
                   else f"state_unknown:{result.reason.value}" if isinstance(result, StateUnknown) else "not_found")
        AuditStore(journal).record(AuditAction.CLOSE_ORDER, person.actor, out_trade_no=normalise_order_number(
            args.number), detail=f"{outcome} (command line)")
    finally:
        journal.close()
    if isinstance(result, OrderClosed):
        return _emit(args, {"result": "closed", "order": result.order.to_json()},
                     ["订单已关闭 / order closed: it can no longer be paid", *_order_text(result.order)], EXIT_OK)
    if isinstance(result, NotClosable):
        data: dict[str, Any] = {"result": "not_closable", "number": result.out_trade_no, "detail": result.detail,
                                "order": result.order.to_json() if result.order else None}
        text = [f"订单不能关闭 / order cannot be closed: {result.out_trade_no} ({result.detail})",
                "只有未支付或支付中的订单可以关闭；请查询订单 / only unpaid orders can be closed: query it"]
        return _emit(args, data, text, EXIT_NOT_CLOSABLE)
    return _emit_failure(args, result)


def _emit_failure(args: argparse.Namespace, result: object) -> int:
    if isinstance(result, OrderNotFound):
        return _emit(args, {"result": "not_found", "number": result.number, "detail": result.detail},
                     [f"平台上没有此订单 / no such order on the platform: {result.number}"], EXIT_NOT_FOUND)
    if isinstance(result, NotQueryableYet):
        return _emit(args, {"result": "not_queryable_yet", "number": result.channel_trade_no,
                            "detail": result.detail},
                     [f"第三方订单号暂时查不到 / third-party number not findable yet: {result.channel_trade_no}",
                      "请用商户订单号查询，或补单 / query by the merchant order number instead, or sync"],
                     EXIT_NOT_FOUND)
    assert isinstance(result, StateUnknown), result
    zh, en = REASON_WORDS[result.reason]
    data = {"result": "state_unknown", "reason": result.reason.value, "detail": result.detail, "code": result.code,
            "http_status": result.http_status, "field": result.field, "retry_after": result.retry_after,
            "attempts": result.attempts, "request_id": result.request_id}
    text = [f"订单状态未知 / state unknown: {zh} / {en}",
            f"  {result.detail}" + (f" (field: {result.field})" if result.field else ""),
            "这不代表订单未支付 / this does not mean the order is unpaid"]
    return _emit(args, data, text, EXIT_UNKNOWN)


def _order_text(order: Order) -> list[str]:
    zh, en = STATE_WORDS[order.state]
    lines = [
        f"订单 / order {order.out_trade_no}: {zh} / {en}",
        f"  金额 / amount: {format_fen(order.total_amount)} (已付 / paid {format_fen(order.paid_amount)}, "
        f"已退 / refunded {format_fen(order.refund_amount)})",
        f"  渠道 / channel: {CHANNEL_WORDS.get(order.channel.value, order.channel.value)} {order.trade_type}"
        + (f" ({order.channel_state})" if order.channel_state else ""),
        f"  第三方订单号 / third-party no.: {order.channel_trade_no or '-'}",
        f"  创建 / created: {order.created_at.isoformat()}",
    ]
    if order.paid_at:
        lines.append(f"  支付 / paid at: {order.paid_at.isoformat()}")
    lines.append(f"  更新 / updated: {order.updated_at.isoformat()}")
    lines.append(f"  门店 / store {order.store_no or '-'}, 终端 / terminal {order.terminal_no}, "
                 f"收银员 / operator {order.operator or '-'}")
    return lines



def _emit(args: argparse.Namespace, data: dict[str, Any], text: list[str], code: int) -> int:
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print("\n".join(text))
    return code


def _usage(message: str) -> int:
    print(f"错误 / error: {message}", file=sys.stderr)
    return EXIT_USAGE
