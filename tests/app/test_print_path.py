"""Files dropped into the watched folder arrive at the virtual printer (a real TCP socket) as exactly
the bytes the layout makes of them, each once, in order; observe mode records without printing."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from cashier_app.app.config import AppConfig
from cashier_app.app.events import Event, ReceiptEvent, RefusedEvent
from cashier_app.app.paths import default_paths
from cashier_app.app.services import AppServices, RunOptions
from cashier_app.domain.receipt import Receipt
from cashier_app.domain.receipt_parser import parse_receipt
from cashier_app.emulator.server import VirtualPrinter
from cashier_app.printing.layout import LayoutOptions, layout_receipt
from cashier_app.printing.profiles import resolve_profile

RECEIPTS = ["wechat-default-gbk-crlf.txt", "alipay-default-gbk-crlf.txt", "pos-vendor-template-utf8-bom.txt",
            "bank-card-mispos-gbk.txt", "refund-utf8-lf.txt", "fullwidth-and-spaces-gbk.txt"]
STATUS_QUERY = b"\x10\x04"


def start(mode: str) -> AppServices:
    config = AppConfig()
    config.general.mode = mode
    config.reconcile.enabled = False
    services = AppServices(config, default_paths(), RunOptions(demo=True, demo_interval_s=0))
    services.start()
    return services


class Seen:
    """The services' events, to wait on."""

    def __init__(self, services: AppServices) -> None:
        self.events: list[Event] = []
        self._changed = threading.Condition()
        services.hub.subscribe(self._add)

    def _add(self, event: Event) -> None:
        with self._changed:
            self.events.append(event)
            self._changed.notify_all()

    def wait_for(self, kind: type, count: int = 1, timeout: float = 10.0) -> list[Event]:
        def matching() -> list[Event]:
            return [e for e in self.events if isinstance(e, kind)]

        with self._changed:
            assert self._changed.wait_for(lambda: len(matching()) >= count, timeout), f"no {kind.__name__}"
            return matching()


@pytest.fixture
def services() -> Iterator[AppServices]:
    started = start("print")
    yield started
    started.stop()


def expected_payload(services: AppServices, data: bytes) -> bytes:
    receipt = parse_receipt(data, services.config.parser)
    assert isinstance(receipt, Receipt)
    printer = services.config.printing.printers[services.config.printing.default_printer]
    profile = resolve_profile(services.config.printing, printer.profile)
    options = LayoutOptions.for_printer(printer, qr_data=receipt.out_trade_no)
    return layout_receipt(receipt.lines, profile, options).payload


def without_status_queries(raw: bytes) -> bytes:
    """The job as printed: the queue asks DLE EOT n around it, which prints nothing."""
    out = bytearray()
    i = 0
    while i < len(raw):
        if raw[i:i + 2] == STATUS_QUERY and i + 2 < len(raw) and raw[i + 2] in (1, 2, 3, 4):
            i += 3
            continue
        out.append(raw[i])
        i += 1
    return bytes(out)


def test_dropped_files_arrive_as_exact_bytes_once_in_order(services: AppServices, samples_dir: Path) -> None:
    printer = services.virtual_printer
    assert isinstance(printer, VirtualPrinter)
    seen = Seen(services)
    inbox = Path(services.config.watch.folders[0])
    for n, name in enumerate(RECEIPTS, start=1):
        # One file per payment, as some kits write; plus the junk a till may leave.
        shutil.copy(samples_dir / name, inbox / f".tmp-{n}")
        os.replace(inbox / f".tmp-{n}", inbox / f"print_{n:02d}.txt")
        printer.wait_for_jobs(n, timeout=10)
    shutil.copy(samples_dir / "not-a-receipt.bin.txt", inbox / "print_99.txt")
    (inbox / "print_98.txt").write_bytes(b"")
    seen.wait_for(RefusedEvent)
    assert services.queue is not None and services.queue.wait_idle(10)

    jobs = printer.jobs
    assert len(jobs) == len(RECEIPTS)
    for job, name in zip(jobs, RECEIPTS, strict=True):
        assert without_status_queries(job.raw) == expected_payload(services, (samples_dir / name).read_bytes()), name
    assert services.journal is not None
    with services.journal.read() as conn:
        outcomes = [r[0] for r in conn.execute("SELECT outcome FROM file_versions ORDER BY id")]
    assert outcomes == ["receipt"] * len(RECEIPTS) + ["refused"]


def test_observe_mode_records_and_never_prints(samples_dir: Path) -> None:
    services = start("observe")
    try:
        printer = services.virtual_printer
        assert isinstance(printer, VirtualPrinter)
        seen = Seen(services)
        inbox = Path(services.config.watch.folders[0])
        shutil.copy(samples_dir / "wechat-default-gbk-crlf.txt", inbox / "print.txt")
        seen.wait_for(ReceiptEvent)
        assert [r.receipt.out_trade_no for r in services.receipts.recent()] == ["202611220001"]
        assert services.queue is not None and services.queue.wait_idle(5)
        assert printer.all_jobs == []
    finally:
        services.stop()
