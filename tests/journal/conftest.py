"""Fixtures of the journal tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cashier_app.journal.db import Journal


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    """An empty journal (every migration applied) in the test's temp folder."""
    j = Journal(tmp_path / "journal.sqlite3")
    yield j
    j.close()
