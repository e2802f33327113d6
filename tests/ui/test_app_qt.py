"""Application set-up helpers, single instance, screenshots, icons and the tray."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, qInstallMessageHandler, qWarning
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget

from cashier_app import APP_NAME
from cashier_app.ui import app_qt, theme
from cashier_app.ui.i18n import remove_translators
from cashier_app.ui.icons import app_icon, state_icon
from cashier_app.ui.main_window import MainWindow
from cashier_app.ui.rows import PlatformStatusRow, PrinterStatusRow
from cashier_app.ui.tray import TrayIcon, create_tray
from tests.helpers.ui_services import held_job


@pytest.fixture
def restore_app(qapp: QApplication) -> Iterator[QApplication]:
    """create_application configures the process-wide app: put everything back afterwards."""
    font, style, name = qapp.font(), qapp.styleSheet(), qapp.applicationName()
    previous = qInstallMessageHandler(None)
    qInstallMessageHandler(previous)
    yield qapp
    qInstallMessageHandler(previous)
    remove_translators(qapp)
    qapp.setStyleSheet(style)
    qapp.setFont(font)
    qapp.setApplicationName(name)
    qapp.setApplicationDisplayName("")


def test_create_application_configures_the_existing_app(restore_app: QApplication) -> None:
    app = app_qt.create_application(["cashier-app"], "zh_CN")
    assert app is restore_app
    assert app.applicationName() == APP_NAME
    assert "QTableView#receiptsTable" in app.styleSheet()
    assert not app.windowIcon().isNull()
    assert QCoreApplication.translate("Messages", "Platform OK") == "平台正常"
    assert app.applicationDisplayName() == "收银伴侣"


def test_qt_messages_go_to_python_logging(restore_app, caplog: pytest.LogCaptureFixture) -> None:
    app_qt.install_qt_message_handler()
    with caplog.at_level(logging.WARNING, logger="qt"):
        qWarning("printer plugin said something")
    assert any(r.name == "qt" and "printer plugin said something" in r.getMessage() for r in caplog.records)


def test_style_sheet_missing_is_not_fatal(tmp_path) -> None:
    assert app_qt.load_style_sheet(tmp_path / "nope.qss") == ""
    assert "QStatusBar" in app_qt.load_style_sheet()


def test_a_second_start_brings_the_running_window_to_the_front(qtbot, tmp_path) -> None:
    from cashier_app.app.single_instance import activation_name

    name = activation_name(tmp_path / "data")
    window = QWidget()
    qtbot.addWidget(window)
    server = app_qt.ActivationServer(name, window)
    with qtbot.waitSignal(server.activate, timeout=5000):
        assert app_qt.ask_running_window_to_show(name)
    server.close()
    # Nobody listens (the running instance is headless): the second start just says it is running.
    assert not app_qt.ask_running_window_to_show(activation_name(tmp_path / "other"), timeout_ms=200)


def test_already_running_text_is_plain(qapp, language) -> None:
    assert "already running" in app_qt.already_running_text()
    language("zh_CN")
    assert app_qt.already_running_text() == "收银伴侣已经在运行。请在任务栏或托盘中找到它。"


def test_screenshot_writes_a_png(window: MainWindow, tmp_path) -> None:
    window.resize(1024, 700)
    path = app_qt.screenshot(window, tmp_path / "shots" / "main.png")
    image = QImage(str(path))
    assert not image.isNull()
    assert (image.width(), image.height()) == (1024, 700)


def test_icons_are_drawn_and_load() -> None:
    for icon in (app_icon(), state_icon(theme.OK), state_icon(theme.ATTENTION), state_icon(theme.FAULT)):
        assert not icon.isNull()
        assert not icon.pixmap(32, 32).isNull()
    assert state_icon(theme.OK).cacheKey() != state_icon(theme.FAULT).cacheKey()


def test_tray_only_when_the_desktop_has_one(qapp) -> None:
    tray = create_tray()
    if TrayIcon.available():
        assert tray is not None
        tray.hide()
        tray.deleteLater()
    else:
        assert tray is None


def test_attach_tray_falls_back_to_the_window(restore_app, window: MainWindow) -> None:
    if TrayIcon.available():
        pytest.skip("this desktop has a system tray")
    assert app_qt.attach_tray(restore_app, window) is None
    assert restore_app.quitOnLastWindowClosed()
    assert window.tray is None


def test_with_a_tray_closing_hides_and_the_icon_shows_the_state(window: MainWindow, bridge, qtbot) -> None:
    tray = TrayIcon(window)
    window.set_tray(tray)
    tray.show()
    window.show()
    bridge.printer_status_changed.emit(PrinterStatusRow("前台", "ok"))
    bridge.platform_status_changed.emit(PlatformStatusRow(True))
    assert tray.severity() == theme.OK
    assert "Printer ready" in tray.toolTip()
    bridge.print_job_changed.emit(held_job(5, 1))
    assert tray.severity() == theme.ATTENTION
    bridge.printer_status_changed.emit(PrinterStatusRow("前台", "paper_end"))
    assert tray.severity() == theme.FAULT
    assert not window.close()  # hidden to the tray, still running
    assert not window.isVisible()
    tray.show_window_requested.emit()
    assert window.isVisible()
    with qtbot.waitSignal(window.quit_requested):
        tray.quit_requested.emit()
    assert not window.isVisible()
    tray.hide()
