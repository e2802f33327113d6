"""Reconciliation tests: a fake clock, a sandbox platform, receipts the till wrote, what the reconciler told."""

from __future__ import annotations

import hashlib
import threading
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from cashier_app.domain.cases import Case
from cashier_app.domain.receipt import Receipt
from cashier_app.domain.receipt_parser import parse_receipt
from cashier_app.domain.reconcile_settings import ReconcileSettings
from cashier_app.journal.db import Journal
from cashier_app.journal.receipts import FileOutcome, ReceiptStore
from cashier_app.platform.order import Order
from cashier_app.platform.settings import PlatformSettings
from cashier_app.reconcile.platform_health import PlatformHealth
from cashier_app.sandbox import HttpSandboxControl, SandboxServer

CHINA = timezone(timedelta(hours=8))


class FakeClock:
    """Unix seconds that move only when a test says so (thread-safe enough: one float); from now,
    to the whole second, unless given a start."""

    def __init__(self, start: float | None = None) -> None:
        self.t = float(int(datetime.now(UTC).timestamp()) if start is None else start)

    def __call__(self) -> float:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += seconds

    def dt(self) -> datetime:
        return datetime.fromtimestamp(self.t, UTC)


class RequestCounter:
    """Counts the API requests the sandbox received, by path, wrapping its real handlers.

    `attempts` counts every API request (faulted ones included: each takes a fault ticket);
    `handled` only those the platform carried out.
    """

    def __init__(self, server: SandboxServer) -> None:
        self.handled: Counter[str] = Counter()
        self.attempts = 0
        self._lock = threading.Lock()
        handle, take = server.api.handle, server.faults.take

        def counted_handle(method: str, path: str, headers: Any, body: bytes) -> Any:
            with self._lock:
                self.handled[path.rsplit("/", 1)[-1]] += 1
            return handle(method, path, headers, body)

        def counted_take() -> Any:
            with self._lock:
                self.attempts += 1
            return take()

        setattr(server.api, "handle", counted_handle)  # noqa: B010 (instance attribute over the method)
        setattr(server.faults, "take", counted_take)  # noqa: B010

    @property
    def lists(self) -> int:
        return self.handled["list"]

    @property
    def queries(self) -> int:
        return self.handled["query"]


@dataclass
class Platform:
    server: SandboxServer
    control: HttpSandboxControl
    clock: FakeClock
    requests: RequestCounter

    def order(self, number: str, state: str = "PAID", *, age_s: float = 60.0, paid_after_s: float = 5.0,
              **extra: Any) -> dict[str, Any]:
        """Create an order `age_s` ago; a paid one paid `paid_after_s` after creation."""
        created = self.clock() - age_s
        partial: dict[str, Any] = {"out_trade_no": number, "state": state, "total_amount": 1250,
                                   "channel": "WECHAT", "created_at": created, **extra}
        if state in ("PAID", "PARTIAL_REFUNDED", "REFUNDED"):
            partial.setdefault("paid_at", created + paid_after_s)
        return self.control.create_orders([partial])[0]


def fast_platform_settings(base_url: str, **overrides: Any) -> PlatformSettings:
    values: dict[str, Any] = {"base_url": base_url, "timeout_s": 2.0, "max_attempts": 2, "retry_budget_s": 5.0,
                              "backoff_base_s": 0.01, "backoff_max_s": 0.02}
    values.update(overrides)
    return PlatformSettings(**values)


def settings(**overrides: Any) -> ReconcileSettings:
    values: dict[str, Any] = {"interval_s": 10.0, "grace_s": 20.0, "stuck_after_s": 120.0, "missing_receipt": "ask"}
    values.update(overrides)
    return ReconcileSettings(**values)


@dataclass
class Heard:
    """What the reconciler told its listeners."""

    cases: list[tuple[Case, bool]] = field(default_factory=list)
    health: list[PlatformHealth] = field(default_factory=list)
    printed: list[str] = field(default_factory=list)

    def on_case(self, case: Case, created: bool) -> None:
        self.cases.append((case, created))

    def on_platform(self, health: PlatformHealth) -> None:
        self.health.append(health)

    def print_missing_receipt(self, order: Order) -> int | None:
        self.printed.append(order.out_trade_no)
        return 100 + len(self.printed)


def wechat_print_txt(out_trade_no: str | None, amount_fen: int, paid_at: datetime) -> bytes:
    """A print.txt as the payment interface's default WeChat template writes it (GBK, CRLF)."""
    local = paid_at.astimezone(CHINA)
    lines = [
        "        聚合支付 签购单",
        "--------------------------------",
        "商户名称：星河便利店(科技园店)",
        "商户编号：M100001",
        "终端编号：T0001",
        "操作员：01",
        "交易类型：微信支付 付款码",
        *([f"商户订单号：{out_trade_no}"] if out_trade_no else []),
        f"交易时间：{local:%Y-%m-%d %H:%M:%S}",
        f"金额：RMB {amount_fen // 100}.{amount_fen % 100:02d}",
        "--------------------------------",
        "        谢谢惠顾，欢迎再次光临",
    ]
    return "\r\n".join(lines).encode("gb18030") + b"\r\n"


def bank_card_print_txt(samples: Path) -> bytes:
    return (samples / "bank-card-mispos-gbk.txt").read_bytes()


def record_receipt(journal: Journal, content: bytes, seen_at: datetime, *, training: bool = False) -> int:
    """Archive and record one print.txt write through the real ReceiptStore, as the intake does."""
    receipt = parse_receipt(content)
    assert isinstance(receipt, Receipt), receipt
    store = ReceiptStore(journal)
    seen = seen_at.astimezone(UTC).isoformat(timespec="microseconds")
    with journal.tx() as conn:
        version = store.add_file_version(path="C:/till/print.txt", seen_at=seen, mtime_ns=0, size=len(content),
                                         sha256=hashlib.sha256(content + seen.encode()).hexdigest(),
                                         content=content, outcome=FileOutcome.RECEIPT, conn=conn)
        record = store.add_receipt(version, receipt, created_at=seen, training=training, conn=conn)
    return record.id


def sale(journal: Journal, clock: FakeClock, out_trade_no: str, *, amount: int = 1250, ago_s: float = 0.0,
         training: bool = False) -> int:
    """The till printed the sale receipt of `out_trade_no` `ago_s` seconds ago."""
    at = clock.dt() - timedelta(seconds=ago_s)
    return record_receipt(journal, wechat_print_txt(out_trade_no, amount, at), at, training=training)


def refund_print_txt(out_trade_no: str, amount_fen: int, at: datetime) -> bytes:
    """A refund slip as the payment interface's default template writes it (docs/samples: refund-utf8-lf.txt)."""
    local = at.astimezone(CHINA)
    lines = [
        "        聚合支付 退款单",
        "--------------------------------",
        "商户名称：星河便利店(科技园店)",
        "终端编号：T0001",
        "操作员：01",
        "交易类型：微信支付 退款",
        f"商户订单号：{out_trade_no}",
        f"退款单号：R{out_trade_no}",
        f"交易时间：{local:%Y-%m-%d %H:%M:%S}",
        f"退款金额：RMB {amount_fen // 100}.{amount_fen % 100:02d}",
        "--------------------------------",
    ]
    return "\n".join(lines).encode("utf-8") + b"\n"


def refund(journal: Journal, clock: FakeClock, out_trade_no: str, *, amount: int = 1250, ago_s: float = 0.0) -> int:
    """The till printed a refund slip for `out_trade_no` `ago_s` seconds ago."""
    at = clock.dt() - timedelta(seconds=ago_s)
    return record_receipt(journal, refund_print_txt(out_trade_no, amount, at), at)
