"""Examples given by the specs in docs/specs/, shared by the tests of both sides."""

from __future__ import annotations

from typing import Any

# The Order example of merchant-platform-api.md, field for field.
SPEC_ORDER: dict[str, Any] = {
    "out_trade_no": "202611220001",
    "channel_trade_no": "4200001234202611221234567890",
    "channel": "WECHAT",
    "trade_type": "MICROPAY",
    "state": "PAID",
    "channel_state": "SUCCESS",
    "total_amount": 1250,
    "paid_amount": 1250,
    "refund_amount": 0,
    "subject": "门店消费",
    "store_no": "S001",
    "terminal_no": "T0001",
    "operator": "01",
    "created_at": "2026-11-22T10:31:01+08:00",
    "paid_at": "2026-11-22T10:31:05+08:00",
    "updated_at": "2026-11-22T10:31:05+08:00",
    "last_synced_at": None,
}
