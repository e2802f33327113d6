"""What the window says when something went wrong outside any page: the app could not start, an
error nobody caught, or the previous run stopped unexpectedly; always with where the details are."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

translate = QCoreApplication.translate


def could_not_start_text(detail: str, crash_log: Path) -> str:
    return translate("CrashNotice", "The app could not start: {detail}\n\nDetails for the technician: {path}").format(
        detail=detail, path=crash_log)


def configuration_error_text(detail: str, config_file: Path) -> str:
    return translate("CrashNotice", "The configuration file has an error, so the app did not start:\n{detail}\n\n"
                     "Correct {path} (check it with: cashier-app config check).").format(
        detail=detail, path=config_file)


def unexpected_error_text(summary: str, crash_log: Path) -> str:
    return translate("CrashNotice", "An unexpected error occurred ({summary}). The app keeps running; "
                     "details for the technician: {path}").format(summary=summary, path=crash_log)


def previous_run_crashed_text(faults_log: Path) -> str:
    return translate("CrashNotice", "The app stopped unexpectedly last time. Nothing recorded is lost; "
                     "details for the technician: {path}").format(path=faults_log)


def show_critical(text: str, parent: QWidget | None = None) -> None:
    QMessageBox.critical(parent, translate("Application", "Cashier Companion"), text)
