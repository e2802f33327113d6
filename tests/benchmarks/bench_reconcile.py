"""A day of reconciliation: 2,000 orders over a simulated trading day against the sandbox.

The sandbox (real HTTP on loopback) and the client run on one injected clock that advances one
interval per poll, from 08:00 to 22:00 store time. Orders are paid through the day; the till
prints a receipt for most of them. Measured:

  1. how long after payment a paid order without a receipt is raised
     (target: grace + at most one interval);
  2. how many platform requests the day's reconciliation makes: list requests (target: one per
     interval, whatever the number of orders) and, separately, the extra queries for anomalies
     (receipts whose order the list never showed);
  3. the reconciler's own time per poll (the rules over the day's orders and receipts).

    .venv/bin/python tests/benchmarks/bench_reconcile.py
"""

from __future__ import annotations

import hashlib
import random
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from cashier_app.domain.cases import Case, CaseKind
from cashier_app.domain.receipt import Receipt
from cashier_app.domain.receipt_parser import parse_receipt
from cashier_app.domain.reconcile_settings import ReconcileSettings
from cashier_app.journal.db import Journal
from cashier_app.journal.receipts import FileOutcome, ReceiptStore
from cashier_app.platform.client import PlatformClient
from cashier_app.platform.order import Order
from cashier_app.platform.settings import PlatformSettings
from cashier_app.reconcile.service import Reconciler
from cashier_app.sandbox import DEFAULT_KEY, SandboxServer

CHINA = timezone(timedelta(hours=8))
ORDERS = 2000
NO_RECEIPT = 40  # paid, the till printed nothing
UNKNOWN_RECEIPTS = 10  # receipts for orders the platform does not know (anomalies: one query each)
STUCK = 10  # customers who never entered the password
INTERVAL_S, GRACE_S, STUCK_AFTER_S = 10.0, 20.0, 120.0
OPEN_H, CLOSE_H = 8, 22


class Clock:
    def __init__(self, start: float) -> None:
        self.t = start

    def __call__(self) -> float:
        return self.t


def print_txt(number: str, amount: int, at: datetime) -> bytes:
    local = at.astimezone(CHINA)
    lines = ["        聚合支付 签购单", "--------------------------------", "商户编号：M100001", "终端编号：T0001",
             "操作员：01", "交易类型：微信支付 付款码", f"商户订单号：{number}",
             f"交易时间：{local:%Y-%m-%d %H:%M:%S}", f"金额：RMB {amount // 100}.{amount % 100:02d}",
             "--------------------------------"]
    return "\r\n".join(lines).encode("gb18030") + b"\r\n"


def record(store: ReceiptStore, journal: Journal, number: str, amount: int, at: float) -> None:
    seen = datetime.fromtimestamp(at, UTC)
    content = print_txt(number, amount, seen)
    receipt = parse_receipt(content)
    assert isinstance(receipt, Receipt)
    stamp = seen.isoformat(timespec="microseconds")
    with journal.tx() as conn:
        version = store.add_file_version(path="print.txt", seen_at=stamp, mtime_ns=0, size=len(content),
                                         sha256=hashlib.sha256(content + stamp.encode()).hexdigest(),
                                         content=content, outcome=FileOutcome.RECEIPT, conn=conn)
        store.add_receipt(version, receipt, created_at=stamp, conn=conn)


def main() -> None:
    rng = random.Random(20261122)
    day = datetime.now(CHINA).replace(hour=OPEN_H, minute=0, second=0, microsecond=0)
    start, end = day.timestamp(), day.replace(hour=CLOSE_H).timestamp()
    clock = Clock(start)

    # The day's orders: (paid_at, number, amount, kind); receipts follow payment by 0.5-3 s.
    plan: list[dict[str, Any]] = []
    indexes = list(range(ORDERS))
    rng.shuffle(indexes)
    missing = set(indexes[:NO_RECEIPT])
    stuck = set(indexes[NO_RECEIPT:NO_RECEIPT + STUCK])
    for i in range(ORDERS):
        created = start + 60 + (end - start - 600) * i / ORDERS + rng.uniform(0, 20)
        plan.append({"no": f"{day:%Y%m%d}{i:06d}", "amount": rng.choice((350, 600, 1250, 1800, 2590, 4680)),
                     "created": created, "paid": created + rng.uniform(2, 8), "stuck": i in stuck,
                     "receipt": i not in missing and i not in stuck})
    unknown = [{"no": f"{day:%Y%m%d}9{i:05d}", "amount": 1250, "at": start + rng.uniform(600, end - start - 600)}
               for i in range(UNKNOWN_RECEIPTS)]

    raised_at: dict[str, float] = {}
    kinds: Counter[str] = Counter()
    reprints: list[str] = []
    lock = threading.Lock()

    def on_case(case: Case, created: bool) -> None:
        if created:
            with lock:
                kinds[case.kind.value] += 1
                if case.kind is CaseKind.PAID_NO_RECEIPT and case.out_trade_no:
                    raised_at[case.out_trade_no] = clock()

    def reprint(order: Order) -> int | None:
        reprints.append(order.out_trade_no)
        return len(reprints)

    with tempfile.TemporaryDirectory() as tmp, SandboxServer(clock=clock) as sandbox:
        journal = Journal(Path(tmp) / "journal.sqlite3")
        store = ReceiptStore(journal)
        list_calls = Counter[str]()
        handle = sandbox.api.handle

        def counted(method: str, path: str, headers: Any, body: bytes) -> Any:
            list_calls[path.rsplit("/", 1)[-1]] += 1
            return handle(method, path, headers, body)

        setattr(sandbox.api, "handle", counted)  # noqa: B010
        settings = ReconcileSettings(interval_s=INTERVAL_S, grace_s=GRACE_S, stuck_after_s=STUCK_AFTER_S,
                                     missing_receipt="auto")
        client = PlatformClient(PlatformSettings(base_url=sandbox.base_url), lambda: DEFAULT_KEY, clock=clock)
        reconciler = Reconciler(journal, client, settings, clock=clock, on_case=on_case,
                                print_missing_receipt=reprint, first_lookback_s=INTERVAL_S)

        pending = sorted(plan, key=lambda o: o["created"])
        receipts = sorted([(o["paid"] + rng.uniform(0.5, 3.0), o["no"], o["amount"]) for o in plan if o["receipt"]]
                          + [(u["at"], u["no"], u["amount"]) for u in unknown])
        o_i = r_i = 0
        polls = 0
        poll_times: list[float] = []
        wall = time.perf_counter()
        while clock.t < end:
            clock.t += INTERVAL_S
            batch = []
            # Orders reach the platform when they are paid (stuck ones when they are created).
            while o_i < len(pending) and (pending[o_i]["created"] if pending[o_i]["stuck"]
                                          else pending[o_i]["paid"]) <= clock.t:
                o = pending[o_i]
                batch.append({"out_trade_no": o["no"], "total_amount": o["amount"], "channel": "WECHAT",
                              "created_at": o["created"],
                              **({"state": "USERPAYING"} if o["stuck"] else {"state": "PAID", "paid_at": o["paid"]})})
                o_i += 1
            if batch:
                sandbox.control.create_orders(batch)
            while r_i < len(receipts) and receipts[r_i][0] <= clock.t:
                at, number, amount = receipts[r_i]
                record(store, journal, number, amount, at)
                r_i += 1
            started = time.perf_counter()
            report = reconciler.poll_once()
            poll_times.append(time.perf_counter() - started)
            assert report.ok, report
            polls += 1
        wall = time.perf_counter() - wall
        client.close()
        journal.close()

    paid_at = {o["no"]: o["paid"] for o in plan}
    latencies = [raised_at[n] - paid_at[n] for n in raised_at if n in paid_at]
    not_raised = [o["no"] for o in plan if not o["receipt"] and not o["stuck"] and o["no"] not in raised_at]
    hours = (end - start) / 3600
    print(f"simulated day: {hours:.0f} h, {ORDERS} orders ({NO_RECEIPT} without receipt, {STUCK} stuck, "
          f"{UNKNOWN_RECEIPTS} receipts for unknown orders), interval {INTERVAL_S:g} s, grace {GRACE_S:g} s")
    print(f"paid-no-receipt raised: {len(latencies)}/{NO_RECEIPT} (missed {len(not_raised)}); "
          f"raised after payment: min {min(latencies):.1f} s, median {statistics.median(latencies):.1f} s, "
          f"max {max(latencies):.1f} s (target <= grace + interval = {GRACE_S + INTERVAL_S:g} s)")
    print(f"auto reprints: {len(reprints)} (once per order: {len(reprints) == len(set(reprints))})")
    print(f"cases opened by kind: {dict(sorted(kinds.items()))}")
    print(f"platform requests: {polls} polls -> {list_calls['list']} list requests "
          f"({list_calls['list'] / polls:.2f} per interval), {list_calls['query']} extra queries for anomalies, "
          f"{sum(list_calls.values())} in all")
    poll_ms = sorted(t * 1000 for t in poll_times)
    print(f"reconciler time per poll (HTTP on loopback + journal + rules): median {statistics.median(poll_ms):.1f} ms, "
          f"p95 {poll_ms[int(len(poll_ms) * 0.95)]:.1f} ms, max {poll_ms[-1]:.1f} ms; whole day simulated in "
          f"{wall:.1f} s")


if __name__ == "__main__":
    main()
