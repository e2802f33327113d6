"""One exception case: what happened (its timeline), and closing it with a result and a note."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
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

from cashier_app.domain.access import ProtectedAction
from cashier_app.domain.money import format_fen
from cashier_app.ui import messages, theme
from cashier_app.ui.accessibility import accessible, name_from_labels
from cashier_app.ui.appearance import styled
from cashier_app.ui.cases_model import TRAINING_COLOUR, duration_text, kind_label, result_label
from cashier_app.ui.manager_pin import ManagerPinDialog, run_protected
from cashier_app.ui.rows import CASE_OPEN, CaseRow, CaseStepRow
from cashier_app.ui.services import UiServices
from cashier_app.ui.widgets import error_label

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

TIMELINE_COLUMNS = 6


def step_result_text(step: CaseStepRow) -> str:
    """A step's outcome in words: a result, a kind, a state or a lookup code where it is one. The technical
    detail is left to the tooltip; what a person wrote is person_note()."""
    outcome = step.outcome
    if step.action == "close_case" and outcome in messages.CASE_RESULTS:
        return messages.case_result_text(outcome)
    if step.action == "raised" and outcome in messages.CASE_KINDS:
        return messages.case_kind_text(outcome)
    if outcome in messages.ORDER_STATES:
        return messages.order_state_text(outcome)
    if step.action == "note" and outcome not in messages.STEP_OUTCOMES:
        return ""  # a person's note says it all
    return messages.step_outcome_code_text(outcome)


def person_note(step: CaseStepRow) -> str:
    """The words a person wrote with this step, if any (steps written before notes had their own field
    kept them in the detail)."""
    if step.note:
        return step.note
    if step.action in ("close_case", "note") and not step.outcome.startswith("voucher:") and \
            step.outcome not in messages.STEP_OUTCOMES:
        return step.detail
    if step.action == "escalate" and "; " in step.detail:
        return step.detail.rsplit("; ", 1)[1]
    return ""


def escalation_text(case: CaseRow) -> str:
    """ "Reported 2024-06-11 09:30 · 2 working days ago" (overdue said so); "—" when never reported."""
    if not case.escalated_at_local:
        return "—"
    if case.escalation_working_days is None:
        return case.escalated_at_local
    age = translate("CaseDialog", "{days} working days ago").format(days=case.escalation_working_days)
    if case.escalation_overdue:
        age = translate("CaseDialog", "{age}: overdue, ask the platform again").format(age=age)
    return f"{case.escalated_at_local}  ·  {age}"


class CaseDialog(QDialog):
    """Shows a case; an open one can be closed here. open() it; `case_closed` tells the page."""

    case_closed = Signal(object)  # CaseRow, closed
    case_changed = Signal(object)  # CaseRow, with a new note, contact or escalation

    def __init__(self, services: UiServices, case: CaseRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseDialog")
        self.setModal(True)
        self.setMinimumSize(1040, 640)
        self._services = services
        self.case = case
        self.pin_dialog: ManagerPinDialog | None = None  # the manager's PIN, when closing needs one

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(14)
        self.heading = QLabel()
        self.heading.setObjectName("pageHeading")
        layout.addWidget(self.heading)

        # Two columns of facts: the timeline below gets the height.
        self.facts = QGridLayout()
        self.facts.setHorizontalSpacing(20)
        self.facts.setVerticalSpacing(6)
        self.fact_labels: dict[str, QLabel] = {}
        self._fact_names: dict[str, QLabel] = {}
        keys = ("order", "channel_no", "amount", "channel", "paid", "state", "opened", "closed", "status", "handled",
                "escalated", "contact", "cause")
        for position, key in enumerate(keys):
            name = QLabel()
            styled(name, f"color: {theme.NEUTRAL_FOREGROUND};")
            value = QLabel()
            value.setObjectName(f"fact_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(key == "cause")  # the cause is a sentence; the others are one line each
            # Word-wrapped labels in a grid report no height of their own: every fact keeps at least a line.
            for label in (name, value):
                label.setMinimumHeight(label.fontMetrics().lineSpacing() + 4)
            self._fact_names[key] = name
            self.fact_labels[key] = value
            row, column = divmod(position, 2) if position < 10 else (5 + position - 10, 0)
            span = 3 if key in ("cause", "escalated", "contact") else 1  # sentences: the whole width
            self.facts.addWidget(name, row, column * 2)
            self.facts.addWidget(value, row, column * 2 + 1, 1, span)
        self.facts.setColumnStretch(1, 1)
        self.facts.setColumnStretch(3, 1)
        layout.addLayout(self.facts)

        self.timeline_title = QLabel()
        self.timeline_title.setObjectName("panelTitle")
        layout.addWidget(self.timeline_title)
        self.timeline = QTableWidget(0, TIMELINE_COLUMNS)
        self.timeline.setObjectName("caseTimeline")
        self.timeline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timeline.verticalHeader().setVisible(False)
        self.timeline.setWordWrap(True)
        self.timeline.setMinimumHeight(150)
        self.timeline.setAlternatingRowColors(True)
        header = self.timeline.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TIMELINE_COLUMNS - 1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.timeline, 1)

        self.close_box = QGroupBox()
        self.close_box.setObjectName("closeCaseBox")
        close_layout = QHBoxLayout(self.close_box)
        self.result_box = QComboBox()
        self.result_box.setObjectName("caseResultBox")
        for code in messages.CASE_RESULTS:
            if code != "escalated":  # reporting for handling keeps the case open: its own button below
                self.result_box.addItem("", code)
        self.result_box.setCurrentIndex(-1)
        self.result_box.currentIndexChanged.connect(self._update_close_button)
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("caseNote")
        self.close_button = QPushButton()
        self.close_button.setObjectName("closeCaseButton")
        self.close_button.clicked.connect(self.close_case)
        close_layout.addWidget(self.result_box)
        close_layout.addWidget(self.note_edit, 1)
        close_layout.addWidget(self.close_button)
        layout.addWidget(self.close_box)

        # Adding to the record: a note, the customer's contact, reporting it for handling.
        self.record_box = QGroupBox()
        self.record_box.setObjectName("caseRecordBox")
        record = QGridLayout(self.record_box)
        self.add_note_edit = QLineEdit()
        self.add_note_edit.setObjectName("caseAddNote")
        self.add_note_edit.setMaxLength(500)
        self.add_note_button = QPushButton()
        self.add_note_button.setObjectName("caseAddNoteButton")
        self.add_note_button.clicked.connect(self.add_note)
        self.add_note_edit.returnPressed.connect(self.add_note)
        self.escalate_button = QPushButton()
        self.escalate_button.setObjectName("caseEscalateButton")
        self.escalate_button.clicked.connect(self.escalate)
        self.contact_edit = QLineEdit()
        self.contact_edit.setObjectName("caseContact")
        self.contact_edit.setMaxLength(80)
        self.contact_button = QPushButton()
        self.contact_button.setObjectName("caseContactButton")
        self.contact_button.clicked.connect(self.save_contact)
        record.addWidget(self.add_note_edit, 0, 0)
        record.addWidget(self.add_note_button, 0, 1)
        record.addWidget(self.escalate_button, 0, 2)
        record.addWidget(self.contact_edit, 1, 0)
        record.addWidget(self.contact_button, 1, 1)
        record.setColumnStretch(0, 1)
        layout.addWidget(self.record_box)

        self.error = error_label("caseError")
        layout.addWidget(self.error)
        # A closed case can become a training lesson (anonymised): new staff practise what really happened.
        self.lesson_row = QHBoxLayout()
        self.lesson_button = QPushButton()
        self.lesson_button.setObjectName("caseLessonButton")
        self.lesson_button.clicked.connect(self.make_lesson)
        self.lesson_note = QLabel()
        self.lesson_note.setObjectName("caseLessonNote")
        styled(self.lesson_note, f"color: {theme.FOREGROUND[theme.OK]};")
        self.lesson_row.addWidget(self.lesson_button)
        self.lesson_row.addWidget(self.lesson_note, 1)
        layout.addLayout(self.lesson_row)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.retranslate()
        # Tall enough for every fact and a few steps; the timeline takes what is left (a 768-line till screen
        # still fits it).
        self.resize(self.width(), max(self.minimumHeight(), min(self.sizeHint().height(), 740)))

    # --- actions ------------------------------------------------------------------------------
    def selected_result(self) -> str | None:
        code = self.result_box.currentData()
        return str(code) if code else None

    def set_result(self, code: str) -> bool:
        index = self.result_box.findData(code)
        if index < 0:
            return False
        self.result_box.setCurrentIndex(index)
        return True

    def close_case(self) -> bool:
        """Close the case with the chosen result and note; True when the journal took it. Where the store wants
        a manager's PIN for it, the PIN dialog opens first (`pin_dialog`) and this returns False: the case
        closes once the PIN is right."""
        result = self.selected_result()
        if result is None or self.case.status != CASE_OPEN:
            return False
        done: list[bool] = []
        self.pin_dialog = run_protected(self, self._services, ProtectedAction.CLOSE_CASE,
                                        lambda: done.append(self._close(result)), refused=self._show_error)
        return bool(done and done[0])

    def _show_error(self, error: BaseException) -> None:
        self.error.setText(messages.error_text(error))
        self.error.setVisible(True)

    def add_note(self) -> bool:
        """Write the note on the case's timeline (with the person signed in); True when the journal took it."""
        note = self.add_note_edit.text().strip()
        if not note:
            return False
        if self._changed(lambda: self._services.add_case_note(self.case.case_id, note)):
            self.add_note_edit.clear()
            return True
        return False

    def save_contact(self) -> bool:
        """Keep how to reach the customer (empty forgets it)."""
        contact = self.contact_edit.text().strip()
        return self._changed(lambda: self._services.set_case_contact(self.case.case_id, contact))

    def escalate(self) -> bool:
        """Report it for handling: the case stays open and ages (with the note typed, if any)."""
        note = self.add_note_edit.text().strip()
        if self._changed(lambda: self._services.escalate_case(self.case.case_id, note)):
            self.add_note_edit.clear()
            return True
        return False

    def make_lesson(self) -> bool:
        """Save this closed case as a training lesson (numbers, people, notes and contact left out)."""
        try:
            title = self._services.case_to_lesson(self.case.case_id)
        except Exception as error:
            log.warning("replaying case %s in training failed: %s", self.case.case_id, error)
            self._show_error(error)
            return False
        self.error.setVisible(False)
        self.lesson_note.setText(translate("CaseDialog", "Saved as training lesson \"{title}\": trainees get it "
                                                         "after the built-in lessons.").format(title=title))
        self.lesson_button.setEnabled(False)
        return True

    def _changed(self, change: Callable[[], CaseRow]) -> bool:
        try:
            self.case = change()
        except Exception as error:
            log.warning("changing case %s failed: %s", self.case.case_id, error)
            self._show_error(error)
            return False
        self.error.setVisible(False)
        self._show_case()
        self.case_changed.emit(self.case)
        return True

    def _close(self, result: str) -> bool:
        try:
            closed = self._services.close_case(self.case.case_id, result, self.note_edit.text().strip())
        except Exception as error:
            log.warning("closing case %s failed: %s", self.case.case_id, error)
            self._show_error(error)
            return False
        self.error.setVisible(False)
        self.case = closed
        self._show_case()
        self.case_closed.emit(closed)
        return True

    # --- view ---------------------------------------------------------------------------------
    def _show_case(self) -> None:
        case = self.case
        self.setWindowTitle(translate("CaseDialog", "Case {id}").format(id=case.case_id))
        self.heading.setText(translate("CaseDialog", "Case {id}: {kind}").format(id=case.case_id,
                                                                                 kind=kind_label(case)))
        if case.training:
            styled(self.heading, f"color: {TRAINING_COLOUR};")
        facts = self.fact_labels
        facts["order"].setText(case.out_trade_no or "—")
        facts["channel_no"].setText(case.channel_trade_no or "—")
        facts["amount"].setText(format_fen(case.amount_fen))
        facts["state"].setText(messages.order_state_text(case.payment_state))
        facts["channel"].setText(messages.channel_text(case.channel) if case.channel else "—")
        facts["paid"].setText(case.paid_at_local or "—")
        facts["escalated"].setText(escalation_text(case))
        styled(facts["escalated"], f"color: {theme.FOREGROUND[theme.FAULT]};" if case.escalation_overdue else "")
        facts["contact"].setText(case.customer_contact or "—")
        if not self.contact_edit.hasFocus():
            self.contact_edit.setText(case.customer_contact)
        facts["opened"].setText(f"{case.opened_at_local}  ·  {messages.actor_text(case.opened_by)}")
        facts["cause"].setText(messages.case_cause_text(case.kind, case.cause) or "—")
        facts["status"].setText(result_label(case))
        closed = "—"
        if case.closed_at_local:
            closed = f"{case.closed_at_local}  ·  {messages.actor_text(case.closed_by or '')}"
        facts["closed"].setText(closed)
        facts["handled"].setText(duration_text(case.handling_seconds))
        self.timeline.setRowCount(len(case.steps))
        for row, step in enumerate(case.steps):
            cells = (
                step.at_local,
                messages.step_action_text(step.action),
                messages.actor_text(step.actor),
                messages.order_state_text(step.state_seen),
                step_result_text(step),
                person_note(step),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if step.detail:
                    item.setToolTip(step.detail)  # the technical detail (English), for the technician
                self.timeline.setItem(row, column, item)
        self.timeline.resizeRowsToContents()
        is_open = case.status == CASE_OPEN
        self.close_box.setVisible(is_open)
        self.escalate_button.setVisible(is_open and not case.escalated_at_local)
        self.lesson_button.setVisible(not is_open and not case.training)
        self._update_close_button()
        if is_open:
            self.result_box.setFocus()

    def timeline_texts(self) -> list[list[str]]:
        """What the timeline shows, row by row (for tests and the screen reader alike)."""
        rows = []
        for row in range(self.timeline.rowCount()):
            rows.append([
                item.text() if (item := self.timeline.item(row, column)) is not None else ""
                for column in range(TIMELINE_COLUMNS)
            ])
        return rows

    def _update_close_button(self) -> None:
        self.close_button.setEnabled(self.selected_result() is not None and self.case.status == CASE_OPEN)

    def retranslate(self) -> None:
        names = {
            "order": translate("CaseDialog", "Merchant order no."),
            "channel_no": translate("CaseDialog", "Third-party order no."),
            "amount": translate("CaseDialog", "Amount"),
            "state": translate("CaseDialog", "Payment state"),
            "opened": translate("CaseDialog", "Opened"),
            "cause": translate("CaseDialog", "Cause"),
            "status": translate("CaseDialog", "Status"),
            "closed": translate("CaseDialog", "Closed"),
            "handled": translate("CaseDialog", "Handled in"),
            "channel": translate("CaseDialog", "Channel"),
            "paid": translate("CaseDialog", "Paid at"),
            "escalated": translate("CaseDialog", "Reported for handling"),
            "contact": translate("CaseDialog", "Customer contact"),
        }
        for key, label in self._fact_names.items():
            label.setText(names[key])
        self.timeline_title.setText(translate("CaseDialog", "What happened"))
        self.timeline.setHorizontalHeaderLabels([
            translate("CaseDialog", "Time"),
            translate("CaseDialog", "Action"),
            translate("CaseDialog", "By"),
            translate("CaseDialog", "State seen"),
            translate("CaseDialog", "Outcome"),
            translate("CaseDialog", "Note"),
        ])
        self.record_box.setTitle(translate("CaseDialog", "Add to the record"))
        self.add_note_edit.setPlaceholderText(translate("CaseDialog", "Note: what was done, what the customer said"))
        self.add_note_button.setText(translate("CaseDialog", "Add note"))
        self.escalate_button.setText(translate("CaseDialog", "Report for handling"))
        self.contact_edit.setPlaceholderText(translate("CaseDialog", "Customer's phone or contact (optional)"))
        self.contact_button.setText(translate("CaseDialog", "Save contact"))
        self.lesson_button.setText(translate("CaseDialog", "Use as a training lesson"))
        accessible(self.add_note_edit, translate("CaseDialog", "Note to add to the case"))
        accessible(self.contact_edit, translate("CaseDialog", "The customer's contact"),
                   translate("CaseDialog", "Masked in exports and bundles"))
        self.close_box.setTitle(translate("CaseDialog", "Close the case"))
        for index in range(self.result_box.count()):
            self.result_box.setItemText(index, messages.case_result_text(str(self.result_box.itemData(index))))
        self.result_box.setPlaceholderText(translate("CaseDialog", "Choose the result"))
        self.note_edit.setPlaceholderText(translate("CaseDialog", "Note (what was done, who was called)"))
        accessible(self.timeline, translate("CaseDialog", "What happened, step by step"))
        accessible(self.result_box, translate("CaseDialog", "The case's result"))
        accessible(self.note_edit, translate("CaseDialog", "Note"), self.note_edit.placeholderText())
        self.close_button.setText(translate("CaseDialog", "Close case"))
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:
            close.setText(translate("CaseDialog", "Back"))
        name_from_labels(self)
        self._show_case()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
