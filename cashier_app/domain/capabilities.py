"""What a payment platform can do for the till (design.md, "Platforms are adapters").

Each platform adapter declares these; the cashier's guidance, the lookup page, reconciliation and
the command line follow them, so that no button is offered for a call the platform does not have.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class PlatformKind(StrEnum):
    MP_V1 = "mp-v1"  # the merchant platform API v1 (an aggregator that owns the order)
    WECHATPAY_V3 = "wechatpay-v3"  # WeChat Pay API v3, the payment channel itself
    ALIPAY = "alipay"  # the Alipay open platform gateway, the payment channel itself


class SyncKind(StrEnum):
    ASKS_CHANNEL = "asks_channel"  # a sync call makes the platform ask the channel again (补单)
    FRESH_QUERY = "fresh_query"  # the platform is the channel: querying again is the truth


@dataclass(frozen=True)
class Capabilities:
    kind: PlatformKind
    query_by_merchant_no: bool = True
    query_by_channel_no: bool = True
    sync: SyncKind = SyncKind.ASKS_CHANNEL
    close: bool = True
    list: bool = True  # a list of the terminal's orders to poll (reconciliation during the day)
    daily_bill: bool = False  # a bill of the day to download the next morning

    @property
    def channel_is_platform(self) -> bool:
        """The platform is the payment channel: there is nobody further to ask."""
        return self.sync is SyncKind.FRESH_QUERY


MP_V1 = Capabilities(PlatformKind.MP_V1)
WECHATPAY_V3 = Capabilities(PlatformKind.WECHATPAY_V3, sync=SyncKind.FRESH_QUERY, list=False, daily_bill=True)
ALIPAY = Capabilities(PlatformKind.ALIPAY, sync=SyncKind.FRESH_QUERY, list=False, daily_bill=True)

BY_KIND = {c.kind: c for c in (MP_V1, WECHATPAY_V3, ALIPAY)}
