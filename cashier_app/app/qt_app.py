"""The window on top of the services: Qt application, single instance, tray, and the event bridge."""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import socket
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMetaObject, QObject, QSocketNotifier, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog

from cashier_app.app.config import AppConfig, ConfigError, load_config
from cashier_app.app.crash_log import CrashLog
from cashier_app.app.running_marker import RunningMarker
from cashier_app.app.services import AppServices
from cashier_app.app.setup_adapter import SetupAdapter
from cashier_app.app.single_instance import InstanceLock, instance_mode
from cashier_app.app.ui_adapter import AppUiServices, EventForwarder
from cashier_app.ui import crash_notice, theme
from cashier_app.ui.app_qt import (
    ActivationServer,
    ask_running_window_to_show,
    attach_tray,
    create_application,
    screenshot,
    tell_already_running,
    tell_restart_failed,
)
from cashier_app.ui.appearance import Appearance
from cashier_app.ui.appearance import apply as apply_appearance
from cashier_app.ui.bridge import ServiceBridge
from cashier_app.ui.i18n import install_translator
from cashier_app.ui.main_window import MainWindow
from cashier_app.ui.setup_wizard import SetupWizard
from cashier_app.ui.window_geometry import WindowGeometry
from cashier_app.ui.window_pages import window_pages

log = logging.getLogger(__name__)


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
        self.window = MainWindow(self.ui, self.bridge, registry=window_pages())
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


class _CrashBridge(QObject):
    """Carries an uncaught error's summary from whichever thread it happened in to the window."""

    happened = Signal(str)


def show_configuration_error(detail: str, config_file: Path, language: str) -> None:
    """A configuration error at start, in a box (the window app may have no terminal)."""
    app = create_application(sys.argv[:1], language)
    crash_notice.show_critical(crash_notice.configuration_error_text(detail, config_file))
    app.processEvents()


ServicesFor = Callable[[AppConfig], AppServices]


def appearance_of(config: AppConfig) -> Appearance:
    return Appearance(config.display.font_size, config.display.theme)


def needs_setup(services: AppServices) -> bool:
    """The first start at a store: no configuration file yet, and not a demo or training run."""
    return not services.simulated and not services.paths.config_file.exists()


def first_run(services: AppServices) -> AppConfig | None:
    """Show the setup wizard before anything starts; the configuration it wrote, or None when cancelled."""
    wizard = SetupWizard(SetupAdapter(services.paths.config_file))
    log.info("no configuration at %s: showing the setup wizard", services.paths.config_file)
    if wizard.exec() != QDialog.DialogCode.Accepted or wizard.result_written is None:
        log.info("setup wizard cancelled: nothing written, the app stops")
        return None
    return load_config(Path(wizard.result_written.path))


class WindowSession:
    """The running window app; restarted in place on a configuration the setup wizard wrote."""

    def __init__(self, app: QApplication, services: AppServices, services_for: ServicesFor) -> None:
        self.app = app
        self.services_for = services_for
        self.joined = WindowApp(services)
        self.window: MainWindow | None = None

    def start(self) -> MainWindow:
        window = self.joined.start()
        self.window = window
        attach_tray(self.app, window)
        window.restart_requested.connect(self.restart)
        return window

    def stop(self) -> None:
        self.joined.stop()
        self._dispose(self.window)

    @staticmethod
    def _dispose(window: MainWindow | None) -> None:
        if window is None:
            return
        if window.tray is not None:
            window.tray.hide()
        window.hide()
        window.deleteLater()

    def restart(self) -> None:
        """Stop everything, read the configuration file again, start on it (the setup wizard wrote it)."""
        old_joined, old_window = self.joined, self.window
        try:
            config = load_config(old_joined.services.paths.config_file)
        except ConfigError as exc:  # the wizard validated it; someone changed it since
            log.error("restart refused: %s", exc)
            if old_window is not None:
                old_window.show_message(str(exc), theme.FAULT)
            return
        log.info("restarting on the configuration in %s", old_joined.services.paths.config_file)
        # The old services let go of the journal, the folders and the printer before the new ones take them;
        # the old window stays up until the new one shows, so the app never has no window.
        old_joined.stop()
        install_translator(self.app, config.general.language)
        apply_appearance(self.app, appearance_of(config))
        try:
            self.joined = WindowApp(self.services_for(config))
            window = self.start()
        except Exception as exc:
            log.exception("the app could not start on the new configuration")
            tell_restart_failed(old_window, exc)
            self.app.quit()
            return
        if old_window is not None:
            window.restoreGeometry(old_window.saveGeometry())
        window.show()
        self._dispose(old_window)
        window.tell_restarted()


def run_window(services: AppServices, *, run_seconds: float = 0.0, screenshot: Path | None = None,
               services_for: ServicesFor | None = None, crash: CrashLog | None = None) -> int:
    app = create_application(sys.argv[:1], services.config.general.language, appearance_of(services.config))
    services.paths.ensure()
    crash = crash or CrashLog(services.paths.log_dir)
    crash_bridge = _CrashBridge()
    crash.install(on_crash=crash_bridge.happened.emit)
    lock = InstanceLock(services.paths.data_dir,
                        instance_mode("window", demo=services.options.demo, training=services.options.training))
    if not lock.acquire():
        # The running one comes to the front (when it is a window); this one says so and stops.
        tell_already_running(brought_to_front=ask_running_window_to_show(lock.activation_name()))
        return 1
    rebuild = services_for or (lambda config: AppServices(config, services.paths, services.options))
    if needs_setup(services):
        config = first_run(services)
        if config is None:
            lock.release()
            return 0
        install_translator(app, config.general.language)
        apply_appearance(app, appearance_of(config))
        services = rebuild(config)
    session = WindowSession(app, services, rebuild)
    try:
        window = session.start()
    except Exception as exc:
        log.exception("the app could not start")
        summary = crash.record(type(exc), exc, exc.__traceback__, where="start")
        crash_notice.show_critical(crash_notice.could_not_start_text(summary, crash.path))
        lock.release()
        return 2
    activation = ActivationServer(lock.activation_name(), app)
    activation.activate.connect(lambda: session.window.bring_to_front() if session.window is not None else None)

    def tell_unexpected_error(summary: str) -> None:  # on the window of the moment (a restart replaces it)
        if session.window is not None:
            session.window.show_message(crash_notice.unexpected_error_text(summary, crash.path), theme.FAULT)

    crash_bridge.happened.connect(tell_unexpected_error)
    if crash.previous_run_crashed:
        window.show_message(crash_notice.previous_run_crashed_text(crash.faults_path), theme.ATTENTION)
    # An installer, an upgrade or `cashier-app quit` asks through the marker; systemd and logout by SIGTERM.
    def quit_from_any_thread() -> None:
        QMetaObject.invokeMethod(app, "quit", Qt.ConnectionType.QueuedConnection)

    marker = RunningMarker(on_quit_request=quit_from_any_thread).hold()
    terminate_notifier = _quit_on_terminate(app)
    geometry = WindowGeometry(services.paths.config_file.parent / "window.ini")
    geometry.restore(window)
    if services.options.demo:
        # A newcomer's first look is the whole path working: receipts arriving and printing. At a
        # real till the lookup page stays first, its input focused for the scanner.
        window.show_page("receipts")
    window.show()
    # Once the first frame is up and the event loop free: the window is usable (the history benchmark
    # measures the time to this line from the process start).
    QTimer.singleShot(0, lambda: log.info("window ready: %.2f s after the process started", _process_age()))
    if run_seconds > 0:
        def finish() -> None:
            if screenshot is not None and session.window is not None:
                _save_screenshot(session.window, screenshot)
            app.quit()

        QTimer.singleShot(int(run_seconds * 1000), finish)
    try:
        return int(app.exec())
    finally:
        if session.window is not None:
            geometry.save(session.window)
        activation.close()
        session.stop()
        marker.release()
        if terminate_notifier is not None:
            signal.set_wakeup_fd(-1)
        lock.release()
        # Delete the widgets and the application while Python is still whole: left to the
        # interpreter's finalisation, PySide6 can abort the process after a clean run.
        app.processEvents()
        app.shutdown()


def _quit_on_terminate(app: QApplication) -> QSocketNotifier | None:
    """SIGTERM (systemd, logout, `cashier-app quit`) and SIGINT close the window app cleanly: Python
    handles a signal only when it runs, so the signal wakes Qt's loop through a socket."""
    if sys.platform == "win32":
        return None
    receiver, sender = socket.socketpair()
    receiver.setblocking(False)
    sender.setblocking(False)
    signal.set_wakeup_fd(sender.fileno())
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: None)
    notifier = QSocketNotifier(receiver.fileno(), QSocketNotifier.Type.Read, app)

    def on_signal() -> None:
        with contextlib.suppress(OSError):
            receiver.recv(64)
        log.info("asked to close by a signal")
        app.quit()

    notifier.activated.connect(on_signal)
    notifier.sockets = (receiver, sender)  # type: ignore[attr-defined]  # kept alive with the notifier
    return notifier
def _process_age() -> float:
    """Seconds since this process started (Linux: from /proc; elsewhere since this module was loaded)."""
    try:
        ticks = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19])
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return uptime - ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, AttributeError):
        return time.monotonic() - _LOADED


_LOADED = time.monotonic()


def _save_screenshot(window: MainWindow, path: Path) -> None:
    screenshot(window, path)
    log.info("screenshot saved to %s", path)
