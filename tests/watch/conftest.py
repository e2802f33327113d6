"""Real folders, real files, real threads: a collector that tests wait on, and a watcher factory
that always stops what it started."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from cashier_app.watch.settings import WatchSettings
from cashier_app.watch.watcher import FolderWatcher
from tests.helpers.watch import Collector, WatcherFactory


@pytest.fixture
def make_watcher() -> Iterator[WatcherFactory]:
    started: list[FolderWatcher] = []

    def factory(
        settings: WatchSettings, *, start: bool = True, already_seen: Callable[[str], bool] | None = None
    ) -> tuple[FolderWatcher, Collector]:
        collector = Collector()
        watcher = FolderWatcher(settings, collector.on_write, on_error=collector.on_error, already_seen=already_seen)
        started.append(watcher)
        if start:
            watcher.start()
        return watcher, collector

    yield factory
    for watcher in started:
        watcher.stop()
    leftover = [t.name for t in threading.enumerate() if t.name.startswith("watch-")]
    assert not leftover, f"threads left running: {leftover}"


@pytest.fixture
def till_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "till"
    folder.mkdir()
    return folder


