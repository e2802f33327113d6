"""People on a real journal (SQLite in the test's temp folder), with a clock the test moves."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cashier_app.domain.access import Role
from cashier_app.journal.audit import AuditStore
from cashier_app.journal.db import Journal
from cashier_app.people.store import PeopleStore
from tests.helpers.people import Clock


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    journal = Journal(tmp_path / "journal.sqlite3")
    yield journal
    journal.close()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def people(journal: Journal, clock: Clock) -> PeopleStore:
    store = PeopleStore(journal, clock=clock)
    store.add("01", "张店长", Role.MANAGER, "2580", by="setup")
    store.add("07", "王芳", Role.CASHIER, "1379", by="01")
    store.add("09", "李工", Role.TECHNICIAN, "4826", by="01")
    return store


@pytest.fixture
def audit(journal: Journal) -> AuditStore:
    return AuditStore(journal)
