"""Backoff between tries at a printer that cannot print."""

from __future__ import annotations

import pytest

from cashier_app.printing.backoff import Backoff


def test_doubles_up_to_the_cap_and_resets() -> None:
    backoff = Backoff(0.2, 5.0, jitter=0.2, rand=lambda: 0.0)
    assert [round(backoff.next_delay(), 3) for _ in range(7)] == [0.2, 0.4, 0.8, 1.6, 3.2, 5.0, 5.0]
    backoff.reset()
    assert backoff.next_delay() == pytest.approx(0.2)


def test_a_cheap_try_is_capped_lower() -> None:
    backoff = Backoff(0.2, 5.0, rand=lambda: 0.0)
    assert [round(backoff.next_delay(cap=0.5), 3) for _ in range(4)] == [0.2, 0.4, 0.5, 0.5]


def test_jitter_only_shortens_the_wait() -> None:
    backoff = Backoff(1.0, 1.0, jitter=0.2, rand=lambda: 1.0)
    assert backoff.next_delay() == pytest.approx(0.8)
    for value in (0.0, 0.3, 0.99):
        assert 0.8 <= Backoff(1.0, 1.0, jitter=0.2, rand=lambda: value).next_delay() <= 1.0  # noqa: B023


def test_bad_settings_are_refused() -> None:
    with pytest.raises(ValueError, match="positive"):
        Backoff(0, 1)
    with pytest.raises(ValueError, match="jitter"):
        Backoff(1, 1, jitter=1.5)
