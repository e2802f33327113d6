"""`cashier-app decode` through cli.main, and `cashier-app virtual-printer` as a real process."""

from __future__ import annotations

import contextlib
import os
import queue
import re
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from escpos.printer import Network
from PIL import Image

from cashier_app.app import cli
from tests.helpers.paths import REPO


def test_decode_prints_lines_styles_items_and_flags(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    job = tmp_path / "job.bin"
    job.write_bytes(b"\x1b@\x1c&\x1ba\x01\x1d!\x11" + "重打小票".encode("gbk") + b"\n\x1d!\x00"
                    + "¥9.90\n".encode("gb18030") + b"\x1dVB\x00")
    png = tmp_path / "out.png"
    assert cli.main(["decode", str(job), "--png", str(png)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"1 C 2x2\s+\|重打小票", out)
    assert "[partial cut, feed 0 dots]" in out
    assert "gb18030-on-gbk" in out
    with Image.open(png) as image:
        assert image.width == 384
    assert cli.main(["decode", str(job), "--strict", "--dots", "576", "--commands"]) == 1
    out = capsys.readouterr().out
    assert "48 columns" in out and "FS &" in out


def test_decode_missing_file_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["decode", str(tmp_path / "none.bin")]) == 2
    assert "cannot read" in capsys.readouterr().err


def _lines(stream: object, into: queue.Queue[str]) -> None:
    with contextlib.suppress(ValueError, OSError):  # the pipe closes when the process ends
        for line in stream:  # type: ignore[attr-defined]
            into.put(line)


def _wait_line(lines: queue.Queue[str], pattern: str, timeout: float = 20.0) -> re.Match[str]:
    seen: list[str] = []
    while True:
        try:
            line = lines.get(timeout=timeout)
        except queue.Empty:
            pytest.fail(f"no line matching {pattern!r}; got {seen}")
        seen.append(line)
        match = re.search(pattern, line)
        if match:
            return match


def test_virtual_printer_process_writes_bin_and_png(tmp_path: Path) -> None:
    out_dir = tmp_path / "jobs"
    env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONUNBUFFERED": "1"}
    with subprocess.Popen(  # the with block closes the pipes
        [sys.executable, "-m", "cashier_app", "virtual-printer", "--port", "0", "--out", str(out_dir),
         "--status", "online", "--dots", "576"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=subprocess.PIPE, text=True, cwd=REPO, env=env,
    ) as proc:
        lines: queue.Queue[str] = queue.Queue()
        reader = threading.Thread(target=_lines, args=(proc.stdout, lines), daemon=True)
        reader.start()
        try:
            port = int(_wait_line(lines, r"listening on 127\.0\.0\.1:(\d+)").group(1))
            device = Network("127.0.0.1", port, timeout=5)
            device.open()
            device.hw("INIT")
            device._raw("小票 receipt\n".encode("gbk"))
            device.cut()
            device.close()
            _wait_line(lines, r"=== job 0001 printed")
            _wait_line(lines, r"小票 receipt")
            assert (out_dir / "0001.bin").read_bytes().startswith(b"\x1b@")
            with Image.open(out_dir / "0001.png") as image:
                assert image.width == 576
            # A condition typed on stdin changes what the printer reports.
            assert proc.stdin is not None
            proc.stdin.write("paper-end\n")
            proc.stdin.flush()
            _wait_line(lines, r"condition: paper-end")
            device = Network("127.0.0.1", port, timeout=5)
            device.open()
            assert device.query_status(b"\x10\x04\x04") == b"\x72"
            device.close()
        finally:
            code = _interrupt(proc)
            reader.join(5)  # output ends with the process
    assert code == 0


def _interrupt(proc: subprocess.Popen[str]) -> int:
    """Ctrl-C the process and return its exit code (killed after 15 s, and the test fails)."""
    stop_signal = signal.SIGINT if sys.platform != "win32" else signal.CTRL_C_EVENT  # type: ignore[attr-defined,unused-ignore]
    proc.send_signal(stop_signal)
    try:
        return proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        raise


@pytest.mark.skipif(sys.platform == "win32", reason="the serial face is a POSIX pseudo-terminal")
def test_virtual_printer_process_with_serial_prints_its_device_path(tmp_path: Path) -> None:
    from escpos.printer import Serial

    out_dir = tmp_path / "jobs"
    env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONUNBUFFERED": "1"}
    with subprocess.Popen(
        [sys.executable, "-m", "cashier_app", "virtual-printer", "--port", "0", "--out", str(out_dir), "--serial",
         "--status", "paper-end"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=subprocess.PIPE, text=True, cwd=REPO, env=env,
    ) as proc:
        lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=_lines, args=(proc.stdout, lines), daemon=True).start()
        try:
            path = _wait_line(lines, r"serial port: (\S+)").group(1)
            _wait_line(lines, r"listening on 127\.0\.0\.1:\d+")
            device = Serial(path, baudrate=9600, timeout=5)
            device.open()
            device._raw(b"\x10\x04\x04")
            assert device.device.read(1) == b"\x72"  # paper end, from the --status given
            device._raw(b"\x1b@" + "串口小票\n".encode("gbk"))
            _wait_line(lines, r"=== job 0001 rejected .*\[printer paper-end: nothing printed\]")
            device.close()
        finally:
            code = _interrupt(proc)
    assert code == 0
    assert (out_dir / "0001-rejected.bin").read_bytes().endswith(b"\x1b@" + "串口小票\n".encode("gbk"))
