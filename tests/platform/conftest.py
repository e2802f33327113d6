"""A real sandbox platform over HTTP on loopback, staged through its /sandbox/ control endpoints."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cashier_app.platform.client import PlatformClient
from cashier_app.platform.settings import PlatformSettings
from cashier_app.sandbox import terminal
from tests.helpers.platform_sandbox import Sandbox, fast_settings


@pytest.fixture(scope="session")
def sandbox_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    from cashier_app.sandbox.server import SandboxServer

    db = Path(tmp_path_factory.mktemp("sandbox")) / "sandbox.sqlite3"
    server = SandboxServer(host="127.0.0.1", port=0, db_path=db, keys={("M100001", "T0001"): terminal.KEY})
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


@pytest.fixture
def settings(sandbox: Sandbox) -> PlatformSettings:
    return fast_settings(sandbox.base_url)


@pytest.fixture
def client(settings: PlatformSettings) -> Iterator[PlatformClient]:
    with PlatformClient(settings, lambda: terminal.KEY) as c:
        yield c
