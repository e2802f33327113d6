"""The "paid, no receipt" banner across the top of the window, whichever page shows.

Reconciliation finds orders the customer has paid for whose till never wrote print.txt. With
`[reconcile] missing_receipt = "ask"` (or when the reconciler could not print one itself) the case stays
open for the cashier: this banner lists today's open ones, newest first (the customer most likely still
at the counter), and F9 prints the first one, with no dialog:

    已付款未出小票：订单 202611300001  ¥12.50  ·  14:32        [打印小票 (F9)]

Printing is the lookup's missing-receipt workflow (LookupService.print_missing_receipt, on a worker: HTTP
blocks): it looks the order up first and prints only a PAID or partly refunded order; the receipt is the
order's first paper, from the platform's record (marked so at the top: 补打小票, 据平台记录打印), and the
case is closed as printed. If
the order got its receipt meanwhile (reconciliation printed it, a late print.txt came) the paper desk
prints nothing. When it cannot be printed (state unknown, not paid any more, printer queue fault) the
entry stays, with the reason in words under it.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from cashier_app.domain.cases import CaseKind
from cashier_app.domain.errors import CodedError, code_of
from cashier_app.domain.guidance import LookupOutcome
from cashier_app.domain.money import format_fen
from cashier_app.lookup.view import LookupView
from cashier_app.ui import messages, theme
from cashier_app.ui.accessibility import accessible
from cashier_app.ui.background import BackgroundRunner
from cashier_app.ui.rows import CASE_OPEN, CaseQuery, CaseRow
from cashier_app.ui.services import UiServices

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

PAID_NO_RECEIPT = CaseKind.PAID_NO_RECEIPT.value
# A cashier needs the first few; the rest are counted.
MAX_LINES = 3
SHORTCUT = "F9"



def not_printed_text(view: LookupView) -> tuple[str, str]:
    """Why a looked-up order was not printed, in words, and how serious that is."""
    order = view.out_trade_no or view.number
    if view.outcome is LookupOutcome.UNKNOWN:
        reason = messages.platform_reason_text(view.unknown_reason) if view.unknown_reason else ""
        text = translate(
            "MissingReceiptBanner",
            "Not printed: the state of order {order} cannot be confirmed right now ({reason}). Do not take payment "
            "again; try again in a moment.",
        ).format(order=order, reason=reason or "?")
        hint = messages.platform_hint(view.unknown_reason) if view.unknown_reason else ""
        return (f"{text} {hint}" if hint else text), theme.FAULT
    verdict = messages.verdict_text(view.guidance.verdict, has_receipt=view.has_receipt)
    if view.state is not None:
        text = translate("MissingReceiptBanner", "Not printed: order {order} is {state} now.").format(
            order=order, state=messages.order_state_text(view.state))
        return f"{text} {verdict}", theme.ATTENTION
    text = translate("MissingReceiptBanner", "Not printed: {verdict}").format(verdict=verdict)
    return text, theme.ATTENTION


class MissingReceiptLine(QWidget):
    """One order waiting for its receipt: what it is, the print button, and why the last try failed."""

    def __init__(self, row: CaseRow, banner: MissingReceiptBanner, *, first: bool) -> None:
        super().__init__(banner)
        self.row = row
        self.first = first
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        line = QHBoxLayout()
        line.setSpacing(12)
        self.label = QLabel()
        self.label.setObjectName("missingReceiptText")
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.button = QPushButton()
        self.button.setObjectName("printMissingReceiptButton")
        self.button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the lookup field keeps the scanner's input
        self.button.clicked.connect(lambda: banner.print_case(row.case_id))
        line.addWidget(self.label, 1)
        line.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)
        column.addLayout(line)
        self.busy = QLabel()
        self.busy.setObjectName("missingReceiptBusy")
        self.busy.setVisible(False)
        column.addWidget(self.busy)
        self.error = QLabel()
        self.error.setObjectName("missingReceiptError")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        column.addWidget(self.error)

    def show_state(self, *, busy: bool, printing_this: bool, error: str) -> None:
        row = self.row
        text = translate("MissingReceiptBanner", "Paid, no receipt printed: order {order}  {amount}").format(
            order=row.out_trade_no or "—", amount=format_fen(row.amount_fen))
        opened = row.opened_at_local[11:16]
        if opened:
            text += f"  ·  {opened}"
        self.label.setText(text)
        self.label.setToolTip(messages.case_cause_text(row.kind, row.cause))
        label = translate("MissingReceiptBanner", "Print receipt")
        self.button.setText(f"{label} ({SHORTCUT})" if self.first else label)
        self.button.setToolTip(translate(
            "MissingReceiptBanner", "Print this order's receipt from the platform's record"))
        accessible(self.button, label, self.button.toolTip())
        accessible(self.label, self.label.text())
        self.button.setEnabled(not busy)
        self.busy.setText(translate("MissingReceiptBanner", "Checking the order with the platform, then printing…"))
        self.busy.setVisible(printing_this)
        self.error.setText(error)
        self.error.setVisible(bool(error) and not printing_this)

    def text(self) -> str:
        return self.label.text()

    def error_text(self) -> str:
        return self.error.text() if not self.error.isHidden() else ""


class MissingReceiptBanner(QFrame):
    """Today's open paid-no-receipt cases; hidden when there are none. F9 (the window's shortcut) calls
    print_first()."""

    status_message = Signal(str, str)  # text (translated), severity: for the window's status bar
    cases_changed = Signal()  # a print closed (or a lookup wrote into) a case: the window recounts
    printed = Signal(str)  # out_trade_no whose receipt was queued
    print_failed = Signal(str, str)  # out_trade_no, why (translated)

    def __init__(self, services: UiServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("missingReceiptBanner")
        self._services = services
        self._rows: list[CaseRow] = []
        self._errors: dict[int, str] = {}  # case id -> why its last print failed
        self._printing: int | None = None  # case id being looked up and printed
        self._stopped = False
        self.runner = BackgroundRunner(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.setSpacing(8)
        self._lines_box = QVBoxLayout()
        self._lines_box.setSpacing(8)
        layout.addLayout(self._lines_box)
        self.more = QLabel()
        self.more.setObjectName("missingReceiptMore")
        self.more.setVisible(False)
        layout.addWidget(self.more)
        self._lines: list[MissingReceiptLine] = []
        self._rebuild()

    # --- state ---------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read today's open paid-no-receipt cases again (a quick journal read)."""
        try:
            rows = self._services.cases(CaseQuery(day=self._services.today(), kind=PAID_NO_RECEIPT,
                                                  status=CASE_OPEN))
        except Exception as error:  # keep what is shown: a failed read must not hide a waiting order
            log.warning("reading the orders waiting for a receipt failed: %s", error)
            return
        rows = [row for row in rows if row.kind == PAID_NO_RECEIPT and row.status == CASE_OPEN and row.out_trade_no]
        # Newest first: the customer just served is the one most likely still at the counter.
        self._rows = sorted(rows, key=lambda row: (row.opened_at_local, row.case_id), reverse=True)
        ids = {row.case_id for row in self._rows}
        self._errors = {case_id: text for case_id, text in self._errors.items() if case_id in ids}
        self._rebuild()

    def case_notice(self, code: str, params: Mapping[str, object]) -> None:
        """A case_opened / case_updated notice: read again when it may concern this banner."""
        kind = str(params.get("kind") or "")
        if kind and kind != PAID_NO_RECEIPT:
            return
        self.reload()

    def entries(self) -> list[CaseRow]:
        return list(self._rows)

    def entry(self, case_id: int) -> CaseRow | None:
        return next((row for row in self._rows if row.case_id == case_id), None)

    def lines(self) -> list[MissingReceiptLine]:
        return list(self._lines)

    def error_text(self, case_id: int) -> str:
        return self._errors.get(case_id, "")

    def is_busy(self) -> bool:
        return self._printing is not None

    def notice_text(self, case_id: int) -> str | None:
        """What to tell the cashier of a new case shown here ("… press F9"), or None when it is not shown."""
        row = self.entry(case_id)
        if row is None:
            return None
        first = bool(self._rows) and self._rows[0].case_id == case_id
        if first:
            return translate("MissingReceiptBanner", "Paid, no receipt printed: order {order} {amount}. Press F9 "
                                                     "to print its receipt.").format(
                order=row.out_trade_no, amount=format_fen(row.amount_fen))
        return translate("MissingReceiptBanner", "Paid, no receipt printed: order {order} {amount}. Its print "
                                                 "button is in the banner at the top.").format(
            order=row.out_trade_no, amount=format_fen(row.amount_fen))

    # --- printing ------------------------------------------------------------------------------
    def print_first(self) -> bool:
        """F9: print the first order's receipt. False when nothing was started (said in the status bar)."""
        if not self._rows:
            self.status_message.emit(translate("MissingReceiptBanner", "No paid order is waiting for its receipt."),
                                     theme.INFO)
            return False
        return self.print_case(self._rows[0].case_id)

    def print_case(self, case_id: int) -> bool:
        """Look the case's order up and print its receipt (on the worker). False when nothing was started."""
        row = self.entry(case_id)
        if row is None or not row.out_trade_no or self._stopped:
            return False
        number = row.out_trade_no
        if self._printing is not None:
            busy = self.entry(self._printing)
            self.status_message.emit(translate("MissingReceiptBanner", "Still printing order {order}; one moment.")
                                     .format(order=busy.out_trade_no if busy else "…"), theme.INFO)
            return False
        try:
            service = self._services.lookup_service()
        except Exception as error:
            log.warning("the lookup service is not available: %s", error)
            service = None
        if service is None:
            self._fail(case_id, number, messages.error_text(CodedError("lookup_unavailable")), theme.FAULT)
            return False
        self._printing = case_id
        self._errors.pop(case_id, None)
        self._render()
        log.info("printing the missing receipt of %s (case %s)", number, case_id)
        self.runner.run(lambda: service.print_missing_receipt(number),
                        success=lambda view: self._done(case_id, number, view),
                        failure=lambda error: self._failed(case_id, number, error))
        return True

    def _done(self, case_id: int, number: str, view: LookupView) -> None:
        self._printing = None
        if view.job_id is None:
            text, severity = not_printed_text(view)
            self._fail(case_id, number, text, severity)
            return
        log.info("missing receipt of %s queued as job %s", number, view.job_id)
        self._errors.pop(case_id, None)
        self._rows = [row for row in self._rows if row.case_id != case_id]
        self._rebuild()
        self.status_message.emit(
            translate("MissingReceiptBanner",
                      "Receipt of order {order} sent to the printer (from the platform's record).")
            .format(order=number), theme.OK)
        self.printed.emit(number)
        self.cases_changed.emit()
        self.reload()

    def _failed(self, case_id: int, number: str, error: BaseException) -> None:
        self._printing = None
        log.warning("printing the missing receipt of %s failed: %s", number, error)
        code = code_of(error)
        severity = theme.ATTENTION if code == "action_not_allowed" else theme.FAULT
        text = translate("MissingReceiptBanner", "Not printed: {reason}").format(reason=messages.error_text(error))
        self._fail(case_id, number, text, severity)

    def _fail(self, case_id: int, number: str, text: str, severity: str) -> None:
        self._errors[case_id] = text
        self._render()
        self.status_message.emit(text, severity)
        self.print_failed.emit(number, text)
        self.cases_changed.emit()  # the lookup wrote its steps into the case, and may have closed it
        self.reload()

    # --- life cycle ----------------------------------------------------------------------------
    def shutdown(self) -> None:
        """Before the services stop: results still to come are dropped; nothing new starts."""
        self._stopped = True
        self.runner.cancel()

    def wait_stopped(self, timeout_ms: int = 10_000) -> bool:
        return self.runner.wait(timeout_ms)

    # --- view ----------------------------------------------------------------------------------
    def _rebuild(self) -> None:
        for line in self._lines:
            self._lines_box.removeWidget(line)
            line.hide()  # at once: deleteLater() waits for the event loop, and the old line would still paint
            line.deleteLater()
        self._lines = [MissingReceiptLine(row, self, first=index == 0)
                       for index, row in enumerate(self._rows[:MAX_LINES])]
        for line in self._lines:
            self._lines_box.addWidget(line)
            line.show()  # now, not queued by the layout: what the banner lists is what it shows
        self.setVisible(bool(self._rows))
        self._render()

    def _render(self) -> None:
        busy = self._printing is not None or self._stopped
        for line in self._lines:
            line.show_state(busy=busy, printing_this=line.row.case_id == self._printing,
                        error=self._errors.get(line.row.case_id, ""))
        hidden = len(self._rows) - len(self._lines)
        self.more.setText(translate("MissingReceiptBanner", "and {count} more orders waiting for their receipt "
                                                            "(see the cases page)").format(count=hidden)
                          if hidden > 0 else "")
        self.more.setVisible(hidden > 0)

    def retranslate(self) -> None:
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
