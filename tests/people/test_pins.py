"""PINs are stored only as a salted scrypt hash, checked in constant time, and refused when trivial."""

from __future__ import annotations

import pytest

from cashier_app.people.pins import SCRYPT_N, PinRefused, check_pin_shape, hash_pin, verify_pin


def test_a_pin_is_stored_as_a_salted_slow_hash() -> None:
    first, second = hash_pin("2580"), hash_pin("2580")
    assert first != second  # a salt of its own: equal PINs do not show as equal hashes
    assert "2580" not in first
    scheme, n, r, p, salt, digest = first.split("$")
    assert (scheme, int(n), int(r), int(p)) == ("scrypt", SCRYPT_N, 8, 1)
    assert SCRYPT_N >= 2**14 and len(salt) >= 20 and len(digest) >= 40
    assert verify_pin("2580", first) and verify_pin("2580", second)
    assert not verify_pin("2581", first)
    assert not verify_pin("", first)


@pytest.mark.parametrize("damaged", ["", "2580", "scrypt$16384$8$1$!!$!!", "bcrypt$x$y$z$a$b", "scrypt$3$8$1$AAAA$AAAA",
                                     "scrypt$16384$8$1$$", "scrypt$16384$99$1$AAAA$AAAA"])
def test_a_damaged_hash_verifies_nothing(damaged: str) -> None:
    assert not verify_pin("2580", damaged)


def test_an_older_cost_still_verifies() -> None:
    import base64
    import hashlib

    salt = b"0123456789abcdef"
    digest = hashlib.scrypt(b"2580", salt=salt, n=2**12, r=8, p=1, dklen=32)
    stored = f"scrypt${2**12}$8$1${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"
    assert verify_pin("2580", stored) and not verify_pin("2581", stored)


@pytest.mark.parametrize(("pin", "code"), [
    ("12a4", "pin_not_digits"), ("１２３９", "pin_not_digits"), ("258", "pin_too_short"),
    ("2580258025802", "pin_too_long"), ("0000", "pin_too_simple"), ("1234", "pin_too_simple"),
    ("9876", "pin_too_simple"), ("0707", "pin_too_simple"),
])
def test_pins_a_till_should_not_take(pin: str, code: str) -> None:
    with pytest.raises(PinRefused) as refused:
        check_pin_shape(pin, person_number="0707")
    assert refused.value.code == code


def test_usable_pins() -> None:
    for pin in ("2580", "1379", "135790", "000100"):
        check_pin_shape(pin, person_number="07")
