"""The window comes back where the cashier left it (size, place, maximised), and its first size fits
the screen: a till's 1366x768 screen less its taskbar is about 1366x728."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QSettings, QSize
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

PREFERRED = QSize(1280, 800)
MARGIN = 24  # room for the window frame and title bar inside the available area
KEY = "main_window/geometry"


def default_size(available: QRect, minimum: QSize | None = None) -> QSize:
    """The preferred size, shrunk to the screen's available area (never below the window's minimum)."""
    width = min(PREFERRED.width(), available.width() - MARGIN)
    height = min(PREFERRED.height(), available.height() - MARGIN)
    if minimum is not None:
        width, height = max(width, minimum.width()), max(height, minimum.height())
    return QSize(width, height)


class WindowGeometry:
    """Kept in an INI file beside the configuration (QSettings), not in the registry or the data folder."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._settings = QSettings(str(path), QSettings.Format.IniFormat)

    def restore(self, window: QWidget) -> bool:
        """Put the window back as it was; the first time, size it to the screen and centre it.
        True when a saved geometry was used."""
        saved = self._settings.value(KEY)
        if isinstance(saved, QByteArray | bytes) and window.restoreGeometry(QByteArray(saved)):
            return True
        screen = window.screen()
        if screen is None:
            return False
        available = screen.availableGeometry()
        size = default_size(available, window.minimumSize())
        window.resize(size)
        frame = window.frameGeometry()
        frame.moveCenter(available.center())
        window.move(frame.topLeft())
        return False

    def save(self, window: QWidget) -> None:
        self._settings.setValue(KEY, window.saveGeometry())
        self._settings.sync()
        if self._settings.status() != QSettings.Status.NoError:
            log.warning("window geometry not saved to %s: %s", self.path, self._settings.status())
