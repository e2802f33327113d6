"""The picture of a receipt is drawn from exactly the bytes the printer took: the whole app path
(watcher, queue, the virtual printer over TCP), then the original and a reprint previewed."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from cashier_app.app.config import AppConfig
from cashier_app.app.events import ReceiptEvent
from cashier_app.app.paths import default_paths
from cashier_app.app.receipt_preview import LAID_OUT_AGAIN, SENT, WOULD_PRINT
from cashier_app.app.services import AppServices, RunOptions
from cashier_app.emulator.decoder import decode
from cashier_app.emulator.render import render_bytes_png
from cashier_app.emulator.server import VirtualPrinter
from cashier_app.journal.print_history import ORIGINAL, REPRINT
from cashier_app.journal.retention import prune_archived_bytes
from tests.helpers.till import till_writes


@pytest.fixture
def services() -> Iterator[AppServices]:
    app = AppServices(AppConfig(), default_paths(), RunOptions(demo=True, demo_interval_s=0))
    app.start()
    yield app
    app.stop()


def test_original_and_reprint_are_drawn_from_the_bytes_sent(services: AppServices, samples_dir: Path) -> None:
    printer = services.virtual_printer
    assert isinstance(printer, VirtualPrinter) and services.queue is not None
    till_writes(Path(services.config.watch.folders[0]), (samples_dir / "wechat-default-gbk-crlf.txt").read_bytes())
    (first,) = printer.wait_for_jobs(1, timeout=10)
    assert services.queue.wait_idle(10)
    (record,) = services.receipts.recent(1)

    original = services.previewer.picture(record.id)
    assert original.source == SENT and original.job is not None and original.job.state == "done"
    assert original.payload in first.raw  # the very bytes on the wire (status queries around them)
    assert original.png == render_bytes_png(original.payload, "gbk", 384)

    copy_job = services.reprint_receipt(record.id, "顾客要求补打", "02")
    jobs = printer.wait_for_jobs(2, timeout=10)
    assert services.queue.wait_idle(10)
    copy = services.previewer.picture(record.id, copy_job)
    assert copy.source == SENT and copy.payload in jobs[1].raw
    assert "重打小票 REPRINT" in decode(copy.payload, "gbk", 384).text()
    assert [(e.section, e.job.reason, e.job.requested_by) for e in copy.history] == [
        (ORIGINAL, "till_receipt", "system"), (REPRINT, "顾客要求补打", "02")]

    # Past retention the bytes are gone: the picture is laid out again from the receipt's text.
    assert services.journal is not None
    from datetime import UTC, datetime, timedelta

    prune_archived_bytes(services.journal, 1, now=datetime.now(UTC) + timedelta(days=2))
    again = services.previewer.picture(record.id, copy_job)
    assert again.source == LAID_OUT_AGAIN
    assert "重打小票 REPRINT" in decode(again.payload, "gbk", 384).text()
    assert "202611220001" in decode(again.payload, "gbk", 384).text()


def test_a_receipt_never_queued_shows_how_it_would_print(samples_dir: Path) -> None:
    config = AppConfig()
    config.general.mode = "observe"  # the till prints: the app only records
    services = AppServices(config, default_paths(), RunOptions(demo=True, demo_interval_s=0))
    recorded = threading.Event()
    services.hub.subscribe(lambda event: recorded.set() if isinstance(event, ReceiptEvent) else None)
    services.start()
    try:
        till_writes(Path(services.config.watch.folders[0]),
                    (samples_dir / "alipay-default-gbk-crlf.txt").read_bytes())
        assert recorded.wait(10)
        (record,) = services.receipts.recent(1)
        picture = services.previewer.picture(record.id)
    finally:
        services.stop()
    assert picture.source == WOULD_PRINT and picture.job is None and not picture.history
    assert "202611220002" in decode(picture.payload, "gbk", 384).text()
