"""The wizard's platform step: which platform (the merchant platform API v1, WeChat Pay API v3 or
Alipay), which merchant and terminal, the secret (an API key, or the private key as PEM: typed or
pasted masked, or read from its file; handed straight to the OS credential store, never kept in a
widget or a file), the platform's public key (written to the config folder), and a signed check that
says what the platform answered.
"""

from __future__ import annotations

import itertools
import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cashier_app.ui import messages, theme
from cashier_app.ui.accessibility import accessible, plain
from cashier_app.ui.background import BackgroundRunner
from cashier_app.ui.credentials_dialog import KeyCheck, store_text
from cashier_app.ui.setup_page import SetupPage, problem_style
from cashier_app.ui.setup_rows import SetupDraft, SetupServices

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
        self.wechat_base_url = QLineEdit()
        self.wechat_base_url.setObjectName("setupWechatBaseUrl")
        self.wechat_mchid = QLineEdit()
        self.wechat_mchid.setObjectName("setupWechatMchid")
        self.wechat_sp_mchid = QLineEdit()
        self.wechat_sp_mchid.setObjectName("setupWechatSpMchid")
        self.wechat_sub_mchid = QLineEdit()
        self.wechat_sub_mchid.setObjectName("setupWechatSubMchid")
        self.wechat_serial_no = QLineEdit()
        self.wechat_serial_no.setObjectName("setupWechatSerialNo")
        self.wechat_public_key_id = QLineEdit()
        self.wechat_public_key_id.setObjectName("setupWechatPublicKeyId")
        self.alipay_gateway_url = QLineEdit()
        self.alipay_gateway_url.setObjectName("setupAlipayGatewayUrl")
        self.alipay_app_id = QLineEdit()
        self.alipay_app_id.setObjectName("setupAlipayAppId")
        self.labels: dict[str, QLabel] = {}
        self.kind_fields = QStackedWidget()
        self._kind_pages: dict[str, int] = {}
        for kind, rows in (
            ("mp-v1", (("base_url", self.base_url), ("merchant_no", self.merchant_no),
                       ("terminal_no", self.terminal_no))),
            ("wechatpay-v3", (("wechat_base_url", self.wechat_base_url), ("wechat_mchid", self.wechat_mchid),
                              ("wechat_sp_mchid", self.wechat_sp_mchid), ("wechat_sub_mchid", self.wechat_sub_mchid),
                              ("wechat_serial_no", self.wechat_serial_no),
                              ("wechat_public_key_id", self.wechat_public_key_id))),
            ("alipay", (("alipay_gateway_url", self.alipay_gateway_url), ("alipay_app_id", self.alipay_app_id))),
        ):
            holder = QWidget()
            form = QFormLayout(holder)
            form.setContentsMargins(0, 0, 0, 0)
            for name, field in rows:
                label = QLabel()
                label.setBuddy(field)
                self.labels[name] = label
                form.addRow(label, field)
                field.editingFinished.connect(self.refresh_key_state)
            self._kind_pages[kind] = self.kind_fields.addWidget(holder)
        self.key_file_button = QPushButton()
        self.key_file_button.setObjectName("setupKeyFile")
        self.public_key = QPlainTextEdit()
        self.public_key.setObjectName("setupPublicKey")
        self.public_key.setMaximumHeight(90)
        self.public_key_file_button = QPushButton()
        self.public_key_file_button.setObjectName("setupPublicKeyFile")
        self.public_key_save = QPushButton()
        self.public_key_save.setObjectName("setupPublicKeySave")
        self.public_key_label = QLabel()
        self.public_key_label.setBuddy(self.public_key)
        self.public_key_box = QWidget()
        public_row = QHBoxLayout()
        public_row.addWidget(self.public_key_file_button)
        public_row.addWidget(self.public_key_save)
        public_row.addStretch(1)
        public_column = QVBoxLayout(self.public_key_box)
        public_column.setContentsMargins(0, 0, 0, 0)
        public_column.addWidget(self.public_key_label)
        public_column.addWidget(self.public_key)
        public_column.addLayout(public_row)
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
        self.kind_label, self.key_label = QLabel(), QLabel()
        key_row = QHBoxLayout()
        key_row.addWidget(self.key, 1)
        key_row.addWidget(self.key_file_button)
        key_row.addWidget(self.save_button)
        self.kind_label.setBuddy(self.kind)
        self.form.addRow(self.kind_label, self.kind)
        self.form.addRow(self.kind_fields)
        self.key_label.setBuddy(self.key)
        self.form.addRow(self.key_label, key_row)
        column = QVBoxLayout(self)
        column.addLayout(self.form)
        column.addWidget(self.public_key_box)
        column.addWidget(self.key_state)
        column.addWidget(self.check_button)
        column.addWidget(self.outcome)
        column.addWidget(self.problems_label)
        column.addStretch(1)
        self.key.textChanged.connect(lambda text: self.save_button.setEnabled(bool(text.strip())))
        self.key.returnPressed.connect(self.save_key)
        self.save_button.clicked.connect(self.save_key)
        self.check_button.clicked.connect(self.check_key)
        self.key_file_button.clicked.connect(self.load_key_file)
        self.public_key_file_button.clicked.connect(self.load_public_key_file)
        self.public_key_save.clicked.connect(self.save_public_key)
        self.public_key.textChanged.connect(
            lambda: self.public_key_save.setEnabled(bool(self.public_key.toPlainText().strip())))
        self.public_key_save.setEnabled(False)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        order = [self.kind, self.base_url, self.merchant_no, self.terminal_no, self.wechat_base_url,
                 self.wechat_mchid, self.wechat_sp_mchid, self.wechat_sub_mchid, self.wechat_serial_no,
                 self.wechat_public_key_id, self.alipay_gateway_url, self.alipay_app_id, self.key,
                 self.key_file_button, self.save_button, self.public_key, self.public_key_file_button,
                 self.public_key_save, self.check_button]
        for first, second in itertools.pairwise(order):
            self.setTabOrder(first, second)
        self.retranslate()

    def _kind_changed(self) -> None:
        kind = str(self.kind.currentData() or "mp-v1")
        self.kind_fields.setCurrentIndex(self._kind_pages.get(kind, 0))
        pem = kind != "mp-v1"
        self.key_file_button.setVisible(pem)
        self.public_key_box.setVisible(pem)
        self._retranslate_key()
        if self.wizard() is not None:
            self.refresh_key_state()

    def _text_fields(self) -> dict[str, QLineEdit]:
        return {"base_url": self.base_url, "merchant_no": self.merchant_no, "terminal_no": self.terminal_no,
                "wechat_base_url": self.wechat_base_url, "wechat_mchid": self.wechat_mchid,
                "wechat_sp_mchid": self.wechat_sp_mchid, "wechat_sub_mchid": self.wechat_sub_mchid,
                "wechat_serial_no": self.wechat_serial_no, "wechat_public_key_id": self.wechat_public_key_id,
                "alipay_gateway_url": self.alipay_gateway_url, "alipay_app_id": self.alipay_app_id}

    def load(self, draft: SetupDraft) -> None:
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(max(0, self.kind.findData(draft.platform_kind)))
        self.kind.blockSignals(False)
        for name, field in self._text_fields().items():
            field.setText(str(getattr(draft, name)))
        self.outcome.setText("")
        self._kind_changed()

    def store(self, draft: SetupDraft) -> None:
        draft.platform_kind = str(self.kind.currentData() or "mp-v1")
        for name, field in self._text_fields().items():
            setattr(draft, name, field.text().strip())

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
        stored = (translate("SetupWizard", "A key is stored for {account}.") if state.has_key else
                  translate("SetupWizard", "No key is stored for {account} yet."))
        # Where it is and what protects it, in the window's language (the key file is said for what it is).
        self.key_state.setText(stored.format(account=state.account) + "\n" + store_text(state))
        self.key_state.setToolTip(state.backend)
        problem_style(self.key_state, theme.OK if state.has_key and state.store_kind == "system" else theme.ATTENTION)
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

    def load_key_file(self) -> None:
        """The private key from its PEM file (as WeChat Pay's apiclient_key.pem): read, stored, never shown."""
        path, _ = QFileDialog.getOpenFileName(self, translate("SetupWizard", "The private key file (PEM)"), "",
                                              "PEM (*.pem *.key *.txt);;* (*)")
        if path:
            self.store_secret_from_file(path)

    def store_secret_from_file(self, path: str) -> None:
        try:
            text = Path(path).read_text(encoding="ascii", errors="replace")
        except OSError as error:
            self._say(translate("SetupWizard", "The file cannot be read: {error}").format(error=error), theme.FAULT)
            return
        self.key.setText(text)
        self.save_key()

    def load_public_key_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, translate("SetupWizard", "The platform's public key or "
                                                                             "certificate (PEM)"), "",
                                              "PEM (*.pem *.crt *.cer *.txt);;* (*)")
        if path:
            try:
                self.public_key.setPlainText(Path(path).read_text(encoding="ascii", errors="replace"))
            except OSError as error:
                self._say(translate("SetupWizard", "The file cannot be read: {error}").format(error=error),
                          theme.FAULT)

    def save_public_key(self) -> None:
        if self._platform_problems():
            return
        try:
            written = self.services.save_public_key(self.draft, self.public_key.toPlainText())
        except Exception as error:
            self._say(translate("SetupWizard", "Not saved: {error}").format(error=error), theme.FAULT)
            return
        self.public_key.clear()
        self._say(translate("SetupWizard", "Saved: {what}").format(what=written), theme.OK)

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
            said = translate("SetupWizard", "The platform answered: {reason} ({code}). {hint}").format(
                reason=messages.platform_reason_text(result.code), code=result.code,
                hint=messages.platform_hint(result.code)).strip()
            # What exactly came back (an HTTP status, the platform's own code), for the technician.
            self._say(f"{said}\n{result.detail}" if result.detail else said, theme.FAULT)

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

    def _retranslate_key(self) -> None:
        if str(self.kind.currentData() or "mp-v1") == "mp-v1":
            self.key_label.setText(translate("SetupWizard", "API &key:"))
            self.key.setPlaceholderText(translate("SetupWizard", "Type or paste the terminal's key"))
            self.save_button.setText(translate("SetupWizard", "&Save key"))
        else:
            self.key_label.setText(translate("SetupWizard", "Private &key:"))
            self.key.setPlaceholderText(translate("SetupWizard", "Paste the private key (PEM), or read its file"))
            self.save_button.setText(translate("SetupWizard", "&Save key"))
        accessible(self.key, translate("SetupWizard", "The secret key, hidden as typed"),
                   translate("SetupWizard", "Goes straight to the credential store when saved"))

    def retranslate(self) -> None:
        self.setTitle(translate("SetupWizard", "The merchant platform"))
        self.setSubTitle(translate("SetupWizard", "Where the app asks about orders. The key goes straight to this "
                                                  "computer's credential store (on a computer without one, to this "
                                                  "app's key file); never into the configuration."))
        self.kind_label.setText(translate("SetupWizard", "&Platform:"))
        for index in range(self.kind.count()):
            self.kind.setItemText(index, platform_kind_name(str(self.kind.itemData(index))))
        words = {
            "base_url": translate("SetupWizard", "&Address (URL):"),
            "merchant_no": translate("SetupWizard", "&Merchant number:"),
            "terminal_no": translate("SetupWizard", "&Terminal number:"),
            "wechat_base_url": translate("SetupWizard", "&Address (URL):"),
            "wechat_mchid": translate("SetupWizard", "&Merchant number (mchid):"),
            "wechat_sp_mchid": translate("SetupWizard", "Service &provider's number (sp_mchid):"),
            "wechat_sub_mchid": translate("SetupWizard", "S&ub-merchant number (sub_mchid):"),
            "wechat_serial_no": translate("SetupWizard", "API certificate &serial:"),
            "wechat_public_key_id": translate("SetupWizard", "Public key &ID (PUB_KEY_ID_…):"),
            "alipay_gateway_url": translate("SetupWizard", "&Gateway (URL):"),
            "alipay_app_id": translate("SetupWizard", "&App ID:"),
        }
        for name, text in words.items():
            self.labels[name].setText(text)
            accessible(self._text_fields()[name], plain(text))
        self.key_file_button.setText(translate("SetupWizard", "From a &file…"))
        self.public_key_label.setText(translate("SetupWizard", "The platform's public &key or certificates (PEM), "
                                                               "written to the config folder:"))
        self.public_key_file_button.setText(translate("SetupWizard", "From a fi&le…"))
        self.public_key_save.setText(translate("SetupWizard", "Sa&ve public key"))
        self._retranslate_key()
        self.check_button.setText(translate("SetupWizard", "&Check with the platform"))
        accessible(self.kind, translate("SetupWizard", "Platform kind"))
        accessible(self.key_file_button, translate("SetupWizard", "Store the private key from its file"))
        accessible(self.public_key, translate("SetupWizard", "The platform's public key or certificates"))
        accessible(self.public_key_file_button, translate("SetupWizard", "Read the public key from a file"))
        accessible(self.public_key_save, translate("SetupWizard", "Save the public key"))
        accessible(self.save_button, translate("SetupWizard", "Save the key in the credential store"))
        accessible(self.check_button, translate("SetupWizard", "Check the key with a signed request"))
        accessible(self.key_state, translate("SetupWizard", "Whether a key is stored"))
        accessible(self.outcome, translate("SetupWizard", "What the platform answered"))
        accessible(self.problems_label, translate("SetupWizard", "Problems to correct"))
