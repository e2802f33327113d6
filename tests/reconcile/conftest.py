"""The reconciler against the real sandbox over HTTP on loopback and a real journal in tmp.

Both the sandbox and the client run on one injected clock, so that tests move time forward
instead of sleeping (the sandbox checks request timestamps against its own clock).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from cashier_app.journal.db import Journal
from cashier_app.platform.client import PlatformClient
from cashier_app.reconcile.service import Reconciler
from cashier_app.sandbox import DEFAULT_KEY, HttpSandboxControl, SandboxServer
from tests.helpers.reconcile import (
    FakeClock,
    Heard,
    Platform,
    RequestCounter,
    fast_platform_settings,
    settings,
)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(int(datetime.now(UTC).timestamp()))


@pytest.fixture
def platform(clock: FakeClock) -> Iterator[Platform]:
    server = SandboxServer(host="127.0.0.1", port=0, clock=clock)
    server.start()
    counter = RequestCounter(server)
    try:
        yield Platform(server, HttpSandboxControl(server.base_url), clock, counter)
    finally:
        server.stop()


@pytest.fixture
def client(platform: Platform, clock: FakeClock) -> Iterator[PlatformClient]:
    with PlatformClient(fast_platform_settings(platform.server.base_url), lambda: DEFAULT_KEY, clock=clock) as c:
        yield c


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    j = Journal(tmp_path / "journal.sqlite3")
    yield j
    j.close()


@pytest.fixture
def heard() -> Heard:
    return Heard()


@pytest.fixture
def make_reconciler(journal: Journal, client: PlatformClient, clock: FakeClock,
                    heard: Heard) -> Callable[..., Reconciler]:
    def make(**kwargs: Any) -> Reconciler:
        values: dict[str, Any] = {"clock": clock, "on_case": heard.on_case, "on_platform": heard.on_platform,
                                  "print_missing_receipt": heard.print_missing_receipt}
        values.update(kwargs)
        reconcile_settings = values.pop("settings", None) or settings()
        return Reconciler(journal, values.pop("client", client), reconcile_settings, **values)

    return make


# -- receipts as the watcher records them ---------------------------------------------------------


