"""HMAC-SHA256 signatures of MP API v1, both directions. Shared by the client and the sandbox."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import string

PROBE_PREFIX = "SIGNTEST/"
_NONCE_ALPHABET = string.ascii_letters + string.digits


def request_string_to_sign(method: str, path: str, timestamp: str, nonce: str, body: bytes) -> bytes:
    return b"".join(
        [method.upper().encode(), b"\n", path.encode(), b"\n", timestamp.encode(), b"\n",
         nonce.encode(), b"\n", body, b"\n"]
    )


def response_string_to_sign(timestamp: str, nonce: str, body: bytes) -> bytes:
    return b"".join([timestamp.encode(), b"\n", nonce.encode(), b"\n", body, b"\n"])


def sign(key: str, string_to_sign: bytes) -> str:
    return hmac.new(key.encode(), string_to_sign, hashlib.sha256).hexdigest()


def verify(key: str, string_to_sign: bytes, signature: str | None) -> bool:
    """Constant-time check. Missing signatures and probe signatures (SIGNTEST/...) never verify."""
    if not signature or signature.startswith(PROBE_PREFIX):
        return False
    return hmac.compare_digest(sign(key, string_to_sign), signature.strip().lower())


def new_nonce(length: int = 24) -> str:
    return "".join(secrets.choice(_NONCE_ALPHABET) for _ in range(length))


def is_valid_nonce(nonce: str) -> bool:
    return 16 <= len(nonce) <= 32 and all(ch in _NONCE_ALPHABET for ch in nonce)
