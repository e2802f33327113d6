"""Each kind of injected fault (POST /sandbox/faults), over real HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import requests

from cashier_app.sandbox import ControlError, SandboxServer
from tests.helpers.sandbox import new_key
from tests.helpers.signed_client import SignedClient


def _entry(sandbox: SandboxServer, number: str) -> dict[str, Any]:
    return next(o for o in sandbox.control.state()["orders"] if o["out_trade_no"] == number)


@pytest.fixture
def paid(sandbox: SandboxServer) -> str:
    sandbox.control.create_orders([{"out_trade_no": "202611220001", "state": "PAID"}])
    return "202611220001"


def test_latency_is_waited_before_the_answer() -> None:
    waits: list[float] = []
    with SandboxServer(sleep=waits.append) as server:
        server.control.create_orders([{"out_trade_no": "L1", "state": "PAID"}])
        server.control.inject_faults(latency_ms=1500, for_requests=2)
        c = SignedClient(server.base_url)
        assert c.query(out_trade_no="L1").status == 200
        assert c.query(out_trade_no="L1").status == 200
        assert c.query(out_trade_no="L1").status == 200
        c.close()
    assert waits == [1.5, 1.5]


def test_real_latency_makes_a_client_time_out(sandbox: SandboxServer, client: SignedClient, paid: str) -> None:
    sandbox.control.inject_faults(latency_ms=2000)
    with pytest.raises(requests.Timeout):
        client.post("/api/v1/orders/query", {"out_trade_no": paid}, timeout=0.2)
    # stop() does not wait out the injected latency (the fixture's teardown stops it).


@pytest.mark.parametrize(("status", "code"), [(500, "SYSTEM_ERROR"), (502, "CHANNEL_ERROR"), (503, "MAINTENANCE")])
def test_error_status_is_answered_and_signed_without_doing_the_work(
        sandbox: SandboxServer, client: SignedClient, status: int, code: str) -> None:
    sandbox.control.create_orders([{"out_trade_no": "E1", "state": "USERPAYING", "upstream_state": "PAID"}])
    sandbox.control.inject_faults(status=status)
    key = new_key()
    reply = client.sync(key, out_trade_no="E1")
    assert (reply.status, reply.code) == (status, code) and reply.verified
    assert _entry(sandbox, "E1")["channel_queries"] == 0
    # The retry with the same key does the work (errors are not kept as the key's answer).
    retry = client.sync(key, out_trade_no="E1")
    assert retry.status == 200 and retry.data["order"]["state"] == "PAID"


def test_error_rate_with_seed(sandbox: SandboxServer, client: SignedClient, paid: str) -> None:
    sandbox.control.inject_faults(error_rate=0.5, status=503, for_requests=40, seed=7)
    statuses = [client.query(out_trade_no=paid).status for _ in range(40)]
    assert set(statuses) == {200, 503}
    assert 8 <= statuses.count(503) <= 32
    assert client.query(out_trade_no=paid).status == 200  # the 41st is clean


def test_spec_example_body_is_no_fault(sandbox: SandboxServer, client: SignedClient, paid: str) -> None:
    sandbox.control.inject_faults(latency_ms=0, error_rate=0.0, status=500, drop_response=False,
                                  bad_signature=False, rate_limit=False, for_requests=3)
    assert [client.query(out_trade_no=paid).status for _ in range(3)] == [200, 200, 200]


def test_for_requests_counts_api_requests_only(sandbox: SandboxServer, client: SignedClient, paid: str) -> None:
    sandbox.control.inject_faults(status=500, for_requests=2)
    assert client.query(out_trade_no=paid).status == 500
    assert sandbox.control.state()["faults"]["requests_left"] == 1
    requests.get(sandbox.base_url + "/sandbox/state", timeout=5)
    requests.get(sandbox.base_url + "/openapi.json", timeout=5)
    assert client.query(out_trade_no=paid).status == 500
    assert client.query(out_trade_no=paid).status == 200
    assert sandbox.control.state()["faults"] is None


def test_drop_response_after_doing_the_work(sandbox: SandboxServer, client: SignedClient) -> None:
    sandbox.control.create_orders([{"out_trade_no": "D1", "state": "USERPAYING", "upstream_state": "PAID"}])
    sandbox.control.inject_faults(drop_response=True)
    key = new_key()
    with pytest.raises(requests.ConnectionError):
        client.sync(key, out_trade_no="D1")
    entry = _entry(sandbox, "D1")
    assert entry["order"]["state"] == "PAID" and entry["channel_queries"] == 1
    # The client's retry with the same key gets the lost answer, without a second channel query.
    retry = client.sync(key, out_trade_no="D1")
    assert retry.status == 200 and retry.verified and retry.data["order"]["state"] == "PAID"
    assert retry.data["sync"]["changed"] is True
    assert _entry(sandbox, "D1")["channel_queries"] == 1


def test_drop_response_of_a_close(sandbox: SandboxServer, client: SignedClient) -> None:
    sandbox.control.create_orders([{"out_trade_no": "D2", "state": "CREATED"}])
    sandbox.control.inject_faults(drop_response=True)
    key = new_key()
    with pytest.raises(requests.ConnectionError):
        client.close_order(key, "D2")
    assert _entry(sandbox, "D2")["order"]["state"] == "CLOSED"
    retry = client.close_order(key, "D2")
    assert retry.status == 200 and retry.data["state"] == "CLOSED"


def test_bad_signature(sandbox: SandboxServer, client: SignedClient, paid: str) -> None:
    sandbox.control.inject_faults(bad_signature=True)
    reply = client.query(out_trade_no=paid)
    assert reply.status == 200 and reply.body["data"]["out_trade_no"] == paid
    assert len(reply.headers["X-Sign"]) == 64
    assert not reply.verified
    assert client.query(out_trade_no=paid).verified


def test_rate_limit(sandbox: SandboxServer, client: SignedClient, paid: str) -> None:
    sandbox.control.inject_faults(rate_limit=True, retry_after=3, for_requests=2)
    for _ in range(2):
        reply = client.query(out_trade_no=paid)
        assert (reply.status, reply.code) == (429, "FREQUENCY_LIMITED") and reply.verified
        assert reply.headers["Retry-After"] == "3"
    assert client.query(out_trade_no=paid).status == 200


def test_faults_apply_to_refused_requests_too(sandbox: SandboxServer, paid: str) -> None:
    sandbox.control.inject_faults(status=503)
    stranger = SignedClient(sandbox.base_url, key="wrong-key")
    reply = stranger.query(out_trade_no=paid)
    assert reply.code == "MAINTENANCE"
    stranger.close()


@pytest.mark.parametrize("spec", [{"status": 418}, {"error_rate": 2}, {"latency_ms": -1}, {"for_requests": "x"},
                                  {"drop_response": "yes"}, {"explode": True}])
def test_invalid_fault_specs(sandbox: SandboxServer, spec: dict[str, Any]) -> None:
    with pytest.raises(ControlError):
        sandbox.control.inject_faults(**spec)
    response = requests.post(sandbox.base_url + "/sandbox/faults", json=spec, timeout=5)
    assert response.status_code == 400 and response.json()["code"] == "INVALID_PARAMS"


def test_faults_over_http_and_reset(sandbox: SandboxServer, client: SignedClient, paid: str) -> None:
    response = requests.post(sandbox.base_url + "/sandbox/faults", json={"status": 500, "for_requests": 5}, timeout=5)
    assert response.status_code == 200 and response.json()["data"]["requests_left"] == 5
    assert client.query(out_trade_no=paid).status == 500
    requests.post(sandbox.base_url + "/sandbox/reset", json={}, timeout=5)
    assert sandbox.control.state()["faults"] is None
    assert client.query(out_trade_no=paid).code == "ORDER_NOT_EXIST"


@pytest.fixture
def many_clients(sandbox: SandboxServer) -> Iterator[list[SignedClient]]:
    clients = [SignedClient(sandbox.base_url) for _ in range(3)]
    yield clients
    for c in clients:
        c.close()


def test_faults_take_one_ticket_per_request(sandbox: SandboxServer, many_clients: list[SignedClient],
                                            paid: str) -> None:
    sandbox.control.inject_faults(status=500, for_requests=3)
    statuses = sorted(c.query(out_trade_no=paid).status for c in many_clients)
    assert statuses == [500, 500, 500]
    assert many_clients[0].query(out_trade_no=paid).status == 200
