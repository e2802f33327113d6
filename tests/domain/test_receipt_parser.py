"""Edge cases of the print.txt reader (specs/print-txt.md): labels, values, kind, channel, refusals."""

from __future__ import annotations

import pytest

from cashier_app.domain.receipt import Channel, ReceiptKind, Refusal, RefusalReason
from cashier_app.domain.receipt_labels import ParserSettings
from cashier_app.domain.receipt_parser import parse_receipt
from tests.helpers.receipt_builders import as_receipt, encode, to_fullwidth

HEADER = "        聚合支付 签购单\n--------------------------------\n"


def parse_text(body: str, *, header: str = HEADER, encoding: str = "utf-8", settings: ParserSettings | None = None):
    return as_receipt(parse_receipt(encode(header + body, encoding), settings))


# --- labels -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "商户编号(MERCHANT NO)：M100001",
        "商户编号（MERCHANT NO）：M100001",
        "商户编号 (MERCHANT NO) : M100001",
        "商户编号:M100001",
        "商户编号 ： M100001",
        "  商户编号\u3000：\u3000M100001",
        "商 户 编 号：M100001",
        "商户号：M100001",
        "商户编号：\nM100001",
        "商户编号(MERCHANT NO)：\n      M100001",
        "商户编号：Ｍ１０００01",
    ],
)
def test_label_forms(line: str) -> None:
    assert parse_text(line + "\n").merchant_no == "M100001"


def test_third_party_order_number_is_not_an_order_number() -> None:
    receipt = parse_text("第三方订单号：4200001234\n")
    assert receipt.channel_trade_no == "4200001234"
    assert receipt.out_trade_no is None


def test_labels_are_matched_whole_not_as_substrings() -> None:
    receipt = parse_text("退款单号：R1\n优惠金额：2.00\n应收合计金额：9.00\n交易时间戳：20261122103105\n")
    assert (receipt.out_trade_no, receipt.amount, receipt.paid_at) == (None, None, None)


@pytest.mark.parametrize(
    "body",
    [
        "订单号：LOW\n商户订单号：HIGH\n",
        "商户订单号：HIGH\n订单号：LOW\n",
        "商户单号：LOW\n平台订单号：HIGH\n",
        "商户订单号：HIGH\n商户订单号：SECOND\n",
    ],
)
def test_label_higher_in_the_list_wins(body: str) -> None:
    assert parse_text(body).out_trade_no == "HIGH"


def test_amount_label_preference_vendor_layout() -> None:
    receipt = parse_text("合计:                      9.50\n支付方式: 微信\n实付: ￥8.00\n", header="收银小票\n")
    assert receipt.amount == 800


def test_unreadable_preferred_value_falls_back_to_the_next_label() -> None:
    receipt = parse_text("实付金额：见下\n金额：RMB 12.50\n")
    assert receipt.amount == 1250


def test_no_order_number_in_words() -> None:
    assert parse_text("商户订单号：无\n").out_trade_no is None


def test_two_fields_on_one_line() -> None:
    receipt = parse_text("收银员: 03   机号: T0001\n")
    assert (receipt.operator, receipt.terminal_no) == ("03", "T0001")
    # Each pair competes by its own label's rank: 操作员号 beats 收银员, 终端号 beats 机号.
    receipt = parse_text("收银员: 03   机号: T0001\n终端号:T9 操作员号:07\n")
    assert (receipt.operator, receipt.terminal_no) == ("07", "T9")


def test_known_label_after_single_space_splits_but_unknown_does_not() -> None:
    receipt = parse_text("终端编号:T9 操作员:07\n备注:见 附注:xx\n")
    assert (receipt.terminal_no, receipt.operator) == ("T9", "07")


def test_empty_value_before_another_label_stays_empty() -> None:
    receipt = parse_text("参考号(REFER NO)：\n商户编号：M1\n")
    assert receipt.reference_no is None
    assert receipt.merchant_no == "M1"


def test_empty_value_before_separator_or_end_stays_empty() -> None:
    receipt = parse_text("参考号：\n--------\n终端号：\n")
    assert (receipt.reference_no, receipt.terminal_no) == (None, None)


def test_time_on_next_line_is_a_value_although_it_has_colons() -> None:
    receipt = parse_text("日期/时间(DATE/TIME)：\n2026/11/22 11:20:33\n")
    assert receipt.paid_at == "2026-11-22T11:20:33+08:00"


def test_order_numbers_written_in_groups() -> None:
    receipt = parse_text("第三方订单号：4200 0012 3420 2611\n")
    assert receipt.channel_trade_no == "4200001234202611"


def test_operator_may_be_a_name() -> None:
    assert parse_text("收银员：张 三\n").operator == "张三"


def test_custom_label_from_settings_is_honoured() -> None:
    settings = ParserSettings()
    settings.labels["out_trade_no"] = ["单据号", *settings.labels["out_trade_no"]]
    settings.labels["amount"] = ["应收", *settings.labels["amount"]]
    body = "单据号：D0001\n订单号：O0001\n应收：3.30\n金额：9.99\n"
    receipt = parse_text(body, settings=settings)
    assert (receipt.out_trade_no, receipt.amount) == ("D0001", 330)
    default = parse_text(body)
    assert (default.out_trade_no, default.amount) == ("O0001", 999)


def test_store_labels_replace_order_of_preference() -> None:
    settings = ParserSettings()
    settings.labels["out_trade_no"] = ["订单号", "商户订单号"]
    receipt = parse_text("商户订单号：A\n订单号：B\n", settings=settings)
    assert receipt.out_trade_no == "B"


def test_english_label_configured_by_a_store() -> None:
    settings = ParserSettings()
    settings.labels["amount"] = ["Total", *settings.labels["amount"]]
    assert parse_text("TOTAL: RMB 5.00\n", settings=settings).amount == 500


# --- amounts and times ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "fen"),
    [
        ("RMB 12.50", 1250),
        ("RMB12.50", 1250),
        ("￥12.50", 1250),
        ("¥12.50", 1250),
        ("12.50元", 1250),
        ("12.5", 1250),
        ("12", 1200),
        ("0.01", 1),
        ("１２.５０", 1250),
        ("ＲＭＢ　１２．５０", 1250),
        ("1,280.00", 128000),
        ("CNY 99999999.99", 9999999999),
        ("-12.50", 1250),
        ("12.505", None),
        ("1,28", None),
        ("见背面", None),
    ],
)
def test_amount_formats(value: str, fen: int | None) -> None:
    assert parse_text(f"金额：{value}\n").amount == fen


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2026-11-22 10:31:05", "2026-11-22T10:31:05+08:00"),
        ("2026/11/22 11:02:47", "2026-11-22T11:02:47+08:00"),
        ("20261122103105", "2026-11-22T10:31:05+08:00"),
        ("2026-11-22T10:31:05", "2026-11-22T10:31:05+08:00"),
        ("2026.11.22 10:31", "2026-11-22T10:31:00+08:00"),
        ("2026年11月22日 10:31:05", "2026-11-22T10:31:05+08:00"),
        ("2026/1/5 9:05:00", "2026-01-05T09:05:00+08:00"),
        ("２０２６－１１－２２　１０：３１：０５", "2026-11-22T10:31:05+08:00"),
        ("2026-02-30 10:00:00", None),
        ("2026-11-22 25:00:00", None),
        ("20261322103105", None),
        ("今天", None),
    ],
)
def test_time_formats(value: str, iso: str | None) -> None:
    assert parse_text(f"交易时间：{value}\n").paid_at == iso


def test_date_and_time_printed_apart() -> None:
    receipt = parse_text("日期(DATE)：2026/11/22   时间(TIME)：11:20:33\n")
    assert receipt.paid_at == "2026-11-22T11:20:33+08:00"


def test_store_utc_offset_is_used() -> None:
    settings = ParserSettings(utc_offset="+07:00")
    assert parse_text("交易时间：2026-11-22 10:31:05\n", settings=settings).paid_at == "2026-11-22T10:31:05+07:00"


def test_preferred_time_label_wins() -> None:
    receipt = parse_text("日期：2026-01-01 00:00:00\n交易时间：2026-11-22 10:31:05\n")
    assert receipt.paid_at == "2026-11-22T10:31:05+08:00"


# --- kind and channel ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "body", "kind"),
    [
        ("  聚合支付 退款单\n------\n", "金额：1.00\n", ReceiptKind.REFUND),
        ("  退货单\n", "金额：1.00\n", ReceiptKind.REFUND),
        (HEADER, "交易类型：微信支付 退款\n", ReceiptKind.REFUND),
        (HEADER, "交易类型(TRANS TYPE)：退货/REFUND\n", ReceiptKind.REFUND),
        (HEADER, "交易类型：消费/SALE\n", ReceiptKind.SALE),
        # A footer that mentions returns is not the title.
        (HEADER, "金额：1.00\n--------\n凭小票七日内可退货\n", ReceiptKind.SALE),
        (HEADER, "备注：退款请联系收银台\n", ReceiptKind.SALE),
    ],
)
def test_kind(header: str, body: str, kind: ReceiptKind) -> None:
    assert parse_text(body, header=header).kind is kind


@pytest.mark.parametrize(
    ("body", "channel"),
    [
        ("交易类型：微信支付 付款码\n", Channel.WECHAT),
        ("支付方式: 微信\n", Channel.WECHAT),
        ("交易类型：支付宝 付款码\n", Channel.ALIPAY),
        ("支付方式：云闪付\n", Channel.UNIONPAY),
        ("交易类型：银联二维码\n", Channel.UNIONPAY),
        ("交易类型(TRANS TYPE)：消费/SALE\n", Channel.BANKCARD),
        ("卡号(CARD NO)：\n6227 00** **** 1234\n交易类型(TRANS TYPE)：退货/REFUND\n", Channel.BANKCARD),
        ("卡号：6227 00** **** 1234\n", Channel.BANKCARD),
        ("交易类型：现金\n", None),
        ("金额：1.00\n", None),
        ("备注：支持微信、支付宝\n", None),
    ],
)
def test_channel(body: str, channel: Channel | None) -> None:
    assert parse_text(body).channel is channel


def test_wallet_named_in_trade_type_wins_over_a_card_number_line() -> None:
    assert parse_text("卡号：6227****1234\n交易类型：微信支付\n").channel is Channel.WECHAT


# --- encodings, lines and refusals -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "reported"), [("utf-8", "utf-8"), ("utf-8-sig", "utf-8"), ("gbk", "gb18030"), ("gb18030", "gb18030")]
)
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_encodings_and_line_endings(encoding: str, reported: str, newline: str) -> None:
    text = HEADER + "商户订单号：202611220001\n金额：￥12.50   \n"
    receipt = as_receipt(parse_receipt(encode(text, encoding, newline)))
    assert (receipt.encoding, receipt.out_trade_no, receipt.amount) == (reported, "202611220001", 1250)
    assert receipt.lines == ("        聚合支付 签购单", "-" * 32, "商户订单号：202611220001", "金额：￥12.50")


def test_full_width_text_is_kept_for_printing() -> None:
    receipt = parse_text("商户订单号：" + to_fullwidth("A0006") + "\n")
    assert receipt.out_trade_no == "A0006"
    assert receipt.lines[-1] == "商户订单号：Ａ０００６"


def test_ascii_only_file_is_utf8() -> None:
    receipt = as_receipt(parse_receipt(b"ORDER RECEIPT\r\n"))
    assert receipt.encoding == "utf-8"
    assert receipt.lines == ("ORDER RECEIPT",)


def test_text_without_fields_is_a_receipt_of_unknown_layout() -> None:
    receipt = as_receipt(parse_receipt("谢谢惠顾\n".encode()))
    assert receipt.fields()["out_trade_no"] is None
    assert receipt.template is not None and receipt.template.startswith("unknown:")


def test_same_layout_same_fingerprint_different_layout_different_one() -> None:
    a = parse_text("商户订单号：1\n金额：1.00\n")
    b = parse_text("商户订单号：2\n金额：\n3.00\n")
    c = parse_text("金额：1.00\n商户订单号：1\n")
    assert a.template == b.template
    assert a.template != c.template


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", RefusalReason.EMPTY),
        (b"  \r\n\t\r\n", RefusalReason.EMPTY),
        (b"\xef\xbb\xbf", RefusalReason.EMPTY),
        ("\u3000\n".encode(), RefusalReason.EMPTY),
        (b"\x00", RefusalReason.NOT_TEXT),
        ("金额：1.00\x00".encode(), RefusalReason.NOT_TEXT),
        ("金额：1.00".encode("utf-16"), RefusalReason.NOT_TEXT),
        (bytes(range(1, 9)) * 10 + b"abc", RefusalReason.NOT_TEXT),
        (b"\x80abc", RefusalReason.UNDECODABLE),
        ("金额：1.00".encode("gbk") + b"\xff", RefusalReason.UNDECODABLE),
        (b"\xef\xbb\xbf" + "金额".encode("gbk"), RefusalReason.UNDECODABLE),
    ],
)
def test_refusals(data: bytes, reason: RefusalReason) -> None:
    result = parse_receipt(data)
    assert isinstance(result, Refusal)
    assert result.reason is reason
    assert result.fields() == {"error": reason.value}
    assert result.detail


def test_utf16_file_is_explained() -> None:
    result = parse_receipt("金额：1.00".encode("utf-16"))
    assert isinstance(result, Refusal)
    assert "UTF-16" in result.detail


def test_a_few_control_characters_do_not_make_a_file_binary() -> None:
    receipt = as_receipt(parse_receipt(b"\x1b@" + encode(HEADER + "\x1d金额：1.00\n\x0c")))
    assert receipt.amount == 100
    assert not any(ch < " " for line in receipt.lines for ch in line)


def test_oversize_file_is_refused_by_the_configured_limit() -> None:
    line = encode("备注：" + "x" * 100 + "\n")
    data = encode(HEADER) + line * 700
    too_large = parse_receipt(data)
    assert isinstance(too_large, Refusal)
    assert too_large.reason is RefusalReason.TOO_LARGE
    assert str(len(data)) in too_large.detail
    assert as_receipt(parse_receipt(data, ParserSettings(max_bytes=len(data)))).lines[-1].startswith("备注")


def test_exactly_the_limit_is_accepted() -> None:
    data = b"a" * 65536
    assert as_receipt(parse_receipt(data)).lines == ("a" * 65536,)
    assert isinstance(parse_receipt(data + b"\n"), Refusal)
