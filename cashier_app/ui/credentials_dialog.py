"""The platform key dialog: the technician types the terminal's API key (masked); it goes to the
OS credential store and nowhere else. The dialog never shows a stored key, only whether one is there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QEvent
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

from cashier_app.domain.errors import code_of
from cashier_app.ui import messages
from cashier_app.ui.accessibility import accessible, name_from_labels
from cashier_app.ui.background import BackgroundRunner
from cashier_app.ui.messages import QT_TRANSLATE_NOOP

# Called with the context spelled out at each call, so that pyside6-lupdate collects the strings.
translate = QCoreApplication.translate


@dataclass(frozen=True)
class CredentialState:
    backend: str  # the keyring backend in use, for the technician (a tooltip: a name, not words)
    has_key: bool
    account: str  # merchant/terminal@platform: which key this is, never the key
    # Where the key is and so what protects it: "system" (the OS credential store), "file" (the app's
    # key file, protected by file permissions only), "fallback" (another store), "none".
    store_kind: str = "system"
    store_name: str = ""  # the store's product name: "Secret Service", "Windows Credential Manager"
    store_location: str = ""  # the key file's path


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


def store_text(state: CredentialState) -> str:
    """Where the key is and what protects it, all in the window's language."""
    if state.store_kind == "system":
        return translate("CredentialsDialog", "The system's credential store ({name}), protected by the operating "
                         "system and unlocked with this user's login.").format(name=state.store_name)
    if state.store_kind == "file":
        return translate("CredentialsDialog", "This app's key file: {path}\n⚠ Protected only by this user "
                         "account's file permissions (this user and administrators can read it); not "
                         "encrypted.").format(path=state.store_location)
    if state.store_kind == "fallback":
        return translate("CredentialsDialog", "⚠ A fallback store ({name}), not the system's credential "
                         "store. {path}").format(name=state.store_name, path=state.store_location).strip()
    return translate("CredentialsDialog", "⚠ No credential store is available: the key cannot be saved. Ask "
                     "the technician to set one up, or to use this app's key file.")


class CredentialsDialog(QDialog):
    """Opened by the technician (main window: Settings → Platform key…, Ctrl+K)."""

    def __init__(self, services: CredentialServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("credentialsDialog")
        self._services = services
        self._runner = BackgroundRunner(parent=self)
        self._state: CredentialState | None = None
        # The last outcome as (source text, its parameters), so a language switch can say it again; a
        # parameter that is words is kept as the call that says them.
        self._outcome: tuple[str, dict[str, str | Callable[[], str]]] | None = None
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        self.form = QFormLayout()
        self.account = QLabel()
        self.account.setObjectName("credentialAccount")
        self.backend = QLabel()
        self.backend.setWordWrap(True)
        self.stored = QLabel()
        self.stored.setObjectName("credentialStored")
        self.account_label = QLabel()
        self.backend_label = QLabel()
        self.stored_label = QLabel()
        self.form.addRow(self.account_label, self.account)
        self.form.addRow(self.backend_label, self.backend)
        self.form.addRow(self.stored_label, self.stored)
        layout.addLayout(self.form)
        self.key_input = QLineEdit()
        self.key_input.setObjectName("credentialKeyInput")
        self.key_input.setEchoMode(QLineEdit.EchoMode.Password)
        layout.addWidget(self.key_input)
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.setObjectName("credentialOutcome")
        layout.addWidget(self.outcome)
        self.buttons = QDialogButtonBox()
        self.save_button = QPushButton()
        self.check_button = QPushButton()
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.check_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.save_button.clicked.connect(self.save)
        self.check_button.clicked.connect(self.check)
        self.key_input.returnPressed.connect(self.save)
        self.key_input.textChanged.connect(lambda text: self.save_button.setEnabled(bool(text.strip())))
        self.save_button.setEnabled(False)
        self.retranslate()
        self.refresh()

    def refresh(self) -> None:
        self._state = self._services.credential_state()
        self.account.setText(self._state.account)
        self.check_button.setEnabled(self._state.has_key)
        self._show_state()

    def _show_state(self) -> None:
        state = self._state
        if state is None:
            return
        self.backend.setText(store_text(state))
        self.backend.setToolTip(state.backend)
        self.stored.setText(
            translate("CredentialsDialog", "stored") if state.has_key else translate("CredentialsDialog", "not stored")
        )

    def save(self) -> None:
        key = self.key_input.text().strip()
        if not key:
            return
        try:
            self._services.store_key(key)
        except Exception as exc:
            code = code_of(exc, "credential_error")
            # The store's errors never hold the key; the code and English detail are for the technician
            # (a tooltip), the words on the dialog are all in the window's language.
            self.outcome.setToolTip(f"{code}: {exc}")
            refused: BaseException = exc  # `exc` itself is unbound once the except clause ends
            self._say("The key was not saved: {reason}", reason=lambda: messages.error_text(refused))
            return
        finally:
            # The key does not stay in the widget (nor in an undo history) once handed over.
            self.key_input.clear()
        self.outcome.setToolTip("")
        self._say("The key is saved.")  # where, and what protects it: the store's line above
        self.refresh()

    def check(self) -> None:
        self.check_button.setEnabled(False)
        self.outcome.setToolTip("")
        self._say("Checking with the platform…")
        self._runner.run(self._services.check_key, success=self._checked, failure=self._check_failed)

    def _checked(self, result: object) -> None:
        assert isinstance(result, KeyCheck)
        self.check_button.setEnabled(True)
        self.outcome.setToolTip(f"{result.code}: {result.detail}" if result.detail else result.code)
        if result.ok:
            self._say("The platform accepts the key.")
        else:
            self._say("The platform did not accept the key: {reason}",
                      reason=lambda: messages.platform_reason_text(result.code))

    def _check_failed(self, error: BaseException) -> None:
        self.check_button.setEnabled(True)
        self.outcome.setToolTip(str(error))
        self._say("The check failed: {error}", error=lambda: messages.error_text(error))

    def _say(self, source: str, **params: str | Callable[[], str]) -> None:
        self._outcome = (source, params)
        self._show_outcome()

    def _show_outcome(self) -> None:
        if self._outcome is None:
            self.outcome.setText("")
            return
        source, params = self._outcome
        values = {name: value() if callable(value) else value for name, value in params.items()}
        self.outcome.setText(translate("CredentialsDialog", source).format(**values))

    def retranslate(self) -> None:
        self.setWindowTitle(translate("CredentialsDialog", "Platform key"))
        self.account_label.setText(translate("CredentialsDialog", "Terminal"))
        self.backend_label.setText(translate("CredentialsDialog", "Credential store"))
        self.stored_label.setText(translate("CredentialsDialog", "Key"))
        self.key_input.setPlaceholderText(translate("CredentialsDialog", "Type or paste the new key"))
        self.save_button.setText(translate("CredentialsDialog", "Save key"))
        self.check_button.setText(translate("CredentialsDialog", "Check with the platform"))
        self.close_button.setText(translate("CredentialsDialog", "Close"))
        accessible(self.key_input, translate("CredentialsDialog", "New key, hidden as typed"),
                   translate("CredentialsDialog", "Goes straight to the credential store when saved"))
        name_from_labels(self)
        self._show_state()
        self._show_outcome()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def done(self, result: int) -> None:
        self._runner.stop()
        super().done(result)


# The outcomes _say() shows, marked for pyside6-lupdate (they are translated when shown).
_OUTCOMES = (
    QT_TRANSLATE_NOOP("CredentialsDialog", "The key was not saved: {reason}"),
    QT_TRANSLATE_NOOP("CredentialsDialog", "The key is saved."),
    QT_TRANSLATE_NOOP("CredentialsDialog", "Checking with the platform…"),
    QT_TRANSLATE_NOOP("CredentialsDialog", "The platform accepts the key."),
    QT_TRANSLATE_NOOP("CredentialsDialog", "The platform did not accept the key: {reason}"),
    QT_TRANSLATE_NOOP("CredentialsDialog", "The check failed: {error}"),
)
