"""Who is at the till, for the main window: the sign-in screen over the pages, F12 to switch person at shift
change, signing out when idle, the tabs each person may see, and the person menu.

With sign-in off (a one-person till) it only shows the configured operator in the status bar: every page
is there and nothing asks for a PIN.
"""

from __future__ import annotations

import logging
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cashier_app.ui import messages, theme
from cashier_app.ui.accessibility import name_from_labels
from cashier_app.ui.idle import IdleWatcher
from cashier_app.ui.manager_pin import access_of
from cashier_app.ui.rows import ALLOWED, PersonRow
from cashier_app.ui.services import AccessServices, UiServices
from cashier_app.ui.sign_in_screen import PinsDiffer, SignInScreen
from cashier_app.ui.status_bar import StatusBar
from cashier_app.ui.training_panel import TrainingPanel
from cashier_app.ui.widgets import error_label, ok_cancel, pin_edit

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

SWITCH_KEY = "F12"


class GateHost(Protocol):
    """What the gate asks of the window it guards (ui/main_window.py's MainWindow): a Protocol, so that the
    gate does not import the window that builds it."""

    @property
    def services(self) -> UiServices: ...

    @property
    def training_panel(self) -> TrainingPanel: ...

    @property
    def status(self) -> StatusBar: ...

    def is_training(self) -> bool: ...

    def apply_access(self) -> None: ...

    def set_locked(self, locked: bool) -> None: ...

    def close_dialogs(self) -> None: ...

    def focus_start_page(self) -> None: ...

    def show_message(self, text: str, severity: str = theme.INFO, *, notify: bool = True) -> None: ...


class SignInGate(QObject):
    person_changed = Signal(object)  # PersonRow | None

    def __init__(self, window: QMainWindow, host: GateHost, content: QWidget) -> None:
        """`window`: where the person menu and F12 live (the main window); `host`: what the gate asks of it (the
        same window); `content`: the pages; place `widget` in the window where they go."""
        super().__init__(window)
        self.window = window
        self.host = host
        self.access: AccessServices | None = access_of(host.services)
        self.required = self._ask_required()
        self.person: PersonRow | None = None
        self.screen: SignInScreen | None = None
        self.idle = IdleWatcher(self)
        self.idle.idle.connect(self.sign_out_idle)
        self.pin_dialog: ChangePinDialog | None = None
        if self.required and self.access is not None:
            self.screen = SignInScreen(self.access, training=host.is_training())
            self.screen.signed_in.connect(self._signed_in)
            self.stack = QStackedWidget()
            self.stack.setObjectName("signInStack")
            self.stack.addWidget(self.screen)
            self.stack.addWidget(content)
        self.content = content
        # What the window places where the pages go: the pages, or the sign-in screen in front of them.
        self.widget: QWidget = self.stack if self.screen is not None else content
        self._build_menu()

    def _ask_required(self) -> bool:
        if self.access is None:
            return False
        try:
            return bool(self.access.sign_in_required())
        except Exception as error:
            log.warning("asking whether people sign in failed: %s", error)
            return False

    def start(self) -> None:
        """After the window is built: lock it until someone signs in (or show who is signed in already)."""
        if not self.required or self.access is None:
            self._show_person()
            return
        try:
            self.person = self.access.current_person()
        except Exception as error:
            log.warning("asking who is signed in failed: %s", error)
            self.person = None
        if self.person is None:
            self.lock()
        else:
            self._unlocked()

    # --- menu ----------------------------------------------------------------------------------
    def _build_menu(self) -> None:
        self.menu = QMenu(self.window)
        self.menu.setObjectName("personMenu")
        self.switch_action = QAction(self.window)
        self.switch_action.setObjectName("switchPersonAction")
        self.switch_action.triggered.connect(self.switch_person)
        # A shortcut of its own (not the menu's): it works while the menus are locked, and on every page.
        self.switch_shortcut = QShortcut(QKeySequence(SWITCH_KEY), self.window)
        self.switch_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.switch_shortcut.activated.connect(self.switch_person)
        self.change_pin_action = QAction(self.window)
        self.change_pin_action.setObjectName("changePinAction")
        self.change_pin_action.triggered.connect(self.ask_change_pin)
        self.menu.addAction(self.switch_action)
        self.menu.addAction(self.change_pin_action)
        self.menu.menuAction().setVisible(self.required)
        self.window.menuBar().addMenu(self.menu)

    # --- signing in and out ---------------------------------------------------------------------
    def is_locked(self) -> bool:
        return self.screen is not None and self.stack.currentWidget() is self.screen

    def lock(self, notice: str = "") -> None:
        if self.screen is None:
            return
        self.idle.stop()
        self.host.close_dialogs()
        self.screen.reset(notice)
        self.stack.setCurrentWidget(self.screen)
        self.host.set_locked(True)
        self._show_person()
        self.screen.number_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def switch_person(self) -> None:
        """F12: the person at the till changes (shift change). The one signed in is signed out."""
        if not self.required or self.access is None:
            self.host.show_message(translate("SignInGate", "Nobody signs in at this till."), theme.INFO)
            return
        if self.is_locked():
            assert self.screen is not None
            self.screen.reset()
            return
        self._sign_out("switch", translate("SignInGate", "Shift change: the next person signs in."))

    def sign_out_idle(self) -> None:
        if self.person is None:
            return
        minutes = max(1, round(self._idle_seconds() / 60))
        text = translate("SignInGate", "Signed out after {minutes} min without use.").format(minutes=minutes)
        self._sign_out("idle", text)
        self.host.show_message(text, theme.INFO, notify=False)

    def sign_out_on_quit(self) -> None:
        if self.required and self.access is not None and self.person is not None:
            self._sign_out("quit", "")

    def _sign_out(self, why: str, notice: str) -> None:
        assert self.access is not None
        self.host.training_panel.signed_out()
        try:
            self.access.sign_out(why)
        except Exception as error:
            log.warning("signing out failed: %s", error)
        self.person = None
        self.person_changed.emit(None)
        self.lock(notice)

    def _signed_in(self, person: PersonRow) -> None:
        self.person = person
        self._unlocked()
        self.person_changed.emit(person)
        self.host.show_message(
            translate("SignInGate", "{person} signed in ({role}).").format(
                person=person.label, role=messages.role_text(person.role)), theme.OK, notify=False)

    def _unlocked(self) -> None:
        if self.screen is not None:
            self.stack.setCurrentWidget(self.content)
        self.host.set_locked(False)
        self._show_person()
        self.idle.start(self._idle_seconds())
        self.host.focus_start_page()

    def _idle_seconds(self) -> float:
        if self.access is None:
            return 0.0
        try:
            return float(self.access.idle_sign_out_s())
        except Exception as error:
            log.warning("asking for the idle time failed: %s", error)
            return 0.0

    def _show_person(self) -> None:
        self.host.apply_access()
        if not self.required:
            return
        person = self.person
        self.host.status.set_person(f"{person.label} · {messages.role_text(person.role)}" if person else None)
        self.change_pin_action.setEnabled(person is not None)

    # --- what a person may see -------------------------------------------------------------------
    def may_see(self, requires: str | None) -> bool:
        if requires is None or self.access is None:
            return True
        try:
            return self.access.decide(requires) == ALLOWED
        except Exception as error:
            log.warning("asking whether %s is allowed failed: %s", requires, error)
            return False

    # --- changing one's own PIN --------------------------------------------------------------------
    def ask_change_pin(self) -> ChangePinDialog | None:
        if self.access is None or self.person is None:
            return None
        dialog = ChangePinDialog(self.access, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.host.show_message(
            translate("SignInGate", "Your PIN is changed."), theme.OK, notify=False))
        self.pin_dialog = dialog
        dialog.open()
        return dialog

    def retranslate(self) -> None:
        self.menu.setTitle(translate("SignInGate", "&Person"))
        self.switch_action.setText(translate("SignInGate", "Switch person (shift change)") + "\t" + SWITCH_KEY)
        self.change_pin_action.setText(translate("SignInGate", "Change my PIN…"))
        if self.screen is not None:
            self.screen.retranslate()
        self._show_person()


class ChangePinDialog(QDialog):
    """The person signed in changes their own PIN: the old one, then the new one twice."""

    def __init__(self, access: AccessServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changePinDialog")
        self.setModal(True)
        self.setMinimumWidth(480)
        self._access = access
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        form = QFormLayout()
        self.old_edit, self.new_edit, self.again_edit = pin_edit("oldPin"), pin_edit("newPin"), pin_edit("newPinAgain")
        self.labels = [QLabel(), QLabel(), QLabel()]
        for label, edit in zip(self.labels, (self.old_edit, self.new_edit, self.again_edit), strict=True):
            label.setBuddy(edit)
            form.addRow(label, edit)
        layout.addLayout(form)
        self.error = error_label("changePinError")
        layout.addWidget(self.error)
        self.buttons = ok_cancel(self)
        layout.addWidget(self.buttons)
        self.setWindowTitle(translate("SignInGate", "Change my PIN"))
        self.labels[0].setText(translate("SignInGate", "&Current PIN"))
        self.labels[1].setText(translate("SignInGate", "&New PIN"))
        self.labels[2].setText(translate("SignInGate", "New PIN &again"))
        name_from_labels(self)

    def accept(self) -> None:
        try:
            if self.new_edit.text() != self.again_edit.text():
                raise PinsDiffer("the two PINs differ")
            self._access.change_own_pin(self.old_edit.text(), self.new_edit.text())
        except Exception as error:
            self.error.setText(messages.error_text(error))
            self.error.setVisible(True)
            for edit in (self.old_edit, self.new_edit, self.again_edit):
                edit.clear()
            self.old_edit.setFocus()
            return
        super().accept()
