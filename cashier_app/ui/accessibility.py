"""Accessible names and descriptions: what a screen reader says for a control, and what the tests
check every control has. Set in each view's retranslate(), so they follow the language.

    accessible(self.lookup_button, translate("LookupPage", "Look up"),
               translate("LookupPage", "Look the number up on the merchant platform"))

Dialogs whose fields have labels call `name_from_labels(self)` at the end of retranslate(): a field
takes the text of the label that is its buddy, a button or check box its own text, unless a view
named it on purpose with `accessible`.
"""

from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

# What a person operates: the tests require a name on each of these.
CONTROLS: tuple[type[QWidget], ...] = (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit,
                                       QPlainTextEdit, QTextEdit, QTabBar)
_AUTO = "autoAccessibleName"  # set on names this module derived (they follow the language again)
_MNEMONIC = re.compile(r"&(?!&)|\(&\w\)")


def accessible(widget: QWidget, name: str, description: str = "") -> None:
    """Name a control (and say what it does) for assistive technology."""
    widget.setAccessibleName(name)
    widget.setAccessibleDescription(description or name)
    widget.setProperty(_AUTO, False)


def plain(text: str) -> str:
    """A label's text as said aloud: no mnemonic (&S, (&S)), no trailing colon."""
    return _MNEMONIC.sub("", text).replace("&&", "&").strip().rstrip(":：").strip()


def _derive(widget: QWidget, name: str) -> None:
    if not name:
        return
    if widget.accessibleName() and widget.property(_AUTO) is not True:
        return  # named on purpose
    widget.setAccessibleName(name)
    widget.setAccessibleDescription(name)
    widget.setProperty(_AUTO, True)


def name_from_labels(root: QWidget) -> None:
    """Give every control under `root` not named on purpose the words of its label or its own text."""
    for label in root.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None:
            _derive(buddy, plain(label.text()))
    for button in root.findChildren(QAbstractButton):
        _derive(button, plain(button.text()) or plain(button.toolTip()))


def is_internal(widget: QWidget) -> bool:
    """Qt's own parts of a composite control (a spin box's line edit, a table's header, a combo's list):
    named through the control they belong to."""
    if widget.objectName().startswith("qt_") or isinstance(widget, QHeaderView):
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QComboBox, QAbstractSpinBox, QAbstractItemView, QLineEdit)):
            return True
        parent = parent.parentWidget()
    return False


def unnamed_controls(root: QWidget) -> list[str]:
    """The controls under `root` (and root) a screen reader could not name: "Class objectName in parent"."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, CONTROLS) or is_internal(widget) or widget.accessibleName().strip():
            continue
        parent = widget.parentWidget()
        where = parent.objectName() or type(parent).__name__ if parent is not None else "-"
        found.append(f"{type(widget).__name__} {widget.objectName() or '(no name)'} in {where}")
    return found
