"""The platform key dialog: the technician types the terminal's API key (masked); it goes to the
OS credential store and nowhere else. The dialog never shows a stored key, only whether one is there.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cashier_app.ui.background import BackgroundRunner


def translate(text: str) -> str:
    return QCoreApplication.translate("CredentialsDialog", text)


@dataclass(frozen=True)
class CredentialState:
    backend: str  # the keyring backend in use, for the technician
    warning: str | None  # e.g. only a plaintext fallback store is available
    has_key: bool
    account: str  # merchant/terminal@platform: which key this is, never the key


@dataclass(frozen=True)
class KeyCheck:
    ok: bool
    code: str  # "ok" | "credentials_missing" | "credentials" | platform reason codes
    detail: str = ""


class CredentialServices(Protocol):
    def credential_state(self) -> CredentialState: ...

    def store_key(self, key: str) -> None:
        """Raises with a `code` attribute when the key is refused or the store is unavailable."""
        ...

    def check_key(self) -> KeyCheck:
        """A signed request to the platform with the stored key (blocking: called off the GUI thread)."""
        ...


class CredentialsDialog(QDialog):
    def __init__(self, services: CredentialServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._runner = BackgroundRunner(parent=self)
        self.setWindowTitle(translate("Platform key"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.account = QLabel()
        self.backend = QLabel()
        self.backend.setWordWrap(True)
        self.stored = QLabel()
        form.addRow(translate("Terminal"), self.account)
        form.addRow(translate("Credential store"), self.backend)
        form.addRow(translate("Key"), self.stored)
        layout.addLayout(form)
        self.key_input = QLineEdit()
        self.key_input.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_input.setPlaceholderText(translate("Type or paste the new key"))
        layout.addWidget(self.key_input)
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.setObjectName("credentialOutcome")
        layout.addWidget(self.outcome)
        buttons = QDialogButtonBox()
        self.save_button = QPushButton(translate("Save key"))
        self.check_button = QPushButton(translate("Check with the platform"))
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.check_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.save_button.clicked.connect(self.save)
        self.check_button.clicked.connect(self.check)
        self.key_input.returnPressed.connect(self.save)
        self.key_input.textChanged.connect(lambda text: self.save_button.setEnabled(bool(text.strip())))
        self.save_button.setEnabled(False)
        self.refresh()

    def refresh(self) -> None:
        state = self._services.credential_state()
        self.account.setText(state.account)
        self.backend.setText(state.backend + (f"\n⚠ {state.warning}" if state.warning else ""))
        self.stored.setText(translate("stored") if state.has_key else translate("not stored"))
        self.check_button.setEnabled(state.has_key)

    def save(self) -> None:
        key = self.key_input.text().strip()
        if not key:
            return
        try:
            self._services.store_key(key)
        except Exception as exc:
            code = getattr(exc, "code", "credential_error")
            self.outcome.setText(translate("The key was not saved ({code}).").format(code=code))
            return
        finally:
            # The key does not stay in the widget (nor in an undo history) once handed over.
            self.key_input.clear()
        self.outcome.setText(translate("The key is saved in the credential store."))
        self.refresh()

    def check(self) -> None:
        self.check_button.setEnabled(False)
        self.outcome.setText(translate("Checking with the platform…"))
        self._runner.run(self._services.check_key, success=self._checked, failure=self._check_failed)

    def _checked(self, result: object) -> None:
        assert isinstance(result, KeyCheck)
        self.check_button.setEnabled(True)
        if result.ok:
            self.outcome.setText(translate("The platform accepts the key."))
        else:
            self.outcome.setText(translate("The platform did not accept the key ({code}).").format(code=result.code))

    def _check_failed(self, error: BaseException) -> None:
        self.check_button.setEnabled(True)
        self.outcome.setText(translate("The check failed: {error}").format(error=type(error).__name__))

    def done(self, result: int) -> None:
        self._runner.stop()
        super().done(result)
