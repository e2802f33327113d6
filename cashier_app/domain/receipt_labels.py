"""The print.txt label lists (specs/print-txt.md). Defaults here; a store's own live in configuration."""

from __future__ import annotations

from dataclasses import dataclass, field

DEFAULT_LABELS: dict[str, list[str]] = {
    "out_trade_no": ["商户订单号", "平台订单号", "商户单号", "订单号"],
    "channel_trade_no": ["第三方订单号", "交易单号", "微信支付单号", "支付宝交易号", "渠道订单号"],
    "amount": ["实付金额", "实付", "支付金额", "退款金额", "金额", "合计"],
    "paid_at": ["交易时间", "支付时间", "日期/时间", "日期时间", "日期"],
    "merchant_no": ["商户编号", "商户号"],
    "terminal_no": ["终端编号", "终端号", "机号"],
    "operator": ["操作员", "操作员号", "收银员"],
    "reference_no": ["参考号", "检索参考号"],
}


def _default_labels() -> dict[str, list[str]]:
    return {key: list(values) for key, values in DEFAULT_LABELS.items()}


@dataclass
class ParserSettings:
    """How print.txt files are read."""

    # Field name → labels, most preferred first. Keys must be fields of the receipt.
    labels: dict[str, list[str]] = field(default_factory=_default_labels)
    # Files larger than this are not receipts (the spec says 64 KiB).
    max_bytes: int = field(default=65536, metadata={"min": 1024, "max": 1048576})
    # A store's own templates: label fingerprint (see `cashier-app parse`) → name, added to the built-in ones.
    templates: dict[str, str] = field(default_factory=dict)
    # Store time zone offset, for receipt times that carry none.
    utc_offset: str = field(default="+08:00", metadata={"pattern": r"^[+-]\d\d:\d\d$"})
