"""The window's first size fits a till's screen, and later it comes back as the cashier left it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from cashier_app.ui.window_geometry import WindowGeometry, default_size


def test_the_first_size_fits_a_1366x768_screen_less_its_taskbar() -> None:
    available = QRect(0, 0, 1366, 728)  # 768 less a 40 px taskbar
    size = default_size(available, QSize(960, 600))
    assert size.width() <= 1366 - 16 and size.height() <= 728 - 16
    assert size.width() >= 960 and size.height() >= 600
    assert default_size(QRect(0, 0, 1920, 1040)) == QSize(1280, 800)  # a big screen gets the preferred size


def _window(qtbot: QtBot) -> QWidget:
    window = QWidget()
    window.setMinimumSize(300, 200)
    qtbot.addWidget(window)
    return window


def test_the_window_comes_back_as_it_was_left(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "config" / "window.ini"
    first = _window(qtbot)
    assert WindowGeometry(path).restore(first) is False  # nothing saved: fitted to the screen
    first.resize(640, 430)
    first.move(20, 30)
    first.show()
    qtbot.waitExposed(first)
    WindowGeometry(path).save(first)
    assert path.is_file()

    second = _window(qtbot)
    assert WindowGeometry(path).restore(second) is True
    assert second.size() == QSize(640, 430)


def test_a_damaged_settings_file_means_the_default(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "window.ini"
    path.write_text("[main_window]\ngeometry=@ByteArray(garbage)\n", encoding="utf-8")
    window = _window(qtbot)
    assert WindowGeometry(path).restore(window) is False
    assert window.width() >= 300
