"""Choose another configured printer for a held print job. Keyboard first: Enter takes the first other printer."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from cashier_app.ui.accessibility import accessible, name_from_labels

translate = QCoreApplication.translate


class PrinterChoiceDialog(QDialog):
    """Modal dialog; open() it and read printer() on accepted. The first printer offered is chosen already."""

    def __init__(self, order: str, printers: list[str], parent: QWidget | None) -> None:
        if not printers:
            raise ValueError("no other printer to choose")
        super().__init__(parent)
        self.setObjectName("printerChoiceDialog")
        self.setModal(True)
        self.setMinimumWidth(520)
        self._order = order
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(16)
        self.prompt = QLabel()
        self.prompt.setObjectName("dialogPrompt")
        self.prompt.setWordWrap(True)
        layout.addWidget(self.prompt)
        self.printer_box = QComboBox()
        self.printer_box.setObjectName("printerBox")
        self.printer_box.addItems(printers)
        self.printer_box.setCurrentIndex(0)
        layout.addWidget(self.printer_box)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.printer_box.setFocus()

    def printer(self) -> str:
        return self.printer_box.currentText()

    def printers(self) -> list[str]:
        return [self.printer_box.itemText(index) for index in range(self.printer_box.count())]

    def choose(self, printer: str) -> bool:
        index = self.printer_box.findText(printer)
        if index >= 0:
            self.printer_box.setCurrentIndex(index)
        return index >= 0

    def retranslate(self) -> None:
        self.setWindowTitle(translate("PrinterChoiceDialog", "Print on another printer"))
        self.prompt.setText(
            translate("PrinterChoiceDialog", "Print the receipt of order {order} on this printer instead:").format(
                order=self._order
            )
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if ok is not None:
            ok.setText(translate("PrinterChoiceDialog", "Send to this printer"))
        if cancel is not None:
            cancel.setText(translate("PrinterChoiceDialog", "Back"))
        accessible(self.printer_box, translate("PrinterChoiceDialog", "Printer to send the receipt to"))
        name_from_labels(self)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
