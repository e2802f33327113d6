"""Scenario files: they load, look current, and stage what they promise."""

from __future__ import annotations

import threading
import time
from collections import Counter

import pytest

from cashier_app.sandbox import SandboxServer, scenarios
from cashier_app.sandbox.orders import parse_iso
from cashier_app.sandbox.scenarios import ScheduledEvent
from tests.helpers.signed_client import FakeClock, SignedClient

ALL = ["busy-morning", "paid-no-receipt", "stuck-userpaying", "refund", "training"]


def test_every_scenario_is_shipped() -> None:
    assert set(ALL) <= set(scenarios.available())


@pytest.mark.parametrize("name", ALL)
def test_scenario_loads_and_looks_current(name: str) -> None:
    with SandboxServer(scenario=name) as server:
        state = server.control.state()
        now = time.time()
        assert state["scenario"] == name and state["orders"]
        for entry in state["orders"]:
            order = entry["order"]
            created = parse_iso(order["created_at"])
            assert now - 5 * 3600 <= created <= now + 1
            assert parse_iso(order["updated_at"]) <= now + 1
            if order["paid_at"]:
                assert created <= parse_iso(order["paid_at"]) <= now + 1
        c = SignedClient(server.base_url)
        listed = c.list(page_size=200).data["orders"]
        assert len(listed) == len(state["orders"])
        c.close()


def test_scenario_numbers_follow_the_clock() -> None:
    clock = FakeClock(1_795_314_665.0)  # 2026-11-22 in Beijing
    with SandboxServer(clock=clock, scenario="training") as server:
        numbers = [o["out_trade_no"] for o in server.control.state()["orders"]]
    assert numbers == ["202611228001", "202611228002", "202611228003", "202611228004"]


def test_busy_morning() -> None:
    with SandboxServer(scenario="busy-morning") as server:
        orders = server.control.state()["orders"]
    assert len(orders) >= 36
    assert Counter(o["order"]["channel"] for o in orders).keys() == {"WECHAT", "ALIPAY", "UNIONPAY"}
    assert sum(o["dropped"] for o in orders) >= 3
    assert sum(o["order"]["state"] == "PAID" for o in orders) >= 30
    assert len({o["out_trade_no"] for o in orders}) == len(orders)


def test_training_stages_the_field_exceptions_in_order() -> None:
    with SandboxServer(scenario="training") as server:
        orders = server.control.state()["orders"]
        steps = {o["meta"]["step"]: o for o in orders}
        assert sorted(steps) == [1, 2, 3, 4]
        assert [o["meta"]["step"] for o in orders] == [1, 2, 3, 4]  # one after another
        assert steps[1]["dropped"]
        assert steps[2]["order"]["state"] == "PAID" and steps[2]["meta"]["receipt_printed"] is False
        assert steps[3]["order"]["state"] == steps[3]["upstream"]["state"] == "USERPAYING"
        too_early = steps[4]
        assert too_early["meta"]["channel_trade_no"] == too_early["upstream"]["channel_trade_no"]
        c = SignedClient(server.base_url)
        reply = c.query(channel_trade_no=too_early["meta"]["channel_trade_no"])
        assert reply.code == "CHANNEL_NO_NOT_QUERYABLE"
        assert all(o["meta"]["lesson"] and o["meta"]["lesson_en"] for o in orders)
        c.close()


def test_refund_and_stuck_scenarios() -> None:
    with SandboxServer(scenario="refund") as server:
        states = Counter(o["order"]["state"] for o in server.control.state()["orders"])
        hidden = [o for o in server.control.state()["orders"] if o["upstream"]["state"] != o["order"]["state"]]
    assert states["PARTIAL_REFUNDED"] == 1 and states["REFUNDED"] == 1
    assert [o["upstream"]["state"] for o in hidden] == ["REFUNDED"]
    with SandboxServer(scenario="stuck-userpaying") as server:
        orders = server.control.state()["orders"]
    assert all(o["order"]["state"] == "USERPAYING" for o in orders)
    assert {o["upstream"]["state"] for o in orders} == {"USERPAYING", "PAY_FAILED", "PAID"}


def test_scenario_events_change_the_channel_later(sandbox: SandboxServer) -> None:
    sandbox.control.create_orders([{"out_trade_no": "EV1", "state": "USERPAYING"}])
    changed = threading.Event()
    original = sandbox.api.channel_changed

    def spy() -> None:
        original()
        changed.set()

    sandbox.api.channel_changed = spy  # type: ignore[method-assign]
    sandbox.control._schedule(ScheduledEvent(0.05, "EV1", {"state": "PAID", "notify": False}))
    assert changed.wait(10)
    entry = sandbox.control.order_state("EV1")
    assert entry["upstream"]["state"] == "PAID" and entry["dropped"]


def test_load_scenario_replaces_or_adds(sandbox: SandboxServer) -> None:
    sandbox.control.create_orders([{"out_trade_no": "KEEP1"}])
    sandbox.control.load_scenario("refund", replace=False)
    assert len(sandbox.control.state()["orders"]) == 6
    summary = sandbox.control.load_scenario("paid-no-receipt")
    assert summary["orders"] == 5 and len(sandbox.control.state()["orders"]) == 5
    from cashier_app.sandbox import ControlError

    with pytest.raises(ControlError) as excinfo:
        sandbox.control.load_scenario("no-such-scenario")
    assert excinfo.value.status == 404


def test_relative_times() -> None:
    assert scenarios.offset_seconds("-2h15m") == ("-", -8100.0)
    assert scenarios.offset_seconds("+6s") == ("+", 6.0)
    assert scenarios.offset_seconds("now") == ("now", 0.0)
    with pytest.raises(scenarios.ScenarioError):
        scenarios.offset_seconds("tomorrow")
