"""The lookup service against real parts: the sandbox platform over HTTP on loopback, the app's
own services (journal in tmp, print queue, real PlatformClient) and the virtual printer over TCP.

The sandbox, the service's poll clock and the poll waits share one fake clock, so that a test
moves time forward (the platform allows one sync per order in 5 s) instead of sleeping.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from cashier_app.app.config import AppConfig
from cashier_app.app.paths import default_paths
from cashier_app.app.services import AppServices, RunOptions
from cashier_app.emulator.server import VirtualPrinter
from cashier_app.platform.settings import PlatformSettings
from cashier_app.printing.settings import PrinterSettings
from cashier_app.sandbox import SandboxServer, terminal
from tests.helpers.lookup_rig import FakeClock, Operator, Rig, Waits


@pytest.fixture
def rig() -> Iterator[Rig]:
    clock = FakeClock()
    sandbox = SandboxServer(host="127.0.0.1", port=0, clock=clock)
    sandbox.start()
    printer = VirtualPrinter(idle_timeout_s=0.3)
    printer.start()
    config = AppConfig()
    # The reconciler would raise (and print) paid orders of its own accord: these tests look up by hand.
    config.reconcile.enabled = False
    config.platform = PlatformSettings(base_url=sandbox.base_url, timeout_s=0.5, max_attempts=2,
                                       retry_budget_s=3.0, backoff_base_s=0.01, backoff_max_s=0.02)
    config.printing.printers = {config.printing.default_printer: PrinterSettings(
        kind="network", host="127.0.0.1", port=printer.port)}
    services = AppServices(config, default_paths(), RunOptions(demo=False), key_provider=lambda: terminal.KEY)
    try:
        services.start()
        waits, operator = Waits(clock), Operator()
        rig = Rig(sandbox, printer, services, None, clock, waits, operator)  # type: ignore[arg-type]
        rig.service = rig.make_service()
        yield rig
    finally:
        services.stop()
        printer.stop()
        sandbox.stop()
