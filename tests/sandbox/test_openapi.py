"""The OpenAPI document at /openapi.json, checked against the running sandbox by schemathesis."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.core.result import Ok
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from cashier_app.platform import signing
from cashier_app.sandbox import DEFAULT_KEY, DEFAULT_MERCHANT, DEFAULT_TERMINAL, SandboxServer
from cashier_app.sandbox.openapi import build_openapi

CHECKS = [not_a_server_error, response_schema_conformance, status_code_conformance, content_type_conformance,
          response_headers_conformance]


def _operations(doc: dict[str, Any]) -> dict[str, Any]:
    found = {}
    for result in schemathesis.openapi.from_dict(doc).get_all_operations():
        assert isinstance(result, Ok), result
        found[result.ok().label] = result.ok()
    return found


OPERATIONS = _operations(build_openapi())


class SigningSession(requests.Session):
    """Signs each request as it leaves, over the exact bytes schemathesis serialised."""

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
        body = request.body or b""
        if isinstance(body, str):
            body = body.encode("utf-8")
        timestamp, nonce = str(int(time.time())), signing.new_nonce()
        path = urlsplit(request.url or "").path
        request.headers["X-Mch-No"] = DEFAULT_MERCHANT
        request.headers["X-Terminal-No"] = DEFAULT_TERMINAL
        request.headers["X-Timestamp"] = timestamp
        request.headers["X-Nonce"] = nonce
        request.headers["X-Sign"] = signing.sign(
            self.key, signing.request_string_to_sign(request.method or "POST", path, timestamp, nonce, body))
        return super().send(request, **kwargs)


@pytest.fixture(scope="module")
def live_sandbox() -> Iterator[SandboxServer]:
    with SandboxServer(scenario="busy-morning") as server:
        server.control.create_orders([{"out_trade_no": "202611220001", "state": "USERPAYING",
                                       "upstream_state": "PAID"}])
        yield server


def test_openapi_served_and_complete(live_sandbox: SandboxServer) -> None:
    doc = requests.get(live_sandbox.base_url + "/openapi.json", timeout=5).json()
    assert doc["openapi"].startswith("3.")
    assert set(doc["paths"]) == {f"/api/v1/orders/{name}" for name in ("query", "sync", "list", "close")}
    assert doc["servers"] == [{"url": live_sandbox.base_url}]
    for path, item in doc["paths"].items():
        operation = item["post"]
        assert operation["requestBody"]["required"]
        headers = {p["$ref"].rsplit("/", 1)[1] for p in operation["parameters"]}
        assert {"MchNo", "TerminalNo", "Timestamp", "Nonce", "Sign"} <= headers
        assert ("IdempotencyKey" in headers) == path.endswith(("sync", "close"))
        assert {"200", "400", "401", "403", "500", "502", "503"} <= set(operation["responses"])
    assert set(OPERATIONS) == {f"POST /api/v1/orders/{name}" for name in ("query", "sync", "list", "close")}


@pytest.mark.parametrize("label", sorted(OPERATIONS))
def test_schemathesis_conformance(live_sandbox: SandboxServer, label: str) -> None:
    operation = OPERATIONS[label]
    strategy = operation.as_strategy()
    session = SigningSession(DEFAULT_KEY)
    statuses: list[int] = []

    @settings(max_examples=40, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(data=st.data())
    def run(data: st.DataObject) -> None:
        case = data.draw(strategy)
        response = case.call_and_validate(base_url=live_sandbox.base_url, session=session, checks=CHECKS)
        statuses.append(response.status_code)
        # Every answer is signed, errors included.
        headers = {name.lower(): values[0] for name, values in response.headers.items()}
        assert signing.verify(DEFAULT_KEY, signing.response_string_to_sign(
            headers["x-timestamp"], headers["x-nonce"], response.content), headers["x-sign"])

    try:
        run()
    finally:
        session.close()
    assert statuses
    assert 401 not in statuses and 500 not in statuses


def test_conformance_checks_catch_a_wrong_document(live_sandbox: SandboxServer) -> None:
    """The harness is not vacuous: a document that lies about the Order is caught."""
    doc = build_openapi()
    doc["components"]["schemas"]["Order"]["properties"]["total_amount"] = {"type": "string"}
    operation = _operations(doc)["POST /api/v1/orders/query"]
    case = operation.Case(body={"out_trade_no": "202611220001"}, headers={})
    session = SigningSession(DEFAULT_KEY)
    with pytest.raises(BaseException) as excinfo:  # schemathesis raises a group of its failures
        case.call_and_validate(base_url=live_sandbox.base_url, session=session, checks=CHECKS)
    failures = getattr(excinfo.value, "exceptions", [excinfo.value])
    assert any("Response violates schema" in str(f) and "total_amount" in str(f) for f in failures)
    # The true document passes the same call.
    true_case = OPERATIONS["POST /api/v1/orders/query"].Case(body={"out_trade_no": "202611220001"}, headers={})
    assert true_case.call_and_validate(base_url=live_sandbox.base_url, session=session,
                                       checks=CHECKS).status_code == 200
    session.close()
