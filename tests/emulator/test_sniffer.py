"""Sniffer mode: the virtual printer as a pass-through between a till and a second virtual printer (the
"real" one), forwarding byte for byte in both directions while it decodes and draws each job."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from escpos.printer import Network

from cashier_app.emulator.server import VirtualPrinter
from cashier_app.emulator.sniffer import PassThroughPrinter
from cashier_app.printing.connections import close_quietly, open_connection, send_job
from cashier_app.printing.layout import LayoutOptions, layout_receipt
from cashier_app.printing.profiles import builtin_profiles
from cashier_app.printing.settings import PrinterSettings
from cashier_app.printing.status import PrinterState, query_status
from tests.helpers.net import free_port
from tests.helpers.processes import child, stop


@pytest.fixture
def real_printer(tmp_path: Path) -> Iterator[VirtualPrinter]:
    with VirtualPrinter(out_dir=tmp_path / "real", idle_timeout_s=0.3) as vp:
        yield vp


@pytest.fixture
def sniffer(real_printer: VirtualPrinter, tmp_path: Path) -> Iterator[PassThroughPrinter]:
    with PassThroughPrinter(("127.0.0.1", real_printer.port), out_dir=tmp_path / "sniffed",
                            idle_timeout_s=0.5) as s:
        yield s


def receipt_bytes() -> bytes:
    lines = ["        聚合支付 签购单", "商户名称：星河便利店", "商户订单号：202611220001", "金额：RMB 12.50",
             "谢谢惠顾"]
    return layout_receipt(lines, builtin_profiles()["58-gbk"], LayoutOptions(qr_data="202611220001")).payload


def till_settings(port: int) -> PrinterSettings:
    return PrinterSettings(kind="network", host="127.0.0.1", port=port, timeout_s=2.0, status_timeout_s=0.5)


def test_the_till_job_reaches_the_printer_byte_for_byte_and_is_drawn(
        sniffer: PassThroughPrinter, real_printer: VirtualPrinter, tmp_path: Path) -> None:
    payload = receipt_bytes()
    conn = open_connection(till_settings(sniffer.port))  # the till, through python-escpos, as it would print
    try:
        status = query_status(conn, 0.5)  # answered by the real printer, passed back unchanged
        send_job(conn, payload, till_settings(sniffer.port), confirm_with_status=True)
    finally:
        close_quietly(conn)
    assert status.state is PrinterState.READY
    [printed] = real_printer.wait_for_jobs(1)
    [sniffed] = sniffer.wait_for_jobs(1)
    assert sniffed.raw == printed.raw  # forwarded unchanged, status questions and all
    assert payload in sniffed.raw and sniffed.forwarded and not sniffed.error
    assert set(sniffed.replies) == {0x12} and len(sniffed.replies) >= 4  # "online", to every question
    assert sniffed.text() == printed.text() and "商户订单号：202611220001" in sniffed.text()
    assert [qr.text for qr in sniffed.decoded.qr_codes] == ["202611220001"]
    assert sniffed.png_path is not None and sniffed.png_path.read_bytes().startswith(b"\x89PNG")
    assert (tmp_path / "sniffed" / "0001.bin").read_bytes() == printed.raw
    assert (tmp_path / "sniffed" / "0001-replies.bin").read_bytes() == sniffed.replies


def test_what_the_printer_says_reaches_the_till(sniffer: PassThroughPrinter, real_printer: VirtualPrinter) -> None:
    real_printer.set_condition("paper-end")
    conn = open_connection(till_settings(sniffer.port))
    try:
        status = query_status(conn, 0.5)
    finally:
        close_quietly(conn)
    assert status.state is PrinterState.PAPER_END


def test_jobs_on_one_open_connection_are_split_by_a_pause(
        sniffer: PassThroughPrinter, real_printer: VirtualPrinter) -> None:
    till = Network("127.0.0.1", port=sniffer.port, timeout=2)
    till.open()
    try:
        till._raw(b"\x1b@first\n")
        sniffer.wait_for_jobs(1, timeout=5)
        till._raw(b"\x1b@second\n")
        jobs = sniffer.wait_for_jobs(2, timeout=5)
    finally:
        till.close()
    assert [j.text().strip() for j in jobs] == ["first", "second"]
    assert b"".join(j.raw for j in jobs) == b"\x1b@first\n\x1b@second\n"


def test_a_printer_that_cannot_be_reached_ends_the_tills_connection(tmp_path: Path) -> None:
    with PassThroughPrinter(("127.0.0.1", free_port()), connect_timeout_s=0.5) as sniffer:
        conn = open_connection(till_settings(sniffer.port))
        try:
            with pytest.raises(Exception, match=r"closed the connection|broken|reset"):
                query_status(conn, 0.5)
        finally:
            close_quietly(conn)
        [attempt] = sniffer.wait_for_jobs(1)
    assert not attempt.forwarded and "cannot be reached" in attempt.error and attempt.raw == b""


def test_the_command_line_runs_the_sniffer(real_printer: VirtualPrinter, tmp_path: Path) -> None:
    import os
    import subprocess
    import sys
    import time

    port = free_port()
    with child([sys.executable, "-m", "cashier_app", "virtual-printer", "--port", str(port), "--out",
                str(tmp_path / "cli"), "--forward", f"127.0.0.1:{real_printer.port}"],
               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
               env={**os.environ, "PYTHONUNBUFFERED": "1"}) as process:
        assert process.stdout is not None
        first = process.stdout.readline()
        assert f"sniffer listening on 127.0.0.1:{port}, forwarding to 127.0.0.1:{real_printer.port}" in first
        deadline = time.monotonic() + 10
        while True:  # the listener is up once the line is printed; connect as the till
            try:
                till = Network("127.0.0.1", port=port, timeout=2)
                till.open()
                break
            except Exception:
                if time.monotonic() > deadline:
                    raise
        till._raw(b"\x1b@hello\n")
        till.close()
        [printed] = real_printer.wait_for_jobs(1)
        assert printed.raw == b"\x1b@hello\n"
        out = stop(process, timeout=10).out
    assert "=== job 0001 forwarded (8 bytes" in out and "sniffer stopped (1 jobs)" in out
    assert (tmp_path / "cli" / "0001.png").exists()


def test_a_printer_that_stops_taking_bytes_ends_the_job_and_never_hangs_the_sniffer() -> None:
    import socket
    import threading

    from tests.helpers.fake_devices import STALL, FakeDevice

    with FakeDevice(STALL) as hung, PassThroughPrinter(("127.0.0.1", hung.port), stall_timeout_s=0.5) as sniffer:
        till = socket.create_connection(("127.0.0.1", sniffer.port), timeout=5)

        def flood() -> None:  # more than every socket buffer between here and the printer holds
            chunk = b"x" * 1_000_000
            try:
                for _ in range(200):
                    till.sendall(chunk)
            except OSError:
                pass

        sender = threading.Thread(target=flood, daemon=True)
        sender.start()
        [job] = sniffer.wait_for_jobs(1, timeout=20)
        assert not job.forwarded and "stopped taking bytes for 0.5 s" in job.error
        assert len(job.raw) > 1_000_000  # kept whole, drawn only in part
        till.close()
        sender.join(5)
        assert not sender.is_alive()
