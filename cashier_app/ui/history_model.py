"""Receipt history as a table model: newest first, one page at a time (the view asks for more as it
scrolls: canFetchMore / fetchMore)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any, Final

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from cashier_app.domain.money import format_fen
from cashier_app.ui import messages, theme
from cashier_app.ui.rows import HistoryResult, HistoryRow
from cashier_app.ui.state_delegate import SEVERITY_ROLE

translate = QCoreApplication.translate

ModelIndex = QModelIndex | QPersistentModelIndex

COL_TIME: Final = 0
COL_ORDER: Final = 1
COL_CHANNEL_NO: Final = 2
COL_AMOUNT: Final = 3
COL_CHANNEL: Final = 4
COL_OPERATOR: Final = 5
COL_PRINTED: Final = 6
COLUMN_COUNT: Final = 7


def _headers() -> list[str]:
    return [
        translate("HistoryModel", "Recorded"),
        translate("HistoryModel", "Merchant order no."),
        translate("HistoryModel", "Third-party no."),
        translate("HistoryModel", "Amount"),
        translate("HistoryModel", "Channel"),
        translate("HistoryModel", "Operator"),
        translate("HistoryModel", "Receipt"),
    ]


class HistoryModel(QAbstractTableModel):
    fetched = Signal()  # a further page came in (or the search turned out to have no more)

    def __init__(self, fetch: Callable[[object], HistoryResult], parent: QObject | None = None) -> None:
        """`fetch(more)` gives the next page of the current search."""
        super().__init__(parent)
        self._fetch = fetch
        self._rows: list[HistoryRow] = []
        self._more: object | None = None
        self._on_error: Callable[[BaseException], None] | None = None

    def set_error_handler(self, handler: Callable[[BaseException], None]) -> None:
        self._on_error = handler

    # --- Qt model interface -------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _headers()[section] if 0 <= section < COLUMN_COUNT else None
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter) if section == COL_AMOUNT else int(
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display_text(row, column)
        if role == SEVERITY_ROLE and column == COL_PRINTED:
            return theme.PRINTED_SEVERITY.get(row.printed, theme.FAULT)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == COL_AMOUNT:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_AMOUNT and row.kind == "REFUND":
            return QBrush(QColor(theme.FOREGROUND[theme.FAULT]))
        return None

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more is not None

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._more is None:
            return
        more, self._more = self._more, None
        try:
            result = self._fetch(more)
        except Exception as error:  # the journal could not be read: say so, keep what is shown
            if self._on_error is not None:
                self._on_error(error)
            return
        self.append(result)
        self.fetched.emit()

    # --- content ------------------------------------------------------------------------------
    @staticmethod
    def display_text(row: HistoryRow, column: int) -> str:
        if column == COL_TIME:
            return row.recorded_at_local
        if column == COL_ORDER:
            return row.out_trade_no or "—"
        if column == COL_CHANNEL_NO:
            return row.channel_trade_no or "—"
        if column == COL_AMOUNT:
            return format_fen(row.amount_fen, refund=row.kind == "REFUND")
        if column == COL_CHANNEL:
            return messages.channel_text(row.channel)
        if column == COL_OPERATOR:
            return row.operator or "—"
        if column == COL_PRINTED:
            return messages.printed_text(row.printed)
        return ""

    def set_result(self, result: HistoryResult) -> None:
        """A new search: replace everything."""
        self.beginResetModel()
        self._rows = list(result.rows)
        self._more = result.more
        self.endResetModel()

    def append(self, result: HistoryResult) -> None:
        known = {row.receipt_id for row in self._rows}
        rows = [row for row in result.rows if row.receipt_id not in known]
        if rows:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self._more = result.more

    def update_printed(self, receipt_id: int, printed: str) -> bool:
        """A receipt's paper state changed (a reprint came out, a job was held): show it."""
        for position, row in enumerate(self._rows):
            if row.receipt_id == receipt_id:
                if row.printed != printed:
                    self._rows[position] = replace(row, printed=printed)
                    self.dataChanged.emit(self.index(position, COL_PRINTED), self.index(position, COL_PRINTED))
                return True
        return False

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMN_COUNT - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, COLUMN_COUNT - 1))

    def row_at(self, position: int) -> HistoryRow | None:
        return self._rows[position] if 0 <= position < len(self._rows) else None

    def rows(self) -> list[HistoryRow]:
        return list(self._rows)

    def has_more(self) -> bool:
        return self._more is not None
