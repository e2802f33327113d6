"""A crash harness: the headless app takes in a till's files and prints them while it is killed with
SIGKILL at random points, and started again, over and over. Afterwards every order must have come out
exactly once as an original, or (a send cut off by the kill) as a marked reprint, and none not at all.

Real parts only: the app runs as its own process (`python -m cashier_app --headless`) on a journal in
a temp folder; the till writes one file per payment into the watched folder (kept, as many tills do);
the printer is the virtual network printer in this process, which records every job it receives,
behind a slow link (a few kB/s, as a serial printer takes them) so that kills land in the middle of
sends as well as of intake.
Used by tests/app/test_crash_harness.py (small and seeded, in every run) and by
tests/benchmarks/bench_crash_harness.py (1,200 files).
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import re
import select
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from cashier_app.emulator.server import VirtualPrinter
from tests.helpers.loopback_server import LoopbackServer

REPO = Path(__file__).resolve().parents[2]
ORDER = re.compile(r"商户订单号：(\d{16})")
PREFIX = "20261122"


def receipt(n: int) -> bytes:
    """The n-th payment's print.txt (GBK, as a Chinese till writes it): its order number carries n."""
    lines = ["        聚合支付 签购单", "交易类型：微信支付 付款码", f"商户订单号：{PREFIX}{n:08d}",
             "交易时间：2026-11-22 10:31:05", f"金额：RMB {n % 97 + 1}.50", "        谢谢惠顾"]
    return "\r\n".join(lines).encode("gbk") + b"\r\n"


# The status queries before a job (DLE EOT 1..4): what comes after them is the job itself.
_STATUS_BYTES = 12


class SlowLink:
    """A TCP relay on loopback in front of a printer: bytes to the printer go at `bytes_per_s`, the
    printer's answers come back at once. Each connection is relayed until either side closes."""

    def __init__(self, target_port: int, bytes_per_s: float) -> None:
        self._target = target_port
        self._gap = 256 / bytes_per_s
        # Set while a job's bytes (more than a status query's) are on their way to the printer.
        self.sending = threading.Event()
        self._server = LoopbackServer(self._relay)
        self._stop = self._server.stopping
        self.port = self._server.port

    def _relay(self, client: socket.socket) -> None:
        with client, socket.create_connection(("127.0.0.1", self._target)) as printer:
            try:
                self._pump(client, printer)
            finally:
                self.sending.clear()

    def _pump(self, client: socket.socket, printer: socket.socket) -> None:
        pending = bytearray()
        from_app, half_closed = True, False
        relayed = 0
        while not self._stop.is_set():
            ready, _, _ = select.select([printer, client] if from_app else [printer], [], [], 0.05)
            if printer in ready:
                answer = printer.recv(4096)
                if not answer:
                    return  # the printer ended the job
                with contextlib.suppress(OSError):
                    client.sendall(answer)
            if from_app and client in ready:
                try:
                    data = client.recv(4096)
                except OSError:
                    data = b""
                from_app = bool(data)  # the app closed, or was killed: what came still goes on
                pending += data
            if pending:
                printer.sendall(pending[:256])
                relayed += min(256, len(pending))
                del pending[:256]
                if relayed > _STATUS_BYTES:
                    self.sending.set()
                time.sleep(self._gap)
            elif not from_app and not half_closed:
                printer.shutdown(socket.SHUT_WR)
                half_closed = True

    def stop(self) -> None:
        self._server.stop()


@dataclass
class Outcome:
    files: int
    kills: int
    starts: int
    receipts_in_journal: int
    # Per order number: what the printer put on paper.
    originals: Counter[str] = field(default_factory=Counter)  # unmarked prints
    reprints: Counter[str] = field(default_factory=Counter)  # prints marked REPRINT
    partial_jobs: int = 0  # cut off by a kill before the order number came out
    journal_problems: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def orders(self) -> list[str]:
        return [f"{PREFIX}{n:08d}" for n in range(1, self.files + 1)]

    @property
    def without_paper(self) -> list[str]:
        """Orders with no print at all, marked or not: the promise broken outright."""
        return [o for o in self.orders if self.originals[o] == 0 and self.reprints[o] == 0]

    @property
    def without_original(self) -> list[str]:
        """Orders with no unmarked print and no marked reprint either (a reprint stands for an original
        whose send a kill cut off)."""
        return self.without_paper

    @property
    def unmarked_duplicates(self) -> list[str]:
        """Orders printed twice (or more) without the REPRINT mark: a customer holding two originals."""
        return [o for o in self.orders if self.originals[o] > 1]

    def summary(self) -> str:
        return (f"files {self.files}, kills {self.kills}, starts {self.starts}, receipts in the journal "
                f"{self.receipts_in_journal}, receipts without an original {len(self.without_original)}, "
                f"unmarked duplicates {len(self.unmarked_duplicates)}, marked reprints {sum(self.reprints.values())}"
                f", jobs cut before their number {self.partial_jobs}, {self.seconds:.1f} s")


class CrashHarness:
    def __init__(self, root: Path, *, files: int, kills: int, seed: int, files_per_s: float = 60.0,
                 kill_after_s: tuple[float, float] = (0.3, 1.5), link_bytes_per_s: float = 20_000,
                 log: Callable[[str], None] | None = None) -> None:
        self.root = root
        self.files = files
        self.kills = kills
        self.rng = random.Random(seed)
        self.files_per_s = files_per_s
        self.kill_after_s = kill_after_s
        self.link_bytes_per_s = link_bytes_per_s
        self.log = log or (lambda _line: None)
        self.till = root / "till"
        self.home = root / "home"
        self.data = self.home / "data"
        self.config = root / "config.toml"
        self._written = 0
        self._lock = threading.Lock()

    # -- the parts -------------------------------------------------------------------------------

    def _write_config(self, printer_port: int) -> None:
        self.till.mkdir(parents=True, exist_ok=True)
        lines = [
            "[general]", 'mode = "print"', f"data_dir = {json.dumps(str(self.data))}",
            "[watch]", f"folders = [{json.dumps(str(self.till))}]", "rescan_interval_s = 2.0",
            "[reconcile]", "enabled = false",
            "[printing]", "retry_initial_s = 0.05", "retry_max_s = 0.5", "probe_max_s = 0.2",
            "[printing.printers.receipt]", 'kind = "network"', 'host = "127.0.0.1"', f"port = {printer_port}",
            "timeout_s = 2.0", "status_timeout_s = 0.5",
        ]
        self.config.write_text("\n".join(lines) + "\n", encoding="utf-8")

    def _start_app(self) -> subprocess.Popen[bytes]:
        env = {**os.environ, "CASHIER_APP_HOME": str(self.home), "PYTHONUNBUFFERED": "1"}
        return subprocess.Popen([sys.executable, "-m", "cashier_app", "--headless", "--config", str(self.config)],
                                cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def _till(self, stop: threading.Event) -> None:
        """One file per payment, at a steady pace, kept in the folder (as many tills do)."""
        gap = 1.0 / self.files_per_s
        for n in range(1, self.files + 1):
            if stop.is_set():
                return
            path = self.till / f"print_{n:06d}.txt"
            path.write_bytes(receipt(n))
            with self._lock:
                self._written = n
            time.sleep(gap)

    # -- the run ---------------------------------------------------------------------------------

    def run(self, timeout_s: float = 240.0) -> Outcome:
        started = time.monotonic()
        printer = VirtualPrinter(idle_timeout_s=0.5)
        printer.start()
        link = SlowLink(printer.port, self.link_bytes_per_s)
        stop_till = threading.Event()
        till = threading.Thread(target=self._till, args=(stop_till,), daemon=True)
        starts = kills = 0
        app: subprocess.Popen[bytes] | None = None
        try:
            self._write_config(link.port)
            till.start()
            # Kill at random points while files arrive and jobs print; start again at once. Every
            # other kill waits for a job on its way to the printer and cuts it at a random byte.
            while kills < self.kills:
                app = self._start_app()
                starts += 1
                if kills % 2 == 0 and link.sending.wait(10):
                    time.sleep(self.rng.uniform(0.0, 0.03))
                else:
                    time.sleep(self.rng.uniform(*self.kill_after_s))
                app.send_signal(signal.SIGKILL)
                app.wait(30)
                kills += 1
                self.log(f"kill {kills} after {self._written} files written")
            till.join(timeout_s)
            # The last run is left to finish: every file recorded, every job printed, then it stops cleanly.
            app = self._start_app()
            starts += 1
            self._wait_settled(timeout_s - (time.monotonic() - started))
            app.send_signal(signal.SIGTERM)
            app.wait(60)
            app = None
            printer.wait_for_jobs(0)
            time.sleep(0.6)  # the virtual printer ends a job at its idle time-out
            outcome = self._count(printer, kills, starts)
        finally:
            stop_till.set()
            if app is not None and app.poll() is None:
                app.kill()
                app.wait(30)
            link.stop()
            printer.stop()
        outcome.seconds = time.monotonic() - started
        return outcome

    def _journal(self) -> sqlite3.Connection:
        return sqlite3.connect(f"file:{self.data / 'journal.sqlite3'}?mode=ro", uri=True, timeout=10)

    def _wait_settled(self, timeout_s: float) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            try:
                conn = self._journal()
                try:
                    receipts = conn.execute("SELECT COUNT(*) FROM receipts").fetchone()[0]
                    pending = conn.execute("SELECT COUNT(*) FROM print_jobs WHERE state IN"
                                           " ('queued', 'sending', 'held')").fetchone()[0]
                finally:
                    conn.close()
                if receipts >= self.files and pending == 0:
                    return
            except sqlite3.Error:
                pass  # the journal may not exist yet, or be migrating
            time.sleep(0.2)
        raise TimeoutError(f"the app did not settle within {timeout_s:.0f} s")

    def _count(self, printer: VirtualPrinter, kills: int, starts: int) -> Outcome:
        outcome = Outcome(self.files, kills, starts, 0)
        for job in printer.all_jobs:
            text = job.text()
            found = ORDER.search(text)
            if found is None:
                outcome.partial_jobs += 1
                continue
            (outcome.reprints if "REPRINT" in text else outcome.originals)[found.group(1)] += 1
        conn = self._journal()
        try:
            outcome.receipts_in_journal = conn.execute("SELECT COUNT(*) FROM receipts").fetchone()[0]
            doubled = conn.execute("SELECT out_trade_no, COUNT(*) FROM receipts GROUP BY out_trade_no"
                                   " HAVING COUNT(*) > 1").fetchall()
            outcome.journal_problems += [f"order {no}: {n} receipts" for no, n in doubled]
            no_original = conn.execute(
                "SELECT r.id FROM receipts r WHERE NOT EXISTS (SELECT 1 FROM print_jobs j WHERE j.receipt_id = r.id"
                " AND j.original = 1 AND j.state = 'done')").fetchall()
            outcome.journal_problems += [f"receipt {rid}: no original job done" for (rid,) in no_original]
        finally:
            conn.close()
        return outcome
