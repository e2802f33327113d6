"""A PlatformClient for the configured platform, its key read from the OS credential store."""

from __future__ import annotations

from cashier_app.platform.client import PlatformClient
from cashier_app.platform.credentials import CredentialStore
from cashier_app.platform.settings import PlatformSettings


def build_client(settings: PlatformSettings, store: CredentialStore | None = None) -> PlatformClient:
    store = store or CredentialStore(settings)
    return PlatformClient(settings, store.key_provider())
