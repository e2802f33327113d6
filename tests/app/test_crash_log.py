"""Crashes leave a trace: uncaught exceptions (any thread), Qt's critical messages and native faults
go to the crash log in the log folder; the command line prints one line instead of a traceback."""

from __future__ import annotations

import logging
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from cashier_app.app import cli
from cashier_app.app.commands import parse_cmd
from cashier_app.app.crash_log import CRASH_FILE, FAULTS_FILE, CrashLog
from cashier_app.domain.redaction import SecretRedactor


@pytest.fixture
def crash(tmp_path: Path):
    told: list[str] = []
    crash = CrashLog(tmp_path / "logs").install(on_crash=told.append)
    crash.told = told  # type: ignore[attr-defined]
    yield crash
    crash.uninstall()


def test_an_exception_in_a_thread_is_written_with_its_traceback_and_told(crash: CrashLog) -> None:
    def worker() -> None:
        raise ValueError("printer answered nonsense")

    thread = threading.Thread(target=worker, name="print-receipt")
    thread.start()
    thread.join()
    text = crash.path.read_text(encoding="utf-8")
    assert "uncaught exception in print-receipt: ValueError: printer answered nonsense" in text
    assert "Traceback (most recent call last)" in text and "in worker" in text
    assert crash.told == ["ValueError: printer answered nonsense"]  # type: ignore[attr-defined]


def test_an_exception_of_the_main_thread_goes_through_the_installed_hook(crash: CrashLog) -> None:
    assert sys.excepthook == crash._excepthook
    try:
        raise RuntimeError("journal locked")
    except RuntimeError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    assert "RuntimeError: journal locked" in crash.path.read_text(encoding="utf-8")


def test_qt_critical_messages_reach_the_crash_log(crash: CrashLog) -> None:
    logging.getLogger("qt").critical("QPainter::begin: Paint device returned engine == 0")
    logging.getLogger("qt").warning("a mere warning stays in the ordinary log")
    text = crash.path.read_text(encoding="utf-8")
    assert "Paint device returned engine" in text
    assert "mere warning" not in text


def test_secrets_never_reach_the_crash_log(crash: CrashLog) -> None:
    SecretRedactor.register("sk-live-0123456789abcdef")
    try:
        raise PermissionError("platform refused key sk-live-0123456789abcdef")
    except PermissionError as exc:
        crash.record(type(exc), exc, exc.__traceback__)
    text = crash.path.read_text(encoding="utf-8")
    assert "sk-live-0123456789abcdef" not in text
    assert "platform refused key ***" in text


def test_uninstall_gives_the_hooks_back(tmp_path: Path) -> None:
    before = (sys.excepthook, threading.excepthook)
    crash = CrashLog(tmp_path).install()
    crash.uninstall()
    assert (sys.excepthook, threading.excepthook) == before


NATIVE_CRASH = textwrap.dedent("""
    import ctypes, sys
    from pathlib import Path
    from cashier_app.app.crash_log import CrashLog
    CrashLog(Path(sys.argv[1])).install()
    ctypes.string_at(0)  # a segfault, as a broken driver would cause
""")


def test_a_native_crash_is_written_and_the_next_start_knows(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    died = subprocess.run([sys.executable, "-c", NATIVE_CRASH, str(logs)], capture_output=True, timeout=60,
                          check=False)
    assert died.returncode != 0
    faults = (logs / FAULTS_FILE).read_text(encoding="utf-8")
    assert "Fatal Python error" in faults and "string_at" in faults
    next_start = CrashLog(logs).install()
    try:
        assert next_start.previous_run_crashed
    finally:
        next_start.uninstall()
    clean_start = CrashLog(logs).install()  # the crash was reported once; this run follows a clean one
    try:
        assert not clean_start.previous_run_crashed
    finally:
        clean_start.uninstall()


def test_a_failing_command_prints_one_line_and_exits_1(isolated_home: Path, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    def broken(args: object, ctx: object) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(parse_cmd, "_parse", broken)
    sample = tmp_path / "print.txt"
    sample.write_bytes(b"x")
    before = sys.excepthook
    assert cli.main(["parse", str(sample)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "OSError: [Errno 28] No space left on device" in err
    crash_log = isolated_home / "logs" / CRASH_FILE
    assert str(crash_log) in err
    assert "Traceback" in crash_log.read_text(encoding="utf-8")
    assert sys.excepthook is before
