"""Exception cases as a table model (open first, newest first), and the words the cases views share."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Final

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from cashier_app.domain.money import format_fen
from cashier_app.ui import messages, theme
from cashier_app.ui.rows import CASE_OPEN, CaseRow
from cashier_app.ui.state_delegate import SEVERITY_ROLE

translate = QCoreApplication.translate

ModelIndex = QModelIndex | QPersistentModelIndex

COL_ID: Final = 0
COL_KIND: Final = 1
COL_ORDER: Final = 2
COL_AMOUNT: Final = 3
COL_STATE: Final = 4
COL_OPENED: Final = 5
COL_HANDLED: Final = 6
COL_RESULT: Final = 7
COLUMN_COUNT: Final = 8

ROW_ROLE: Final = int(Qt.ItemDataRole.UserRole) + 1

# Training cases wear this colour (as the training banner does).
TRAINING_COLOUR: Final = "#6a1b9a"


def duration_text(seconds: float | None) -> str:
    """How long a case took: "45 s", "3 min 20 s", "2 h 5 min"; "—" while it is open."""
    if seconds is None:
        return "—"
    total = max(0, round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return translate("Cases", "{h} h {m} min").format(h=hours, m=minutes)
    if minutes:
        return translate("Cases", "{m} min {s} s").format(m=minutes, s=secs)
    return translate("Cases", "{s} s").format(s=secs)


def kind_label(row: CaseRow) -> str:
    """The case's kind in words, marked when it is a training case."""
    kind = messages.case_kind_text(row.kind)
    if row.training:
        return translate("Cases", "[Training] {kind}").format(kind=kind)
    return kind


def result_label(row: CaseRow) -> str:
    """Open: "Open"; closed: its result in words."""
    if row.status == CASE_OPEN or not row.result:
        return messages.case_status_text(row.status)
    return messages.case_result_text(row.result)


def _headers() -> list[str]:
    return [
        translate("Cases", "No."),
        translate("Cases", "Kind"),
        translate("Cases", "Merchant order no."),
        translate("Cases", "Amount"),
        translate("Cases", "Payment state"),
        translate("Cases", "Opened"),
        translate("Cases", "Handled in"),
        translate("Cases", "Result"),
    ]


class CasesModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[CaseRow] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < COLUMN_COUNT:
            return _headers()[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.TextAlignmentRole:
            if section == COL_AMOUNT:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: C901 - Qt's model protocol: one case per item role
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display_text(row, column)
        if role == ROW_ROLE:
            return row
        if role == SEVERITY_ROLE and column == COL_RESULT:
            return theme.ATTENTION if row.status == CASE_OPEN else theme.OK
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == COL_AMOUNT:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == COL_KIND and row.training:
                return QBrush(QColor(TRAINING_COLOUR))
            if column == COL_HANDLED and row.escalation_overdue:
                return QBrush(QColor(theme.FOREGROUND[theme.FAULT]))
            if column == COL_STATE and row.payment_state:
                return QBrush(QColor(theme.FOREGROUND.get(messages.order_state_severity(row.payment_state),
                                                          theme.NEUTRAL_FOREGROUND)))
        if role == Qt.ItemDataRole.FontRole and column in (COL_KIND, COL_AMOUNT):
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole and row.cause:
            return row.cause
        return None

    @staticmethod
    def display_text(row: CaseRow, column: int) -> str:
        if column == COL_ID:
            return str(row.case_id)
        if column == COL_KIND:
            return kind_label(row)
        if column == COL_ORDER:
            return row.out_trade_no or "—"
        if column == COL_AMOUNT:
            return format_fen(row.amount_fen)
        if column == COL_STATE:
            return messages.order_state_text(row.payment_state)
        if column == COL_OPENED:
            return row.opened_at_local
        if column == COL_HANDLED:
            if row.escalation_working_days is not None:
                # Reported for handling and waiting for the platform's answer: how long, in its working days.
                return translate("Cases", "Reported {days} working days ago").format(
                    days=row.escalation_working_days)
            return duration_text(row.handling_seconds)
        if column == COL_RESULT:
            return result_label(row)
        return ""

    def set_cases(self, rows: Iterable[CaseRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[CaseRow]:
        return list(self._rows)

    def row_at(self, position: int) -> CaseRow | None:
        return self._rows[position] if 0 <= position < len(self._rows) else None

    def position_of(self, case_id: int) -> int | None:
        for position, row in enumerate(self._rows):
            if row.case_id == case_id:
                return position
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMN_COUNT - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, COLUMN_COUNT - 1))
