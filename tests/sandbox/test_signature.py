"""Signatures, clock and nonces at the server, over real HTTP (spec: Signature)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
import requests

from cashier_app.platform import signing
from cashier_app.sandbox import DEFAULT_KEY, SandboxServer
from tests.helpers.paths import SPECS
from tests.helpers.signed_client import FakeClock, SignedClient

VECTORS: list[dict[str, Any]] = json.loads((SPECS / "signature-vectors.json").read_text("utf-8"))["vectors"]
REQUEST_VECTORS = [v for v in VECTORS if v["direction"] == "request"]
RESPONSE_VECTORS = [v for v in VECTORS if v["direction"] == "response"]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(float(REQUEST_VECTORS[0]["timestamp"]))


@pytest.fixture
def clocked(clock: FakeClock) -> Iterator[tuple[SandboxServer, SignedClient]]:
    with SandboxServer(clock=clock) as server:
        server.control.create_orders([{"out_trade_no": "202611220001", "state": "PAID",
                                       "channel_trade_no": "4200001234202611221234567890", "channel": "WECHAT"}])
        c = SignedClient(server.base_url, clock=clock)
        yield server, c
        c.close()


def _send_vector(base_url: str, vector: dict[str, Any], *, sign: str | None = None,
                 body: bytes | None = None) -> requests.Response:
    return requests.post(
        base_url + vector["path"],
        data=body if body is not None else vector["body"].encode(),
        headers={"Content-Type": "application/json", "X-Mch-No": "M100001", "X-Terminal-No": "T0001",
                 "X-Timestamp": vector["timestamp"], "X-Nonce": vector["nonce"],
                 "X-Sign": sign if sign is not None else vector["sign"]},
        timeout=10,
    )


@pytest.mark.parametrize("vector", REQUEST_VECTORS, ids=[v["name"] for v in REQUEST_VECTORS])
def test_request_vectors_are_accepted(clocked: tuple[SandboxServer, SignedClient], clock: FakeClock,
                                      vector: dict[str, Any]) -> None:
    server, c = clocked
    clock.now = float(vector["timestamp"])
    assert signing.request_string_to_sign(vector["method"], vector["path"], vector["timestamp"], vector["nonce"],
                                          vector["body"].encode()) == vector["string_to_sign"].encode()
    reply = c.reply(_send_vector(server.base_url, vector))
    assert reply.verified
    assert reply.code not in {"SIGN_ERROR", "TIMESTAMP_EXPIRED", "NONCE_REPLAYED"}
    assert reply.status == 200, reply.body
    if vector["path"].endswith("/query"):
        assert reply.data["out_trade_no"] == "202611220001"
    else:
        assert isinstance(reply.data["orders"], list)


@pytest.mark.parametrize("vector", REQUEST_VECTORS, ids=[v["name"] for v in REQUEST_VECTORS])
def test_request_vectors_refused_when_tampered(clocked: tuple[SandboxServer, SignedClient], clock: FakeClock,
                                               vector: dict[str, Any]) -> None:
    server, c = clocked
    clock.now = float(vector["timestamp"])
    probe = _send_vector(server.base_url, vector, sign=signing.PROBE_PREFIX + vector["sign"])
    other_body = _send_vector(server.base_url, vector, body=vector["body"].encode() + b" ")
    flipped = vector["sign"][:-1] + ("0" if vector["sign"][-1] != "0" else "1")
    wrong = _send_vector(server.base_url, vector, sign=flipped)
    for response in (probe, other_body, wrong):
        reply = c.reply(response)
        assert (reply.status, reply.code) == (401, "SIGN_ERROR")
        assert reply.verified  # errors are signed too


def test_upper_case_hex_signature_is_accepted(clocked: tuple[SandboxServer, SignedClient], clock: FakeClock) -> None:
    server, c = clocked
    vector = REQUEST_VECTORS[0]
    clock.now = float(vector["timestamp"])
    reply = c.reply(_send_vector(server.base_url, vector, sign=vector["sign"].upper()))
    assert reply.status == 200


def test_replayed_vector_is_refused(clocked: tuple[SandboxServer, SignedClient], clock: FakeClock) -> None:
    server, c = clocked
    vector = REQUEST_VECTORS[0]
    clock.now = float(vector["timestamp"])
    assert _send_vector(server.base_url, vector).status_code == 200
    again = c.reply(_send_vector(server.base_url, vector))
    assert (again.status, again.code) == (401, "NONCE_REPLAYED")
    assert again.verified


@pytest.mark.parametrize("vector", RESPONSE_VECTORS, ids=[v["name"] for v in RESPONSE_VECTORS])
def test_response_vectors(vector: dict[str, Any]) -> None:
    sts = signing.response_string_to_sign(vector["timestamp"], vector["nonce"], vector["body"].encode())
    assert sts == vector["string_to_sign"].encode()
    assert signing.verify(vector["key"], sts, vector["sign"]) is vector["must_verify"]


def test_answers_are_signed_with_the_server_clock(clocked: tuple[SandboxServer, SignedClient],
                                                  clock: FakeClock) -> None:
    _, c = clocked
    reply = c.query(out_trade_no="202611220001")
    assert reply.verified
    assert reply.headers["X-Timestamp"] == str(int(clock.now))
    assert signing.is_valid_nonce(reply.headers["X-Nonce"])
    # A response signature checked with another key or over another body fails.
    sts = signing.response_string_to_sign(reply.headers["X-Timestamp"], reply.headers["X-Nonce"], reply.raw)
    assert not signing.verify("another-key", sts, reply.headers["X-Sign"])
    assert not signing.verify(DEFAULT_KEY, sts + b" ", reply.headers["X-Sign"])


@pytest.mark.parametrize(("skew", "accepted"), [(-301, False), (-300, True), (0, True), (299, True), (301, False),
                                                (-86400, False)])
def test_clock_skew(clocked: tuple[SandboxServer, SignedClient], clock: FakeClock, skew: int, accepted: bool) -> None:
    _, c = clocked
    reply = c.post("/api/v1/orders/query", {"out_trade_no": "202611220001"}, timestamp=str(int(clock.now) + skew))
    assert reply.verified
    if accepted:
        assert reply.status == 200
    else:
        assert (reply.status, reply.code) == (401, "TIMESTAMP_EXPIRED")


def test_nonce_replay_window(clocked: tuple[SandboxServer, SignedClient], clock: FakeClock) -> None:
    _, c = clocked
    nonce = "ReplayMe1234567890"
    assert c.post("/api/v1/orders/query", {"out_trade_no": "202611220001"}, nonce=nonce).status == 200
    again = c.post("/api/v1/orders/query", {"out_trade_no": "202611220001"}, nonce=nonce)
    assert (again.status, again.code) == (401, "NONCE_REPLAYED")
    # Another request with that nonce (another body, another path) is a replay as well.
    other = c.post("/api/v1/orders/list", {"page_size": 1}, nonce=nonce)
    assert other.code == "NONCE_REPLAYED"
    clock.advance(599)
    assert c.post("/api/v1/orders/query", {"out_trade_no": "202611220001"}, nonce=nonce).code == "NONCE_REPLAYED"
    clock.advance(2)  # more than 10 minutes after it was seen
    assert c.post("/api/v1/orders/query", {"out_trade_no": "202611220001"}, nonce=nonce).status == 200


def test_nonce_refused_by_a_bad_signature_is_not_burnt(clocked: tuple[SandboxServer, SignedClient]) -> None:
    _, c = clocked
    nonce = "NotBurnt1234567890"
    bad = c.post("/api/v1/orders/query", {"out_trade_no": "202611220001"}, nonce=nonce, sign="0" * 64)
    assert bad.code == "SIGN_ERROR"
    assert c.post("/api/v1/orders/query", {"out_trade_no": "202611220001"}, nonce=nonce).status == 200


@pytest.mark.parametrize("nonce", ["short", "x" * 33, "has-dash-1234567890", "汉字汉字汉字汉字汉字汉字汉字汉字", ""])
def test_nonce_form(clocked: tuple[SandboxServer, SignedClient], nonce: str) -> None:
    server, c = clocked
    ts = str(int(c.clock()))
    body = b'{"out_trade_no":"202611220001"}'
    sts = signing.request_string_to_sign("POST", "/api/v1/orders/query", ts, nonce, body)
    response = requests.post(server.base_url + "/api/v1/orders/query", data=body, timeout=10, headers={
        "X-Mch-No": "M100001", "X-Terminal-No": "T0001", "X-Timestamp": ts,
        "X-Nonce": nonce.encode("utf-8").decode("latin-1"), "X-Sign": signing.sign(DEFAULT_KEY, sts)})
    reply = c.reply(response)
    assert (reply.status, reply.code) == (400, "INVALID_PARAMS")
    assert "X-Nonce" in reply.body["msg"]
    assert reply.verified


@pytest.mark.parametrize("timestamp", ["", "abc", "-5", "1.5", "99999999999999"])
def test_timestamp_form(clocked: tuple[SandboxServer, SignedClient], timestamp: str) -> None:
    _, c = clocked
    reply = c.post("/api/v1/orders/query", {"out_trade_no": "202611220001"}, timestamp=timestamp)
    assert reply.status in (400, 401)
    assert reply.code in ("INVALID_PARAMS", "TIMESTAMP_EXPIRED")
    assert reply.verified


def test_missing_signature(clocked: tuple[SandboxServer, SignedClient]) -> None:
    _, c = clocked
    reply = c.post("/api/v1/orders/query", {"out_trade_no": "202611220001"}, sign="")
    assert (reply.status, reply.code) == (401, "SIGN_ERROR")


def test_signature_covers_the_path(clocked: tuple[SandboxServer, SignedClient]) -> None:
    server, c = clocked
    ts, nonce, body = str(int(c.clock())), signing.new_nonce(), b'{"out_trade_no":"202611220001"}'
    sign = signing.sign(DEFAULT_KEY, signing.request_string_to_sign("POST", "/api/v1/orders/sync", ts, nonce, body))
    response = requests.post(server.base_url + "/api/v1/orders/query?x=1", data=body, timeout=10, headers={
        "X-Mch-No": "M100001", "X-Terminal-No": "T0001", "X-Timestamp": ts, "X-Nonce": nonce, "X-Sign": sign})
    assert c.reply(response).code == "SIGN_ERROR"


def test_query_string_is_not_signed(clocked: tuple[SandboxServer, SignedClient]) -> None:
    server, c = clocked
    ts, nonce, body = str(int(c.clock())), signing.new_nonce(), b'{"out_trade_no":"202611220001"}'
    sign = signing.sign(DEFAULT_KEY, signing.request_string_to_sign("POST", "/api/v1/orders/query", ts, nonce, body))
    response = requests.post(server.base_url + "/api/v1/orders/query?trace=1", data=body, timeout=10, headers={
        "X-Mch-No": "M100001", "X-Terminal-No": "T0001", "X-Timestamp": ts, "X-Nonce": nonce, "X-Sign": sign})
    assert response.status_code == 200


def test_unknown_terminal_is_not_bound(clocked: tuple[SandboxServer, SignedClient]) -> None:
    server, _ = clocked
    stranger = SignedClient(server.base_url, terminal_no="T9999", clock=clocked[1].clock)
    reply = stranger.query(out_trade_no="202611220001")
    assert (reply.status, reply.code) == (403, "TERMINAL_NOT_BOUND")
    # Signed with the sandbox's default key, so a client holding it can read the refusal.
    assert reply.verified
    stranger.close()


def test_missing_terminal_headers(clocked: tuple[SandboxServer, SignedClient]) -> None:
    _, c = clocked
    reply = c.post("/api/v1/orders/query", {"out_trade_no": "202611220001"}, headers={"X-Terminal-No": ""})
    assert (reply.status, reply.code) == (400, "INVALID_PARAMS")


def test_configured_terminals() -> None:
    keys = {("M100001", "T0001"): DEFAULT_KEY, ("M200002", "T0009"): "key-of-T0009-for-tests"}
    with SandboxServer(keys=keys) as server:
        server.control.create_orders([{"out_trade_no": "X1", "merchant_no": "M200002", "terminal_no": "T0009",
                                       "state": "PAID"}])
        c9 = SignedClient(server.base_url, key="key-of-T0009-for-tests", merchant_no="M200002", terminal_no="T0009")
        reply = c9.query(out_trade_no="X1")
        assert reply.status == 200 and reply.verified
        assert reply.data["terminal_no"] == "T0009"
        # The other merchant does not see it; and T0009's key does not sign for T0001.
        c1 = SignedClient(server.base_url)
        assert c1.query(out_trade_no="X1").code == "ORDER_NOT_EXIST"
        wrong_key = SignedClient(server.base_url, key="key-of-T0009-for-tests")
        assert wrong_key.post("/api/v1/orders/query", {"out_trade_no": "X1"}, key="key-of-T0009-for-tests"
                              ).status == 401
        for c in (c9, c1, wrong_key):
            c.close()
