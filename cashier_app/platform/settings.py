"""Merchant platform settings. The API key is never here: it lives in the OS keyring."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class PlatformSettings:
    base_url: str = field(default="http://127.0.0.1:8765", metadata={"pattern": r"^https?://[^\s/]+(:\d+)?(/.*)?$"})
    merchant_no: str = field(default="M100001", metadata={"pattern": r"^[A-Za-z0-9_-]{1,32}$"})
    terminal_no: str = field(default="T0001", metadata={"pattern": r"^[A-Za-z0-9_-]{1,32}$"})
    timeout_s: float = field(default=5.0, metadata={"min": 0.2, "max": 60.0})
    # A CA bundle for a platform behind a private CA; empty = the system's. TLS is always verified.
    ca_bundle: str = ""
    # An HTTP(S) proxy for the platform, e.g. "http://proxy.store.lan:3128"; empty = none. Proxies
    # from the environment are not used, so that a stray variable cannot reroute the till's payments.
    proxy_url: str = field(default="", metadata={"pattern": r"^(https?://[^\s/]+(:\d+)?/?)?$"})
    # Service name under which the key is stored in the OS credential store.
    keyring_service: str = "cashier-app"
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
