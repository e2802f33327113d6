"""Print queue speed on loopback against the virtual printer.

1. Latency: job queued -> last byte at the virtual printer (its on_job callback, fired when the
   job ends), median over 200 jobs, against a raw socket sending the same bytes in the same run.
   Target: < 5x the raw send.
2. Recovery: the printer comes back (offline -> online, refusing -> accepting) -> the held job
   is at the printer. Target: < 1 s, with the default settings.

Run: .venv/bin/python tests/benchmarks/bench_print_queue.py
"""

from __future__ import annotations

import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from cashier_app.emulator.server import ReceivedJob, VirtualPrinter  # noqa: E402
from cashier_app.journal.db import Journal  # noqa: E402
from cashier_app.journal.print_jobs import PrintJobRecord  # noqa: E402
from cashier_app.printing.queue import PrintQueue, QueueEvent  # noqa: E402
from cashier_app.printing.settings import PrinterSettings, PrintingSettings  # noqa: E402

JOBS = 200
PAYLOAD = (b"\x1b@\x1c&" + "收银小票 商户订单号 4200001234567890\n".encode("gbk") * 20 + b"\x1dVB\x03")


class Arrivals:
    """Times (perf_counter) at which the virtual printer finished each job."""

    def __init__(self) -> None:
        self.times: list[float] = []
        self._cond = threading.Condition()

    def __call__(self, job: ReceivedJob) -> None:
        now = time.perf_counter()
        with self._cond:
            self.times.append(now)
            self._cond.notify_all()

    def wait(self, count: int, timeout: float = 10.0) -> float:
        with self._cond:
            if not self._cond.wait_for(lambda: len(self.times) >= count, timeout):
                raise TimeoutError(f"{len(self.times)} of {count} jobs arrived")
            return self.times[count - 1]


def printing_for(port: int) -> PrintingSettings:
    # Default backoff and probe settings: the figures are what a store gets.
    printer = PrinterSettings(kind="network", host="127.0.0.1", port=port)
    return PrintingSettings(default_printer="receipt", printers={"receipt": printer})


def render(job: PrintJobRecord, settings: PrinterSettings) -> bytes:
    return PAYLOAD


def raw_send(port: int, arrivals: Arrivals) -> list[float]:
    samples = []
    for i in range(JOBS):
        start = time.perf_counter()
        with socket.create_connection(("127.0.0.1", port)) as sock:
            sock.sendall(PAYLOAD)
        samples.append(arrivals.wait(i + 1) - start)
    return samples


def queued_send(port: int, arrivals: Arrivals, folder: Path) -> list[float]:
    journal = Journal(folder / "bench-latency.sqlite3")
    queue = PrintQueue(journal, printing_for(port), render)
    queue.start()
    samples = []
    try:
        for i in range(JOBS):
            start = time.perf_counter()
            queue.enqueue(None, payload=PAYLOAD)
            samples.append(arrivals.wait(i + 1) - start)
    finally:
        queue.stop()
        journal.close()
    return samples


def recovery(folder: Path, mode: str, rounds: int = 8) -> list[float]:
    """Time from the printer being fixed to the held job arriving."""
    arrivals = Arrivals()
    held = threading.Event()

    def on_event(event: QueueEvent) -> None:
        if event.kind == "job_held":
            held.set()

    samples = []
    with VirtualPrinter("127.0.0.1", 0, on_job=arrivals) as printer:
        journal = Journal(folder / f"bench-recovery-{mode}.sqlite3")
        queue = PrintQueue(journal, printing_for(printer.port), render, on_event=on_event)
        queue.start()
        try:
            for i in range(rounds):
                held.clear()
                if mode == "offline":
                    printer.set_condition("offline")
                else:
                    printer.refuse_connections(True)
                queue.enqueue(None, payload=PAYLOAD)
                if not held.wait(10):
                    raise TimeoutError("the job was not held")
                # Let the backoff reach its cap: the slowest case for noticing the fix.
                time.sleep(2.0)
                start = time.perf_counter()
                if mode == "offline":
                    printer.set_condition("online")
                else:
                    printer.refuse_connections(False)
                samples.append(arrivals.wait(i + 1) - start)
        finally:
            queue.stop()
            journal.close()
    return samples


def ms(values: list[float]) -> str:
    p90 = statistics.quantiles(values, n=10, method="inclusive")[-1]
    return f"median {statistics.median(values) * 1000:.2f} ms, p90 {p90 * 1000:.2f} ms, max {max(values) * 1000:.2f} ms"


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        arrivals = Arrivals()
        # A short idle timeout does not matter here: every job ends by its connection closing.
        with VirtualPrinter("127.0.0.1", 0, on_job=arrivals) as printer:
            raw = raw_send(printer.port, arrivals)
            arrivals.times.clear()
            queued = queued_send(printer.port, arrivals, folder)
        ratio = statistics.median(queued) / statistics.median(raw)
        print(f"payload {len(PAYLOAD)} bytes, {JOBS} jobs each, loopback")
        print(f"raw socket send      : {ms(raw)}")
        print(f"print queue          : {ms(queued)}")
        print(f"queue / raw (median) : {ratio:.2f}x (target < 5x) {'OK' if ratio < 5 else 'OVER TARGET'}")
        for mode in ("offline", "refused"):
            rec = recovery(folder, mode)
            worst = max(rec)
            print(f"recovery after {mode:<8}: {ms(rec)} (target < 1 s) {'OK' if worst < 1 else 'OVER TARGET'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
