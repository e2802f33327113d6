"""Paints a state cell as a coloured pill, so the colour stays visible on a selected row too."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from cashier_app.ui import theme

# Model role giving a cell's severity (theme.OK / INFO / ATTENTION / FAULT).
SEVERITY_ROLE: Final = int(Qt.ItemDataRole.UserRole) + 2

_PAD_X = 12
_PAD_Y = 4

Index = QModelIndex | QPersistentModelIndex


class StatePillDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)  # row background, selection
        severity = str(index.data(SEVERITY_ROLE) or theme.INFO)
        font = opt.font
        font.setBold(True)
        painter.save()
        painter.setFont(font)
        metrics = painter.fontMetrics()
        cell: QRect = opt.rect
        width = min(metrics.horizontalAdvance(text) + 2 * _PAD_X, cell.width() - 8)
        height = min(metrics.height() + 2 * _PAD_Y, cell.height() - 4)
        pill = QRect(cell.left() + 8, cell.center().y() - height // 2 + 1, width, height)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(theme.BACKGROUND.get(severity, theme.BACKGROUND[theme.INFO])))
        painter.drawRoundedRect(pill, 6, 6)
        painter.setPen(QColor(theme.FOREGROUND.get(severity, theme.NEUTRAL_FOREGROUND)))
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 2 * _PAD_X + 16, max(size.height(), option.fontMetrics.height() + 2 * _PAD_Y))
