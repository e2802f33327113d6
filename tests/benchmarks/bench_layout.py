"""Layout speed: median time to lay out a 40-line Chinese receipt with a QR code (target < 2 ms).

Run: .venv/bin/python tests/benchmarks/bench_layout.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from cashier_app.printing.layout import LayoutOptions, layout_receipt
from cashier_app.printing.profiles import builtin_profiles

TARGET_MS = 2.0
RUNS = 2000


def chinese_receipt(lines: int = 40) -> list[str]:
    head = [
        "        聚合支付 签购单",
        "-" * 32,
        "商户名称：星河便利店(科技园店)",
        "商户编号：M100001",
        "终端编号：T0001",
        "操作员：01",
        "交易类型：微信支付 付款码",
        "商户订单号：202611220001",
        "第三方订单号：4200001234202611221234567890",
        "交易时间：2026-11-22 10:31:05",
    ]
    items = [f"康师傅红烧牛肉面{n:02d}（桶装）  1   ¥{5 + n % 7}.50" for n in range(lines - len(head) - 3)]
    tail = ["金额：RMB 12.50", "-" * 32, "        谢谢惠顾，欢迎再次光临"]
    return head + items + tail


def main() -> None:
    lines = chinese_receipt()
    assert len(lines) == 40
    options = LayoutOptions(qr_data="202611220001")
    print(f"layout of a {len(lines)}-line Chinese receipt with a QR code, median of {RUNS} runs:")
    worst = 0.0
    for name, profile in builtin_profiles().items():
        layout_receipt(lines, profile, options)  # warm the per-character caches
        samples = []
        for _ in range(RUNS):
            start = time.perf_counter()
            layout_receipt(lines, profile, options)
            samples.append(time.perf_counter() - start)
        median_ms = statistics.median(samples) * 1000
        worst = max(worst, median_ms)
        print(f"  {name:<15} {median_ms:7.3f} ms")
    print(f"slowest profile: {worst:.3f} ms (target < {TARGET_MS} ms): {'ok' if worst < TARGET_MS else 'TOO SLOW'}")


if __name__ == "__main__":
    main()
