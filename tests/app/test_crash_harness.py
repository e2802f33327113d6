"""kill -9 at random points while a till's files are taken in and jobs print (seeded, small: the
1,200-file run is tests/benchmarks/bench_crash_harness.py). Every order comes out once as an
original, or as a marked reprint after a send the kill cut off; none is lost, none doubled unmarked."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.helpers.crash_harness import CrashHarness


@pytest.mark.slow
@pytest.mark.timeout(300)
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_kill_9_while_taking_in_and_printing_loses_nothing_and_doubles_nothing(tmp_path: Path) -> None:
    outcome = CrashHarness(tmp_path, files=120, kills=6, seed=8, files_per_s=60, link_bytes_per_s=50_000).run()
    assert outcome.kills == 6 and outcome.receipts_in_journal == 120, outcome.summary()
    assert outcome.journal_problems == [], outcome.summary()
    assert outcome.without_original == [], outcome.summary()
    assert outcome.unmarked_duplicates == [], outcome.summary()
