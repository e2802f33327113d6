"""The sign-in screen: person number and PIN, keyboard first (number, Enter, PIN, Enter).

It covers the pages while nobody is signed in; the status bar stays visible below it, and receipts keep
printing behind it. On a new store with sign-in switched on and no manager yet, it asks for the first
manager instead.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from cashier_app.domain.errors import CodedError, code_of
from cashier_app.ui import messages, theme
from cashier_app.ui.accessibility import name_from_labels
from cashier_app.ui.appearance import styled
from cashier_app.ui.rows import PersonRow
from cashier_app.ui.services import AccessServices
from cashier_app.ui.widgets import error_label, pin_edit

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


class PinsDiffer(CodedError):
    def __init__(self, detail: str = "") -> None:
        super().__init__("pins_differ", detail)


class SignInScreen(QWidget):
    signed_in = Signal(object)  # PersonRow

    def __init__(self, access: AccessServices, parent: QWidget | None = None, *, training: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("signInScreen")
        self._access = access
        self._training = training
        self._first_manager = False
        self._pin_needed = True
        self._notice = ""

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        self.card = QFrame()
        self.card.setObjectName("signInCard")
        self.card.setMinimumWidth(500)
        self.card.setMaximumWidth(640)
        self.card.setFrameShape(QFrame.Shape.StyledPanel)
        card = QVBoxLayout(self.card)
        card.setContentsMargins(32, 28, 32, 28)
        card.setSpacing(14)
        self.heading = QLabel()
        self.heading.setObjectName("pageHeading")
        self.heading.setWordWrap(True)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.explain.setObjectName("signInExplain")
        card.addWidget(self.heading)
        card.addWidget(self.explain)

        form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(16)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.number_label = QLabel()
        self.number_edit = QLineEdit()
        self.number_edit.setObjectName("personNumber")
        self.number_edit.setMaxLength(16)
        self.name_label = QLabel()
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("personName")
        self.name_edit.setMaxLength(40)
        self.pin_label = QLabel()
        self.pin_edit = pin_edit("personPin")
        self.pin_again_label = QLabel()
        self.pin_again_edit = pin_edit("personPinAgain")
        for label, edit in ((self.number_label, self.number_edit), (self.name_label, self.name_edit),
                            (self.pin_label, self.pin_edit), (self.pin_again_label, self.pin_again_edit)):
            label.setBuddy(edit)
            form.addRow(label, edit)
        self._form = form
        card.addLayout(form)

        self.error = error_label("signInError")
        card.addWidget(self.error)
        self.button = QPushButton()
        self.button.setObjectName("signInButton")
        self.button.setDefault(True)
        self.button.clicked.connect(self.submit)
        card.addWidget(self.button)
        self.hint = QLabel()
        self.hint.setObjectName("signInHint")
        self.hint.setWordWrap(True)
        styled(self.hint, f"color: {theme.NEUTRAL_FOREGROUND};")
        card.addWidget(self.hint)

        row = QVBoxLayout()
        row.addWidget(self.card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addLayout(row)
        outer.addStretch(2)

        self.number_edit.returnPressed.connect(self._next_field)
        self.name_edit.returnPressed.connect(self._next_field)
        self.pin_edit.returnPressed.connect(self._next_field)
        self.pin_again_edit.returnPressed.connect(self.submit)
        self.reset()

    # --- state ---------------------------------------------------------------------------------
    def reset(self, notice: str = "") -> None:
        """Empty fields, the right mode (first manager or sign-in), focus on the number. `notice` says why it
        shows (signed out when idle, shift change)."""
        try:
            self._first_manager = bool(self._access.needs_first_manager())
            self._pin_needed = bool(self._access.pin_needed())
        except Exception as error:
            log.warning("asking how people sign in failed: %s", error)
            self._first_manager, self._pin_needed = False, True
        self._notice = notice
        for edit in (self.number_edit, self.name_edit, self.pin_edit, self.pin_again_edit):
            edit.clear()
        for widget in (self.name_label, self.name_edit, self.pin_again_label, self.pin_again_edit):
            widget.setVisible(self._first_manager)
        for widget in (self.pin_label, self.pin_edit):
            widget.setVisible(self._pin_needed or self._first_manager)
        self.error.setVisible(False)
        self.retranslate()
        self.number_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def is_first_manager(self) -> bool:
        return self._first_manager

    def _next_field(self) -> None:
        order = [self.number_edit, self.name_edit, self.pin_edit, self.pin_again_edit]
        if not self._first_manager:
            order = [self.number_edit, self.pin_edit] if self._pin_needed else [self.number_edit]
        sender = self.sender()
        if sender in order and sender is not order[-1]:
            order[order.index(sender) + 1].setFocus()
            return
        self.submit()

    # --- actions -------------------------------------------------------------------------------
    def enter(self, number: str, pin: str) -> bool:
        """Type a number and PIN and press Enter (for tests and the scanner alike); True when signed in."""
        self.number_edit.setText(number)
        self.pin_edit.setText(pin)
        return self.submit()

    def submit(self) -> bool:
        number, pin = self.number_edit.text().strip(), self.pin_edit.text()
        if not number:
            self.number_edit.setFocus()
            return False
        if not pin and (self._pin_needed or self._first_manager):
            self.pin_edit.setFocus()
            return False
        try:
            if self._first_manager:
                if pin != self.pin_again_edit.text():
                    raise PinsDiffer("the two PINs differ")
                person: PersonRow = self._access.add_first_manager(number, self.name_edit.text(), pin)
            else:
                person = self._access.sign_in(number, pin)
        except Exception as error:
            log.info("sign-in of %s refused: %s", number, code_of(error, repr(error)))
            self.error.setText(messages.error_text(error))
            self.error.setVisible(True)
            self.pin_edit.clear()
            self.pin_again_edit.clear()
            self.pin_edit.setFocus()
            return False
        self.error.setVisible(False)
        self.signed_in.emit(person)
        return True

    # --- view ----------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.number_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def retranslate(self) -> None:
        if self._first_manager:
            self.heading.setText(translate("SignInScreen", "Add the store's first manager"))
            self.explain.setText(translate(
                "SignInScreen",
                "People sign in at this till, and nobody can yet. The first manager added here signs in and then "
                "adds the others on the People page."))
            self.button.setText(translate("SignInScreen", "Add and sign in"))
        else:
            heading = (translate("SignInScreen", "Trainee: sign in") if self._training
                       else translate("SignInScreen", "Sign in"))
            self.heading.setText(heading)
            if not self._pin_needed:
                explain = translate("SignInScreen", "Enter your trainee number (nobody is set up with a PIN at this "
                                                    "store, so none is asked). Each trainee has their own lessons.")
            else:
                explain = translate("SignInScreen", "Enter your person number and PIN. Receipts keep printing "
                                                    "meanwhile.")
            self.explain.setText(self._notice or explain)
            self.button.setText(translate("SignInScreen", "Sign in"))
        self.number_label.setText(translate("SignInScreen", "Person &number"))
        self.name_label.setText(translate("SignInScreen", "&Name"))
        self.pin_label.setText(translate("SignInScreen", "&PIN"))
        self.pin_again_label.setText(translate("SignInScreen", "PIN &again"))
        self.hint.setText(translate("SignInScreen", "F12 at any time: the next person signs in (shift change)."))
        name_from_labels(self)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
