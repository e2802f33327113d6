"""Reprinting a receipt from any page: the reason, a manager's PIN where the store wants one, then the
request to the services (which decide the paper: the copy is marked REPRINT with its number).

    flow = ReprintFlow(page)
    flow.start(receipt_id, out_trade_no, amount_fen, kind)   # Ctrl+P on the page

The page hears what happened through its `status_message` signal.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject, Qt

from cashier_app.domain.access import ProtectedAction
from cashier_app.domain.money import format_fen
from cashier_app.ui import messages, theme
from cashier_app.ui.manager_pin import ManagerPinDialog, run_protected
from cashier_app.ui.pages import Page
from cashier_app.ui.reason_dialog import ReasonDialog, reprint_presets

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


class ReprintFlow(QObject):
    def __init__(self, page: Page) -> None:
        super().__init__(page)
        self.page = page
        self.dialog: ReasonDialog | None = None
        self.pin_dialog: ManagerPinDialog | None = None  # the manager's PIN, when a reprint needs one
        self.done: list[int] = []  # receipts whose reprint was queued (for the page to refresh them)

    def start(self, receipt_id: int, out_trade_no: str | None, amount_fen: int | None, kind: str) -> ReasonDialog:
        """Ask the reason; the rest follows when it is given."""
        amount = format_fen(amount_fen, refund=kind == "REFUND")
        prompt = translate("ReceiptsPage", "Reprint the receipt of order {order} ({amount})? Choose the reason.")
        prompt = prompt.format(order=out_trade_no or "—", amount=amount)
        dialog = ReasonDialog(
            translate("ReceiptsPage", "Reprint receipt"),
            prompt,
            reprint_presets(),
            translate("ReceiptsPage", "Reprint"),
            self.page.window(),
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._protected(receipt_id, out_trade_no, dialog.reason()))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _protected(self, receipt_id: int, out_trade_no: str | None, reason: str) -> None:
        """After the reason: a manager's PIN where the store wants one, then the reprint."""
        self.pin_dialog = run_protected(self.page.window(), self.page.context.services, ProtectedAction.REPRINT,
                                        lambda: self._reprint(receipt_id, out_trade_no, reason),
                                        refused=self._report_error)

    def _reprint(self, receipt_id: int, out_trade_no: str | None, reason: str) -> None:
        try:
            self.page.context.services.reprint(receipt_id, reason)
        except Exception as error:
            log.warning("reprint of receipt %s failed: %s", receipt_id, error)
            self._report_error(error)
            return
        self.done.append(receipt_id)
        self.page.status_message.emit(
            messages.notice_text("reprint_queued", {"out_trade_no": out_trade_no or "—"}), theme.INFO
        )

    def _report_error(self, error: BaseException) -> None:
        self.page.status_message.emit(messages.error_text(error), theme.FAULT)
