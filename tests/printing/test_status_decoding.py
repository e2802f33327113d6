"""DLE EOT 1..4 replies decoded exactly per specs/escpos.md "Status"."""

from __future__ import annotations

import pytest

from cashier_app.printing.status import (
    PrinterState,
    PrinterStatus,
    decode_byte,
    is_valid_reply,
    status_from_replies,
)

BASE = 0x12  # 0xx1xx10 with no bit of the table set

SINGLE_BITS = [
    (1, 0x04, "drawer_pin3"),
    (1, 0x08, "offline"),
    (1, 0x20, "waiting_recovery"),
    (1, 0x40, "feed_button"),
    (2, 0x04, "cover_open"),
    (2, 0x08, "paper_fed_by_button"),
    (2, 0x20, "paper_end_stop"),
    (2, 0x40, "error"),
    (3, 0x04, "recoverable_error"),
    (3, 0x08, "autocutter_error"),
    (3, 0x20, "unrecoverable_error"),
    (3, 0x40, "auto_recoverable_error"),
]


@pytest.mark.parametrize(("n", "bit", "flag"), SINGLE_BITS)
def test_each_bit_of_each_query_sets_its_flag_alone(n: int, bit: int, flag: str) -> None:
    assert decode_byte(n, BASE | bit) == frozenset({flag})
    assert decode_byte(n, BASE) == frozenset()


def test_paper_sensor_needs_both_bits_of_a_pair() -> None:
    assert decode_byte(4, BASE | 0x0C) == {"paper_near_end"}
    assert decode_byte(4, BASE | 0x60) == {"paper_end"}
    assert decode_byte(4, BASE | 0x6C) == {"paper_near_end", "paper_end"}
    # One bit of a pair alone says nothing.
    for lone in (0x04, 0x08, 0x20, 0x40):
        assert decode_byte(4, BASE | lone) == frozenset()


@pytest.mark.parametrize("byte", [0x00, 0xFF, 0x10, 0x02, 0x13, 0x92, 0x16 | 0x80, 0x38])
def test_bytes_not_of_the_form_0xx1xx10_are_invalid(byte: int) -> None:
    assert not is_valid_reply(byte)
    for n in (1, 2, 3, 4):
        assert decode_byte(n, byte) is None


def test_every_valid_byte_has_form_0xx1xx10() -> None:
    valid = [b for b in range(256) if is_valid_reply(b)]
    assert len(valid) == 16  # the four free bits 2, 3, 5, 6
    assert all(b & 0x93 == 0x12 for b in valid)


def test_n_outside_1_to_4_is_refused() -> None:
    with pytest.raises(ValueError, match=r"1\.\.4"):
        decode_byte(5, BASE)


def _replies(n1: int = BASE, n2: int = BASE, n3: int = BASE, n4: int = BASE) -> dict[int, bytes]:
    return {1: bytes([n1]), 2: bytes([n2]), 3: bytes([n3]), 4: bytes([n4])}


@pytest.mark.parametrize(
    ("replies", "state"),
    [
        (_replies(), PrinterState.READY),
        (_replies(n4=BASE | 0x0C), PrinterState.PAPER_NEAR_END),
        (_replies(n1=BASE | 0x08, n2=BASE | 0x20, n4=BASE | 0x60), PrinterState.PAPER_END),
        (_replies(n1=BASE | 0x08, n2=BASE | 0x04), PrinterState.COVER_OPEN),
        (_replies(n1=BASE | 0x08, n2=BASE | 0x40, n3=BASE | 0x08), PrinterState.CUTTER_ERROR),
        (_replies(n1=BASE | 0x08, n2=BASE | 0x40, n3=BASE | 0x20), PrinterState.UNRECOVERABLE),
        (_replies(n1=BASE | 0x08), PrinterState.OFFLINE),
        (_replies(n3=BASE | 0x40), PrinterState.OFFLINE),
        # The drawer being open does not stop printing.
        (_replies(n1=BASE | 0x04), PrinterState.READY),
    ],
)
def test_state_from_the_four_replies(replies: dict[int, bytes], state: PrinterState) -> None:
    status = status_from_replies(replies)
    assert status.state is state
    assert status.can_print is (state in (PrinterState.READY, PrinterState.PAPER_NEAR_END))
    assert status.raw == replies


def test_silence_is_unknown_never_fine() -> None:
    status = status_from_replies({1: b""})
    assert status.state is PrinterState.UNKNOWN
    assert not status.can_print
    assert "no reply to DLE EOT 1" in status.detail
    assert status.code == "status_unknown"


def test_silence_on_a_later_query_is_unknown_too() -> None:
    status = status_from_replies({1: bytes([BASE]), 2: bytes([BASE]), 3: b""})
    assert status.state is PrinterState.UNKNOWN


def test_invalid_byte_is_unknown() -> None:
    status = status_from_replies({1: b"\x00", 2: bytes([BASE]), 3: bytes([BASE]), 4: bytes([BASE])})
    assert status.state is PrinterState.UNKNOWN
    assert "invalid reply 0x00" in status.detail


def test_a_reported_fault_wins_over_a_silent_query() -> None:
    status = status_from_replies({1: bytes([BASE | 0x08]), 2: bytes([BASE | 0x20]), 3: b""})
    assert status.state is PrinterState.PAPER_END
    assert status.code == "paper_end"


def test_the_last_byte_answers_when_a_late_reply_precedes_it() -> None:
    status = status_from_replies({1: bytes([BASE | 0x08, BASE]), 2: bytes([BASE]), 3: bytes([BASE]),
                                  4: bytes([BASE])})
    assert status.state is PrinterState.READY


def test_status_codes_and_description() -> None:
    status = status_from_replies(_replies(n1=BASE | 0x08, n2=BASE | 0x04))
    assert status.code == "cover_open"
    assert "cover_open" in status.describe() and "n2=16" in status.describe()
    assert PrinterStatus.unknown("x", "not_connected").code == "not_connected"
    assert status_from_replies(_replies()).code == ""
