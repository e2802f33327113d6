"""Who the app is to the sandbox, in one place: the merchant, terminal and key of MP API v1 (the WeChat
Pay and Alipay emulators' ids and key pairs are in emulator_keys.py), and the platform settings and
secret that point the app at a running sandbox (the demo, training, `cashier-app sandbox`).

The key is public on purpose: it signs requests to a server on loopback that holds no real money.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from cashier_app.platform.settings import PlatformSettings

if TYPE_CHECKING:  # the key pairs' module imports nothing of the sandbox's: no cycle; loaded when used
    from cashier_app.sandbox.emulator_keys import AlipayKeys, WechatKeys

MERCHANT_NO = "M100001"
TERMINAL_NO = "T0001"
KEY = "sandbox-key-T0001-please-change"


class RunningSandbox(Protocol):
    """What `settings_for` reads of a running sandbox (sandbox.server.SandboxServer is one). The server's API
    imports this module for the ids and the key, so this module does not import the server back."""

    @property
    def base_url(self) -> str: ...

    @property
    def channel_keys(self) -> WechatKeys | AlipayKeys | None: ...

    @property
    def keys_dir(self) -> Path | None: ...


def settings_for(sandbox: RunningSandbox, settings: PlatformSettings) -> tuple[PlatformSettings, str]:
    """`settings` pointed at the running `sandbox` for the platform it plays, and the secret to sign with."""
    from cashier_app.platform import rsa_keys
    from cashier_app.sandbox import emulator_keys as ek

    keys = sandbox.channel_keys
    if isinstance(keys, ek.WechatKeys) and sandbox.keys_dir is not None:
        wechat = dataclasses.replace(
            settings.wechatpay, base_url=sandbox.base_url, mchid=ek.WECHAT_MCHID, sp_mchid="", sub_mchid="",
            merchant_serial_no=keys.merchant_serial, public_key_id=keys.public_key_id,
            public_key_file=str(sandbox.keys_dir / ek.WECHAT_FILES["public_key"]), platform_certificate_file="",
            bill_device="")
        return (dataclasses.replace(settings, kind="wechatpay-v3", wechatpay=wechat),
                rsa_keys.to_compact(keys.merchant))
    if isinstance(keys, ek.AlipayKeys) and sandbox.keys_dir is not None:
        alipay = dataclasses.replace(
            settings.alipay, gateway_url=sandbox.base_url + "/gateway.do", app_id=ek.ALIPAY_APP_ID,
            public_key_file=str(sandbox.keys_dir / ek.ALIPAY_FILES["public_key"]), bill_terminal="", bill_store="")
        return dataclasses.replace(settings, kind="alipay", alipay=alipay), rsa_keys.to_compact(keys.app)
    return (dataclasses.replace(settings, kind="mp-v1", base_url=sandbox.base_url, merchant_no=MERCHANT_NO,
                                terminal_no=TERMINAL_NO), KEY)
