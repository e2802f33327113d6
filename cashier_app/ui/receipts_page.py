"""The receipts page: today's receipts, the day's totals, held print jobs, and the picture of the
selected receipt as printed with its print history (before anything is selected: the last printed)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cashier_app.domain.money import format_fen
from cashier_app.ui import messages, theme
from cashier_app.ui.accessibility import accessible
from cashier_app.ui.held_jobs_banner import HeldJobsBanner
from cashier_app.ui.pages import Page, PageContext
from cashier_app.ui.receipt_picture import ReceiptPicturePanel
from cashier_app.ui.receipts_model import COL_ORDER, COL_PRINTED, COL_TIME, ReceiptsModel
from cashier_app.ui.reprint_flow import ReprintFlow
from cashier_app.ui.rows import ReceiptRow
from cashier_app.ui.state_delegate import StatePillDelegate

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

# A picture is drawn once the selection has rested this long (arrow keys held down draw nothing).
PICTURE_DELAY_MS = 120


class ReceiptsPage(Page):
    can_reprint = True

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("receiptsPage")
        self.model = ReceiptsModel(self)
        self.reprint = ReprintFlow(self)

        self.heading = QLabel()
        self.heading.setObjectName("pageHeading")
        self.totals = QLabel()
        self.totals.setObjectName("dayTotals")
        self.totals.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        header = QHBoxLayout()
        header.addWidget(self.heading)
        header.addStretch(1)
        header.addWidget(self.totals)

        self.banner = HeldJobsBanner(context.services, self._report_error, self)
        self.banner.job_moved.connect(lambda text: self.status_message.emit(text, theme.INFO))

        self.table = QTableView()
        self.table.setObjectName("receiptsTable")
        self.table.setModel(self.model)
        self.state_delegate = StatePillDelegate(self.table)
        self.table.setItemDelegateForColumn(COL_PRINTED, self.state_delegate)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setCornerButtonEnabled(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(44)
        horizontal = self.table.horizontalHeader()
        horizontal.setHighlightSections(False)
        horizontal.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        horizontal.setSectionResizeMode(COL_ORDER, QHeaderView.ResizeMode.Stretch)
        horizontal.setMinimumSectionSize(90)

        self.empty = QLabel()
        self.empty.setObjectName("emptyHint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        desk = None
        try:
            desk = context.services.desk()
        except Exception as error:
            log.warning("receipt pictures are not available: %s", error)
        self.last_print = ReceiptPicturePanel(desk, self)
        self.last_print.setVisible(False)  # until a receipt is chosen or printed
        self._picture_timer = QTimer(self)
        self._picture_timer.setSingleShot(True)
        self._picture_timer.setInterval(PICTURE_DELAY_MS)
        self._picture_timer.timeout.connect(self._show_picture)

        self.reprint_button = QPushButton()
        self.reprint_button.setObjectName("reprintButton")
        self.reprint_button.clicked.connect(self.reprint_selected)
        self.refresh_button = QPushButton()
        self.refresh_button.setObjectName("refreshButton")
        self.refresh_button.clicked.connect(self.refresh)
        actions = QHBoxLayout()
        actions.addWidget(self.reprint_button)
        actions.addStretch(1)
        actions.addWidget(self.refresh_button)

        left = QVBoxLayout()
        left.setSpacing(10)
        left.addLayout(header)
        left.addWidget(self.banner)
        left.addWidget(self.table, 1)
        left.addWidget(self.empty)
        left.addLayout(actions)
        body = QHBoxLayout(self)
        body.setContentsMargins(16, 12, 16, 12)
        body.setSpacing(16)
        body.addLayout(left, 1)
        body.addWidget(self.last_print)

        self.model.totals_changed.connect(self._update_totals)
        self.model.rowsInserted.connect(self._keep_top_visible)
        bridge = context.bridge
        bridge.receipt_added.connect(self.model.add_receipt)
        bridge.receipt_updated.connect(self.model.update_receipt)
        bridge.print_job_changed.connect(self.banner.job_changed)
        bridge.last_print_png.connect(self.last_print.show_png)
        bridge.receipt_updated.connect(self._receipt_updated)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._picture_timer.start())

        QWidget.setTabOrder(self.table, self.reprint_button)
        QWidget.setTabOrder(self.reprint_button, self.refresh_button)
        self.retranslate()
        self.refresh()

    # --- Page ----------------------------------------------------------------------------------

    def refresh(self) -> None:
        selected = self.selected_receipt()
        try:
            self.model.set_receipts(self.context.services.receipts_today())
            self.banner.set_jobs(self.context.services.held_jobs())
        except Exception as error:
            log.warning("loading today's receipts failed: %s", error)
            self._report_error(error)
            return
        if selected is not None:
            self.select_receipt(selected.receipt_id)

    def retranslate(self) -> None:
        self.heading.setText(self.title())
        self.empty.setText(translate("ReceiptsPage", "No receipts yet today. New receipts appear here by themselves."))
        self.reprint_button.setText(translate("ReceiptsPage", "Reprint selected (Ctrl+P)"))
        self.refresh_button.setText(translate("ReceiptsPage", "Refresh (F5)"))
        accessible(self.table, translate("ReceiptsPage", "Today's receipts"),
                   translate("ReceiptsPage", "Newest first, with whether each was printed; Ctrl+P reprints the "
                                             "selected one"))
        accessible(self.reprint_button, translate("ReceiptsPage", "Reprint the selected receipt"),
                   translate("ReceiptsPage", "Asks for a reason, which goes into the audit trail"))
        accessible(self.refresh_button, translate("ReceiptsPage", "Refresh the list"))
        accessible(self.totals, translate("ReceiptsPage", "Today's totals"))
        self.model.retranslate()
        self.banner.retranslate()
        self.last_print.retranslate()
        self._update_totals()

    # --- receipts ------------------------------------------------------------------------------
    def selected_receipt(self) -> ReceiptRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_receipt(self, receipt_id: int) -> bool:
        for position, row in enumerate(self.model.rows()):
            if row.receipt_id == receipt_id:
                index = self.model.index(position, COL_TIME)
                self.table.selectionModel().setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.table.scrollTo(index)
                return True
        return False

    def reprint_selected(self) -> QWidget | None:
        """Ctrl+P: the reason, a manager's PIN where the store wants one, then the copy."""
        row = self.selected_receipt()
        if row is None:
            self.status_message.emit(translate("ReceiptsPage", "Select a receipt in the table first."), theme.INFO)
            return None
        return self.reprint.start(row.receipt_id, row.out_trade_no, row.amount_fen, row.kind)

    def _show_picture(self) -> None:
        row = self.selected_receipt()
        if row is not None:
            self.last_print.show_receipt(row.receipt_id)

    def _receipt_updated(self, row: ReceiptRow) -> None:
        # A copy came out or a job was held: the picture's history says so.
        if self.last_print.receipt_id() == row.receipt_id:
            self.last_print.refresh()

    def shutdown(self) -> None:
        self.last_print.shutdown()

    def wait_stopped(self, timeout_ms: int = 10_000) -> bool:
        return self.last_print.wait_stopped(timeout_ms)

    # --- view helpers --------------------------------------------------------------------------
    def _update_totals(self) -> None:
        count = self.model.receipt_count()
        text = translate("ReceiptsPage", "{count} receipts  ·  net {amount}").format(
            count=count, amount=format_fen(self.model.net_total_fen())
        )
        refunds = self.model.refund_count()
        if refunds:
            text += " " + translate("ReceiptsPage", "(refunds: {count})").format(count=refunds)
        self.totals.setText(text)
        self.empty.setVisible(count == 0)
        self.reprint_button.setEnabled(count > 0)

    def _keep_top_visible(self) -> None:
        # A new receipt arrives on top: keep it in view unless the cashier scrolled down to look at something.
        if self.table.verticalScrollBar().value() <= self.table.verticalHeader().defaultSectionSize():
            self.table.scrollToTop()

    def _report_error(self, error: BaseException) -> None:
        self.status_message.emit(messages.error_text(error), theme.FAULT)
