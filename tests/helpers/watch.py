"""Watching a till folder in tests: writes, settle waits, a collector of finished writes."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from cashier_app.watch.events import FinishedWrite, WatchProblem
from cashier_app.watch.settings import WatchSettings
from cashier_app.watch.watcher import FolderWatcher

WAIT = 10.0  # generous upper bound for conditions; tests return as soon as they hold


class Collector:
    """Records what the watcher hands out; tests wait on conditions over it."""

    def __init__(self) -> None:
        self.writes: list[FinishedWrite] = []
        self.problems: list[WatchProblem] = []
        self.threads: set[str] = set()
        self._cond = threading.Condition()
        self.block: threading.Event | None = None  # when set, on_write waits for it (slow consumer)

    def on_write(self, write: FinishedWrite) -> None:
        if self.block is not None:
            self.block.wait(WAIT)
        with self._cond:
            self.writes.append(write)
            self.threads.add(threading.current_thread().name)
            self._cond.notify_all()

    def on_error(self, problem: WatchProblem) -> None:
        with self._cond:
            self.problems.append(problem)
            self._cond.notify_all()

    def wait_for(self, predicate: Callable[[Collector], bool], timeout: float = WAIT) -> bool:
        with self._cond:
            return self._cond.wait_for(lambda: predicate(self), timeout)

    def wait_writes(self, count: int, timeout: float = WAIT) -> list[FinishedWrite]:
        assert self.wait_for(lambda c: len(c.writes) >= count, timeout), (
            f"expected {count} writes, got {len(self.writes)}: {[w.path for w in self.writes]}"
        )
        return list(self.writes)

    def wait_problem(self, code: str, timeout: float = WAIT) -> WatchProblem:
        assert self.wait_for(lambda c: any(p.code == code for p in c.problems), timeout), (
            f"no {code} among {[p.code for p in self.problems]}"
        )
        return next(p for p in self.problems if p.code == code)

    @property
    def contents(self) -> list[bytes]:
        with self._cond:
            return [w.content for w in self.writes]


def settle(watcher: FolderWatcher) -> None:
    """Make sure nothing more is coming: look at every folder again and wait until all is handled."""
    watcher.rescan()
    assert watcher.wait_idle(WAIT), "the watcher did not become idle"


def write_file(path: Path, data: bytes) -> None:
    """What most tills do: open (create or truncate), write, close."""
    with open(path, "wb") as handle:
        handle.write(data)


def fast_settings(folder: Path | str, **overrides: object) -> WatchSettings:
    settings = WatchSettings(folders=[str(folder)], settle_ms=40, poll_interval_s=0.05, rescan_interval_s=0.5)
    for key, value in overrides.items():
        setattr(settings, key, value)
    return settings


WatcherFactory = Callable[..., tuple[FolderWatcher, Collector]]


def receipt_bytes(n: int) -> bytes:
    """A small, distinct receipt in GBK as a Chinese till writes it."""
    return (
        f"微信支付\r\n商户订单号：20261122{n:04d}\r\n实付金额：RMB {n}.00\r\n交易时间：2026-11-22 10:31:05\r\n"
    ).encode("gbk")
