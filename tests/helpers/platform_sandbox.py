"""The MP v1 sandbox for platform client tests, and fast client settings."""

from __future__ import annotations

from typing import Any

import requests

from cashier_app.platform.settings import PlatformSettings


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


def fast_settings(base_url: str, **overrides: Any) -> PlatformSettings:
    """Short waits so that retries are tested in well under a second each."""
    values: dict[str, Any] = {"base_url": base_url, "timeout_s": 2.0, "max_attempts": 4, "retry_budget_s": 10.0,
                              "backoff_base_s": 0.02, "backoff_max_s": 0.1}
    values.update(overrides)
    return PlatformSettings(**values)
