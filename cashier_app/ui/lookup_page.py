"""The lookup page: the cashier types or scans a number, the app says what became of the order and
offers the next step (reprint, sync, close and take payment again, report it).

Keyboard first, scanner friendly: the big field keeps the focus (ui.lookup_input). Enter looks the number
up (on a worker thread: the platform may take seconds), and the field is emptied for the next scan while
the answer stays on screen (ui.lookup_answer). Enter on the empty field runs the highlighted next step
(ui.lookup_actions); Y / N answer the voucher question; Esc clears the field.

Every platform call runs on the page's BackgroundRunner through the lookup's protocol (ui.lookup_services);
the page only shows LookupViews (cashier_app.lookup.view), which are immutable, so the worker and the page
never share state.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, tzinfo

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from cashier_app.domain.access import ProtectedAction
from cashier_app.domain.errors import CodedError, code_of
from cashier_app.domain.guidance import Action, Voucher
from cashier_app.domain.local_time import store_zone
from cashier_app.domain.order_numbers import NumberKind
from cashier_app.domain.paper import PaperStatus
from cashier_app.lookup.view import LookupView, SyncProgress
from cashier_app.ui import messages, theme
from cashier_app.ui.accessibility import accessible
from cashier_app.ui.background import BackgroundRunner, Report
from cashier_app.ui.lookup_actions import (
    PRINT_ACTIONS,
    ActionButtons,
    close_confirmation,
    escalate_dialog,
    print_dialog,
)
from cashier_app.ui.lookup_answer import AnswerView, asks_voucher, paper_note_text
from cashier_app.ui.lookup_input import LookupEntry, busy_text
from cashier_app.ui.lookup_services import LookupServices
from cashier_app.ui.manager_pin import run_protected
from cashier_app.ui.pages import Page, PageContext
from cashier_app.ui.reason_dialog import ReasonDialog
from cashier_app.ui.rows import CaseRow, JobRow

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

# A receipt that came out this recently is not reprinted by Enter (only by a click on Reprint).
JUST_PRINTED_S = 120


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
        self.view: LookupView | None = None
        self.case_row: CaseRow | None = None
        self.dialog: QWidget | None = None
        self._forced_kind: NumberKind | None = None
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

        self.heading = QLabel()
        self.heading.setObjectName("pageHeading")
        self.entry = LookupEntry()
        self.input = self.entry.input
        self.lookup_button = self.entry.lookup_button
        self.hint = self.entry.hint
        self.busy_box = self.entry.busy_box
        self.busy_label = self.entry.busy_label
        self.input.enter_on_empty.connect(self.run_default_action)
        self.input.cleared.connect(self._on_cleared)
        self.input.voucher_answered.connect(self.answer_voucher)
        self.entry.submitted.connect(self._on_submitted)
        self.setFocusProxy(self.input)

        self.error = QLabel()
        self.error.setObjectName("lookupError")
        self.error.setWordWrap(True)
        self.error.setVisible(False)

        self.result = AnswerView()
        self.result.voucher_answered.connect(self.answer_voucher)
        self.step_buttons = ActionButtons(self.result.actions_row, self.run_action)
        # The answer's parts, by the names the window and the tests know them.
        self.verdict = self.result.verdict
        self.reason = self.result.reason
        self.next_note = self.result.next_note
        self.voucher_question = self.result.voucher_question
        self.voucher_yes = self.result.voucher_yes
        self.voucher_no = self.result.voucher_no
        self.voucher_box = self.result.voucher_box
        self.sync_note = self.result.sync_note
        self.paper_note = self.result.paper_note
        self.case_label = self.result.case_label
        self.fact_values = self.result.fact_values

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(12)
        layout.addWidget(self.heading)
        layout.addWidget(self.entry)
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

    @property
    def action_buttons(self) -> list[QPushButton]:
        return self.step_buttons.buttons

    # --- Page ---------------------------------------------------------------------------------

    def focus_lookup(self) -> None:
        self.input.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.input.selectAll()

    def refresh(self) -> None:
        """F5: look the shown order up again."""
        if self.view is not None and not self.runner.is_busy():
            self.run_action(Action.QUERY_AGAIN)

    def reprint_selected(self) -> QWidget | None:
        """Ctrl+P: print the shown order's receipt, or a copy of it, as its paper allows."""
        if self.view is None or not self.view.may_print:
            self.status_message.emit(translate("LookupPage", "Look up a paid order first."), theme.INFO)
            return None
        steps = self.next_steps()
        for action in (Action.REPRINT, Action.PRINT):
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
        return view.out_trade_no if view is not None else None

    def _on_job_changed(self, row: JobRow) -> None:
        if row.out_trade_no and row.out_trade_no == self._shown_order():
            self.refresh_paper()

    def _on_notice(self, code: str, params: Mapping[str, object]) -> None:
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

    def _show_refreshed(self, view: LookupView, number: str | None) -> None:
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

    def service(self) -> LookupServices | None:
        try:
            return self.context.services.lookup_service()
        except Exception as error:
            log.warning("the lookup service is not available: %s", error)
            return None

    def _start(self, busy_kind: str, call: Callable[[LookupServices, Report], LookupView], *,
               progress: bool = False) -> bool:
        """Run call(service, report) on the worker; its LookupView is shown when it comes back. With
        `progress`, what call reports is shown while it runs (a sync's polls)."""
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
        self.runner.run_with_progress(lambda report: call(service, report), success=self.show_view,
                                      failure=self._on_failure, progress=self._on_progress if progress else None)
        return True

    # --- looking up ---------------------------------------------------------------------------
    def lookup(self, raw: str, *, kind: NumberKind | None = None, voucher: Voucher = Voucher.NOT_ASKED) -> bool:
        """Look `raw` up (typed, scanned or a QR payload); False when nothing was started."""
        raw = raw.strip()
        if not raw:
            return False
        return self._start("lookup", lambda service, _report: service.lookup(raw, voucher, kind=kind))

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
        if view is None or not asks_voucher(view):
            return False
        voucher = Voucher.SHOWN if shown else Voucher.NONE
        return self._start("voucher", lambda service, _report: service.with_voucher(view, voucher))

    # --- the next steps -----------------------------------------------------------------------
    def next_steps(self) -> list[Action]:
        return [] if self.view is None else list(self.view.guidance.actions)

    def default_action(self) -> Action | None:
        """The step Enter runs: the first the guidance offers, but never another print right after this
        page printed the order (a second Enter must not give the customer a second receipt)."""
        actions = self.next_steps()
        if not actions:
            return None
        if actions[0] in PRINT_ACTIONS and self._just_printed():
            return None
        return actions[0]

    def _just_printed(self) -> bool:
        """This page printed the order, or its receipt came out moments ago (reconciliation, F9): a copy
        is then a deliberate click, never a stray Enter."""
        view = self.view
        if view is None:
            return False
        if view.job_id is not None:
            return True
        if not view.printed_at:
            return False
        age = datetime.now().astimezone() - datetime.fromisoformat(view.printed_at)
        return age.total_seconds() < JUST_PRINTED_S

    def run_default_action(self) -> bool:
        """Enter on the empty field: the default step (see default_action)."""
        if self.runner.is_busy() or self.voucher_box.isVisible():
            return False
        action = self.default_action()
        if action is None:
            if self.view is not None and self.view.job_id is not None:
                self.status_message.emit(translate(
                    "LookupPage", "The receipt was just sent to the printer. For another copy, click Reprint."),
                    theme.INFO)
            return False
        self.run_action(action)
        return True

    def run_action(self, action: Action | str) -> QWidget | None:
        """Carry out a next step; returns the dialog it opened first, if any."""
        view = self.view
        if view is None or self.runner.is_busy():
            return None
        if action in PRINT_ACTIONS:
            return self.ask_print(Action(action))
        if action == Action.CLOSE_AND_PAY_AGAIN:
            return self.ask_close()
        if action == Action.ESCALATE:
            return self.ask_escalate()
        if action == Action.SYNC:
            self.sync()
        elif action == Action.QUERY_AGAIN and view.channel_is_platform and view.order is not None:
            # The platform is the channel: looking again is its sync (polled while still unpaid).
            self.sync()
        elif action == Action.QUERY_AGAIN:
            self.lookup(view.number, voucher=view.voucher)
        elif action == Action.QUERY_BY_MERCHANT_NO:
            self._forced_kind = NumberKind.MERCHANT
            self.input.clear()
            self._render_hint()
            self.focus_lookup()
        elif action == Action.PAID_AGAIN:
            self._start("close", lambda service, _report: service.paid_again(view))
        elif action == Action.CHECK_NUMBER:
            self.input.setText(view.number)
            self.focus_lookup()
        else:
            log.warning("unknown lookup action %r", action)
        return None

    def sync(self) -> bool:
        view = self.view
        if view is None:
            return False

        def call(service: LookupServices, report: Report) -> LookupView:
            # The service reports each poll, so the page can say "第 2 次确认…" while it waits.
            return service.sync(view, progress=report)

        return self._start("sync", call, progress=True)

    def ask_print(self, action: Action) -> ReasonDialog | None:
        """Reprint (or print from the platform's record): ask the reason, default "customer asked"."""
        view = self.view
        if view is None:
            return None
        dialog = print_dialog(self.window(), view, action)
        dialog.accepted.connect(lambda: self._print(view, dialog.reason()))
        return self._open(dialog)

    def ask_close(self) -> QMessageBox | None:
        """Close the unpaid order before taking payment again: confirm first."""
        view = self.view
        if view is None or not view.may_close:
            self._show_error_code("action_not_allowed")
            return None
        box, confirm = close_confirmation(self.window(), view)

        def decided(result: int) -> None:
            if box.clickedButton() is confirm:
                self._protected(ProtectedAction.CLOSE_ORDER, lambda: self._start(
                    "close", lambda service, _report: service.close_and_pay_again(view)))
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
        dialog = escalate_dialog(self.window(), view)
        dialog.accepted.connect(lambda: self._escalate(view, dialog.reason()))
        return self._open(dialog)

    def _open(self, dialog: ReasonDialog) -> ReasonDialog:
        dialog.finished.connect(self._dialog_finished)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _print(self, view: LookupView, reason: str) -> None:
        # The reason is read here, on the GUI thread: the dialog is gone by the time the worker runs.
        start = lambda: self._start("print", lambda service, _report: service.print_receipt(view, reason))  # noqa: E731
        if view.paper is PaperStatus.PRINTED:  # a copy of paper the customer had: a reprint
            self._protected(ProtectedAction.REPRINT, start)
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

    def _escalate(self, view: LookupView, note: str) -> None:
        self._start("escalate", lambda service, _report: service.escalate(view, note))

    def _dialog_finished(self, _result: int) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            return  # the next dialog of the same step is open (a manager's PIN after the reason)
        self.dialog = None  # deleted on close
        self.focus_lookup()

    # --- results ------------------------------------------------------------------------------
    def show_view(self, view: LookupView, *, quietly: bool = False) -> None:
        previous_job = self.view.job_id if self.view is not None else None
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
        service = self.service()
        after = service.view_after(error) if service is not None else None
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

    def _on_progress(self, payload: object) -> None:
        self._poll = payload.poll if isinstance(payload, SyncProgress) else self._poll + 1
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
        self.entry.set_busy(busy, self._busy_text())
        self.step_buttons.set_enabled(not busy)
        self.result.voucher_yes.setEnabled(not busy)
        self.result.voucher_no.setEnabled(not busy)
        if not busy:
            self._busy_kind = ""
            if self.dialog is None or not self.dialog.isVisible():
                self.input.setFocus(Qt.FocusReason.OtherFocusReason)
            self.entry.busy_label.setText(self._busy_text())

    def is_busy(self) -> bool:
        return self.runner.is_busy()

    def _busy_text(self) -> str:
        return busy_text(self._busy_kind, self._poll)

    def _render_busy(self) -> None:
        self.entry.busy_label.setText(self._busy_text())

    def busy_text(self) -> str:
        return self.entry.busy_label.text() if self.runner.is_busy() else ""

    def _render_hint(self) -> None:
        highlighted = self.view is not None and not asks_voucher(self.view) and self.default_action() is not None
        self.entry.show_hint(self._forced_kind, step_highlighted=highlighted)

    def verdict_text(self) -> str:
        return self.verdict.text()

    def _render_view(self) -> None:
        view = self.view
        if view is None:
            return
        self.result.show_answer(view, self.case_row, self.zone())
        asking = asks_voucher(view)
        self.input.voucher_question_open = asking
        self.step_buttons.show_actions(self.next_steps(), None if asking else self.default_action(),
                                  enabled=not self.runner.is_busy())
        self._render_hint()

    def _paper_note_text(self) -> str:
        return paper_note_text(self.view, self.zone()) if self.view is not None else ""

    def action_button(self, action: Action | str) -> QPushButton | None:
        return self.step_buttons.button(action)

    def retranslate(self) -> None:
        self.heading.setText(self.title())
        self.entry.retranslate()
        self.result.retranslate()
        accessible(self.error, translate("LookupPage", "What went wrong"))
        self._render_hint()
        self._render_busy()
        if self.view is not None:
            self._render_view()
        else:
            self.result.show_facts(None, self.zone())
        if self._error_text:
            self.error.setText(self._error_text)
