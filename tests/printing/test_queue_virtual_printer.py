"""The print queue against the virtual printer over real TCP (python-escpos Network), SQLite in tmp.

Every wait is on a queue event or on the virtual printer's job list, never on a fixed sleep.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from cashier_app.emulator.server import VirtualPrinter
from cashier_app.journal.db import Journal
from cashier_app.journal.print_jobs import JobStateError, PrintJobRecord, PrintJobStore
from cashier_app.printing.faults import PrinterFault
from cashier_app.printing.queue import PrintQueue
from cashier_app.printing.settings import PrinterSettings, PrintingSettings
from cashier_app.printing.status import PrinterState
from tests.helpers.print_queue import (
    EventLog,
    add_receipt,
    job_bytes,
    printing_for,
    render_marked,
)


@pytest.fixture
def printer() -> Iterator[VirtualPrinter]:
    vp = VirtualPrinter("127.0.0.1", 0).start()
    yield vp
    vp.stop()


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    j = Journal(tmp_path / "journal.sqlite3")
    yield j
    j.close()


class Harness:
    def __init__(self, journal: Journal, printing: PrintingSettings) -> None:
        self.events = EventLog()
        self.queue = PrintQueue(journal, printing, render_marked, on_event=self.events)


@pytest.fixture
def make_queue(journal: Journal) -> Iterator[list[Harness]]:
    made: list[Harness] = []
    yield made
    for h in made:
        h.queue.stop()


def _start(made: list[Harness], journal: Journal, printing: PrintingSettings) -> Harness:
    h = Harness(journal, printing)
    made.append(h)
    h.queue.start()
    return h


def test_jobs_print_in_order_with_exact_bytes(printer: VirtualPrinter, journal: Journal,
                                              make_queue: list[Harness]) -> None:
    h = _start(make_queue, journal, printing_for(printer.port))
    payloads = [b"\x1b@\x1c&" + f"第{i}张\n".encode("gbk") + b"\x1dVB\x03" for i in range(6)]
    ids = [h.queue.enqueue(None, payload=p) for p in payloads]
    jobs = printer.wait_for_jobs(6, timeout=10)
    assert [job_bytes(j.raw) for j in jobs] == payloads
    assert [j.text().strip() for j in jobs] == [f"第{i}张" for i in range(6)]
    assert h.queue.wait_idle(5)
    records = h.queue.jobs()
    assert [r.id for r in records] == ids and all(r.state == "done" and r.done_at for r in records)
    for job_id in ids:
        h.events.wait_kind("job_done", job_id)
        assert h.events.of_job(job_id) == ["job_queued", "job_sending", "job_done"]
    assert h.queue.printer_status("receipt").state is PrinterState.READY


def test_receipts_are_laid_out_when_sent(printer: VirtualPrinter, journal: Journal,
                                         make_queue: list[Harness]) -> None:
    h = _start(make_queue, journal, printing_for(printer.port))
    rid = add_receipt(journal)
    h.queue.enqueue(rid)
    [job] = printer.wait_for_jobs(1)
    assert job_bytes(job.raw) == render_marked(h.queue.store.list_jobs()[0], h.queue.printing.printers["receipt"])
    assert job.text().strip() == f"receipt {rid}"


@pytest.mark.parametrize(("condition", "code"), [
    ("offline", "offline"), ("paper-end", "paper_end"), ("cover-open", "cover_open"),
    ("cutter-error", "cutter_error"),
])
def test_a_printer_that_cannot_print_holds_the_queue_until_it_is_back(
        printer: VirtualPrinter, journal: Journal, make_queue: list[Harness], condition: str, code: str) -> None:
    printer.set_condition(condition)
    h = _start(make_queue, journal, printing_for(printer.port))
    ids = [h.queue.enqueue(None, payload=f"job {i}\n".encode()) for i in range(3)]
    held = h.events.wait_kind("job_held", ids[0], code)
    assert held.status is not None and held.status.state.value == code
    assert h.events.wait_kind("printer_status").status is not None
    assert [j.id for j in h.queue.held_jobs()] == [ids[0]]
    assert [j.state for j in h.queue.jobs()] == ["held", "queued", "queued"]
    head = h.queue.jobs()[0]
    assert head.fault_code == code and head.last_error and f"127.0.0.1:{printer.port}" in head.last_error
    assert h.queue.printer_status("receipt").code == code
    # Nothing reached the paper while it could not print (status polls are not jobs).
    assert printer.all_jobs == []
    printer.set_condition("online")
    jobs = printer.wait_for_jobs(3, timeout=10)
    assert [job_bytes(j.raw) for j in jobs] == [f"job {i}\n".encode() for i in range(3)]
    assert h.queue.wait_idle(5)
    assert all(not j.is_reprint and j.copy_no == 1 for j in h.queue.jobs())
    assert printer.rejected_jobs == []


def test_paper_near_end_still_prints(printer: VirtualPrinter, journal: Journal, make_queue: list[Harness]) -> None:
    printer.set_condition("paper-near-end")
    h = _start(make_queue, journal, printing_for(printer.port))
    job_id = h.queue.enqueue(None, payload=b"low paper\n")
    printer.wait_for_jobs(1)
    h.events.wait_kind("job_done", job_id)
    assert h.queue.printer_status("receipt").state is PrinterState.PAPER_NEAR_END


def test_refused_connections_hold_then_resume(printer: VirtualPrinter, journal: Journal,
                                              make_queue: list[Harness]) -> None:
    printer.refuse_connections(True)
    h = _start(make_queue, journal, printing_for(printer.port))
    ids = [h.queue.enqueue(None, payload=f"r{i}\n".encode()) for i in range(2)]
    held = h.events.wait_kind("job_held", ids[0], "not_connected")
    assert f"127.0.0.1:{printer.port}" in (held.fault_detail or "")
    assert h.queue.printer_status("receipt").fault_code == "not_connected"
    printer.refuse_connections(False)
    jobs = printer.wait_for_jobs(2, timeout=10)
    assert [job_bytes(j.raw) for j in jobs] == [b"r0\n", b"r1\n"]


def test_a_job_dropped_part_way_is_printed_again_marked_reprint(printer: VirtualPrinter, journal: Journal,
                                                               make_queue: list[Harness]) -> None:
    rid = add_receipt(journal)
    h = _start(make_queue, journal, printing_for(printer.port))
    h.events.wait_kind("printer_status")  # the worker's look at the printer when it starts
    # The link drops after the status queries and 8 bytes of the receipt, once.
    printer.drop_after(12 + 8, times=1)
    job_id = h.queue.enqueue(rid)
    [dropped] = printer.wait_for_dropped(1)
    held = h.events.wait_kind("job_held", job_id, "send_failed")
    assert held.job is not None and held.job.is_reprint and held.job.copy_no == 2
    [job] = printer.wait_for_jobs(1, timeout=10)
    assert job.text().strip() == f"receipt {rid} REPRINT copy 2 interrupted"
    assert h.queue.wait_idle(5)
    record = h.queue.job(job_id)
    assert record is not None and record.state == "done" and record.is_reprint and record.copy_no == 2
    assert record.reason == "interrupted" and record.attempts == 2
    assert len(dropped.raw) == 20


def test_raw_bytes_dropped_part_way_are_sent_again_whole(printer: VirtualPrinter, journal: Journal,
                                                        make_queue: list[Harness]) -> None:
    payload = b"\x1b@" + b"0123456789" * 10 + b"\n"
    h = _start(make_queue, journal, printing_for(printer.port))
    h.events.wait_kind("printer_status")  # the worker's look at the printer when it starts
    printer.drop_after(12 + 30, times=1)
    job_id = h.queue.enqueue(None, payload=payload)
    [job] = printer.wait_for_jobs(1, timeout=10)
    assert job_bytes(job.raw) == payload
    h.events.wait_kind("job_done", job_id)
    record = h.queue.job(job_id)
    assert record is not None and record.is_reprint and record.copy_no == 2


def test_every_fault_in_turn_then_back_every_job_in_order(printer: VirtualPrinter, journal: Journal,
                                                          make_queue: list[Harness]) -> None:
    h = _start(make_queue, journal, printing_for(printer.port))
    rids = [add_receipt(journal) for _ in range(8)]
    expected: list[str] = []

    def enqueue(i: int) -> int:
        expected.append(f"receipt {rids[i]}")
        return h.queue.enqueue(rids[i])

    first = enqueue(0)
    h.events.wait_kind("job_done", first)
    for condition, code, i in [("offline", "offline", 1), ("paper-end", "paper_end", 2)]:
        printer.set_condition(condition)
        job_id = enqueue(i)
        h.events.wait_kind("job_held", job_id, code)
        printer.set_condition("online")
        h.events.wait_kind("job_done", job_id)
    printer.refuse_connections(True)
    job_id = enqueue(3)
    h.events.wait_kind("job_held", job_id, "not_connected")
    later = enqueue(4)
    printer.refuse_connections(False)
    h.events.wait_kind("job_done", later)
    printer.drop_after(12 + 5, times=1)
    dropped_id = enqueue(5)
    enqueue(6)
    last = enqueue(7)
    h.events.wait_kind("job_done", last)
    expected[5] += " REPRINT copy 2 interrupted"
    jobs = printer.wait_for_jobs(8)
    assert [j.text().strip() for j in jobs] == expected
    assert [j.id for j in h.queue.jobs() if j.is_reprint] == [dropped_id]
    assert all(j.state == "done" for j in h.queue.jobs())


def test_pending_jobs_survive_a_restart(printer: VirtualPrinter, tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    printer.refuse_connections(True)
    journal = Journal(path)
    events = EventLog()
    queue = PrintQueue(journal, printing_for(printer.port), render_marked, on_event=events)
    queue.start()
    ids = [queue.enqueue(None, payload=f"p{i}\n".encode()) for i in range(3)]
    events.wait_kind("job_held", ids[0], "not_connected")
    queue.stop()
    journal.close()

    printer.refuse_connections(False)
    journal = Journal(path)
    events = EventLog()
    queue = PrintQueue(journal, printing_for(printer.port), render_marked, on_event=events)
    queue.start()
    try:
        jobs = printer.wait_for_jobs(3, timeout=10)
        assert [job_bytes(j.raw) for j in jobs] == [b"p0\n", b"p1\n", b"p2\n"]
        assert queue.wait_idle(5)
        assert [j.state for j in queue.jobs()] == ["done"] * 3
    finally:
        queue.stop()
        journal.close()


def test_a_job_left_sending_by_a_crash_is_reprinted(printer: VirtualPrinter, tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    journal = Journal(path)
    store = PrintJobStore(journal)
    rid = add_receipt(journal)
    job = store.create(rid, "receipt")
    store.mark_sending(job.id)
    journal.close()  # the app died while sending

    journal = Journal(path)
    events = EventLog()
    queue = PrintQueue(journal, printing_for(printer.port), render_marked, on_event=events)
    queue.start()
    try:
        [printed] = printer.wait_for_jobs(1)
        assert printed.text().strip() == f"receipt {rid} REPRINT copy 2 interrupted"
        events.wait_kind("job_done", job.id)
        record = queue.job(job.id)
        assert record is not None and record.is_reprint and record.copy_no == 2 and record.state == "done"
    finally:
        queue.stop()
        journal.close()


def test_cancel_with_reason(printer: VirtualPrinter, journal: Journal, make_queue: list[Harness]) -> None:
    printer.set_condition("paper-end")
    h = _start(make_queue, journal, printing_for(printer.port))
    head, second, third = (h.queue.enqueue(None, payload=f"c{i}\n".encode()) for i in range(3))
    h.events.wait_kind("job_held", head, "paper_end")
    cancelled = h.queue.cancel(second, "customer left", "03")
    assert cancelled.state == "cancelled" and cancelled.cancel_reason == "customer left"
    assert cancelled.cancelled_by == "03"
    event = h.events.wait_kind("job_cancelled", second)
    assert event.fault_detail == "customer left"
    with pytest.raises(ValueError, match="reason"):
        h.queue.cancel(third, "", "03")
    # Cancelling the held head lets the next job be the one waiting for the printer.
    h.queue.cancel(head, "printed by hand", "03")
    h.events.wait_kind("job_held", third, "paper_end")
    printer.set_condition("online")
    [job] = printer.wait_for_jobs(1)
    assert job_bytes(job.raw) == b"c2\n"
    assert h.queue.wait_idle(5)
    with pytest.raises(JobStateError, match="is done"):
        h.queue.cancel(third, "too late", "03")
    assert [j.state for j in h.queue.jobs()] == ["cancelled", "cancelled", "done"]


def test_move_to_another_printer(printer: VirtualPrinter, journal: Journal, make_queue: list[Harness]) -> None:
    with VirtualPrinter("127.0.0.1", 0) as backup:
        printer.set_condition("offline")
        h = _start(make_queue, journal, printing_for(printer.port, backup.port))
        job_id = h.queue.enqueue(None, payload=b"moved\n")
        h.events.wait_kind("job_held", job_id, "offline")
        with pytest.raises(PrinterFault, match="not_configured"):
            h.queue.move(job_id, "nowhere")
        moved = h.queue.move(job_id, "backup")
        assert moved.printer == "backup" and moved.moved_from == "receipt"
        [job] = backup.wait_for_jobs(1)
        assert job_bytes(job.raw) == b"moved\n"
        done = h.events.wait_kind("job_done", job_id)
        assert done.printer == "backup"
        assert h.queue.wait_idle(5)
        h.queue.stop()
    assert printer.all_jobs == []


def test_retry_wakes_the_worker_at_once(printer: VirtualPrinter, journal: Journal,
                                        make_queue: list[Harness]) -> None:
    # Backoff so long that only retry() can bring the job out within the test's timeout.
    printing = printing_for(printer.port, initial=30.0, probe_max=60.0, retry_max=60.0)
    printer.refuse_connections(True)
    h = _start(make_queue, journal, printing)
    job_id = h.queue.enqueue(None, payload=b"retried\n")
    h.events.wait_kind("job_held", job_id, "not_connected")
    printer.refuse_connections(False)
    h.queue.retry(job_id, "01")
    [job] = printer.wait_for_jobs(1, timeout=10)
    assert job_bytes(job.raw) == b"retried\n"
    assert "retry" in [e.event for e in h.queue.store.log(job_id)]


def test_stop_wakes_a_worker_waiting_out_a_long_backoff(printer: VirtualPrinter, journal: Journal) -> None:
    printing = printing_for(printer.port, initial=60.0, probe_max=60.0, retry_max=60.0)
    printer.set_condition("cover-open")
    events = EventLog()
    queue = PrintQueue(journal, printing, render_marked, on_event=events)
    queue.start()
    job_id = queue.enqueue(None, payload=b"x\n")
    events.wait_kind("job_held", job_id, "cover_open")
    queue.stop(timeout=10)
    assert not any(t.name == "print-receipt" and t.is_alive() for t in threading.enumerate())
    assert queue.job(job_id) is not None and queue.job(job_id).state == "held"  # type: ignore[union-attr]


def test_a_silent_printer_is_reported_unknown_and_still_tried(printer: VirtualPrinter, journal: Journal,
                                                              make_queue: list[Harness]) -> None:
    printer.stall()
    printing = printing_for(printer.port)
    printing.printers["receipt"].timeout_s = 0.5
    h = _start(make_queue, journal, printing)
    job_id = h.queue.enqueue(None, payload=b"\x1b@silent\n")
    h.events.wait_for(lambda e: e.kind == "printer_status" and e.status is not None
                      and e.status.state is PrinterState.UNKNOWN and not e.status.fault_code, what="unknown status")
    h.events.wait_kind("job_sending", job_id)
    printer.stall(False)
    [job] = printer.wait_for_jobs(1, timeout=10)
    # No status answer: the job went without the trailing confirmation query.
    assert job.raw == b"\x10\x04\x01" + b"\x1b@silent\n"
    h.events.wait_kind("job_done", job_id)


def test_enqueue_for_an_unknown_printer_is_refused(journal: Journal, make_queue: list[Harness]) -> None:
    h = _start(make_queue, journal, printing_for(9))
    with pytest.raises(PrinterFault, match="not_configured"):
        h.queue.enqueue(None, printer="kitchen", payload=b"x")
    with pytest.raises(ValueError, match="needs a receipt"):
        h.queue.enqueue(None)


def test_a_job_that_cannot_be_laid_out_is_parked_and_the_rest_go_on(printer: VirtualPrinter, journal: Journal,
                                                                    make_queue: list[Harness]) -> None:
    def render(job: PrintJobRecord, settings: PrinterSettings) -> bytes:
        if job.receipt_id == broken:
            raise KeyError("template")
        return render_marked(job, settings)

    broken, fine = add_receipt(journal), add_receipt(journal)
    h = Harness(journal, printing_for(printer.port))
    h.queue = PrintQueue(journal, h.queue.printing, render, on_event=h.events)
    make_queue.append(h)
    h.queue.start()
    bad = h.queue.enqueue(broken)
    good = h.queue.enqueue(fine)
    h.events.wait_kind("job_held", bad, "render_failed")
    h.events.wait_kind("job_done", good)
    assert h.queue.wait_idle(5)  # a parked job does not keep the queue busy
    assert h.queue.job(bad).parked  # type: ignore[union-attr]


def test_paper_end_between_the_status_check_and_the_send_holds_the_job_until_it_prints(
        printer: VirtualPrinter, journal: Journal, make_queue: list[Harness]) -> None:
    """The printer answers "ready", then runs out of paper before the job's bytes arrive: it takes
    them and prints nothing. Its answer after the job says so: the job is held (not marked done, not
    turned into a reprint), and prints once, as it was, when paper is back."""
    from cashier_app.printing.status import PrinterStatus, query_status

    armed = threading.Event()

    def check_then_run_out(conn: object, timeout: float) -> PrinterStatus:
        status = query_status(conn, timeout)
        if armed.is_set() and status.can_print and printer.all_jobs == []:
            printer.set_condition("paper-end")  # right after the check, before the first byte
        return status

    h = Harness(journal, printing_for(printer.port))
    h.queue = PrintQueue(journal, h.queue.printing, render_marked, on_event=h.events, query=check_then_run_out)
    make_queue.append(h)
    h.queue.start()
    h.events.wait_kind("printer_status")  # the worker's look at the printer when it starts
    armed.set()
    job_id = h.queue.enqueue(add_receipt(journal))
    [refused] = printer.wait_for_rejected(1)
    h.events.wait_kind("job_held", job_id)
    held = h.queue.job(job_id)
    assert held is not None and held.state == "held" and held.fault_code == "paper_end"
    assert not held.is_reprint and held.copy_no == 1 and held.done_at is None
    assert [e.event for e in PrintJobStore(journal).log(job_id)][-1] == "refused"
    assert h.queue.printer_status("receipt").state is PrinterState.PAPER_END
    assert printer.jobs == []  # nothing on paper

    printer.set_condition("online")  # paper loaded
    [printed] = printer.wait_for_jobs(1, timeout=10)
    h.events.wait_kind("job_done", job_id)
    done = h.queue.job(job_id)
    assert done is not None and done.state == "done" and not done.is_reprint and done.copy_no == 1
    assert printed.text() == refused.text() and "REPRINT" not in printed.text()  # the same job, not a copy
    assert len(printer.jobs) == 1


def test_the_printers_state_is_read_at_start_not_left_unknown(printer: VirtualPrinter, journal: Journal,
                                                              make_queue: list[Harness]) -> None:
    printer.set_condition("cover-open")
    h = _start(make_queue, journal, printing_for(printer.port))
    event = h.events.wait_kind("printer_status")
    assert event.status is not None and event.status.state is PrinterState.COVER_OPEN
    assert h.queue.printer_status("receipt").state is PrinterState.COVER_OPEN
    assert h.queue.jobs() == []  # nothing was printed to find it out
