"""One step of the setup wizard (ui/setup_wizard.py): what every step does with the wizard's draft.

Here, apart from the wizard, so that the steps in their own modules (folder, printer, platform) do not import
the wizard that shows them.
"""

from __future__ import annotations

from typing import ClassVar, Protocol, runtime_checkable

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QWidget, QWizardPage

from cashier_app.ui import theme
from cashier_app.ui.appearance import styled
from cashier_app.ui.setup_rows import SetupDraft, SetupProblem, SetupServices


@runtime_checkable
class DraftHolder(Protocol):
    """The wizard a step is on (SetupWizard): it holds the configuration being set up."""

    draft: SetupDraft


def problem_style(widget: QLabel, severity: str) -> None:
    styled(widget, f"color: {theme.FOREGROUND[severity]}; font-weight: bold;")


class SetupPage(QWizardPage):
    """One step. Subclasses fill `keys` (the configuration keys they own) and load/store the draft."""

    # Configuration keys (prefixes) whose problems this step shows and must clear before going on.
    keys: ClassVar[tuple[str, ...]] = ()

    def __init__(self, services: SetupServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.problems_label = QLabel()
        self.problems_label.setObjectName("setupProblems")
        self.problems_label.setWordWrap(True)
        self.problems_label.setVisible(False)
        problem_style(self.problems_label, theme.FAULT)

    @property
    def draft(self) -> SetupDraft:
        wizard = self.wizard()
        assert isinstance(wizard, DraftHolder)
        return wizard.draft

    def initializePage(self) -> None:
        self.problems_label.setVisible(False)
        self.load(self.draft)

    def validatePage(self) -> bool:
        self.store(self.draft)
        mine = [p for p in self.services.problems(self.draft) if p.key.startswith(self.keys)] if self.keys else []
        self.show_problems(mine)
        return not mine

    def show_problems(self, problems: list[SetupProblem]) -> None:
        lines = [f"{p.key}: {p.message}" for p in problems]
        self.problems_label.setText("\n".join(lines))
        self.problems_label.setVisible(bool(lines))

    def load(self, draft: SetupDraft) -> None:
        """Show the draft's values."""

    def store(self, draft: SetupDraft) -> None:
        """Put the step's values into the draft."""

    def retranslate(self) -> None:
        """Every text again (language switch)."""

    def shutdown(self) -> None:
        """The wizard closes: stop what runs (watchers, scans)."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
