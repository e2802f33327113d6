from __future__ import annotations

from cashier_app.platform.credentials import CredentialStore
from cashier_app.platform.settings import PlatformSettings


def test_a_corrected_key_is_used_at_once_despite_the_cache() -> None:
    settings = PlatformSettings()
    running = CredentialStore(settings)
    running.set_key("first-key-0123456789")
    provide = running.key_provider(cache_s=300)
    assert provide() == "first-key-0123456789"
    # The technician fixes the key from the settings dialog (another store object, same account).
    CredentialStore(settings).set_key("second-key-0123456789")
    assert provide() == "second-key-0123456789"
