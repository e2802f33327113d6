"""The manager's people page: who signs in at this till, their roles, adding people, new PINs, disabling.

Shown only to a person who may manage people (a manager; anyone on a one-person till, to prepare sign-in).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cashier_app.ui import messages, theme
from cashier_app.ui.accessibility import accessible, name_from_labels
from cashier_app.ui.manager_pin import access_of
from cashier_app.ui.pages import Page, PageContext
from cashier_app.ui.rows import ROLES, PersonRow
from cashier_app.ui.services import AccessServices
from cashier_app.ui.sign_in_screen import PinsDiffer
from cashier_app.ui.widgets import error_label, ok_cancel, pin_edit

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

COLUMNS = 5


class PersonDialog(QDialog):
    """Add a person (number, name, role, PIN twice), or give one a new PIN (`number` given: PIN twice only)."""

    def __init__(self, access: AccessServices, parent: QWidget | None = None, *, number: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("personDialog")
        self.setModal(True)
        self.setMinimumWidth(520)
        self._access = access
        self.for_number = number
        self.person: PersonRow | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        form = QFormLayout()
        form.setVerticalSpacing(12)
        self.number_edit = QLineEdit(number or "")
        self.number_edit.setObjectName("newPersonNumber")
        self.number_edit.setMaxLength(16)
        self.number_edit.setReadOnly(number is not None)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("newPersonName")
        self.name_edit.setMaxLength(40)
        self.role_box = QComboBox()
        self.role_box.setObjectName("newPersonRole")
        for role in ROLES:
            self.role_box.addItem("", role)
        self.pin_edit = pin_edit("newPersonPin")
        self.again_edit = pin_edit("newPersonPinAgain")
        self.labels = {key: QLabel() for key in ("number", "name", "role", "pin", "again")}
        rows = [("number", self.number_edit), ("name", self.name_edit), ("role", self.role_box),
                ("pin", self.pin_edit), ("again", self.again_edit)]
        for key, field in rows:
            if number is not None and key in ("name", "role"):
                continue
            self.labels[key].setBuddy(field)
            form.addRow(self.labels[key], field)
        layout.addLayout(form)
        self.error = error_label("personError")
        layout.addWidget(self.error)
        self.buttons = ok_cancel(self)
        layout.addWidget(self.buttons)
        self.retranslate()
        (self.pin_edit if number is not None else self.number_edit).setFocus()

    def fill(self, number: str, name: str, role: str, pin: str, again: str | None = None) -> bool:
        """Fill the form and press OK (for tests); True when the person was added."""
        self.number_edit.setText(number)
        self.name_edit.setText(name)
        self.role_box.setCurrentIndex(max(0, self.role_box.findData(role)))
        self.pin_edit.setText(pin)
        self.again_edit.setText(pin if again is None else again)
        self.accept()
        return self.result() == QDialog.DialogCode.Accepted

    def accept(self) -> None:
        try:
            if self.pin_edit.text() != self.again_edit.text():
                raise PinsDiffer("the two PINs differ")
            if self.for_number is not None:
                self.person = self._access.set_pin(self.for_number, self.pin_edit.text())
            else:
                self.person = self._access.add_person(self.number_edit.text(), self.name_edit.text(),
                                                      str(self.role_box.currentData()), self.pin_edit.text())
        except Exception as error:
            self.error.setText(messages.error_text(error))
            self.error.setVisible(True)
            self.pin_edit.clear()
            self.again_edit.clear()
            return
        super().accept()

    def retranslate(self) -> None:
        if self.for_number is not None:
            self.setWindowTitle(translate("PeoplePage", "New PIN for {number}").format(number=self.for_number))
        else:
            self.setWindowTitle(translate("PeoplePage", "Add a person"))
        self.labels["number"].setText(translate("PeoplePage", "Person &number"))
        self.labels["name"].setText(translate("PeoplePage", "&Name"))
        self.labels["role"].setText(translate("PeoplePage", "&Role"))
        self.labels["pin"].setText(translate("PeoplePage", "&PIN"))
        self.labels["again"].setText(translate("PeoplePage", "PIN &again"))
        for index in range(self.role_box.count()):
            self.role_box.setItemText(index, messages.role_text(str(self.role_box.itemData(index))))
        name_from_labels(self)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class PeoplePage(Page):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("peoplePage")
        self.access = access_of(context.services)
        self.dialog: PersonDialog | None = None
        self._people: list[PersonRow] = []
        self.heading = QLabel()
        self.heading.setObjectName("pageHeading")
        self.note = QLabel()
        self.note.setObjectName("peopleNote")
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, COLUMNS)
        self.table.setObjectName("peopleTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.add_button = QPushButton()
        self.add_button.setObjectName("addPersonButton")
        self.add_button.clicked.connect(self.ask_add)
        self.pin_button = QPushButton()
        self.pin_button.setObjectName("newPinButton")
        self.pin_button.clicked.connect(self.ask_new_pin)
        self.disable_button = QPushButton()
        self.disable_button.setObjectName("disablePersonButton")
        self.disable_button.clicked.connect(self.toggle_disabled)
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh)
        actions = QHBoxLayout()
        for button in (self.add_button, self.pin_button, self.disable_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        self.retranslate()


    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        if self.access is None:
            return
        try:
            self._people = self.access.people()
        except Exception as error:
            log.info("listing people refused or failed: %s", error)
            self._people = []
            self.status_message.emit(messages.error_text(error), theme.ATTENTION)
        self._render()

    def people(self) -> list[PersonRow]:
        return list(self._people)

    def selected(self) -> PersonRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self._people[rows[0].row()] if rows and rows[0].row() < len(self._people) else None

    def select(self, number: str) -> bool:
        for position, person in enumerate(self._people):
            if person.number == number:
                self.table.selectRow(position)
                return True
        return False

    # --- actions --------------------------------------------------------------------------------
    def ask_add(self) -> PersonDialog | None:
        return self._open(PersonDialog(self.access, self.window())) if self.access is not None else None

    def ask_new_pin(self) -> PersonDialog | None:
        person = self.selected()
        if person is None or self.access is None:
            return None
        return self._open(PersonDialog(self.access, self.window(), number=person.number))

    def _open(self, dialog: PersonDialog) -> PersonDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._done(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _done(self, dialog: PersonDialog) -> None:
        person = dialog.person
        self.refresh()
        if person is None:
            return
        self.select(person.number)
        text = (translate("PeoplePage", "New PIN set for {person}.") if dialog.for_number
                else translate("PeoplePage", "{person} added ({role}).")).format(
            person=person.label, role=messages.role_text(person.role))
        self.status_message.emit(text, theme.OK)

    def toggle_disabled(self) -> bool:
        person = self.selected()
        if person is None or self.access is None:
            return False
        try:
            changed = self.access.set_person_disabled(person.number, not person.disabled)
        except Exception as error:
            self.status_message.emit(messages.error_text(error), theme.ATTENTION)
            return False
        self.refresh()
        self.select(changed.number)
        text = (translate("PeoplePage", "{person} can no longer sign in.") if changed.disabled
                else translate("PeoplePage", "{person} can sign in again.")).format(person=changed.label)
        self.status_message.emit(text, theme.OK)
        return True

    # --- view -----------------------------------------------------------------------------------
    def _render(self) -> None:
        self.table.setRowCount(len(self._people))
        for row, person in enumerate(self._people):
            if person.disabled:
                status = translate("PeoplePage", "Disabled")
            elif person.locked_until_local:
                status = translate("PeoplePage", "Locked until {time}").format(time=person.locked_until_local)
            else:
                status = translate("PeoplePage", "Active")
            cells = (person.number, person.name, messages.role_text(person.role), status,
                     person.last_sign_in_local or "—")
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self._update_buttons()

    def _update_buttons(self) -> None:
        person = self.selected()
        self.pin_button.setEnabled(person is not None)
        self.disable_button.setEnabled(person is not None)
        self.disable_button.setText(translate("PeoplePage", "Enable again") if person is not None and person.disabled
                                    else translate("PeoplePage", "Disable"))

    def retranslate(self) -> None:
        self.heading.setText(self.title())
        required = False
        if self.access is not None:
            try:
                required = self.access.sign_in_required()
            except Exception:
                required = False
        self.note.setText(
            translate("PeoplePage", "People sign in with their number and PIN. A cashier needs a manager's PIN for "
                                    "protected actions; a technician sets the till up.") if required else
            translate("PeoplePage", "Sign-in is off at this till ([signin] enabled = false): the people added here "
                                    "sign in once it is switched on."))
        self.table.setHorizontalHeaderLabels([
            translate("PeoplePage", "Number"), translate("PeoplePage", "Name"), translate("PeoplePage", "Role"),
            translate("PeoplePage", "Status"), translate("PeoplePage", "Last sign-in")])
        self.add_button.setText(translate("PeoplePage", "Add a person…"))
        self.pin_button.setText(translate("PeoplePage", "New PIN…"))
        self.refresh_button.setText(translate("PeoplePage", "Refresh (F5)"))
        accessible(self.table, translate("PeoplePage", "People of this till"),
                   translate("PeoplePage", "Number, name, role, status and last sign-in"))
        self._render()
        name_from_labels(self)
