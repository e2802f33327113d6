"""A printer's worker on its own: driven by its WorkerParts record alone, no PrintQueue around it.

The virtual printer over real TCP, SQLite in tmp; every wait is on an event, never on time.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from cashier_app.emulator.server import VirtualPrinter
from cashier_app.journal.db import Journal
from cashier_app.journal.print_jobs import PrintJobStore
from cashier_app.printing.connections import open_connection
from cashier_app.printing.queue_worker import PrinterWorker, WorkerParts
from cashier_app.printing.status import query_status
from tests.helpers.print_queue import EventLog, job_bytes, printing_for, render_marked


class Rig:
    """A worker and what it was handed; counts how often it said that a try ended."""

    def __init__(self, jobs: PrintJobStore, port: int) -> None:
        self.events = EventLog()
        self.stop = threading.Event()
        self.tries_ended = 0
        printing = printing_for(port)
        parts = WorkerParts(jobs=jobs, render=render_marked, connect=open_connection, query=query_status,
                            emit=self.events, moved_on=self._moved_on, stop=self.stop,
                            retry_initial_s=printing.retry_initial_s, retry_max_s=printing.retry_max_s,
                            probe_max_s=printing.probe_max_s)
        self.worker = PrinterWorker(parts, "receipt", printing.printers["receipt"])

    def _moved_on(self) -> None:
        self.tries_ended += 1

    def close(self) -> None:
        self.stop.set()
        self.worker.wake()
        self.worker.join(10)
        assert not self.worker.is_alive()


@pytest.fixture
def printer_and_jobs(tmp_path: Path) -> Iterator[tuple[VirtualPrinter, PrintJobStore]]:
    printer = VirtualPrinter("127.0.0.1", 0).start()
    journal = Journal(tmp_path / "journal.sqlite3")
    try:
        yield printer, PrintJobStore(journal)
    finally:
        journal.close()
        printer.stop()


def test_a_worker_prints_from_its_record_alone_and_stops_on_its_event(
        printer_and_jobs: tuple[VirtualPrinter, PrintJobStore]) -> None:
    printer, jobs = printer_and_jobs
    rig = Rig(jobs, printer.port)
    rig.worker.start()
    try:
        job = jobs.create(None, "receipt", payload=b"\x1b@hello\n")
        rig.worker.wake()
        [received] = printer.wait_for_jobs(1, timeout=10)
        assert job_bytes(received.raw) == b"\x1b@hello\n"
        rig.events.wait_kind("job_done", job.id)
        assert rig.events.of_job(job.id) == ["job_sending", "job_done"]
        done = jobs.get(job.id)
        assert done is not None and done.state == "done"
    finally:
        rig.close()
    assert rig.tries_ended == 1


def test_a_worker_holds_on_a_fault_and_prints_once_the_printer_can(
        printer_and_jobs: tuple[VirtualPrinter, PrintJobStore]) -> None:
    printer, jobs = printer_and_jobs
    printer.set_condition("paper-end")
    rig = Rig(jobs, printer.port)
    job = jobs.create(None, "receipt", payload=b"\x1b@after paper\n")
    rig.worker.start()
    try:
        rig.events.wait_kind("job_held", job.id, "paper_end")
        held = jobs.get(job.id)
        assert held is not None and held.state == "held" and not held.parked
        printer.set_condition("online")
        rig.worker.wake(retry=True)
        [received] = printer.wait_for_jobs(1, timeout=10)
        assert job_bytes(received.raw) == b"\x1b@after paper\n"
        rig.events.wait_kind("job_done", job.id)
    finally:
        rig.close()
    assert rig.tries_ended >= 2
