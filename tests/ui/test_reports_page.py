"""The reports page over the real app: a day's report against the hand count, the handover (交班) with
its report printed on the virtual printer, the CSV, and a copy of the journal made from the page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate

from cashier_app.journal.backup import check_journal
from cashier_app.ui.reports_page import ReportsPage
from tests.helpers.known_receipts import Known, fill
from tests.helpers.live_app import LiveApp

WAIT_MS = 10_000


@pytest.fixture
def app(make_live_app: Callable[..., LiveApp]) -> LiveApp:
    return make_live_app(store_name="星河便利店")


@pytest.fixture
def known(app: LiveApp) -> list[Known]:
    assert app.services.journal is not None
    return fill(app.services.journal, printer="counter")


def reports_page(app: LiveApp) -> ReportsPage:
    app.window.show()
    page = app.window.show_page("reports")
    assert isinstance(page, ReportsPage)
    return page


def test_a_day_report_shows_the_hand_counted_totals(app: LiveApp, known: list[Known]) -> None:
    page = reports_page(app)
    first = page.report()
    assert first is not None and first.shift is not None  # the running shift, at first
    page.kind_box.setCurrentIndex(page.kind_box.findData("day"))
    page.kind_box.activated.emit(page.kind_box.currentIndex())
    page.day_edit.setDate(QDate(2026, 11, 24))
    report = page.report()
    assert report is not None and report.kind == "day"
    html = page.view.toHtml()
    assert "¥1,011.20" in html and "¥998.70" in html and "¥12.50" in html
    page.operator_edit.setText("02")
    page.show_report()
    assert page.report() is not None and page.report().sales.amount == 3970  # type: ignore[union-attr]


def test_handover_ends_the_shift_and_prints_its_report(app: LiveApp, known: list[Known], qtbot: Any) -> None:
    page = reports_page(app)
    dialog = page.ask_handover()
    dialog.note.setText("钱箱已清点")
    assert dialog.print_it.isChecked()
    dialog.accept()
    report = page.report()
    assert report is not None and report.shift is not None and not report.shift.running
    assert report.shift.closed_by == "07"  # the person who handed over (the configured operator here)
    (job,) = app.printer.wait_for_jobs(1, timeout=10)
    assert "交班报表 SHIFT REPORT" in job.text() and "星河便利店" in job.text()
    assert page.shift_box.count() == 2  # the shift handed over, and the one begun
    assert "running" not in page.shift_box.itemText(0) and "now" in page.shift_box.itemText(1)


def test_the_report_exports_as_csv(app: LiveApp, known: list[Known], tmp_path: Path) -> None:
    page = reports_page(app)
    page.kind_box.setCurrentIndex(page.kind_box.findData("day"))
    page.day_edit.setDate(QDate(2026, 11, 24))
    assert page.default_export_name() == "day-20261124.csv"
    target = tmp_path / "day.csv"
    assert page.export_to(target)
    text = target.read_bytes().decode("utf-8-sig")
    assert "1011.20" in text and "998.70" in text


def test_back_up_now_makes_a_checked_copy(app: LiveApp, known: list[Known], qtbot: Any) -> None:
    page = reports_page(app)
    assert "No copy of the journal yet" in page.backup_text.text()
    with qtbot.waitSignal(page._runner.busy_changed, check_params_cb=lambda busy: busy is False, timeout=WAIT_MS):
        page.backup_button.click()
    assert "Last copy of the journal" in page.backup_text.text()
    desk = app.window.context.services.desk()
    assert desk is not None
    status = desk.backup_status()
    assert status.last_copy is not None and status.copies == 1
    assert check_journal(Path(status.last_copy)).ok
