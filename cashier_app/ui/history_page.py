"""The receipt history (for the manager): every receipt ever recorded, found by number (whole or its
last digits), amount, date, channel, operator, paper state or words; newest first, a page at a time.

Keyboard first: Enter in any filter searches; in the table, Enter opens the receipt (its picture, large,
with its print history) and Ctrl+P reprints it. The picture of the selected receipt is shown beside.
Nothing is read before the page is first shown, so it costs the window's start nothing.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cashier_app.domain.errors import CodedError
from cashier_app.ui import messages, theme
from cashier_app.ui.accessibility import accessible, name_from_labels
from cashier_app.ui.desk_services import DeskServices
from cashier_app.ui.history_model import COL_ORDER, COL_PRINTED, COL_TIME, HistoryModel
from cashier_app.ui.pages import Page, PageContext
from cashier_app.ui.receipt_picture import ReceiptPicturePanel
from cashier_app.ui.reprint_flow import ReprintFlow
from cashier_app.ui.rows import HistoryQuery, HistoryResult, HistoryRow, ReceiptRow
from cashier_app.ui.state_delegate import StatePillDelegate

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

PAGE_SIZE = 50
# A picture is drawn once the selection has rested this long (arrow keys held down draw nothing).
PICTURE_DELAY_MS = 120


class HistoryTable(QTableView):
    """Enter opens the selected receipt, as a double-click does."""

    def __init__(self, page: HistoryPage) -> None:
        super().__init__(page)
        self._page = page

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._page.open_selected()
            return
        super().keyPressEvent(event)


class ReceiptDialog(QDialog):
    """One receipt, large: its picture as printed and its print history; Ctrl+P reprints it."""

    def __init__(self, page: HistoryPage, row: HistoryRow) -> None:
        super().__init__(page.window())
        self.setObjectName("receiptDialog")
        self.row = row
        self._page = page
        layout = QVBoxLayout(self)
        self.panel = ReceiptPicturePanel(page.desk, self, width=420)
        self.panel.setMinimumHeight(560)
        layout.addWidget(self.panel, 1)
        self.buttons = QDialogButtonBox()
        self.reprint_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.reprint_button.setObjectName("dialogReprintButton")
        self.reprint_button.clicked.connect(self.reprint)
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.reject)
        layout.addWidget(self.buttons)
        QShortcut(QKeySequence("Ctrl+P"), self, self.reprint)
        self.setWindowTitle(translate("HistoryPage", "Receipt {order}").format(order=row.out_trade_no or "—"))
        self.reprint_button.setText(translate("ReceiptsPage", "Reprint (Ctrl+P)"))
        self.panel.show_receipt(row.receipt_id)

    def reprint(self) -> None:
        self._page.reprint.start(self.row.receipt_id, self.row.out_trade_no, self.row.amount_fen, self.row.kind)

    def done(self, result: int) -> None:
        self.panel.shutdown()
        super().done(result)


class HistoryPage(Page):
    can_reprint = True

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("historyPage")
        self.desk: DeskServices | None = None
        try:
            self.desk = context.services.desk()
        except Exception as error:
            log.warning("the receipt history is not available: %s", error)
        self._loaded = False
        self._query = HistoryQuery()
        self.dialog: ReceiptDialog | None = None
        self.reprint = ReprintFlow(self)
        self.model = HistoryModel(self._fetch_more, self)
        self.model.set_error_handler(self._report_error)
        self.model.fetched.connect(self._update_summary)

        self.heading = QLabel()
        self.heading.setObjectName("pageHeading")
        self.summary = QLabel()
        self.summary.setObjectName("historySummary")
        self.summary.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        header = QHBoxLayout()
        header.addWidget(self.heading)
        header.addStretch(1)
        header.addWidget(self.summary)

        self.number_edit = self._line("historyNumber", 170)
        self.amount_edit = self._line("historyAmount", 110)
        self.from_edit = self._line("historyFrom", 120)
        self.to_edit = self._line("historyTo", 120)
        self.operator_edit = self._line("historyOperator", 60)
        self.text_edit = self._line("historyText", 140)
        self.period_box = QComboBox()
        self.period_box.setObjectName("historyPeriod")
        self.period_box.activated.connect(self._period_chosen)
        self.channel_box = QComboBox()
        self.channel_box.setObjectName("historyChannel")
        self.printed_box = QComboBox()
        self.printed_box.setObjectName("historyPrinted")
        self.search_button = QPushButton()
        self.search_button.setObjectName("historySearch")
        self.search_button.setDefault(True)
        self.search_button.clicked.connect(self.search)
        self.clear_button = QPushButton()
        self.clear_button.setObjectName("historyClear")
        self.clear_button.clicked.connect(self.clear_filters)
        self.labels = {key: QLabel() for key in ("number", "amount", "period", "from", "to", "channel", "operator",
                                                 "printed", "text")}
        for key, widget in (("number", self.number_edit), ("amount", self.amount_edit), ("from", self.from_edit),
                            ("to", self.to_edit), ("operator", self.operator_edit), ("text", self.text_edit),
                            ("period", self.period_box), ("channel", self.channel_box),
                            ("printed", self.printed_box)):
            self.labels[key].setBuddy(widget)
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(6)
        # Three rows that fit the narrowest window beside the picture: what, when, how.
        rows: list[list[tuple[str, QWidget]]] = [
            [("number", self.number_edit), ("amount", self.amount_edit), ("text", self.text_edit)],
            [("period", self.period_box), ("from", self.from_edit), ("to", self.to_edit)],
            [("channel", self.channel_box), ("operator", self.operator_edit), ("printed", self.printed_box)],
        ]
        for row, fields in enumerate(rows):
            for column, (key, field_widget) in enumerate(fields):
                grid.addWidget(self.labels[key], row, column * 2)
                grid.addWidget(field_widget, row, column * 2 + 1)
        for column in (1, 3, 5):
            grid.setColumnStretch(column, 1)
        buttons = QVBoxLayout()
        buttons.addWidget(self.search_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        filters = QHBoxLayout()
        filters.addLayout(grid, 1)
        filters.addLayout(buttons)

        self.error = QLabel()
        self.error.setObjectName("historyError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {theme.FOREGROUND[theme.FAULT]};")
        self.error.setVisible(False)

        self.table = HistoryTable(self)
        self.table.setObjectName("historyTable")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(COL_PRINTED, StatePillDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(40)
        horizontal = self.table.horizontalHeader()
        horizontal.setHighlightSections(False)
        horizontal.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        horizontal.setSectionResizeMode(COL_ORDER, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.empty = QLabel()
        self.empty.setObjectName("emptyHint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setVisible(False)

        self.reprint_button = QPushButton()
        self.reprint_button.setObjectName("historyReprint")
        self.reprint_button.clicked.connect(self.reprint_selected)
        self.open_button = QPushButton()
        self.open_button.setObjectName("historyOpen")
        self.open_button.clicked.connect(self.open_selected)
        actions = QHBoxLayout()
        actions.addWidget(self.open_button)
        actions.addWidget(self.reprint_button)
        actions.addStretch(1)

        self.picture = ReceiptPicturePanel(self.desk, self)
        self.picture.setVisible(False)
        self._picture_timer = QTimer(self)
        self._picture_timer.setSingleShot(True)
        self._picture_timer.setInterval(PICTURE_DELAY_MS)
        self._picture_timer.timeout.connect(self._show_picture)

        left = QVBoxLayout()
        left.setSpacing(8)
        left.addLayout(header)
        left.addLayout(filters)
        left.addWidget(self.error)
        left.addWidget(self.table, 1)
        left.addWidget(self.empty)
        left.addLayout(actions)
        body = QHBoxLayout(self)
        body.setContentsMargins(16, 12, 16, 12)
        body.setSpacing(16)
        body.addLayout(left, 1)
        body.addWidget(self.picture)

        context.bridge.receipt_updated.connect(self._receipt_changed)
        context.bridge.receipt_added.connect(self._receipt_changed)
        self.retranslate()

    def _line(self, name: str, width: int) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setMinimumWidth(width)
        edit.setClearButtonEnabled(True)
        edit.returnPressed.connect(self.search)
        return edit

    # --- Page ----------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:  # the first look: the newest receipts
            self._loaded = True
            self.search()
            self.number_edit.setFocus()

    def refresh(self) -> None:
        self._run(self._query, keep_selection=True)

    def shutdown(self) -> None:
        self.picture.shutdown()
        if self.dialog is not None:
            self.dialog.panel.shutdown()

    def wait_stopped(self, timeout_ms: int = 10_000) -> bool:
        stopped = self.picture.wait_stopped(timeout_ms)
        if self.dialog is not None:
            stopped = self.dialog.panel.wait_stopped(timeout_ms) and stopped
        return stopped

    def retranslate(self) -> None:
        self.heading.setText(self.title())
        words = {
            "number": translate("HistoryPage", "&Number"), "amount": translate("HistoryPage", "&Amount"),
            "period": translate("HistoryPage", "&When"), "from": translate("HistoryPage", "&From"),
            "to": translate("HistoryPage", "&To"), "channel": translate("HistoryPage", "C&hannel"),
            "operator": translate("HistoryPage", "&Operator"), "printed": translate("HistoryPage", "&Receipt"),
            "text": translate("HistoryPage", "&Words"),
        }
        for key, label in self.labels.items():
            label.setText(words[key])
        self.number_edit.setPlaceholderText(translate("HistoryPage", "whole, or its last 4+ digits"))
        self.amount_edit.setPlaceholderText(translate("HistoryPage", "38.50 or 30-40"))
        self.from_edit.setPlaceholderText(translate("HistoryPage", "2026-11-24"))
        self.to_edit.setPlaceholderText(translate("HistoryPage", "2026-11-24"))
        self.operator_edit.setPlaceholderText(translate("HistoryPage", "02"))
        self.text_edit.setPlaceholderText(translate("HistoryPage", "words on the receipt"))
        self._fill_box(self.channel_box, [("", translate("HistoryPage", "Any")), ("wechat", messages.channel_text(
            "WECHAT")), ("alipay", messages.channel_text("ALIPAY")), ("unionpay", messages.channel_text("UNIONPAY")),
            ("bankcard", messages.channel_text("BANKCARD"))])
        self._fill_box(self.printed_box, [("", translate("HistoryPage", "Any")),
                                          ("yes", translate("HistoryPage", "Printed")),
                                          ("no", translate("HistoryPage", "Not printed")),
                                          ("reprinted", translate("HistoryPage", "Reprinted"))])
        self._fill_box(self.period_box, [("", translate("HistoryPage", "Any time")),
                                         ("today", translate("HistoryPage", "Today")),
                                         ("yesterday", translate("HistoryPage", "Yesterday")),
                                         ("week", translate("HistoryPage", "Last 7 days")),
                                         ("month", translate("HistoryPage", "This month"))])
        self.search_button.setText(translate("HistoryPage", "Search (Enter)"))
        self.clear_button.setText(translate("HistoryPage", "Clear"))
        self.open_button.setText(translate("HistoryPage", "Open (Enter)"))
        self.reprint_button.setText(translate("ReceiptsPage", "Reprint selected (Ctrl+P)"))
        self.empty.setText(translate("HistoryPage", "No receipt matches. Loosen a filter, or clear them all."))
        accessible(self.table, translate("HistoryPage", "Receipts found"),
                   translate("HistoryPage", "Newest first; Enter opens the selected receipt, Ctrl+P reprints it"))
        name_from_labels(self)
        self.model.retranslate()
        self._update_summary()

    @staticmethod
    def _fill_box(box: QComboBox, items: list[tuple[str, str]]) -> None:
        current = box.currentData()
        box.blockSignals(True)
        box.clear()
        for value, text in items:
            box.addItem(text, value)
        index = box.findData(current)
        box.setCurrentIndex(max(index, 0))
        box.blockSignals(False)

    # --- searching -----------------------------------------------------------------------------
    def current_query(self) -> HistoryQuery:
        return HistoryQuery(
            number=self.number_edit.text(), amount=self.amount_edit.text(), date_from=self.from_edit.text(),
            date_to=self.to_edit.text(), channel=str(self.channel_box.currentData() or ""),
            operator=self.operator_edit.text(), printed=str(self.printed_box.currentData() or ""),
            text=self.text_edit.text(),
        )

    def search(self) -> bool:
        """Enter: search with the filters as typed; False when they cannot be searched (said why)."""
        return self._run(self.current_query())

    def clear_filters(self) -> None:
        for edit in (self.number_edit, self.amount_edit, self.from_edit, self.to_edit, self.operator_edit,
                     self.text_edit):
            edit.clear()
        for box in (self.period_box, self.channel_box, self.printed_box):
            box.setCurrentIndex(0)
        self.search()
        self.number_edit.setFocus()

    def _run(self, query: HistoryQuery, keep_selection: bool = False) -> bool:
        if self.desk is None:
            return False
        selected = self.selected_receipt() if keep_selection else None
        try:
            result = self.desk.search(query, None, PAGE_SIZE)
        except Exception as error:
            self._show_error(error)
            return False
        self._query = query
        self.error.setVisible(False)
        self.model.set_result(result)
        self._update_summary()
        if selected is not None and self.select_receipt(selected.receipt_id):
            return True
        if self.model.rowCount():
            self.table.selectRow(0)
        else:
            self.picture.clear()
            self.picture.setVisible(False)
        return True

    def _fetch_more(self, more: object) -> HistoryResult:
        assert self.desk is not None
        return self.desk.search(self._query, more, PAGE_SIZE)

    def _period_chosen(self) -> None:
        today = date.fromisoformat(self.context.services.today())
        period = self.period_box.currentData()
        start, end = {
            "today": (today, today),
            "yesterday": (today - timedelta(days=1), today - timedelta(days=1)),
            "week": (today - timedelta(days=6), today),
            "month": (today.replace(day=1), today),
        }.get(period, (None, None))
        self.from_edit.setText(start.isoformat() if start else "")
        self.to_edit.setText(end.isoformat() if end else "")
        self.search()

    def _show_error(self, error: BaseException) -> None:
        self.error.setText(messages.error_text(error))
        self.error.setVisible(True)
        field = {"number": self.number_edit, "amount": self.amount_edit, "from": self.from_edit,
                 "to": self.to_edit, "channel": self.channel_box, "operator": self.operator_edit,
                 "printed": self.printed_box, "text": self.text_edit}.get(
            str(error.params.get("field", "")) if isinstance(error, CodedError) else "")
        if field is not None:
            field.setFocus()
            if isinstance(field, QLineEdit):
                field.selectAll()
        self.status_message.emit(messages.error_text(error), theme.ATTENTION)

    def _update_summary(self) -> None:
        count = self.model.rowCount()
        if self.model.has_more():
            text = translate("HistoryPage", "Newest {count} shown; more below as you scroll").format(count=count)
        else:
            text = translate("HistoryPage", "{count} receipts").format(count=count)
        self.summary.setText(text if self._loaded else "")
        self.empty.setVisible(self._loaded and count == 0)
        self.reprint_button.setEnabled(count > 0)
        self.open_button.setEnabled(count > 0)

    # --- the selected receipt ------------------------------------------------------------------
    def selected_receipt(self) -> HistoryRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_receipt(self, receipt_id: int) -> bool:
        for position, row in enumerate(self.model.rows()):
            if row.receipt_id == receipt_id:
                index = self.model.index(position, COL_TIME)
                self.table.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
                self.table.scrollTo(index)
                return True
        return False

    def open_selected(self) -> ReceiptDialog | None:
        """Enter: the selected receipt, large, with its print history."""
        row = self.selected_receipt()
        if row is None or self.desk is None:
            return None
        dialog = ReceiptDialog(self, row)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._dialog_closed)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _dialog_closed(self) -> None:
        self.dialog = None

    def reprint_selected(self) -> QWidget | None:
        """Ctrl+P: the reason, a manager's PIN where the store wants one, then the copy."""
        row = self.selected_receipt()
        if row is None:
            self.status_message.emit(translate("ReceiptsPage", "Select a receipt in the table first."), theme.INFO)
            return None
        return self.reprint.start(row.receipt_id, row.out_trade_no, row.amount_fen, row.kind)

    def _selection_changed(self) -> None:
        self._picture_timer.start()

    def _show_picture(self) -> None:
        row = self.selected_receipt()
        if row is not None:
            self.picture.show_receipt(row.receipt_id)

    def _receipt_changed(self, row: ReceiptRow) -> None:
        # Screens derive: a reprint printed, a job held, is shown where the receipt is listed.
        if self.model.update_printed(row.receipt_id, row.printed) and self.picture.receipt_id() == row.receipt_id:
            self.picture.refresh()
        if self.dialog is not None and self.dialog.row.receipt_id == row.receipt_id:
            self.dialog.panel.refresh()

    def _report_error(self, error: BaseException) -> None:
        self.status_message.emit(messages.error_text(error), theme.FAULT)
