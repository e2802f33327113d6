from __future__ import annotations

from collections.abc import Iterator

import pytest

from cashier_app.sandbox import SandboxServer
from tests.helpers.signed_client import SignedClient


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    server = SandboxServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def client(sandbox: SandboxServer) -> Iterator[SignedClient]:
    c = SignedClient(sandbox.base_url)
    yield c
    c.close()


