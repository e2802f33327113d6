"""The lookup page's next steps: their buttons under the answer (the default one says Enter runs it) and the
dialogs a step asks first (the reason for a print, the confirmation before closing an order, the note for the
manager). The page runs the steps; what a step may do is the lookup service's and the guidance's to say.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractButton, QHBoxLayout, QMessageBox, QPushButton, QWidget

from cashier_app.domain.guidance import Action
from cashier_app.lookup.view import LookupView
from cashier_app.ui import messages
from cashier_app.ui.accessibility import accessible
from cashier_app.ui.reason_dialog import ReasonDialog

translate = QCoreApplication.translate

PRINT_ACTIONS = (Action.PRINT, Action.REPRINT)


class ActionButtons:
    """The buttons of the shown answer's next steps, in `row`; a click runs `run(action)`."""

    def __init__(self, row: QHBoxLayout, run: Callable[[Action], object]) -> None:
        self.row = row
        self.run = run
        self.buttons: list[QPushButton] = []

    def show_actions(self, actions: list[Action], default: Action | None, *, enabled: bool) -> None:
        """The buttons for `actions`; the first is the default (Enter runs it) when it is `default`."""
        self.clear()
        for position, action in enumerate(actions):
            button = QPushButton(messages.action_text(action))
            button.setObjectName(f"action_{action}")
            button.setProperty("action", action.value)
            button.setMinimumHeight(52)
            button.setAutoDefault(False)
            is_default = position == 0 and action == default
            button.setProperty("defaultAction", is_default)  # the theme colours it (resources/styles)
            if is_default:
                # Enter on the empty field runs it: say so on the button.
                button.setText(translate("LookupPage", "{action} (Enter)").format(action=messages.action_text(action)))
            button.clicked.connect(lambda _checked=False, code=action: self.run(code))
            accessible(button, messages.action_text(action),
                       translate("LookupPage", "The next step for this order (Enter runs it)") if is_default else "")
            button.setEnabled(enabled)
            self.row.addWidget(button)
            button.show()  # now, not when the layout gets round to it: the answer and its steps show together
            self.buttons.append(button)
        self.row.addStretch(1)

    def clear(self) -> None:
        while self.row.count():
            item = self.row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                # Hidden at once: deleteLater() waits for the event loop, and the old answer's buttons would
                # still paint (a screenshot, or the cashier's eye, right after a step saw them).
                widget.hide()
                widget.deleteLater()
        self.buttons = []

    def set_enabled(self, enabled: bool) -> None:
        for button in self.buttons:
            button.setEnabled(enabled)

    def button(self, action: Action | str) -> QPushButton | None:
        for button in self.buttons:
            if button.property("action") == action:
                return button
        return None


def print_dialog(parent: QWidget, view: LookupView, action: Action) -> ReasonDialog:
    """Reprint (or print from the platform's record): the reason, "customer asked" ready for Enter."""
    order = view.order.out_trade_no if view.order is not None else view.number
    if action is Action.REPRINT:
        title = translate("LookupPage", "Reprint receipt")
        prompt = translate("LookupPage", "Print the receipt of order {order} again, marked as a reprint. Why?")
    else:
        title = translate("LookupPage", "Print receipt")
        prompt = translate("LookupPage", "Order {order} has had no receipt yet: print it now. Why?")
    presets = [
        translate("LookupPage", "Customer asked"),
        translate("LookupPage", "The till printed nothing"),
        translate("LookupPage", "Receipt unreadable"),
        translate("LookupPage", "Printer fault fixed"),
    ]
    dialog = ReasonDialog(title, prompt.format(order=order), presets, messages.action_text(action), parent)
    dialog.setObjectName("printReasonDialog")
    dialog.reason_box.setCurrentIndex(0)  # the usual reason, ready for Enter
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return dialog


def close_confirmation(parent: QWidget, view: LookupView) -> tuple[QMessageBox, QAbstractButton]:
    """Close the unpaid order before taking payment again? (the box, and its button that confirms)"""
    order = view.order.out_trade_no if view.order is not None else view.number
    box = QMessageBox(parent)
    box.setObjectName("closeOrderConfirm")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(messages.action_text(Action.CLOSE_AND_PAY_AGAIN))
    box.setText(translate("LookupPage", "Close order {order}?").format(order=order))
    box.setInformativeText(translate(
        "LookupPage",
        "After closing, this order can no longer be paid. Then take payment again with a new order number.",
    ))
    confirm = box.addButton(translate("LookupPage", "Close the order"), QMessageBox.ButtonRole.AcceptRole)
    back = box.addButton(translate("LookupPage", "Back"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(back)  # closing is never a stray Enter away
    box.setEscapeButton(back)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return box, confirm


def escalate_dialog(parent: QWidget, view: LookupView) -> ReasonDialog:
    """Report the order for handling (the manager sees the case): what the manager should know."""
    presets = [
        translate("LookupPage", "Customer insists they paid"),
        translate("LookupPage", "Still unpaid after several syncs"),
        translate("LookupPage", "Platform unreachable for a long time"),
    ]
    dialog = ReasonDialog(
        messages.action_text(Action.ESCALATE),
        translate("LookupPage", "What should the manager know about order {order}?").format(order=view.number),
        presets,
        messages.action_text(Action.ESCALATE),
        parent,
    )
    dialog.setObjectName("escalateDialog")
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return dialog
