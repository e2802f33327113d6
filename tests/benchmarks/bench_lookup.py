"""What the cashier waits for after pressing Enter on the lookup page (target: well under 100 ms).

Runs the sandbox on loopback and a journal in a temp folder, and measures, median and 95th
percentile of 300 each:
  1. scan:   reading the number out of typed and scanned input (read_number), per input
  2. paid:   lookup of a paid order whose receipt is on record (one query, no case written)
  3. case:   lookup of a paid order without a receipt (one query, its case found and a step written)
  4. missing: lookup of a merchant number the platform does not have (two queries, no case)

    .venv/bin/python tests/benchmarks/bench_lookup.py
"""

from __future__ import annotations

import hashlib
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from cashier_app.domain.receipt import Receipt
from cashier_app.domain.receipt_parser import parse_receipt
from cashier_app.journal.cases import CaseStore
from cashier_app.journal.db import Journal
from cashier_app.journal.receipts import FileOutcome, ReceiptStore
from cashier_app.lookup import LookupService, read_number
from cashier_app.paper import PaperDesk
from cashier_app.platform.client import PlatformClient
from cashier_app.platform.settings import PlatformSettings
from cashier_app.printing.settings import PrintingSettings
from cashier_app.sandbox.server import SandboxServer

KEY = "sandbox-key-T0001-please-change"
N = 300
INPUTS = [
    "2026112200012345", " ２０２６ １１２２ ０００１ ２３４５\r\n", "]C02026112200012345",
    "https://pay.example.com/v?sign=ab12&out_trade_no=2026112200012345", '{"out_trade_no": "2026112200012345"}',
    "商户订单号：2026112200012345", "NO.2026112200012345;",
]


def timed(call: Callable[[], object], n: int = N) -> list[float]:
    samples = []
    for _ in range(n):
        start = time.perf_counter()
        call()
        samples.append(time.perf_counter() - start)
    return samples


def report(name: str, samples: list[float], unit: str = "ms", scale: float = 1000.0) -> None:
    ordered = sorted(samples)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    print(f"{name:8s} median {statistics.median(samples) * scale:8.3f} {unit}   p95 {p95 * scale:8.3f} {unit}")


def main() -> None:
    scan = timed(lambda: [read_number(text) for text in INPUTS], N * 10)
    report("scan", [s / len(INPUTS) for s in scan], "us", 1e6)

    with tempfile.TemporaryDirectory() as tmp, SandboxServer(host="127.0.0.1", port=0) as sandbox:
        sandbox.control.create_orders([
            {"out_trade_no": "2026112200000001", "state": "PAID", "total_amount": 1250},
            {"out_trade_no": "2026112200000002", "state": "PAID", "total_amount": 1250},
        ])
        journal = Journal(Path(tmp) / "journal.sqlite3")
        receipts = ReceiptStore(journal)
        text = ("商户订单号：2026112200000001\r\n金额：RMB 12.50\r\n交易时间：2026-11-22 10:31:05\r\n"
                "交易类型：微信支付\r\n").encode("gb18030")
        receipt = parse_receipt(text)
        assert isinstance(receipt, Receipt), receipt
        version = receipts.add_file_version(path="print.txt", seen_at="2026-11-22T02:31:05+00:00", mtime_ns=0,
                                            size=len(text), sha256=hashlib.sha256(text).hexdigest(), content=text,
                                            outcome=FileOutcome.RECEIPT)
        receipts.add_receipt(version, receipt)
        settings = PlatformSettings(base_url=sandbox.base_url)
        # The lookups read the paper desk; none of them prints.
        paper = PaperDesk(journal, PrintingSettings())

        with PlatformClient(settings, lambda: KEY) as client:
            service = LookupService(client, CaseStore(journal), receipts, operator=lambda: "01", paper=paper)
            service.lookup("2026112200000001")  # warm the connection
            report("paid", timed(lambda: service.lookup("2026112200000001")))
            report("case", timed(lambda: service.lookup("2026112200000002")))
            report("missing", timed(lambda: service.lookup("2026112200099999")))
        journal.close()


if __name__ == "__main__":
    main()
