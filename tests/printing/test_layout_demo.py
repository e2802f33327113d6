"""The demo till's print.txt files (receipts/demo/): real receipts, laid out cleanly on every Chinese profile."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cashier_app.domain.receipt import Receipt
from cashier_app.domain.receipt_parser import parse_receipt
from cashier_app.printing.layout import LayoutOptions, layout_receipt
from cashier_app.printing.profiles import builtin_profiles
from cashier_app.printing.text_width import text_width
from tests.helpers.paths import REPO

DEMO = REPO / "receipts" / "demo"
FILES = sorted(DEMO.glob("*.txt"))


def _receipt(path: Path) -> Receipt:
    receipt = parse_receipt(path.read_bytes())
    assert isinstance(receipt, Receipt), (path.name, receipt)
    return receipt


def test_demo_receipts_have_distinct_order_numbers_in_both_encodings() -> None:
    assert len(FILES) >= 4
    receipts = [_receipt(path) for path in FILES]
    numbers = [r.out_trade_no for r in receipts]
    assert all(n is not None and re.fullmatch(r"2026112200\d\d", n) for n in numbers), numbers
    assert len(set(numbers)) == len(numbers)
    assert {r.encoding for r in receipts} == {"gb18030", "utf-8"}
    assert all(r.amount and r.paid_at and r.channel for r in receipts)


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
@pytest.mark.parametrize("name", ["58-gbk", "80-gb18030", "80-42-gb18030"])
def test_demo_receipt_lays_out_without_warnings(path: Path, name: str) -> None:
    profile = builtin_profiles()[name]
    receipt = _receipt(path)
    result = layout_receipt(receipt.lines, profile, LayoutOptions(qr_data=receipt.out_trade_no))
    assert result.warnings == ()
    assert all(text_width(line, profile.width_model) <= profile.columns for line in result.lines)
