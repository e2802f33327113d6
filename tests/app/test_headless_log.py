"""The headless app's log says what happened in words, one line per event: a receipt taken in, its
job queued and printed; no dataclass reprs, no picture bytes (they filled the 2 MB log files in
minutes), no library chatter for every connection."""

from __future__ import annotations

import json
import logging
import os
import re
import subprocess
import sys
from pathlib import Path

from cashier_app.app.events import JobEvent, Notice, PrintedPicture, ReceiptEvent, describe
from cashier_app.app.single_instance import InstanceLock, instance_mode


def test_the_headless_demo_logs_one_line_per_event(isolated_home: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "cashier_app", "--demo", "--headless", "--run-seconds", "5"],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    log = (isolated_home / "logs" / "cashier-app.log").read_text(encoding="utf-8")
    assert re.search(r"print job \d+ \(receipt \d+\) printed on printer receipt", log)
    assert "PNG\\r\\n" not in log and "PrintedPicture(" not in log and "Event(" not in log
    assert "Network printer enabled" not in log and "Closing Network connection" not in log
    assert max(len(line) for line in log.splitlines()) < 400
    # A receipt is a handful of lines (recorded, queued, printed, the virtual printer's own), not dozens.
    receipts = len(re.findall(r"receipt \d+ recorded", log))
    assert receipts >= 1 and len(log.splitlines()) < 12 + 6 * receipts


def test_events_are_described_in_words() -> None:
    assert describe(ReceiptEvent(3)) == (logging.INFO, "receipt 3 recorded")
    assert describe(ReceiptEvent(3, updated=True))[0] == logging.DEBUG
    level, line = describe(JobEvent("job_held", "receipt", 7, 3, "paper_end", "127.0.0.1:9100:\n paper end"))
    assert level == logging.WARNING and line == ("print job 7 (receipt 3) held on printer receipt: paper_end "
                                                 "(127.0.0.1:9100: paper end)")
    assert describe(PrintedPicture(b"\x89PNG" * 1000)) == (logging.DEBUG, "virtual printer drew a receipt (4000 "
                                                                          "bytes of PNG)")
    assert describe(Notice("intake_deferred", {"waiting": 2, "raw": b"x"})) == (
        logging.INFO, "notice intake_deferred: waiting=2")


def _headless(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "cashier_app", "--headless", *args], capture_output=True, text=True,
                          timeout=60, check=False)


def _log(home: Path) -> str:
    return (home / "logs" / "cashier-app.log").read_text(encoding="utf-8")


def test_refused_files_are_logged_once(isolated_home: Path, tmp_path: Path) -> None:
    """A file the intake refuses (not a receipt) and a name that is no file (a FIFO): one line each."""
    unreadable, odd = tmp_path / "till-a", tmp_path / "till-b"
    unreadable.mkdir()
    odd.mkdir()
    (unreadable / "print.txt").write_bytes(b"no receipt here\n\xff\xfe\n")
    os.mkfifo(odd / "print.txt")
    config = tmp_path / "config.toml"
    config.write_text("\n".join([
        "[general]", 'mode = "observe"', f"data_dir = {json.dumps(str(tmp_path / 'data'))}",
        "[watch]", f"folders = [{json.dumps(str(unreadable))}, {json.dumps(str(odd))}]",
        "[reconcile]", "enabled = false"]) + "\n", encoding="utf-8")
    done = _headless("--config", str(config), "--run-seconds", "3")
    assert done.returncode == 0, done.stderr[-2000:]
    log = _log(isolated_home)
    for path in (unreadable / "print.txt", odd / "print.txt"):
        said = [line for line in log.splitlines() if str(path) in line]
        assert len(said) == 1, said
        assert said == [line for line in done.stderr.splitlines() if str(path) in line]
    assert "refused: fifo" not in log  # the watcher's words for it, not the event's repeated


def test_each_opened_case_is_logged_once(isolated_home: Path) -> None:
    done = _headless("--demo", "--scenario", "paid-no-receipt", "--run-seconds", "3")
    assert done.returncode == 0, done.stderr[-2000:]
    opened = re.findall(r"case (\d+) opened: paid_no_receipt, order \d+ \(paid on the platform", _log(isolated_home))
    assert opened and len(opened) == len(set(opened)), opened


def test_a_second_headless_start_says_so_once(isolated_home: Path) -> None:
    first = _headless("--demo", "--run-seconds", "1")  # makes the demo's folder
    assert first.returncode == 0, first.stderr[-2000:]
    data = re.search(r"running headless \(demo\); data in (.+)$", _log(isolated_home), re.M)
    assert data is not None
    holder = InstanceLock(Path(data.group(1)), instance_mode("headless", demo=True))
    assert holder.acquire()
    try:
        second = _headless("--demo", "--run-seconds", "1")
    finally:
        holder.release()
    assert second.returncode == 1
    assert second.stderr.count("already running") == 1, second.stderr
    assert _log(isolated_home).count("already running") == 1


def test_a_training_run_is_not_called_live(isolated_home: Path) -> None:
    done = _headless("--training", "--run-seconds", "1")
    assert done.returncode == 0, done.stderr[-2000:]
    assert "running headless (training)" in _log(isolated_home) and "(live)" not in _log(isolated_home)
