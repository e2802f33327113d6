"""A big journal for the history benchmark: two years of a busy till, through the journal's own schema.

The journal is opened with `Journal` (so every migration runs), then filled with the rows the app
writes for each payment: the archived print.txt bytes, the receipt, its original print job, done
(with the paper desk's columns: its document, and that it is the original), the bytes laid out for
it, and the platform's order as reconciliation saw it. About 0.5% of receipts were reprinted (with
an audit row), 0.2% never printed (cancelled, or held on the last day), 0.3% are refunds, and a few
hundred cases were opened. Values are drawn from a seeded generator: the same count gives the same
journal.

    python tests/benchmarks/history_journal.py OUT.sqlite3 [--receipts N]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
import zlib
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from cashier_app.journal.db import Journal

STORE_TZ = timezone(timedelta(hours=8))
LAST_DAY = date(2026, 11, 30)
CHANNELS = ("WECHAT", "ALIPAY", "UNIONPAY", "BANKCARD")
CHANNEL_WEIGHTS = (50, 38, 4, 8)
CHANNEL_WORDS = {
    "WECHAT": "微信支付 付款码", "ALIPAY": "支付宝 付款码", "UNIONPAY": "云闪付", "BANKCARD": "银行卡 消费/SALE",
}
OPERATORS = tuple(f"{n:02d}" for n in range(1, 9))
OPERATOR_WEIGHTS = (30, 25, 15, 10, 8, 6, 4, 2)
PRICES = (350, 600, 950, 1250, 1500, 1880, 2500, 3600, 3850, 4990, 6800, 9900, 12800, 19900, 29900)
# One third-party number prefix per channel, digits after it random.
CHANNEL_PREFIX = {"WECHAT": "4200001234", "ALIPAY": "20261122220014", "UNIONPAY": "6231", "BANKCARD": ""}
BATCH = 20_000


@dataclass(frozen=True)
class Built:
    receipts: int
    seconds: float
    first_day: date
    last_day: date


def receipt_text(out_trade_no: str, channel: str, channel_trade_no: str | None, amount: int, *, paid: datetime,
                 operator: str, refund: bool) -> str:
    lines = [
        "        聚合支付 签购单" if not refund else "        聚合支付 退款单",
        "--------------------------------",
        "商户名称：星河便利店(科技园店)",
        "商户编号：M100001",
        "终端编号：T0001",
        f"操作员：{operator}",
        f"交易类型：{CHANNEL_WORDS[channel]}" + ("（退款）" if refund else ""),
        f"商户订单号：{out_trade_no}",
    ]
    if channel_trade_no:
        lines.append(f"第三方订单号：{channel_trade_no}")
    lines += [
        f"交易时间：{paid.strftime('%Y-%m-%d %H:%M:%S')}",
        f"金额：RMB {'-' if refund else ''}{amount // 100}.{amount % 100:02d}",
        "--------------------------------",
        "备注：凭此小票可在商户管理平台查询订单",
        "        谢谢惠顾，欢迎再次光临",
    ]
    return "\n".join(lines)


def fake_payload(text: str) -> bytes:
    """Bytes the size and make of a laid-out receipt (text in GB18030 between ESC @ and the cut)."""
    return b"\x1b@\x1c&" + text.replace("\n", "\r\n").encode("gb18030") + b"\n\x1dV\x42\x00"


def build(path: Path, receipts: int, seed: int = 11) -> Built:
    started = time.perf_counter()
    rng = random.Random(seed)
    journal = Journal(path)
    journal.close()
    import sqlite3

    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA cache_size=-200000")
    per_day = max(1, receipts // 730)
    days = (receipts + per_day - 1) // per_day
    first_day = LAST_DAY - timedelta(days=days - 1)
    made = 0
    job_id = 0
    version_rows: list[tuple[object, ...]] = []
    receipt_rows: list[tuple[object, ...]] = []
    job_rows: list[tuple[object, ...]] = []
    byte_rows: list[tuple[object, ...]] = []
    order_rows: list[tuple[object, ...]] = []
    audit_rows: list[tuple[object, ...]] = []
    case_rows: list[tuple[object, ...]] = []

    def flush() -> None:
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO file_versions(id, path, seen_at, mtime_ns, size, sha256, content, outcome)"
            " VALUES (?,?,?,?,?,?,?, 'receipt')", version_rows)
        conn.executemany(
            "INSERT INTO receipts(id, file_version_id, created_at, encoding, kind, channel, out_trade_no,"
            " channel_trade_no, amount, paid_at, merchant_no, terminal_no, operator, reference_no, template, text,"
            " paper) VALUES (?,?,?,'gb18030',?,?,?,?,?,?,'M100001','T0001',?,?,'wechat-default',?,'original')",
            receipt_rows)
        conn.executemany(
            "INSERT INTO print_jobs(id, receipt_id, printer, state, is_reprint, copy_no, reason, requested_by,"
            " attempts, created_at, started_at, done_at, updated_at, paper_key, original)"
            " VALUES (?,?,'default',?,?,?,?,?,1,?,?,?,?,?,?)",
            job_rows)
        conn.executemany(
            "INSERT INTO print_job_bytes(job_id, laid_out_at, profile, charset, dots, payload)"
            " VALUES (?,?,'58-gbk','gbk',384,?)", byte_rows)
        conn.executemany(
            "INSERT OR IGNORE INTO orders_seen(out_trade_no, channel_trade_no, channel, state, total_amount,"
            " created_at, paid_at, updated_at, order_json, seen_at) VALUES (?,?,?,?,?,?,?,?,?,?)", order_rows)
        conn.executemany(
            "INSERT INTO audit(at, actor, action, receipt_id, job_id, reason, out_trade_no, copy_no)"
            " VALUES (?,?,'reprint',?,?,?,?,2)",
            audit_rows)
        conn.executemany(
            "INSERT INTO cases(kind, status, opened_at, opened_by, out_trade_no, amount, payment_state, cause,"
            " result, closed_at, closed_by) VALUES (?,?,?,?,?,?,?,?,?,?,?)", case_rows)
        conn.execute("COMMIT")
        for rows in (version_rows, receipt_rows, job_rows, byte_rows, order_rows, audit_rows, case_rows):
            rows.clear()

    for day_index in range(days):
        day = first_day + timedelta(days=day_index)
        seconds = sorted(rng.randrange(8 * 3600, 22 * 3600) for _ in range(per_day))
        for seq, second in enumerate(seconds, start=1):
            if made >= receipts:
                break
            made += 1
            paid = datetime(day.year, day.month, day.day, tzinfo=STORE_TZ) + timedelta(seconds=second)
            created = paid.astimezone(UTC) + timedelta(milliseconds=rng.randrange(80, 900))
            created_text = created.isoformat(timespec="microseconds")
            channel = rng.choices(CHANNELS, CHANNEL_WEIGHTS)[0]
            operator = rng.choices(OPERATORS, OPERATOR_WEIGHTS)[0]
            amount = rng.choice(PRICES) if rng.random() < 0.6 else rng.randrange(100, 50_000)
            refund = rng.random() < 0.003
            out_trade_no = f"{day:%Y%m%d}{seq:04d}"
            reference_no = None
            if channel == "BANKCARD":
                channel_trade_no = None
                reference_no = f"{rng.randrange(10**11, 10**12)}"
            else:
                prefix = CHANNEL_PREFIX[channel]
                channel_trade_no = prefix + f"{day:%Y%m%d}" + "".join(rng.choices("0123456789", k=10))
            text = receipt_text(out_trade_no, channel, channel_trade_no, amount, paid=paid, operator=operator,
                                refund=refund)
            content = text.replace("\n", "\r\n").encode("gb18030")
            version_rows.append((made, "C:/till/print.txt", created_text, int(created.timestamp() * 1e9), len(content),
                                 hashlib.sha256(content).hexdigest(), content))
            receipt_rows.append((made, made, created_text, "REFUND" if refund else "SALE", channel, out_trade_no,
                                 channel_trade_no, amount, paid.isoformat(), operator, reference_no, text))
            unprinted = rng.random() < 0.002
            done = (created + timedelta(milliseconds=40)).isoformat(timespec="microseconds")
            job_id += 1
            key = f"receipt:{made}" if refund else out_trade_no
            # Not printed: held on the last day (the printer is out of paper now), cancelled before.
            state = "done" if not unprinted else ("held" if day == LAST_DAY else "cancelled")
            job_rows.append((job_id, made, state, 0, 1, "till_receipt", "system",
                             created_text, None if unprinted else done, None if unprinted else done, done, key, 1))
            if not unprinted:
                byte_rows.append((job_id, created_text, zlib.compress(fake_payload(text))))
            if not unprinted and rng.random() < 0.005:
                job_id += 1
                later = created + timedelta(minutes=rng.randrange(1, 120))
                at = later.isoformat(timespec="microseconds")
                reason = rng.choice(("顾客要求补打", "小票看不清", "卡纸"))
                job_rows.append((job_id, made, "done", 1, 2, reason, operator, at, at, at, at, key, 0))
                byte_rows.append((job_id, at, zlib.compress(fake_payload("重打小票 REPRINT\n" + text))))
                audit_rows.append((at, operator, made, job_id, reason, out_trade_no))
            state = "REFUNDED" if refund else "PAID"
            order_rows.append((out_trade_no, channel_trade_no, channel, state, amount, created_text, created_text,
                               created_text, json.dumps({"out_trade_no": out_trade_no}), created_text))
            if rng.random() < 0.0004:
                closed = rng.random() < 0.8
                case_rows.append(("paid_no_receipt" if rng.random() < 0.5 else "printer_fault",
                                  "closed" if closed else "open", created_text, operator, out_trade_no, amount,
                                  "PAID", "", "reprinted" if closed else None,
                                  done if closed else None, operator if closed else None))
        # Orders closed unpaid, and paid ones whose print.txt never came, a few a day.
        for extra in range(3):
            number = f"{day:%Y%m%d}9{extra:03d}"
            at = datetime(day.year, day.month, day.day, 6, tzinfo=UTC).isoformat(timespec="microseconds")
            state = ("CLOSED", "REVOKED", "PAID")[extra]
            order_rows.append((number, None, "WECHAT", state, 1000 + extra, at, at if state == "PAID" else None, at,
                               "{}", at))
        if len(receipt_rows) >= BATCH:
            flush()
    flush()
    conn.close()
    return Built(made, time.perf_counter() - started, first_day, LAST_DAY)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--receipts", type=int, default=1_000_000)
    args = parser.parse_args()
    if args.out.exists():
        parser.error(f"{args.out} exists")
    built = build(args.out, args.receipts)
    size = args.out.stat().st_size / 1e6
    print(f"{built.receipts} receipts ({built.first_day} to {built.last_day}) in {built.seconds:.0f} s, {size:.0f} MB")


if __name__ == "__main__":
    main()
