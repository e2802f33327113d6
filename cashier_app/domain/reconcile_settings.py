"""Settings of reconciliation: matching the platform's paid orders with the receipts seen."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ReconcileSettings:
    enabled: bool = True
    # One list request per interval, whatever the number of orders.
    interval_s: float = field(default=10.0, metadata={"min": 0.05, "max": 3600.0})
    # A paid order without a receipt is raised this long after payment.
    grace_s: float = field(default=20.0, metadata={"min": 0.0, "max": 3600.0})
    # Orders in CREATED/USERPAYING longer than this are raised as stuck.
    stuck_after_s: float = field(default=120.0, metadata={"min": 1.0, "max": 86400.0})
    # auto: reprint a paid order's missing receipt by itself; ask: put it in front of the cashier.
    missing_receipt: str = field(default="auto", metadata={"choices": ("auto", "ask")})
    # Platforms without a list (WeChat Pay, Alipay): at most this many order queries per interval.
    max_queries_per_poll: int = field(default=20, metadata={"min": 1, "max": 1000})
