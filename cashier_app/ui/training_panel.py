"""Training mode's controls under the lesson in the banner: "Lesson done" (F10), "Load paper" for the
paper-out lesson, the feedback on the lesson just done (its score, what went right, what to do next time),
and the per-trainee report as CSV."""

from __future__ import annotations

import html
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from cashier_app.ui import messages, theme
from cashier_app.ui.accessibility import accessible, name_from_labels
from cashier_app.ui.i18n import current_language
from cashier_app.ui.services import UiServices
from cashier_app.ui.widgets import save_csv_dialog

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

FINISH_KEY = "F10"


class TrainingPanel(QFrame):
    status_message = Signal(str, str)  # text, severity

    def __init__(self, services: UiServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainingPanel")
        self._services = services
        self._step: dict[str, Any] | None = None
        self._feedback: dict[str, Any] | None = None
        self._done: dict[str, Any] | None = None
        self.file_dialog: QFileDialog | None = None
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 0, 16, 10)
        column.setSpacing(6)
        row = QHBoxLayout()
        self.finish_button = QPushButton()
        self.finish_button.setObjectName("trainingFinishButton")
        self.finish_button.clicked.connect(self.finish)
        self.paper_button = QPushButton()
        self.paper_button.setObjectName("trainingPaperButton")
        self.paper_button.clicked.connect(self.load_paper)
        self.report_button = QPushButton()
        self.report_button.setObjectName("trainingReportButton")
        self.report_button.clicked.connect(self.ask_report)
        for button in (self.finish_button, self.paper_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.report_button)
        column.addLayout(row)
        self.feedback = QLabel()
        self.feedback.setObjectName("trainingFeedback")
        self.feedback.setWordWrap(True)
        self.feedback.setTextFormat(Qt.TextFormat.RichText)
        self.feedback.setVisible(False)
        column.addWidget(self.feedback)
        self.retranslate()
        self._render()

    # --- what the director says ------------------------------------------------------------------
    def show_step(self, params: dict[str, Any]) -> None:
        self._step = dict(params)
        self._done = None
        self._render()

    def show_feedback(self, params: dict[str, Any]) -> None:
        self._feedback = dict(params)
        if self._step is not None and self._step.get("step") == params.get("step"):
            self._step = None  # that lesson is over (the next one may have been staged already)
        self._render()

    def show_done(self, params: dict[str, Any]) -> None:
        self._done = dict(params)
        self._step = None
        self._render()

    def signed_out(self) -> None:
        """The trainee changed: the last one's feedback is theirs, not the next one's."""
        self._step = self._feedback = self._done = None
        self._render()

    # --- what the trainee does ---------------------------------------------------------------------
    def finish(self) -> dict[str, Any] | None:
        """F10: the lesson is done: it is checked, its feedback shown, the next lesson staged."""
        if self._step is None:
            return None
        try:
            feedback = self._services.training_finish()
        except Exception as error:
            log.warning("finishing the training lesson failed: %s", error)
            self.status_message.emit(messages.error_text(error), theme.FAULT)
            return None
        if feedback is not None:
            self.show_feedback(feedback)
        return feedback

    def load_paper(self) -> bool:
        try:
            loaded = bool(self._services.training_load_paper())
        except Exception as error:
            log.warning("loading paper failed: %s", error)
            self.status_message.emit(messages.error_text(error), theme.FAULT)
            return False
        if loaded and self._step is not None:
            self._step["paper"] = False
            self._render()
        return loaded

    def ask_report(self) -> QFileDialog:
        self.file_dialog = save_csv_dialog(self.window(), translate("TrainingPanel", "Save the training report"),
                                           "training-report.csv", "trainingReportDialog", self.export_to)
        return self.file_dialog

    def export_to(self, path: Path, trainee: str | None = None) -> bool:
        """Every trainee's lessons (or one trainee's) with their scores and feedback, as CSV."""
        try:
            path.write_bytes(self._services.training_report_csv(trainee))
        except Exception as error:
            log.warning("saving the training report to %s failed: %s", path, error)
            self.status_message.emit(messages.error_text(error), theme.FAULT)
            return False
        self.status_message.emit(translate("TrainingPanel", "Training report saved to {path}").format(path=path),
                                 theme.OK)
        return True

    # --- view ----------------------------------------------------------------------------------
    def feedback_text(self) -> str:
        """The feedback as plain text (for tests and screen readers)."""
        return html.unescape(self.feedback.text().replace("<br>", "\n").replace("&nbsp;&nbsp;", "  "))

    def _render(self) -> None:
        step = self._step
        self.finish_button.setEnabled(step is not None)
        self.paper_button.setVisible(bool(step and step.get("paper")))
        parts: list[str] = []
        if self._feedback is not None:
            parts.append(self._feedback_html(self._feedback))
        if self._done is not None:
            parts.append(html.escape(messages.notice_text("training_done", self._done)))
        self.feedback.setText("<br>".join(parts))
        self.feedback.setVisible(bool(parts))

    @staticmethod
    def _feedback_html(feedback: dict[str, Any]) -> str:
        english = current_language() != "zh_CN"
        title = str(feedback.get("title_en") if english else feedback.get("title")) or ""
        lines = [html.escape(translate("TrainingPanel", "{title}: {score} points of 100").format(
            title=title, score=feedback.get("score", 0)))]
        # What went right on one line, what to do next time on the next: the pages below keep their room.
        for wanted in (True, False):
            mark = "✓" if wanted else "✗"
            said = [f"{mark} {html.escape(messages.training_check_text(str(item.get('check')), wanted))}"
                    for item in feedback.get("checks", []) if bool(item.get("passed")) is wanted]
            if said:
                lines.append("&nbsp;&nbsp;".join(said))
        replay = [r for r in feedback.get("replay", []) if isinstance(r, dict)]
        if replay:
            lines.append(html.escape(translate("TrainingPanel", "How the real case was handled:")))
            for item in replay:
                state = str(item.get("state") or "")
                words = messages.step_action_text(str(item.get("action", "")))
                if state:
                    words += " — " + messages.order_state_text(state)
                lines.append("· " + html.escape(words))
        return "<br>".join(lines)

    def retranslate(self) -> None:
        self.finish_button.setText(translate("TrainingPanel", "Lesson done ({key})").format(key=FINISH_KEY))
        self.paper_button.setText(translate("TrainingPanel", "Load paper"))
        self.report_button.setText(translate("TrainingPanel", "Training report (CSV)…"))
        accessible(self.feedback, translate("TrainingPanel", "Feedback on the last lesson"))
        name_from_labels(self)
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
