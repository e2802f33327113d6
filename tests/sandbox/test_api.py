"""Every endpoint and every error of the spec's table, over real HTTP."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from cashier_app.sandbox import SandboxServer
from tests.helpers.sandbox import new_key
from tests.helpers.signed_client import SignedClient

ORDER_KEYS = {"out_trade_no", "channel_trade_no", "channel", "trade_type", "state", "channel_state", "total_amount",
              "paid_amount", "refund_amount", "subject", "store_no", "terminal_no", "operator", "created_at",
              "paid_at", "updated_at", "last_synced_at"}


def _entry(sandbox: SandboxServer, number: str) -> dict[str, Any]:
    return next(o for o in sandbox.control.state()["orders"] if o["out_trade_no"] == number)


# Query


def test_query_paid_order(sandbox: SandboxServer, client: SignedClient) -> None:
    sandbox.control.create_orders([{"out_trade_no": "202611220001", "channel": "WECHAT", "state": "PAID",
                                    "total_amount": 1250, "channel_trade_no": "4200001234202611221234567890"}])
    reply = client.query(out_trade_no="202611220001")
    assert reply.status == 200 and reply.verified
    assert set(reply.body) == {"code", "msg", "request_id", "data"}
    assert reply.code == "SUCCESS" and reply.body["request_id"]
    order = reply.data
    assert set(order) == ORDER_KEYS
    assert order["state"] == "PAID" and order["channel_state"] == "SUCCESS"
    assert order["paid_amount"] == order["total_amount"] == 1250
    assert order["channel_trade_no"] == "4200001234202611221234567890"
    assert order["created_at"].endswith("+08:00") and order["paid_at"] >= order["created_at"]
    by_channel = client.query(channel_trade_no="4200001234202611221234567890")
    assert by_channel.status == 200 and by_channel.data == order


def test_numbers_are_normalised_by_the_server(sandbox: SandboxServer, client: SignedClient) -> None:
    sandbox.control.create_orders([{"out_trade_no": "202611220002", "state": "PAID", "channel": "ALIPAY",
                                    "channel_trade_no": "2026112222001412345678901234"}])
    assert client.query(out_trade_no="  ２０２６１１２２０００２\u3000").data["out_trade_no"] == "202611220002"
    assert client.query(channel_trade_no=" 2026 1122 2200 1412 3456 7890 1234 ").status == 200


def test_query_unknown_order(client: SignedClient) -> None:
    reply = client.query(out_trade_no="209901010001")
    assert (reply.status, reply.code) == (404, "ORDER_NOT_EXIST") and reply.verified
    assert reply.data is None


def test_channel_number_not_queryable_before_notice(sandbox: SandboxServer, client: SignedClient) -> None:
    created = sandbox.control.create_orders([{"out_trade_no": "202611220003", "state": "USERPAYING",
                                              "upstream_state": "PAID", "channel": "WECHAT"}])
    channel_no = created[0]["upstream"]["channel_trade_no"]
    assert created[0]["order"]["channel_trade_no"] is None
    reply = client.query(channel_trade_no=channel_no)
    assert (reply.status, reply.code) == (404, "CHANNEL_NO_NOT_QUERYABLE") and reply.verified
    # Once the channel's notice arrives, the number finds the order.
    sandbox.control.set_upstream("202611220003", notify=True)
    found = client.query(channel_trade_no=channel_no)
    assert found.status == 200 and found.data["state"] == "PAID"


@pytest.mark.parametrize("body", [
    {}, {"out_trade_no": "1", "channel_trade_no": "2"}, {"out_trade_no": None}, {"out_trade_no": ""},
    {"out_trade_no": "   "}, {"out_trade_no": 202611220001}, {"out_trade_no": "x" * 65}, {"order": "1"},
    [], "not json", b"\xff\xfe", "null", '"text"',
])
def test_query_invalid_params(client: SignedClient, body: Any) -> None:
    reply = client.post("/api/v1/orders/query", body)
    assert (reply.status, reply.code) == (400, "INVALID_PARAMS"), reply.body
    assert reply.verified


def test_exactly_one_number_message(client: SignedClient) -> None:
    reply = client.query(out_trade_no="1", channel_trade_no="2")
    assert "exactly one of out_trade_no/channel_trade_no" in reply.body["msg"]


def test_unknown_path_and_method(sandbox: SandboxServer, client: SignedClient) -> None:
    reply = client.post("/api/v1/orders/refund", {"out_trade_no": "1"})
    assert reply.status == 404 and reply.verified
    import requests

    response = requests.get(sandbox.base_url + "/api/v1/orders/query", timeout=5)
    assert response.status_code == 405


# List


def test_list_oldest_first_with_stable_cursor(sandbox: SandboxServer, client: SignedClient) -> None:
    now = sandbox.clock()
    sandbox.control.create_orders([
        {"out_trade_no": f"2026112201{i:02d}", "state": "PAID", "created_at": now - 3600 + i * 60,
         "paid_at": now - 3600 + i * 60 + 5} for i in range(25)
    ])
    seen: list[str] = []
    cursor = None
    pages = 0
    while True:
        reply = client.list(updated_since="2000-01-01T00:00:00+08:00", state=None, page_size=7, cursor=cursor)
        assert reply.status == 200 and reply.verified
        seen += [o["out_trade_no"] for o in reply.data["orders"]]
        pages += 1
        cursor = reply.data["next_cursor"]
        if cursor is None:
            break
        # An order updated between pages moves to the end; nothing is skipped or repeated before it.
        if pages == 2:
            sandbox.control.set_upstream("2026112201" + "00", "REFUNDED", notify=True)
    assert pages == 4
    assert seen == [f"2026112201{i:02d}" for i in range(25)] + ["202611220100"]


def test_list_is_ordered_by_updated_at(sandbox: SandboxServer, client: SignedClient) -> None:
    now = sandbox.clock()
    sandbox.control.create_orders([
        {"out_trade_no": "A1", "state": "PAID", "created_at": now - 100, "paid_at": now - 10},
        {"out_trade_no": "A2", "state": "PAID", "created_at": now - 50, "paid_at": now - 40},
        {"out_trade_no": "A3", "state": "CREATED", "created_at": now - 30},
    ])
    reply = client.list(page_size=200)
    assert [o["out_trade_no"] for o in reply.data["orders"]] == ["A2", "A3", "A1"]
    updated = [o["updated_at"] for o in reply.data["orders"]]
    assert updated == sorted(updated)
    assert reply.data["next_cursor"] is None


def test_list_filters(sandbox: SandboxServer, client: SignedClient) -> None:
    now = sandbox.clock()
    sandbox.control.create_orders([
        {"out_trade_no": "B1", "state": "PAID", "created_at": now - 7200, "paid_at": now - 7195},
        {"out_trade_no": "B2", "state": "PAID", "created_at": now - 60, "paid_at": now - 55},
        {"out_trade_no": "B3", "state": "CLOSED", "created_at": now - 30},
        {"out_trade_no": "B4", "state": "PAID", "terminal_no": "T0002", "created_at": now - 20},
    ])
    from cashier_app.sandbox.orders import iso

    since = iso(now - 3600)
    paid = client.list(updated_since=since, state="PAID", page_size=50, cursor=None)
    assert [o["out_trade_no"] for o in paid.data["orders"]] == ["B2"]
    everything = client.list(updated_since=since, state=None, page_size=50, cursor=None)
    assert [o["out_trade_no"] for o in everything.data["orders"]] == ["B2", "B3"]
    # "at or after": an order updated exactly at updated_since is included.
    exact = client.list(updated_since=everything.data["orders"][0]["updated_at"], page_size=50)
    assert exact.data["orders"][0]["out_trade_no"] == "B2"
    # The empty body of the signature vectors is a list of everything of this terminal.
    empty = client.post("/api/v1/orders/list", b"")
    assert [o["out_trade_no"] for o in empty.data["orders"]] == ["B1", "B2", "B3"]


@pytest.mark.parametrize("body", [
    {"page_size": 0}, {"page_size": 201}, {"page_size": "10"}, {"page_size": True}, {"state": "PAYED"},
    {"updated_since": "yesterday"}, {"updated_since": "2026-11-22T00:00:00"}, {"cursor": "%%%"},
    {"cursor": "bm90IGEgY3Vyc29y"}, {"cursor": 5}, {"limit": 5}, [],
])
def test_list_invalid_params(client: SignedClient, body: Any) -> None:
    reply = client.post("/api/v1/orders/list", body)
    assert (reply.status, reply.code) == (400, "INVALID_PARAMS"), reply.body


def test_list_page_size_bounds(sandbox: SandboxServer, client: SignedClient) -> None:
    sandbox.control.create_orders([{"state": "PAID"} for _ in range(3)])
    assert len(client.list(page_size=1).data["orders"]) == 1
    assert len(client.list(page_size=200).data["orders"]) == 3


# Sync


def test_dropped_order_is_brought_forward_by_sync(sandbox: SandboxServer, client: SignedClient) -> None:
    created = sandbox.control.create_orders([{"out_trade_no": "202611220010", "state": "USERPAYING",
                                              "upstream_state": "PAID", "channel": "ALIPAY", "total_amount": 2600}])
    assert created[0]["dropped"]
    before = client.query(out_trade_no="202611220010").data
    assert before["state"] == "USERPAYING" and before["channel_trade_no"] is None and before["paid_at"] is None
    reply = client.sync(new_key(), out_trade_no="202611220010")
    assert reply.status == 200 and reply.verified
    order, sync = reply.data["order"], reply.data["sync"]
    assert sync["upstream_state"] == "PAID" and sync["changed"] is True
    assert order["state"] == "PAID" and order["channel_state"] == "TRADE_SUCCESS"
    assert order["channel_trade_no"] == created[0]["upstream"]["channel_trade_no"]
    assert order["paid_amount"] == 2600 and order["paid_at"] == created[0]["upstream"]["paid_at"]
    assert order["last_synced_at"] == sync["synced_at"] == order["updated_at"]
    assert order["updated_at"] >= before["updated_at"]
    after = _entry(sandbox, "202611220010")
    assert not after["dropped"] and after["channel_queries"] == 1
    assert client.query(out_trade_no="202611220010").data == order


def test_sync_without_change(sandbox: SandboxServer, client: SignedClient) -> None:
    sandbox.control.create_orders([{"out_trade_no": "S1", "state": "USERPAYING"}])
    before = client.query(out_trade_no="S1").data
    reply = client.sync(new_key(), out_trade_no="S1")
    assert reply.data["sync"] == {"upstream_state": "USERPAYING", "changed": False,
                                  "synced_at": reply.data["sync"]["synced_at"]}
    assert reply.data["order"]["state"] == "USERPAYING"
    assert reply.data["order"]["last_synced_at"] is not None
    assert reply.data["order"]["updated_at"] == before["updated_at"]


def test_sync_by_channel_number_needs_the_notice(sandbox: SandboxServer, client: SignedClient) -> None:
    created = sandbox.control.create_orders([{"out_trade_no": "S2", "state": "CREATED", "upstream_state": "PAID"}])
    reply = client.sync(new_key(), channel_trade_no=created[0]["upstream"]["channel_trade_no"])
    assert (reply.status, reply.code) == (404, "CHANNEL_NO_NOT_QUERYABLE")
    assert _entry(sandbox, "S2")["channel_queries"] == 0


def test_sync_is_idempotent(sandbox: SandboxServer, client: SignedClient) -> None:
    sandbox.control.create_orders([{"out_trade_no": "S3", "state": "CREATED", "upstream_state": "PAID"},
                                   {"out_trade_no": "S4", "state": "PAID"}])
    key = new_key()
    first = client.sync(key, out_trade_no="S3")
    # Full-width spelling of the same number is the same body.
    second = client.sync(key, out_trade_no="Ｓ３")
    assert first.status == second.status == 200 and second.verified
    assert second.body == first.body
    assert second.headers.get("Idempotent-Replayed") == "true"
    assert _entry(sandbox, "S3")["channel_queries"] == 1
    reused = client.sync(key, out_trade_no="S4")
    assert (reused.status, reused.code) == (422, "IDEMPOTENCY_KEY_REUSED") and reused.verified
    assert _entry(sandbox, "S4")["channel_queries"] == 0


@pytest.mark.parametrize("key", [None, "", "short", "x" * 65])
def test_sync_needs_an_idempotency_key(sandbox: SandboxServer, client: SignedClient, key: str | None) -> None:
    sandbox.control.create_orders([{"out_trade_no": "S5", "state": "CREATED"}])
    reply = client.post("/api/v1/orders/sync", {"out_trade_no": "S5"}, idem=key)
    assert (reply.status, reply.code) == (400, "INVALID_PARAMS")
    assert "Idempotency-Key" in reply.body["msg"]


def test_sync_idempotency_key_bounds(sandbox: SandboxServer, client: SignedClient) -> None:
    sandbox.control.create_orders([{"out_trade_no": "S6"}, {"out_trade_no": "S7"}])
    assert client.sync("k" * 8, out_trade_no="S6").status == 200
    assert client.sync("k" * 64, out_trade_no="S7").status == 200


def test_sync_unknown_order(client: SignedClient) -> None:
    reply = client.sync(new_key(), out_trade_no="NOPE")
    assert (reply.status, reply.code) == (404, "ORDER_NOT_EXIST")


def test_concurrent_sync_of_one_order(sandbox: SandboxServer) -> None:
    sandbox.control.create_orders([{"out_trade_no": "S8", "state": "USERPAYING", "upstream_state": "PAID",
                                    "delay_ms": 30_000}])
    first_reply: list[Any] = []
    slow = SignedClient(sandbox.base_url)
    thread = threading.Thread(target=lambda: first_reply.append(slow.sync(new_key(), out_trade_no="S8")))
    thread.start()
    fast = SignedClient(sandbox.base_url)
    try:
        # Wait until the sandbox reports the first sync as running, then sync again.
        deadline_hits = 0
        while not _entry(sandbox, "S8")["sync_in_progress"]:
            deadline_hits += 1
            assert deadline_hits < 10_000, "the first sync never started"
            threading.Event().wait(0.01)
        second = fast.sync(new_key(), out_trade_no="S8")
        assert (second.status, second.code) == (409, "SYNC_IN_PROGRESS") and second.verified
        closing = fast.close_order(new_key(), "S8")
        assert closing.code == "SYNC_IN_PROGRESS"
        # Let the channel answer now.
        sandbox.control.set_upstream("S8", delay_ms=0)
    finally:
        thread.join(timeout=30)
        slow.close()
        fast.close()
    assert first_reply and first_reply[0].status == 200
    assert first_reply[0].data["order"]["state"] == "PAID"
    assert _entry(sandbox, "S8")["channel_queries"] == 1


def test_frequency_limit(sandbox: SandboxServer, client: SignedClient) -> None:
    sandbox.control.create_orders([{"out_trade_no": "S9", "state": "USERPAYING"}])
    assert client.sync(new_key(), out_trade_no="S9").status == 200
    limited = client.sync(new_key(), out_trade_no="S9")
    assert (limited.status, limited.code) == (429, "FREQUENCY_LIMITED") and limited.verified
    assert 1 <= int(limited.headers["Retry-After"]) <= 5
    assert _entry(sandbox, "S9")["channel_queries"] == 1


def test_frequency_limit_lifts_after_5_s() -> None:
    from tests.helpers.signed_client import FakeClock

    clock = FakeClock(1_795_314_665.0)
    with SandboxServer(clock=clock) as server:
        server.control.create_orders([{"out_trade_no": "S10", "state": "USERPAYING"}])
        c = SignedClient(server.base_url, clock=clock)
        assert c.sync(new_key(), out_trade_no="S10").status == 200
        clock.advance(3.2)
        limited = c.sync(new_key(), out_trade_no="S10")
        assert limited.code == "FREQUENCY_LIMITED" and limited.headers["Retry-After"] == "2"
        clock.advance(1.8)
        assert c.sync(new_key(), out_trade_no="S10").status == 200
        c.close()


def test_sync_channel_error(sandbox: SandboxServer, client: SignedClient) -> None:
    sandbox.control.create_orders([{"out_trade_no": "S11", "state": "USERPAYING", "upstream_state": "PAID",
                                    "channel_error": True}])
    reply = client.sync(new_key(), out_trade_no="S11")
    assert (reply.status, reply.code) == (502, "CHANNEL_ERROR") and reply.verified
    assert client.query(out_trade_no="S11").data["state"] == "USERPAYING"


# Forward-only states


def test_states_never_move_back(sandbox: SandboxServer, client: SignedClient) -> None:
    sandbox.control.create_orders([{"out_trade_no": "F1", "state": "PAID"}])
    from cashier_app.sandbox import ControlError

    with pytest.raises(ControlError) as excinfo:
        sandbox.control.set_upstream("F1", "USERPAYING")
    assert excinfo.value.code == "STATE_BACKWARD"
    sandbox.control.set_upstream("F1", "PARTIAL_REFUNDED", refund_amount=100)
    partial = client.sync(new_key(), out_trade_no="F1").data["order"]
    assert partial["state"] == "PARTIAL_REFUNDED" and partial["refund_amount"] == 100
    sandbox.control.set_upstream("F1", "REFUNDED", notify=True)
    refunded = client.query(out_trade_no="F1").data
    assert refunded["state"] == "REFUNDED" and refunded["refund_amount"] == refunded["paid_amount"]
    with pytest.raises(ControlError):
        sandbox.control.set_upstream("F1", "PAID")
    assert client.query(out_trade_no="F1").data["state"] == "REFUNDED"


def test_platform_ahead_of_channel_is_refused(sandbox: SandboxServer) -> None:
    from cashier_app.sandbox import ControlError

    with pytest.raises(ControlError):
        sandbox.control.create_orders([{"out_trade_no": "F2", "state": "PAID", "upstream_state": "CREATED"}])
    assert sandbox.control.state()["orders"] == []


# Close


def test_close_unpaid_order(sandbox: SandboxServer, client: SignedClient) -> None:
    sandbox.control.create_orders([{"out_trade_no": "C1", "state": "USERPAYING", "channel": "WECHAT"}])
    key = new_key()
    reply = client.close_order(key, "C1")
    assert reply.status == 200 and reply.verified
    assert reply.data["state"] == "CLOSED" and reply.data["channel_state"] == "CLOSED"
    assert _entry(sandbox, "C1")["upstream"]["state"] == "CLOSED"
    again = client.close_order(key, "C1")
    assert again.body == reply.body
    with_new_key = client.close_order(new_key(), "C1")
    assert (with_new_key.status, with_new_key.code) == (409, "ORDER_NOT_CLOSABLE") and with_new_key.verified
    # A closed order cannot be paid any more.
    from cashier_app.sandbox import ControlError

    with pytest.raises(ControlError):
        sandbox.control.set_upstream("C1", "PAID")


def test_close_paid_order_is_refused(sandbox: SandboxServer, client: SignedClient) -> None:
    sandbox.control.create_orders([{"out_trade_no": "C2", "state": "PAID"}])
    reply = client.close_order(new_key(), "C2")
    assert (reply.status, reply.code) == (409, "ORDER_NOT_CLOSABLE")
    assert client.query(out_trade_no="C2").data["state"] == "PAID"


def test_close_of_a_dropped_order_finds_it_paid(sandbox: SandboxServer, client: SignedClient) -> None:
    """Closing asks the channel: the customer has paid, so nothing is closed and the platform learns it."""
    sandbox.control.create_orders([{"out_trade_no": "C3", "state": "USERPAYING", "upstream_state": "PAID"}])
    reply = client.close_order(new_key(), "C3")
    assert (reply.status, reply.code) == (409, "ORDER_NOT_CLOSABLE")
    assert client.query(out_trade_no="C3").data["state"] == "PAID"


@pytest.mark.parametrize("body", [{"channel_trade_no": "420000"}, {}, {"out_trade_no": 5},
                                  {"out_trade_no": "C4", "extra": 1}])
def test_close_invalid_params(sandbox: SandboxServer, client: SignedClient, body: dict[str, Any]) -> None:
    reply = client.post("/api/v1/orders/close", body, idem=new_key())
    assert (reply.status, reply.code) == (400, "INVALID_PARAMS")


def test_close_needs_a_key_and_finds_unknown_orders(client: SignedClient) -> None:
    assert client.post("/api/v1/orders/close", {"out_trade_no": "C5"}).code == "INVALID_PARAMS"
    assert client.close_order(new_key(), "C5").code == "ORDER_NOT_EXIST"


def test_key_reuse_across_endpoints(sandbox: SandboxServer, client: SignedClient) -> None:
    sandbox.control.create_orders([{"out_trade_no": "C6", "state": "CREATED"}])
    key = new_key()
    assert client.sync(key, out_trade_no="C6").status == 200
    assert client.close_order(key, "C6").code == "IDEMPOTENCY_KEY_REUSED"
