"""A full disk under the journal, and its recovery, through the whole app: the till's files wait (a
copy on disk, the cashier told), nothing is printed half-recorded, and once there is space again
they are recorded and printed in order, once each, with the episode written down as a case."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from cashier_app.app.config import AppConfig
from cashier_app.app.events import Event, Notice
from cashier_app.app.paths import default_paths
from cashier_app.app.services import AppServices, RunOptions
from cashier_app.domain.cases import CaseKind, CaseResult
from cashier_app.emulator.server import VirtualPrinter
from cashier_app.journal.cases import CaseFilter
from tests.helpers.watch import receipt_bytes


class Notices:
    def __init__(self, services: AppServices) -> None:
        self.seen: list[Notice] = []
        self._changed = threading.Condition()
        services.hub.subscribe(self._add)

    def _add(self, event: Event) -> None:
        if isinstance(event, Notice):
            with self._changed:
                self.seen.append(event)
                self._changed.notify_all()

    def wait(self, code: str, count: int = 1, timeout: float = 10.0) -> list[Notice]:
        with self._changed:
            assert self._changed.wait_for(lambda: len(self.of(code)) >= count, timeout), (
                f"no {code} among {[n.code for n in self.seen]}")
            return self.of(code)

    def of(self, code: str) -> list[Notice]:
        return [n for n in self.seen if n.code == code]


@pytest.fixture
def services() -> Iterator[AppServices]:
    config = AppConfig()
    config.reconcile.enabled = False
    started = AppServices(config, default_paths(), RunOptions(demo=True, demo_interval_s=0))
    started.start()
    yield started
    started.stop()


def set_journal_limit(services: AppServices, pages: int | None) -> None:
    """PRAGMA max_page_count: the journal's file may not grow past this (SQLITE_FULL, as on a full disk)."""
    assert services.journal is not None
    with services.journal.read() as conn:
        current = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {current if pages is None else pages}")


def test_receipts_written_while_the_disk_is_full_wait_and_print_in_order_when_space_returns(
        services: AppServices) -> None:
    notices = Notices(services)
    printer = services.virtual_printer
    assert isinstance(printer, VirtualPrinter) and services.intake is not None
    inbox = Path(services.config.watch.folders[0])
    set_journal_limit(services, None)  # full from now on

    (inbox / "print_1.txt").write_bytes(receipt_bytes(1) * 40)  # more than the free space of a page
    first = notices.wait("intake_deferred")[0]
    assert first.params["disk_full"] is True and first.params["waiting"] == 1
    (inbox / "print_2.txt").write_bytes(receipt_bytes(2) * 40)
    notices.wait("intake_deferred", 2)
    assert services.intake.pending_count == 2
    waiting = sorted(p.name for p in services.paths.quarantine_dir.iterdir())
    assert len(waiting) == 4 and all(".waiting" in name for name in waiting)  # bytes and details of each
    assert printer.jobs == []

    set_journal_limit(services, 1_000_000)  # space again
    jobs = printer.wait_for_jobs(2, timeout=15)
    assert ["202611220001" in jobs[0].text(), "202611220002" in jobs[1].text()] == [True, True]  # in order
    [caught_up] = notices.wait("intake_caught_up")
    assert caught_up.params["count"] == 2
    assert list(services.paths.quarantine_dir.iterdir()) == []  # the waiting copies are gone
    [case] = services.cases.list(CaseFilter(kind=CaseKind.STORAGE_FULL))
    assert case.result is CaseResult.RESOLVED_BY_ITSELF and "2 write(s)" in case.steps[-1].note
    assert len(printer.jobs) == 2  # once each
