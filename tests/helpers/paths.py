"""Where the repository, its contracts and the till's sample receipts are."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
# The contracts and the till's sample receipts live in the repo (docs/), so a clone alone runs the tests.
SPECS = REPO / "docs" / "specs"
SAMPLES = REPO / "docs" / "samples" / "print-txt"
