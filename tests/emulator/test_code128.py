"""CODE128 tables and encoding (the renderer draws bars from these)."""

from __future__ import annotations

import pytest

from cashier_app.emulator import code128


def test_every_symbol_has_eleven_modules_with_even_bars_and_odd_spaces() -> None:
    assert len(code128.PATTERNS) == 107
    for value, pattern in enumerate(code128.PATTERNS[:-1]):
        widths = [int(c) for c in pattern]
        assert sum(widths) == 11, value
        assert sum(widths[0::2]) % 2 == 0, value  # bars even: the code's parity property
        assert sum(widths[1::2]) % 2 == 1, value
    assert sum(int(c) for c in code128.PATTERNS[code128.STOP]) == 13
    assert len(set(code128.PATTERNS)) == 107


def test_values_and_checksum_code_b() -> None:
    # "Wikipedia" in code set B: check symbol 88 (Start B 104 + sum of position x value, mod 103).
    values = code128.symbol_values(b"{BWikipedia")
    assert values[0] == 104
    assert values[1:-1] == [ord(c) - 32 for c in "Wikipedia"]
    assert values[-1] == 88


def test_code_c_values_and_switch_to_b() -> None:
    data = bytes([ord("{"), ord("C"), 12, 34, ord("{"), ord("B"), ord("X")])
    values = code128.symbol_values(data)
    assert values[:5] == [105, 12, 34, 100, ord("X") - 32]
    assert code128.human_readable(data) == "1234X"
    assert code128.human_readable(b"{BA{{B") == "A{B"


@pytest.mark.parametrize("data", [b"ABC", b"{B\x80", b"{C\x64", b"{Babc{Z"])
def test_invalid_data_is_refused(data: bytes) -> None:
    with pytest.raises(code128.Code128Error):
        code128.symbol_values(data)


def test_modules_start_and_end_with_bars() -> None:
    pattern = code128.modules(b"{B20240501-0042")
    assert pattern[0][0] is True and pattern[-1][0] is True
    assert sum(w for _, w in pattern) == 11 * (1 + 13 + 1) + 13
