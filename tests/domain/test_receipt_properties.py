"""Generated receipts, laid out the many ways tills do, must read back to the fields they were made from."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cashier_app.domain.receipt import Channel, ReceiptKind, Refusal
from cashier_app.domain.receipt_labels import DEFAULT_LABELS, ParserSettings
from cashier_app.domain.receipt_parser import parse_receipt
from tests.helpers.receipt_builders import as_receipt, to_fullwidth

GLOSSES = {
    "out_trade_no": "ORDER NO", "channel_trade_no": "TRANS NO", "amount": "AMOUNT", "paid_at": "DATE/TIME",
    "merchant_no": "MERCHANT NO", "terminal_no": "TERMINAL NO", "operator": "OPERATOR NO", "reference_no": "REFER NO",
}
ID_PATTERNS = {
    "out_trade_no": r"[0-9A-Za-z]{6,32}",
    "channel_trade_no": r"[0-9]{20,32}",
    "merchant_no": r"[A-Z0-9]{5,15}",
    "terminal_no": r"[A-Z][0-9]{3,9}",
    "operator": r"[0-9]{2,4}",
    "reference_no": r"[0-9]{12}",
}
NOISE = [
    ["谢谢惠顾，欢迎再次光临"],
    ["商品              数量      金额"],
    ["农夫山泉550ml      2       4.00"],
    ["备注：凭此小票可在商户管理平台查询订单"],
    ["商户名称(MERCHANT NAME)：", "星河便利店"],
    ["批次号(BATCH NO)：000123"],
    ["授权码(AUTH NO)："],
    ["凭小票七日内可退货"],
    ["持卡人签名(CARDHOLDER SIGNATURE)"],
    ["客服电话: 95017"],
    ["================================"],
]
TITLES = [
    ["        聚合支付 签购单"],
    ["星河便利店", "收银小票"],
    ["      中国建设银行 签购单", "商户存根    MERCHANT COPY"],
]
REFUND_TITLES = [["        聚合支付 退款单"], ["星河便利店", "退货单"]]
CHANNEL_WORDS = {
    Channel.WECHAT: ["微信支付 付款码", "微信"],
    Channel.ALIPAY: ["支付宝 付款码", "支付宝"],
    Channel.UNIONPAY: ["云闪付", "银联二维码"],
}


@dataclass
class Generated:
    data: bytes
    encoding: str
    expected: dict[str, Any]
    lines: list[str] = field(default_factory=list)


def _amount_text(fen: int, style: str) -> str:
    yuan = f"{fen // 100}.{fen % 100:02d}"
    short = yuan.rstrip("0").rstrip(".")
    return {"RMB": f"RMB {yuan}", "fw-yen": f"￥{yuan}", "yen": f"¥{yuan}", "yuan": f"{yuan}元", "short": short}[style]


TIME_STYLES = {"dash": "%Y-%m-%d %H:%M:%S", "slash": "%Y/%m/%d %H:%M:%S", "compact": "%Y%m%d%H%M%S"}


def _time_text(moment: datetime, style: str) -> str:
    return moment.strftime(TIME_STYLES[style])


@st.composite
def pair_lines(draw: st.DrawFn, label: str, value: str, gloss: str) -> list[str]:
    """One `label：value` the way some template would print it."""
    if draw(st.booleans()):
        label += draw(st.sampled_from([f"({gloss})", f"（{gloss}）", f" ({gloss})"]))
    indent = " " * draw(st.integers(0, 3))
    before = draw(st.sampled_from(["", " ", "  ", "\u3000"]))
    colon = draw(st.sampled_from(["：", ":"]))
    after = draw(st.sampled_from(["", " ", "  "]))
    if draw(st.booleans()):
        value = to_fullwidth(value)
    if draw(st.integers(0, 4)) == 0:
        return [f"{indent}{label}{before}{colon}", " " * draw(st.integers(0, 8)) + value]
    return [f"{indent}{label}{before}{colon}{after}{value}"]


@st.composite
def receipts(draw: st.DrawFn) -> Generated:
    expected: dict[str, Any] = {name: None for name in DEFAULT_LABELS}
    groups: list[list[str]] = []
    single_line: list[list[str]] = []  # one-line field pairs, which may share a line

    def add(field_name: str, value_text: str) -> None:
        label = draw(st.sampled_from(DEFAULT_LABELS[field_name]))
        lines = draw(pair_lines(label, value_text, GLOSSES[field_name]))
        if len(lines) == 1:
            single_line.append(lines)
        groups.append(lines)

    for name, pattern in ID_PATTERNS.items():
        if draw(st.integers(0, 4)):
            value = draw(st.from_regex(pattern, fullmatch=True))
            expected[name] = value
            add(name, value)
    if draw(st.integers(0, 4)):
        fen = draw(st.integers(1, 10**9))
        expected["amount"] = fen
        add("amount", _amount_text(fen, draw(st.sampled_from(["RMB", "fw-yen", "yen", "yuan", "short"]))))
    if draw(st.integers(0, 4)):
        moment = draw(st.datetimes(datetime(2000, 1, 1), datetime(2099, 12, 31, 23, 59, 59))).replace(microsecond=0)
        expected["paid_at"] = moment.strftime("%Y-%m-%dT%H:%M:%S+08:00")
        add("paid_at", _time_text(moment, draw(st.sampled_from(sorted(TIME_STYLES)))))

    kind = draw(st.sampled_from(ReceiptKind))
    refund_by_title = kind is ReceiptKind.REFUND and draw(st.booleans())
    channel = draw(st.sampled_from([None, *Channel]))
    trade_label = draw(st.sampled_from(["交易类型", "交易类型(TRANS TYPE)", "支付方式"]))
    if kind is ReceiptKind.REFUND and not refund_by_title:
        trade_label = "交易类型"  # only the title or the 交易类型 line says 退款
    if channel is Channel.BANKCARD:
        groups.append(["卡号(CARD NO)：", "6227 00** **** 1234"])
        trade = "退货/REFUND" if kind is ReceiptKind.REFUND else "消费/SALE"
        groups.append([f"{trade_label}：{trade}"])
    elif channel is not None:
        trade = draw(st.sampled_from(CHANNEL_WORDS[channel]))
        if kind is ReceiptKind.REFUND and not refund_by_title:
            trade += " 退款"
        groups.append([f"{trade_label}：{trade}"])
    elif kind is ReceiptKind.REFUND and not refund_by_title:
        groups.append(["交易类型：退款"])

    groups.extend(draw(st.lists(st.sampled_from(NOISE), max_size=6)))
    groups = draw(st.permutations(groups))
    # Some templates print two short fields on one line: `收银员: 03   机号: T0001`.
    mergeable = [i for i, group in enumerate(groups) if any(group is g for g in single_line)]
    if len(mergeable) >= 2 and draw(st.booleans()):
        first, second = mergeable[:2]
        gap = draw(st.sampled_from(["  ", "   ", "\t", "\u3000\u3000"]))
        groups[first] = [groups[first][0].rstrip() + gap + groups[second][0].lstrip()]
        del groups[second]
    lines = [*draw(st.sampled_from(REFUND_TITLES if refund_by_title else TITLES)), "-" * 32]
    for group in groups:
        lines.extend(group)

    expected["kind"] = kind.value
    expected["channel"] = channel.value if channel else None
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    trailing = [line + " " * draw(st.integers(0, 2)) for line in lines]
    text = newline.join(trailing) + (newline if draw(st.booleans()) else "")
    expected["encoding"] = "gb18030" if encoding == "gb18030" else "utf-8"
    return Generated(text.encode(encoding), encoding, expected, [line.rstrip() for line in lines])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(receipts())
def test_generated_receipts_read_back(generated: Generated) -> None:
    receipt = as_receipt(parse_receipt(generated.data))
    assert receipt.fields() == {key: generated.expected[key] for key in receipt.fields()}
    assert receipt.lines == tuple(generated.lines)


@settings(max_examples=100, deadline=None)
@given(
    labels=st.permutations(DEFAULT_LABELS["out_trade_no"]).map(lambda p: p[:2]),
    values=st.lists(st.from_regex(r"[0-9]{8,20}", fullmatch=True), min_size=2, max_size=2, unique=True),
)
def test_two_labels_of_one_field_the_preferred_wins(labels: list[str], values: list[str]) -> None:
    text = "商户小票\n" + "".join(f"{label}：{value}\n" for label, value in zip(labels, values, strict=True))
    receipt = as_receipt(parse_receipt(text.encode("gbk")))
    order = DEFAULT_LABELS["out_trade_no"]
    winner = min(range(2), key=lambda i: order.index(labels[i]))
    assert receipt.out_trade_no == values[winner]


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=2048))
def test_any_bytes_give_a_receipt_or_a_refusal(data: bytes) -> None:
    result = parse_receipt(data, ParserSettings(max_bytes=1024))
    if isinstance(result, Refusal):
        assert result.detail
    else:
        assert len(data) <= 1024
        assert b"\x00" not in data
        assert result.encoding in {"utf-8", "gb18030"}
