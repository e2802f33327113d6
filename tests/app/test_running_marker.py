"""The running marker: an upgrade or `cashier-app quit` finds the running app and it closes cleanly."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable

import pytest

from cashier_app.app import running_marker
from cashier_app.app.running_marker import RunningMarker, is_running, request_quit, running_pids

CLI = [sys.executable, "-m", "cashier_app"]


def _wait_until(condition: Callable[[], bool], timeout_s: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def test_a_held_marker_is_found_and_a_released_one_is_not() -> None:
    assert not is_running()
    with RunningMarker():
        assert running_pids() == [os.getpid()]
    assert not is_running()
    assert list(running_marker.runtime_dir().glob("*.pid")) == []


def test_a_marker_left_by_a_dead_process_is_not_taken_for_a_running_app() -> None:
    folder = running_marker.runtime_dir()
    folder.mkdir(parents=True)
    (folder / "999999.pid").write_text("999999\n")  # nobody holds its lock
    assert running_pids() == []
    assert not (folder / "999999.pid").exists()


def test_quit_with_nothing_running_says_so() -> None:
    done = subprocess.run([*CLI, "quit"], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0
    assert "not running" in done.stdout


@pytest.mark.parametrize("mode", [["--headless"], []], ids=["headless", "window"])
def test_quit_closes_the_running_app_cleanly(mode: list[str]) -> None:
    app = subprocess.Popen([*CLI, "--demo", *mode], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        assert _wait_until(lambda: running_pids() == [app.pid]), "the app never marked itself as running"
        done = subprocess.run([*CLI, "quit", "--timeout", "30"], capture_output=True, text=True, timeout=60,
                              check=False)
        assert done.returncode == 0, done.stdout + done.stderr
        assert "closed" in done.stdout
        # Closed by itself, cleanly (a killed process has a negative return code).
        assert app.wait(30) == 0
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
    assert not is_running()


def test_request_quit_reports_a_process_that_does_not_close() -> None:
    stubborn = subprocess.Popen([sys.executable, "-c", (
        "import signal, time\n"
        "from cashier_app.app.running_marker import RunningMarker\n"
        "signal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
        "m = RunningMarker().hold()\n"
        "print('ready', flush=True)\n"
        "time.sleep(60)\n")], stdout=subprocess.PIPE, text=True)
    try:
        assert stubborn.stdout is not None and stubborn.stdout.readline().strip() == "ready"
        assert request_quit(timeout_s=1.0) is False
        assert is_running()
    finally:
        stubborn.kill()
        stubborn.wait()
    assert _wait_until(lambda: not is_running(), 5)
