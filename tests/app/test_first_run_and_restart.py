"""The first start at a store opens the setup wizard before anything starts; Settings → Setup wizard…
writes a new configuration and the app restarts on it, in the same window session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from cashier_app.app.config import AppConfig, load_config
from cashier_app.app.config_writer import write_config
from cashier_app.app.paths import default_paths
from cashier_app.app.qt_app import WindowSession, first_run, needs_setup
from cashier_app.app.services import AppServices, RunOptions
from cashier_app.ui.setup_wizard import SetupWizard


def live_config(till: Path) -> AppConfig:
    config = AppConfig()
    config.general.language = "en"
    config.general.store_name = "第一家店"
    config.watch.folders = [str(till)]
    config.reconcile.enabled = False
    config.printing.printers["receipt"].port = 9  # nothing listens: receipts are held, never lost
    return config


@pytest.fixture
def till(tmp_path: Path) -> Path:
    folder = tmp_path / "till"
    folder.mkdir()
    return folder


def test_the_first_start_is_the_setup_wizard(qtbot: QtBot, till: Path) -> None:
    services = AppServices(AppConfig(), default_paths(), RunOptions())
    assert needs_setup(services)
    assert not needs_setup(AppServices(AppConfig(), default_paths(), RunOptions(demo=True)))

    def technician() -> None:
        wizard = QApplication.activeModalWidget()
        assert isinstance(wizard, SetupWizard)
        wizard.draft.store_name = "新开的店"
        wizard.draft.folders = [str(till)]
        wizard.accept()

    QTimer.singleShot(0, technician)
    config = first_run(services)
    assert config is not None and config.general.store_name == "新开的店" and config.watch.folders == [str(till)]
    assert load_config(default_paths().config_file).general.store_name == "新开的店"
    assert not needs_setup(AppServices(config, default_paths(), RunOptions()))


def test_a_cancelled_first_start_writes_nothing(qtbot: QtBot) -> None:
    services = AppServices(AppConfig(), default_paths(), RunOptions())
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().reject())  # type: ignore[union-attr]
    assert first_run(services) is None
    assert not default_paths().config_file.exists()


@pytest.fixture
def session(qtbot: QtBot, till: Path) -> Iterator[WindowSession]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    paths = default_paths()
    write_config(paths.config_file, live_config(till))
    made = WindowSession(app, AppServices(load_config(paths.config_file), paths, RunOptions()),
                         lambda config: AppServices(config, paths, RunOptions()))
    yield made
    made.stop()


def test_the_wizard_from_settings_restarts_the_app_on_what_it_wrote(qtbot: QtBot, session: WindowSession) -> None:
    window = session.start()
    qtbot.addWidget(window)
    old_services = session.joined.services
    wizard = window.open_setup()
    assert wizard is not None and window.setup_wizard() is wizard
    assert window.open_setup() is wizard  # never a second one
    assert wizard.draft.store_name == "第一家店"  # from the file, not from defaults
    wizard.draft.store_name = "改名后的店"
    with qtbot.waitSignal(window.restart_requested, timeout=5_000):
        wizard.accept()
    qtbot.waitUntil(lambda: session.window is not window, timeout=10_000)
    new_window = session.window
    assert new_window is not None
    qtbot.addWidget(new_window)
    assert new_window.services.store_info().store_name == "改名后的店"
    assert session.joined.services is not old_services and old_services.journal is not None
    assert old_services._started == []  # every old service stopped before the new ones started
    assert "Started on the new configuration." in new_window.status.currentMessage()


def test_in_demo_the_wizard_saves_but_does_not_restart(qtbot: QtBot, tmp_path: Path) -> None:
    from cashier_app.app.qt_app import WindowApp

    joined = WindowApp(AppServices(AppConfig(), default_paths(), RunOptions(demo=True, demo_interval_s=0)))
    window = joined.start()
    qtbot.addWidget(window)
    try:
        wizard = window.open_setup()
        assert wizard is not None
        with qtbot.assertNotEmitted(window.restart_requested):
            wizard.accept()
        assert "used when the app starts without demo or training" in window.status.currentMessage()
        assert default_paths().config_file.exists()
        # The demo's sandbox, virtual printer and inbox never leak into the store's file.
        written = load_config(default_paths().config_file)
        assert written.watch.folders == [] and written.printing.printers["receipt"].port == 9100
        assert written.platform.base_url == AppConfig().platform.base_url
    finally:
        joined.stop()
