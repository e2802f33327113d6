"""Benchmark (issue 8): kill -9 at random points while 1,200 files are taken in and jobs print.

The headless app runs as its own process on a journal in a temp folder; a till writes one file per
payment (kept in the folder); the virtual printer sits behind a slow link (50 kB/s), so that a kill
lands in a send as often as in intake (every other kill waits for a job on its way and cuts it at a
random byte). After the last kill the app is started once more and left to finish.

Figures: kills, files, receipts without an original (target 0), unmarked duplicates (target 0), and
the marked reprints that stand for sends the kills cut off. Seeded: the same kill schedule each run.
Run: .venv/bin/python tests/benchmarks/bench_crash_harness.py [--files N] [--kills K] [--seed S]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests.helpers.crash_harness import CrashHarness  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1200)
    parser.add_argument("--kills", type=int, default=24)
    parser.add_argument("--seed", type=int, default=2026)
    args, _ = parser.parse_known_args()
    with tempfile.TemporaryDirectory() as tmp:
        harness = CrashHarness(Path(tmp), files=args.files, kills=args.kills, seed=args.seed, files_per_s=60,
                               kill_after_s=(0.3, 2.0), link_bytes_per_s=50_000)
        outcome = harness.run(timeout_s=900)
    print(f"crash harness: {outcome.summary()}")
    print(f"  receipts without an original: {len(outcome.without_original)} (target 0)")
    print(f"  unmarked duplicates: {len(outcome.unmarked_duplicates)} (target 0)")
    print(f"  journal problems: {len(outcome.journal_problems)} (target 0)")
    ok = not (outcome.without_original or outcome.unmarked_duplicates or outcome.journal_problems)
    ok = ok and outcome.receipts_in_journal == args.files
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
