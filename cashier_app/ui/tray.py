"""The tray icon: its colour shows the overall state; a menu to show the window or quit.

Only created when the desktop has a system tray (GNOME without the AppIndicator extension has none);
without it the window stays the place to look, and closing the window quits.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from cashier_app.ui import theme
from cashier_app.ui.icons import state_icon

translate = QCoreApplication.translate

_MESSAGE_ICONS = {
    theme.OK: QSystemTrayIcon.MessageIcon.Information,
    theme.INFO: QSystemTrayIcon.MessageIcon.Information,
    theme.ATTENTION: QSystemTrayIcon.MessageIcon.Warning,
    theme.FAULT: QSystemTrayIcon.MessageIcon.Critical,
}


class TrayIcon(QSystemTrayIcon):
    show_window_requested = Signal()
    quit_requested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._severity = theme.OK
        self._summary = ""
        self.menu = QMenu()
        self.show_action = self.menu.addAction("")
        self.show_action.triggered.connect(self.show_window_requested)
        self.menu.addSeparator()
        self.quit_action = self.menu.addAction("")
        self.quit_action.triggered.connect(self.quit_requested)
        self.setContextMenu(self.menu)
        self.activated.connect(self._activated)
        self.menu.installEventFilter(self)
        self.set_state(theme.OK, "")
        self.retranslate()

    @staticmethod
    def available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def set_state(self, severity: str, summary: str) -> None:
        self._severity = severity
        self._summary = summary
        self.setIcon(state_icon(severity))
        self._update_tooltip()

    def severity(self) -> str:
        return self._severity

    def notify(self, text: str, severity: str = theme.INFO) -> None:
        icon = _MESSAGE_ICONS.get(severity, QSystemTrayIcon.MessageIcon.Information)
        self.showMessage(translate("Tray", "Cashier Companion"), text, icon, 10_000)

    def retranslate(self) -> None:
        self.show_action.setText(translate("Tray", "Show window"))
        self.quit_action.setText(translate("Tray", "Quit"))
        self._update_tooltip()

    def _update_tooltip(self) -> None:
        title = translate("Tray", "Cashier Companion")
        self.setToolTip(f"{title}\n{self._summary}" if self._summary else title)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.show_window_requested.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # QSystemTrayIcon is no widget: it hears of a language change through its menu.
        if watched is self.menu and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False


def create_tray(parent: QObject | None = None) -> TrayIcon | None:
    """A tray icon if the desktop has a system tray, else None."""
    if not TrayIcon.available():
        return None
    tray = TrayIcon(parent)
    tray.show()
    return tray
