"""The adapter of the configured platform (`[platform] kind`), its secret read from the OS credential store."""

from __future__ import annotations

from cashier_app.platform.adapter import PlatformAdapter
from cashier_app.platform.channel_adapter import KeyProvider, RefundLedger
from cashier_app.platform.client import PlatformClient
from cashier_app.platform.credentials import CredentialStore
from cashier_app.platform.settings import PlatformSettings


def build_adapter(settings: PlatformSettings, store: CredentialStore | None = None, *,
                  key_provider: KeyProvider | None = None, refunds: RefundLedger | None = None) -> PlatformAdapter:
    """`key_provider` overrides the credential store (the demo's sandbox keys); `refunds` tells the
    channel adapters the refunds the bills showed (to prove a WeChat REFUND full)."""
    if key_provider is None:
        key_provider = (store or CredentialStore(settings)).key_provider()
    if settings.kind == "wechatpay-v3":
        from cashier_app.platform.wechatpay.client import WechatPayAdapter

        return WechatPayAdapter(settings, key_provider, refunds=refunds)
    if settings.kind == "alipay":
        from cashier_app.platform.alipay.client import AlipayAdapter

        return AlipayAdapter(settings, key_provider, refunds=refunds)
    return PlatformClient(settings, key_provider)


def build_client(settings: PlatformSettings, store: CredentialStore | None = None) -> PlatformAdapter:
    """The configured platform's adapter (the name the commands have always used)."""
    return build_adapter(settings, store)
