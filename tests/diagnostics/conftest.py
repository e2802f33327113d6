"""Real parts for the technician's tools: a till folder with print.txt versions recorded by the real
intake, the virtual printer on a free port, the sandbox platform, and a config file pointing at them."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from cashier_app.emulator.server import VirtualPrinter
from cashier_app.sandbox.server import SandboxServer
from tests.helpers.diagnostics import SandboxFactory, Store


@pytest.fixture
def store(tmp_path: Path) -> Store:
    till = tmp_path / "till"
    till.mkdir()
    data = tmp_path / "data"
    return Store(root=tmp_path, till=till, data_dir=data, config_file=tmp_path / "store.toml")


@pytest.fixture
def printer(store: Store) -> Iterator[VirtualPrinter]:
    vp = VirtualPrinter(port=0).start()
    store.printer_port = vp.port
    try:
        yield vp
    finally:
        vp.stop()


@pytest.fixture
def sandbox_factory(store: Store, tmp_path: Path) -> Iterator[SandboxFactory]:
    started: list[SandboxServer] = []

    def make(shift_s: float = 0.0) -> SandboxServer:
        server = SandboxServer(port=0, db_path=tmp_path / f"sandbox-{len(started)}.sqlite3",
                               clock=lambda: time.time() + shift_s).start()
        started.append(server)
        store.base_url = server.base_url
        return server

    yield make
    for server in started:
        server.stop()


