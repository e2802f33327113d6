"""Ask the operator why (reprint, cancel a job): pick a common reason or type one. Keyboard first."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QComboBox, QCompleter, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from cashier_app.ui.accessibility import accessible, name_from_labels

translate = QCoreApplication.translate


class ReasonDialog(QDialog):
    """Modal dialog; open() it and read reason() on accepted. OK stays disabled until a reason is given."""

    def __init__(self, title: str, prompt: str, presets: list[str], accept_text: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("reasonDialog")
        self.setWindowTitle(title)
        self.setModal(True)
        self.setMinimumWidth(600)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(16)
        self.prompt = QLabel(prompt)
        self.prompt.setWordWrap(True)
        self.prompt.setObjectName("dialogPrompt")
        layout.addWidget(self.prompt)
        self.reason_box = QComboBox()
        self.reason_box.setObjectName("reasonBox")
        self.reason_box.setEditable(True)
        self.reason_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.reason_box.addItems(presets)
        self.reason_box.setCurrentIndex(-1)
        completer = self.reason_box.completer()
        if completer is not None:  # suggest presets, never complete what the operator types into one silently
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        line_edit = self.reason_box.lineEdit()
        if line_edit is not None:
            line_edit.setPlaceholderText(translate("ReasonDialog", "Choose or type a reason"))
            line_edit.textChanged.connect(self._update_ok)
        self.reason_box.currentTextChanged.connect(self._update_ok)
        layout.addWidget(self.reason_box)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self._accept_text = accept_text
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._retranslate_buttons()
        accessible(self.reason_box, prompt or title, translate("ReasonDialog", "Choose or type a reason"))
        name_from_labels(self)
        self._update_ok()
        self.reason_box.setFocus()

    def reason(self) -> str:
        return self.reason_box.currentText().strip()

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(bool(self.reason()))

    def _retranslate_buttons(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if ok is not None:
            ok.setText(self._accept_text)
        if cancel is not None:
            cancel.setText(translate("ReasonDialog", "Back"))

    def accept(self) -> None:
        if self.reason():  # Enter in the field must not accept an empty reason
            super().accept()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate_buttons()
        super().changeEvent(event)


def reprint_presets() -> list[str]:
    return [
        translate("ReasonDialog", "Customer asked for a copy"),
        translate("ReasonDialog", "Receipt unreadable"),
        translate("ReasonDialog", "Paper jam"),
        translate("ReasonDialog", "Printer fault fixed"),
    ]


def cancel_presets() -> list[str]:
    return [
        translate("ReasonDialog", "Receipt no longer needed"),
        translate("ReasonDialog", "Order was cancelled"),
        translate("ReasonDialog", "Already printed another way"),
    ]
