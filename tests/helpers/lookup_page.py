"""Driving the lookup page as a cashier would: type or scan, Enter, the reason dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from cashier_app.ui.lookup_page import LookupPage
from cashier_app.ui.reason_dialog import ReasonDialog
from tests.helpers.live_app import LiveApp

WAIT_MS = 15_000


def lookup_page(app: LiveApp) -> LookupPage:
    page = app.window.page("lookup")
    assert isinstance(page, LookupPage)
    return page


def look_up(qtbot, page: LookupPage, number: str) -> None:
    """Type (or scan) a number and press Enter, as the scanner does; wait for the answer."""
    qtbot.keyClicks(page.input, number)
    with qtbot.waitSignal(page.view_shown, timeout=WAIT_MS):
        qtbot.keyClick(page.input, Qt.Key.Key_Return)


def press_enter_for_result(qtbot, page: LookupPage) -> None:
    with qtbot.waitSignal(page.view_shown, timeout=WAIT_MS):
        qtbot.keyClick(page.input, Qt.Key.Key_Return)


def accept_reason(qtbot, page: LookupPage, expected_reason: str | None = None, note: str = "") -> None:
    dialog = page.dialog
    assert isinstance(dialog, ReasonDialog) and dialog.isVisible()
    if expected_reason is not None:
        assert dialog.reason() == expected_reason
    line = dialog.reason_box.lineEdit()
    assert line is not None
    if note:
        line.insert(note)  # as an input method would (QTest cannot type Chinese keys)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok is not None and ok.isEnabled()
    with qtbot.waitSignal(page.view_shown, timeout=WAIT_MS):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
