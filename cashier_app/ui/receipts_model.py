"""Today's receipts as a table model: newest on top, updated live from the bridge."""

from __future__ import annotations

from collections.abc import Iterable
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
from PySide6.QtGui import QBrush, QColor, QFont

from cashier_app.domain.money import format_fen, signed_fen
from cashier_app.ui import messages, theme
from cashier_app.ui.rows import ReceiptRow
from cashier_app.ui.state_delegate import SEVERITY_ROLE

translate = QCoreApplication.translate

ModelIndex = QModelIndex | QPersistentModelIndex

COL_TIME: Final = 0
COL_ORDER: Final = 1
COL_AMOUNT: Final = 2
COL_CHANNEL: Final = 3
COL_KIND: Final = 4
COL_PRINTED: Final = 5
COLUMN_COUNT: Final = 6

# Role carrying the ReceiptRow itself (for views and actions).
ROW_ROLE: Final = int(Qt.ItemDataRole.UserRole) + 1


def _headers() -> list[str]:
    return [
        translate("ReceiptsModel", "Time"),
        translate("ReceiptsModel", "Merchant order no."),
        translate("ReceiptsModel", "Amount"),
        translate("ReceiptsModel", "Channel"),
        translate("ReceiptsModel", "Type"),
        translate("ReceiptsModel", "Receipt"),
    ]


def _sort_key(row: ReceiptRow) -> tuple[str, int]:
    return (row.seen_at_local, row.receipt_id)


class ReceiptsModel(QAbstractTableModel):
    """Rows in display order (newest first). Receipts with the same receipt_id replace each other."""

    totals_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ReceiptRow] = []
        self._bold = QFont()
        self._bold.setBold(True)

    # --- Qt model interface -------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < COLUMN_COUNT:
                return _headers()[section]
            if role == Qt.ItemDataRole.TextAlignmentRole:
                if section == COL_AMOUNT:
                    return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display_text(row, column)
        if role == ROW_ROLE:
            return row
        if role == SEVERITY_ROLE and column == COL_PRINTED:
            return theme.PRINTED_SEVERITY.get(row.printed, theme.FAULT)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == COL_AMOUNT:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == COL_PRINTED:
                return QBrush(QColor(theme.FOREGROUND[theme.PRINTED_SEVERITY.get(row.printed, theme.FAULT)]))
            if column in (COL_AMOUNT, COL_KIND) and row.kind == "REFUND":
                return QBrush(QColor(theme.FOREGROUND[theme.FAULT]))
        if role == Qt.ItemDataRole.FontRole and column in (COL_AMOUNT, COL_PRINTED):
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row)
        return None

    # --- content ------------------------------------------------------------------------------
    @staticmethod
    def display_text(row: ReceiptRow, column: int) -> str:
        if column == COL_TIME:
            return row.seen_at_local
        if column == COL_ORDER:
            return row.out_trade_no or "—"
        if column == COL_AMOUNT:
            return format_fen(row.amount_fen, refund=row.kind == "REFUND")
        if column == COL_CHANNEL:
            return messages.channel_text(row.channel)
        if column == COL_KIND:
            return messages.kind_text(row.kind)
        if column == COL_PRINTED:
            return messages.printed_text(row.printed)
        return ""

    @staticmethod
    def _tooltip(row: ReceiptRow) -> str:
        parts = [translate("ReceiptsModel", "Receipt no. {id}").format(id=row.receipt_id)]
        if row.template:
            parts.append(translate("ReceiptsModel", "Template: {template}").format(template=row.template))
        if row.encoding:
            parts.append(translate("ReceiptsModel", "Encoding: {encoding}").format(encoding=row.encoding))
        return "\n".join(parts)

    def set_receipts(self, rows: Iterable[ReceiptRow]) -> None:
        """Replace everything (start-up, F5). Duplicates by receipt_id keep the last one given."""
        unique = {row.receipt_id: row for row in rows}
        self.beginResetModel()
        self._rows = sorted(unique.values(), key=_sort_key, reverse=True)
        self.endResetModel()
        self.totals_changed.emit()

    def add_receipt(self, row: ReceiptRow) -> None:
        """A new receipt goes on top; one already shown (same receipt_id) is updated instead."""
        if self._position(row.receipt_id) is not None:
            self.update_receipt(row)
            return
        # Usually position 0; a late event with an older time still lands in time order.
        position = 0
        key = _sort_key(row)
        while position < len(self._rows) and _sort_key(self._rows[position]) > key:
            position += 1
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.insert(position, row)
        self.endInsertRows()
        self.totals_changed.emit()

    def update_receipt(self, row: ReceiptRow) -> None:
        position = self._position(row.receipt_id)
        if position is None:
            self.add_receipt(row)
            return
        self._rows[position] = row
        self.dataChanged.emit(self.index(position, 0), self.index(position, COLUMN_COUNT - 1))
        self.totals_changed.emit()

    def retranslate(self) -> None:
        """Words (channel, type, printed state, headers) follow the language: repaint them."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMN_COUNT - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, COLUMN_COUNT - 1))

    def _position(self, receipt_id: int) -> int | None:
        for position, existing in enumerate(self._rows):
            if existing.receipt_id == receipt_id:
                return position
        return None

    def row_at(self, position: int) -> ReceiptRow | None:
        return self._rows[position] if 0 <= position < len(self._rows) else None

    def rows(self) -> list[ReceiptRow]:
        return list(self._rows)

    # --- totals of the day --------------------------------------------------------------------
    def receipt_count(self) -> int:
        return len(self._rows)

    def refund_count(self) -> int:
        return sum(1 for row in self._rows if row.kind == "REFUND")

    def net_total_fen(self) -> int:
        """Sales minus refunds, in fen."""
        return sum(signed_fen(row.amount_fen, row.kind) for row in self._rows)
