"""One running app per data folder: a second start (headless here, or a window) exits with a clear
message, the lock goes with its process even after kill -9, and read commands work beside it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cashier_app.app.single_instance import AlreadyRunning, InstanceLock, activation_name, already_running_message
from tests.helpers.paths import REPO
from tests.helpers.processes import child, stop

APP = [sys.executable, "-m", "cashier_app"]


def test_one_lock_per_data_folder(tmp_path: Path) -> None:
    first, second = InstanceLock(tmp_path / "data", "window"), InstanceLock(tmp_path / "data", "headless")
    other = InstanceLock(tmp_path / "data" / "demo", "window-demo")  # the demo's own folder
    assert first.acquire() and not second.acquire() and other.acquire()
    holder = second.holder()
    assert holder is not None and holder.pid == os.getpid() and holder.mode == "window"
    message = already_running_message(AlreadyRunning(second))
    assert "已经在运行" in message and "already running" in message and "window" in message
    first.release()
    assert second.acquire()
    second.release()
    other.release()
    assert activation_name(tmp_path / "data") != activation_name(tmp_path / "data" / "demo")


HOLD = """
import sys, time
from pathlib import Path
from cashier_app.app.single_instance import InstanceLock
lock = InstanceLock(Path(sys.argv[1]), "headless")
assert lock.acquire()
print("held", flush=True)
time.sleep(60)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="kill -9 is POSIX")
def test_the_lock_goes_with_a_process_killed_hard(tmp_path: Path) -> None:
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(tmp_path)], cwd=REPO, stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        assert not InstanceLock(tmp_path, "window").acquire()
        holder.send_signal(signal.SIGKILL)
        holder.wait(10)
        after = InstanceLock(tmp_path, "window")
        assert after.acquire()  # no stale lock to clear by hand
        after.release()
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait(10)


def wait_for_line(stream: object, needle: str, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = stream.readline()  # type: ignore[attr-defined]
        if not line:
            return False
        if needle in line:
            return True
    return False


@pytest.mark.slow
def test_two_headless_instances_on_one_folder(isolated_home: Path) -> None:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    with child([*APP, "--demo", "--headless", "--run-seconds", "60"], cwd=REPO, env=env,
               stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True) as first:
        assert first.stderr is not None and wait_for_line(first.stderr, "running headless", 30)
        second = subprocess.run([*APP, "--demo", "--headless", "--run-seconds", "5"], cwd=REPO, env=env,
                                capture_output=True, text=True, timeout=30, check=False)
        assert second.returncode == 1
        assert "already running" in second.stderr and f"process {first.pid}" in second.stderr
        # Beside it, a read command works.
        jobs = subprocess.run([*APP, "printer", "jobs", "--all"], cwd=REPO, env=env, capture_output=True,
                              text=True, timeout=30, check=False)
        assert jobs.returncode == 0, jobs.stderr
        # A real (not demo) instance has a folder of its own: the demo's lock is not in its way.
        holder = InstanceLock(isolated_home / "data", "window")
        assert holder.acquire()
        holder.release()
        finished = stop(first, timeout=30)
    assert not finished.killed and finished.returncode == 0
