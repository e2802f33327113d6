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
    # Service name under which the key is stored in the OS credential store.
    keyring_service: str = "cashier-app"
