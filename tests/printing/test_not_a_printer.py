"""Something that answers where the printer should be, but is no ESC/POS printer: named as such by the
status query, the technician's check and the print queue (which holds the receipt rather than lose it)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cashier_app.diagnostics.outcomes import Outcome
from cashier_app.diagnostics.printer_check import check_printer
from cashier_app.journal.db import Journal
from cashier_app.printing import faults
from cashier_app.printing.connections import close_quietly, open_connection
from cashier_app.printing.queue import PrintQueue
from cashier_app.printing.settings import PrinterSettings
from cashier_app.printing.status import (
    PrinterState,
    is_foreign_reply,
    probe_status,
    query_status,
    reply_preview,
    status_from_replies,
)
from tests.helpers.fake_devices import GARBAGE, HANG_UP, SILENT, WEB, FakeDevice
from tests.helpers.print_queue import EventLog, printing_for, render_marked


@pytest.mark.parametrize(("reply", "foreign"), [
    (b"", False),
    (b"\x12", False),  # online
    (b"\x16\x12", False),  # a late answer, then this one
    (b"\x00", False),  # one odd byte: unknown, not proof of anything
    (b"HTTP/1.1 400 Bad Request\r\n", True),
    (b"SSH-2.0-OpenSSH_9.6\r\n", True),
    (b"\xff\x00\xfe", True),  # bytes, none of them status
])
def test_foreign_replies(reply: bytes, foreign: bool) -> None:
    assert is_foreign_reply(reply) is foreign


def test_a_text_answer_is_named_with_what_it_said() -> None:
    status = status_from_replies({1: b"HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n"})
    assert status.state is PrinterState.UNKNOWN and status.code == faults.NOT_A_PRINTER
    assert "'HTTP/1.1 400 Bad Request'" in status.detail
    assert reply_preview(b"\xff\x00\xfe") == "ff 00 fe"


def _network(port: int) -> PrinterSettings:
    return PrinterSettings(kind="network", host="127.0.0.1", port=port, timeout_s=1.0, status_timeout_s=0.3)


@pytest.fixture
def web() -> Iterator[FakeDevice]:
    with FakeDevice(WEB) as device:
        yield device


def test_query_status_stops_asking_a_web_server(web: FakeDevice) -> None:
    conn = open_connection(_network(web.port))
    try:
        status = query_status(conn, 0.5)
    finally:
        close_quietly(conn)
    assert status.code == faults.NOT_A_PRINTER
    assert web.received == b"\x10\x04\x01"  # asked once, then left alone


@pytest.mark.parametrize(("behaviour", "code", "words"), [
    (WEB, faults.NOT_A_PRINTER, "'HTTP/1.1 400 Bad Request'"),
    (HANG_UP, faults.NOT_A_PRINTER, "closed it when asked for its status"),
    (GARBAGE, faults.NOT_A_PRINTER, "ff 00 fe"),
    (SILENT, faults.STATUS_UNKNOWN, "no reply to DLE EOT 1"),
])
def test_probe_status_names_what_answers(behaviour: str, code: str, words: str) -> None:
    with FakeDevice(behaviour) as device:
        conn = open_connection(_network(device.port))
        try:
            status = probe_status(conn, 0.3, f"127.0.0.1:{device.port}")
        finally:
            close_quietly(conn)
    assert status.code == code and words in status.detail


@pytest.mark.parametrize("behaviour", [WEB, HANG_UP])
def test_the_technicians_check_says_not_a_printer_not_check_the_cable(behaviour: str) -> None:
    with FakeDevice(behaviour) as device:
        found = check_printer(_network(device.port), timeout_s=1.0)
    assert found.reachable and found.code == faults.NOT_A_PRINTER and found.outcome is Outcome.FAULT
    assert found.text_en == "The printer's address is not a receipt printer"
    assert found.text_zh == "打印机地址上的设备不是小票打印机"
    assert "is not an ESC/POS receipt printer" in found.hint and "self-test page" in found.hint
    assert "cable" not in found.hint and "不是小票打印机" in found.hint_zh


def test_a_serial_line_answering_garbage_points_at_the_baud_rate() -> None:
    from cashier_app.diagnostics.printer_check import hint_for

    hint, hint_zh = hint_for(faults.NOT_A_PRINTER, PrinterSettings(kind="serial", serial_port="/dev/ttyS0"), 0.5)
    assert "baud rate" in hint and "波特率" in hint_zh


def test_the_queue_holds_a_receipt_rather_than_send_it_to_a_web_server(web: FakeDevice, tmp_path: Path) -> None:
    journal = Journal(tmp_path / "journal.sqlite3")
    events = EventLog()
    queue = PrintQueue(journal, printing_for(web.port), render_marked, on_event=events)
    queue.start()
    try:
        job_id = queue.enqueue(None, payload=b"\x1b@receipt\n")
        held = events.wait_kind("job_held", job_id, faults.NOT_A_PRINTER)
        assert held.fault_detail is not None and "HTTP/1.1 400 Bad Request" in held.fault_detail
        assert b"receipt" not in bytes(web.received)  # only status questions reached it
        assert queue.job(job_id) is not None and queue.job(job_id).state == "held"  # type: ignore[union-attr]
    finally:
        queue.stop()
        journal.close()
