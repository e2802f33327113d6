"""A clone of this repo alone runs the tests and reads the docs: nothing points outside it."""

from __future__ import annotations

import re
from pathlib import Path

from tests.helpers.paths import REPO, SAMPLES, SPECS

# Folders that are built or installed, never written by hand.
SKIPPED = {".git", ".venv", "build", "dist", "__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache",
           ".hypothesis"}
TEXT_SUFFIXES = {".py", ".md", ".sh", ".toml", ".spec", ".iss", ".desktop", ".service", ".txt", ".json", ".cfg"}
# "../shared", or a path built as parents[N] / "shared": the team folder that used to sit beside the repo.
OUTSIDE = re.compile(r"\.\./shared\b|/\s*\"shared\"")


def _written_files() -> list[Path]:
    found = []
    for path in REPO.rglob("*"):
        rel = path.relative_to(REPO)
        if any(part in SKIPPED or part.endswith(".egg-info") for part in rel.parts):
            continue
        if path.is_file() and (path.suffix in TEXT_SUFFIXES or path.name == "dev.sh"):
            found.append(path)
    return found


def test_no_file_reaches_outside_the_repo() -> None:
    this = Path(__file__).resolve()
    offenders = [
        str(path.relative_to(REPO))
        for path in _written_files()
        if path.resolve() != this and OUTSIDE.search(path.read_text(encoding="utf-8", errors="replace"))
    ]
    assert offenders == []


def test_the_contracts_and_samples_are_in_the_repo() -> None:
    assert {p.name for p in SPECS.iterdir()} >= {
        "merchant-platform-api.md", "print-txt.md", "escpos.md", "real-platforms.md", "signature-vectors.json"}
    assert (SAMPLES / "expected.json").is_file()
    assert len(list(SAMPLES.glob("*.txt"))) >= 8


def test_readme_links_point_at_files_in_the_repo() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    targets = re.findall(r"\]\(([^)#\s]+)\)", readme)
    local = [t for t in targets if "://" not in t]
    assert local, "the README links the platform spec"
    missing = [t for t in local if not (REPO / t).exists()]
    assert missing == []
