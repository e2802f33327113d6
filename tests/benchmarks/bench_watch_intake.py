"""Benchmark: from the till's close() of print.txt to the FinishedWrite callback, and to the
receipt recorded in the journal; and a burst of 200 files within one second.

Run: .venv/bin/python tests/benchmarks/bench_watch_intake.py
Prints its figures; asserts nothing (speed is measured here, never in unit tests).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from cashier_app.domain.receipt_labels import ParserSettings  # noqa: E402
from cashier_app.journal.db import Journal  # noqa: E402
from cashier_app.watch.events import FinishedWrite  # noqa: E402
from cashier_app.watch.intake import Intake, IntakeResult  # noqa: E402
from cashier_app.watch.settings import WatchSettings  # noqa: E402
from cashier_app.watch.watcher import FolderWatcher  # noqa: E402

COUNT = 200
WAIT = 30.0


def receipt(n: int) -> bytes:
    return (
        "          微信支付\r\n"
        f"商户编号：M100001\r\n终端编号：T0001\r\n商户订单号：2026112{n:05d}\r\n"
        f"第三方订单号：42000012342026112{n:011d}\r\n实付金额：RMB {n % 90 + 10}.50\r\n"
        "交易时间：2026-11-22 10:31:05\r\n操作员：01\r\n"
    ).encode("gbk")


@dataclass
class Arrivals:
    """When each file's FinishedWrite (and, with a journal, its IntakeResult) arrived."""

    writes: dict[str, list[float]] = field(default_factory=dict)
    recorded: dict[str, float] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)
    cond: threading.Condition = field(default_factory=threading.Condition)

    def on_write(self, write: FinishedWrite) -> None:
        now = time.perf_counter()
        with self.cond:
            self.writes.setdefault(Path(write.path).name, []).append(now)
            self.order.append(Path(write.path).name)
            self.cond.notify_all()

    def on_result(self, result: IntakeResult) -> None:
        now = time.perf_counter()
        with self.cond:
            self.recorded[Path(result.write.path).name] = now
            self.cond.notify_all()

    def wait(self, predicate: Callable[[], bool]) -> bool:
        with self.cond:
            return self.cond.wait_for(predicate, WAIT)


def figures(label: str, latencies_s: list[float]) -> None:
    if not latencies_s:
        print(f"  {label}: no samples")
        return
    ms = sorted(x * 1000 for x in latencies_s)
    p99 = ms[min(len(ms) - 1, round(0.99 * (len(ms) - 1)))]
    print(
        f"  {label}: n={len(ms)} median={statistics.median(ms):.2f} ms p99={p99:.2f} ms "
        f"min={ms[0]:.2f} ms max={ms[-1]:.2f} ms"
    )


def build(folder: Path, polling: bool, journal: Journal | None) -> tuple[FolderWatcher, Arrivals]:
    arrivals = Arrivals()
    settings = WatchSettings(folders=[str(folder)], settle_ms=60, poll_interval_s=0.25, force_polling=polling)
    on_write: Callable[[FinishedWrite], None] = arrivals.on_write
    already_seen = None
    if journal is not None:
        intake = Intake(journal, ParserSettings(), folder.parent / "kept-aside")
        intake.add_listener(arrivals.on_result)
        already_seen = intake.already_archived

        def on_write(write: FinishedWrite) -> None:
            arrivals.on_write(write)
            intake.handle(write)

    return FolderWatcher(settings, on_write, already_seen=already_seen), arrivals


def write_and_close(path: Path, data: bytes) -> float:
    """Write like a till; returns the moment close() was called."""
    handle = open(path, "wb")  # noqa: SIM115 - the close is what is timed
    handle.write(data)
    closed = time.perf_counter()
    handle.close()
    return closed


def one_at_a_time(root: Path, polling: bool, with_journal: bool, count: int = COUNT) -> None:
    """The till's pace: one receipt, wait until it is taken, the next one."""
    folder = root / f"paced-{'poll' if polling else 'events'}-{with_journal}"
    folder.mkdir()
    journal = Journal(root / f"paced-{polling}-{with_journal}.sqlite3") if with_journal else None
    watcher, arrivals = build(folder, polling, journal)
    watcher.start()
    to_callback: list[float] = []
    to_journal: list[float] = []
    try:
        for n in range(count):
            name = f"print_{n}.txt"
            closed = write_and_close(folder / name, receipt(n))
            done = (
                (lambda nm=name: nm in arrivals.recorded) if with_journal else (lambda nm=name: nm in arrivals.writes)
            )
            if not arrivals.wait(done):
                print(f"  {name} never arrived")
                continue
            to_callback.append(arrivals.writes[name][0] - closed)
            if with_journal:
                to_journal.append(arrivals.recorded[name] - closed)
    finally:
        watcher.stop()
        if journal is not None:
            journal.close()
    mode = "polling (poll 250 ms, settle 60 ms)" if polling else "events (inotify close-after-write)"
    print(f"one file at a time, {mode}{', through the intake into the journal' if with_journal else ''}:")
    figures("close() -> FinishedWrite callback", to_callback)
    if with_journal:
        figures("close() -> receipt committed in the journal", to_journal)


def burst(root: Path, polling: bool) -> None:
    """200 files written as fast as the till can, within one second."""
    folder = root / f"burst-{'poll' if polling else 'events'}"
    folder.mkdir()
    journal = Journal(root / f"burst-{polling}.sqlite3")
    watcher, arrivals = build(folder, polling, journal)
    watcher.start()
    closed: dict[str, float] = {}
    try:
        started = time.perf_counter()
        for n in range(COUNT):
            name = f"print_{n}.txt"
            closed[name] = write_and_close(folder / name, receipt(n))
            # Spread over (at most) one second, as a very busy till would.
            target = started + (n + 1) * (0.9 / COUNT)
            while time.perf_counter() < target:
                time.sleep(0.0005)
        written_in = time.perf_counter() - started
        arrivals.wait(lambda: len(arrivals.recorded) >= COUNT)
        watcher.rescan()
        watcher.wait_idle(WAIT)
    finally:
        watcher.stop()
    with journal.read() as conn:
        receipts = conn.execute("SELECT COUNT(*) FROM receipts").fetchone()[0]
    journal.close()
    expected = [f"print_{n}.txt" for n in range(COUNT)]
    lost = [n for n in expected if n not in arrivals.writes]
    doubled = [n for n, times in arrivals.writes.items() if len(times) > 1]
    print(f"burst of {COUNT} files written in {written_in:.2f} s, {'polling' if polling else 'events'}:")
    print(
        f"  handed out {len(arrivals.order)}, lost {len(lost)}, doubled {len(doubled)}, "
        f"in order {arrivals.order == expected}, receipts in the journal {receipts}"
    )
    figures("close() -> FinishedWrite callback", [arrivals.writes[n][0] - closed[n] for n in expected if n not in lost])
    figures(
        "close() -> receipt committed in the journal",
        [arrivals.recorded[n] - closed[n] for n in expected if n in arrivals.recorded],
    )


def deleted_at_once(root: Path) -> None:
    """A till that deletes print.txt the instant it closes it: how many are still caught.

    Only a read between close() and unlink() can catch such a file; this shows how often the
    watcher wins that race. Real tills print before deleting, which takes far longer.
    """
    folder = root / "delete-at-once"
    folder.mkdir()
    watcher, arrivals = build(folder, False, None)
    watcher.start()
    try:
        for n in range(COUNT):
            path = folder / f"print_{n}.txt"
            write_and_close(path, receipt(n))
            path.unlink()
        # A last file that stays: once it is handed out, every earlier event has been handled.
        write_and_close(folder / "print_end.txt", receipt(COUNT))
        arrivals.wait(lambda: "print_end.txt" in arrivals.writes)
        watcher.wait_idle(WAIT)
    finally:
        watcher.stop()
    caught = len(arrivals.writes) - 1
    print(f"deleted the instant it was closed (no pause at all), events: caught {caught} of {COUNT}")


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-watch-") as tmp:
        root = Path(tmp)
        one_at_a_time(root, polling=False, with_journal=False)
        one_at_a_time(root, polling=False, with_journal=True)
        burst(root, polling=False)
        burst(root, polling=True)
        deleted_at_once(root)
        one_at_a_time(root, polling=True, with_journal=True, count=40)


if __name__ == "__main__":
    main()
