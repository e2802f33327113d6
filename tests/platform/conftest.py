"""A real sandbox platform over HTTP on loopback, staged through its /sandbox/ control endpoints."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from cashier_app.platform.client import PlatformClient
from cashier_app.platform.settings import PlatformSettings

KEY = "sandbox-key-T0001-please-change"


class Sandbox:
    """The control endpoints, called with plain requests (unsigned, loopback only)."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.http = requests.Session()

    def _post(self, path: str, body: Any) -> Any:
        response = self.http.post(self.base_url + path, json=body, timeout=10)
        assert response.status_code < 300, response.text
        return response.json()

    def reset(self) -> None:
        self._post("/sandbox/reset", {})

    def create(self, *orders: dict[str, Any]) -> list[dict[str, Any]]:
        answer = self._post("/sandbox/orders", list(orders))
        created = answer.get("data", answer)
        return list(created["orders"] if isinstance(created, dict) else created)

    def upstream(self, out_trade_no: str, **changes: Any) -> Any:
        return self._post(f"/sandbox/orders/{out_trade_no}/upstream", changes)

    def faults(self, **spec: Any) -> Any:
        return self._post("/sandbox/faults", spec)

    def state(self) -> dict[str, Any]:
        response = self.http.get(self.base_url + "/sandbox/state", timeout=10)
        assert response.status_code == 200, response.text
        body = response.json()
        return dict(body.get("data", body))

    def order_state(self, out_trade_no: str) -> dict[str, Any]:
        (entry,) = [o for o in self.state()["orders"] if o["out_trade_no"] == out_trade_no]
        return dict(entry)


@pytest.fixture(scope="session")
def sandbox_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    from cashier_app.sandbox.server import SandboxServer

    db = Path(tmp_path_factory.mktemp("sandbox")) / "sandbox.sqlite3"
    server = SandboxServer(host="127.0.0.1", port=0, db_path=db, keys={("M100001", "T0001"): KEY})
    server.start()
    yield server
    server.stop()


@pytest.fixture
def sandbox(sandbox_server: Any) -> Iterator[Sandbox]:
    box = Sandbox(str(sandbox_server.base_url).rstrip("/"))
    box.reset()
    yield box
    box.faults(for_requests=0)
    box.http.close()


def fast_settings(base_url: str, **overrides: Any) -> PlatformSettings:
    """Short waits so that retries are tested in well under a second each."""
    values: dict[str, Any] = {"base_url": base_url, "timeout_s": 2.0, "max_attempts": 4, "retry_budget_s": 10.0,
                              "backoff_base_s": 0.02, "backoff_max_s": 0.1}
    values.update(overrides)
    return PlatformSettings(**values)


@pytest.fixture
def settings(sandbox: Sandbox) -> PlatformSettings:
    return fast_settings(sandbox.base_url)


@pytest.fixture
def client(settings: PlatformSettings) -> Iterator[PlatformClient]:
    with PlatformClient(settings, lambda: KEY) as c:
        yield c
