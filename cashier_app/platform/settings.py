"""Payment platform settings. Secrets are never here: they live in the OS credential store.

`kind` chooses the platform: the merchant platform API v1 (`mp-v1`, the keys at the top of
`[platform]`), WeChat Pay API v3 (`[platform.wechatpay]`) or Alipay (`[platform.alipay]`). The
settings every platform shares (time-outs, retries, TLS, proxy, the credential store) stay at the
top. Public keys and certificates of the platforms are files in the config folder; a relative file
name is read from there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

_URL = r"^https?://[^\s/]+(:\d+)?(/.*)?$"


@dataclass
class WechatPaySettings:
    """WeChat Pay API v3 (specs/real-platforms.md §1). A direct merchant (直连商户) sets `mchid`; a
    store onboarded under a service provider (服务商) sets `sp_mchid` and `sub_mchid` instead."""

    base_url: str = field(default="https://api.mch.weixin.qq.com", metadata={"pattern": _URL})
    mchid: str = field(default="", metadata={"pattern": r"^(\d{6,32})?$"})
    sp_mchid: str = field(default="", metadata={"pattern": r"^(\d{6,32})?$"})
    sub_mchid: str = field(default="", metadata={"pattern": r"^(\d{6,32})?$"})
    # The serial of the merchant API certificate (商户API证书序列号), upper-case hex.
    merchant_serial_no: str = field(default="", metadata={"pattern": r"^([0-9A-Fa-f]{8,64})?$"})
    # Public-key mode (微信支付公钥): its ID and the file holding it. Empty ID: platform-certificate mode.
    public_key_id: str = field(default="", metadata={"pattern": r"^(PUB_KEY_ID_[0-9A-Za-z_]{1,64})?$"})
    public_key_file: str = "wechatpay_public_key.pem"
    # Platform-certificate mode (平台证书): one or more certificates (PEM, concatenated during a rotation).
    platform_certificate_file: str = "wechatpay_platform_certificates.pem"
    # Where the merchant's bill covers several tills: this till's 设备号 (device_info); empty = all rows.
    bill_device: str = field(default="", metadata={"pattern": r"^[\x21-\x7e]{0,32}$"})

    @property
    def partner(self) -> bool:
        return bool(self.sub_mchid)

    @property
    def request_mchid(self) -> str:
        """The merchant making the request: the provider's number in service-provider mode."""
        return self.sp_mchid if self.partner else self.mchid


@dataclass
class AlipaySettings:
    """Alipay open platform gateway, RSA2 (specs/real-platforms.md §2)."""

    gateway_url: str = field(default="https://openapi.alipay.com/gateway.do", metadata={"pattern": _URL})
    app_id: str = field(default="", metadata={"pattern": r"^(\d{8,32})?$"})
    # Alipay's public key (支付宝公钥, not the app's), PEM.
    public_key_file: str = "alipay_public_key.pem"
    # Where the merchant's bill covers several tills or stores: this till's 终端号 / 门店编号.
    bill_terminal: str = field(default="", metadata={"pattern": r"^[\x21-\x7e]{0,32}$"})
    bill_store: str = field(default="", metadata={"pattern": r"^[\x21-\x7e]{0,32}$"})


@dataclass
class PlatformSettings:
    kind: str = field(default="mp-v1", metadata={"choices": ("mp-v1", "wechatpay-v3", "alipay")})
    # -- MP API v1 ------------------------------------------------------------------------------
    base_url: str = field(default="http://127.0.0.1:8765", metadata={"pattern": _URL})
    merchant_no: str = field(default="M100001", metadata={"pattern": r"^[A-Za-z0-9_-]{1,32}$"})
    terminal_no: str = field(default="T0001", metadata={"pattern": r"^[A-Za-z0-9_-]{1,32}$"})
    # -- shared by every platform ---------------------------------------------------------------
    timeout_s: float = field(default=5.0, metadata={"min": 0.2, "max": 60.0})
    # Every exchange with the platform ends within this time, however slowly the answer comes
    # (connecting, the headers and the whole body); an answer still coming then is "state unknown".
    deadline_s: float = field(default=10.0, metadata={"min": 0.5, "max": 120.0})
    # A CA bundle for a platform behind a private CA; empty = the system's. TLS is always verified.
    ca_bundle: str = ""
    # An HTTP(S) proxy for the platform, e.g. "http://proxy.store.lan:3128"; empty = none. Proxies
    # from the environment are not used, so that a stray variable cannot reroute the till's payments.
    proxy_url: str = field(default="", metadata={"pattern": r"^(https?://[^\s/]+(:\d+)?/?)?$"})
    # Service name under which the key is stored in the OS credential store.
    keyring_service: str = "cashier-app"
    # Where secrets are kept: "auto" = the OS credential store, or this app's key file where the
    # computer has none (a Linux till without a desktop session); "system" = the OS store only;
    # "file" = the key file (platform/key_file.py says what protects it).
    key_storage: str = field(default="auto", metadata={"choices": ("auto", "system", "file")})
    # Retries (only where the spec says they are safe): at most this many attempts per call ...
    max_attempts: int = field(default=4, metadata={"min": 1, "max": 10})
    # ... and never longer than this in total, waits included.
    retry_budget_s: float = field(default=20.0, metadata={"min": 1.0, "max": 300.0})
    # Exponential back-off between attempts (full jitter), from base up to max.
    backoff_base_s: float = field(default=0.5, metadata={"min": 0.01, "max": 10.0})
    backoff_max_s: float = field(default=5.0, metadata={"min": 0.05, "max": 60.0})
    # A credential store that does not answer within this time (a locked Secret Service waiting on
    # an unlock prompt nobody sees) is reported as unavailable instead of hanging the app.
    keyring_timeout_s: float = field(default=5.0, metadata={"min": 0.5, "max": 60.0})
    # -- the other platforms --------------------------------------------------------------------
    wechatpay: WechatPaySettings = field(default_factory=WechatPaySettings)
    alipay: AlipaySettings = field(default_factory=AlipaySettings)
    # The folder of the config file these settings came from (not a setting: set when loaded).
    config_dir: Path | None = field(default=None, compare=False, repr=False, metadata={"internal": True})

    @property
    def endpoint(self) -> str:
        """Where the chosen platform is: its base URL, or Alipay's gateway."""
        if self.kind == "wechatpay-v3":
            return self.wechatpay.base_url
        if self.kind == "alipay":
            return self.alipay.gateway_url
        return self.base_url

    def file_path(self, name: str) -> Path:
        """A key or certificate file named in the settings: a relative name is in the config folder."""
        path = Path(name).expanduser()
        if path.is_absolute() or self.config_dir is None:
            return path
        return self.config_dir / path

    def problems(self) -> list[tuple[str, str]]:  # noqa: C901 - one check per setting a platform kind needs, in the config file's order
        """(key, what is wrong) for settings the chosen kind needs and does not have; [] when usable.

        Keys are named as in the config file, below `platform.`.
        """
        found: list[tuple[str, str]] = []
        if self.kind == "wechatpay-v3":
            w = self.wechatpay
            needed = "is required when platform.kind is 'wechatpay-v3'"
            if w.sub_mchid or w.sp_mchid:
                if not w.sp_mchid:
                    found.append(("wechatpay.sp_mchid", f"{needed} with a sub_mchid (service-provider mode)"))
                if not w.sub_mchid:
                    found.append(("wechatpay.sub_mchid", f"{needed} with an sp_mchid (service-provider mode)"))
                if w.mchid:
                    found.append(("wechatpay.mchid", "give either mchid (direct merchant) or sp_mchid and sub_mchid "
                                                     "(service provider), not both"))
            elif not w.mchid:
                found.append(("wechatpay.mchid", f"{needed} (or sp_mchid and sub_mchid for a service provider)"))
            if not w.merchant_serial_no:
                found.append(("wechatpay.merchant_serial_no", f"{needed}: the serial of the merchant API certificate"))
            if w.public_key_id and not w.public_key_file:
                found.append(("wechatpay.public_key_file", "is required with a public_key_id"))
            if not w.public_key_id and not w.platform_certificate_file:
                found.append(("wechatpay.public_key_id", "give the WeChat Pay public key ID (PUB_KEY_ID_...) or a "
                                                         "platform_certificate_file"))
        elif self.kind == "alipay":
            if not self.alipay.app_id:
                found.append(("alipay.app_id", "is required when platform.kind is 'alipay'"))
            if not self.alipay.public_key_file:
                found.append(("alipay.public_key_file", "is required when platform.kind is 'alipay'"))
        return found
