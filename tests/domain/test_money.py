from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from cashier_app.domain.money import yuan


def test_examples() -> None:
    assert [yuan(1250), yuan(5), yuan(0), yuan(-5), yuan(123456789)] == [
        "12.50", "0.05", "0.00", "-0.05", "1234567.89"]


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_matches_decimal_arithmetic(fen: int) -> None:
    assert yuan(fen) == str((Decimal(fen) / 100).quantize(Decimal("0.01")))
