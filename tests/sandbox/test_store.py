"""SQLite storage: a demo survives a restart."""

from __future__ import annotations

from pathlib import Path

import pytest
import requests

from cashier_app.sandbox import SandboxServer
from tests.helpers.sandbox import new_key
from tests.helpers.signed_client import SignedClient


def test_restart_with_the_same_db_keeps_orders_and_answers(tmp_path: Path) -> None:
    db = tmp_path / "sandbox.db"
    key = new_key()
    with SandboxServer(db_path=db) as first:
        first.control.create_orders([{"out_trade_no": "K1", "state": "USERPAYING", "upstream_state": "PAID"},
                                     {"out_trade_no": "K2", "state": "PAID"}])
        first.control.inject_faults(drop_response=True)
        c = SignedClient(first.base_url)
        with pytest.raises(requests.ConnectionError):
            c.sync(key, out_trade_no="K1")
        c.close()
        before = first.control.state()["orders"]
    assert db.exists()
    with SandboxServer(db_path=db) as second:
        after = second.control.state()["orders"]
        assert [o["order"] for o in after] == [o["order"] for o in before]
        assert {o["out_trade_no"]: o["channel_queries"] for o in after} == {"K1": 1, "K2": 0}
        c = SignedClient(second.base_url)
        # The answer lost before the restart is found again by the retry with the same key.
        retry = c.sync(key, out_trade_no="K1")
        assert retry.status == 200 and retry.data["order"]["state"] == "PAID"
        assert c.query(out_trade_no="K2").data["state"] == "PAID"
        # The list's order survives too: new changes come after the old ones.
        second.control.create_orders([{"out_trade_no": "K3"}])
        assert [o["out_trade_no"] for o in c.list(page_size=10).data["orders"]] == ["K2", "K1", "K3"]
        c.close()


def test_scenario_is_not_staged_again_on_a_kept_db(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    with SandboxServer(db_path=db, scenario="training") as first:
        number = first.control.state()["orders"][0]["out_trade_no"]
        first.control.set_upstream(number, notify=True)
        count = len(first.control.state()["orders"])
    with SandboxServer(db_path=db, scenario="training") as second:
        state = second.control.state()
        assert len(state["orders"]) == count and state["scenario"] == "training"
        assert next(o for o in state["orders"] if o["out_trade_no"] == number)["order"]["state"] == "PAID"


def test_in_memory_store_starts_empty() -> None:
    with SandboxServer() as server:
        server.control.create_orders([{"out_trade_no": "M1"}])
    with SandboxServer() as server:
        assert server.control.state()["orders"] == []
