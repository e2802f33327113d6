from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cashier_app.app.commands.parse_cmd import _summary
from cashier_app.domain.money import format_fen, signed_fen, yuan
from cashier_app.domain.receipt import Receipt
from cashier_app.domain.receipt_parser import parse_receipt


def test_examples() -> None:
    assert [yuan(1250), yuan(5), yuan(0), yuan(-5), yuan(123456789)] == [
        "12.50", "0.05", "0.00", "-0.05", "1234567.89"]


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_matches_decimal_arithmetic(fen: int) -> None:
    assert yuan(fen) == str((Decimal(fen) / 100).quantize(Decimal("0.01")))


@pytest.mark.parametrize(
    ("fen", "refund", "text"),
    [
        (1250, False, "¥12.50"),
        (5, False, "¥0.05"),
        (0, False, "¥0.00"),
        (0, True, "¥0.00"),
        (123456789, False, "¥1,234,567.89"),
        (1250, True, "-¥12.50"),
        (-300, False, "-¥3.00"),
        (None, False, "—"),
    ],
)
def test_format_fen(fen: int | None, refund: bool, text: str) -> None:
    assert format_fen(fen, refund=refund) == text


def test_refunds_count_negative_in_the_net_total() -> None:
    assert signed_fen(1000, "SALE") == 1000
    assert signed_fen(1000, "REFUND") == -1000
    assert signed_fen(None, "SALE") == 0


def test_grouped_yuan_for_people_plain_for_files() -> None:
    assert yuan(123456789, grouped=True) == "1,234,567.89" and yuan(-123456, grouped=True) == "-1,234.56"


def test_the_parse_command_shows_a_negative_amount_as_the_formatter_does(samples_dir: Path) -> None:
    """Floor division made -5 fen "-1.95 yuan"; the one formatter says -0.05."""
    receipt = parse_receipt((samples_dir / "wechat-default-gbk-crlf.txt").read_bytes())
    assert isinstance(receipt, Receipt)
    text = _summary(Path("print.txt"), 1, dataclasses.replace(receipt, amount=-5))
    assert "-5 fen (-0.05 yuan)" in text
