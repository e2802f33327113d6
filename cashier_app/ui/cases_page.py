"""The cases page (for the manager): the day's exception cases and the open ones, their counts per kind,
filters, the timeline of one case, closing it, and a CSV export for the head office."""

from __future__ import annotations

import itertools
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cashier_app.ui import messages, theme
from cashier_app.ui.accessibility import accessible
from cashier_app.ui.appearance import styled
from cashier_app.ui.case_dialog import CaseDialog
from cashier_app.ui.cases_model import COL_ORDER, COL_RESULT, CasesModel
from cashier_app.ui.pages import Page, PageContext
from cashier_app.ui.rows import CASE_CLOSED, CASE_OPEN, CaseQuery, CaseRow
from cashier_app.ui.state_delegate import StatePillDelegate

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

# Status filter choices: (data, source text).
_ALL = ""


class CasesTable(QTableView):
    """Enter opens the selected case, as a double-click does."""

    def __init__(self, page: CasesPage) -> None:
        super().__init__(page)
        self._page = page

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._page.open_selected()
            return
        super().keyPressEvent(event)


class CasesPage(Page):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("casesPage")
        self.model = CasesModel(self)
        self.dialog: CaseDialog | None = None
        self.file_dialog: QFileDialog | None = None
        self._counts: dict[str, int] = {}

        self.heading = QLabel()
        self.heading.setObjectName("pageHeading")
        self.counts_label = QLabel()
        self.counts_label.setObjectName("caseCounts")
        self.counts_label.setWordWrap(True)
        self.training_note = QLabel()
        self.training_note.setObjectName("trainingNote")
        styled(self.training_note, "color: #6a1b9a; font-weight: bold;")
        self.training_note.setVisible(self._training())

        self.day_label = QLabel()
        self.day_edit = QDateEdit()
        self.day_edit.setObjectName("caseDay")
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("yyyy-MM-dd")
        self.day_edit.setDate(self._today())
        self.kind_label = QLabel()
        self.kind_box = QComboBox()
        self.kind_box.setObjectName("caseKindFilter")
        self.kind_box.addItem("", _ALL)
        for code in messages.CASE_KINDS:
            self.kind_box.addItem("", code)
        self.status_label = QLabel()
        self.status_box = QComboBox()
        self.status_box.setObjectName("caseStatusFilter")
        for code in (_ALL, CASE_OPEN, CASE_CLOSED):
            self.status_box.addItem("", code)
        self.open_any_day = QCheckBox()
        self.open_any_day.setObjectName("openOfAnyDay")
        self.open_any_day.setChecked(True)
        filters = QHBoxLayout()
        filters.setSpacing(10)
        for widget in (self.day_label, self.day_edit, self.kind_label, self.kind_box, self.status_label,
                       self.status_box, self.open_any_day):
            filters.addWidget(widget)
        filters.addStretch(1)

        self.table = CasesTable(self)
        self.table.setObjectName("casesTable")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(COL_RESULT, StatePillDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(42)
        horizontal = self.table.horizontalHeader()
        horizontal.setHighlightSections(False)
        horizontal.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        horizontal.setSectionResizeMode(COL_ORDER, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._open_index)

        self.empty = QLabel()
        self.empty.setObjectName("emptyHint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.open_button = QPushButton()
        self.open_button.setObjectName("openCaseButton")
        self.open_button.clicked.connect(self.open_selected)
        self.export_button = QPushButton()
        self.export_button.setObjectName("exportCasesButton")
        self.export_button.clicked.connect(self.ask_export)
        self.refresh_button = QPushButton()
        self.refresh_button.setObjectName("refreshCasesButton")
        self.refresh_button.clicked.connect(self.refresh)
        actions = QHBoxLayout()
        actions.addWidget(self.open_button)
        actions.addWidget(self.export_button)
        actions.addStretch(1)
        actions.addWidget(self.refresh_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addWidget(self.training_note)
        top.addStretch(1)
        layout.addLayout(top)
        layout.addWidget(self.counts_label)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(actions)

        self.day_edit.dateChanged.connect(self.refresh)
        self.kind_box.currentIndexChanged.connect(self.refresh)
        self.status_box.currentIndexChanged.connect(self.refresh)
        self.open_any_day.toggled.connect(self.refresh)
        context.bridge.notice.connect(self._on_notice)

        # Tab as the page reads: the filters left to right, the list, then its buttons.
        chain = [self.day_edit, self.kind_box, self.status_box, self.open_any_day, self.table, self.open_button,
                 self.export_button, self.refresh_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.retranslate()
        self.refresh()

    # --- Page ---------------------------------------------------------------------------------

    def refresh(self) -> None:
        selected = self.selected_case()
        query = self.query()
        try:
            rows = self.context.services.cases(query)
            self._counts = self.context.services.case_counts(self.day())
        except Exception as error:
            log.warning("loading cases failed: %s", error)
            self.status_message.emit(messages.error_text(error), theme.FAULT)
            return
        self.model.set_cases(rows)
        self._render_counts()
        self.empty.setVisible(not rows)
        self.open_button.setEnabled(bool(rows))
        if selected is not None:
            self.select_case(selected.case_id)

    def retranslate(self) -> None:
        self.heading.setText(self.title())
        self.training_note.setText(translate("CasesPage", "Training cases"))
        self.day_label.setText(translate("CasesPage", "Day"))
        self.kind_label.setText(translate("CasesPage", "Kind"))
        self.status_label.setText(translate("CasesPage", "Status"))
        for index in range(self.kind_box.count()):
            code = str(self.kind_box.itemData(index))
            text = translate("CasesPage", "All kinds") if code == _ALL else messages.case_kind_text(code)
            self.kind_box.setItemText(index, text)
        for index in range(self.status_box.count()):
            code = str(self.status_box.itemData(index))
            text = translate("CasesPage", "Open and closed") if code == _ALL else messages.case_status_text(code)
            self.status_box.setItemText(index, text)
        self.open_any_day.setText(translate("CasesPage", "Also open cases of other days"))
        self.empty.setText(translate("CasesPage", "No cases for this choice."))
        self.open_button.setText(translate("CasesPage", "Open case (Enter)"))
        self.export_button.setText(translate("CasesPage", "Export CSV…"))
        self.refresh_button.setText(translate("CasesPage", "Refresh (F5)"))
        accessible(self.day_edit, translate("CasesPage", "Day"),
                   translate("CasesPage", "The day whose cases are listed"))
        accessible(self.kind_box, translate("CasesPage", "Kind of case"))
        accessible(self.status_box, translate("CasesPage", "Open or closed"))
        accessible(self.open_any_day, translate("CasesPage", "Also open cases of other days"))
        accessible(self.table, translate("CasesPage", "Cases"),
                   translate("CasesPage", "Open cases first, newest first; Enter opens the selected case"))
        accessible(self.open_button, translate("CasesPage", "Open the selected case"))
        accessible(self.export_button, translate("CasesPage", "Export the listed cases as CSV"))
        accessible(self.refresh_button, translate("CasesPage", "Refresh the list"))
        accessible(self.counts_label, translate("CasesPage", "Cases of the day by kind"))
        self.model.retranslate()
        self._render_counts()

    def showEvent(self, event: QShowEvent) -> None:
        # Cases are opened by lookups and by reconciliation while the page is hidden: fresh on every look.
        super().showEvent(event)
        self.refresh()

    # --- filters ------------------------------------------------------------------------------
    def day(self) -> str:
        return str(self.day_edit.date().toString(Qt.DateFormat.ISODate))

    def set_day(self, day: str) -> None:
        self.day_edit.setDate(QDate.fromString(day, Qt.DateFormat.ISODate))

    def set_kind(self, kind: str | None) -> None:
        self.kind_box.setCurrentIndex(max(0, self.kind_box.findData(kind or _ALL)))

    def set_status(self, status: str | None) -> None:
        self.status_box.setCurrentIndex(max(0, self.status_box.findData(status or _ALL)))

    def query(self) -> CaseQuery:
        kind = str(self.kind_box.currentData() or "") or None
        status = str(self.status_box.currentData() or "") or None
        return CaseQuery(day=self.day(), kind=kind, status=status,
                         with_open_of_any_day=self.open_any_day.isChecked())

    def kind_counts(self) -> dict[str, int]:
        return dict(self._counts)

    def _render_counts(self) -> None:
        total = sum(self._counts.values())
        if not total:
            self.counts_label.setText(translate("CasesPage", "{day}: no cases").format(day=self.day()))
            return
        parts = [f"{messages.case_kind_text(kind)} {count}" for kind, count in
                 sorted(self._counts.items(), key=lambda item: (-item[1], item[0]))]
        self.counts_label.setText(
            translate("CasesPage", "{day}: {total} cases — {parts}").format(
                day=self.day(), total=total, parts="  ·  ".join(parts))
        )

    # --- cases --------------------------------------------------------------------------------
    def selected_case(self) -> CaseRow | None:
        selection = self.table.selectionModel()
        rows = selection.selectedRows() if selection is not None else []
        return self.model.row_at(rows[0].row()) if rows else None

    def select_case(self, case_id: int) -> bool:
        position = self.model.position_of(case_id)
        if position is None:
            return False
        index = self.model.index(position, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.scrollTo(index)
        return True

    def open_selected(self) -> CaseDialog | None:
        row = self.selected_case()
        if row is None:
            self.status_message.emit(translate("CasesPage", "Select a case in the table first."), theme.INFO)
            return None
        return self.open_case(row.case_id)

    def open_case(self, case_id: int) -> CaseDialog | None:
        """The case's dialog: its timeline, and closing it."""
        try:
            case = self.context.services.case(case_id)
        except Exception as error:
            log.warning("loading case %s failed: %s", case_id, error)
            self.status_message.emit(messages.error_text(error), theme.FAULT)
            return None
        if case is None:
            self.refresh()
            return None
        dialog = CaseDialog(self.context.services, case, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.case_closed.connect(self._case_closed)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _open_index(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row is not None:
            self.open_case(row.case_id)

    def _case_closed(self, case: CaseRow) -> None:
        self.refresh()
        self.cases_changed.emit()
        self.status_message.emit(
            translate("CasesPage", "Case {id} closed: {result}").format(
                id=case.case_id, result=messages.case_result_text(case.result)),
            theme.OK,
        )

    def _on_notice(self, code: str, _params: Any) -> None:
        if code in ("case_opened", "case_updated", "escalation_overdue"):
            self.refresh()

    # --- export -------------------------------------------------------------------------------
    def default_export_name(self) -> str:
        return f"cases-{self.day().replace('-', '')}.csv"

    def ask_export(self) -> QFileDialog:
        """Ask where to save the CSV (default name cases-YYYYMMDD.csv), then write it."""
        dialog = QFileDialog(self.window(), translate("CasesPage", "Export cases"))
        dialog.setObjectName("exportCasesDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setNameFilter(translate("CasesPage", "CSV files (*.csv)"))
        dialog.setDefaultSuffix("csv")
        dialog.setDirectory(str(Path.home()))
        dialog.selectFile(self.default_export_name())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda path: self.export_to(Path(path)))
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def export_to(self, path: Path) -> bool:
        """Write the listed cases (as filtered) to `path`, UTF-8 with a BOM."""
        try:
            data = self.context.services.cases_csv(self.query())
            path.write_bytes(data)
        except Exception as error:
            log.warning("exporting cases to %s failed: %s", path, error)
            self.status_message.emit(messages.error_text(error), theme.FAULT)
            return False
        self.status_message.emit(translate("CasesPage", "Cases saved to {path}").format(path=str(path)), theme.OK)
        return True

    # --- helpers ------------------------------------------------------------------------------
    def _today(self) -> QDate:
        try:
            return QDate.fromString(self.context.services.today(), Qt.DateFormat.ISODate)
        except Exception as error:
            log.warning("asking for today's date failed: %s", error)
            return QDate.currentDate()

    def _training(self) -> bool:
        try:
            return bool(self.context.services.training())
        except Exception:
            return False
