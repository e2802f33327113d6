"""A manager's PIN for a protected action: ask only where the store wants it, then carry on.

Every page uses one call before a protected action:

    run_protected(self.window(), self.context.services, "reprint", lambda: do_the_reprint())

It runs the action at once when the person signed in may do it (or sign-in is off); otherwise it opens
ManagerPinDialog, and runs the action once a manager's number and PIN are right. The services check
again when the action is done (the approval is used up there), so a page that forgets to ask is refused,
never let through.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from cashier_app.domain.access import ProtectedAction
from cashier_app.domain.errors import CodedError, code_of
from cashier_app.ui import messages
from cashier_app.ui.accessibility import name_from_labels
from cashier_app.ui.rows import NEEDS_MANAGER_PIN, NEEDS_SIGN_IN
from cashier_app.ui.services import AccessServices, UiServices
from cashier_app.ui.widgets import error_label, ok_cancel, pin_edit

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


class ManagerPinDialog(QDialog):
    """Manager number and PIN; accepted only once the services took them for `action`."""

    def __init__(self, access: AccessServices, action: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("managerPinDialog")
        self.setModal(True)
        self.setMinimumWidth(520)
        self._access = access
        self.action = action
        self.approved_by: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(14)
        self.prompt = QLabel()
        self.prompt.setObjectName("dialogPrompt")
        self.prompt.setWordWrap(True)
        layout.addWidget(self.prompt)
        form = QFormLayout()
        self.number_label = QLabel()
        self.number_edit = QLineEdit()
        self.number_edit.setObjectName("managerNumber")
        self.number_edit.setMaxLength(16)
        self.pin_label = QLabel()
        self.pin_edit = pin_edit("managerPin")
        self.number_label.setBuddy(self.number_edit)
        self.pin_label.setBuddy(self.pin_edit)
        form.addRow(self.number_label, self.number_edit)
        form.addRow(self.pin_label, self.pin_edit)
        layout.addLayout(form)
        self.error = error_label("managerPinError")
        layout.addWidget(self.error)
        self.buttons = ok_cancel(self)
        layout.addWidget(self.buttons)
        self.number_edit.returnPressed.connect(self.pin_edit.setFocus)
        self.retranslate()
        self.number_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def enter(self, number: str, pin: str) -> bool:
        """Type the number and PIN and press OK (for tests and the scanner alike); True when approved."""
        self.number_edit.setText(number)
        self.pin_edit.setText(pin)
        self.accept()
        return self.result() == QDialog.DialogCode.Accepted

    def accept(self) -> None:
        number, pin = self.number_edit.text().strip(), self.pin_edit.text()
        if not number or not pin:
            (self.number_edit if not number else self.pin_edit).setFocus()
            return
        try:
            manager = self._access.approve(self.action, number, pin)
        except Exception as error:
            log.info("manager's approval for %s refused: %s", self.action, code_of(error, repr(error)))
            self.error.setText(messages.error_text(error))
            self.error.setVisible(True)
            self.pin_edit.clear()
            self.pin_edit.setFocus()
            return
        self.approved_by = manager.number
        super().accept()

    def retranslate(self) -> None:
        self.setWindowTitle(translate("ManagerPinDialog", "Manager's PIN"))
        self.prompt.setText(messages.protected_action_text(self.action))
        self.number_label.setText(translate("ManagerPinDialog", "Manager &number"))
        self.pin_label.setText(translate("ManagerPinDialog", "&PIN"))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if ok is not None:
            ok.setText(translate("ManagerPinDialog", "Allow"))
        if cancel is not None:
            cancel.setText(translate("ManagerPinDialog", "Back"))
        name_from_labels(self)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class SignInNeeded(CodedError):
    def __init__(self, detail: str = "") -> None:
        super().__init__("sign_in_required", detail)


def access_of(services: UiServices) -> AccessServices | None:
    try:
        return services.access()
    except Exception as error:
        log.warning("asking for the sign-in services failed: %s", error)
        return None


def run_protected(parent: QWidget | None, services: UiServices, action: ProtectedAction | str,
                  proceed: Callable[[], object], *,
                  refused: Callable[[BaseException], None] | None = None) -> ManagerPinDialog | None:
    """Run `proceed()` now when the person signed in may do `action`; else ask a manager's PIN first and run
    it once the PIN is right. `refused(error)` hears why nothing happened (nobody signed in; its `code` says
    so for ui.messages.error_text). Returns the PIN dialog when one opened (open, non-blocking), else None."""
    access = access_of(services)
    decision = "allowed"
    if access is not None:
        try:
            decision = access.decide(action)
        except Exception as error:
            log.warning("asking whether %s is allowed failed: %s", action, error)
            if refused is not None:
                refused(error)
            return None
    if decision == NEEDS_SIGN_IN:
        if refused is not None:
            refused(SignInNeeded(f"{action}: nobody is signed in"))
        return None
    if decision != NEEDS_MANAGER_PIN or access is None:
        proceed()
        return None
    dialog = ManagerPinDialog(access, action, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(proceed)
    dialog.open()
    return dialog
