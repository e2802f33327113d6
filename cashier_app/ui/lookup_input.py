"""The lookup page's input: the hint, the big field a scanner types into, its Look up button, and the busy
line under them while a platform call runs. How it looks is the theme's (resources/styles: #lookupInput).

A scanner "types" the number and ends with Enter: Enter with text looks it up, Enter on the empty field
runs the highlighted next step, Y / N answer the voucher question, Esc clears the field.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QProgressBar, QPushButton, QVBoxLayout, QWidget

from cashier_app.domain.order_numbers import NumberKind
from cashier_app.ui.accessibility import accessible

translate = QCoreApplication.translate

# A QR payload with its URL fits.
MAX_INPUT = 512


class LookupInput(QLineEdit):
    """The big field. Enter with text: look it up; Enter on the empty field: the default next step."""

    submitted = Signal(str)
    enter_on_empty = Signal()
    cleared = Signal()
    voucher_answered = Signal(bool)  # Y / N while the voucher question shows and nothing is typed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.voucher_question_open = False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            text = self.text().strip()
            if text:
                self.submitted.emit(text)
            else:
                self.enter_on_empty.emit()
            event.accept()
            return
        if key == Qt.Key.Key_Escape:
            self.clear()
            self.cleared.emit()
            event.accept()
            return
        if self.voucher_question_open and not self.text() and key in (Qt.Key.Key_Y, Qt.Key.Key_N):
            self.voucher_answered.emit(key == Qt.Key.Key_Y)
            event.accept()
            return
        super().keyPressEvent(event)


def busy_text(kind: str, poll: int) -> str:
    """What the busy line says while a step of `kind` runs (`poll`: the sync's confirmations so far)."""
    if kind == "sync":
        if poll:
            return translate("LookupPage", "Confirming, attempt {n}…").format(n=poll + 1)
        return translate("LookupPage", "Syncing with the payment channel…")
    texts = {
        "close": translate("LookupPage", "Closing the order…"),
        "print": translate("LookupPage", "Sending to the printer…"),
        "escalate": translate("LookupPage", "Reporting…"),
    }
    return texts.get(kind, translate("LookupPage", "Looking up…"))


class LookupEntry(QWidget):
    """The hint, the field with its button, and the busy line. `submitted` carries the text to look up."""

    submitted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hint = QLabel()
        self.hint.setObjectName("lookupHint")
        self.hint.setWordWrap(True)

        self.input = LookupInput()
        self.input.setObjectName("lookupInput")
        self.input.setMaxLength(MAX_INPUT)
        self.input.setClearButtonEnabled(True)
        self.input.setMinimumHeight(64)
        self.input.submitted.connect(self.submitted)
        self.setFocusProxy(self.input)
        self.lookup_button = QPushButton()
        self.lookup_button.setObjectName("lookupButton")
        self.lookup_button.setMinimumHeight(64)
        self.lookup_button.clicked.connect(lambda: self.submitted.emit(self.input.text().strip()))
        input_row = QHBoxLayout()
        input_row.addWidget(self.input, 1)
        input_row.addWidget(self.lookup_button)

        self.busy_bar = QProgressBar()
        self.busy_bar.setObjectName("busyBar")
        self.busy_bar.setRange(0, 0)  # "working", no percentage: a platform call has none
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumHeight(8)
        self.busy_label = QLabel()
        self.busy_label.setObjectName("busyLabel")
        busy_row = QHBoxLayout()
        busy_row.addWidget(self.busy_label)
        busy_row.addWidget(self.busy_bar, 1)
        busy_row.setContentsMargins(0, 0, 0, 0)
        self.busy_box = QWidget()
        self.busy_box.setLayout(busy_row)
        self.busy_box.setVisible(False)

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        column.addWidget(self.hint)
        column.addLayout(input_row)
        column.addWidget(self.busy_box)

    def set_busy(self, busy: bool, text: str) -> None:
        self.input.setEnabled(not busy)
        self.lookup_button.setEnabled(not busy)
        self.busy_box.setVisible(busy)
        self.busy_label.setText(text)

    def show_hint(self, forced_kind: NumberKind | None, *, step_highlighted: bool) -> None:
        """What to type: the merchant number after "query by merchant number", else any number; Enter
        on the empty field is offered only while the answer highlights a step (it does nothing else)."""
        if forced_kind is NumberKind.MERCHANT:
            self.hint.setText(translate(
                "LookupPage",
                "Type the merchant order number (商户订单号) from the voucher's details on the customer's phone, "
                "then press Enter.",
            ))
            self.input.setPlaceholderText(translate("LookupPage", "Merchant order number"))
            return
        self.hint.setText(translate(
            "LookupPage",
            "Scan or type the merchant order number or the third-party number and press Enter. Esc clears.",
        ))
        if step_highlighted:
            self.input.setPlaceholderText(translate(
                "LookupPage", "Next order number — or Enter for the highlighted step"))
        else:
            self.input.setPlaceholderText(translate("LookupPage", "Scan or type an order number"))

    def retranslate(self) -> None:
        self.lookup_button.setText(translate("LookupPage", "Look up (Enter)"))
        accessible(self.input, translate("LookupPage", "Order number"),
                   translate("LookupPage", "Type or scan the merchant order number or the third-party number, then "
                                           "press Enter"))
        accessible(self.lookup_button, translate("LookupPage", "Look up"),
                   translate("LookupPage", "Look the number up on the merchant platform"))
