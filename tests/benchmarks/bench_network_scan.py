"""Printer discovery: a scan of 127.0.0.0/24 (the loopback range, the only one a test may scan) with
virtual printers on a few of its addresses, a web server and a silent device beside them.

Target: every printer found within 10 s, with at most 64 connections in flight. Printed: the time
of the whole scan, the peak of connections open at once, and what was found. Each run uses the
probe timeout a technician's scan uses (0.5 s), so the silent device costs what it costs in a store.

Run: .venv/bin/python tests/benchmarks/bench_network_scan.py
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from cashier_app.printing import network_scan  # noqa: E402
from tests.helpers.fake_devices import SILENT, WEB, loopback_lan  # noqa: E402

PRINTERS = ["127.0.0.5", "127.0.0.23", "127.0.0.100", "127.0.0.200", "127.0.0.254"]
OTHERS = {"127.0.0.80": WEB, "127.0.0.81": SILENT}
RUNS = 5
TIMEOUT_S = 0.5


def main() -> int:
    times: list[float] = []
    peaks: list[int] = []
    ok = True
    with loopback_lan(PRINTERS, OTHERS, lifetime_s=120) as (port, _, _):
        targets = network_scan.parse_targets(["127.0.0.0/24"], [port])
        for _ in range(RUNS):
            result = network_scan.scan(targets, timeout=TIMEOUT_S)
            found = sorted(f.where.split(":")[0] for f in result.printers)
            times.append(result.elapsed_s)
            peaks.append(result.peak_in_flight)
            if found != sorted(PRINTERS) or result.probed != 254:
                ok = False
                print(f"MISSED: found {found}, probed {result.probed}")
    worst = max(times)
    print(f"scan of 127.0.0.0/24 ({len(targets)} addresses, port {port}), {len(PRINTERS)} printers, 1 web server, "
          f"1 silent device, probe timeout {TIMEOUT_S} s, {RUNS} runs")
    print(f"  whole scan: median {statistics.median(times):.2f} s, worst {worst:.2f} s (target: within 10 s)")
    print(f"  connections in flight: peak {max(peaks)} (target: at most {network_scan.MAX_IN_FLIGHT})")
    print(f"  printers found: {len(PRINTERS)} of {len(PRINTERS)} in every run" if ok else "  printers MISSED")
    passed = ok and worst < 10.0 and max(peaks) <= network_scan.MAX_IN_FLIGHT
    print("PASS" if passed else "FAIL")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
