"""The "held print jobs" banner: shown while the printer cannot take jobs; retry, cancel (with a reason), or,
when the store has more than one printer, send a job to another configured printer."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from cashier_app.domain.access import ProtectedAction
from cashier_app.domain.money import format_fen
from cashier_app.ui import messages
from cashier_app.ui.accessibility import accessible
from cashier_app.ui.manager_pin import ManagerPinDialog, run_protected
from cashier_app.ui.printer_choice_dialog import PrinterChoiceDialog
from cashier_app.ui.reason_dialog import ReasonDialog, cancel_presets
from cashier_app.ui.rows import JOB_HELD, JobRow
from cashier_app.ui.services import UiServices

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

# A cashier needs the first few; the rest are counted.
MAX_LINES = 3

ErrorReporter = Callable[[BaseException], None]


class _JobLine(QWidget):
    def __init__(self, job: JobRow, banner: HeldJobsBanner, other_printers: list[str]) -> None:
        super().__init__(banner)
        self.job = job
        self.other_printers = other_printers
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.label.setObjectName("heldJobText")
        self.retry_button = QPushButton()
        self.retry_button.setObjectName("retryJobButton")
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancelJobButton")
        self.move_button = QPushButton()
        self.move_button.setObjectName("moveJobButton")
        self.move_button.setVisible(bool(other_printers))  # one printer: nowhere else to send it
        self.retry_button.clicked.connect(lambda: banner.retry(job.job_id))
        self.move_button.clicked.connect(lambda: banner.ask_move(job.job_id))
        self.cancel_button.clicked.connect(lambda: banner.ask_cancel(job.job_id))
        layout.addWidget(self.label, 1)
        layout.addWidget(self.retry_button)
        layout.addWidget(self.move_button)
        layout.addWidget(self.cancel_button)
        self.retranslate()

    def retranslate(self) -> None:
        job = self.job
        order = job.out_trade_no or translate("HeldJobsBanner", "job {id}").format(id=job.job_id)
        text = translate("HeldJobsBanner", "Order {order}").format(order=order)
        if job.amount_fen is not None:
            text += "  " + format_fen(job.amount_fen)
        if job.is_reprint:
            text += "  " + translate("HeldJobsBanner", "(reprint)")
        self.label.setText(text)
        self.label.setToolTip(job.detail)
        self.retry_button.setText(translate("HeldJobsBanner", "Retry"))
        self.move_button.setText(translate("HeldJobsBanner", "Other printer…"))
        self.move_button.setToolTip(translate("HeldJobsBanner", "Print this receipt on another printer of the store"))
        self.cancel_button.setText(translate("HeldJobsBanner", "Cancel…"))
        accessible(self.retry_button, translate("HeldJobsBanner", "Retry printing {what}").format(what=text))
        accessible(self.move_button, translate("HeldJobsBanner", "Print {what} on another printer").format(what=text))
        accessible(self.cancel_button, translate("HeldJobsBanner", "Cancel printing {what}").format(what=text),
                   translate("HeldJobsBanner", "Asks for a reason, which goes into the audit trail"))


class HeldJobsBanner(QFrame):
    """Keeps the set of held jobs from print_job_changed; hides itself when there are none."""

    # A job was sent to another printer: the text to tell the cashier (translated).
    job_moved = Signal(str)

    def __init__(self, services: UiServices, report_error: ErrorReporter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("heldBanner")
        self._services = services
        self._report_error = report_error
        self._jobs: dict[int, JobRow] = {}
        self._dialog: ReasonDialog | PrinterChoiceDialog | None = None
        self.pin_dialog: ManagerPinDialog | None = None  # the manager's PIN, when the store wants one
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("heldBannerTitle")
        self.title.setWordWrap(True)
        self.retry_all_button = QPushButton()
        self.retry_all_button.setObjectName("retryAllButton")
        self.retry_all_button.clicked.connect(self.retry_all)
        top.addWidget(self.title, 1)
        top.addWidget(self.retry_all_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.hint = QLabel()
        self.hint.setObjectName("heldBannerHint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self._lines_box = QVBoxLayout()
        self._lines_box.setSpacing(6)
        layout.addLayout(self._lines_box)
        self.more = QLabel()
        self.more.setObjectName("heldBannerMore")
        layout.addWidget(self.more)
        self._lines: list[_JobLine] = []
        self._rebuild()

    # --- state ---------------------------------------------------------------------------------
    def set_jobs(self, jobs: Iterable[JobRow]) -> None:
        self._jobs = {job.job_id: job for job in jobs if job.state == JOB_HELD}
        self._rebuild()

    def job_changed(self, job: JobRow) -> None:
        if job.state == JOB_HELD:
            self._jobs[job.job_id] = job
        elif self._jobs.pop(job.job_id, None) is None:
            return
        self._rebuild()

    def jobs(self) -> list[JobRow]:
        return sorted(self._jobs.values(), key=lambda job: job.job_id)

    def job_lines(self) -> list[_JobLine]:
        return list(self._lines)

    # --- actions -------------------------------------------------------------------------------
    def retry(self, job_id: int) -> None:
        try:
            self._services.retry_job(job_id)
        except Exception as error:  # a service failure is shown, never lost
            log.warning("retry of job %s failed: %s", job_id, error)
            self._report_error(error)

    def retry_all(self) -> None:
        for job in self.jobs():
            self.retry(job.job_id)

    def ask_cancel(self, job_id: int) -> ReasonDialog:
        """Open the reason dialog; the job is cancelled only when the operator confirms with a reason."""
        job = self._jobs.get(job_id)
        order = (job.out_trade_no if job else None) or str(job_id)
        dialog = ReasonDialog(
            translate("HeldJobsBanner", "Cancel print job"),
            translate("HeldJobsBanner", "The receipt for order {order} will not be printed. Why?").format(order=order),
            cancel_presets(),
            translate("HeldJobsBanner", "Cancel the job"),
            self.window(),
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._protected(ProtectedAction.CANCEL_JOB,
                                                        lambda: self._cancel(job_id, dialog.reason())))
        self._dialog = dialog
        dialog.open()
        return dialog

    def _protected(self, action: ProtectedAction, proceed: Callable[[], object]) -> None:
        """A manager's PIN first where the store wants one for `action`."""
        self.pin_dialog = run_protected(self.window(), self._services, action, proceed,
                                        refused=self._report_error)

    def _cancel(self, job_id: int, reason: str) -> None:
        try:
            self._services.cancel_job(job_id, reason)
        except Exception as error:
            log.warning("cancel of job %s failed: %s", job_id, error)
            self._report_error(error)

    def other_printers(self, job: JobRow) -> list[str]:
        """The configured printers other than the job's own, in configuration order."""
        try:
            names = self._services.printer_names()
        except Exception as error:
            log.warning("listing the printers failed: %s", error)
            return []
        return [name for name in names if name != job.printer]

    def ask_move(self, job_id: int) -> PrinterChoiceDialog | None:
        """Ask which printer (the first other one is chosen already); the job moves when the operator confirms."""
        job = self._jobs.get(job_id)
        if job is None:
            return None
        printers = self.other_printers(job)
        if not printers:
            return None
        dialog = PrinterChoiceDialog(job.out_trade_no or str(job_id), printers, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._protected(ProtectedAction.MOVE_JOB,
                                                        lambda: self.move_job(job_id, dialog.printer())))
        self._dialog = dialog
        dialog.open()
        return dialog

    def move_job(self, job_id: int, printer: str) -> bool:
        """Send the job to `printer`; True when the services took it (the bridge then reports it queued there)."""
        job = self._jobs.get(job_id)
        try:
            self._services.move_job(job_id, printer)
        except Exception as error:
            log.warning("moving job %s to printer %s failed: %s", job_id, printer, error)
            self._report_error(error)
            return False
        log.info("job %s sent to printer %s", job_id, printer)
        order = (job.out_trade_no if job else None) or str(job_id)
        self.job_moved.emit(messages.notice_text("job_moved", {"out_trade_no": order, "printer": printer}))
        return True

    # --- view ----------------------------------------------------------------------------------
    def _rebuild(self) -> None:
        for line in self._lines:
            self._lines_box.removeWidget(line)
            line.deleteLater()
        self._lines = [_JobLine(job, self, self.other_printers(job)) for job in self.jobs()[:MAX_LINES]]
        for line in self._lines:
            self._lines_box.addWidget(line)
        self.setVisible(bool(self._jobs))
        self.retranslate()

    def retranslate(self) -> None:
        jobs = self.jobs()
        reason = next((job.reason for job in jobs if job.reason), None)
        self.title.setText(
            translate("HeldJobsBanner", "Receipts waiting to print: {count}").format(count=len(jobs))
            + ("  —  " + messages.printer_state_text(reason) if reason else "")
        )
        self.hint.setText(messages.printer_hint(reason) if reason else "")
        self.hint.setVisible(bool(reason and messages.printer_hint(reason)))
        self.retry_all_button.setText(translate("HeldJobsBanner", "Retry all"))
        accessible(self.retry_all_button, translate("HeldJobsBanner", "Retry every waiting receipt now"))
        accessible(self.title, self.title.text())
        hidden = len(jobs) - len(self._lines)
        self.more.setText(translate("HeldJobsBanner", "and {count} more").format(count=hidden) if hidden > 0 else "")
        self.more.setVisible(hidden > 0)
        for line in self._lines:
            line.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
