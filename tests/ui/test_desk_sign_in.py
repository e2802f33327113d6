"""The manager's pages with sign-in on: a cashier's reprint from the history asks a manager's PIN (the
same policy and the same paper decision as every other path), and a handover names who was signed in."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from cashier_app.ui.history_page import HistoryPage
from cashier_app.ui.reports_page import ReportsPage
from tests.helpers.known_receipts import Known, fill
from tests.helpers.live_app import LiveApp
from tests.helpers.sign_in import add_people, audit_rows, pin_dialog, sign_in_on

WAIT_MS = 10_000


@pytest.fixture
def app(make_live_app: Any) -> LiveApp:
    add_people()
    return make_live_app(configure=sign_in_on())


@pytest.fixture
def known(app: LiveApp) -> list[Known]:
    assert app.services.journal is not None
    return fill(app.services.journal, printer="counter")


def test_a_cashiers_reprint_from_the_history_needs_a_managers_pin(app: LiveApp, known: list[Known], qtbot: Any) -> None:
    window = app.window
    window.show()
    assert window.gate.screen is not None and window.gate.screen.enter("07", "1379")
    page = window.show_page("history")
    assert isinstance(page, HistoryPage)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=WAIT_MS)
    page.number_edit.setText("202611240013")
    assert page.search() and [r.out_trade_no for r in page.model.rows()] == ["202611240013"]
    reason = page.reprint_selected()
    assert reason is not None and page.reprint.dialog is reason
    page.reprint.dialog.reason_box.setCurrentIndex(0)
    ok = page.reprint.dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    dialog = pin_dialog(window, qtbot)
    assert not app.printer.jobs  # nothing printed before the manager allowed it
    assert not dialog.enter("07", "1379")  # a cashier cannot allow it
    assert dialog.enter("01", "2580")
    (job,) = app.printer.wait_for_jobs(1, timeout=10)
    assert "重打小票 REPRINT" in job.text() and "202611240013" in job.text()
    reprints = [(actor, by) for action, actor, by, _ in audit_rows(app) if action == "reprint"]
    assert reprints[-1] == ("07", "01") and reprints.count(("07", "01")) == 1  # the known receipts' copies before


def test_a_handover_names_who_was_signed_in(app: LiveApp, known: list[Known]) -> None:
    window = app.window
    window.show()
    assert window.gate.screen is not None and window.gate.screen.enter("07", "1379")
    page = window.show_page("reports")
    assert isinstance(page, ReportsPage)
    report = page.hand_over("零钱已清点", print_it=False)
    assert report is not None and report.shift is not None and report.shift.closed_by == "07"
