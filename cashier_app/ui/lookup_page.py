"""The lookup page: the cashier types or scans a number, the app says what became of the order and
offers the next step (reprint, sync, close and take payment again, report it).

Keyboard first, scanner friendly: the big field keeps the focus. A scanner "types" the number and
ends with Enter; Enter looks the number up (on a worker thread: the platform may take seconds), and
the field is emptied for the next scan while the result stays on screen. Enter on the empty field
runs the highlighted next step; Y / N answer the voucher question; Esc clears the field.

Every platform call runs on the page's BackgroundRunner; the page only shows LookupViews
(cashier_app.lookup.view), which are immutable, so the worker and the page never share state.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, tzinfo
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cashier_app.domain.access import ProtectedAction
from cashier_app.domain.errors import CodedError, code_of
from cashier_app.domain.guidance import Action, LookupOutcome, Verdict, Voucher
from cashier_app.domain.local_time import store_time, store_zone
from cashier_app.domain.money import format_fen
from cashier_app.domain.order_numbers import NumberKind
from cashier_app.domain.paper import PaperStatus
from cashier_app.ui import messages, theme
from cashier_app.ui.accessibility import accessible
from cashier_app.ui.appearance import styled
from cashier_app.ui.background import BackgroundRunner
from cashier_app.ui.manager_pin import run_protected
from cashier_app.ui.pages import Page, PageContext
from cashier_app.ui.reason_dialog import ReasonDialog
from cashier_app.ui.rows import CASE_OPEN, CaseRow

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

# The guidance's codes the page reacts to (domain/guidance.py decides; the page only shows and asks).
VERDICT_ASK_FOR_VOUCHER = Verdict.ASK_FOR_VOUCHER.value
# Verdicts that ask whether the customer's phone shows a payment voucher (the answer decides the next step).
VERDICTS_ASKING_VOUCHER = (VERDICT_ASK_FOR_VOUCHER, Verdict.NOT_FOUND.value)
VERDICT_NOT_CHARGED = Verdict.NOT_FOUND_NOT_CHARGED.value
PAPER_NONE = PaperStatus.NONE.value
PAPER_PRINTED = PaperStatus.PRINTED.value
OUTCOME_UNKNOWN = LookupOutcome.UNKNOWN.value
ACTION_REPRINT = Action.REPRINT.value
ACTION_PRINT = Action.PRINT.value
ACTION_SYNC = Action.SYNC.value
ACTION_CLOSE = Action.CLOSE_AND_PAY_AGAIN.value
ACTION_QUERY_MERCHANT = Action.QUERY_BY_MERCHANT_NO.value
ACTION_QUERY_AGAIN = Action.QUERY_AGAIN.value
ACTION_ESCALATE = Action.ESCALATE.value
ACTION_CHECK_NUMBER = Action.CHECK_NUMBER.value
ACTION_PAID_AGAIN = Action.PAID_AGAIN.value
PAPER_PRINTED = "printed"  # domain.paper.PaperStatus values, as the view carries them
PAPER_HELD = "held"
PAPER_ON_ITS_WAY = "on_its_way"
# A receipt that came out this recently is not reprinted by Enter (only by a click on Reprint).
JUST_PRINTED_S = 120
# Protected actions (domain/access.py): a manager's PIN where the store wants one.
ACCESS_REPRINT = ProtectedAction.REPRINT.value
ACCESS_CLOSE_ORDER = ProtectedAction.CLOSE_ORDER.value

# How many of the case's latest steps the page shows (the cases page has the whole timeline).
CASE_STEPS_SHOWN = 4

_VERDICT_FONT_PX = 26


def _value(code: Any) -> str:
    """An enum member's value, or the text itself."""
    return str(getattr(code, "value", code))


def _time_text(moment: datetime | str | None, zone: tzinfo) -> str:
    """On the store's clock, whatever offset the platform or the journal wrote it in."""
    return store_time(moment, zone) or "—"


class LookupInput(QLineEdit):
    """The big field. Enter with text: look it up; Enter on the empty field: the default next step."""

    submitted = Signal(str)
    enter_on_empty = Signal()
    cleared = Signal()
    voucher_answered = Signal(bool)  # Y / N while the voucher question shows and nothing is typed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.voucher_question_open = False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            text = self.text().strip()
            if text:
                self.submitted.emit(text)
            else:
                self.enter_on_empty.emit()
            event.accept()
            return
        if key == Qt.Key.Key_Escape:
            self.clear()
            self.cleared.emit()
            event.accept()
            return
        if self.voucher_question_open and not self.text() and key in (Qt.Key.Key_Y, Qt.Key.Key_N):
            self.voucher_answered.emit(key == Qt.Key.Key_Y)
            event.accept()
            return
        super().keyPressEvent(event)


class LookupPage(Page):
    has_lookup = True
    can_reprint = True

    # A LookupView was shown (after every lookup and step): for tests and the window.
    view_shown = Signal(object)
    # A step failed: the error (already shown on the page).
    action_failed = Signal(object)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("lookupPage")
        self.view: Any | None = None  # cashier_app.lookup.LookupView
        self.case_row: CaseRow | None = None
        self.dialog: QWidget | None = None
        self._forced_kind: str | None = None
        self._busy_kind = ""
        self._poll = 0
        self._error_text = ""
        self.runner = BackgroundRunner(self)
        # Re-reads the shown order's paper from the journal when a job of it changes underneath (no
        # platform call, no busy bar: the cashier may be typing the next number meanwhile).
        self.quiet = BackgroundRunner(self)
        self._refresh_after_action = False
        self._stopped = False
        self._zone: tzinfo | None = None
        self.action_buttons: list[QPushButton] = []

        self.heading = QLabel()
        self.heading.setObjectName("pageHeading")
        self.hint = QLabel()
        self.hint.setObjectName("lookupHint")
        self.hint.setWordWrap(True)

        self.input = LookupInput()
        self.input.setObjectName("lookupInput")
        self.input.setMaxLength(512)  # a QR payload with its URL fits
        self.input.setClearButtonEnabled(True)
        self.input.setMinimumHeight(64)
        # Large, for a number read back at arm's length; it grows with the till's text size (ui.appearance).
        styled(self.input, "QLineEdit#lookupInput { font-size: 30px; min-height: 56px; padding: 4px 14px;"
                           " border: 2px solid #1f5fa8; border-radius: 10px; background: #ffffff; }")
        self.input.submitted.connect(self._on_submitted)
        self.input.enter_on_empty.connect(self.run_default_action)
        self.input.cleared.connect(self._on_cleared)
        self.input.voucher_answered.connect(self.answer_voucher)
        self.setFocusProxy(self.input)
        self.lookup_button = QPushButton()
        self.lookup_button.setObjectName("lookupButton")
        self.lookup_button.setMinimumHeight(64)
        self.lookup_button.clicked.connect(lambda: self._on_submitted(self.input.text().strip()))
        input_row = QHBoxLayout()
        input_row.addWidget(self.input, 1)
        input_row.addWidget(self.lookup_button)

        self.busy_bar = QProgressBar()
        self.busy_bar.setObjectName("busyBar")
        self.busy_bar.setRange(0, 0)  # "working", no percentage: a platform call has none
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumHeight(8)
        self.busy_label = QLabel()
        self.busy_label.setObjectName("busyLabel")
        busy_row = QHBoxLayout()
        busy_row.addWidget(self.busy_label)
        busy_row.addWidget(self.busy_bar, 1)
        self.busy_box = QWidget()
        self.busy_box.setLayout(busy_row)
        busy_row.setContentsMargins(0, 0, 0, 0)
        self.busy_box.setVisible(False)

        # --- the answer -------------------------------------------------------------------------
        self.result = QFrame()
        self.result.setObjectName("lookupResult")
        self.result.setFrameShape(QFrame.Shape.StyledPanel)
        styled(self.result, "QFrame#lookupResult { background: #ffffff; border: 1px solid #dadce0;"
                                  " border-radius: 10px; }  QFrame#lookupResult QLabel { border: none; }")
        result_layout = QVBoxLayout(self.result)
        result_layout.setContentsMargins(20, 16, 20, 16)
        result_layout.setSpacing(12)

        self.verdict = QLabel()
        self.verdict.setObjectName("verdictText")
        self.verdict.setWordWrap(True)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        result_layout.addWidget(self.verdict)
        self.reason = QLabel()
        self.reason.setObjectName("verdictReason")
        self.reason.setWordWrap(True)
        result_layout.addWidget(self.reason)
        self.paper_note = QLabel()
        self.paper_note.setObjectName("paperNote")
        self.paper_note.setWordWrap(True)
        result_layout.addWidget(self.paper_note)
        self.next_note = QLabel()
        self.next_note.setObjectName("nextNote")
        self.next_note.setWordWrap(True)
        result_layout.addWidget(self.next_note)

        self.voucher_box = QFrame()
        self.voucher_box.setObjectName("voucherBox")
        voucher_row = QHBoxLayout(self.voucher_box)
        voucher_row.setContentsMargins(0, 0, 0, 0)
        self.voucher_question = QLabel()
        self.voucher_question.setObjectName("voucherQuestion")
        self.voucher_yes = QPushButton()
        self.voucher_yes.setObjectName("voucherYes")
        self.voucher_yes.clicked.connect(lambda: self.answer_voucher(True))
        self.voucher_no = QPushButton()
        self.voucher_no.setObjectName("voucherNo")
        self.voucher_no.clicked.connect(lambda: self.answer_voucher(False))
        voucher_row.addWidget(self.voucher_question)
        voucher_row.addWidget(self.voucher_yes)
        voucher_row.addWidget(self.voucher_no)
        voucher_row.addStretch(1)
        result_layout.addWidget(self.voucher_box)

        self.actions_row = QHBoxLayout()
        self.actions_row.setSpacing(10)
        result_layout.addLayout(self.actions_row)

        self.sync_note = QLabel()
        self.sync_note.setObjectName("syncNote")
        self.sync_note.setWordWrap(True)
        result_layout.addWidget(self.sync_note)

        self.facts = QGridLayout()
        self.facts.setHorizontalSpacing(24)
        self.facts.setVerticalSpacing(6)
        self.fact_names: dict[str, QLabel] = {}
        self.fact_values: dict[str, QLabel] = {}
        fact_keys = ("state", "amount", "channel", "created", "paid", "out_trade_no", "channel_trade_no")
        for position, key in enumerate(fact_keys):
            name = QLabel()
            styled(name, f"color: {theme.NEUTRAL_FOREGROUND};")
            value = QLabel()
            value.setObjectName(f"fact_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            row, column = divmod(position, 2)
            self.facts.addWidget(name, row, column * 2)
            self.facts.addWidget(value, row, column * 2 + 1)
            self.fact_names[key] = name
            self.fact_values[key] = value
        self.facts.setColumnStretch(1, 1)
        self.facts.setColumnStretch(3, 1)
        result_layout.addLayout(self.facts)

        self.case_label = QLabel()
        self.case_label.setObjectName("caseSummary")
        self.case_label.setWordWrap(True)
        self.case_label.setTextFormat(Qt.TextFormat.PlainText)
        result_layout.addWidget(self.case_label)

        self.error = QLabel()
        self.error.setObjectName("lookupError")
        self.error.setWordWrap(True)
        styled(self.error, f"color: {theme.FOREGROUND[theme.FAULT]}; font-weight: bold;")
        self.error.setVisible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(12)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        layout.addLayout(input_row)
        layout.addWidget(self.busy_box)
        layout.addWidget(self.error)
        layout.addWidget(self.result)
        layout.addStretch(1)
        self.result.setVisible(False)

        self.runner.busy_changed.connect(self._set_busy)
        # What is said about the order is derived again whenever its paper changes underneath: a job
        # queued, printed or held by reconciliation, F9, another page or the printer.
        context.bridge.print_job_changed.connect(self._on_job_changed)
        context.bridge.notice.connect(self._on_notice)
        self.retranslate()

    # --- Page ---------------------------------------------------------------------------------
    def title(self) -> str:
        return translate("LookupPage", "Look up order")

    def focus_lookup(self) -> None:
        self.input.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.input.selectAll()

    def refresh(self) -> None:
        """F5: look the shown order up again."""
        if self.view is not None and not self.runner.is_busy():
            self.run_action(ACTION_QUERY_AGAIN)

    def reprint_selected(self) -> QWidget | None:
        """Ctrl+P: print the shown order's receipt, or a copy of it, as its paper allows."""
        if self.view is None or not getattr(self.view, "may_print", False):
            self.status_message.emit(translate("LookupPage", "Look up a paid order first."), theme.INFO)
            return None
        steps = self.next_steps()
        for action in (ACTION_REPRINT, ACTION_PRINT):
            if action in steps:
                return self.ask_print(action)
        # On its way or held: it comes out by itself; a second job would give the customer two.
        self.status_message.emit(self._paper_note_text(), theme.INFO)
        return None

    def shutdown(self) -> None:
        self._stopped = True
        self.runner.cancel()
        self.quiet.cancel()

    def wait_stopped(self, timeout_ms: int = 10_000) -> bool:
        return self.runner.wait(timeout_ms) and self.quiet.wait(timeout_ms)

    # --- the order's paper changing underneath --------------------------------------------------
    def _shown_order(self) -> str | None:
        view = self.view
        return getattr(view, "out_trade_no", None) if view is not None else None

    def _on_job_changed(self, row: Any) -> None:
        if row.out_trade_no and row.out_trade_no == self._shown_order():
            self.refresh_paper()

    def _on_notice(self, code: str, params: Any) -> None:
        if code in ("case_opened", "case_updated") and params.get("out_trade_no") == self._shown_order():
            self.refresh_paper()

    def refresh_paper(self) -> bool:
        """Derive the shown order's view again from the journal (no platform call). While an action
        runs, once it is done. False when nothing was started."""
        view = self.view
        if view is None or self._stopped:
            return False
        if self.runner.is_busy():
            self._refresh_after_action = True
            return False
        service = self.service()
        if service is None or self.quiet.is_busy():
            self._refresh_after_action = service is not None
            return False
        number = self._shown_order()
        self.quiet.run(lambda: service.refresh_paper(view),
                       success=lambda fresh: self._show_refreshed(fresh, number),
                       failure=lambda error: log.warning("re-reading order %s failed: %s", number, error))
        return True

    def _show_refreshed(self, view: Any, number: str | None) -> None:
        # A lookup or a step started meanwhile brings its own view; another order may be shown by now.
        if self.runner.is_busy() or number != self._shown_order():
            return
        self.show_view(view, quietly=True)
        if self._refresh_after_action:
            self._refresh_after_action = False
            self.refresh_paper()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.input.isEnabled():
            self.input.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- the service --------------------------------------------------------------------------
    def zone(self) -> tzinfo:
        """The store's clock (asked once: the store does not move while the window runs)."""
        if self._zone is None:
            try:
                self._zone = store_zone(self.context.services.store_info().utc_offset)
            except Exception as error:
                log.warning("the store's offset is not available: %s", error)
                return UTC
        return self._zone

    def service(self) -> Any | None:
        try:
            return self.context.services.lookup_service()
        except Exception as error:
            log.warning("the lookup service is not available: %s", error)
            return None

    def _start(self, busy_kind: str, call: Callable[[Any], Any], *, progress: bool = False) -> bool:
        """Run call(service) on the worker; its LookupView is shown when it comes back."""
        service = self.service()
        if service is None:
            self._show_error_code("lookup_unavailable")
            return False
        if self.runner.is_busy():
            return False
        self._busy_kind = busy_kind
        self._poll = 0
        self.error.setVisible(False)
        self._render_busy()
        if progress:
            self.runner.run_with_progress(lambda report: call((service, report)), success=self.show_view,
                                          failure=self._on_failure, progress=self._on_progress)
        else:
            self.runner.run(lambda: call(service), success=self.show_view, failure=self._on_failure)
        return True

    # --- looking up ---------------------------------------------------------------------------
    def lookup(self, raw: str, *, kind: str | None = None, voucher: Any | None = None) -> bool:
        """Look `raw` up (typed, scanned or a QR payload); False when nothing was started."""
        raw = raw.strip()
        if not raw:
            return False

        def call(service: Any) -> Any:
            arguments: dict[str, Any] = {}
            if kind is not None:
                arguments["kind"] = kind
            if voucher is not None:
                arguments["voucher"] = voucher
            return service.lookup(raw, **arguments)

        return self._start("lookup", call)

    def _on_submitted(self, text: str) -> None:
        if not text:
            return
        kind, self._forced_kind = self._forced_kind, None
        if self.lookup(text, kind=kind):
            self.input.clear()
            self._render_hint()

    def _on_cleared(self) -> None:
        self._forced_kind = None
        self._render_hint()

    def answer_voucher(self, shown: bool) -> bool:
        """The customer's phone shows a payment voucher (True) or not (False)."""
        view = self.view
        if view is None or not self._asks_voucher(view):
            return False
        voucher = Voucher.SHOWN if shown else Voucher.NONE
        return self._start("voucher", lambda service: service.with_voucher(view, voucher))

    @staticmethod
    def _asks_voucher(view: Any) -> bool:
        """Ask the customer about a voucher: unpaid on the platform, or a merchant number the platform does not
        know (the voucher tells a mistyped number from a payment that never started)."""
        verdict = _value(view.guidance.verdict)
        if verdict == Verdict.NOT_FOUND.value:
            return view.number_kind == NumberKind.MERCHANT and view.voucher is Voucher.NOT_ASKED
        return verdict in VERDICTS_ASKING_VOUCHER

    # --- the next steps -----------------------------------------------------------------------
    def next_steps(self) -> list[str]:
        return [] if self.view is None else [_value(action) for action in self.view.guidance.actions]

    def default_action(self) -> str | None:
        """The step Enter runs: the first the guidance offers, but never another print right after this
        page printed the order (a second Enter must not give the customer a second receipt)."""
        actions = self.next_steps()
        if not actions:
            return None
        if actions[0] in (ACTION_PRINT, ACTION_REPRINT) and self._just_printed():
            return None
        return actions[0]

    def _just_printed(self) -> bool:
        """This page printed the order, or its receipt came out moments ago (reconciliation, F9): a copy
        is then a deliberate click, never a stray Enter."""
        view = self.view
        if view is None:
            return False
        if getattr(view, "job_id", None) is not None:
            return True
        printed_at = getattr(view, "printed_at", None)
        if not printed_at:
            return False
        age = datetime.now().astimezone() - datetime.fromisoformat(printed_at)
        return age.total_seconds() < JUST_PRINTED_S

    def run_default_action(self) -> bool:
        """Enter on the empty field: the default step (see default_action)."""
        if self.runner.is_busy() or self.voucher_box.isVisible():
            return False
        action = self.default_action()
        if action is None:
            if getattr(self.view, "job_id", None) is not None:
                self.status_message.emit(translate(
                    "LookupPage", "The receipt was just sent to the printer. For another copy, click Reprint."),
                    theme.INFO)
            return False
        self.run_action(action)
        return True

    def run_action(self, action: str) -> QWidget | None:
        """Carry out a next step; returns the dialog it opened first, if any."""
        view = self.view
        if view is None or self.runner.is_busy():
            return None
        if action in (ACTION_REPRINT, ACTION_PRINT):
            return self.ask_print(action)
        if action == ACTION_CLOSE:
            return self.ask_close()
        if action == ACTION_ESCALATE:
            return self.ask_escalate()
        if action == ACTION_SYNC:
            self.sync()
        elif action == ACTION_QUERY_AGAIN and getattr(view, "channel_is_platform", False) and view.order is not None:
            # The platform is the channel: looking again is its sync (polled while still unpaid).
            self.sync()
        elif action == ACTION_QUERY_AGAIN:
            self.lookup(view.number, voucher=view.voucher)
        elif action == ACTION_QUERY_MERCHANT:
            self._forced_kind = NumberKind.MERCHANT
            self.input.clear()
            self._render_hint()
            self.focus_lookup()
        elif action == ACTION_PAID_AGAIN:
            self._start("close", lambda service: service.paid_again(view))
        elif action == ACTION_CHECK_NUMBER:
            self.input.setText(view.number)
            self.focus_lookup()
        else:
            log.warning("unknown lookup action %r", action)
        return None

    def sync(self) -> bool:
        view = self.view
        if view is None:
            return False

        def call(args: tuple[Any, Callable[[Any], None]]) -> Any:
            service, report = args
            # The service reports each poll, so the page can say "第 2 次确认…" while it waits.
            return service.sync(view, progress=report)

        return self._start("sync", call, progress=True)

    def ask_print(self, action: str) -> ReasonDialog | None:
        """Reprint (or print from the platform's record): ask the reason, default "customer asked"."""
        view = self.view
        if view is None:
            return None
        order = view.order.out_trade_no if view.order is not None else view.number
        reprint = action == ACTION_REPRINT
        title = translate("LookupPage", "Reprint receipt") if reprint else translate("LookupPage", "Print receipt")
        if reprint:
            prompt = translate("LookupPage", "Print the receipt of order {order} again, marked as a reprint. Why?")
        else:
            prompt = translate("LookupPage", "Order {order} has had no receipt yet: print it now. Why?")
        presets = [
            translate("LookupPage", "Customer asked"),
            translate("LookupPage", "The till printed nothing"),
            translate("LookupPage", "Receipt unreadable"),
            translate("LookupPage", "Printer fault fixed"),
        ]
        dialog = ReasonDialog(title, prompt.format(order=order), presets, messages.action_text(action), self.window())
        dialog.setObjectName("printReasonDialog")
        dialog.reason_box.setCurrentIndex(0)  # the usual reason, ready for Enter
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._print(view, dialog.reason()))
        dialog.finished.connect(self._dialog_finished)
        self.dialog = dialog
        dialog.open()
        return dialog

    def ask_close(self) -> QMessageBox | None:
        """Close the unpaid order before taking payment again: confirm first."""
        view = self.view
        if view is None or not getattr(view, "may_close", False):
            self._show_error_code("action_not_allowed")
            return None
        order = view.order.out_trade_no if view.order is not None else view.number
        box = QMessageBox(self.window())
        box.setObjectName("closeOrderConfirm")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(messages.action_text(ACTION_CLOSE))
        box.setText(translate("LookupPage", "Close order {order}?").format(order=order))
        box.setInformativeText(translate(
            "LookupPage",
            "After closing, this order can no longer be paid. Then take payment again with a new order number.",
        ))
        confirm = box.addButton(translate("LookupPage", "Close the order"), QMessageBox.ButtonRole.AcceptRole)
        back = box.addButton(translate("LookupPage", "Back"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(back)  # closing is never a stray Enter away
        box.setEscapeButton(back)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def decided(result: int) -> None:
            if box.clickedButton() is confirm:
                self._protected(ACCESS_CLOSE_ORDER,
                                lambda: self._start("close", lambda service: service.close_and_pay_again(view)))
            self._dialog_finished(result)

        box.finished.connect(decided)
        self.dialog = box
        box.open()
        return box

    def ask_escalate(self) -> ReasonDialog | None:
        """Report the order for handling (the manager sees the case): a note first."""
        view = self.view
        if view is None:
            return None
        presets = [
            translate("LookupPage", "Customer insists they paid"),
            translate("LookupPage", "Still unpaid after several syncs"),
            translate("LookupPage", "Platform unreachable for a long time"),
        ]
        dialog = ReasonDialog(
            messages.action_text(ACTION_ESCALATE),
            translate("LookupPage", "What should the manager know about order {order}?").format(order=view.number),
            presets,
            messages.action_text(ACTION_ESCALATE),
            self.window(),
        )
        dialog.setObjectName("escalateDialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._escalate(view, dialog.reason()))
        dialog.finished.connect(self._dialog_finished)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _print(self, view: Any, reason: str) -> None:
        # The reason is read here, on the GUI thread: the dialog is gone by the time the worker runs.
        start = lambda: self._start("print", lambda service: service.print_receipt(view, reason))  # noqa: E731
        if _value(getattr(view, "paper", "none")) == PAPER_PRINTED:  # a copy of paper the customer had: a reprint
            self._protected(ACCESS_REPRINT, start)
        else:
            start()

    def _protected(self, action: str, proceed: Callable[[], object]) -> None:
        """Carry on at once, or after a manager's PIN where the store wants one for `action`."""
        dialog = run_protected(self.window(), self.context.services, action, proceed, refused=self._refused)
        if dialog is not None:
            dialog.finished.connect(self._dialog_finished)
            self.dialog = dialog

    def _refused(self, error: BaseException) -> None:
        self._on_failure(error)

    def _escalate(self, view: Any, note: str) -> None:
        self._start("escalate", lambda service: service.escalate(view, note))

    def _dialog_finished(self, _result: int) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            return  # the next dialog of the same step is open (a manager's PIN after the reason)
        self.dialog = None  # deleted on close
        self.focus_lookup()

    # --- results ------------------------------------------------------------------------------
    def show_view(self, view: Any, *, quietly: bool = False) -> None:
        previous_job = getattr(self.view, "job_id", None) if self.view is not None else None
        kind = "" if quietly else self._busy_kind
        self.view = view
        if not quietly:
            self._error_text = ""
            self.error.setVisible(False)
        self.case_row = self._load_case(view.case_id)
        self._render_view()
        self.result.setVisible(True)
        if kind == "print" and view.job_id is not None and view.job_id != previous_job:
            order = view.order.out_trade_no if view.order is not None else view.number
            self.status_message.emit(
                translate("LookupPage", "Receipt of order {order} sent to the printer.").format(order=order), theme.OK
            )
        self.cases_changed.emit()
        self.view_shown.emit(view)
        if not quietly and self._refresh_after_action:
            # A job of the order changed while the step ran: derive it again once the step is over.
            self._refresh_after_action = False
            QTimer.singleShot(0, self.refresh_paper)

    def _on_failure(self, error: BaseException) -> None:
        log.warning("lookup step failed: %s", error)
        after = getattr(error, "view", None)
        if after is not None:
            # The step wrote what happened into the case and derived the order again: show it as it is now.
            self.show_view(after, quietly=True)
        self._error_text = messages.error_text(error)
        self.error.setText(self._error_text)
        self.error.setVisible(True)
        self.status_message.emit(self._error_text, theme.ATTENTION if code_of(error) in (
            "invalid_number", "action_not_allowed", "paper_changed") else theme.FAULT)
        self.cases_changed.emit()  # a failed print is written into the case too
        self.action_failed.emit(error)

    def _show_error_code(self, code: str) -> None:
        self._on_failure(CodedError(code))

    def _on_progress(self, payload: Any) -> None:
        if isinstance(payload, int):
            self._poll = payload
        else:
            self._poll = int(getattr(payload, "poll", self._poll + 1))
        self._render_busy()

    def _load_case(self, case_id: int | None) -> CaseRow | None:
        if case_id is None:
            return None
        try:
            return self.context.services.case(case_id)
        except Exception as error:
            log.warning("loading case %s failed: %s", case_id, error)
            return None

    # --- view ---------------------------------------------------------------------------------
    def _set_busy(self, busy: bool) -> None:
        self.input.setEnabled(not busy)
        self.lookup_button.setEnabled(not busy)
        for button in (*self.action_buttons, self.voucher_yes, self.voucher_no):
            button.setEnabled(not busy)
        self.busy_box.setVisible(busy)
        if not busy:
            self._busy_kind = ""
            if self.dialog is None or not self.dialog.isVisible():
                self.input.setFocus(Qt.FocusReason.OtherFocusReason)
        self._render_busy()

    def is_busy(self) -> bool:
        return self.runner.is_busy()

    def _render_busy(self) -> None:
        kind = self._busy_kind
        if kind == "sync":
            if self._poll:
                text = translate("LookupPage", "Confirming, attempt {n}…").format(n=self._poll + 1)
            else:
                text = translate("LookupPage", "Syncing with the payment channel…")
        elif kind == "close":
            text = translate("LookupPage", "Closing the order…")
        elif kind == "print":
            text = translate("LookupPage", "Sending to the printer…")
        elif kind == "escalate":
            text = translate("LookupPage", "Reporting…")
        else:
            text = translate("LookupPage", "Looking up…")
        self.busy_label.setText(text)

    def busy_text(self) -> str:
        return self.busy_label.text() if self.runner.is_busy() else ""

    def _render_hint(self) -> None:
        if self._forced_kind == NumberKind.MERCHANT:
            self.hint.setText(translate(
                "LookupPage",
                "Type the merchant order number (商户订单号) from the voucher's details on the customer's phone, "
                "then press Enter.",
            ))
            self.input.setPlaceholderText(translate("LookupPage", "Merchant order number"))
            return
        self.hint.setText(translate(
            "LookupPage",
            "Scan or type the merchant order number or the third-party number and press Enter. Esc clears.",
        ))
        if self.view is None:
            self.input.setPlaceholderText(translate("LookupPage", "Scan or type an order number"))
        else:
            self.input.setPlaceholderText(translate(
                "LookupPage", "Next order number — or Enter for the highlighted step"))

    def verdict_text(self) -> str:
        return self.verdict.text()

    def _render_view(self) -> None:
        view = self.view
        if view is None:
            return
        guidance = view.guidance
        verdict = _value(guidance.verdict)
        severity = _value(guidance.severity)
        foreground = theme.FOREGROUND.get(severity, theme.NEUTRAL_FOREGROUND)
        background = theme.BACKGROUND.get(severity, "#ffffff")
        # "Print the receipt" only while the order has had no paper at all: printed from the platform's record
        # (no print.txt of the till's) or on its way is a receipt too; on its way or held is said as such.
        paper = _value(getattr(view, "paper", "")) or None
        had_paper = bool(view.has_receipt) or (paper is not None and paper != PAPER_NONE)
        self.verdict.setText(messages.verdict_text(verdict, has_receipt=had_paper, paper=paper))
        styled(self.verdict,
            f"QLabel#verdictText {{ color: {foreground}; background: {background}; font-size: {_VERDICT_FONT_PX}px;"
            " font-weight: bold; padding: 14px 16px; border-radius: 8px; }"
        )
        self.verdict.setProperty("severity", severity)

        reason = ""
        if _value(view.outcome) == OUTCOME_UNKNOWN and view.unknown_reason:
            reason = translate("LookupPage", "Why: {reason}").format(
                reason=messages.platform_reason_text(view.unknown_reason))
            hint = messages.platform_hint(view.unknown_reason)
            if hint:
                reason += " " + hint
        self.reason.setText(reason)
        self.reason.setVisible(bool(reason))
        self.reason.setToolTip(view.detail or "")
        self.verdict.setToolTip(view.detail or "")

        paper_note = self._paper_note_text() if view.may_print else ""
        self.paper_note.setText(paper_note)
        self.paper_note.setVisible(bool(paper_note))

        next_note = ""
        if guidance.may_take_payment_again and verdict != VERDICT_NOT_CHARGED:  # that verdict says it itself
            next_note = translate("LookupPage", "This order can no longer be paid: you may take payment again with "
                                                "a new order number.")
        self.next_note.setText(next_note)
        self.next_note.setVisible(bool(next_note))

        asking = self._asks_voucher(view)
        self.voucher_box.setVisible(asking)
        self.input.voucher_question_open = asking
        self._render_actions()
        self._render_sync_note()
        self._render_facts()
        self._render_case()
        self._render_hint()

    def _paper_note_text(self) -> str:
        """What the order's receipt has had, in words: held (and why), printing, or printed when and by whom."""
        view = self.view
        if view is None:
            return ""
        paper = _value(getattr(view, "paper", ""))
        if paper == PAPER_HELD:
            fault = messages.printer_state_text(view.held_fault) if view.held_fault else ""
            return translate("LookupPage", "The receipt waits for the printer ({fault}). It prints by itself once the "
                                           "printer is ready: do not print it again.").format(fault=fault or "—")
        if paper == PAPER_ON_ITS_WAY:
            return translate("LookupPage", "The receipt is being printed now.")
        if paper != PAPER_PRINTED:
            return ""
        text = ""
        if view.printed_at:
            at = _time_text(view.printed_at, self.zone())
            who = view.printed_by or ""
            if who and who != "system":
                text = translate("LookupPage", "Receipt printed at {at}, asked for by {who}.").format(at=at, who=who)
            else:
                text = translate("LookupPage", "Receipt printed at {at}.").format(at=at)
        if view.copies_printed:
            text = (text + " " + translate("LookupPage", "Copies printed since: {n}.").format(
                n=view.copies_printed)).strip()
        return text

    def _render_actions(self) -> None:
        while self.actions_row.count():
            item = self.actions_row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.action_buttons = []
        actions = self.next_steps()
        asking = self.voucher_box.isVisibleTo(self.result)
        for position, action in enumerate(actions):
            button = QPushButton(messages.action_text(action))
            button.setObjectName(f"action_{action}")
            button.setProperty("action", action)
            button.setMinimumHeight(52)
            button.setAutoDefault(False)
            default = position == 0 and not asking and action == self.default_action()
            button.setProperty("defaultAction", default)
            if default:
                # Enter on the empty field runs it: say so on the button.
                button.setText(translate("LookupPage", "{action} (Enter)").format(action=messages.action_text(action)))
                styled(button, "QPushButton { background: #c8102e; border: 1px solid #a50d25; color: #ffffff;"
                                     " font-weight: bold; font-size: 19px; padding: 0 24px; border-radius: 8px; }"
                                     " QPushButton:disabled { background: #e8aab4; }")
            button.clicked.connect(lambda _checked=False, code=action: self.run_action(code))
            accessible(button, messages.action_text(action),
                       translate("LookupPage", "The next step for this order (Enter runs it)") if default else "")
            button.setEnabled(not self.runner.is_busy())
            self.actions_row.addWidget(button)
            self.action_buttons.append(button)
        self.actions_row.addStretch(1)

    def action_button(self, action: str) -> QPushButton | None:
        for button in self.action_buttons:
            if button.property("action") == action:
                return button
        return None

    def _render_sync_note(self) -> None:
        view = self.view
        text = ""
        channel = view is not None and bool(getattr(view, "channel_is_platform", False))
        if view is not None and view.after_sync and channel:
            state = messages.order_state_text(_value(view.state) if view.state is not None else None)
            text = translate("LookupPage", "Looked up again: {platform} shows {state}.").format(
                platform=messages.platform_name(view.platform), state=state)
            if view.polls:
                text += " " + translate("LookupPage", "Confirmed {n} times.").format(n=view.polls + 1)
        elif view is not None and view.after_sync:
            state = messages.order_state_text(_value(view.state) if view.state is not None else None)
            if view.sync_changed:
                text = translate("LookupPage", "Synced: the platform now shows {state}.").format(state=state)
            elif view.state is not None:
                text = translate("LookupPage", "Synced: the platform still shows {state}.").format(state=state)
            if view.polls:
                text += " " + translate("LookupPage", "Confirmed {n} times.").format(n=view.polls + 1)
        if channel and view is not None and view.order is not None:
            text = (text + "\n" if text else "") + messages.channel_truth_text(view.platform)
        self.sync_note.setText(text)
        self.sync_note.setVisible(bool(text))

    def _render_facts(self) -> None:
        view = self.view
        names = {
            "state": translate("LookupPage", "Payment state"),
            "amount": translate("LookupPage", "Amount"),
            "channel": translate("LookupPage", "Paid with"),
            "created": translate("LookupPage", "Ordered at"),
            "paid": translate("LookupPage", "Paid at"),
            "out_trade_no": translate("LookupPage", "Merchant order no."),
            "channel_trade_no": translate("LookupPage", "Third-party order no."),
        }
        for key, label in self.fact_names.items():
            label.setText(names[key])
        order = view.order if view is not None else None
        values = self.fact_values
        if view is None:
            return
        state_code = _value(order.state) if order is not None else None
        if order is None and _value(view.outcome) == OUTCOME_UNKNOWN:
            state_code = "UNKNOWN"  # not known now: never shown as unpaid
        values["state"].setText(messages.order_state_text(state_code))
        state_colour = theme.FOREGROUND.get(messages.order_state_severity(state_code), theme.NEUTRAL_FOREGROUND)
        styled(values["state"], f"color: {state_colour}; font-weight: bold; font-size: 20px;")
        values["state"].setProperty("stateCode", state_code or "")
        if order is not None:
            amount = format_fen(order.total_amount)
            if order.refund_amount:
                amount += "  " + translate("LookupPage", "(refunded {amount})").format(
                    amount=format_fen(order.refund_amount))
            values["amount"].setText(amount)
            values["channel"].setText(messages.channel_text(_value(order.channel)))
            values["created"].setText(_time_text(order.created_at, self.zone()))
            values["paid"].setText(_time_text(order.paid_at, self.zone()))
            values["out_trade_no"].setText(order.out_trade_no)
            values["channel_trade_no"].setText(order.channel_trade_no or "—")
        else:
            merchant = getattr(view, "out_trade_no", None) or (view.number if view.number_kind == NumberKind.MERCHANT
                                                                 else None)
            for key in ("amount", "channel", "created", "paid"):
                values[key].setText("—")
            values["out_trade_no"].setText(merchant or "—")
            values["channel_trade_no"].setText(view.number if view.number_kind != NumberKind.MERCHANT else "—")

    def _render_case(self) -> None:
        view = self.view
        case = self.case_row
        if view is None or view.case_id is None:
            self.case_label.setVisible(False)
            self.case_label.setText("")
            return
        if case is None:
            text = translate("LookupPage", "Case {id}").format(id=view.case_id)
        else:
            status = messages.case_status_text(case.status) if case.status == CASE_OPEN or not case.result else (
                translate("LookupPage", "closed: {result}").format(result=messages.case_result_text(case.result)))
            text = translate("LookupPage", "Case {id} · {kind} · {status}").format(
                id=case.case_id, kind=messages.case_kind_text(case.kind), status=status)
            if case.escalation_working_days is not None:
                # Reported for handling earlier: how long the platform has had it.
                text += "  ·  " + translate("LookupPage", "reported {days} working days ago").format(
                    days=case.escalation_working_days)
            # In time order (steps taken before the case was opened are written into it with their own times).
            for step in sorted(case.steps, key=lambda step: step.at_local)[-CASE_STEPS_SHOWN:]:
                line = f"{step.at_local[-8:]}  {messages.step_action_text(step.action)}"
                if step.state_seen:
                    line += f"  {messages.order_state_text(step.state_seen)}"
                text += "\n  " + line
        self.case_label.setText(text)
        self.case_label.setVisible(True)

    def retranslate(self) -> None:
        self.heading.setText(self.title())
        self.lookup_button.setText(translate("LookupPage", "Look up (Enter)"))
        self.voucher_question.setText(translate("LookupPage", "Does the customer's phone show a payment voucher?"))
        self.voucher_yes.setText(translate("LookupPage", "Yes (Y)"))
        self.voucher_no.setText(translate("LookupPage", "No (N)"))
        accessible(self.input, translate("LookupPage", "Order number"),
                   translate("LookupPage", "Type or scan the merchant order number or the third-party number, then "
                                           "press Enter"))
        accessible(self.lookup_button, translate("LookupPage", "Look up"),
                   translate("LookupPage", "Look the number up on the merchant platform"))
        accessible(self.voucher_yes, translate("LookupPage", "Yes, the customer shows a payment voucher"))
        accessible(self.voucher_no, translate("LookupPage", "No, the customer has no payment voucher"))
        accessible(self.verdict, translate("LookupPage", "The order's state"))
        accessible(self.next_note, translate("LookupPage", "The next step"))
        accessible(self.error, translate("LookupPage", "What went wrong"))
        self._render_hint()
        self._render_busy()
        if self.view is not None:
            self._render_view()
        else:
            self._render_facts()
        if self._error_text:
            self.error.setText(self._error_text)
