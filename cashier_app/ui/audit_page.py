"""The audit trail for the manager: who reprinted, cancelled, moved, closed, signed in or changed what, and
which manager allowed it; filtered by days, action and person, exported as CSV.

Shown only to a person who may see the trail (a manager; anyone on a one-person till).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
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
from cashier_app.ui.rows import AuditQuery, AuditRow
from cashier_app.ui.widgets import save_csv_dialog

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

COLUMNS = 6
DEFAULT_DAYS = 7


class AuditPage(Page):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("auditPage")
        self.access = access_of(context.services)
        self.file_dialog: QFileDialog | None = None
        self._rows: list[AuditRow] = []
        self.heading = QLabel()
        self.heading.setObjectName("pageHeading")
        self.count_label = QLabel()
        self.count_label.setObjectName("auditCount")
        today = self._today()
        self.from_label, self.to_label, self.action_label, self.person_label = QLabel(), QLabel(), QLabel(), QLabel()
        self.from_edit = self._date_edit("auditFrom", today.addDays(-(DEFAULT_DAYS - 1)))
        self.to_edit = self._date_edit("auditTo", today)
        self.action_box = QComboBox()
        self.action_box.setObjectName("auditActionFilter")
        self.action_box.addItem("", "")
        for code in messages.AUDIT_ACTIONS:
            self.action_box.addItem("", code)
        self.person_edit = QLineEdit()
        self.person_edit.setObjectName("auditPersonFilter")
        self.person_edit.setMaxLength(16)
        self.person_edit.setClearButtonEnabled(True)
        filters = QHBoxLayout()
        filters.setSpacing(10)
        for widget in (self.from_label, self.from_edit, self.to_label, self.to_edit, self.action_label,
                       self.action_box, self.person_label, self.person_edit):
            filters.addWidget(widget)
        filters.addStretch(1)
        self.table = QTableWidget(0, COLUMNS)
        self.table.setObjectName("auditTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COLUMNS - 1, QHeaderView.ResizeMode.Stretch)
        self.export_button = QPushButton()
        self.export_button.setObjectName("exportAuditButton")
        self.export_button.clicked.connect(self.ask_export)
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh)
        actions = QHBoxLayout()
        actions.addWidget(self.export_button)
        actions.addStretch(1)
        actions.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.count_label)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        self.from_edit.dateChanged.connect(self.refresh)
        self.to_edit.dateChanged.connect(self.refresh)
        self.action_box.currentIndexChanged.connect(self.refresh)
        self.person_edit.editingFinished.connect(self.refresh)
        self.retranslate()

    @staticmethod
    def _date_edit(name: str, date: QDate) -> QDateEdit:
        edit = QDateEdit(date)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _today(self) -> QDate:
        try:
            return QDate.fromString(self.context.services.today(), Qt.DateFormat.ISODate)
        except Exception:
            return QDate.currentDate()


    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def query(self) -> AuditQuery:
        return AuditQuery(
            since_day=self.from_edit.date().toString(Qt.DateFormat.ISODate),
            until_day=self.to_edit.date().toString(Qt.DateFormat.ISODate),
            action=str(self.action_box.currentData() or "") or None,
            person=self.person_edit.text().strip() or None,
        )

    def set_action(self, action: str | None) -> None:
        self.action_box.setCurrentIndex(max(0, self.action_box.findData(action or "")))

    def rows(self) -> list[AuditRow]:
        return list(self._rows)

    def refresh(self) -> None:
        if self.access is None:
            return
        try:
            self._rows = self.access.audit(self.query())
        except Exception as error:
            log.info("reading the audit trail refused or failed: %s", error)
            self._rows = []
            self.status_message.emit(messages.error_text(error), theme.ATTENTION)
        self._render()

    def _render(self) -> None:
        self.table.setRowCount(len(self._rows))
        for row, entry in enumerate(self._rows):
            what = " ".join(part for part in (
                entry.out_trade_no or "",
                translate("AuditPage", "job {job}").format(job=entry.job_id) if entry.job_id else "",
                translate("AuditPage", "case {case}").format(case=entry.case_id) if entry.case_id else "",
            ) if part)
            detail = "  ".join(part for part in (entry.reason, messages.audit_detail_text(entry.action, entry.detail))
                               if part)
            cells = (entry.at_local, messages.audit_action_text(entry.action), messages.actor_text(entry.actor),
                     entry.approved_by or "", what, detail)
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.count_label.setText(translate("AuditPage", "{count} rows").format(count=len(self._rows)))
        self.export_button.setEnabled(bool(self._rows))

    def retranslate(self) -> None:
        self.heading.setText(self.title())
        self.from_label.setText(translate("AuditPage", "From"))
        self.to_label.setText(translate("AuditPage", "to"))
        self.action_label.setText(translate("AuditPage", "Action"))
        self.person_label.setText(translate("AuditPage", "Person"))
        self.person_edit.setPlaceholderText(translate("AuditPage", "number"))
        for index in range(self.action_box.count()):
            code = str(self.action_box.itemData(index))
            self.action_box.setItemText(index, messages.audit_action_text(code) if code
                                        else translate("AuditPage", "All actions"))
        self.table.setHorizontalHeaderLabels([
            translate("AuditPage", "Time"), translate("AuditPage", "Action"), translate("AuditPage", "Person"),
            translate("AuditPage", "Approved by"), translate("AuditPage", "Order / job / case"),
            translate("AuditPage", "Reason and detail")])
        self.export_button.setText(translate("AuditPage", "Export CSV…"))
        self.refresh_button.setText(translate("AuditPage", "Refresh (F5)"))
        accessible(self.from_edit, translate("AuditPage", "From day"))
        accessible(self.to_edit, translate("AuditPage", "To day"))
        accessible(self.action_box, translate("AuditPage", "Action"))
        accessible(self.person_edit, translate("AuditPage", "Person number"))
        accessible(self.table, translate("AuditPage", "The audit trail"),
                   translate("AuditPage", "Reprints, cancels, moves, closes, sign-ins and settings changes, newest "
                                          "first"))
        name_from_labels(self)
        self._render()

    # --- export ---------------------------------------------------------------------------------
    def default_export_name(self) -> str:
        query = self.query()
        return f"audit-{(query.since_day or '').replace('-', '')}-{(query.until_day or '').replace('-', '')}.csv"

    def ask_export(self) -> QFileDialog:
        self.file_dialog = save_csv_dialog(self.window(), translate("AuditPage", "Export the audit trail"),
                                           self.default_export_name(), "exportAuditDialog", self.export_to)
        return self.file_dialog

    def export_to(self, path: Path) -> bool:
        if self.access is None:
            return False
        try:
            path.write_bytes(self.access.audit_csv(self.query()))
        except Exception as error:
            log.warning("exporting the audit trail to %s failed: %s", path, error)
            self.status_message.emit(messages.error_text(error), theme.FAULT)
            return False
        self.status_message.emit(translate("AuditPage", "Audit trail saved to {path}").format(path=str(path)),
                                 theme.OK)
        return True
