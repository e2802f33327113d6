"""A full run of every operation, failures included, at DEBUG: the key appears in no log at all."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from cashier_app.app.logging_setup import setup_logging
from cashier_app.platform.client import PlatformClient
from cashier_app.platform.credentials import CredentialStore
from cashier_app.platform.results import OrderClosed, OrderFound, OrderPage, StateUnknown, SyncResult
from cashier_app.sandbox import terminal
from tests.helpers.platform_sandbox import Sandbox, fast_settings


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    path = setup_logging(tmp_path / "logs", level=logging.DEBUG)
    assert path is not None
    yield path
    setup_logging(None, level=logging.WARNING)


def test_key_never_logged(sandbox: Sandbox, log_file: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    settings = fast_settings(sandbox.base_url)
    store = CredentialStore(settings)
    store.set_key(terminal.KEY)
    sandbox.create({"out_trade_no": "202611220001", "state": "PAID"},
                   {"out_trade_no": "202611220002", "state": "CREATED", "upstream_state": "PAID"},
                   {"out_trade_no": "202611220003", "state": "CREATED"})
    results: list[object] = []
    with PlatformClient(settings, store.key_provider()) as client:
        results.append(client.query("202611220001"))
        results.append(client.sync("202611220002"))
        results.append(client.list_orders(datetime(2000, 1, 1, tzinfo=UTC)))
        results.append(client.close_order("202611220003"))
        sandbox.faults(status=500, for_requests=10)  # failing paths: retries, then unknown
        results.append(client.query("202611220001"))
        sandbox.faults(bad_signature=True, for_requests=1)
        results.append(client.query("202611220001"))
    with PlatformClient(settings, lambda: terminal.KEY + "x") as wrong:  # a key the platform does not know
        results.append(wrong.query("202611220001"))
    types = [type(r) for r in results]
    assert types == [OrderFound, SyncResult, OrderPage, OrderClosed, StateUnknown, StateUnknown, StateUnknown]
    assert store.delete_key()

    for handler in logging.getLogger().handlers:
        handler.flush()
    file_text = log_file.read_text(encoding="utf-8")
    # The run was logged in detail (requests, retries, outcomes) ...
    assert "/api/v1/orders/sync" in file_text and "SYSTEM_ERROR" in file_text and "API key stored" in file_text
    assert "orders/query" in caplog.text
    # ... and the key is nowhere: not in the file, not in any record, not in any result.
    assert terminal.KEY not in file_text
    assert terminal.KEY not in caplog.text
    for record in caplog.records:
        assert terminal.KEY not in record.getMessage()
    assert all(terminal.KEY not in repr(r) for r in results)
