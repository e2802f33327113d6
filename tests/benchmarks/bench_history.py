"""The manager's desk at two years of a busy till: 1,000,000 receipts (targets from the issue).

Builds the journal through the journal's own schema (history_journal.py: every migration, then the
rows the app writes for each payment), or reuses one given with --journal, then measures:
  1. search: p50 and p99 of each filter and of common combinations, 200 searches each with values
     drawn from the journal (a number's last digits included)            target: p99 <= 50 ms
  2. the day report and the shift report of random days                  target: <= 200 ms
  3. cold start of the app on this journal to a usable window (offscreen), and its idle RSS
                                                                         target: <= 1.5 s, < 120 MB

    .venv/bin/python tests/benchmarks/bench_history.py [--receipts 1000000] [--journal PATH]
        [--samples 200] [--starts 5]

The start is measured with reconciliation and the daily backup off (no platform or backup folder
here); with both on (a platform address nobody answers, a backup folder), run the app by hand on
the same journal and read its log's "window ready" line and /proc/PID/status (VmRSS).
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from cashier_app.app.reports_service import ReportService
from cashier_app.domain.receipt_search import build_query
from cashier_app.journal.db import Journal
from cashier_app.journal.receipt_search import search_receipts
from tests.benchmarks.history_journal import STORE_TZ, build

SEARCH_TARGET_MS = 50.0
REPORT_TARGET_MS = 200.0
START_TARGET_S = 1.5
RSS_TARGET_MB = 120.0


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))]


def timed(call: Callable[[], Any], n: int) -> list[float]:
    samples = []
    for _ in range(n):
        start = time.perf_counter()
        call()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


class Draws:
    """Search values drawn from the journal itself, so that most searches find something."""

    def __init__(self, journal: Journal, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        with journal.read() as conn:
            top = int(conn.execute("SELECT MAX(id) FROM receipts").fetchone()[0])
            ids = [self.rng.randint(1, top) for _ in range(2000)]
            marks = ",".join("?" * len(ids))
            self.rows = [dict(r) for r in conn.execute(
                f"SELECT out_trade_no, channel_trade_no, amount, created_at, operator, channel FROM receipts"
                f" WHERE id IN ({marks})", ids)]
            first, last = conn.execute("SELECT MIN(created_at), MAX(created_at) FROM receipts").fetchone()
        self.first = datetime.fromisoformat(first).astimezone(STORE_TZ).date()
        self.last = datetime.fromisoformat(last).astimezone(STORE_TZ).date()

    def row(self) -> dict[str, Any]:
        return self.rng.choice(self.rows)

    def day(self) -> date:
        return self.first + timedelta(days=self.rng.randrange((self.last - self.first).days + 1))

    def number_tail(self, digits: int) -> str:
        row = self.row()
        number = row["channel_trade_no"] if digits > 4 and row["channel_trade_no"] else row["out_trade_no"]
        return str(number)[-digits:]

    def amount(self) -> str:
        fen = self.row()["amount"]
        return f"{fen // 100}.{fen % 100:02d}"

    def one_yuan_range(self) -> dict[str, str]:
        yuan = self.row()["amount"] // 100
        return {"amount_min": str(yuan), "amount_max": str(yuan + 1)}


def search_cases(d: Draws) -> list[tuple[str, Callable[[], dict[str, Any]]]]:
    def around(days: int) -> dict[str, Any]:
        start = d.day()
        return {"date_from": start.isoformat(), "date_to": (start + timedelta(days=days - 1)).isoformat()}

    channels = ["wechat", "alipay", "unionpay", "bankcard"]
    return [
        ("newest (no filter)", lambda: {}),
        ("number: last 4 digits", lambda: {"number": d.number_tail(4)}),
        ("number: last 6 digits", lambda: {"number": d.number_tail(6)}),
        ("number: whole merchant no.", lambda: {"number": str(d.row()["out_trade_no"])}),
        ("number: whole third-party no.", lambda: {"number": str(d.row()["channel_trade_no"] or
                                                                d.row()["out_trade_no"])}),
        ("amount exact", lambda: {"amount": d.amount()}),
        ("amount range (1 yuan wide)", d.one_yuan_range),
        ("amount range (wide)", lambda: {"amount_min": "10", "amount_max": "300"}),
        ("one day", lambda: around(1)),
        ("one week", lambda: around(7)),
        ("one month, a year ago", lambda: around(30)),
        ("channel", lambda: {"channel": d.rng.choice(channels)}),
        ("operator", lambda: {"operator": str(d.row()["operator"])}),
        ("printed: no", lambda: {"printed": "no"}),
        ("printed: yes", lambda: {"printed": "yes"}),
        ("printed: reprinted", lambda: {"printed": "reprinted"}),
        ("text: store name (everywhere)", lambda: {"text": "星河"}),
        ("text: rare word", lambda: {"text": "退款单"}),
        ("text: digits", lambda: {"text": d.amount()}),
        ("day + amount", lambda: {**around(1), "amount": d.amount()}),
        ("day + operator", lambda: {**around(1), "operator": str(d.row()["operator"])}),
        ("week + channel + amount range", lambda: {**around(7), "channel": d.rng.choice(channels),
                                                   "amount_min": "30", "amount_max": "40"}),
        ("number (4) + day", lambda: {"number": d.number_tail(4), **around(1)}),
        ("month + printed: no", lambda: {**around(30), "printed": "no"}),
        ("operator + channel", lambda: {"operator": str(d.row()["operator"]), "channel": d.rng.choice(channels)}),
        ("amount + channel", lambda: {"amount": d.amount(), "channel": d.rng.choice(channels)}),
        ("text + week", lambda: {"text": "可乐", **around(7)}),
        ("next page of the newest", lambda: {"_next": "1"}),
    ]


def bench_search(journal: Journal, samples: int) -> bool:
    draws = Draws(journal)
    ok = True
    print(f"{'search':34s} {'p50 ms':>8s} {'p99 ms':>8s} {'max ms':>8s}  found (median)  paths")
    for name, make in search_cases(draws):
        times: list[float] = []
        found: list[int] = []
        plans: set[str] = set()
        for _ in range(samples):
            typed = make()
            paging = typed.pop("_next", None)
            query = build_query(STORE_TZ, **typed)
            if paging:
                first = search_receipts(journal, query)
                assert first.next_cursor is not None
                query = query.next_page(first.next_cursor)
            start = time.perf_counter()
            page = search_receipts(journal, query)
            times.append((time.perf_counter() - start) * 1000)
            found.append(len(page.records))
            plans.add(page.plan)
        p99 = percentile(times, 0.99)
        ok = ok and p99 <= SEARCH_TARGET_MS
        flag = "" if p99 <= SEARCH_TARGET_MS else "  OVER TARGET"
        print(f"{name:34s} {statistics.median(times):8.2f} {p99:8.2f} {max(times):8.2f}  "
              f"{statistics.median(found):>6.0f}          {','.join(sorted(plans))}{flag}")
    return ok


def bench_reports(journal: Journal, samples: int) -> bool:
    draws = Draws(journal, seed=11)
    service = ReportService(journal, STORE_TZ, shift_starts=["07:00", "15:00", "23:00"], store_name="bench",
                            clock=lambda: datetime(2026, 12, 1, 10, tzinfo=STORE_TZ))
    days = [draws.day() for _ in range(samples)]
    day_times = timed(lambda: service.day_report(days.pop()), len(days))
    shift_days = [draws.day() for _ in range(samples)]
    shift_times = timed(lambda: service.shift_report(service.shift(shift_days.pop(), 2)), len(shift_days))
    ok = True
    for name, times in (("day report", day_times), ("shift report (8 h)", shift_times)):
        p99 = percentile(times, 0.99)
        ok = ok and max(times) <= REPORT_TARGET_MS
        print(f"{name:34s} median {statistics.median(times):7.1f} ms   p99 {p99:7.1f} ms   max {max(times):7.1f} ms"
              + ("" if max(times) <= REPORT_TARGET_MS else "  OVER TARGET"))
    return ok


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def bench_start(journal_path: Path, starts: int) -> bool:
    """The app as a store runs it (window, offscreen), on this journal: time to "window ready", idle RSS."""
    if starts < 1 or not Path("/proc/self/status").exists():
        print("start: not measured (--starts 0, or no Linux /proc)")
        return True
    ready_times: list[float] = []
    rss: list[float] = []
    with tempfile.TemporaryDirectory(dir=journal_path.parent) as tmp:
        home = Path(tmp)
        (home / "inbox").mkdir()
        data = home / "data"
        data.mkdir()
        os.link(journal_path, data / "journal.sqlite3")  # the app opens journal.sqlite3 in its data folder
        config = home / "config.toml"
        config.write_text(
            f'[general]\nlanguage = "zh_CN"\ndata_dir = "{data}"\n'
            f'[watch]\nfolders = ["{home / "inbox"}"]\n'
            f'[printing]\ndefault_printer = "default"\n[printing.printers.default]\nkind = "network"\n'
            f'host = "127.0.0.1"\nport = {free_port()}\n'
            f'[platform]\nbase_url = "http://127.0.0.1:{free_port()}"\n'
            f'[reconcile]\nenabled = false\n[journal]\nbackup_enabled = false\n', encoding="utf-8")
        env = {**os.environ, "CASHIER_APP_HOME": str(home), "QT_QPA_PLATFORM": "offscreen",
               "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring"}
        log_file = home / "logs" / "cashier-app.log"
        for _ in range(starts):
            log_file.unlink(missing_ok=True)
            started = time.monotonic()
            proc = subprocess.Popen([sys.executable, "-m", "cashier_app", "--config", str(config),
                                     "--run-seconds", "12"], env=env, stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL)
            ready = None
            while proc.poll() is None and time.monotonic() - started < 30:
                if log_file.exists() and "window ready" in log_file.read_text(encoding="utf-8", errors="replace"):
                    ready = time.monotonic() - started
                    break
                time.sleep(0.005)
            if ready is None:
                proc.kill()
                print("start: the window did not come up (see the log)")
                return False
            time.sleep(6)  # idle: the pages built, the services waiting
            rss.append(rss_mb(proc.pid))
            ready_times.append(ready)
            proc.terminate()
            proc.wait(30)
    ok = max(ready_times) <= START_TARGET_S and max(rss) < RSS_TARGET_MB
    print(f"{'cold start to a usable window':34s} median {statistics.median(ready_times):.2f} s   "
          f"max {max(ready_times):.2f} s   (target {START_TARGET_S} s)")
    print(f"{'idle RSS':34s} median {statistics.median(rss):.0f} MB   max {max(rss):.0f} MB   "
          f"(target < {RSS_TARGET_MB:.0f} MB)" + ("" if ok else "  OVER TARGET"))
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--receipts", type=int, default=1_000_000)
    parser.add_argument("--journal", type=Path, help="reuse this journal (built here first when missing)")
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--starts", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.journal or Path(tmp) / "journal.sqlite3"
        if not path.exists():
            built = build(path, args.receipts)
            print(f"built {built.receipts:,} receipts ({built.first_day} to {built.last_day}) in {built.seconds:.0f} s,"
                  f" {path.stat().st_size / 1e6:,.0f} MB")
        journal = Journal(path)
        with journal.read() as conn:
            count = int(conn.execute("SELECT COUNT(*) FROM receipts").fetchone()[0])
        print(f"journal: {count:,} receipts, {path.stat().st_size / 1e6:,.0f} MB")
        ok = bench_search(journal, args.samples)
        ok = bench_reports(journal, max(10, args.samples // 4)) and ok
        journal.close()
        ok = bench_start(path, args.starts) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
