"""How long parse_receipt takes on the sample receipts (docs/samples/print-txt/) and on a 40-line
receipt (the watcher's hot path).

Run: .venv/bin/python tests/benchmarks/bench_receipt_parser.py
"""

from __future__ import annotations

import time
from pathlib import Path

from cashier_app.domain.receipt_labels import ParserSettings
from cashier_app.domain.receipt_parser import parse_receipt

SAMPLES = Path(__file__).resolve().parents[2] / "docs" / "samples" / "print-txt"

FORTY_LINES = "\r\n".join(
    [
        "                聚合支付 签购单",
        "--------------------------------",
        "商户名称(MERCHANT NAME)：星河便利店(科技园店)",
        "商户编号(MERCHANT NO)：105584099990001",
        "终端编号(TERMINAL NO)：10000001",
        "操作员号(OPERATOR NO)：01",
        "交易类型(TRANS TYPE)：微信支付 付款码",
        "商户订单号：202611220001",
        "第三方订单号：4200001234202611221234567890",
        "日期/时间(DATE/TIME)：",
        "2026/11/22 11:20:33",
        "--------------------------------",
        "商品              数量      金额",
        *[f"商品{i:02d}号 农夫山泉550ml   {i % 3 + 1}      {i * 1.5:.2f}" for i in range(20)],
        "--------------------------------",
        "合计:                      39.50",
        "收银员: 03   机号: T0001",
        "实付: ￥39.50",
        "金额(AMOUNT)：RMB 39.50",
        "备注：凭此小票可在商户管理平台查询订单",
        "        谢谢惠顾，欢迎再次光临",
        "",
    ]
).encode("gbk")


def bench(name: str, data: bytes, settings: ParserSettings, rounds: int = 2000) -> None:
    parse_receipt(data, settings)  # warm caches (label index, regexes)
    start = time.perf_counter()
    for _ in range(rounds):
        parse_receipt(data, settings)
    per_call = (time.perf_counter() - start) / rounds
    print(f"{name:<36} {len(data):>6} bytes  {per_call * 1e6:8.1f} µs/parse")


def main() -> None:
    settings = ParserSettings()
    lines = FORTY_LINES.count(b"\n")
    bench(f"generated receipt ({lines} lines, GBK)", FORTY_LINES, settings)
    bench("same, default settings each call", FORTY_LINES, ParserSettings())
    for path in sorted(SAMPLES.glob("*.txt")):
        bench(path.name, path.read_bytes(), settings)
    big = ("备注：" + "x" * 60 + "\n").encode() * 900
    bench("near the 64 KiB limit (900 lines)", big, settings, rounds=50)


if __name__ == "__main__":
    main()
