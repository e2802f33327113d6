"""One exception case: what happened (its timeline), and closing it with a result and a note."""

from __future__ import annotations

import logging

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
from cashier_app.ui import messages, theme
from cashier_app.ui.accessibility import accessible, name_from_labels
from cashier_app.ui.appearance import styled
from cashier_app.ui.cases_model import TRAINING_COLOUR, duration_text, kind_label, result_label
from cashier_app.ui.formatting import format_fen
from cashier_app.ui.manager_pin import ManagerPinDialog, run_protected
from cashier_app.ui.rows import CASE_OPEN, CaseRow, CaseStepRow
from cashier_app.ui.services import UiServices

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

TIMELINE_COLUMNS = 5


def step_outcome_text(step: CaseStepRow) -> str:
    """A step's outcome in words: a result, a kind, a state or a lookup code where it is one. What a person
    wrote is shown after it (a closing note, a note, an escalation's note); the technical detail is left to
    the tooltip (step_detail_text)."""
    outcome = step.outcome
    if step.action == "close_case" and outcome in messages.CASE_RESULTS:
        text = messages.case_result_text(outcome)
    elif step.action == "raised" and outcome in messages.CASE_KINDS:
        text = messages.case_kind_text(outcome)
    elif outcome in messages.ORDER_STATES:
        text = messages.order_state_text(outcome)
    elif step.action == "note" and outcome not in messages.STEP_OUTCOMES:
        text = ""  # a person's note says it all
    else:
        text = messages.step_outcome_code_text(outcome)
    note = person_note(step)
    if note:
        return f"{text} — {note}" if text else note
    return text


def person_note(step: CaseStepRow) -> str:
    """The words a person typed with this step, if any."""
    if step.action in ("close_case", "note") and not step.outcome.startswith("voucher:"):
        return step.detail
    if step.action == "escalate" and "; " in step.detail:
        return step.detail.rsplit("; ", 1)[1]  # the lookup appends the cashier's note to its detail
    return ""


class CaseDialog(QDialog):
    """Shows a case; an open one can be closed here. open() it; `case_closed` tells the page."""

    case_closed = Signal(object)  # CaseRow, closed

    def __init__(self, services: UiServices, case: CaseRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseDialog")
        self.setModal(True)
        self.setMinimumSize(1040, 720)
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
        keys = ("order", "channel_no", "amount", "state", "opened", "closed", "status", "handled", "cause")
        for position, key in enumerate(keys):
            name = QLabel()
            styled(name, f"color: {theme.NEUTRAL_FOREGROUND};")
            value = QLabel()
            value.setObjectName(f"fact_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            self._fact_names[key] = name
            self.fact_labels[key] = value
            row, column = divmod(position, 2)
            span = 3 if key == "cause" else 1  # the cause is a sentence: the whole width
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
        self.timeline.setMinimumHeight(220)
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

        self.error = QLabel()
        self.error.setObjectName("caseError")
        self.error.setWordWrap(True)
        styled(self.error, f"color: {theme.FOREGROUND[theme.FAULT]};")
        self.error.setVisible(False)
        layout.addWidget(self.error)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.retranslate()

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
        self.pin_dialog = run_protected(self, self._services, ProtectedAction.CLOSE_CASE.value,
                                        lambda: done.append(self._close(result)), refused=self._show_error)
        return bool(done and done[0])

    def _show_error(self, error: BaseException) -> None:
        self.error.setText(messages.error_text(error))
        self.error.setVisible(True)

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
                step_outcome_text(step),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if step.detail:
                    item.setToolTip(step.detail)  # the technical detail (English), for the technician
                self.timeline.setItem(row, column, item)
        self.timeline.resizeRowsToContents()
        is_open = case.status == CASE_OPEN
        self.close_box.setVisible(is_open)
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
        ])
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
