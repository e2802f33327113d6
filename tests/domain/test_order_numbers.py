from __future__ import annotations

import pytest

from cashier_app.domain.numbers import normalise_order_number
from cashier_app.domain.order_numbers import NumberKind, could_be_channel_number, guess_channel, guess_number_kind
from cashier_app.domain.receipt import Channel


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("２０２６１１２２０００１", "202611220001"),
        ("  202611220001\n", "202611220001"),
        ("\u3000２０２６ １１２２ ０００１\u3000", "202611220001"),
        ("ＡＢｃ１２３", "ABc123"),
        ("4200 0012 3420 2611 2212 3456 7890", "4200001234202611221234567890"),
    ],
)
def test_normalisation(raw: str, expected: str) -> None:
    assert normalise_order_number(raw) == expected


@pytest.mark.parametrize(
    ("number", "channel"),
    [
        ("4200001234202611221234567890", Channel.WECHAT),
        ("４２００００１２３４２０２６１１２２１２３４５６７８９０", Channel.WECHAT),
        ("2026112222001234567890123456", Channel.ALIPAY),
        ("2026 1122 2200 1234 5678 9012 3456", Channel.ALIPAY),
        ("202611220001", None),
        # 28 digits but neither shape: a date that does not exist, or no 2200 after the date.
        ("2026133122001234567890123456", None),
        ("2026112233001234567890123456", None),
        ("420000123420261122123456789", None),  # 27 digits
        ("T0001-20261122-0001", None),
    ],
)
def test_guess_number_kind(number: str, channel: Channel | None) -> None:
    assert guess_channel(number) is channel
    kind = guess_number_kind(number)
    assert kind is (NumberKind.MERCHANT if channel is None else NumberKind.CHANNEL)
    assert kind.query_field == ("out_trade_no" if kind is NumberKind.MERCHANT else "channel_trade_no")


def test_a_channel_number_is_a_run_of_16_to_32_digits() -> None:
    assert could_be_channel_number("6222021234567890123")  # UnionPay's 21-digit shape and the like
    assert could_be_channel_number("4200001234202611221234567890")
    assert not could_be_channel_number("202611220001")  # 12 digits: a merchant's
    assert not could_be_channel_number("A2026112200012345678")
    assert not could_be_channel_number("1" * 33)
