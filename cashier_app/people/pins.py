"""PINs: checked for a usable shape, stored only as a slow salted hash (scrypt), compared in constant time.

A stored hash reads `scrypt$<n>$<r>$<p>$<salt b64>$<hash b64>`: the cost travels with the hash, so
it can be raised later without locking anyone out (older hashes still verify with their own cost).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import itertools
import secrets
from dataclasses import dataclass

from cashier_app.domain.errors import CodedError

# About 50 ms and 16 MB per hash on a till: too slow to try every 6-digit PIN from a stolen journal
# in an afternoon, fast enough that nobody waits for a sign-in.
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
HASH_BYTES = 32
SALT_BYTES = 16
PIN_MIN_DIGITS = 4
PIN_MAX_DIGITS = 12


class PinRefused(CodedError, ValueError):
    """A PIN that cannot be used; `code` says why (pin_not_digits, pin_too_short, pin_too_long, pin_too_simple)."""


def check_pin_shape(pin: str, person_number: str = "") -> None:
    """Raise PinRefused for a PIN a till should not accept."""
    if not pin.isascii() or not pin.isdigit():
        raise PinRefused("pin_not_digits", "a PIN is digits only")
    if len(pin) < PIN_MIN_DIGITS:
        raise PinRefused("pin_too_short", f"a PIN has at least {PIN_MIN_DIGITS} digits")
    if len(pin) > PIN_MAX_DIGITS:
        raise PinRefused("pin_too_long", f"a PIN has at most {PIN_MAX_DIGITS} digits")
    if _too_simple(pin) or pin == person_number:
        raise PinRefused("pin_too_simple",
                         "a PIN must not be one digit repeated, a run like 1234, or the person number")


def _too_simple(pin: str) -> bool:
    steps = {int(b) - int(a) for a, b in itertools.pairwise(pin)}
    return steps in ({0}, {1}, {-1})


def hash_pin(pin: str) -> str:
    salt = secrets.token_bytes(SALT_BYTES)
    digest = _scrypt(pin, salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P)
    return "$".join(("scrypt", str(SCRYPT_N), str(SCRYPT_R), str(SCRYPT_P), _b64(salt), _b64(digest)))


@dataclass(frozen=True)
class _Stored:
    n: int
    r: int
    p: int
    salt: bytes
    digest: bytes


def _parse(stored: str) -> _Stored | None:
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != "scrypt":
        return None
    try:
        n, r, p = int(parts[1]), int(parts[2]), int(parts[3])
        salt, digest = base64.b64decode(parts[4], validate=True), base64.b64decode(parts[5], validate=True)
    except ValueError:
        return None
    if n < 2 or n & (n - 1) or not 1 <= r <= 64 or not 1 <= p <= 16 or not salt or not digest:
        return None
    return _Stored(n, r, p, salt, digest)


def verify_pin(pin: str, stored: str) -> bool:
    """True when `pin` is the one hashed into `stored`. A damaged hash verifies nothing."""
    parsed = _parse(stored)
    if parsed is None:
        return False
    try:
        digest = _scrypt(pin, parsed.salt, n=parsed.n, r=parsed.r, p=parsed.p, length=len(parsed.digest))
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(digest, parsed.digest)


def _scrypt(pin: str, salt: bytes, *, n: int, r: int, p: int, length: int = HASH_BYTES) -> bytes:
    return hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=128 * n * r * p + 2**20,
                          dklen=length)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
