"""Fixtures for the virtual printer: a started printer, stopped at teardown."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cashier_app.emulator import VirtualPrinter


@pytest.fixture
def printer() -> Iterator[VirtualPrinter]:
    with VirtualPrinter(idle_timeout_s=0.3) as vp:
        yield vp


@pytest.fixture
def printer_with_files(tmp_path: Path) -> Iterator[VirtualPrinter]:
    with VirtualPrinter(out_dir=tmp_path / "jobs") as vp:
        yield vp
