"""The demo's till: writes a realistic print.txt into the demo inbox every few seconds.

Each write is one of the demo receipts in receipts/demo/ with a fresh merchant order number,
third-party number and time, in the file's own encoding, written the way tills do (a temporary
file renamed over print.txt). Before writing it, the matching paid order is created on the
sandbox platform, so reconciliation finds every receipt's order. Every `missing_every`-th order
is paid but its print.txt is "lost", so the demo also shows a paid order with no receipt.
"""

from __future__ import annotations

import logging
import os
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from itertools import count
from pathlib import Path

from cashier_app.assets import demo_receipts_dir
from cashier_app.domain.local_time import store_now
from cashier_app.domain.receipt import Receipt
from cashier_app.domain.receipt_parser import parse_receipt

log = logging.getLogger(__name__)

_TIME_PATTERNS = (
    (re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}"), "%Y-%m-%d %H:%M:%S"),
    (re.compile(r"\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2}"), "%Y/%m/%d %H:%M:%S"),
)


@dataclass(frozen=True)
class DemoOrder:
    out_trade_no: str
    channel_trade_no: str | None
    amount: int
    channel: str | None
    paid_at: datetime
    receipt_written: bool


@dataclass
class _Template:
    data: bytes
    encoding: str
    receipt: Receipt


def load_templates(folder: Path) -> list[_Template]:
    templates = []
    for path in sorted(folder.glob("*.txt")):
        data = path.read_bytes()
        result = parse_receipt(data)
        if isinstance(result, Receipt) and result.out_trade_no:
            templates.append(_Template(data, result.encoding, result))
    return templates


def rewrite(template: _Template, out_trade_no: str, channel_trade_no: str | None, now: datetime) -> bytes:
    """The template's text with new numbers and time, in its own encoding (BOM kept)."""
    bom = template.data.startswith(b"\xef\xbb\xbf")
    raw = template.data[3:] if bom else template.data
    text = raw.decode(template.encoding)
    old = template.receipt
    assert old.out_trade_no is not None
    text = text.replace(old.out_trade_no, out_trade_no)
    if old.channel_trade_no and channel_trade_no:
        text = text.replace(old.channel_trade_no, channel_trade_no)
    for pattern, fmt in _TIME_PATTERNS:
        text = pattern.sub(now.strftime(fmt), text)
    encoded = text.encode(template.encoding)
    return (b"\xef\xbb\xbf" + encoded) if bom else encoded


class DemoFeeder:
    """A thread that plays the till. `create_paid_order(no, channel_no, amount, channel)` is the sandbox's."""

    def __init__(
        self,
        inbox: Path,
        create_paid_order: Callable[[DemoOrder], None],
        *,
        interval_s: float = 4.0,
        missing_every: int = 7,
        templates_dir: Path | None = None,
        zone: tzinfo = UTC,
        clock: Callable[[], datetime] | None = None,
        channel: str | None = None,
    ) -> None:
        """`channel` (WECHAT, ALIPAY): only that channel's receipts, for a store on WeChat Pay or Alipay."""
        self.inbox = inbox
        self._create = create_paid_order
        self._interval = interval_s
        self._missing_every = missing_every
        self._templates = load_templates(templates_dir or demo_receipts_dir())
        if channel is not None:
            own = [t for t in self._templates if t.receipt.channel is not None and t.receipt.channel.value == channel]
            self._templates = own or self._templates
        if not self._templates:
            raise RuntimeError(f"no demo receipts found in {templates_dir or demo_receipts_dir()}")
        # The demo till prints the store's time, as a till does (the app reads it with [parser] utc_offset).
        self._clock = clock or (lambda: store_now(zone))
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._serial = count(1)
        self.orders: list[DemoOrder] = []

    def start(self) -> None:
        self.inbox.mkdir(parents=True, exist_ok=True)
        self._thread = threading.Thread(target=self._run, name="demo-feeder", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def _run(self) -> None:
        # The first receipt arrives at once, so a newcomer sees the path working within seconds.
        while not self._stop.is_set():
            try:
                self.feed_one()
            except Exception:
                log.exception("demo feeder: could not write a demo receipt")
            self._stop.wait(self._interval)

    def feed_one(self) -> DemoOrder:
        n = next(self._serial)
        now = self._clock().replace(microsecond=0)
        template = self._templates[(n - 1) % len(self._templates)]
        out_trade_no = f"{now:%Y%m%d}{now:%H%M%S}{n % 100:02d}"
        channel_no = _channel_number(template.receipt, now, n)
        amount = template.receipt.amount or 100
        written = n % self._missing_every != 0
        order = DemoOrder(out_trade_no, channel_no, amount, template.receipt.channel, now, written)
        self._create(order)
        if written:
            data = rewrite(template, out_trade_no, channel_no, now)
            tmp = self.inbox / f".print-{n}.tmp"
            tmp.write_bytes(data)
            os.replace(tmp, self.inbox / "print.txt")
        self.orders.append(order)
        log.info("demo till: order %s paid, receipt %s", out_trade_no, "written" if written else "lost")
        return order


def _channel_number(receipt: Receipt, now: datetime, n: int) -> str | None:
    if not receipt.channel_trade_no:
        return None
    old = receipt.channel_trade_no
    stamp = f"{now:%Y%m%d%H%M%S}{n:04d}"
    return (old[: len(old) - len(stamp)] + stamp) if len(old) > len(stamp) else stamp[-len(old):]
