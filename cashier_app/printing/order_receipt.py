"""A receipt built from a platform order, for a paid order whose print.txt never arrived.

The text comes from a template file in receipts/templates/ (order-default.txt), so a store can
word its own. Template syntax, one receipt line per template line:

    {{field}}        the field's value; a line whose field has no value is left out entirely
                     (no "第三方订单号：" with nothing after it)
    {{field?}}       the field's value, or nothing; the line stays
    @center TEXT     TEXT (placeholders allowed) centred on the paper
    @rule C          the character C repeated across the paper
    @# ...           a comment, not printed

Fields: out_trade_no, channel_trade_no, channel, channel_name (微信支付), trade_type,
trade_type_name (付款码), state, state_name (已支付), total_amount, paid_amount, refund_amount
(yuan from fen, "12.50"; refund_amount has no value when nothing was refunded), paid_at,
created_at (store time, "2026-11-22 10:31:05"), subject, store_no, terminal_no, operator, and
store_name (the store's own name from the configuration: a customer reads a name, not a code).

The labels are those of the payment interface's default template, so the receipt reads back
through the print.txt parser to the same order number, amount, time and channel.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from datetime import tzinfo
from enum import Enum
from pathlib import Path
from typing import Any

from cashier_app.assets import receipt_templates_dir
from cashier_app.domain.errors import CodedError
from cashier_app.domain.local_time import store_time
from cashier_app.domain.money import yuan
from cashier_app.printing.layout import LayoutOptions, LayoutResult, layout_receipt
from cashier_app.printing.profiles import Profile
from cashier_app.printing.text_width import WidthModel, centre, text_width

DEFAULT_TEMPLATE = "order-default"

# Error codes.
TEMPLATE_NOT_FOUND = "template_not_found"
TEMPLATE_INVALID = "template_invalid"
ORDER_INCOMPLETE = "order_incomplete"
ORDER_NOT_PAID = "order_not_paid"

# Only orders that were paid get a receipt: a receipt for an unpaid order would tell the
# customer the money went through.
PRINTABLE_STATES = frozenset({"PAID", "PARTIAL_REFUNDED", "REFUNDED"})

CHANNEL_NAMES = {"WECHAT": "微信支付", "ALIPAY": "支付宝", "UNIONPAY": "云闪付", "BANKCARD": "银行卡"}
TRADE_TYPE_NAMES = {"MICROPAY": "付款码", "NATIVE": "扫码支付", "JSAPI": "公众号/小程序"}
STATE_NAMES = {
    "CREATED": "未支付",
    "USERPAYING": "等待用户付款",
    "PAID": "已支付",
    "PAY_FAILED": "支付失败",
    "REVOKED": "已撤销",
    "CLOSED": "已关闭",
    "PARTIAL_REFUNDED": "部分退款",
    "REFUNDED": "已全额退款",
    "UNKNOWN": "状态未知",
}

FIELDS = frozenset({
    "out_trade_no", "channel_trade_no", "channel", "channel_name", "trade_type", "trade_type_name",
    "state", "state_name", "total_amount", "paid_amount", "refund_amount", "paid_at", "created_at",
    "subject", "store_no", "terminal_no", "operator", "store_name",
})
_PLACEHOLDER = re.compile(r"\{\{\s*([a-z_]+)(\??)\s*\}\}")
_TEMPLATE_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


class OrderReceiptError(CodedError, ValueError):
    """The order cannot be printed with the template. The detail is for technicians."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(code, detail, message=f"{code}: {detail}")


@dataclasses.dataclass(frozen=True)
class ReceiptTemplate:
    name: str
    lines: tuple[str, ...]


def load_template(name: str = DEFAULT_TEMPLATE, templates_dir: Path | None = None) -> ReceiptTemplate:
    """Read receipts/templates/NAME.txt (UTF-8) and check its placeholders."""
    if not _TEMPLATE_NAME.match(name):
        raise OrderReceiptError(TEMPLATE_INVALID, f"template name {name!r}: lower-case letters, digits, - and _ only")
    path = (templates_dir or receipt_templates_dir()) / f"{name}.txt"
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise OrderReceiptError(TEMPLATE_NOT_FOUND, f"no receipt template {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise OrderReceiptError(TEMPLATE_INVALID, f"{path}: {exc}") from None
    template = ReceiptTemplate(name, tuple(line.rstrip() for line in text.splitlines()))
    check_template(template)
    return template


def check_template(template: ReceiptTemplate) -> None:
    for number, line in enumerate(template.lines, start=1):
        for match in _PLACEHOLDER.finditer(line):
            if match.group(1) not in FIELDS:
                raise OrderReceiptError(
                    TEMPLATE_INVALID,
                    f"template {template.name!r} line {number}: unknown field {match.group(1)!r} "
                    f"(known: {', '.join(sorted(FIELDS))})",
                )
        if line.startswith("@rule") and len(line[len("@rule"):].strip()) != 1:
            raise OrderReceiptError(
                TEMPLATE_INVALID, f"template {template.name!r} line {number}: @rule takes one character"
            )


def _as_mapping(order: Mapping[str, Any] | Any) -> Mapping[str, Any]:
    if isinstance(order, Mapping):
        return order
    if dataclasses.is_dataclass(order) and not isinstance(order, type):
        return {f.name: getattr(order, f.name) for f in dataclasses.fields(order)}
    raise TypeError(f"an order is a mapping or a dataclass, not {type(order).__name__}")


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, Enum):
        value = value.value
    text = str(value).strip()
    return text or None


def _fen(order: Mapping[str, Any], key: str, required: bool) -> int | None:
    value = order.get(key)
    if value is None:
        if required:
            raise OrderReceiptError(ORDER_INCOMPLETE, f"order has no {key}")
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise OrderReceiptError(ORDER_INCOMPLETE, f"{key} must be whole fen, not {value!r}")
    return value


def order_fields(order: Mapping[str, Any] | Any, *, zone: tzinfo, store_name: str = "") -> dict[str, str | None]:
    """The template's fields for an MP API Order (a dict as the API sends it, or a dataclass); its times on
    the store's clock (`zone`), whatever offset the platform wrote them in."""
    data = _as_mapping(order)
    out_trade_no = _text(data.get("out_trade_no"))
    if out_trade_no is None:
        raise OrderReceiptError(ORDER_INCOMPLETE, "order has no out_trade_no")
    state = _text(data.get("state")) or ""
    total = _fen(data, "total_amount", required=True)
    paid = _fen(data, "paid_amount", required=False)
    refund = _fen(data, "refund_amount", required=False)
    channel = _text(data.get("channel"))
    trade_type = _text(data.get("trade_type"))
    return {
        "out_trade_no": out_trade_no,
        "channel_trade_no": _text(data.get("channel_trade_no")),
        "channel": channel,
        "channel_name": CHANNEL_NAMES.get(channel or "", channel),
        "trade_type": trade_type,
        "trade_type_name": TRADE_TYPE_NAMES.get(trade_type or "", trade_type),
        "state": state or None,
        "state_name": STATE_NAMES.get(state, state or None),
        "total_amount": yuan(total) if total is not None else None,
        "paid_amount": yuan(paid) if paid is not None else None,
        "refund_amount": yuan(refund) if refund else None,
        "paid_at": store_time(data.get("paid_at"), zone) or None,
        "created_at": store_time(data.get("created_at"), zone) or None,
        "subject": _text(data.get("subject")),
        "store_no": _text(data.get("store_no")),
        "terminal_no": _text(data.get("terminal_no")),
        "operator": _text(data.get("operator")),
        "store_name": store_name.strip() or None,
    }


def render_template(
    template: ReceiptTemplate,
    fields: Mapping[str, str | None],
    columns: int,
    model: WidthModel = WidthModel.DOUBLE_BYTE,
) -> tuple[str, ...]:
    """The template's lines with the fields filled in, centred and ruled for `columns`."""
    out: list[str] = []
    for line in template.lines:
        if line.startswith("@#"):
            continue
        if line.startswith("@rule"):
            rule = line[len("@rule"):].strip()
            out.append(rule * (columns // max(1, text_width(rule, model))))
            continue
        centred = line.startswith("@center")
        filled = _fill(line[len("@center"):].strip() if centred else line, fields)
        if filled is None:
            continue
        out.append(centre(filled, columns, model) if centred else filled)
    return tuple(out)


def _fill(line: str, fields: Mapping[str, str | None]) -> str | None:
    missing = False

    def value(match: re.Match[str]) -> str:
        nonlocal missing
        found = fields.get(match.group(1))
        if found is None:
            missing = missing or not match.group(2)
            return ""
        return found

    filled = _PLACEHOLDER.sub(value, line).rstrip()
    return None if missing else filled


def build_order_receipt(
    order: Mapping[str, Any] | Any,
    *,
    columns: int = 32,
    template: str = DEFAULT_TEMPLATE,
    templates_dir: Path | None = None,
    model: WidthModel = WidthModel.DOUBLE_BYTE,
    zone: tzinfo,
    store_name: str = "",
) -> tuple[str, ...]:
    """Receipt lines for a paid platform order, from a template (ORDER_NOT_PAID for any other order)."""
    fields = order_fields(order, zone=zone, store_name=store_name)
    if fields["state"] not in PRINTABLE_STATES:
        raise OrderReceiptError(
            ORDER_NOT_PAID,
            f"order {fields['out_trade_no']} is {fields['state'] or 'without a state'}: only paid orders get a receipt",
        )
    return render_template(load_template(template, templates_dir), fields, columns, model)


def layout_order_receipt(
    order: Mapping[str, Any] | Any,
    profile: Profile,
    options: LayoutOptions | None = None,
    *,
    template: str = DEFAULT_TEMPLATE,
    templates_dir: Path | None = None,
    zone: tzinfo,
    store_name: str = "",
) -> LayoutResult:
    """The order's receipt laid out for `profile`, with a QR code of its merchant order number
    unless `options` asks for other QR data."""
    lines = build_order_receipt(
        order, columns=profile.columns, template=template, templates_dir=templates_dir, model=profile.width_model,
        zone=zone, store_name=store_name,
    )
    options = options or LayoutOptions()
    if options.qr_data is None:
        options = dataclasses.replace(options, qr_data=order_fields(order, zone=zone)["out_trade_no"])
    return layout_receipt(lines, profile, options)
