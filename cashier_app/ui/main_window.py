"""The main window: pages as tabs (from the page registry), the status bar, shortcuts, tray and state.

In training mode (--training) a banner across the top and the window title say so: nothing done here
touches a real order. The banner also shows the step being practised and its lesson.

The Settings menu holds what the technician sets up in the store: the platform key (Ctrl+K) and the
setup wizard, after which the app restarts on the configuration it wrote (restart_requested).

Orders paid for without a receipt, waiting for the cashier, are listed in a banner under it, above
every page; F9 prints the first one's receipt (ui/missing_receipt_banner.py).
"""

from __future__ import annotations

import dataclasses
import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QLabel,
    QMainWindow,
    QMenu,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cashier_app.domain.access import ProtectedAction
from cashier_app.ui import messages, theme
from cashier_app.ui.accessibility import accessible
from cashier_app.ui.alerts import AlertCenter, overall_severity, state_summary
from cashier_app.ui.appearance import BASE_PX, Appearance, styled
from cashier_app.ui.appearance import apply as apply_appearance
from cashier_app.ui.appearance import current as current_appearance
from cashier_app.ui.bridge import ServiceBridge
from cashier_app.ui.credentials_dialog import CredentialsDialog
from cashier_app.ui.display_dialog import MAX_PX, MIN_PX, DisplayDialog
from cashier_app.ui.icons import app_icon, state_icon
from cashier_app.ui.manager_pin import ManagerPinDialog, run_protected
from cashier_app.ui.missing_receipt_banner import PAID_NO_RECEIPT, MissingReceiptBanner
from cashier_app.ui.pages import Page, PageContext, PageRegistry, PageSpec
from cashier_app.ui.rows import JOB_HELD, JobRow, PlatformStatusRow, PrinterStatusRow, RefusedRow
from cashier_app.ui.services import UiServices
from cashier_app.ui.setup_wizard import SetupWizard
from cashier_app.ui.sign_in_gate import SignInGate
from cashier_app.ui.status_bar import StatusBar
from cashier_app.ui.training_panel import FINISH_KEY, TrainingPanel
from cashier_app.ui.tray import TrayIcon
from cashier_app.ui.window_pages import window_pages

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

# Notices that describe a lasting condition, and the notice that ends it.
_CONDITIONS = {"watch_folder_missing": "watch_folder_restored"}
# Notices that change the number of open cases.
_CASE_NOTICES = ("case_opened", "case_updated")
# Training mode's notices (app/training.py): shown in the banner and told as a desktop notification.
_TRAINING_NOTICES = ("training_step", "training_paper_refilled", "training_feedback", "training_done")

TRAINING_BANNER_STYLE = (
    "QFrame#trainingArea { background: #6a1b9a; }"
    " QFrame#trainingArea QLabel { background: transparent; color: #ffffff; }"
    " QLabel#trainingBanner { font-size: 20px; font-weight: bold; padding: 10px 16px 4px 16px; }"
    " QLabel#trainingLesson { font-size: 18px; padding: 0 16px 10px 16px; }"
    " QLabel#trainingFeedback { font-size: 16px; }"
)


def _page_in(widget: QWidget | None) -> Page | None:
    """The page a tab shows (each sits in a scroll area)."""
    if isinstance(widget, QScrollArea):
        widget = widget.widget()
    return widget if isinstance(widget, Page) else None


class MainWindow(QMainWindow):
    quit_requested = Signal()  # the operator chose Quit (tray menu); the app stops the services and quits
    # The setup wizard wrote a new configuration: the app stops its services and starts again on it.
    restart_requested = Signal()
    state_changed = Signal(str)  # overall severity: theme.OK / ATTENTION / FAULT

    def __init__(
        self,
        services: UiServices,
        bridge: ServiceBridge,
        registry: PageRegistry | None = None,
        tray: TrayIcon | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.services = services
        self.bridge = bridge
        self.context = PageContext(services, bridge)
        self.tray: TrayIcon | None = None
        self._quitting = False
        self._told_about_tray = False
        self._held_jobs: set[int] = set()
        self._conditions: dict[str, str] = {}  # notice code -> severity, while the condition lasts
        self._severity = theme.OK
        self._pages: dict[str, Page] = {}
        self._shortcuts: list[QShortcut] = []
        self._open_cases: int | None = None
        self._training_step: dict[str, Any] | None = None  # params of the last training_step notice
        self._credentials_dialog: CredentialsDialog | None = None
        self._setup_wizard: SetupWizard | None = None
        self.alerts = AlertCenter(self)
        self._training = self._ask_training()

        self.setWindowIcon(app_icon())
        self.resize(1280, 800)
        self.setMinimumSize(960, 600)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("pageTabs")
        self.tabs.setDocumentMode(True)
        self.training_area = QFrame()
        self.training_area.setObjectName("trainingArea")
        styled(self.training_area, TRAINING_BANNER_STYLE)
        self.training_banner = QLabel()
        self.training_banner.setObjectName("trainingBanner")
        self.training_lesson = QLabel()  # "Step 2/5: <lesson>", once the first step is announced
        self.training_lesson.setObjectName("trainingLesson")
        self.training_lesson.setWordWrap(True)
        self.training_lesson.setVisible(False)
        banner_column = QVBoxLayout(self.training_area)
        banner_column.setContentsMargins(0, 0, 0, 0)
        banner_column.setSpacing(0)
        banner_column.addWidget(self.training_banner)
        banner_column.addWidget(self.training_lesson)
        # Lesson done (F10), load paper, the feedback and the trainees' report.
        self.training_panel = TrainingPanel(services, self)
        self.training_panel.status_message.connect(self.show_message)
        banner_column.addWidget(self.training_panel)
        self.training_area.setVisible(self._training)
        self.missing_receipts = MissingReceiptBanner(services, self)
        self.missing_receipts.status_message.connect(self.show_message)
        self.missing_receipts.cases_changed.connect(self.refresh_open_cases)
        # The pages and the banner above them; the training banner stays above the sign-in screen too.
        body, body_column = _stacked("pagesArea")
        body_column.addWidget(self.missing_receipts)
        body_column.addWidget(self.tabs, 1)
        central, column = _stacked("centralArea")
        column.addWidget(self.training_area)
        self.status = StatusBar(self)
        self.setStatusBar(self.status)
        self._build_menus()
        # Who is at the till: the sign-in screen over the pages while nobody is signed in (sign-in on).
        self.gate = SignInGate(self, body)
        column.addWidget(self.gate.widget, 1)
        self.setCentralWidget(central)
        self.pin_dialog: ManagerPinDialog | None = None  # the manager's PIN for the key dialog, when asked
        self._specs: dict[str, PageSpec] = {}
        # Each page's tab: the scroll area holding the page, or its stand-in until the page is built.
        self._tab_widgets: dict[str, QScrollArea] = {}
        self.tabs.currentChanged.connect(self._tab_changed)

        # Only the first page is built now; the others when first shown (a faster start, less memory).
        for position, spec in enumerate((registry or window_pages()).specs()):
            self.add_page(spec, lazy=position > 0)

        self._add_shortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self.refresh_current)
        self._add_shortcut(QKeySequence("F5"), self.refresh_current)
        self._add_shortcut(QKeySequence(QKeySequence.StandardKey.Print), self.reprint_selected)
        self._add_shortcut(QKeySequence("Ctrl+P"), self.reprint_selected)
        self._add_shortcut(QKeySequence("Ctrl+F"), self.focus_lookup)
        self._add_shortcut(QKeySequence("F9"), self.print_missing_receipt)
        # The till's text size, larger or smaller for this session (ZoomIn is Ctrl++ and Ctrl+= on most keyboards).
        self._add_shortcut(QKeySequence(QKeySequence.StandardKey.ZoomIn), lambda: self.change_text_size(2))
        self._add_shortcut(QKeySequence("Ctrl+="), lambda: self.change_text_size(2))
        self._add_shortcut(QKeySequence(QKeySequence.StandardKey.ZoomOut), lambda: self.change_text_size(-2))
        self._add_shortcut(QKeySequence("Ctrl+0"), lambda: self.change_text_size(0))
        if self._training:
            self._add_shortcut(QKeySequence(FINISH_KEY), self.training_panel.finish)

        bridge.printer_status_changed.connect(self._on_printer_status)
        bridge.platform_status_changed.connect(self._on_platform_status)
        bridge.print_job_changed.connect(self._on_job_changed)
        bridge.file_refused.connect(self._on_file_refused)
        bridge.notice.connect(self._on_notice)

        self._load_start_state()
        if tray is not None:
            self.set_tray(tray)
        self.gate.start()
        self.retranslate()
        self._update_state()

    # --- pages ---------------------------------------------------------------------------------
    def add_page(self, spec: PageSpec, *, lazy: bool = False) -> Page | None:
        """Add a page's tab. `lazy`: the page is built when first shown (its tab holds a stand-in
        until then), so that the window starts with only the page it shows; returns None then."""
        if spec.key in self._tab_widgets:
            raise ValueError(f"page {spec.key!r} is already shown")
        self._specs[spec.key] = spec
        # Each page sits in a scroll area: it scrolls when it does not fit (a large text size on a small till
        # screen), never overlaps. A page built later replaces the stand-in inside it.
        frame = QScrollArea()
        frame.setObjectName("pageFrame")
        frame.setWidgetResizable(True)
        frame.setFrameShape(QFrame.Shape.NoFrame)
        page: Page | None = None
        if not lazy:
            page = self._build(spec)
            frame.setWidget(page)
        else:
            stand_in = QWidget()
            stand_in.setObjectName(f"{spec.key}PageToBuild")
            frame.setWidget(stand_in)
        self._tab_widgets[spec.key] = frame
        self.tabs.addTab(frame, spec.title())
        self.tabs.tabBar().setVisible(self.tabs.count() > 1)  # one page needs no tab: its heading says it
        if spec.shortcut:
            self._add_shortcut(QKeySequence(spec.shortcut), lambda key=spec.key: self.show_page(key))
        if spec.requires is not None:
            self.apply_access()
        return page

    def _build(self, spec: PageSpec) -> Page:
        page = spec.factory(dataclasses.replace(self.context, spec=spec))
        page.setProperty("pageKey", spec.key)
        self._pages[spec.key] = page
        page.status_message.connect(self.show_message)
        page.title_changed.connect(self._retranslate_tabs)
        page.cases_changed.connect(self.refresh_open_cases)
        return page

    def page(self, key: str) -> Page:
        """The page (built now if it was not yet)."""
        found = self._pages.get(key)
        if found is not None:
            return found
        frame = self._tab_widgets[key]
        page = self._build(self._specs[key])
        frame.setWidget(page)  # the stand-in goes with it
        return page

    def pages(self) -> dict[str, Page]:
        """The pages built so far (the others are built when first shown)."""
        return dict(self._pages)

    def show_page(self, key: str) -> Page:
        if not self.page_visible(key):
            self.show_message(translate("MainWindow", "This page is for another role. Press F12 to switch person."),
                              theme.INFO, notify=False)
            return self.current_page() or self.page(key)
        page = self.page(key)
        self.tabs.setCurrentWidget(self._tab_widgets[key])
        return page

    def page_visible(self, key: str) -> bool:
        return self.tabs.isTabVisible(self.tabs.indexOf(self._tab_widgets[key]))

    def _tab_changed(self, index: int) -> None:
        # A tab chosen by a click or a key: its page is built now.
        for key, widget in self._tab_widgets.items():
            if self.tabs.indexOf(widget) == index and key not in self._pages:
                self.page(key)
                break

    # --- who is at the till ------------------------------------------------------------------------
    def apply_access(self) -> None:
        """Show each page's tab only to a person who may use it (PageSpec.requires)."""
        for key, widget in self._tab_widgets.items():
            spec = self._specs.get(key)
            visible = self.gate.may_see(spec.requires if spec is not None else None)
            self.tabs.setTabVisible(self.tabs.indexOf(widget), visible)
        if not self.tabs.isTabVisible(self.tabs.currentIndex()):
            for index in range(self.tabs.count()):
                if self.tabs.isTabVisible(index):
                    self.tabs.setCurrentIndex(index)
                    break

    def set_locked(self, locked: bool) -> None:
        """While nobody is signed in: no page keys, no menus but the person menu (F12 stays)."""
        for shortcut in self._shortcuts:
            shortcut.setEnabled(not locked)
        self.settings_menu.menuAction().setEnabled(not locked)
        self.credentials_action.setEnabled(not locked)

    def close_dialogs(self) -> None:
        """The person is leaving (signed out): what they had open is closed, never left for the next one."""
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.reject()

    def focus_start_page(self) -> None:
        page = self.current_page()
        if page is not None and page.has_lookup:
            page.focus_lookup()

    def current_page(self) -> Page | None:
        return _page_in(self.tabs.currentWidget())

    # --- menus -------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        self.settings_menu = QMenu(self)
        self.settings_menu.setObjectName("settingsMenu")
        self.credentials_action = QAction(self)
        self.credentials_action.setObjectName("credentialsAction")
        self.credentials_action.setShortcut(QKeySequence("Ctrl+K"))
        self.credentials_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.credentials_action.triggered.connect(self.open_credentials)
        self.settings_menu.addAction(self.credentials_action)
        self.setup_action = QAction(self)
        self.setup_action.setObjectName("setupAction")
        self.setup_action.triggered.connect(self.open_setup)
        self.settings_menu.addAction(self.setup_action)
        self.display_action = QAction(self)
        self.display_action.setObjectName("displayAction")
        self.display_action.triggered.connect(self.open_display)
        self.settings_menu.addAction(self.display_action)
        self.menuBar().addMenu(self.settings_menu)

    def open_credentials(self) -> CredentialsDialog | None:
        """Settings → Platform key… (Ctrl+K): the technician enters or checks the terminal's key. Where the store
        wants a manager's PIN for it, `pin_dialog` opens first and this returns None; the key dialog follows."""
        if self._credentials_dialog is not None:  # open already: bring it forward, never a second one
            self._credentials_dialog.raise_()
            self._credentials_dialog.activateWindow()
            return self._credentials_dialog
        opened: list[CredentialsDialog | None] = []
        self.pin_dialog = run_protected(self, self.services, ProtectedAction.CHANGE_KEY,
                                        lambda: opened.append(self._open_credentials()),
                                        refused=lambda error: self.show_message(messages.error_text(error),
                                                                                theme.ATTENTION))
        return opened[0] if opened else None

    def _open_credentials(self) -> CredentialsDialog | None:
        try:
            credentials = self.services.credential_services()
            if credentials is None:
                self.show_message(translate("MainWindow", "This app has no merchant platform to set a key for."),
                                  theme.INFO)
                return None
            dialog = CredentialsDialog(credentials, self)
        except Exception as error:  # the credential store can fail to answer: say so, never crash
            log.warning("opening the platform key dialog failed: %s", error)
            self.show_message(messages.error_text(error), theme.FAULT)
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._credentials_closed)
        self._credentials_dialog = dialog
        dialog.open()
        return dialog

    def open_setup(self) -> SetupWizard | None:
        """Settings → Setup wizard…: the technician goes through the store's setup again; the app restarts on it.
        Where the store wants a manager's PIN to change settings, `pin_dialog` opens first and this returns
        None; the wizard follows."""
        if self._setup_wizard is not None:
            self._setup_wizard.raise_()
            self._setup_wizard.activateWindow()
            return self._setup_wizard
        opened: list[SetupWizard | None] = []
        self.pin_dialog = run_protected(self, self.services, ProtectedAction.CHANGE_SETTINGS,
                                        lambda: opened.append(self._open_setup()),
                                        refused=lambda error: self.show_message(messages.error_text(error),
                                                                                theme.ATTENTION))
        return opened[0] if opened else None

    def _open_setup(self) -> SetupWizard | None:
        try:
            setup = self.services.setup_services()
            if setup is None:
                self.show_message(translate("MainWindow", "This app has no configuration file to set up."), theme.INFO)
                return None
            wizard = SetupWizard(setup, self)
        except Exception as error:  # a configuration or credential store that fails to answer: say so
            log.warning("opening the setup wizard failed: %s", error)
            self.show_message(messages.error_text(error), theme.FAULT)
            return None
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.written.connect(self._setup_written)
        wizard.finished.connect(self._setup_closed)
        self._setup_wizard = wizard
        wizard.open()
        return wizard

    def open_display(self) -> DisplayDialog | None:
        """Settings → Display…: the text size and the colours, seen at once, kept on Save."""
        opened: list[DisplayDialog | None] = []

        def show() -> None:
            dialog = DisplayDialog(self.services, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.accepted.connect(lambda: self.show_message(
                translate("MainWindow", "The display settings are saved."), theme.OK))
            dialog.open()
            opened.append(dialog)

        self.pin_dialog = run_protected(self, self.services, ProtectedAction.CHANGE_SETTINGS, show,
                                        refused=lambda error: self.show_message(messages.error_text(error),
                                                                                theme.ATTENTION))
        return opened[0] if opened else None

    def change_text_size(self, step: int) -> int:
        """Ctrl+ / Ctrl− (Ctrl+0: the designed size) for this session; Settings → Display… keeps it."""
        now = current_appearance()
        size = BASE_PX if step == 0 else max(MIN_PX, min(MAX_PX, now.font_size + step))
        app = QApplication.instance()
        if isinstance(app, QApplication) and size != now.font_size:
            apply_appearance(app, Appearance(size, now.theme))
        self.show_message(translate("MainWindow", "Text size {size} px (Settings → Display… keeps it).")
                          .format(size=size), theme.INFO, notify=False)
        return size

    def setup_wizard(self) -> SetupWizard | None:
        return self._setup_wizard

    def _setup_closed(self) -> None:
        self._setup_wizard = None

    def _setup_written(self, result: object) -> None:
        info = self.services.store_info()
        if info.demo or info.training:
            # Demo and training run on their own sandbox and virtual printer whatever the file says.
            self.show_message(translate("MainWindow", "The configuration is saved; it is used when the app starts "
                                                      "without demo or training."), theme.INFO)
            return
        self.restart_requested.emit()

    def tell_restarted(self) -> None:
        self.show_message(translate("MainWindow", "Started on the new configuration."), theme.OK)

    def credentials_dialog(self) -> CredentialsDialog | None:
        return self._credentials_dialog

    def _credentials_closed(self) -> None:
        self._credentials_dialog = None

    # --- shortcut actions ----------------------------------------------------------------------
    def refresh_current(self) -> None:
        page = self.current_page()
        if page is not None:
            page.refresh()
        self._load_start_state()

    def reprint_selected(self) -> QWidget | None:
        page = self.current_page()
        if page is None or not page.can_reprint:
            self.show_message(translate("MainWindow", "Nothing to reprint on this page."), theme.INFO)
            return None
        return page.reprint_selected()

    def print_missing_receipt(self) -> bool:
        """F9: print the receipt of the first paid order in the banner (no dialog: the banner says which)."""
        return self.missing_receipts.print_first()

    def focus_lookup(self) -> bool:
        for key, spec in self._specs.items():
            # A page class says so itself; a page built by a factory function says so once built.
            declared = isinstance(spec.factory, type) and issubclass(spec.factory, Page) and spec.factory.has_lookup
            if declared or (key in self._pages and self._pages[key].has_lookup):
                page = self.page(key)
                self.tabs.setCurrentWidget(self._tab_widgets[key])
                page.focus_lookup()
                return True
        return False

    # --- messages and state --------------------------------------------------------------------
    def show_message(self, text: str, severity: str = theme.INFO, *, notify: bool = True) -> None:
        """Show a short text in the status bar; attention and faults also notify when the window is not in front."""
        self.status.show_notice(text, severity)
        if notify and severity in (theme.ATTENTION, theme.FAULT):
            self.alerts.notify(text, severity)

    def severity(self) -> str:
        return self._severity

    def set_open_cases(self, count: int | None) -> None:
        self._open_cases = count
        self.status.set_open_cases(count)
        self._update_state()

    def open_cases(self) -> int | None:
        return self._open_cases

    def refresh_open_cases(self) -> None:
        try:
            self.set_open_cases(self.services.open_case_count())
        except Exception as error:
            log.warning("counting open cases failed: %s", error)
            self.set_open_cases(None)

    def is_training(self) -> bool:
        return self._training

    def _ask_training(self) -> bool:
        try:
            return bool(self.services.training())
        except Exception as error:
            log.warning("asking for training mode failed: %s", error)
            return False

    def training_step(self) -> dict[str, Any] | None:
        """The training step shown in the banner (its notice's params), if any."""
        return dict(self._training_step) if self._training_step is not None else None

    def show_training_step(self, params: dict[str, Any]) -> None:
        self._training_step = dict(params)
        self._show_training_lesson()

    def _show_training_lesson(self) -> None:
        step = self._training_step
        self.training_lesson.setText(messages.training_step_text(step) if step else "")
        self.training_lesson.setVisible(self._training and step is not None)

    def _load_training_step(self) -> None:
        # A step announced before the window connected to the bridge is only known by asking.
        if not self._training or self._training_step is not None:
            return
        try:
            step = self.services.training_step()
        except Exception as error:
            log.warning("asking for the training step failed: %s", error)
            return
        if step:
            self.show_training_step(step)

    def _on_training_notice(self, code: str, params: dict[str, Any]) -> None:
        if code == "training_step":
            self.show_training_step(params)
            self.training_panel.show_step(params)
        elif code == "training_feedback":
            self.training_panel.show_feedback(params)
            self._training_step = None
            self._show_training_lesson()
        elif code == "training_done":
            self.training_panel.show_done(params)
            self._training_step = None
            self._show_training_lesson()
        text = messages.notice_text(code, params)
        self.show_message(text, messages.notice_severity(code), notify=False)
        # The trainee is told of every step, even with the window in front: the banner alone is easily missed.
        self.alerts.notify(text, messages.notice_severity(code), always=True)

    def _load_start_state(self) -> None:
        try:
            if not self.gate.required:
                self.status.set_operator(self.services.operator())
            self.status.set_printer_names(self.services.printer_names())
            self._held_jobs = {job.job_id for job in self.services.held_jobs() if job.state == JOB_HELD}
        except Exception as error:
            log.warning("loading the window's start state failed: %s", error)
            self.show_message(messages.error_text(error), theme.FAULT)
        self.refresh_open_cases()
        self.missing_receipts.reload()
        self._load_training_step()

    def _on_printer_status(self, row: PrinterStatusRow) -> None:
        self.status.set_printer_status(row)
        self.alerts.printer_status(row)
        self._update_state()

    def _on_platform_status(self, row: PlatformStatusRow) -> None:
        self.status.set_platform_status(row)
        self.alerts.platform_status(row)
        self._update_state()

    def _on_job_changed(self, job: JobRow) -> None:
        if job.state == JOB_HELD:
            self._held_jobs.add(job.job_id)
        else:
            self._held_jobs.discard(job.job_id)
        self._update_state()

    def _on_file_refused(self, row: RefusedRow) -> None:
        log.info("file refused: %s (%s) %s", row.path, row.reason, row.detail)
        self.show_message(messages.refused_file_text(row), theme.ATTENTION)

    def _on_notice(self, code: str, params: Any) -> None:
        params = params if isinstance(params, dict) else {}
        if code in _TRAINING_NOTICES:
            self._on_training_notice(code, params)
            return
        severity = messages.notice_severity(code)
        if code in _CONDITIONS:
            self._conditions[code] = severity
        for condition, ending in _CONDITIONS.items():
            if code == ending:
                self._conditions.pop(condition, None)
        if code in _CASE_NOTICES:
            self.refresh_open_cases()
            self.missing_receipts.case_notice(code, params)
            if code == "case_opened":
                self._tell_case_opened(params, severity)
            return  # an updated case needs no words: the count and the cases page show it
        if code == "escalation_overdue":
            self.refresh_open_cases()  # and said below, with a notification: the manager is reminded once
        self.show_message(messages.notice_text(code, params), severity)
        self._update_state()

    def _tell_case_opened(self, params: dict[str, Any], severity: str) -> None:
        banner_text = None
        if params.get("kind") == PAID_NO_RECEIPT and isinstance(params.get("case_id"), int):
            banner_text = self.missing_receipts.notice_text(params["case_id"])
        if banner_text is None:
            self.show_message(self.alerts.case_opened(params), severity, notify=False)
            return
        # Waiting in the banner: say which key prints it, rather than pointing to the cases page.
        self.alerts.notify(banner_text, theme.ATTENTION)
        self.show_message(banner_text, theme.ATTENTION, notify=False)

    def _update_state(self) -> None:
        severity = overall_severity(
            self.status.printer_severity(),
            self.status.platform_severity(),
            held_jobs=len(self._held_jobs),
            open_cases=self._open_cases or 0,
            conditions=self._conditions.values(),
        )
        summary = state_summary(self.status.printer_text(), self.status.platform_text(), self._open_cases)
        # Without a tray, the window (and taskbar) icon carries the state colour.
        self.setWindowIcon(state_icon(severity) if self.tray is None else app_icon())
        if self.tray is not None:
            self.tray.set_state(severity, summary)
        if severity != self._severity:
            self._severity = severity
            self.state_changed.emit(severity)

    # --- tray and closing ----------------------------------------------------------------------
    def set_tray(self, tray: TrayIcon) -> None:
        """Use a tray icon: it shows the state, and closing the window hides it to the tray."""
        self.tray = tray
        self.alerts.set_tray(tray)
        tray.show_window_requested.connect(self.bring_to_front)
        tray.quit_requested.connect(self.quit)
        self._update_state()

    def shutdown(self) -> None:
        """Before the services stop: the pages drop results still to come and start nothing new."""
        self.gate.sign_out_on_quit()
        self.gate.idle.stop()
        if self._credentials_dialog is not None:
            self._credentials_dialog.reject()  # stops its worker (a key check in flight)
        if self._setup_wizard is not None:
            self._setup_wizard.reject()  # stops its watch, scan and tries
        self.missing_receipts.shutdown()
        for page in self._pages.values():
            try:
                page.shutdown()
            except Exception:
                log.exception("stopping page %s failed", page.objectName())

    def wait_stopped(self, timeout_ms: int = 10_000) -> bool:
        """After the services stopped (their calls fail fast then): wait for the pages' worker threads."""
        stopped = [page.wait_stopped(timeout_ms) for page in self._pages.values()]
        return all([*stopped, self.missing_receipts.wait_stopped(timeout_ms)])

    def bring_to_front(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def quit(self) -> None:
        """Really close (not to the tray) and ask the app to quit."""
        self._quitting = True
        self.close()
        self.quit_requested.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.tray is not None and self.tray.isVisible() and not self._quitting:
            event.ignore()
            self.hide()
            if not self._told_about_tray:
                self._told_about_tray = True
                self.tray.notify(translate("MainWindow", "Still running in the tray; receipts keep printing."))
            return
        super().closeEvent(event)

    # --- language ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        if self._training:
            self.setWindowTitle(translate("MainWindow", "Cashier Companion — TRAINING"))
        else:
            self.setWindowTitle(translate("MainWindow", "Cashier Companion"))
        self.training_banner.setText(translate("MainWindow", "Training mode — real orders are not affected"))
        self._show_training_lesson()
        self.settings_menu.setTitle(translate("MainWindow", "&Settings"))
        self.credentials_action.setText(translate("MainWindow", "Platform &key…"))
        self.setup_action.setText(translate("MainWindow", "Setup &wizard…"))
        self.display_action.setText(translate("MainWindow", "&Display…"))
        self.gate.retranslate()
        self._retranslate_tabs()
        # The page keys as registered (ui/window_pages.py), in the tabs' order.
        keys = translate("MainWindow", ", ").join(f"{spec.shortcut} {spec.title()}" for spec in self._specs.values()
                                                  if spec.shortcut)
        accessible(self.tabs, translate("MainWindow", "Pages"),
                   translate("MainWindow", "{keys}; F9 prints a missing receipt").format(keys=keys))
        accessible(self.menuBar(), translate("MainWindow", "Menu"))
        accessible(self.training_banner, self.training_banner.text())
        self._update_state()

    def _retranslate_tabs(self) -> None:
        for key, frame in self._tab_widgets.items():
            self.tabs.setTabText(self.tabs.indexOf(frame), self._specs[key].title())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _add_shortcut(self, sequence: QKeySequence, slot: Any) -> None:
        if sequence.isEmpty():
            return
        for existing in self._shortcuts:
            if existing.key() == sequence:
                return  # StandardKey.Refresh is F5 on most platforms: one shortcut per key
        shortcut = QShortcut(sequence, self)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(slot)
        self._shortcuts.append(shortcut)


def _stacked(name: str) -> tuple[QWidget, QVBoxLayout]:
    """A widget whose children stand one under the other, edge to edge."""
    widget = QWidget()
    widget.setObjectName(name)
    column = QVBoxLayout(widget)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(0)
    return widget, column
