"""Nothing in an answer is read before its signature over the exact body bytes is verified."""

from __future__ import annotations

import pytest
from requests.structures import CaseInsensitiveDict

from cashier_app.platform import signing
from cashier_app.platform.results import UnknownReason
from cashier_app.platform.transport import SignedTransport, TransportFault, encode_body

KEY = "sandbox-key-T0001-please-change"
BODY = encode_body({"code": "SUCCESS", "msg": "成功", "request_id": "r1", "data": {"x": "门店"}})


def signed_headers(body: bytes, key: str = KEY, **extra: str) -> CaseInsensitiveDict[str]:
    ts, nonce = "1795314669", "Zz09Yy18Xx27Ww36"
    headers = CaseInsensitiveDict({"X-Timestamp": ts, "X-Nonce": nonce,
                                   "X-Sign": signing.sign(key, signing.response_string_to_sign(ts, nonce, body))})
    headers.update(extra)
    return headers


def test_body_is_compact_utf8_json() -> None:
    assert encode_body({"subject": "门店消费", "n": 1, "c": None}) == '{"subject":"门店消费","n":1,"c":null}'.encode()


def test_verified_answer_is_read() -> None:
    answer = SignedTransport.read_answer(200, signed_headers(BODY, **{"retry-after": "3"}), BODY, KEY)
    assert (answer.code, answer.msg, answer.request_id, answer.data) == ("SUCCESS", "成功", "r1", {"x": "门店"})
    assert answer.retry_after == 3.0
    assert answer.server_timestamp == 1795314669


@pytest.mark.parametrize("status", [200, 404, 500])
@pytest.mark.parametrize(
    "case", ["unsigned", "wrong key", "probe", "other body", "no nonce"],
)
def test_unverified_answers_are_transport_faults(case: str, status: int) -> None:
    headers = signed_headers(BODY)
    body = BODY
    if case == "unsigned":
        del headers["X-Sign"]
    elif case == "wrong key":
        headers = signed_headers(BODY, key="another-key-0000")
    elif case == "probe":
        headers["X-Sign"] = signing.PROBE_PREFIX + headers["X-Sign"]
    elif case == "other body":
        body = BODY.replace(b"SUCCESS", b"SUCCES ")
    elif case == "no nonce":
        del headers["X-Nonce"]
    with pytest.raises(TransportFault) as info:
        SignedTransport.read_answer(status, headers, body, KEY)
    assert info.value.reason is UnknownReason.BAD_SIGNATURE
    assert not info.value.retryable


@pytest.mark.parametrize("body", [b"<html>502 Bad Gateway</html>", b'{"msg": "no code"}', b"[1, 2]", b"\xff\xfe"])
def test_signed_but_unreadable(body: bytes) -> None:
    with pytest.raises(TransportFault) as info:
        SignedTransport.read_answer(502, signed_headers(body), body, KEY)
    assert info.value.reason is UnknownReason.UNREADABLE
