"""A receipt built from a platform order through receipts/templates/ (paid order, print.txt never arrived)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from cashier_app.assets import receipt_templates_dir
from cashier_app.domain.receipt import Receipt
from cashier_app.domain.receipt_parser import parse_receipt
from cashier_app.printing.layout import LayoutOptions, qr_commands
from cashier_app.printing.order_receipt import (
    DEFAULT_TEMPLATE,
    ORDER_INCOMPLETE,
    ORDER_NOT_PAID,
    TEMPLATE_INVALID,
    TEMPLATE_NOT_FOUND,
    OrderReceiptError,
    build_order_receipt,
    layout_order_receipt,
    load_template,
    order_fields,
    store_time,
    yuan,
)
from cashier_app.printing.profiles import builtin_profiles
from cashier_app.printing.text_width import WidthModel, text_width
from tests.helpers.paths import REPO
from tests.helpers.spec_examples import SPEC_ORDER


def _order(**changes: Any) -> dict[str, Any]:
    order: dict[str, Any] = dict(SPEC_ORDER)
    order.update(changes)
    return order


def test_templates_live_in_the_repo() -> None:
    assert receipt_templates_dir() == REPO / "receipts" / "templates"
    assert (receipt_templates_dir() / f"{DEFAULT_TEMPLATE}.txt").is_file()


def test_paid_order_receipt() -> None:
    lines = build_order_receipt(_order(), store_name="星河便利店")
    assert lines == (
        "        聚合支付 签购单",
        "          平台订单补打",
        "-" * 32,
        "商户名称：星河便利店",  # the store's name, not its code (S001)
        "终端编号：T0001",
        "操作员：01",
        "交易类型：微信支付 付款码",
        "商品：门店消费",
        "商户订单号：202611220001",
        "第三方订单号：4200001234202611221234567890",
        "交易时间：2026-11-22 10:31:05",
        "金额：RMB 12.50",
        "订单状态：已支付",
        "-" * 32,
        "本小票按商户平台订单记录补打",
        "     谢谢惠顾，欢迎再次光临",
    )


def test_order_receipt_reads_back_through_the_print_txt_parser() -> None:
    lines = build_order_receipt(_order(channel="ALIPAY", total_amount=3600, paid_amount=3600))
    receipt = parse_receipt("\r\n".join(lines).encode("gbk"))
    assert isinstance(receipt, Receipt)
    fields = receipt.fields()
    assert fields["out_trade_no"] == "202611220001"
    assert fields["channel_trade_no"] == "4200001234202611221234567890"
    assert fields["amount"] == 3600
    assert fields["paid_at"] == "2026-11-22T10:31:05+08:00"
    assert fields["channel"] == "ALIPAY"
    assert fields["kind"] == "SALE"
    assert fields["terminal_no"] == "T0001"


def test_lines_without_a_value_are_left_out() -> None:
    lines = build_order_receipt(_order(channel_trade_no=None, subject="", trade_type=None))
    assert not any(line.startswith(("第三方订单号", "商品")) for line in lines)
    # An optional placeholder ({{trade_type_name?}}) leaves its line in.
    assert "交易类型：微信支付" in lines


def test_refunded_amount_is_shown_only_when_something_was_refunded() -> None:
    lines = build_order_receipt(_order(state="PARTIAL_REFUNDED", refund_amount=500))
    assert "其中已退：RMB 5.00" in lines
    assert "订单状态：部分退款" in lines
    assert not any(line.startswith("其中已退") for line in build_order_receipt(_order()))


def test_amounts_from_fen_with_decimal() -> None:
    assert yuan(1) == "0.01"
    assert yuan(10) == "0.10"
    assert yuan(1250) == "12.50"
    assert yuan(123456789) == "1234567.89"
    assert "金额：RMB 0.07" in build_order_receipt(_order(total_amount=7))


def test_times_are_store_time() -> None:
    assert store_time("2026-11-22T02:31:05Z") == "2026-11-22 10:31:05"
    assert store_time("2026-11-22T10:31:05+08:00") == "2026-11-22 10:31:05"
    assert store_time(None) is None
    assert store_time("yesterday") == "yesterday"


@pytest.mark.parametrize("state", ["CREATED", "USERPAYING", "CLOSED", "REVOKED", "PAY_FAILED", "UNKNOWN"])
def test_unpaid_orders_get_no_receipt(state: str) -> None:
    with pytest.raises(OrderReceiptError) as caught:
        build_order_receipt(_order(state=state))
    assert caught.value.code == ORDER_NOT_PAID


@pytest.mark.parametrize(
    "changes", [{"out_trade_no": None}, {"total_amount": None}, {"total_amount": 12.5}, {"total_amount": "1250"}]
)
def test_incomplete_orders(changes: dict[str, Any]) -> None:
    with pytest.raises(OrderReceiptError) as caught:
        build_order_receipt(_order(**changes))
    assert caught.value.code == ORDER_INCOMPLETE


def test_order_as_a_dataclass() -> None:
    @dataclass(frozen=True)
    class Order:
        out_trade_no: str
        channel: str
        state: str
        total_amount: int
        paid_at: str

    fields = order_fields(Order("202611220009", "UNIONPAY", "PAID", 990, "2026-11-22T11:00:00+08:00"))
    assert fields["channel_name"] == "云闪付"
    assert fields["total_amount"] == "9.90"


def test_template_centres_and_rules_for_the_paper() -> None:
    lines = build_order_receipt(_order(), columns=48)
    assert lines[2] == "-" * 48
    assert lines[0] == " " * 16 + "聚合支付 签购单"


def test_custom_template(tmp_path: Path) -> None:
    (tmp_path / "mine.txt").write_text(
        "@# a comment\n@center 星河便利店\n@rule =\n单号：{{out_trade_no}}\n实付：￥{{paid_amount}}\n", encoding="utf-8"
    )
    lines = build_order_receipt(_order(), columns=32, template="mine", templates_dir=tmp_path)
    assert lines == (" " * 11 + "星河便利店", "=" * 32, "单号：202611220001", "实付：￥12.50")


def test_template_errors(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_text("金额：{{amount_in_dollars}}\n", encoding="utf-8")
    with pytest.raises(OrderReceiptError) as caught:
        load_template("bad", tmp_path)
    assert caught.value.code == TEMPLATE_INVALID
    assert "amount_in_dollars" in caught.value.detail
    with pytest.raises(OrderReceiptError) as caught:
        load_template("missing", tmp_path)
    assert caught.value.code == TEMPLATE_NOT_FOUND
    with pytest.raises(OrderReceiptError) as caught:
        load_template("../../etc/passwd", tmp_path)
    assert caught.value.code == TEMPLATE_INVALID


def test_layout_order_receipt_has_a_qr_code_of_the_order_number() -> None:
    profile = builtin_profiles()["58-gbk"]
    result = layout_order_receipt(_order(), profile, LayoutOptions(cutter=False))
    assert qr_commands(b"202611220001", 8) in result.payload
    assert result.warnings == ()
    assert all(text_width(line, WidthModel.DOUBLE_BYTE) <= 32 for line in result.lines)
    assert result.payload.endswith(b"\x1bd\x05")


def test_first_paper_from_the_platforms_record_says_so_and_opens_no_drawer() -> None:
    """Not a reprint (nothing came before), not the till's own receipt either: marked at the top."""
    from cashier_app.printing.layout import DRAWER_KICK, RecordMark

    profile = builtin_profiles()["58-gbk"]
    options = LayoutOptions(drawer_kick=True, record=RecordMark("2026-11-22 10:35:00"))
    result = layout_order_receipt(SPEC_ORDER, profile, options)
    assert "补打小票" in result.lines[0] and "据平台记录打印" in result.lines[1]
    assert "打印时间 2026-11-22 10:35:00" in result.lines[2]
    assert not any("重打" in line or "REPRINT" in line for line in result.lines)
    assert DRAWER_KICK not in result.payload  # no money changes hands
