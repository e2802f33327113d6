"""The unsigned control API under /sandbox/ and its Python mirror."""

from __future__ import annotations

import re
from typing import Any

import pytest
import requests

from cashier_app.sandbox import ControlError, HttpSandboxControl, SandboxServer
from cashier_app.sandbox import server as server_module
from cashier_app.sandbox.server import is_loopback
from tests.helpers.sandbox import new_key
from tests.helpers.signed_client import SignedClient


def test_loopback_detection() -> None:
    for host in ("127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1"):
        assert is_loopback(host)
    for host in ("10.0.0.5", "192.168.1.20", "::ffff:10.1.1.1", "2001:db8::1", "localhost-ish", ""):
        assert not is_loopback(host)


def test_control_refuses_non_loopback_clients(sandbox: SandboxServer, client: SignedClient,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(server_module, "is_loopback", lambda host: False)
    for method, path in (("GET", "/sandbox/state"), ("POST", "/sandbox/reset"), ("POST", "/sandbox/orders")):
        response = requests.request(method, sandbox.base_url + path, json=[], timeout=5)
        assert response.status_code == 403 and response.json()["code"] == "FORBIDDEN"
    # The API itself still answers (it is signed).
    assert client.list(page_size=1).status == 200


def test_create_orders_fills_realistic_values(sandbox: SandboxServer) -> None:
    created = sandbox.control.create_orders([{"channel": "WECHAT", "state": "PAID"},
                                             {"channel": "ALIPAY", "state": "PAID"},
                                             {"channel": "UNIONPAY", "state": "PAID"},
                                             {}])
    wechat, alipay, unionpay, plain = (c["order"] for c in created)
    assert re.fullmatch(r"42\d{26}", wechat["channel_trade_no"])
    assert re.fullmatch(r"\d{8}22\d{18}", alipay["channel_trade_no"])
    assert re.fullmatch(r"\d{21}", unionpay["channel_trade_no"])
    assert alipay["channel_state"] == "TRADE_SUCCESS" and unionpay["channel_state"] == "SUCCESS"
    for order in (wechat, alipay, unionpay):
        assert order["paid_amount"] == order["total_amount"] > 0
        assert order["paid_at"] >= order["created_at"]
        assert order["terminal_no"] == "T0001" and order["store_no"] and order["operator"] and order["subject"]
    assert plain["state"] == "CREATED" and plain["channel_trade_no"] is None and plain["paid_amount"] == 0
    assert re.fullmatch(r"\d{14}", plain["out_trade_no"])
    assert len({c["out_trade_no"] for c in created}) == 4


@pytest.mark.parametrize("partial", [
    {"state": "PAYED"}, {"channel": "PAYPAL"}, {"total_amount": -5}, {"total_amount": "12.50"},
    {"total_amount": 0}, {"created_at": "yesterday"}, {"wat": 1}, {"upstream_state": "UNKNOWN"},
    {"state": "PAID", "upstream_state": "USERPAYING"}, {"state": "REFUNDED", "upstream_state": "PAID"},
])
def test_create_orders_refuses_bad_orders(sandbox: SandboxServer, partial: dict[str, Any]) -> None:
    with pytest.raises(ControlError) as excinfo:
        sandbox.control.create_orders([{"out_trade_no": "OK1"}, partial])
    assert excinfo.value.status == 400
    assert sandbox.control.state()["orders"] == []  # all or nothing
    response = requests.post(sandbox.base_url + "/sandbox/orders", json=[partial], timeout=5)
    assert response.status_code == 400 and response.json()["code"] == "INVALID_PARAMS"


def test_duplicate_orders(sandbox: SandboxServer) -> None:
    sandbox.control.create_orders([{"out_trade_no": "DUP1"}])
    with pytest.raises(ControlError) as excinfo:
        sandbox.control.create_orders([{"out_trade_no": "NEW1"}, {"out_trade_no": "ＤＵＰ１"}])
    assert excinfo.value.status == 409
    with pytest.raises(ControlError):
        sandbox.control.create_orders([{"out_trade_no": "TWICE"}, {"out_trade_no": "TWICE"}])
    assert [o["out_trade_no"] for o in sandbox.control.state()["orders"]] == ["DUP1"]


def test_upstream_paid_alone_is_a_dropped_order(sandbox: SandboxServer, client: SignedClient) -> None:
    sandbox.control.create_orders([{"out_trade_no": "U1", "state": "USERPAYING", "total_amount": 880}])
    entry = sandbox.control.set_upstream("U1", "PAID")
    assert entry["dropped"] and entry["order"]["state"] == "USERPAYING"
    assert entry["upstream"]["state"] == "PAID" and entry["upstream"]["paid_amount"] == 880
    assert client.query(out_trade_no="U1").data["state"] == "USERPAYING"
    notified = sandbox.control.set_upstream("U1", notify=True)
    assert notified["order"]["state"] == "PAID" and not notified["dropped"]
    assert notified["order"]["channel_trade_no"] == entry["upstream"]["channel_trade_no"]


def test_upstream_over_http(sandbox: SandboxServer, client: SignedClient) -> None:
    sandbox.control.create_orders([{"out_trade_no": "U 2/x", "state": "CREATED"}])
    response = requests.post(sandbox.base_url + "/sandbox/orders/U%202%2Fx/upstream",
                             json={"state": "PAID", "notify": True}, timeout=5)
    assert response.status_code == 200, response.text
    assert response.json()["data"]["order"]["state"] == "PAID"
    missing = requests.post(sandbox.base_url + "/sandbox/orders/NOPE/upstream", json={"state": "PAID"}, timeout=5)
    assert missing.status_code == 404
    backward = requests.post(sandbox.base_url + "/sandbox/orders/U2%2Fx/upstream", json={"state": "CREATED"},
                             timeout=5)
    assert backward.status_code == 409 and backward.json()["code"] == "STATE_BACKWARD"
    one = requests.get(sandbox.base_url + "/sandbox/orders/U2%2Fx", timeout=5)
    assert one.status_code == 200 and one.json()["data"]["order"]["state"] == "PAID"


def test_state_view(sandbox: SandboxServer, client: SignedClient) -> None:
    sandbox.control.create_orders([{"out_trade_no": "V1", "state": "CREATED", "upstream_state": "PAID",
                                    "meta": {"note": "training"}}])
    client.sync(new_key(), out_trade_no="V1")
    state = requests.get(sandbox.base_url + "/sandbox/state", timeout=5).json()["data"]
    assert state["terminals"] == [{"merchant_no": "M100001", "terminal_no": "T0001"}]
    (entry,) = state["orders"]
    assert entry["order"]["state"] == "PAID" and entry["upstream"]["state"] == "PAID"
    assert entry["channel_queries"] == 1 and entry["close_calls"] == 0 and entry["sync_in_progress"] is False
    assert entry["meta"] == {"note": "training"}
    assert state["now"].endswith("+08:00")


def test_create_orders_over_http(sandbox: SandboxServer) -> None:
    response = requests.post(sandbox.base_url + "/sandbox/orders", timeout=5, json=[
        {"out_trade_no": "H1", "state": "USERPAYING", "upstream_state": "PAID", "channel": "ALIPAY"}])
    assert response.status_code == 200
    (entry,) = response.json()["data"]
    assert entry["dropped"] and entry["order"]["channel"] == "ALIPAY"
    wrapped = requests.post(sandbox.base_url + "/sandbox/orders", json={"orders": [{"out_trade_no": "H2"}]}, timeout=5)
    assert wrapped.status_code == 200
    bad = requests.post(sandbox.base_url + "/sandbox/orders", data=b"{nope", timeout=5)
    assert bad.status_code == 400


def test_live_paid_order(sandbox: SandboxServer, client: SignedClient) -> None:
    live = sandbox.control.live_paid_order("202611221234", 1250, "ALIPAY")
    assert live["order"]["state"] == "PAID" and live["order"]["total_amount"] == 1250
    assert client.query(channel_trade_no=live["order"]["channel_trade_no"]).status == 200
    lost = sandbox.control.live_paid_order("202611221235", 990, notify=False)
    assert lost["dropped"] and lost["order"]["channel"] == "WECHAT"
    response = requests.post(sandbox.base_url + "/sandbox/live", timeout=5,
                             json={"out_trade_no": "202611221236", "total_amount": 600, "channel": "UNIONPAY"})
    assert response.status_code == 200 and response.json()["data"]["order"]["state"] == "PAID"
    with pytest.raises(ControlError):
        sandbox.control.live_paid_order("202611221237", 600, "PAYPAL")


def test_reset(sandbox: SandboxServer, client: SignedClient) -> None:
    sandbox.control.create_orders([{"out_trade_no": "R1"}, {"out_trade_no": "R2"}])
    key = new_key()
    assert client.sync(key, out_trade_no="R1").status == 200
    sandbox.control.inject_faults(status=500, for_requests=10)
    sandbox.control.reset()
    state = sandbox.control.state()
    assert state["orders"] == [] and state["faults"] is None
    sandbox.control.create_orders([{"out_trade_no": "R2"}])
    # Idempotency keys went with the orders: the key is free for another body.
    assert client.sync(key, out_trade_no="R2").status == 200


def test_http_control_mirrors_the_python_one(sandbox: SandboxServer, client: SignedClient) -> None:
    remote = HttpSandboxControl(sandbox.base_url)
    created = remote.create_orders([{"out_trade_no": "P1", "state": "USERPAYING"}])
    assert created[0]["order"]["state"] == "USERPAYING"
    assert remote.set_upstream("P1", "PAID")["dropped"]
    assert remote.inject_faults(status=503)["requests_left"] == 1
    assert client.query(out_trade_no="P1").code == "MAINTENANCE"
    assert remote.live_paid_order("P2", 500)["order"]["state"] == "PAID"
    assert {o["out_trade_no"] for o in remote.state()["orders"]} == {"P1", "P2"}
    with pytest.raises(ControlError) as excinfo:
        remote.set_upstream("P1", "CREATED")
    assert excinfo.value.code == "STATE_BACKWARD"
    summary = remote.load_scenario("paid-no-receipt")
    assert summary["orders"] == 5
    remote.reset()
    assert remote.state()["orders"] == []


def test_control_unknown_endpoints(sandbox: SandboxServer) -> None:
    assert requests.post(sandbox.base_url + "/sandbox/nothing", json={}, timeout=5).status_code == 404
    assert requests.get(sandbox.base_url + "/sandbox/faults", timeout=5).status_code == 405
    assert requests.get(sandbox.base_url + "/elsewhere", timeout=5).status_code == 404
    names = requests.get(sandbox.base_url + "/sandbox/scenarios", timeout=5).json()["data"]
    assert {"busy-morning", "paid-no-receipt", "stuck-userpaying", "refund", "training"} <= set(names)


def test_server_lifecycle() -> None:
    server = SandboxServer()
    with pytest.raises(RuntimeError):
        _ = server.port
    server.start()
    assert server.start() is server  # starting twice is harmless
    url = server.base_url
    assert url.startswith("http://127.0.0.1:") and server.port > 0
    server.stop()
    server.stop()  # idempotent
    with pytest.raises(requests.ConnectionError):
        requests.get(url + "/openapi.json", timeout=2)
    with pytest.raises(RuntimeError):
        server.start()
