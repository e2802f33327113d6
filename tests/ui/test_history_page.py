"""The receipt history page over the real app (journal, paper desk, queue, virtual printer over TCP):
each filter and the common combinations typed into the page, paging as it scrolls, Enter opens a
receipt with its picture and print history, Ctrl+P reprints through the one paper decision."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from cashier_app.domain.receipt_search import build_query
from cashier_app.ui.history_page import HistoryPage, ReceiptDialog
from cashier_app.ui.receipt_picture import ReceiptPicturePanel
from tests.helpers.known_receipts import STORE, Known, expected, fill
from tests.helpers.live_app import LiveApp

WAIT_MS = 10_000
# The known receipts' jobs name a printer this app does not drive: nothing of theirs prints by itself.
OTHER_PRINTER = "counter"

FIELDS = {"number": "number_edit", "amount": "amount_edit", "date_from": "from_edit", "date_to": "to_edit",
          "operator": "operator_edit", "text": "text_edit"}
BOXES = {"channel": "channel_box", "printed": "printed_box"}
PAGE_QUERIES: list[dict[str, str]] = [
    {},
    {"number": "0001"},
    {"number": "202611240012"},
    {"number": "700003"},
    {"amount": "38.50"},
    {"amount": "38-39"},
    {"date_from": "2026-11-23", "date_to": "2026-11-23"},
    {"channel": "alipay"},
    {"operator": "03"},
    {"printed": "no"},
    {"printed": "reprinted"},
    {"text": "可乐"},
    {"date_from": "2026-11-24", "date_to": "2026-11-24", "amount": "38.50"},
    {"operator": "01", "channel": "wechat"},
    {"text": "可乐", "date_from": "2026-11-23"},
    {"number": "0001", "printed": "yes"},
]


@pytest.fixture
def app(make_live_app: Callable[..., LiveApp]) -> LiveApp:
    return make_live_app()


@pytest.fixture
def known(app: LiveApp) -> list[Known]:
    assert app.services.journal is not None
    return fill(app.services.journal, printer=OTHER_PRINTER)


def history_page(app: LiveApp, qtbot: Any) -> HistoryPage:
    app.window.show()
    page = app.window.show_page("history")
    assert isinstance(page, HistoryPage)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=WAIT_MS)
    return page


def type_query(page: HistoryPage, qtbot: Any, typed: dict[str, str]) -> None:
    page.clear_filters()
    for key, value in typed.items():
        if key in FIELDS:
            getattr(page, FIELDS[key]).setText(value)
        else:
            box = getattr(page, BOXES[key])
            box.setCurrentIndex(box.findData(value))
    qtbot.keyClick(page.number_edit, Qt.Key.Key_Return)  # Enter in any field searches


def all_rows(page: HistoryPage) -> list[int]:
    while page.model.canFetchMore():  # as the view does when scrolled to the bottom
        page.model.fetchMore()
    return [row.receipt_id for row in page.model.rows()]


@pytest.mark.parametrize("typed", PAGE_QUERIES, ids=[",".join(f"{k}={v}" for k, v in q.items()) or "all"
                                                     for q in PAGE_QUERIES])
def test_each_filter_typed_into_the_page_finds_the_oracles_receipts(
    app: LiveApp, known: list[Known], qtbot: Any, typed: dict[str, str]
) -> None:
    page = history_page(app, qtbot)
    type_query(page, qtbot, typed)
    assert not page.error.isVisible(), page.error.text()
    amount = typed.get("amount", "")
    oracle = dict(typed)
    if "-" in amount:  # the page takes a range in one field
        low, high = amount.split("-")
        oracle.pop("amount")
        oracle.update(amount_min=low, amount_max=high)
    want = expected(known, build_query(STORE, **oracle))  # type: ignore[arg-type]
    assert want
    assert all_rows(page) == want


def test_the_newest_page_comes_first_and_more_as_it_scrolls(app: LiveApp, known: list[Known], qtbot: Any,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("cashier_app.ui.history_page.PAGE_SIZE", 5)
    page = history_page(app, qtbot)
    page.search()
    assert page.model.rowCount() == 5 and page.model.canFetchMore()
    assert "more below" in page.summary.text()
    assert all_rows(page) == expected(known, build_query(STORE))
    assert page.summary.text() == f"{len(known)} receipts"


def test_what_cannot_be_searched_is_said_at_its_field(app: LiveApp, known: list[Known], qtbot: Any) -> None:
    page = history_page(app, qtbot)
    shown = page.model.rowCount()
    type_query(page, qtbot, {"number": "12"})
    assert page.error.isVisible() and "last 4 digits" in page.error.text()
    assert page.number_edit.hasFocus() or not page.isActiveWindow()
    assert page.model.rowCount() == shown  # what was shown stays
    type_query(page, qtbot, {"amount": "38.505"})
    assert "not an amount" in page.error.text()
    type_query(page, qtbot, {"date_from": "2026-11-25", "date_to": "2026-11-24"})
    assert "before their start" in page.error.text()


def test_the_period_box_fills_the_dates(app: LiveApp, known: list[Known], qtbot: Any) -> None:
    page = history_page(app, qtbot)
    page.period_box.setCurrentIndex(page.period_box.findData("yesterday"))
    page.period_box.activated.emit(page.period_box.currentIndex())
    assert page.from_edit.text() == page.to_edit.text() != ""


def test_enter_opens_the_receipt_and_ctrl_p_reprints_it_once(app: LiveApp, known: list[Known], qtbot: Any) -> None:
    page = history_page(app, qtbot)
    target = next(k for k in known if k.out_trade_no == "202611240013")  # printed on another printer
    type_query(page, qtbot, {"number": "0013"})
    assert [r.receipt_id for r in page.model.rows()] == [target.id]
    qtbot.waitUntil(lambda: page.picture.receipt_id() == target.id and page.picture.preview() is not None,
                    timeout=WAIT_MS)
    preview = page.picture.preview()
    assert preview is not None and [h.section for h in preview.history] == ["original"]

    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = page.dialog
    assert isinstance(dialog, ReceiptDialog) and isinstance(dialog.panel, ReceiptPicturePanel)
    qtbot.waitUntil(lambda: dialog.panel.preview() is not None, timeout=WAIT_MS)
    assert dialog.panel.pixmap() is not None
    dialog.reject()

    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    app.window.reprint_selected()  # the window's Ctrl+P reaches the page the same way
    reason = page.reprint.dialog
    assert reason is not None
    ok = reason.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok is not None and not ok.isEnabled()  # a copy needs a reason
    reason.reason_box.setCurrentIndex(0)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    (job,) = app.printer.wait_for_jobs(1, timeout=10)
    assert "重打小票 REPRINT" in job.text() and "202611240013" in job.text()
    qtbot.waitUntil(lambda: page.model.rows()[0].printed == "reprinted", timeout=WAIT_MS)

    def copy_in_history() -> bool:
        shown = page.picture.preview()
        return shown is not None and [h.section for h in shown.history] == ["original", "reprint"]

    qtbot.waitUntil(copy_in_history, timeout=WAIT_MS)
    shown = page.picture.preview()
    assert shown is not None and shown.history[1].reason and shown.history[1].person == "07"
    # The paper desk made a copy, never a second original.
    assert app.services.journal is not None
    with app.services.journal.read() as conn:
        originals = conn.execute("SELECT COUNT(*) FROM print_jobs WHERE paper_key = ? AND original = 1",
                                 ("202611240013",)).fetchone()[0]
    assert originals <= 1


def test_the_page_reads_nothing_before_it_is_shown(app: LiveApp, known: list[Known]) -> None:
    page = app.window.page("history")
    assert isinstance(page, HistoryPage)
    assert page.model.rowCount() == 0 and page.summary.text() == ""


def test_a_copy_of_a_receipt_whose_original_is_still_waiting_is_refused(app: LiveApp, known: list[Known],
                                                                         qtbot: Any) -> None:
    page = history_page(app, qtbot)
    held = next(k for k in known if k.paper == "held")
    type_query(page, qtbot, {"number": held.out_trade_no or ""})
    told: list[str] = []
    page.status_message.connect(lambda text, _severity: told.append(text))
    page.reprint_selected()
    reason = page.reprint.dialog
    assert reason is not None
    reason.reason_box.setCurrentIndex(0)
    reason.accept()
    assert told and told[-1].startswith("This receipt's original is still waiting for the printer.")
    assert app.services.journal is not None
    with app.services.journal.read() as conn:
        jobs = conn.execute("SELECT state, original FROM print_jobs WHERE paper_key = ?",
                            (held.out_trade_no,)).fetchall()
    assert [(j["state"], j["original"]) for j in jobs] == [("held", 1)]  # no second job: it prints once
    assert not app.printer.jobs
