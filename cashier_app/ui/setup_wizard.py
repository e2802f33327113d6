"""The setup wizard: a new store set up in the window, never by editing a file by hand.

Shown at the first start (no configuration file yet) and from Settings → Setup wizard… later. Its
steps: language and store, the till's folder (watched live during a test payment), print or
observe, the printer (found, tried, its character set read off a chart), the merchant platform
(the key straight to the credential store, checked with a signed request), and a summary of the
whole configuration. Finishing writes a validated file and keeps the old one as a backup
(SetupServices.write); the app then starts on it.

Each step reads the draft when it is shown and writes it back when the technician goes on; a
step whose settings would not be accepted says which and stays.
"""

from __future__ import annotations

import logging
from html import escape

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from cashier_app.ui import theme
from cashier_app.ui.accessibility import accessible
from cashier_app.ui.credentials_dialog import store_text
from cashier_app.ui.i18n import install_translator
from cashier_app.ui.setup_page import SetupPage, problem_style
from cashier_app.ui.setup_rows import SetupDraft, SetupProblem, SetupServices, WriteResult

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

# Time offsets of the stores this app serves first (any ±HH:MM may be typed).
UTC_OFFSETS = ("+08:00", "+09:00", "+07:00", "+05:30", "+00:00", "-05:00")


class StorePage(SetupPage):
    keys = ("general.language", "general.store_name", "general.store_no", "parser.utc_offset")

    def __init__(self, services: SetupServices, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self.setObjectName("setupStorePage")
        self.language = QComboBox()
        self.language.setObjectName("setupLanguage")
        for code in ("auto", "zh_CN", "en"):
            self.language.addItem("", code)
        self.store_name = QLineEdit()
        self.store_name.setObjectName("setupStoreName")
        self.store_no = QLineEdit()
        self.store_no.setObjectName("setupStoreNo")
        self.utc_offset = QComboBox()
        self.utc_offset.setObjectName("setupUtcOffset")
        self.utc_offset.setEditable(True)
        self.utc_offset.addItems(UTC_OFFSETS)
        self.load_error = QLabel()
        self.load_error.setObjectName("setupLoadError")
        self.load_error.setWordWrap(True)
        problem_style(self.load_error, theme.ATTENTION)
        self.form = QFormLayout()
        self.language_label, self.name_label = QLabel(), QLabel()
        self.no_label, self.offset_label = QLabel(), QLabel()
        for label, field in ((self.language_label, self.language), (self.name_label, self.store_name),
                             (self.no_label, self.store_no), (self.offset_label, self.utc_offset)):
            label.setBuddy(field)
            self.form.addRow(label, field)
        column = QVBoxLayout(self)
        column.addWidget(self.load_error)
        column.addLayout(self.form)
        column.addWidget(self.problems_label)
        column.addStretch(1)
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.retranslate()

    def load(self, draft: SetupDraft) -> None:
        self.language.blockSignals(True)
        self.language.setCurrentIndex(max(0, self.language.findData(draft.language)))
        self.language.blockSignals(False)
        self.store_name.setText(draft.store_name)
        self.store_no.setText(draft.store_no)
        self.utc_offset.setCurrentText(draft.utc_offset)
        error = self.services.load_error
        self.load_error.setVisible(bool(error))
        if error:
            self.load_error.setText(translate(
                "SetupWizard", "The configuration in place cannot be read ({error}). The wizard starts from the "
                "defaults; the old file is kept as a backup when you finish.").format(error=error))

    def store(self, draft: SetupDraft) -> None:
        draft.language = str(self.language.currentData())
        draft.store_name = self.store_name.text().strip()
        draft.store_no = self.store_no.text().strip()
        draft.utc_offset = self.utc_offset.currentText().strip()

    def _language_chosen(self) -> None:
        # The wizard speaks the chosen language at once, so the technician reads the rest in it.
        app = QCoreApplication.instance()
        if app is not None:
            install_translator(app, str(self.language.currentData()))

    def retranslate(self) -> None:
        self.setTitle(translate("SetupWizard", "Language and store"))
        self.setSubTitle(translate("SetupWizard", "Which language the window speaks, and which store this till is in."))
        for index, text in enumerate((translate("SetupWizard", "As the computer (Chinese on a Chinese system)"),
                                      "中文", "English")):
            self.language.setItemText(index, text)
        self.language_label.setText(translate("SetupWizard", "&Language"))
        self.name_label.setText(translate("SetupWizard", "Store &name"))
        self.no_label.setText(translate("SetupWizard", "Store n&umber"))
        self.offset_label.setText(translate("SetupWizard", "&Time offset from UTC"))
        self.store_name.setPlaceholderText(translate("SetupWizard", "e.g. 星河便利店 (shown in help and bundles)"))
        self.store_no.setPlaceholderText(translate("SetupWizard", "e.g. SZ-0042 (letters, digits, - and _)"))
        accessible(self.language, translate("SetupWizard", "Language"),
                   translate("SetupWizard", "The language of the window; it changes at once"))
        accessible(self.store_name, translate("SetupWizard", "Store name"))
        accessible(self.store_no, translate("SetupWizard", "Store number"))
        accessible(self.utc_offset, translate("SetupWizard", "Time offset from UTC"),
                   translate("SetupWizard", "The store's time zone as ±HH:MM, for receipt times without one"))
        accessible(self.problems_label, translate("SetupWizard", "Problems to correct"))
        accessible(self.load_error, translate("SetupWizard", "The configuration in place cannot be read"))


class ModePage(SetupPage):
    keys = ("general.mode",)

    def __init__(self, services: SetupServices, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self.setObjectName("setupModePage")
        self.print_mode = QRadioButton()
        self.print_mode.setObjectName("setupModePrint")
        self.observe_mode = QRadioButton()
        self.observe_mode.setObjectName("setupModeObserve")
        self.group = QButtonGroup(self)
        self.group.addButton(self.print_mode)
        self.group.addButton(self.observe_mode)
        self.print_help, self.observe_help = QLabel(), QLabel()
        column = QVBoxLayout(self)
        for button, words in ((self.print_mode, self.print_help), (self.observe_mode, self.observe_help)):
            words.setWordWrap(True)
            words.setIndent(28)
            column.addWidget(button)
            column.addWidget(words)
        column.addWidget(self.problems_label)
        column.addStretch(1)
        self.retranslate()

    def load(self, draft: SetupDraft) -> None:
        (self.observe_mode if draft.mode == "observe" else self.print_mode).setChecked(True)

    def store(self, draft: SetupDraft) -> None:
        draft.mode = "observe" if self.observe_mode.isChecked() else "print"

    def retranslate(self) -> None:
        self.setTitle(translate("SetupWizard", "Print or observe"))
        self.setSubTitle(translate("SetupWizard", "Who prints the receipts at this till?"))
        self.print_mode.setText(translate("SetupWizard", "&Print: this app prints every receipt"))
        self.print_help.setText(translate("SetupWizard", "The till only writes print.txt; the app prints it, "
                                                         "reprints, and holds receipts while the printer is down."))
        self.observe_mode.setText(translate("SetupWizard", "&Observe: the till prints, the app only records"))
        self.observe_help.setText(translate("SetupWizard", "The till keeps printing as it does; the app records "
                                                           "every receipt, finds paid orders without one, and can "
                                                           "still reprint on request."))
        accessible(self.print_mode, translate("SetupWizard", "Print mode"), self.print_help.text())
        accessible(self.observe_mode, translate("SetupWizard", "Observe mode"), self.observe_help.text())
        accessible(self.problems_label, translate("SetupWizard", "Problems to correct"))


class SummaryPage(SetupPage):
    def __init__(self, services: SetupServices, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self.setObjectName("setupSummaryPage")
        self.where = QLabel()
        self.where.setObjectName("setupSummaryWhere")
        self.where.setWordWrap(True)
        self.overview = QLabel()
        self.overview.setObjectName("setupSummaryOverview")
        self.overview.setWordWrap(True)
        self.overview.setTextFormat(Qt.TextFormat.RichText)
        self.file_label = QLabel()
        self.preview = QPlainTextEdit()
        self.preview.setObjectName("setupSummaryPreview")
        self.preview.setReadOnly(True)
        self.file_label.setBuddy(self.preview)
        self.outcome = QLabel()
        self.outcome.setObjectName("setupSummaryOutcome")
        self.outcome.setWordWrap(True)
        self.key_state = QLabel()
        self.key_state.setObjectName("setupSummaryKey")
        self.key_state.setWordWrap(True)
        self._problems: list[SetupProblem] = []
        column = QVBoxLayout(self)
        column.addWidget(self.overview)
        column.addWidget(self.key_state)
        column.addWidget(self.where)
        column.addWidget(self.file_label)
        column.addWidget(self.preview, 1)
        column.addWidget(self.problems_label)
        column.addWidget(self.outcome)
        self.retranslate()

    def load(self, draft: SetupDraft) -> None:
        self.overview.setText(overview_html(draft))
        self.preview.setPlainText(self.services.preview(draft))
        self._problems = self.services.problems(draft)
        self.show_problems(self._problems)
        self.outcome.setText("")
        self._say_where()
        self._say_key(draft)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self._problems

    def _say_key(self, draft: SetupDraft) -> None:
        try:
            state = self.services.credentials(draft).credential_state()
        except Exception as error:  # the credential store may not answer: say so, the file can still be written
            self.key_state.setText(translate("SetupWizard", "Platform key: the credential store cannot be asked "
                                                            "({error}).").format(error=error))
            problem_style(self.key_state, theme.ATTENTION)
            return
        if state.has_key:
            self.key_state.setText(translate("SetupWizard", "Platform key for {account}: stored.")
                                   .format(account=state.account) + "\n" + store_text(state))
            problem_style(self.key_state, theme.OK if state.store_kind == "system" else theme.ATTENTION)
        else:
            self.key_state.setText(translate("SetupWizard", "Platform key for {account}: not stored. Lookups and "
                                                            "reconciliation will not work until it is (Settings → "
                                                            "Platform key).").format(account=state.account))
            problem_style(self.key_state, theme.ATTENTION)

    def _say_where(self) -> None:
        path = self.services.config_file()
        if self.services.has_config():
            text = translate("SetupWizard", "This is written to {path}. The file there now is kept as a backup "
                                            "beside it.")
        else:
            text = translate("SetupWizard", "This is written to {path}.")
        self.where.setText(text.format(path=path))

    def show_outcome(self, text: str, severity: str) -> None:
        self.outcome.setText(text)
        problem_style(self.outcome, severity)

    def retranslate(self) -> None:
        self.setTitle(translate("SetupWizard", "Summary"))
        self.setSubTitle(translate("SetupWizard", "The whole configuration. Finish writes it and starts the app "
                                                  "on it; the platform key is not in it (it is in the credential "
                                                  "store)."))
        if self.wizard() is not None:
            self._say_where()
        self.file_label.setText(translate("SetupWizard", "The &file, as written (settings left at their defaults "
                                                         "are not in it):"))
        if self.wizard() is not None:
            self.overview.setText(overview_html(self.draft))
        accessible(self.overview, translate("SetupWizard", "The store's setup at a glance"))
        accessible(self.preview, translate("SetupWizard", "The configuration to be written"))
        accessible(self.where, translate("SetupWizard", "Where the configuration is written"))
        accessible(self.outcome, translate("SetupWizard", "Outcome of writing"))
        accessible(self.key_state, translate("SetupWizard", "Whether the platform key is stored"))
        accessible(self.problems_label, translate("SetupWizard", "Problems to correct"))


def _platform_words(draft: SetupDraft) -> str:
    if draft.platform_kind == "wechatpay-v3":
        merchant = (translate("SetupWizard", "service provider {sp}, sub-merchant {sub}").format(
            sp=draft.wechat_sp_mchid, sub=draft.wechat_sub_mchid) if draft.wechat_sub_mchid else
            translate("SetupWizard", "merchant {merchant}").format(merchant=draft.wechat_mchid))
        mode = (translate("SetupWizard", "public key {id}").format(id=draft.wechat_public_key_id)
                if draft.wechat_public_key_id else translate("SetupWizard", "platform certificates"))
        return f"{draft.wechat_base_url}, {merchant}, {mode}"
    if draft.platform_kind == "alipay":
        return f"{draft.alipay_gateway_url}, app {draft.alipay_app_id}"
    return f"{draft.base_url}, " + translate("SetupWizard", "merchant {merchant}, terminal {terminal}").format(
        merchant=draft.merchant_no, terminal=draft.terminal_no)


def overview_html(draft: SetupDraft) -> str:
    """The whole setup at a glance: every step's choices, defaults included, in the technician's words."""
    from cashier_app.ui.setup_platform_page import platform_kind_name
    from cashier_app.ui.setup_printer_page import kind_name

    p = draft.printer
    where = {
        "network": f"{p.host}:{p.port}", "usb": f"{p.usb_vendor_id:04x}:{p.usb_product_id:04x}",
        "serial": f"{p.serial_port} @ {p.baudrate}", "file": p.device_path,
    }.get(p.kind, p.queue_name)
    yes, no = translate("SetupWizard", "yes"), translate("SetupWizard", "no")
    rows = [
        (translate("SetupWizard", "Store"), f"{draft.store_name} ({draft.store_no or '—'}), UTC{draft.utc_offset}, "
         + translate("SetupWizard", "language: {language}").format(language=draft.language)),
        (translate("SetupWizard", "Till folder"), ", ".join(draft.folders) or "—"),
        (translate("SetupWizard", "File names"), " ".join(draft.patterns)),
        (translate("SetupWizard", "Mode"), translate("SetupWizard", "the app prints") if draft.mode == "print"
         else translate("SetupWizard", "the till prints, the app records")),
        (translate("SetupWizard", "Printer"), f"{kind_name(p.kind)}: {where or '—'}"),
        (translate("SetupWizard", "Paper and characters"),
         translate("SetupWizard", "{columns} columns, {charset}; cutter {cutter}, drawer {drawer}, status asked "
                                  "{status}").format(columns=p.columns, charset=p.charset.upper(),
                                                     cutter=yes if p.cutter else no,
                                                     drawer=yes if p.drawer_kick else no,
                                                     status=yes if p.check_status else no)),
        (translate("SetupWizard", "Platform"), f"{platform_kind_name(draft.platform_kind)}: {_platform_words(draft)}"),
    ]
    cells = "".join(f"<tr><td style='padding-right:16px'><b>{escape(name)}</b></td><td>{escape(value)}</td></tr>"
                    for name, value in rows)
    return f"<table>{cells}</table>"


class SetupWizard(QWizard):
    """The wizard over SetupServices. `written` carries the WriteResult once the file is in place."""

    written = Signal(object)  # WriteResult

    STORE, FOLDER, MODE, PRINTER, PLATFORM, SUMMARY = range(6)

    def __init__(self, services: SetupServices, parent: QWidget | None = None, *,
                 watch_silence_s: float = 60.0) -> None:
        super().__init__(parent)
        from cashier_app.ui.setup_folder_page import FolderPage
        from cashier_app.ui.setup_platform_page import PlatformPage
        from cashier_app.ui.setup_printer_page import PrinterPage

        self.setObjectName("setupWizard")
        self.services = services
        self.draft = services.draft()
        self.result_written: WriteResult | None = None
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        self.resize(1100, 720)
        self.store_page = StorePage(services)
        self.folder_page = FolderPage(services, watch_silence_s=watch_silence_s)
        self.mode_page = ModePage(services)
        self.printer_page = PrinterPage(services)
        self.platform_page = PlatformPage(services)
        self.summary_page = SummaryPage(services)
        for page_id, page in enumerate(self.setup_pages()):
            self.setPage(page_id, page)
        self.retranslate()

    def setup_pages(self) -> list[SetupPage]:
        return [self.store_page, self.folder_page, self.mode_page, self.printer_page, self.platform_page,
                self.summary_page]

    def accept(self) -> None:
        """Finish: write the file (validated, the old one kept); stay open and say why when it cannot be."""
        try:
            result = self.services.write(self.draft)
        except Exception as error:
            log.warning("setup: the configuration was not written: %s", error)
            key = getattr(error, "key", "")
            self.summary_page.show_outcome(
                translate("SetupWizard", "Not written: {error}").format(error=str(error) if not key else
                                                                         f"{key}: {str(error).split(': ', 1)[-1]}"),
                theme.FAULT)
            return
        self.result_written = result
        log.info("setup: configuration written to %s", result.path)
        self.written.emit(result)
        super().accept()

    def done(self, result: int) -> None:
        for page in self.setup_pages():
            try:
                page.shutdown()
            except Exception:
                log.exception("setup: stopping %s failed", page.objectName())
        super().done(result)

    def retranslate(self) -> None:
        self.setWindowTitle(translate("SetupWizard", "Set up the cashier companion"))
        self.setButtonText(QWizard.WizardButton.FinishButton, translate("SetupWizard", "&Write and start"))
        self.setButtonText(QWizard.WizardButton.NextButton, translate("SetupWizard", "&Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, translate("SetupWizard", "< &Back"))
        self.setButtonText(QWizard.WizardButton.CancelButton, translate("SetupWizard", "Cancel"))
        for which, name in ((QWizard.WizardButton.FinishButton, translate("SetupWizard", "Write and start")),
                            (QWizard.WizardButton.NextButton, translate("SetupWizard", "Next step")),
                            (QWizard.WizardButton.BackButton, translate("SetupWizard", "Previous step")),
                            (QWizard.WizardButton.CancelButton, translate("SetupWizard", "Cancel the setup"))):
            button = self.button(which)
            if button is not None:
                accessible(button, name)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
