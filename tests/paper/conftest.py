"""A journal in tmp and the paper desk over it; receipts recorded as the intake records them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cashier_app.journal.db import Journal
from cashier_app.paper import PaperDesk
from cashier_app.printing.settings import PrintingSettings


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    opened = Journal(tmp_path / "journal.sqlite3")
    yield opened
    opened.close()


@pytest.fixture
def desk(journal: Journal) -> PaperDesk:
    return PaperDesk(journal, PrintingSettings())


