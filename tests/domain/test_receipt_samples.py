"""Every sample in docs/samples/print-txt/ must give exactly what expected.json says (specs/print-txt.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cashier_app.domain.receipt import Receipt, Refusal
from cashier_app.domain.receipt_parser import parse_receipt
from cashier_app.domain.receipt_templates import KNOWN_TEMPLATES
from tests.helpers.paths import SAMPLES
from tests.helpers.receipt_builders import as_receipt, load_expected

EXPECTED = load_expected(SAMPLES)


def test_every_sample_file_has_an_expectation(samples_dir: Path) -> None:
    files = {p.name for p in samples_dir.iterdir() if p.name != "expected.json"}
    assert files == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_gives_expected_fields(samples_dir: Path, name: str) -> None:
    result = parse_receipt((samples_dir / name).read_bytes())
    assert result.fields() == EXPECTED[name]
    # The same key order as expected.json, so JSON lines compare as text too.
    assert list(result.fields()) == list(EXPECTED[name])


@pytest.mark.parametrize(
    ("name", "template"),
    [
        ("wechat-default-gbk-crlf.txt", "wechat-default"),
        ("alipay-default-gbk-crlf.txt", "alipay-default"),
        ("refund-utf8-lf.txt", "refund-default"),
        ("bank-card-mispos-gbk.txt", "bankcard-mispos"),
        ("pos-vendor-template-utf8-bom.txt", "vendor"),
    ],
)
def test_known_templates_are_recognised(samples_dir: Path, name: str, template: str) -> None:
    receipt = as_receipt(parse_receipt((samples_dir / name).read_bytes()))
    assert receipt.template == template


def test_unrecognised_layout_reports_its_fingerprint(samples_dir: Path) -> None:
    receipt = as_receipt(parse_receipt((samples_dir / "fullwidth-and-spaces-gbk.txt").read_bytes()))
    assert receipt.template is not None
    prefix, _, mark = receipt.template.partition(":")
    assert prefix == "unknown"
    assert len(mark) == 8
    int(mark, 16)
    assert mark not in KNOWN_TEMPLATES


def test_template_table_names_are_unique_short_names() -> None:
    assert all(len(mark) == 8 and int(mark, 16) >= 0 for mark in KNOWN_TEMPLATES)
    assert len(set(KNOWN_TEMPLATES.values())) == len(KNOWN_TEMPLATES)


def test_sample_lines_keep_layout_for_printing(samples_dir: Path) -> None:
    data = (samples_dir / "wechat-default-gbk-crlf.txt").read_bytes()
    receipt = as_receipt(parse_receipt(data))
    written = [line.rstrip() for line in data.decode("gb18030").split("\r\n")]
    assert written[-1] == ""  # the final CRLF ends the last line; it starts no new one
    assert receipt.lines == tuple(written[:-1])
    assert receipt.lines[0].startswith("        聚合支付")  # centring kept
    assert receipt.lines[-1] == "        谢谢惠顾，欢迎再次光临"
    assert len(receipt.lines) == 14


def test_bom_is_not_part_of_the_first_line(samples_dir: Path) -> None:
    receipt = as_receipt(parse_receipt((samples_dir / "pos-vendor-template-utf8-bom.txt").read_bytes()))
    assert receipt.lines[0] == "星河便利店"


def test_bank_card_next_line_values_are_not_labels(samples_dir: Path) -> None:
    receipt = as_receipt(parse_receipt((samples_dir / "bank-card-mispos-gbk.txt").read_bytes()))
    # 授权码(AUTH NO)： is empty; the 参考号 line below it is a field of its own, not its value.
    assert receipt.reference_no == "123456789012"
    assert receipt.lines[9] == "6227 00** **** 1234"


@pytest.mark.parametrize(("name", "reason"), [("empty.txt", "empty"), ("not-a-receipt.bin.txt", "not text")])
def test_refused_samples_carry_a_detail_for_technicians(samples_dir: Path, name: str, reason: str) -> None:
    result = parse_receipt((samples_dir / name).read_bytes())
    assert isinstance(result, Refusal)
    assert result.reason.value == reason
    assert result.detail


def test_samples_equal_whatever_the_label_table_object(samples_dir: Path) -> None:
    """Parsing with explicit default settings and with none gives equal receipts."""
    from cashier_app.domain.receipt_labels import ParserSettings

    data = (samples_dir / "alipay-default-gbk-crlf.txt").read_bytes()
    first, second = parse_receipt(data), parse_receipt(data, ParserSettings())
    assert isinstance(first, Receipt)
    assert first == second
    assert first.lines == second.lines
