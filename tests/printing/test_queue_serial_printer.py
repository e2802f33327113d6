"""The print queue against the virtual printer's serial face: python-escpos's Serial (pyserial)
opens the pseudo-terminal's device path as it would /dev/ttyUSB0, SQLite in tmp.

A serial line never closes, so the only word that a job went on paper is the printer's answer to
`DLE EOT 1` after it. USB has no stand-in; it goes through the same confirmation
(connections._confirm_byte_link), which these tests cover.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from cashier_app.emulator.server import VirtualPrinter
from cashier_app.journal.db import Journal
from cashier_app.journal.print_jobs import PrintJobStore
from cashier_app.printing import faults
from cashier_app.printing.queue import PrintQueue
from cashier_app.printing.settings import PrinterSettings, PrintingSettings
from cashier_app.printing.status import PrinterState, PrinterStatus, query_status
from tests.helpers.print_queue import CONFIRM, EventLog, add_receipt, render_marked

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the serial face is a POSIX pseudo-terminal")


@pytest.fixture
def printer() -> Iterator[VirtualPrinter]:
    with VirtualPrinter(idle_timeout_s=0.2) as vp:
        vp.open_serial()
        yield vp


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    j = Journal(tmp_path / "journal.sqlite3")
    yield j
    j.close()


def serial_printing(path: str, *, check_status: bool = True) -> PrintingSettings:
    settings = PrinterSettings(kind="serial", serial_port=path, baudrate=115200, timeout_s=1.0,
                               status_timeout_s=0.5, check_status=check_status)
    return PrintingSettings(default_printer="receipt", printers={"receipt": settings}, retry_initial_s=0.05,
                            retry_max_s=1.0, probe_max_s=0.2)


class Harness:
    """A started queue whose status check runs `after_check` once armed (the printer changes its
    mind between the check and the job's first byte)."""

    def __init__(self, journal: Journal, printing: PrintingSettings) -> None:
        self.events = EventLog()
        self.armed = threading.Event()
        self.after_check: list[object] = []
        self.queue = PrintQueue(journal, printing, render_marked, on_event=self.events, query=self._query)

    def _query(self, conn: object, timeout: float) -> PrinterStatus:
        status = query_status(conn, timeout)
        if self.armed.is_set() and status.can_print:
            self.armed.clear()
            for change in self.after_check:
                change()  # type: ignore[operator]
        return status


@pytest.fixture
def harness(printer: VirtualPrinter, journal: Journal) -> Iterator[Harness]:
    path = printer.serial_path
    assert path is not None
    h = Harness(journal, serial_printing(path))
    h.queue.start()
    yield h
    h.queue.stop()


def test_a_serial_job_is_printed_and_confirmed_by_the_printers_answer(printer: VirtualPrinter, journal: Journal,
                                                                      harness: Harness) -> None:
    harness.events.wait_kind("printer_status")
    assert harness.queue.printer_status("receipt").state is PrinterState.READY  # read at start, over the pty
    rid = add_receipt(journal)
    job_id = harness.queue.enqueue(rid)
    [job] = printer.wait_for_jobs(1, timeout=10)
    harness.events.wait_kind("job_done", job_id)
    assert job.text().strip() == f"receipt {rid}"
    assert job.raw.endswith(b"\x1dVB\x03" + CONFIRM)  # asked after the last byte of the job
    record = harness.queue.job(job_id)
    assert record is not None and record.state == "done" and not record.is_reprint and record.attempts == 1
    assert harness.events.of_job(job_id) == ["job_queued", "job_sending", "job_done"]


def test_paper_end_between_the_check_and_the_send_holds_the_serial_job_until_paper_is_back(
        printer: VirtualPrinter, journal: Journal, harness: Harness) -> None:
    harness.events.wait_kind("printer_status")
    harness.after_check.append(lambda: printer.set_condition("paper-end"))
    harness.armed.set()
    job_id = harness.queue.enqueue(add_receipt(journal))
    [refused] = printer.wait_for_rejected(1, timeout=10)
    harness.events.wait_kind("job_held", job_id, faults.PAPER_END)
    held = harness.queue.job(job_id)
    assert held is not None and held.state == "held" and held.fault_code == faults.PAPER_END
    assert not held.is_reprint and held.copy_no == 1 and held.done_at is None
    logged = [e.event for e in PrintJobStore(journal).log(job_id)]
    assert "refused" in logged and "interrupted" not in logged and "done" not in logged
    assert harness.queue.printer_status("receipt").state is PrinterState.PAPER_END
    assert printer.jobs == []

    printer.set_condition("online")  # paper loaded
    [printed] = printer.wait_for_jobs(1, timeout=10)
    harness.events.wait_kind("job_done", job_id)
    done = harness.queue.job(job_id)
    assert done is not None and done.state == "done" and not done.is_reprint and done.copy_no == 1
    assert printed.text() == refused.text() and "REPRINT" not in printed.text()  # the job itself, once
    assert len(printer.jobs) == 1


def test_a_serial_printer_that_stops_answering_after_the_payload_gets_a_marked_reprint(
        printer: VirtualPrinter, journal: Journal, harness: Harness) -> None:
    """It answered before the job and not after: whether the job came out is unknown, so it is not
    marked done; as for a network link cut part-way, it is printed again marked as a reprint."""
    harness.events.wait_kind("printer_status")
    harness.after_check.append(printer.go_silent)
    harness.armed.set()
    rid = add_receipt(journal)
    job_id = harness.queue.enqueue(rid)
    held = harness.events.wait_kind("job_held", job_id, faults.TIMEOUT)
    assert held.job is not None and held.job.is_reprint and held.job.copy_no == 2
    assert held.fault_detail is not None and "whether it printed is unknown" in held.fault_detail
    harness.events.wait_kind("job_done", job_id)
    record = harness.queue.job(job_id)
    assert record is not None and record.state == "done" and record.is_reprint and record.reason == "interrupted"
    texts = [job.text().strip() for job in printer.wait_for_jobs(2, timeout=10)]
    assert texts == [f"receipt {rid}", f"receipt {rid} REPRINT copy 2 interrupted"]
    # Silent before the second try too: it is still sent, and its status shown as unknown.
    assert harness.queue.printer_status("receipt").state is PrinterState.UNKNOWN


def test_without_check_status_a_serial_job_is_done_once_the_port_has_sent_it(
        printer: VirtualPrinter, journal: Journal) -> None:
    path = printer.serial_path
    assert path is not None
    events = EventLog()
    queue = PrintQueue(journal, serial_printing(path, check_status=False), render_marked, on_event=events)
    queue.start()
    try:
        job_id = queue.enqueue(add_receipt(journal))
        events.wait_kind("job_done", job_id)
        [job] = printer.wait_for_jobs(1, timeout=10)
        assert b"\x10\x04" not in job.raw  # nothing asked, before or after
    finally:
        queue.stop()


def test_a_test_page_forced_onto_a_serial_printer_out_of_paper_is_reported_not_printed(
        printer: VirtualPrinter) -> None:
    """The technician's `printer test --force` goes through the same confirmation as the queue."""
    from cashier_app.printing.direct import send_now
    from cashier_app.printing.faults import PrinterFault

    path = printer.serial_path
    assert path is not None
    settings = serial_printing(path).printers["receipt"]
    assert send_now(settings, b"\x1b@ready\n").sent == 8
    printer.wait_for_jobs(1)  # a serial job ends when the line goes idle
    printer.set_condition("paper-end")
    with pytest.raises(PrinterFault) as raised:
        send_now(settings, b"\x1b@forced\n", force=True)
    assert raised.value.refused and raised.value.code == faults.PAPER_END
    assert "took the job, then reported paper_end" in raised.value.detail
    [rejected] = printer.wait_for_rejected(1)
    assert rejected.text().strip() == "forced" and [j.text().strip() for j in printer.jobs] == ["ready"]
