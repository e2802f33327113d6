"""Reports and handover (for the manager): the shift or day report on screen, the handover (交班) that
ends the running shift, the report on the receipt printer or as CSV, and the journal's copies.

Nothing is read before the page is first shown. A report is a few quick journal reads; a copy of the
journal takes longer and is made on a worker thread.
"""

from __future__ import annotations

import logging
from datetime import UTC
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from cashier_app.domain.reports import DAY, SHIFT, Report
from cashier_app.ui import messages, theme
from cashier_app.ui.accessibility import accessible, name_from_labels
from cashier_app.ui.background import BackgroundRunner
from cashier_app.ui.desk_services import DeskServices
from cashier_app.ui.pages import Page, PageContext
from cashier_app.ui.report_view import report_html
from cashier_app.ui.rows import BackupStatus

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


class HandoverDialog(QDialog):
    """交班: a note for the next shift, and whether to print the report of the shift that ends."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("handoverDialog")
        self.setWindowTitle(translate("ReportsPage", "Hand over the shift"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        prompt = QLabel(translate("ReportsPage", "End the running shift now? Its report is kept, and the next "
                                                 "shift starts at once."))
        prompt.setWordWrap(True)
        layout.addWidget(prompt)
        self.note = QLineEdit()
        self.note.setObjectName("handoverNote")
        self.note.setPlaceholderText(translate("ReportsPage", "A note for the next shift (optional)"))
        layout.addWidget(self.note)
        self.print_it = QCheckBox(translate("ReportsPage", "Print the shift's report"))
        self.print_it.setObjectName("handoverPrint")
        self.print_it.setChecked(True)
        layout.addWidget(self.print_it)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText(translate("ReportsPage", "Hand over"))
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if cancel is not None:
            cancel.setText(translate("ReasonDialog", "Back"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.note.setFocus()


class ReportsPage(Page):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("reportsPage")
        self.desk: DeskServices | None = None
        try:
            self.desk = context.services.desk()
        except Exception as error:
            log.warning("reports are not available: %s", error)
        self._loaded = False
        self._report: Report | None = None
        self.handover_dialog: HandoverDialog | None = None
        self.file_dialog: QFileDialog | None = None
        self._runner = BackgroundRunner(self)

        self.heading = QLabel()
        self.heading.setObjectName("pageHeading")
        self.kind_box = QComboBox()
        self.kind_box.setObjectName("reportKind")
        self.kind_box.activated.connect(self._kind_changed)
        self.day_edit = QDateEdit()
        self.day_edit.setObjectName("reportDay")
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("yyyy-MM-dd")
        self.day_edit.dateChanged.connect(self._day_changed)
        self.shift_box = QComboBox()
        self.shift_box.setObjectName("reportShift")
        self.shift_box.activated.connect(lambda _index: self.show_report())
        self.operator_edit = QLineEdit()
        self.operator_edit.setObjectName("reportOperator")
        self.operator_edit.setMaximumWidth(100)
        self.operator_edit.setClearButtonEnabled(True)
        self.operator_edit.returnPressed.connect(self.show_report)
        self.operator_label = QLabel()
        self.operator_label.setBuddy(self.operator_edit)
        self.show_button = QPushButton()
        self.show_button.setObjectName("reportShow")
        self.show_button.clicked.connect(self.show_report)
        controls = QHBoxLayout()
        for widget in (self.kind_box, self.day_edit, self.shift_box, self.operator_label, self.operator_edit,
                       self.show_button):
            controls.addWidget(widget)
        controls.addStretch(1)

        self.view = QTextBrowser()
        self.view.setObjectName("reportView")
        self.view.setOpenLinks(False)

        self.handover_button = QPushButton()
        self.handover_button.setObjectName("handoverButton")
        self.handover_button.clicked.connect(self.ask_handover)
        self.print_button = QPushButton()
        self.print_button.setObjectName("reportPrint")
        self.print_button.clicked.connect(self.print_report)
        self.export_button = QPushButton()
        self.export_button.setObjectName("reportExport")
        self.export_button.clicked.connect(self.ask_export)
        actions = QHBoxLayout()
        actions.addWidget(self.handover_button)
        actions.addStretch(1)
        actions.addWidget(self.print_button)
        actions.addWidget(self.export_button)

        self.backup_frame = QFrame()
        self.backup_frame.setObjectName("backupFrame")
        self.backup_text = QLabel()
        self.backup_text.setObjectName("backupStatus")
        self.backup_text.setWordWrap(True)
        self.backup_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.backup_button = QPushButton()
        self.backup_button.setObjectName("backupNow")
        self.backup_button.clicked.connect(self.backup_now)
        backup_row = QHBoxLayout(self.backup_frame)
        backup_row.setContentsMargins(0, 0, 0, 0)
        backup_row.addWidget(self.backup_text, 1)
        backup_row.addWidget(self.backup_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addLayout(controls)
        layout.addWidget(self.view, 1)
        layout.addLayout(actions)
        layout.addWidget(self.backup_frame)
        self.retranslate()

    # --- Page ----------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            self.show_running_shift()
            self._show_backup_status()

    def show_running_shift(self) -> Report | None:
        """The shift running now (a night shift began the day before): the page's first look."""
        if self.desk is None:
            return None
        try:
            report = self.desk.report(SHIFT)
        except Exception as error:
            self._report_error(error)
            return None
        self._select(report)
        self._show(report)
        return report

    def _select(self, report: Report) -> None:
        """Set the controls to say which report is shown (without fetching it again)."""
        self.kind_box.setCurrentIndex(max(self.kind_box.findData(report.kind), 0))
        self.day_edit.blockSignals(True)
        self.day_edit.setDate(QDate(report.day.year, report.day.month, report.day.day))
        self.day_edit.blockSignals(False)
        self._fill_shifts()
        if report.shift is not None:
            self.shift_box.setCurrentIndex(max(self.shift_box.findData(report.shift.number), 0))

    def refresh(self) -> None:
        self._fill_shifts()
        self.show_report()
        self._show_backup_status()

    def shutdown(self) -> None:
        self._runner.cancel()

    def wait_stopped(self, timeout_ms: int = 10_000) -> bool:
        return self._runner.wait(timeout_ms)

    def retranslate(self) -> None:
        self.heading.setText(self.title())
        current = self.kind_box.currentData() or SHIFT
        self.kind_box.blockSignals(True)
        self.kind_box.clear()
        self.kind_box.addItem(translate("ReportsPage", "Shift report"), SHIFT)
        self.kind_box.addItem(translate("ReportsPage", "Day report"), DAY)
        self.kind_box.setCurrentIndex(max(self.kind_box.findData(current), 0))
        self.kind_box.blockSignals(False)
        self.operator_label.setText(translate("ReportsPage", "&Operator"))
        self.operator_edit.setPlaceholderText(translate("ReportsPage", "all"))
        self.show_button.setText(translate("ReportsPage", "Show (F5)"))
        self.handover_button.setText(translate("ReportsPage", "Hand over the shift (交班)…"))
        self.print_button.setText(translate("ReportsPage", "Print"))
        self.export_button.setText(translate("ReportsPage", "Export CSV…"))
        self.backup_button.setText(translate("ReportsPage", "Back up the journal now"))
        accessible(self.kind_box, translate("ReportsPage", "Shift or day report"))
        accessible(self.day_edit, translate("ReportsPage", "Day of the report"))
        accessible(self.shift_box, translate("ReportsPage", "Shift"))
        accessible(self.view, translate("ReportsPage", "The report"))
        name_from_labels(self)
        if self._loaded:
            self._fill_shifts()
            self._show(self._report)
            self._show_backup_status()

    # --- which report --------------------------------------------------------------------------
    def kind(self) -> str:
        return str(self.kind_box.currentData() or SHIFT)

    def day(self) -> str:
        return self.day_edit.date().toString(Qt.DateFormat.ISODate)

    def _kind_changed(self) -> None:
        self.shift_box.setVisible(self.kind() == SHIFT)
        self.show_report()

    def _day_changed(self) -> None:
        self._fill_shifts()
        self.show_report()

    def _fill_shifts(self) -> None:
        if self.desk is None:
            return
        try:
            shifts = self.desk.shifts(self.day())
        except Exception as error:
            self._report_error(error)
            shifts = []
        self.shift_box.clear()
        for shift in shifts:
            if shift.running:
                text = translate("ReportsPage", "Shift {number}: {start} – now").format(
                    number=shift.number, start=shift.start_local)
            else:
                text = translate("ReportsPage", "Shift {number}: {start} – {end}").format(
                    number=shift.number, start=shift.start_local, end=shift.end_local)
            self.shift_box.addItem(text, shift.number)
        self.shift_box.setCurrentIndex(self.shift_box.count() - 1)
        self.shift_box.setVisible(self.kind() == SHIFT)

    def show_report(self) -> Report | None:
        """Fetch the chosen report and show it."""
        if self.desk is None:
            return None
        shift = self.shift_box.currentData()
        if self.kind() == SHIFT and shift is None:
            self._show(None)
            self.view.setHtml("<p>" + escape(translate("ReportsPage", "No shift has started on this day.")) + "</p>")
            return None
        try:
            report = self.desk.report(self.kind(), self.day(), shift if isinstance(shift, int) else None,
                                      self.operator_edit.text())
        except Exception as error:
            self._report_error(error)
            self._show(None)
            self.view.setHtml("<p>" + escape(messages.error_text(error)) + "</p>")
            return None
        self._show(report)
        return report

    def report(self) -> Report | None:
        return self._report

    def _show(self, report: Report | None) -> None:
        self._report = report
        if report is not None:
            self.view.setHtml(report_html(report, report.start.tzinfo or UTC))
        self.print_button.setEnabled(report is not None)
        self.export_button.setEnabled(report is not None)

    # --- handover, paper, CSV ------------------------------------------------------------------
    def ask_handover(self) -> HandoverDialog:
        dialog = HandoverDialog(self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.hand_over(dialog.note.text().strip(), dialog.print_it.isChecked()))
        self.handover_dialog = dialog
        dialog.open()
        return dialog

    def hand_over(self, note: str, print_it: bool) -> Report | None:
        """交班: the running shift ends now; its report is shown (and printed when asked)."""
        if self.desk is None:
            return None
        try:
            report = self.desk.hand_over(note)
        except Exception as error:
            self._report_error(error)
            return None
        self._select(report)
        self._show(report)
        assert report.shift is not None
        self.status_message.emit(translate("ReportsPage", "Shift {number} handed over; the next shift has begun.")
                                 .format(number=report.shift.number), theme.OK)
        if print_it:
            self.print_report()
        return report

    def print_report(self) -> bool:
        if self.desk is None or self._report is None:
            return False
        try:
            self.desk.print_report(self._report)
        except Exception as error:
            self._report_error(error)
            return False
        self.status_message.emit(translate("ReportsPage", "The report is on its way to the printer."), theme.INFO)
        return True

    def default_export_name(self) -> str:
        report = self._report
        if report is None:
            return "report.csv"
        if report.shift is not None:
            return f"shift-{report.day:%Y%m%d}-{report.shift.number}.csv"
        return f"day-{report.day:%Y%m%d}.csv"

    def ask_export(self) -> QFileDialog:
        dialog = QFileDialog(self.window(), translate("ReportsPage", "Export the report"))
        dialog.setObjectName("exportReportDialog")
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
        if self.desk is None or self._report is None:
            return False
        try:
            path.write_bytes(self.desk.report_csv(self._report))
        except Exception as error:
            log.warning("exporting the report to %s failed: %s", path, error)
            self._report_error(error)
            return False
        self.status_message.emit(translate("ReportsPage", "Report saved to {path}").format(path=str(path)), theme.OK)
        return True

    # --- the journal's copies ------------------------------------------------------------------
    def _show_backup_status(self, status: BackupStatus | None = None) -> None:
        if self.desk is None:
            self.backup_frame.setVisible(False)
            return
        try:
            status = status or self.desk.backup_status()
        except Exception as error:
            self.backup_text.setText(messages.error_text(error))
            return
        if status.last_copy is None:
            text = translate("ReportsPage", "No copy of the journal yet in {folder}.").format(folder=status.folder)
        else:
            text = translate("ReportsPage", "Last copy of the journal: {at} ({size} MB); {copies} of {keep} kept in "
                                            "{folder}.").format(at=status.last_copy_at_local, size=status.size_mb,
                                                                copies=status.copies, keep=status.keep,
                                                                folder=status.folder)
        self.backup_text.setText(text)

    def backup_now(self) -> None:
        if self.desk is None or self._runner.is_busy():
            return
        desk = self.desk
        self.backup_button.setEnabled(False)
        self.backup_text.setText(translate("ReportsPage", "Copying the journal…"))
        self._runner.run(desk.backup_now, success=self._backed_up, failure=self._backup_failed)

    def _backed_up(self, status: BackupStatus) -> None:
        self.backup_button.setEnabled(True)
        self._show_backup_status(status)
        self.status_message.emit(translate("ReportsPage", "The journal was copied to {path}.").format(
            path=status.last_copy or status.folder), theme.OK)

    def _backup_failed(self, error: BaseException) -> None:
        self.backup_button.setEnabled(True)
        self._show_backup_status()
        self._report_error(error)

    def _report_error(self, error: BaseException) -> None:
        self.status_message.emit(messages.error_text(error), theme.FAULT)
