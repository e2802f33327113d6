"""Reading order numbers from typed and scanned input (lookup/scan.py)."""

from __future__ import annotations

import pytest

from cashier_app.lookup import InvalidNumber, ScanSource, read_number
from tests.helpers.lookup_rig import WECHAT_NO, Rig

NUMBER = "2026112200012345"


@pytest.mark.parametrize(("raw", "source"), [
    (NUMBER, ScanSource.TYPED),
    (f"  {NUMBER}\r\n", ScanSource.TYPED),  # a scanner's Enter suffix
    ("２０２６１１２２０００１２３４５", ScanSource.TYPED),  # full-width digits from a Chinese IME
    ("2026\u30001122 0001 2345", ScanSource.TYPED),  # typed in groups, ideographic space too
    (f"\x02{NUMBER}\x03", ScanSource.TYPED),  # STX/ETX framing
    (f"]C0{NUMBER}", ScanSource.TYPED),  # AIM symbology identifier (Code 128)
    (f"*{NUMBER}*", ScanSource.TYPED),  # Code 39 start/stop
    (f"\ufeff{NUMBER}\u200b", ScanSource.TYPED),  # BOM and zero-width space
    (f"https://pay.example.com/v?sign=ab12&out_trade_no={NUMBER}", ScanSource.QUERY),
    (f"https://pay.example.com/#/order?outTradeNo={NUMBER}", ScanSource.QUERY),
    (f"]Q1https://m.example.com/r?out_trade_no={NUMBER}&transaction_id={WECHAT_NO}", ScanSource.QUERY),
    (f'{{"out_trade_no": "{NUMBER}", "amount": 1250}}', ScanSource.JSON),
    (f"out_trade_no: {NUMBER}", ScanSource.KEY_VALUE),
    (f"商户订单号：{NUMBER}", ScanSource.LABEL),
    ("商户订单号：２０２６ １１２２ ０００１ ２３４５", ScanSource.LABEL),
    (f"NO.{NUMBER};", ScanSource.DIGITS),
    (f"https://shop.example.com/orders/{NUMBER}", ScanSource.DIGITS),
])
def test_merchant_number_forms(raw: str, source: ScanSource) -> None:
    scanned = read_number(raw)
    assert scanned is not None
    assert scanned.number == NUMBER
    assert scanned.source is source
    if source in (ScanSource.QUERY, ScanSource.JSON, ScanSource.KEY_VALUE, ScanSource.LABEL):
        assert scanned.kind == "merchant"
    else:
        assert scanned.kind is None


@pytest.mark.parametrize("raw", [
    f"https://x.example.com/q?transaction_id={WECHAT_NO}",
    f"第三方订单号：{WECHAT_NO}",
    f"微信支付单号 {WECHAT_NO}",
    f'{{"trade_no": "{WECHAT_NO}"}}',
])
def test_named_third_party_numbers(raw: str) -> None:
    scanned = read_number(raw)
    assert scanned is not None
    assert (scanned.number, scanned.kind) == (WECHAT_NO, "channel")


def test_letters_keep_their_case_and_dashes_stay() -> None:
    scanned = read_number("ｐｏｓ-Ab_20261122")
    assert scanned is not None and scanned.number == "pos-Ab_20261122"


@pytest.mark.parametrize("raw", [
    "", "   ", "\r\n", "12345", "abc", "订单号", "https://qr.example.com/pay", "12 34",
    f"{NUMBER} and 2026112200099999",  # two long numbers: which one?
    "x" * 65,
])
def test_no_number(raw: str) -> None:
    assert read_number(raw) is None


def test_service_normalise_and_invalid_input(rig: Rig) -> None:
    assert rig.service.normalise(f" ＊{NUMBER}＊\n") == NUMBER
    assert rig.service.normalise("hello") is None
    with pytest.raises(InvalidNumber) as empty:
        rig.service.lookup("  ")
    assert (empty.value.code, empty.value.reason) == ("invalid_number", "empty")
    with pytest.raises(InvalidNumber) as garbage:
        rig.service.lookup("??!!")
    assert (garbage.value.code, garbage.value.reason) == ("invalid_number", "not_a_number")
    assert rig.all_cases(training=None) == []
