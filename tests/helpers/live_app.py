"""The real app for window tests: services on loopback (sandbox, virtual printer, queue, journal) and its window."""

from __future__ import annotations

from dataclasses import dataclass

from cashier_app.app.qt_app import WindowApp
from cashier_app.app.services import AppServices
from cashier_app.emulator.server import VirtualPrinter
from cashier_app.lookup import LookupService
from cashier_app.sandbox.server import SandboxServer
from cashier_app.ui.main_window import MainWindow


@dataclass
class LiveApp:
    """WindowApp over real AppServices in demo mode (no demo till: the tests write what they need)."""

    joined: WindowApp
    services: AppServices

    @property
    def window(self) -> MainWindow:
        window = self.joined.window
        assert window is not None
        return window

    @property
    def sandbox(self) -> SandboxServer:
        assert isinstance(self.services.sandbox, SandboxServer)
        return self.services.sandbox

    @property
    def printer(self) -> VirtualPrinter:
        assert isinstance(self.services.virtual_printer, VirtualPrinter)
        return self.services.virtual_printer


def short_polls(services: AppServices) -> LookupService:
    """The app's LookupService, with the sync's polling delays short (the tests' only tuning)."""
    lookup = services.lookup
    assert lookup is not None
    lookup.poll_delays = (0.05, 0.05)
    return lookup
