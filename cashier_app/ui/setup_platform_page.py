"""The wizard's platform step: which platform, which merchant and terminal, the key (typed masked,
handed straight to the OS credential store, never kept in a widget or a file), and a signed check
that says what the platform answered.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from cashier_app.ui import messages, theme
from cashier_app.ui.accessibility import accessible
from cashier_app.ui.background import BackgroundRunner
from cashier_app.ui.credentials_dialog import KeyCheck
from cashier_app.ui.setup_rows import SetupDraft, SetupServices
from cashier_app.ui.setup_wizard import SetupPage, problem_style

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

def platform_kind_name(kind: str) -> str:
    return {
        "mp-v1": translate("SetupWizard", "Merchant platform API v1"),
        "wechatpay-v3": translate("SetupWizard", "WeChat Pay API v3"),
        "alipay": translate("SetupWizard", "Alipay"),
    }.get(kind, kind)


class PlatformPage(SetupPage):
    keys = ("platform.",)

    def __init__(self, services: SetupServices, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self.setObjectName("setupPlatformPage")
        self._runner = BackgroundRunner(parent=self)
        self.last_check: KeyCheck | None = None
        self.kind = QComboBox()
        self.kind.setObjectName("setupPlatformKind")
        for kind in services.platform_kinds():
            self.kind.addItem("", kind)
        self.base_url = QLineEdit()
        self.base_url.setObjectName("setupBaseUrl")
        self.merchant_no = QLineEdit()
        self.merchant_no.setObjectName("setupMerchantNo")
        self.terminal_no = QLineEdit()
        self.terminal_no.setObjectName("setupTerminalNo")
        self.key = QLineEdit()
        self.key.setObjectName("setupKey")
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.save_button = QPushButton()
        self.save_button.setObjectName("setupSaveKey")
        self.save_button.setEnabled(False)
        self.check_button = QPushButton()
        self.check_button.setObjectName("setupCheckKey")
        self.key_state = QLabel()
        self.key_state.setObjectName("setupKeyState")
        self.key_state.setWordWrap(True)
        self.outcome = QLabel()
        self.outcome.setObjectName("setupPlatformOutcome")
        self.outcome.setWordWrap(True)
        self.form = QFormLayout()
        self.kind_label, self.url_label, self.merchant_label = QLabel(), QLabel(), QLabel()
        self.terminal_label, self.key_label = QLabel(), QLabel()
        key_row = QHBoxLayout()
        key_row.addWidget(self.key, 1)
        key_row.addWidget(self.save_button)
        for label, field in ((self.kind_label, self.kind), (self.url_label, self.base_url),
                             (self.merchant_label, self.merchant_no), (self.terminal_label, self.terminal_no)):
            label.setBuddy(field)
            self.form.addRow(label, field)
        self.key_label.setBuddy(self.key)
        self.form.addRow(self.key_label, key_row)
        column = QVBoxLayout(self)
        column.addLayout(self.form)
        column.addWidget(self.key_state)
        column.addWidget(self.check_button)
        column.addWidget(self.outcome)
        column.addWidget(self.problems_label)
        column.addStretch(1)
        self.key.textChanged.connect(lambda text: self.save_button.setEnabled(bool(text.strip())))
        self.key.returnPressed.connect(self.save_key)
        self.save_button.clicked.connect(self.save_key)
        self.check_button.clicked.connect(self.check_key)
        for field in (self.base_url, self.merchant_no, self.terminal_no):
            field.editingFinished.connect(self.refresh_key_state)
        for first, second in ((self.kind, self.base_url), (self.base_url, self.merchant_no),
                              (self.merchant_no, self.terminal_no), (self.terminal_no, self.key),
                              (self.key, self.save_button), (self.save_button, self.check_button)):
            self.setTabOrder(first, second)
        self.retranslate()

    def load(self, draft: SetupDraft) -> None:
        self.kind.setCurrentIndex(max(0, self.kind.findData(draft.platform_kind)))
        self.base_url.setText(draft.base_url)
        self.merchant_no.setText(draft.merchant_no)
        self.terminal_no.setText(draft.terminal_no)
        self.outcome.setText("")
        self.refresh_key_state()

    def store(self, draft: SetupDraft) -> None:
        draft.platform_kind = str(self.kind.currentData() or "mp-v1")
        draft.base_url = self.base_url.text().strip()
        draft.merchant_no = self.merchant_no.text().strip()
        draft.terminal_no = self.terminal_no.text().strip()

    def _current(self) -> SetupDraft:
        self.store(self.draft)
        return self.draft

    def refresh_key_state(self) -> None:
        """Whether a key is stored for the merchant and terminal as typed now (the key is per terminal)."""
        try:
            state = self.services.credentials(self._current()).credential_state()
        except Exception as error:
            self.key_state.setText(translate("SetupWizard", "The credential store cannot be asked: {error}")
                                   .format(error=error))
            problem_style(self.key_state, theme.FAULT)
            self.check_button.setEnabled(False)
            return
        stored = (translate("SetupWizard", "A key is stored for {account} in {backend}.") if state.has_key else
                  translate("SetupWizard", "No key is stored for {account} yet ({backend})."))
        text = stored.format(account=state.account, backend=state.backend)
        if state.warning:
            text += "\n⚠ " + state.warning
        self.key_state.setText(text)
        problem_style(self.key_state, theme.OK if state.has_key and not state.warning else theme.ATTENTION)
        self.check_button.setEnabled(state.has_key)

    def _platform_problems(self) -> bool:
        mine = [p for p in self.services.problems(self._current()) if p.key.startswith(self.keys)]
        self.show_problems(mine)
        return bool(mine)

    def save_key(self) -> None:
        key = self.key.text().strip()
        if not key or self._platform_problems():
            return
        try:
            self.services.credentials(self.draft).store_key(key)
        except Exception as error:
            self._say(translate("SetupWizard", "The key was not saved: {reason}")
                      .format(reason=messages.error_text(error)), theme.FAULT)
            return
        finally:
            self.key.clear()  # the key does not stay in the widget once handed over
        self._say(translate("SetupWizard", "The key is saved in the credential store."), theme.OK)
        self.refresh_key_state()

    def check_key(self) -> None:
        if self._platform_problems():
            return
        credentials = self.services.credentials(self.draft)
        self.check_button.setEnabled(False)
        self._say(translate("SetupWizard", "Asking the platform with a signed request…"), theme.INFO)
        self._runner.run(credentials.check_key, success=self._checked, failure=self._check_failed)

    def _checked(self, result: object) -> None:
        assert isinstance(result, KeyCheck)
        self.last_check = result
        self.check_button.setEnabled(True)
        self.outcome.setToolTip(result.detail)
        if result.ok:
            self._say(translate("SetupWizard", "The platform answered: it accepts this terminal and its key."),
                      theme.OK)
        else:
            self._say(translate("SetupWizard", "The platform answered: {reason} ({code}). {hint}").format(
                reason=messages.platform_reason_text(result.code), code=result.code,
                hint=messages.platform_hint(result.code)).strip(), theme.FAULT)

    def _check_failed(self, error: BaseException) -> None:
        self.check_button.setEnabled(True)
        self._say(translate("SetupWizard", "The check failed: {error}").format(error=messages.error_text(error)),
                  theme.FAULT)

    def _say(self, text: str, severity: str) -> None:
        self.outcome.setText(text)
        problem_style(self.outcome, severity)

    def shutdown(self) -> None:
        self.key.clear()
        self._runner.stop()

    def wait_idle(self, timeout_ms: int = 10_000) -> bool:
        return self._runner.wait(timeout_ms)

    def retranslate(self) -> None:
        self.setTitle(translate("SetupWizard", "The merchant platform"))
        self.setSubTitle(translate("SetupWizard", "Where the app asks about orders. The key goes straight to this "
                                                  "computer's credential store; it is never written to a file."))
        self.kind_label.setText(translate("SetupWizard", "&Platform:"))
        for index in range(self.kind.count()):
            self.kind.setItemText(index, platform_kind_name(str(self.kind.itemData(index))))
        self.url_label.setText(translate("SetupWizard", "&Address (URL):"))
        self.merchant_label.setText(translate("SetupWizard", "&Merchant number:"))
        self.terminal_label.setText(translate("SetupWizard", "&Terminal number:"))
        self.key_label.setText(translate("SetupWizard", "API &key:"))
        self.key.setPlaceholderText(translate("SetupWizard", "Type or paste the terminal's key"))
        self.save_button.setText(translate("SetupWizard", "&Save key"))
        self.check_button.setText(translate("SetupWizard", "&Check with the platform"))
        accessible(self.kind, translate("SetupWizard", "Platform kind"))
        accessible(self.base_url, translate("SetupWizard", "Platform address"))
        accessible(self.merchant_no, translate("SetupWizard", "Merchant number"))
        accessible(self.terminal_no, translate("SetupWizard", "Terminal number"))
        accessible(self.key, translate("SetupWizard", "API key, hidden as typed"),
                   translate("SetupWizard", "Goes straight to the credential store when saved"))
        accessible(self.save_button, translate("SetupWizard", "Save the key in the credential store"))
        accessible(self.check_button, translate("SetupWizard", "Check the key with a signed request"))
        accessible(self.key_state, translate("SetupWizard", "Whether a key is stored"))
        accessible(self.outcome, translate("SetupWizard", "What the platform answered"))
        accessible(self.problems_label, translate("SetupWizard", "Problems to correct"))
