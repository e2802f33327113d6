"""Benchmark: the sandbox platform under a load of signed queries from other processes on loopback.

    .venv/bin/python tests/benchmarks/bench_sandbox.py [--seconds 5] [--processes 2] [--threads 4]

The sandbox runs in this process; the load comes from separate processes (each with a few threads
and a kept-alive requests session per thread), so the client's own work does not share the server's
GIL. Prints requests/s and latency percentiles (p50, p99) of answered, signature-verified queries.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import requests

from cashier_app.platform import signing
from cashier_app.sandbox import DEFAULT_KEY, SandboxServer

PATH = "/api/v1/orders/query"


def _load(base_url: str, numbers: list[str], seconds: float, threads: int, out: mp.Queue) -> None:
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def worker(index: int) -> None:
        session = requests.Session()
        mine: list[float] = []
        bad = 0
        i = index
        while time.monotonic() < stop_at:
            body = json.dumps({"out_trade_no": numbers[i % len(numbers)]}, separators=(",", ":")).encode()
            i += threads
            ts, nonce = str(int(time.time())), signing.new_nonce()
            headers = {"Content-Type": "application/json", "X-Mch-No": "M100001", "X-Terminal-No": "T0001",
                       "X-Timestamp": ts, "X-Nonce": nonce,
                       "X-Sign": signing.sign(DEFAULT_KEY, signing.request_string_to_sign("POST", PATH, ts, nonce,
                                                                                          body))}
            started = time.perf_counter()
            try:
                response = session.post(base_url + PATH, data=body, headers=headers, timeout=10)
                ok = response.status_code == 200 and signing.verify(DEFAULT_KEY, signing.response_string_to_sign(
                    response.headers["X-Timestamp"], response.headers["X-Nonce"], response.content),
                    response.headers["X-Sign"])
            except requests.RequestException:
                ok = False
            elapsed = time.perf_counter() - started
            if ok:
                mine.append(elapsed)
            else:
                bad += 1
        session.close()
        with lock:
            latencies.extend(mine)
            errors[0] += bad

    pool = [threading.Thread(target=worker, args=(n,)) for n in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    out.put((latencies, errors[0]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args()

    with SandboxServer(scenario="busy-morning") as sandbox:
        numbers = [o["out_trade_no"] for o in sandbox.control.state()["orders"]]
        ctx = mp.get_context("spawn")
        queue: mp.Queue = ctx.Queue()
        procs = [ctx.Process(target=_load, args=(sandbox.base_url, numbers, args.seconds, args.threads, queue))
                 for _ in range(args.processes)]
        started = time.perf_counter()
        for p in procs:
            p.start()
        results = [queue.get(timeout=args.seconds + 120) for _ in procs]
        for p in procs:
            p.join()
        wall = time.perf_counter() - started
    latencies = sorted(x for lat, _ in results for x in lat)
    errors = sum(e for _, e in results)
    if not latencies:
        print("no successful requests")
        return 1
    # Rate over the load window (process start-up excluded as far as the window allows).
    rate = len(latencies) / args.seconds
    p50 = statistics.median(latencies) * 1000
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000
    print(f"sandbox signed queries: {args.processes} processes x {args.threads} threads, {args.seconds:.0f} s "
          f"(wall {wall:.1f} s)")
    print(f"  requests:     {len(latencies)} ok, {errors} failed")
    print(f"  throughput:   {rate:.0f} requests/s")
    print(f"  latency:      p50 {p50:.2f} ms   p99 {p99:.2f} ms   max {latencies[-1] * 1000:.2f} ms")
    return 0 if errors == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
