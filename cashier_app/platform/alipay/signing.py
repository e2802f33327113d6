"""Alipay's RSA2 signatures (specs/real-platforms.md §2.2, §2.3). Shared with the emulator.

Requests: every parameter but `sign` (empty values dropped), sorted by name, joined as
`name=value` with `&`, raw (not URL-encoded); `sign_type` IS included. Answers: the raw text of
the `<method>_response` object, from its `{` to its matching `}` exactly as received, signed with
Alipay's key. Never parse and re-serialize: escapes, spacing and key order would change.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import datetime

from cryptography.hazmat.primitives.asymmetric import rsa

from cashier_app.domain.timezones import CHINA_TZ
from cashier_app.platform import rsa_keys

TIMESTAMP_FORMAT = "%Y-%m-%d %H:%M:%S"


def string_to_sign(params: Mapping[str, str]) -> str:
    return "&".join(f"{k}={v}" for k, v in sorted(params.items()) if k != "sign" and v not in ("", None))


def sign_params(key: rsa.RSAPrivateKey, params: Mapping[str, str]) -> str:
    return rsa_keys.sign(key, string_to_sign(params).encode("utf-8"))


def verify_params(key: rsa.RSAPublicKey, params: Mapping[str, str]) -> bool:
    return rsa_keys.verify(key, string_to_sign(params).encode("utf-8"), params.get("sign"))


def beijing_timestamp(clock: Callable[[], float]) -> str:
    """`timestamp` in Beijing time whatever this computer's zone (the SDKs' local time is a bug)."""
    return datetime.fromtimestamp(clock(), CHINA_TZ).strftime(TIMESTAMP_FORMAT)


def response_key(method: str) -> str:
    return method.replace(".", "_") + "_response"


def signed_content(raw: str, key: str) -> str | None:  # noqa: C901, PLR0912 - a character scanner: one case per state (string, escape, brace)
    """The raw text of the JSON object that is the value of top-level `key`, or None.

    A small scanner that knows strings and escapes, so a brace inside a subject cannot end it early
    (the naive brace counters of some SDKs can).
    """
    depth = 0
    in_string = escaped = False
    i, n = 0, len(raw)
    # Find "key" as a member name at depth 1.
    while i < n:
        ch = raw[i]
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
            i += 1
            continue
        if ch == '"':
            end = _string_end(raw, i)
            if end < 0:
                return None
            if depth == 1 and raw[i:end + 1] == json.dumps(key):
                j = end + 1
                while j < n and raw[j] in " \t\r\n":
                    j += 1
                if j < n and raw[j] == ":":
                    j += 1
                    while j < n and raw[j] in " \t\r\n":
                        j += 1
                    if j < n and raw[j] == "{":
                        close = _object_end(raw, j)
                        return raw[j:close + 1] if close >= 0 else None
                    return None
            i = end + 1
            continue
        if ch in "{[":
            depth += 1
        elif ch in "}]":
            depth -= 1
        i += 1
    return None


def _string_end(raw: str, start: int) -> int:
    i = start + 1
    while i < len(raw):
        if raw[i] == "\\":
            i += 2
            continue
        if raw[i] == '"':
            return i
        i += 1
    return -1


def _object_end(raw: str, start: int) -> int:
    depth = 0
    i = start
    while i < len(raw):
        ch = raw[i]
        if ch == '"':
            i = _string_end(raw, i)
            if i < 0:
                return -1
        elif ch in "{[":
            depth += 1
        elif ch in "}]":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1
