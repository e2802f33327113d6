"""The virtual printer over real TCP, driven by python-escpos's own Network class and raw sockets."""

from __future__ import annotations

import socket
import threading
from pathlib import Path

import pytest
from escpos.exceptions import DeviceNotFoundError
from escpos.printer import Network
from PIL import Image

from cashier_app.emulator import FlagKind, JobOutcome, PrinterCondition, ReceivedJob, VirtualPrinter
from tests.helpers.printer_status import EXPECTED, EXPECTED_ASB

STATUS_TIMEOUT = 3.0


def network(printer: VirtualPrinter) -> Network:
    device = Network("127.0.0.1", printer.port, timeout=STATUS_TIMEOUT)
    device.open()
    return device


def raw_socket(printer: VirtualPrinter) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", printer.port), timeout=STATUS_TIMEOUT)
    return sock


def recv_exactly(sock: socket.socket, count: int) -> bytes:
    out = b""
    while len(out) < count:
        chunk = sock.recv(count - len(out))
        if not chunk:
            break
        out += chunk
    return out


def test_python_escpos_text_cut_qr_and_raw(printer: VirtualPrinter) -> None:
    device = network(printer)
    device.hw("INIT")
    device._raw(b"\x1c&")  # FS &: Chinese mode, as the project sends it
    device.set(align="center", bold=True, double_height=True, double_width=True)
    device.text("Hello\n")
    device.set(normal_textsize=True, bold=False, align="left")
    device._raw("合计：￥12.50\n".encode("gbk"))
    device.qr("https://example.cn/o/42", native=True)
    device.cut()
    device.close()
    [job] = printer.wait_for_jobs(1)
    decoded = job.decoded
    assert decoded.text_lines()[:2] == ["Hello", "合计：￥12.50"]
    assert decoded.lines[0].style.bold and decoded.lines[0].style.width == 2
    assert decoded.qr_codes[0].text == "https://example.cn/o/42"
    assert len(decoded.cuts) == 1 and decoded.cuts[0].partial is False
    assert decoded.flags == []
    assert job.printed and job.ended_by == "close" and job.condition is PrinterCondition.ONLINE


def test_python_escpos_image_qr_arrives_as_raster(printer: VirtualPrinter) -> None:
    device = network(printer)
    device.hw("INIT")
    device.qr("order 42")  # python-escpos draws it and sends GS v 0
    device.close()
    [job] = printer.wait_for_jobs(1)
    [image] = job.decoded.images
    assert image.source == "GS v 0" and image.width >= 24 and image.height >= 24


@pytest.mark.parametrize("condition", list(PrinterCondition))
def test_query_status_for_each_condition(condition: PrinterCondition) -> None:
    with VirtualPrinter(condition=condition) as printer:
        device = network(printer)
        replies = tuple(device.query_status(bytes((0x10, 0x04, n))) for n in (1, 2, 3, 4))
        device.close()
        assert replies == tuple(bytes((b,)) for b in EXPECTED[condition])
        assert printer.status_queries_answered == 4
        assert printer.all_jobs == []  # a connection that only asked for status is not a job


def test_python_escpos_online_and_paper_helpers_follow_set_condition(printer: VirtualPrinter) -> None:
    device = network(printer)
    assert device.is_online() is True
    assert device.paper_status() == 2
    printer.set_condition(PrinterCondition.PAPER_NEAR_END)
    assert device.paper_status() == 1
    printer.set_condition("paper-end")
    assert device.paper_status() == 0
    assert device.is_online() is False
    device.close()


def test_automatic_status_back_on_enable_and_on_every_change(printer: VirtualPrinter) -> None:
    with raw_socket(printer) as sock:
        sock.sendall(b"\x1da\xff")
        first = recv_exactly(sock, 4)
        assert first.hex() == EXPECTED_ASB[PrinterCondition.ONLINE]
        assert first[0] & 0x93 == 0x10
        for condition in (PrinterCondition.COVER_OPEN, PrinterCondition.PAPER_NEAR_END,
                          PrinterCondition.PAPER_END, PrinterCondition.CUTTER_ERROR, PrinterCondition.ONLINE):
            printer.set_condition(condition)
            assert recv_exactly(sock, 4).hex() == EXPECTED_ASB[condition]
        sock.sendall(b"\x1da\x00")  # ASB off: a status query's reply is the next byte, not an ASB
        sock.sendall(b"\x10\x04\x01")
        assert recv_exactly(sock, 1) == b"\x12"
        printer.set_condition(PrinterCondition.OFFLINE)
        sock.sendall(b"\x10\x04\x01")
        assert recv_exactly(sock, 1) == b"\x1a"


@pytest.mark.parametrize("condition", [PrinterCondition.PAPER_END, PrinterCondition.COVER_OPEN,
                                       PrinterCondition.OFFLINE, PrinterCondition.CUTTER_ERROR])
def test_a_printer_that_cannot_print_answers_status_but_prints_nothing(condition: PrinterCondition) -> None:
    with VirtualPrinter(condition=condition) as printer:
        device = network(printer)
        assert device.query_status(b"\x10\x04\x01") == bytes((EXPECTED[condition][0],))
        device.hw("INIT")
        device.text("not printed\n")
        device.close()
        [rejected] = printer.wait_for_rejected(1)
        assert rejected.outcome is JobOutcome.REJECTED and rejected.condition is condition
        assert rejected.decoded.text_lines() == ["not printed"]
        assert printer.jobs == []


def test_paper_near_end_still_prints(printer: VirtualPrinter) -> None:
    printer.set_condition(PrinterCondition.PAPER_NEAR_END)
    with raw_socket(printer) as sock:
        sock.sendall(b"\x1b@low paper\n")
    assert printer.wait_for_jobs(1)[0].text() == "low paper"


def test_status_polls_while_down_do_not_spoil_a_later_job(printer: VirtualPrinter) -> None:
    printer.set_condition(PrinterCondition.PAPER_END)
    with raw_socket(printer) as sock:
        sock.sendall(b"\x10\x04\x04")
        assert recv_exactly(sock, 1) == b"\x72"
        printer.set_condition(PrinterCondition.ONLINE)
        sock.sendall(b"\x10\x04\x04")
        assert recv_exactly(sock, 1) == b"\x12"
        sock.sendall(b"\x1b@fresh roll\n")
    [job] = printer.wait_for_jobs(1)
    assert job.text() == "fresh roll"


def test_job_ends_after_idle_timeout_on_an_open_connection(printer: VirtualPrinter) -> None:
    with raw_socket(printer) as sock:
        sock.sendall(b"\x1b@first\n")
        [first] = printer.wait_for_jobs(1)
        assert first.ended_by == "idle" and first.text() == "first"
        sock.sendall(b"\x1b@second\n")
        jobs = printer.wait_for_jobs(2)
        assert [job.text() for job in jobs] == ["first", "second"]
        assert [job.number for job in jobs] == [1, 2]


def test_on_job_callback_and_files(tmp_path: Path) -> None:
    seen: list[ReceivedJob] = []
    arrived = threading.Event()

    def on_job(job: ReceivedJob) -> None:
        seen.append(job)
        arrived.set()

    out = tmp_path / "jobs"
    with VirtualPrinter(out_dir=out, on_job=on_job, dots=576) as printer:
        with raw_socket(printer) as sock:
            sock.sendall(b"\x1b@\x1c&" + "小票\n".encode("gbk") + b"\x1dVB\x00")
        assert arrived.wait(5)
        [job] = seen
        assert job.bin_path == out / "0001.bin" and job.bin_path.read_bytes() == job.raw
        assert job.png_path == out / "0001.png"
        with Image.open(job.png_path) as image:
            assert image.width == 576
    # A restarted printer continues the numbering instead of overwriting.
    with VirtualPrinter(out_dir=out) as printer:
        with raw_socket(printer) as sock:
            sock.sendall(b"\x1b@again\n")
        assert printer.wait_for_jobs(1)[0].bin_path == out / "0002.bin"


def test_refused_connections_and_recovery(printer: VirtualPrinter) -> None:
    port = printer.port
    printer.refuse_connections()
    with pytest.raises(DeviceNotFoundError):
        Network("127.0.0.1", port, timeout=STATUS_TIMEOUT).open()
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=STATUS_TIMEOUT)
    printer.refuse_connections(False)
    assert printer.port == port
    device = network(printer)
    assert device.query_status(b"\x10\x04\x01") == b"\x12"
    device.close()


def test_stall_accepts_but_reads_nothing_until_released(printer: VirtualPrinter) -> None:
    printer.stall()
    with raw_socket(printer) as sock:
        printer.wait_for_connections(1)
        sock.sendall(b"\x10\x04\x01")
        sock.settimeout(0.5)
        with pytest.raises(TimeoutError):  # no reply: status is unknown, never "fine"
            sock.recv(1)
        assert printer.status_queries_answered == 0
        printer.stall(False)
        sock.settimeout(STATUS_TIMEOUT)
        assert recv_exactly(sock, 1) == b"\x12"


def test_stall_seen_through_python_escpos(printer: VirtualPrinter) -> None:
    printer.stall()
    device = Network("127.0.0.1", printer.port, timeout=0.5)
    device.open()
    with pytest.raises(TimeoutError):
        device.query_status(b"\x10\x04\x01")
    device.close()


def test_drop_half_way_then_the_retry_prints(printer: VirtualPrinter) -> None:
    job_bytes = b"\x1b@" + b"line of the receipt\n" * 20
    printer.drop_after(50)
    with raw_socket(printer) as sock:
        sock.sendall(job_bytes)
        with pytest.raises((ConnectionResetError, BrokenPipeError)):
            sock.sendall(b"\x10\x04\x01")  # the client learns of the drop on its next exchange
            if sock.recv(1) == b"":
                raise ConnectionResetError("closed")
    [dropped] = printer.wait_for_dropped(1)
    assert dropped.raw == job_bytes[:50] and dropped.ended_by == "drop"
    assert printer.jobs == []
    device = network(printer)  # times=1: the retry goes through
    device._raw(job_bytes)
    device.close()
    assert printer.wait_for_jobs(1)[0].raw == job_bytes


def test_drop_every_connection_until_cleared(printer: VirtualPrinter) -> None:
    printer.drop_after(3, times=None)
    for _ in range(2):
        with raw_socket(printer) as sock:
            sock.sendall(b"\x1b@abc\n")
    printer.wait_for_dropped(2)
    printer.drop_after(None)
    with raw_socket(printer) as sock:
        sock.sendall(b"\x1b@abc\n")
    assert printer.wait_for_jobs(1)[0].text() == "abc"


def test_wait_for_jobs_times_out_with_a_summary(printer: VirtualPrinter) -> None:
    with pytest.raises(TimeoutError, match="printed 0"):
        printer.wait_for_jobs(1, timeout=0.1)


def test_stop_is_idempotent_and_closes_everything() -> None:
    printer = VirtualPrinter().start()
    port = printer.port
    sock = raw_socket(printer)
    sock.sendall(b"\x1b@pending\n")
    printer.wait_for_connections(1)
    printer.stop()
    printer.stop()
    assert not printer.running
    assert [job.text() for job in printer.all_jobs] == ["pending"]  # what arrived before stop is kept
    assert sock.recv(1) == b""
    sock.close()
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=STATUS_TIMEOUT)
    assert not [t for t in threading.enumerate() if t.name.startswith(f"virtual-printer-{port}")]
    with pytest.raises(RuntimeError):
        printer.start()


def test_port_is_known_after_start_only() -> None:
    printer = VirtualPrinter()
    with pytest.raises(RuntimeError):
        _ = printer.port
    printer.stop()  # stopping a printer never started is harmless


def test_decoded_flags_reach_the_received_job(printer: VirtualPrinter) -> None:
    with raw_socket(printer) as sock:
        sock.sendall(b"\x1b@" + "¥9.90\n".encode("gb18030"))
    [job] = printer.wait_for_jobs(1)
    assert job.decoded.flags_of(FlagKind.GB18030_ON_GBK)
