"""The technician's bench in the window (the technician role when sign-in is on, F8):

- Diagnosis: the checks of `cashier-app diagnose`, live (again every half minute while the page is
  shown), each fault in plain words with what to do; and the diagnostic bundle.
- Files: the `cashier-app files` report: which folder, when, which template, what was refused.
- Print queue: the held jobs with their cause, retried from here; a test receipt through the queue.
- Sniffer: the virtual printer between the till and the real printer (ui/sniffer_panel.py).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QBrush, QColor, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cashier_app.domain.money import format_fen
from cashier_app.ui import messages, theme
from cashier_app.ui.accessibility import accessible
from cashier_app.ui.appearance import styled
from cashier_app.ui.background import BackgroundRunner
from cashier_app.ui.i18n import current_language
from cashier_app.ui.pages import Page, PageContext
from cashier_app.ui.rows import JOB_HELD, JobRow
from cashier_app.ui.sniffer_panel import SnifferPanel
from cashier_app.ui.technician_rows import DiagnosisRow, FilesRow, TechnicianServices

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

LIVE_EVERY_MS = 30_000
_OUTCOME_SEVERITY = {"ok": theme.OK, "warning": theme.ATTENTION, "fault": theme.FAULT}


def _table(columns: int, name: str) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.setObjectName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(True)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _cell(text: str, severity: str | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setToolTip(text)
    if severity is not None:
        item.setForeground(QBrush(QColor(theme.FOREGROUND[severity])))
        item.setBackground(QBrush(QColor(theme.BACKGROUND[severity])))
    return item


class TechnicianPage(Page):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("technicianPage")
        technician = context.services.technician_services()
        if technician is None:
            raise RuntimeError("this app has no technician services")
        self.technician: TechnicianServices = technician
        self._runner = BackgroundRunner(parent=self)
        self._files_runner = BackgroundRunner(parent=self)
        self._stopped = False
        self.diagnosis: DiagnosisRow | None = None
        self.files: FilesRow | None = None
        self.held: list[JobRow] = []
        self._live = QTimer(self)
        self._live.setInterval(LIVE_EVERY_MS)
        self._live.timeout.connect(self.run_checks)

        self.heading = QLabel()
        self.heading.setObjectName("pageHeading")
        self.sections = QTabWidget()
        self.sections.setObjectName("technicianSections")

        # -- diagnosis ----------------------------------------------------------------------
        self.diagnosis_panel = QWidget()
        self.check_button = QPushButton()
        self.check_button.setObjectName("technicianCheck")
        self.bundle_button = QPushButton()
        self.bundle_button.setObjectName("technicianBundle")
        self.diagnosis_state = QLabel()
        self.diagnosis_state.setObjectName("technicianDiagnosisState")
        self.diagnosis_state.setWordWrap(True)
        self.checks = _table(3, "technicianChecks")
        row = QHBoxLayout()
        row.addWidget(self.check_button)
        row.addWidget(self.bundle_button)
        row.addStretch(1)
        column = QVBoxLayout(self.diagnosis_panel)
        column.addLayout(row)
        column.addWidget(self.diagnosis_state)
        column.addWidget(self.checks, 1)

        # -- files --------------------------------------------------------------------------
        self.files_panel = QWidget()
        self.files_button = QPushButton()
        self.files_button.setObjectName("technicianFilesRefresh")
        self.files_headline = QLabel()
        self.files_headline.setObjectName("technicianFilesHeadline")
        self.files_headline.setWordWrap(True)
        self.versions = _table(5, "technicianVersions")
        row = QHBoxLayout()
        row.addWidget(self.files_button)
        row.addStretch(1)
        column = QVBoxLayout(self.files_panel)
        column.addLayout(row)
        column.addWidget(self.files_headline)
        column.addWidget(self.versions, 1)

        # -- print queue ----------------------------------------------------------------------
        self.queue_panel = QWidget()
        self.jobs = _table(4, "technicianHeldJobs")
        self.retry_button = QPushButton()
        self.retry_button.setObjectName("technicianRetry")
        self.printer = QComboBox()
        self.printer.setObjectName("technicianTestPrinter")
        self.test_button = QPushButton()
        self.test_button.setObjectName("technicianTestPage")
        self.queue_state = QLabel()
        self.queue_state.setObjectName("technicianQueueState")
        self.queue_state.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.retry_button)
        row.addStretch(1)
        row.addWidget(self.printer)
        row.addWidget(self.test_button)
        column = QVBoxLayout(self.queue_panel)
        column.addWidget(self.jobs, 1)
        column.addLayout(row)
        column.addWidget(self.queue_state)

        # -- sniffer --------------------------------------------------------------------------
        self.sniffer = SnifferPanel(self.technician)
        self.sniffer.status_message.connect(self.status_message)

        for panel in (self.diagnosis_panel, self.files_panel, self.queue_panel, self.sniffer):
            self.sections.addTab(panel, "")
        page = QVBoxLayout(self)
        page.setContentsMargins(24, 16, 24, 16)
        page.addWidget(self.heading)
        page.addWidget(self.sections, 1)

        self.check_button.clicked.connect(self.run_checks)
        self.bundle_button.clicked.connect(self.save_bundle)
        self.files_button.clicked.connect(self.load_files)
        self.retry_button.clicked.connect(self.retry_selected)
        self.test_button.clicked.connect(self.print_test_page)
        self.jobs.itemSelectionChanged.connect(self._update_buttons)
        self._runner.busy_changed.connect(self._busy)
        context.bridge.print_job_changed.connect(lambda _job: self.load_held())
        # A file the till writes shows in the file activity as it is taken, while that section is open.
        context.bridge.receipt_added.connect(self._file_taken)
        context.bridge.file_refused.connect(self._file_taken)
        self.sections.currentChanged.connect(self._section_shown)
        for first, second in ((self.check_button, self.bundle_button), (self.bundle_button, self.checks),
                              (self.files_button, self.versions), (self.jobs, self.retry_button),
                              (self.retry_button, self.printer), (self.printer, self.test_button)):
            QWidget.setTabOrder(first, second)
        try:
            self.printer.addItems(self.technician.printer_names())
        except Exception as error:
            log.warning("technician page: printers not listed: %s", error)
        self.load_held()
        self.retranslate()


    # -- diagnosis --------------------------------------------------------------------------------
    def run_checks(self) -> None:
        if self._stopped or self._runner.is_busy():
            return
        self.diagnosis_state.setText(translate("TechnicianPage", "Checking the configuration, folders, journal, "
                                                                 "printers, platform and clock…"))
        self._runner.run(self.technician.diagnose, success=self._diagnosed, failure=self._failed)

    def _diagnosed(self, result: object) -> None:
        assert isinstance(result, DiagnosisRow)
        self.diagnosis = result
        self._show_diagnosis()

    def _show_diagnosis(self) -> None:
        result = self.diagnosis
        if result is None:
            return
        chinese = current_language() == "zh_CN"
        faults = sum(1 for c in result.checks if c.outcome == "fault")
        warnings = sum(1 for c in result.checks if c.outcome == "warning")
        self.diagnosis_state.setText(translate("TechnicianPage", "Checked at {time}: {faults} fault(s), {warnings} "
                                                                 "to look at, the rest fine. Again every 30 s while "
                                                                 "this page is shown.")
                                     .format(time=result.checked_at, faults=faults, warnings=warnings))
        styled(self.diagnosis_state, f"color: {theme.FOREGROUND[_OUTCOME_SEVERITY[result.outcome]]};")
        # Faults first, then what to look at: the technician reads from the top.
        order = {"fault": 0, "warning": 1, "ok": 2}
        checks = sorted(result.checks, key=lambda c: order.get(c.outcome, 3))
        self.checks.setRowCount(len(checks))
        for index, check in enumerate(checks):
            severity = _OUTCOME_SEVERITY.get(check.outcome, theme.INFO)
            words = check.summary_zh if chinese else check.message
            hint = (check.hint_zh or check.hint) if chinese else check.hint
            described = _cell(f"{(check.title_zh or check.title) if chinese else check.title}\n{words}")
            described.setToolTip(check.message)
            self.checks.setItem(index, 0, _cell(messages.diagnosis_outcome_text(check.outcome), severity))
            self.checks.setItem(index, 1, described)
            self.checks.setItem(index, 2, _cell(hint))
        self.checks.resizeRowsToContents()

    def save_bundle(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, translate("TechnicianPage", "Save the diagnostic bundle"),
                                              "cashier-app-diagnosis.zip", "ZIP (*.zip)")
        if path:
            self.write_bundle(path)

    def write_bundle(self, path: str) -> None:
        self.diagnosis_state.setText(translate("TechnicianPage", "Writing the bundle…"))
        self._runner.run(lambda: self.technician.write_bundle(path),
                         success=lambda count: self._tell(translate(
                             "TechnicianPage", "The bundle is saved: {path} ({count} files, no key in it).").format(
                                 path=path, count=count), theme.OK, self.diagnosis_state),
                         failure=self._failed)

    # -- files ----------------------------------------------------------------------------------
    def load_files(self) -> None:
        if self._stopped:
            return
        self._files_runner.run(self.technician.file_activity, success=self._files_loaded, failure=self._failed)

    def _files_loaded(self, result: object) -> None:
        assert isinstance(result, FilesRow)
        self.files = result
        self._show_files()

    def _show_files(self) -> None:
        result = self.files
        if result is None:
            return
        chinese = current_language() == "zh_CN"
        lines = [result.headline_zh if chinese else result.headline_en]
        for folder in result.folders:
            if folder.problem:
                lines.append(f"⚠ {folder.problem}")
        self.files_headline.setText("\n".join(lines))
        unusable = any(not f.exists or not f.readable for f in result.folders) or not result.folders
        styled(self.files_headline, f"color: {theme.FOREGROUND[theme.FAULT if unusable else theme.INFO]};")
        self.versions.setRowCount(len(result.versions))
        for index, version in enumerate(result.versions):
            if version.outcome == "refused":
                what = translate("TechnicianPage", "refused: {reason}").format(
                    reason=messages.refusal_text(version.refusal or ""))
                severity: str | None = theme.ATTENTION
            elif version.outcome == "duplicate":
                what, severity = translate("TechnicianPage", "the same bytes again (not printed twice)"), None
            else:
                what, severity = translate("TechnicianPage", "receipt"), None
            taken = _cell(what, severity)
            taken.setToolTip(version.detail)
            self.versions.setItem(index, 0, _cell(version.written_at))
            self.versions.setItem(index, 1, _cell(f"{version.folder}\n{version.name}"))
            self.versions.setItem(index, 2, taken)
            self.versions.setItem(index, 3, _cell(messages.template_text(version.template) if version.template
                                                  else "—"))
            self.versions.setItem(index, 4, _cell(version.out_trade_no or "—"))
        self.versions.resizeRowsToContents()

    # -- print queue ------------------------------------------------------------------------------
    def load_held(self) -> None:
        try:
            self.held = [job for job in self.context.services.held_jobs() if job.state == JOB_HELD]
        except Exception as error:
            log.warning("technician page: held jobs not read: %s", error)
            self.held = []
        self.jobs.setRowCount(len(self.held))
        for index, job in enumerate(self.held):
            cause = messages.printer_state(job.reason or "unknown")
            self.jobs.setItem(index, 0, _cell(f"#{job.job_id} {job.created_at_local}"))
            self.jobs.setItem(index, 1, _cell(job.printer))
            order = job.out_trade_no or "—"
            amount = f" {format_fen(job.amount_fen)}" if job.amount_fen is not None else ""
            self.jobs.setItem(index, 2, _cell(f"{order}{amount}"))
            self.jobs.setItem(index, 3, _cell(f"{messages.tr(cause.source)} — {job.detail}", cause.severity))
        self.jobs.resizeRowsToContents()
        self._update_buttons()

    def retry_selected(self) -> None:
        rows = self.jobs.selectionModel().selectedRows()
        if not rows or not 0 <= rows[0].row() < len(self.held):
            return
        job = self.held[rows[0].row()]
        try:
            self.context.services.retry_job(job.job_id)
        except Exception as error:
            self._tell(messages.error_text(error), theme.FAULT, self.queue_state)
            return
        self._tell(translate("TechnicianPage", "Job #{job} is tried again now.").format(job=job.job_id), theme.INFO,
                   self.queue_state)

    def print_test_page(self) -> None:
        printer = self.printer.currentText()
        if not printer:
            return
        try:
            job_id = self.technician.print_test_page(printer)
        except Exception as error:
            self._tell(messages.error_text(error), theme.FAULT, self.queue_state)
            return
        self._tell(translate("TechnicianPage", "The test receipt is queued for {printer} as job #{job}; it prints "
                                               "after the receipts before it.").format(printer=printer, job=job_id),
                   theme.OK, self.queue_state)

    def _update_buttons(self) -> None:
        self.retry_button.setEnabled(bool(self.jobs.selectionModel().selectedRows()))

    # -- common -----------------------------------------------------------------------------------
    def _busy(self, busy: bool) -> None:
        self.check_button.setEnabled(not busy)
        self.bundle_button.setEnabled(not busy)

    def _failed(self, error: BaseException) -> None:
        log.warning("technician page: %s", error)
        self._tell(translate("TechnicianPage", "Failed: {error}").format(error=messages.error_text(error)),
                   theme.FAULT, self.diagnosis_state)

    def _tell(self, text: str, severity: str, label: QLabel) -> None:
        label.setText(text)
        styled(label, f"color: {theme.FOREGROUND[severity]};")
        self.status_message.emit(text, severity)

    def _file_taken(self, _row: object) -> None:
        if self.isVisible() and self.sections.currentWidget() is self.files_panel:
            self.load_files()

    def _section_shown(self, index: int) -> None:
        if self.sections.widget(index) is self.files_panel:
            self.load_files()

    def refresh(self) -> None:
        self.run_checks()
        self.load_files()
        self.load_held()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._stopped:
            self.refresh()
            self._live.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self._live.stop()
        super().hideEvent(event)

    def shutdown(self) -> None:
        self._stopped = True
        self._live.stop()
        self.sniffer.stop()
        self._runner.cancel()
        self._files_runner.cancel()

    def wait_stopped(self, timeout_ms: int = 10_000) -> bool:
        return self._runner.wait(timeout_ms) and self._files_runner.wait(timeout_ms)

    def wait_idle(self, timeout_ms: int = 10_000) -> bool:
        return self.wait_stopped(timeout_ms)

    def retranslate(self) -> None:
        self.heading.setText(translate("TechnicianPage", "Technician's bench"))
        for index, name in enumerate((translate("TechnicianPage", "&Diagnosis"), translate("TechnicianPage", "&Files"),
                                      translate("TechnicianPage", "Print &queue"),
                                      translate("TechnicianPage", "S&niffer"))):
            self.sections.setTabText(index, name)
        self.check_button.setText(translate("TechnicianPage", "&Check now"))
        self.bundle_button.setText(translate("TechnicianPage", "Save diagnostic &bundle…"))
        self.checks.setHorizontalHeaderLabels([translate("TechnicianPage", "State"),
                                               translate("TechnicianPage", "Check"),
                                               translate("TechnicianPage", "What to do")])
        self.files_button.setText(translate("TechnicianPage", "&Read again"))
        self.versions.setHorizontalHeaderLabels([translate("TechnicianPage", "Written"),
                                                 translate("TechnicianPage", "Folder and file"),
                                                 translate("TechnicianPage", "Taken as"),
                                                 translate("TechnicianPage", "Template"),
                                                 translate("TechnicianPage", "Order")])
        self.jobs.setHorizontalHeaderLabels([translate("TechnicianPage", "Job"), translate("TechnicianPage", "Printer"),
                                             translate("TechnicianPage", "Order"),
                                             translate("TechnicianPage", "Why it waits")])
        self.retry_button.setText(translate("TechnicianPage", "&Retry now"))
        self.test_button.setText(translate("TechnicianPage", "Print a &test receipt"))
        accessible(self.sections, translate("TechnicianPage", "Technician's tools"))
        accessible(self.check_button, translate("TechnicianPage", "Run the checks now"))
        accessible(self.bundle_button, translate("TechnicianPage", "Save a diagnostic bundle for support"),
                   translate("TechnicianPage", "Report, configuration, logs, jobs and open cases; never the key"))
        accessible(self.diagnosis_state, translate("TechnicianPage", "When the checks ran and what they found"))
        accessible(self.checks, translate("TechnicianPage", "The checks, faults first, with what to do"))
        accessible(self.files_button, translate("TechnicianPage", "Read the file activity again"))
        accessible(self.files_headline, translate("TechnicianPage", "Was print.txt written, and when"))
        accessible(self.versions, translate("TechnicianPage", "The files the till wrote, newest first"))
        accessible(self.jobs, translate("TechnicianPage", "Print jobs held by a printer fault"))
        accessible(self.retry_button, translate("TechnicianPage", "Retry the selected held job now"))
        accessible(self.printer, translate("TechnicianPage", "Printer for the test receipt"))
        accessible(self.test_button, translate("TechnicianPage", "Print a test receipt through the print queue"))
        accessible(self.queue_state, translate("TechnicianPage", "What the print queue did"))
        accessible(self.heading, self.heading.text())
        self.sniffer.retranslate()
        self._show_diagnosis()
        self._show_files()
        self.load_held()
