"""The picture beside today's receipts is the selected receipt's, as the printer took it, with its print
history; before anything is selected it is the last printed receipt (the virtual printer's picture)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from cashier_app.emulator.render import render_bytes_png
from cashier_app.ui.receipts_page import ReceiptsPage
from tests.helpers.live_app import LiveApp
from tests.helpers.till import till_writes

WAIT_MS = 10_000


@pytest.fixture
def app(make_live_app: Callable[..., LiveApp]) -> LiveApp:
    return make_live_app()


def test_the_selected_receipt_is_drawn_from_the_bytes_the_printer_took(app: LiveApp, qtbot: Any,
                                                                      samples_dir: Path) -> None:
    app.window.show()
    page = app.window.show_page("receipts")
    assert isinstance(page, ReceiptsPage)
    inbox = Path(app.services.config.watch.folders[0])
    till_writes(inbox, (samples_dir / "wechat-default-gbk-crlf.txt").read_bytes())
    (first,) = app.printer.wait_for_jobs(1, timeout=10)
    qtbot.waitUntil(lambda: bool(page.model.rows()) and page.model.rows()[0].printed == "printed", timeout=WAIT_MS)
    # Before a choice: the last printed receipt, as the virtual printer drew it.
    qtbot.waitUntil(lambda: page.last_print.isVisible() and page.last_print.pixmap() is not None, timeout=WAIT_MS)
    assert page.last_print.receipt_id() is None

    till_writes(inbox, (samples_dir / "alipay-default-gbk-crlf.txt").read_bytes())
    app.printer.wait_for_jobs(2, timeout=10)
    qtbot.waitUntil(lambda: len(page.model.rows()) == 2, timeout=WAIT_MS)
    older = page.model.rows()[1]
    assert older.out_trade_no == "202611220001"
    assert page.select_receipt(older.receipt_id)
    qtbot.waitUntil(lambda: page.last_print.preview() is not None, timeout=WAIT_MS)
    preview = page.last_print.preview()
    assert preview is not None and preview.receipt_id == older.receipt_id and preview.source == "sent"
    assert [h.section for h in preview.history] == ["original"]
    assert "202611220001" in page.last_print.title.text()
    # Exactly what the printer took: the job's bytes are among those on the wire, drawn the same way.
    assert app.services.journal is not None
    kept = app.services.job_bytes.get(preview.job_id or 0)
    assert kept is not None and kept.payload is not None and kept.payload in first.raw
    assert preview.png == render_bytes_png(kept.payload, kept.charset, kept.dots)
    # A print of another receipt does not take the chosen one's place.
    before = page.last_print.receipt_id()
    page.last_print.show_png(b"\x89PNG not this one")
    assert page.last_print.receipt_id() == before
