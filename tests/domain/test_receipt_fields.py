"""The value readers and the template fingerprint, on their own."""

from __future__ import annotations

import hashlib

import pytest

from cashier_app.domain.receipt_fields import (
    label_index,
    normalise_label,
    parse_amount_fen,
    parse_identifier,
    parse_time_of_day,
)
from cashier_app.domain.receipt_labels import DEFAULT_LABELS
from cashier_app.domain.receipt_templates import fingerprint, template_name
from cashier_app.domain.text_decoding import split_lines, to_ascii_forms


@pytest.mark.parametrize(
    ("raw", "label"),
    [
        ("商户编号(MERCHANT NO)", "商户编号"),
        ("日期/时间 (DATE/TIME)", "日期/时间"),
        ("金 额", "金额"),
        ("TOTAL", "total"),
    ],
)
def test_normalise_label(raw: str, label: str) -> None:
    assert normalise_label(raw) == label


def test_label_index_ranks_follow_the_configured_order() -> None:
    index = label_index(DEFAULT_LABELS)
    assert index["商户订单号"] == (("out_trade_no", 0),)
    assert index["订单号"] == (("out_trade_no", 3),)
    assert index["第三方订单号"] == (("channel_trade_no", 0),)
    assert "单号" not in index


def test_label_index_follows_changes_to_the_lists() -> None:
    labels = {key: list(values) for key, values in DEFAULT_LABELS.items()}
    assert "单据号" not in label_index(labels)
    labels["out_trade_no"].append("单据号")
    assert label_index(labels)["单据号"] == (("out_trade_no", 4),)


def test_amount_uses_exact_decimal_arithmetic() -> None:
    # 0.29 * 100 is 28.999999999999996 in binary floating point.
    assert parse_amount_fen("0.29") == 29
    assert parse_amount_fen("1234567890123.45") == 123456789012345


@pytest.mark.parametrize(
    ("value", "expected"),
    [("T0001", "T0001"), ("4200 0012", "42000012"), ("T0001(收银台1)", "T0001"), ("无", None), ("-", None), ("", None)],
)
def test_identifier(value: str, expected: str | None) -> None:
    assert parse_identifier(value) == expected


def test_time_of_day_is_not_read_from_a_date() -> None:
    assert parse_time_of_day("2026/11/22") is None
    assert str(parse_time_of_day("11:20:33")) == "11:20:33"


def test_fingerprint_is_documented_sha256_prefix() -> None:
    labels = ["商户订单号", "金额"]
    assert fingerprint(labels) == hashlib.sha256("商户订单号\n金额".encode()).hexdigest()[:8]
    assert template_name(labels, known={fingerprint(labels): "store-own"}) == "store-own"
    assert template_name(labels, known={}) == f"unknown:{fingerprint(labels)}"


def test_ascii_forms_and_lines() -> None:
    assert to_ascii_forms("商户订单号（NO）：ＡＢ１２\u3000") == "商户订单号(NO):AB12 "
    assert split_lines("  a  \r\nb\rc\n\n\n") == ("  a", "b", "c")
    assert split_lines("\n\nx") == ("", "", "x")
