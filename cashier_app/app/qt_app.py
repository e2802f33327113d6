"""The window on top of the services: Qt application, single instance, tray, and the event bridge."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from cashier_app.app.services import AppServices
from cashier_app.app.single_instance import InstanceLock, instance_mode
from cashier_app.app.ui_adapter import AppUiServices, EventForwarder
from cashier_app.ui.app_qt import (
    ActivationServer,
    ask_running_window_to_show,
    attach_tray,
    create_application,
    screenshot,
    tell_already_running,
)
from cashier_app.ui.bridge import ServiceBridge
from cashier_app.ui.cases_page import CasesPage
from cashier_app.ui.help_page import HelpPage
from cashier_app.ui.lookup_page import LookupPage
from cashier_app.ui.main_window import MainWindow
from cashier_app.ui.pages import PageRegistry, PageSpec, default_registry

log = logging.getLogger(__name__)


def app_registry() -> PageRegistry:
    """The window's pages: lookup first (the cashier's everyday question), receipts, cases, help."""
    registry = default_registry()
    registry.register(PageSpec("lookup", LookupPage, order=5, shortcut="F3"))
    registry.register(PageSpec("cases", CasesPage, order=30, shortcut="F4"))
    registry.register(PageSpec("help", HelpPage, order=90, shortcut="F1"))
    return registry


class WindowApp:
    """The services, the window and what joins them, for one run (also used by the UI tests)."""

    def __init__(self, services: AppServices) -> None:
        self.services = services
        self.ui = AppUiServices(services)
        self.bridge = ServiceBridge()
        self.forwarder = EventForwarder(self.ui, self.bridge)
        self.window: MainWindow | None = None

    def start(self) -> MainWindow:
        # Subscribe before starting, so the first receipt of the demo is not missed.
        self.services.hub.subscribe(self.forwarder)
        self.services.start()
        self.window = MainWindow(self.ui, self.bridge, registry=app_registry())
        # What happened before the window existed (printer status, platform reachability).
        for event in self.services.current_state():
            self.forwarder(event)
        return self.window

    def stop(self) -> None:
        """Stop the pages' worker threads (results still to come are dropped), then the services."""
        self.services.hub.unsubscribe(self.forwarder)
        if self.window is not None:
            self.window.shutdown()
        self.services.stop()
        if self.window is not None:
            self.window.wait_stopped()


def run_window(services: AppServices, *, run_seconds: float = 0.0, screenshot: Path | None = None) -> int:
    app = create_application(sys.argv[:1], services.config.general.language)
    services.paths.ensure()
    lock = InstanceLock(services.paths.data_dir,
                        instance_mode("window", demo=services.options.demo, training=services.options.training))
    if not lock.acquire():
        # The running one comes to the front (when it is a window); this one says so and stops.
        tell_already_running(brought_to_front=ask_running_window_to_show(lock.activation_name()))
        return 1
    joined = WindowApp(services)
    try:
        window = joined.start()
    except Exception as exc:
        log.exception("the app could not start")
        QMessageBox.critical(None, app.applicationDisplayName(),
                             app.translate("run", "The app could not start:") + f"\n{exc}")
        lock.release()
        return 2
    attach_tray(app, window)
    activation = ActivationServer(lock.activation_name(), app)
    activation.activate.connect(window.bring_to_front)
    if services.options.demo:
        # A newcomer's first look is the whole path working: receipts arriving and printing. At a
        # real till the lookup page stays first, its input focused for the scanner.
        window.show_page("receipts")
    window.show()
    if run_seconds > 0:
        def finish() -> None:
            if screenshot is not None:
                _save_screenshot(window, screenshot)
            app.quit()

        QTimer.singleShot(int(run_seconds * 1000), finish)
    try:
        return int(app.exec())
    finally:
        activation.close()
        joined.stop()
        lock.release()
        # Delete the widgets and the application while Python is still whole: left to the
        # interpreter's finalisation, PySide6 can abort the process after a clean run.
        window.deleteLater()
        app.processEvents()
        app.shutdown()


def _save_screenshot(window: MainWindow, path: Path) -> None:
    screenshot(window, path)
    log.info("screenshot saved to %s", path)
