"""The headless app's log says what happened in words, one line per event: a receipt taken in, its
job queued and printed; no dataclass reprs, no picture bytes (they filled the 2 MB log files in
minutes), no library chatter for every connection."""

from __future__ import annotations

import logging
import re
import subprocess
import sys
from pathlib import Path

from cashier_app.app.events import JobEvent, Notice, PrintedPicture, ReceiptEvent, describe


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
