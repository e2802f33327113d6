"""The virtual printer's serial face: a pseudo-terminal that pyserial (through python-escpos's
Serial) opens by its device path, answering DLE EOT from the printer's condition as on TCP."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator

import pytest
from escpos.printer import Network, Serial

from cashier_app.emulator import VirtualPrinter
from cashier_app.emulator.status import status_byte

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the serial face is a POSIX pseudo-terminal")


@pytest.fixture
def port(printer: VirtualPrinter) -> Iterator[Serial]:
    device = Serial(printer.open_serial(), baudrate=9600, timeout=2)
    device.open()
    yield device
    device.close()


def test_the_serial_face_is_a_terminal_device_opened_once(printer: VirtualPrinter) -> None:
    assert printer.serial_path is None
    path = printer.open_serial()
    fd = os.open(path, os.O_RDWR | os.O_NOCTTY)
    try:
        assert os.isatty(fd)  # what a USB-serial adapter's /dev/ttyUSB0 is
    finally:
        os.close(fd)
    assert printer.serial_path == path and printer.open_serial() == path


def test_status_over_serial_follows_the_condition(printer: VirtualPrinter, port: Serial) -> None:
    for condition in ("online", "paper-end", "cover-open"):
        printer.set_condition(condition)
        for n in (1, 2, 4):
            port._raw(b"\x10\x04" + bytes((n,)))
            assert port.device.read(1) == bytes((status_byte(condition, n),)), (condition, n)


def test_a_serial_job_ends_when_the_line_goes_idle(printer: VirtualPrinter, port: Serial) -> None:
    port._raw(b"\x1b@" + "串口 serial\n".encode("gbk") + b"\x1dVB\x00")
    [job] = printer.wait_for_jobs(1)
    assert job.text().strip() == "串口 serial" and job.ended_by == "idle" and job.peer.startswith("serial ")
    printer.set_condition("paper-end")
    port._raw(b"\x1b@second\n")
    [rejected] = printer.wait_for_rejected(1)
    assert rejected.text().strip() == "second" and len(printer.jobs) == 1


def test_status_polls_do_not_keep_a_refused_job_open(printer: VirtualPrinter, port: Serial) -> None:
    """A till keeps the port open and polls while paper is out: the job still ends on its own."""
    printer.set_condition("paper-end")
    port._raw(b"\x1b@refused\n")
    for _ in range(8):  # polls faster than the idle timeout, as a queue probing a held job does
        port._raw(b"\x10\x04\x01")
        assert port.device.read(1) == bytes((status_byte("paper-end", 1),))
        if printer.rejected_jobs:
            break
    [rejected] = printer.wait_for_rejected(1)
    assert rejected.text().strip() == "refused"


def test_a_silent_printer_prints_but_answers_nothing_on_either_face(printer: VirtualPrinter, port: Serial) -> None:
    printer.go_silent()
    port._raw(b"\x1b@quiet\n\x10\x04\x01")
    [job] = printer.wait_for_jobs(1)
    assert job.text().strip() == "quiet"
    port.device.timeout = 0.3
    assert port.device.read(1) == b""  # no answer within the timeout
    network = Network("127.0.0.1", printer.port, timeout=2)
    network.open()
    try:
        network._raw(b"\x10\x04\x01")
        network.device.settimeout(0.3)
        with pytest.raises(TimeoutError):
            network.device.recv(1)
    finally:
        network.close()
    printer.go_silent(False)
    port._raw(b"\x10\x04\x01")
    assert port.device.read(1) == b"\x12"


def test_stop_keeps_what_was_written_on_the_line() -> None:
    printer = VirtualPrinter(idle_timeout_s=30).start()
    try:
        device = Serial(printer.open_serial(), baudrate=9600, timeout=2)
        device.open()
        device._raw(b"\x1b@last words\n")
        device.close()  # the till lets go of the port; the line stays, a job ends only by idle or stop
    finally:
        printer.stop()
    [job] = printer.all_jobs
    assert job.text().strip() == "last words" and job.ended_by == "stop"
    assert printer.serial_path is not None and not os.path.exists(printer.serial_path)
