"""The headless app's log says what happened in words: a receipt drawn by the virtual printer is one
line, not its picture's bytes (which filled the 2 MB log files in minutes)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_the_headless_demo_logs_pictures_as_one_short_line(isolated_home: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "cashier_app", "--demo", "--headless", "--run-seconds", "5"],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    log = (isolated_home / "logs" / "cashier-app.log").read_text(encoding="utf-8")
    assert "virtual printer drew a receipt" in log
    assert "PNG\\r\\n" not in log and "PrintedPicture(" not in log
    assert max(len(line) for line in log.splitlines()) < 2000
