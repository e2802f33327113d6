"""A tiny signed MP API client for the sandbox's own tests (built on requests + signing directly,
so these tests do not depend on the app's platform client)."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import requests

from cashier_app.platform import signing
from cashier_app.sandbox import DEFAULT_KEY, DEFAULT_MERCHANT, DEFAULT_TERMINAL


@dataclass
class Reply:
    status: int
    body: dict[str, Any]
    headers: requests.structures.CaseInsensitiveDict[str]
    raw: bytes
    verified: bool

    @property
    def code(self) -> str:
        return str(self.body.get("code"))

    @property
    def data(self) -> Any:
        return self.body.get("data")


class SignedClient:
    def __init__(self, base_url: str, *, key: str = DEFAULT_KEY, merchant_no: str = DEFAULT_MERCHANT,
                 terminal_no: str = DEFAULT_TERMINAL, clock: Callable[[], float] = time.time) -> None:
        self.base_url = base_url
        self.key = key
        self.merchant_no = merchant_no
        self.terminal_no = terminal_no
        self.clock = clock
        self.session = requests.Session()

    def close(self) -> None:
        self.session.close()

    def post(self, path: str, body: Any = None, *, idem: str | None = None, timestamp: str | None = None,
             nonce: str | None = None, sign: str | None = None, key: str | None = None,
             headers: dict[str, str] | None = None, timeout: float = 10.0) -> Reply:
        if isinstance(body, bytes):
            raw = body
        elif isinstance(body, str):
            raw = body.encode()
        elif body is None:
            raw = b""
        else:
            raw = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
        ts = timestamp if timestamp is not None else str(int(self.clock()))
        nonce = nonce if nonce is not None else signing.new_nonce()
        sts = signing.request_string_to_sign("POST", path, ts, nonce, raw)
        all_headers = {
            "Content-Type": "application/json",
            "X-Mch-No": self.merchant_no,
            "X-Terminal-No": self.terminal_no,
            "X-Timestamp": ts,
            "X-Nonce": nonce,
            "X-Sign": sign if sign is not None else signing.sign(key or self.key, sts),
        }
        if idem is not None:
            all_headers["Idempotency-Key"] = idem
        all_headers.update(headers or {})
        response = self.session.post(self.base_url + path, data=raw, headers=all_headers, timeout=timeout)
        return self.reply(response)

    def reply(self, response: requests.Response) -> Reply:
        h = response.headers
        verified = signing.verify(
            self.key,
            signing.response_string_to_sign(h.get("X-Timestamp", ""), h.get("X-Nonce", ""), response.content),
            h.get("X-Sign"),
        )
        return Reply(response.status_code, response.json(), h, response.content, verified)

    def query(self, **body: Any) -> Reply:
        return self.post("/api/v1/orders/query", body)

    def sync(self, idem: str, **body: Any) -> Reply:
        return self.post("/api/v1/orders/sync", body, idem=idem)

    def close_order(self, idem: str, out_trade_no: str) -> Reply:
        return self.post("/api/v1/orders/close", {"out_trade_no": out_trade_no}, idem=idem)

    def list(self, **body: Any) -> Reply:
        return self.post("/api/v1/orders/list", body)


class FakeClock:
    """A clock the test moves by hand (shared by the sandbox and the test's client)."""

    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds
