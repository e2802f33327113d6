"""WeChat Pay and Alipay sandboxes for adapter tests: their control, keys and settings."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import requests

from cashier_app.platform import rsa_keys
from cashier_app.platform.settings import AlipaySettings, PlatformSettings, WechatPaySettings
from cashier_app.sandbox.server import SandboxServer


class Control:
    """The sandbox's /sandbox/ control API over plain HTTP (as outside clients use it)."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.http = requests.Session()

    def post(self, path: str, body: Any) -> Any:
        response = self.http.post(self.base_url + path, json=body, timeout=10)
        assert response.status_code < 300, response.text
        return response.json()["data"]

    def create(self, *orders: dict[str, Any]) -> list[dict[str, Any]]:
        return list(self.post("/sandbox/orders", list(orders)))

    def upstream(self, number: str, **changes: Any) -> Any:
        return self.post(f"/sandbox/orders/{number}/upstream", changes)

    def faults(self, **spec: Any) -> Any:
        return self.post("/sandbox/faults", spec)

    def options(self, **values: Any) -> Any:
        return self.post("/sandbox/options", values)

    def reset(self) -> None:
        self.post("/sandbox/reset", {})

    def entry(self, number: str) -> dict[str, Any]:
        response = self.http.get(f"{self.base_url}/sandbox/orders/{number}", timeout=10)
        assert response.status_code == 200, response.text
        return dict(response.json()["data"])


def keys_info(server: SandboxServer) -> dict[str, Any]:
    assert server.keys_dir is not None
    return dict(json.loads((server.keys_dir / "platform.json").read_text(encoding="utf-8")))


def fast(**overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = {"timeout_s": 2.0, "max_attempts": 3, "retry_budget_s": 5.0, "backoff_base_s": 0.01,
                              "backoff_max_s": 0.05}
    values.update(overrides)
    return values


def wechat_settings(server: SandboxServer, *, mode: str = "public-key", partner: bool = False,
                    **overrides: Any) -> PlatformSettings:
    info = keys_info(server)
    files = info["files"]
    merchant = {"sp_mchid": info["sp_mchid"], "sub_mchid": info["sub_mchid"]} if partner else {
        "mchid": info["mchid"]}
    wx = WechatPaySettings(
        base_url=server.base_url, merchant_serial_no=info["merchant_serial_no"],
        public_key_id=info["public_key_id"] if mode in ("public-key", "both") else "",
        public_key_file=files["public_key"],
        platform_certificate_file=files["certificates"] if mode in ("certificate", "both") else "", **merchant)
    return PlatformSettings(kind="wechatpay-v3", wechatpay=wx, **fast(**overrides))


def merchant_secret(server: SandboxServer) -> str:
    """The merchant's (or app's) key as the credential store keeps it (read once per folder)."""
    return _secret(str(server.keys_dir), server.platform)


@functools.lru_cache(maxsize=16)
def _secret(folder: str, platform: str) -> str:
    info = json.loads((Path(folder) / "platform.json").read_text(encoding="utf-8"))
    name = "merchant_private_key" if platform == "wechatpay-v3" else "app_private_key"
    return rsa_keys.to_compact(rsa_keys.load_private_pem(Path(info["files"][name]).read_bytes()))


def alipay_settings(server: SandboxServer, **overrides: Any) -> PlatformSettings:
    info = keys_info(server)
    ali = AlipaySettings(gateway_url=info["gateway_url"], app_id=info["app_id"],
                         public_key_file=info["files"]["public_key"])
    return PlatformSettings(kind="alipay", alipay=ali, **fast(**overrides))


ClockShift = Callable[[float], Callable[[], float]]
