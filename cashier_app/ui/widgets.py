"""Small widgets the dialogs and screens share."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QLabel, QLineEdit, QWidget

from cashier_app.ui import theme
from cashier_app.ui.appearance import styled


def error_label(object_name: str) -> QLabel:
    """A hidden, word-wrapped label in the fault colour: where a dialog says what went wrong."""
    label = QLabel()
    label.setObjectName(object_name)
    label.setWordWrap(True)
    styled(label, f"color: {theme.FOREGROUND[theme.FAULT]};")
    label.setVisible(False)
    return label


def ok_cancel(dialog: QDialog) -> QDialogButtonBox:
    """OK and Cancel wired to the dialog's accept() and reject()."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def pin_edit(object_name: str) -> QLineEdit:
    """A PIN field: never shown, digits up to the longest PIN."""
    edit = QLineEdit()
    edit.setObjectName(object_name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(12)
    return edit


def save_csv_dialog(parent: QWidget | None, title: str, name: str, object_name: str,
                    save: Callable[[Path], object]) -> QFileDialog:
    """Ask where to save a CSV (home folder, `name` proposed), then call save(path). Opened, not blocking."""
    dialog = QFileDialog(parent, title)
    dialog.setObjectName(object_name)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setNameFilter(QCoreApplication.translate("Widgets", "CSV files (*.csv)"))
    dialog.setDefaultSuffix("csv")
    dialog.setDirectory(str(Path.home()))
    dialog.selectFile(name)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.fileSelected.connect(lambda path: save(Path(path)))
    dialog.open()
    return dialog
