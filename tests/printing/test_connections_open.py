"""open_connection for each kind: real python-escpos classes, failures as PrinterFault codes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from escpos.printer import File, Network

from cashier_app.domain.printer_faults import WORDS
from cashier_app.printing.connections import close_quietly, describe_target, open_connection, send_job
from cashier_app.printing.faults import PrinterFault, fault_text
from cashier_app.printing.settings import PrinterSettings
from tests.helpers.net import free_port


def test_refused_network_printer_is_not_connected_with_host_port_and_errno() -> None:
    port = free_port()  # nothing listens there
    with pytest.raises(PrinterFault) as caught:
        open_connection(PrinterSettings(kind="network", host="127.0.0.1", port=port, timeout_s=1.0))
    fault = caught.value
    assert fault.code == "not_connected"
    assert f"127.0.0.1:{port}" in fault.detail
    assert "ECONNREFUSED" in fault.detail and "errno" in fault.detail
    assert fault_text(fault.code) == "打印机未连接"


def test_file_printer_takes_raw_bytes(tmp_path: Path) -> None:
    target = tmp_path / "lp0"
    settings = PrinterSettings(kind="file", device_path=str(target))
    conn = open_connection(settings)
    assert isinstance(conn, File)
    send_job(conn, b"\x1b@\x1c&\xd6\xd0\xce\xc4\n", settings)
    close_quietly(conn)
    assert target.read_bytes() == b"\x1b@\x1c&\xd6\xd0\xce\xc4\n"


def test_file_printer_in_a_missing_folder_is_not_connected(tmp_path: Path) -> None:
    path = tmp_path / "no-such-dir" / "lp0"
    with pytest.raises(PrinterFault) as caught:
        open_connection(PrinterSettings(kind="file", device_path=str(path)))
    assert caught.value.code == "not_connected"
    assert "ENOENT" in caught.value.detail and str(path) in caught.value.detail


def test_serial_port_that_does_not_exist_names_the_device() -> None:
    with pytest.raises(PrinterFault) as caught:
        open_connection(PrinterSettings(kind="serial", serial_port="/dev/does-not-exist-ttyUSB9", timeout_s=0.5))
    assert caught.value.code == "not_connected"
    assert "/dev/does-not-exist-ttyUSB9" in caught.value.detail


def test_usb_without_a_libusb_backend_is_unsupported_here() -> None:
    import usb.core

    try:
        usb.core.find()
    except usb.core.NoBackendError:
        pass
    else:
        pytest.skip("a libusb backend is installed here")
    with pytest.raises(PrinterFault) as caught:
        open_connection(PrinterSettings(kind="usb", usb_vendor_id=0x0416, usb_product_id=0x5011, timeout_s=0.5))
    assert caught.value.code == "unsupported_on_platform"
    assert "usb 0416:5011" in caught.value.detail


def test_cups_without_pycups_is_unsupported_here() -> None:
    from escpos.printer import CupsPrinter

    if CupsPrinter.is_usable():
        pytest.skip("pycups is installed here")
    with pytest.raises(PrinterFault) as caught:
        open_connection(PrinterSettings(kind="cups", queue_name="POS58"))
    assert caught.value.code == "unsupported_on_platform"


def test_win32raw_off_windows_is_unsupported() -> None:
    from escpos.printer import Win32Raw

    if Win32Raw.is_usable():
        pytest.skip("running on Windows with pywin32")
    with pytest.raises(PrinterFault) as caught:
        open_connection(PrinterSettings(kind="win32raw", queue_name="POS-80C"))
    assert caught.value.code == "unsupported_on_platform"


def test_lp_without_the_lp_commands_is_unsupported() -> None:
    if shutil.which("lp") and shutil.which("lpstat"):
        pytest.skip("lp is installed here")
    with pytest.raises(PrinterFault) as caught:
        open_connection(PrinterSettings(kind="lp", queue_name="POS58"))
    assert caught.value.code == "unsupported_on_platform"


def test_missing_settings_are_named() -> None:
    for settings, word in [
        (PrinterSettings(kind="usb"), "usb_vendor_id"),
        (PrinterSettings(kind="serial"), "serial_port"),
        (PrinterSettings(kind="file"), "device_path"),
    ]:
        with pytest.raises(PrinterFault) as caught:
            open_connection(settings)
        assert caught.value.code == "not_configured" and word in caught.value.detail


def test_targets_are_described_for_technicians() -> None:
    assert describe_target(PrinterSettings(kind="network", host="10.0.0.9", port=9100)) == "10.0.0.9:9100"
    assert describe_target(PrinterSettings(kind="usb", usb_vendor_id=0x4B8, usb_product_id=0x202)) == "usb 04b8:0202"
    assert "9600 baud" in describe_target(PrinterSettings(kind="serial", serial_port="COM3"))
    assert describe_target(PrinterSettings(kind="lp", queue_name="POS58")) == "lp queue POS58"


def test_every_fault_code_has_both_texts() -> None:
    for code, words in WORDS.items():
        assert words.zh and words.en and code
    assert fault_text("not_connected", "en") == "Printer not connected"
    assert fault_text("made_up") == "made_up"


def test_network_uses_python_escpos_network_class_with_the_timeout() -> None:
    import socket

    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        settings = PrinterSettings(kind="network", host="127.0.0.1", port=server.getsockname()[1], timeout_s=2.5)
        conn = open_connection(settings)
        try:
            assert isinstance(conn, Network)
            assert conn.device.gettimeout() == 2.5
        finally:
            close_quietly(conn)


def test_a_printer_that_stops_taking_bytes_times_out() -> None:
    from cashier_app.emulator.server import VirtualPrinter

    printer = VirtualPrinter("127.0.0.1", 0).start()
    printer.stall()  # accepts, reads nothing
    try:
        settings = PrinterSettings(kind="network", host="127.0.0.1", port=printer.port, timeout_s=0.3)
        conn = open_connection(settings)
        try:
            # More than the loopback socket buffers of both ends can hold.
            with pytest.raises(PrinterFault) as caught:
                send_job(conn, b"\x1b@" + b"A" * (24 * 1024 * 1024), settings)
        finally:
            close_quietly(conn)
        assert caught.value.code == "timeout"
    finally:
        printer.stop()
    assert printer.all_jobs == []


@pytest.mark.skipif(not Path("/bin/sh").exists(), reason="the spooler stand-in is a shell script")
@pytest.mark.parametrize(("exit_code", "accepted"), [(0, True), (1, False)])
def test_a_system_queue_job_is_done_only_when_the_spooler_accepts_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                     exit_code: int, accepted: bool) -> None:
    """No status comes back from `lp`: done means the spooler took the job, so `lp` exiting with an
    error is a fault, not a job marked done. (`lp`/`lpstat` here are shell scripts standing in for CUPS.)"""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    spooled = tmp_path / "spooled.bin"
    scripts = {
        "lp": f"#!/bin/sh\ncat > {spooled}\nexit {exit_code}\n",
        "lpstat": "#!/bin/sh\ncase \"$1\" in\n -e) echo receipt;;\n -v) echo 'device for receipt: usb://x';;\n"
                  " -d) echo 'system default destination: receipt';;\nesac\n",
    }
    for name, text in scripts.items():
        (bin_dir / name).write_text(text)
        (bin_dir / name).chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}:/usr/bin:/bin")
    settings = PrinterSettings(kind="lp", queue_name="receipt", check_status=False, timeout_s=5)
    conn = open_connection(settings)
    try:
        if accepted:
            send_job(conn, b"\x1b@receipt\n", settings)
        else:
            with pytest.raises(PrinterFault) as refused:
                send_job(conn, b"\x1b@receipt\n", settings)
            assert refused.value.code == "send_failed" and "lp exited with 1" in refused.value.detail
    finally:
        close_quietly(conn)
    assert spooled.read_bytes().startswith(b"\x1b@receipt\n")
