from __future__ import annotations

import pytest

from cashier_app.platform.order_numbers import NumberKind, guess_number_kind, normalise_order_number


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
    ("number", "kind"),
    [
        ("4200001234202611221234567890", NumberKind.WECHAT),
        ("４２００００１２３４２０２６１１２２１２３４５６７８９０", NumberKind.WECHAT),
        ("2026112222001234567890123456", NumberKind.ALIPAY),
        ("2026 1122 2200 1234 5678 9012 3456", NumberKind.ALIPAY),
        ("202611220001", NumberKind.MERCHANT),
        # 28 digits but neither shape: a date that does not exist, or no 2200 after the date.
        ("2026133122001234567890123456", NumberKind.MERCHANT),
        ("2026112233001234567890123456", NumberKind.MERCHANT),
        ("420000123420261122123456789", NumberKind.MERCHANT),  # 27 digits
        ("T0001-20261122-0001", NumberKind.MERCHANT),
    ],
)
def test_guess_number_kind(number: str, kind: NumberKind) -> None:
    assert guess_number_kind(number) is kind
    assert kind.query_field == ("out_trade_no" if kind is NumberKind.MERCHANT else "channel_trade_no")
