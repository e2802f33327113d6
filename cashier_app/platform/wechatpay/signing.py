"""WECHATPAY2-SHA256-RSA2048, both directions (specs/real-platforms.md §1.4, §1.5).

Shared by the adapter and the sandbox's WeChat Pay emulator.
"""

from __future__ import annotations

import re
import secrets

from cryptography.hazmat.primitives.asymmetric import rsa

from cashier_app.platform import rsa_keys

SCHEMA = "WECHATPAY2-SHA256-RSA2048"
# WeChat sends a wrong signature starting with this now and then, to see that clients verify.
PROBE_PREFIX = "WECHATPAY/SIGNTEST/"
# Requests and answers stamped further than this from the verifier's clock are refused.
WINDOW_S = 300
# The platform's exact words for a request outside the window (community report, §1.3).
TIMESTAMP_MESSAGE = "Http头Authorization中的timestamp与发起请求的时间不得超过5分钟"
AUTH_FIELDS = ("mchid", "nonce_str", "signature", "timestamp", "serial_no")

_FIELD = re.compile(r'\s*([a-z_]+)="([^"]*)"\s*')


def request_message(method: str, url: str, timestamp: str, nonce: str, body: bytes) -> bytes:
    """Five lines, each ending in \\n: method, the URL's path WITH its ?query, timestamp, nonce, body."""
    return b"".join([method.upper().encode(), b"\n", url.encode(), b"\n", timestamp.encode(), b"\n",
                     nonce.encode(), b"\n", body, b"\n"])


def response_message(timestamp: str, nonce: str, body: bytes) -> bytes:
    """Three lines: timestamp, nonce, the body's raw bytes (an empty body is just "\\n")."""
    return b"".join([timestamp.encode(), b"\n", nonce.encode(), b"\n", body, b"\n"])


def authorization(mchid: str, serial_no: str, nonce: str, timestamp: str, signature: str) -> str:
    return (f'{SCHEMA} mchid="{mchid}",nonce_str="{nonce}",signature="{signature}",'
            f'timestamp="{timestamp}",serial_no="{serial_no}"')


def sign_request(key: rsa.RSAPrivateKey, *, mchid: str, serial_no: str, method: str, url: str, timestamp: str,
                 nonce: str, body: bytes) -> str:
    """The Authorization header of one request."""
    signature = rsa_keys.sign(key, request_message(method, url, timestamp, nonce, body))
    return authorization(mchid, serial_no, nonce, timestamp, signature)


def parse_authorization(header: str | None) -> dict[str, str] | None:
    """The five fields of an Authorization header, in whatever order they came; None if malformed."""
    if not header or not header.startswith(SCHEMA + " "):
        return None
    fields: dict[str, str] = {}
    for part in header[len(SCHEMA) + 1:].split(","):
        match = _FIELD.fullmatch(part)
        if match is None or match.group(1) in fields:
            return None
        fields[match.group(1)] = match.group(2)
    if set(fields) != set(AUTH_FIELDS):
        return None
    return fields


def verify(key: rsa.RSAPublicKey, message: bytes, signature: str | None) -> bool:
    """Probe signatures (WECHATPAY/SIGNTEST/...) never verify."""
    if not signature or signature.startswith(PROBE_PREFIX):
        return False
    return rsa_keys.verify(key, message, signature)


def new_nonce() -> str:
    """32 upper-case hex characters, as WeChat's own SDKs make them."""
    return secrets.token_hex(16).upper()
