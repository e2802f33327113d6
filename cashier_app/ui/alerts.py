"""Alerts: the app's overall state (the tray icon's colour) and desktop notifications.

    all well   (green): printer ready, platform reachable, nothing waiting
    attention  (amber): open exception cases, held print jobs, paper low, a lasting condition
    fault      (red):   the printer cannot print, the platform cannot be reached, the till folder is gone

A desktop notification (the tray's balloon; without a tray, a taskbar flash) is shown when something new
needs the cashier and the window is not in front: a new case, a printer fault, the platform going down.
Each fault is told once when it starts, not on every status report that repeats it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget

from cashier_app.ui import messages, theme
from cashier_app.ui.rows import PlatformStatusRow, PrinterStatusRow
from cashier_app.ui.tray import TrayIcon

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


def overall_severity(
    printer: str, platform: str, *, held_jobs: int = 0, open_cases: int = 0, conditions: Iterable[str] = ()
) -> str:
    """The state the tray shows: OK, ATTENTION or FAULT (INFO counts as all well)."""
    waiting = theme.ATTENTION if held_jobs or open_cases else theme.OK
    severity = theme.worst(printer, platform, waiting, *conditions)
    return theme.OK if severity == theme.INFO else severity


def state_summary(printer_text: str, platform_text: str, open_cases: int | None) -> str:
    """The tray's tooltip: printer · platform · open cases."""
    parts = [printer_text, platform_text]
    if open_cases:
        parts.append(translate("Alerts", "Open cases: {count}").format(count=open_cases))
    return " · ".join(part for part in parts if part)


class AlertCenter(QObject):
    """Decides which events deserve a desktop notification, and shows them."""

    # Every desktop notification shown: text (translated), severity. Also logged.
    notified = Signal(str, str)

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.tray: TrayIcon | None = None
        self._printer_faults: dict[str, str] = {}  # printer -> fault code being told about
        self._platform_down = False

    def set_tray(self, tray: TrayIcon | None) -> None:
        self.tray = tray

    # --- events -------------------------------------------------------------------------------
    def case_opened(self, params: Mapping[str, Any]) -> str:
        """A new exception case: returns its text (for the status bar) and notifies when not looked at."""
        text = messages.case_opened_text(params)
        self.notify(text, theme.ATTENTION)
        return text

    def printer_status(self, row: PrinterStatusRow) -> None:
        severity = messages.printer_state(row.state).severity
        if severity != theme.FAULT:
            self._printer_faults.pop(row.printer, None)
            return
        if self._printer_faults.get(row.printer) == row.state:
            return  # the same fault reported again: told already
        self._printer_faults[row.printer] = row.state
        text = f"{row.printer}: {messages.printer_text(row)}"
        hint = messages.printer_hint(row.state)
        self.notify(f"{text}. {hint}" if hint else text, theme.FAULT)

    def platform_status(self, row: PlatformStatusRow) -> None:
        down = row.reachable is False
        if down and not self._platform_down:
            text = messages.platform_text(row)
            hint = messages.platform_hint(row.reason)
            self.notify(f"{text}. {hint}" if hint else text, messages.platform_message(row).severity)
        self._platform_down = down

    # --- showing ------------------------------------------------------------------------------
    def cashier_is_looking(self) -> bool:
        window = self._window
        return window.isVisible() and not window.isMinimized() and window.isActiveWindow()

    def notify(self, text: str, severity: str = theme.ATTENTION, *, always: bool = False) -> bool:
        """Show a desktop notification unless the cashier is looking at the window; True when shown."""
        if not always and self.cashier_is_looking():
            return False
        log.info("notification (%s): %s", severity, text)
        if self.tray is not None and self.tray.isVisible():
            self.tray.notify(text, severity)
        elif self._window.isVisible():
            QApplication.alert(self._window)  # taskbar flash: the fallback when there is no tray
        self.notified.emit(text, severity)
        return True
