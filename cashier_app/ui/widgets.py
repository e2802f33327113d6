"""Small widgets the dialogs and screens share."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit

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
