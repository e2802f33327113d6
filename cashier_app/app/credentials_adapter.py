"""The key dialog's view of the platform: the OS credential store and a signed check request."""

from __future__ import annotations

from cashier_app.domain.audit import AuditAction
from cashier_app.journal.audit import AuditStore
from cashier_app.platform.adapter import CheckOutcome
from cashier_app.platform.credentials import CredentialStore, account_name, store_info
from cashier_app.platform.factory import build_adapter
from cashier_app.platform.results import UnknownReason
from cashier_app.platform.settings import PlatformSettings
from cashier_app.ui.credentials_dialog import CredentialState, KeyCheck


class PlatformCredentials:
    """CredentialServices over the configured platform. The key only passes through; it is kept
    by the OS credential store, never in a field of this object."""

    def __init__(self, settings: PlatformSettings, *, audit: AuditStore | None = None, actor: str = "",
                 approved_by: str | None = None, training: bool = False) -> None:
        self.settings = settings
        self.store = CredentialStore(settings)
        # Who opened the key dialog (and the manager who allowed it): a key stored is written to the audit trail.
        self._audit = audit
        self._actor = actor
        self._approved_by = approved_by
        self._training = training

    def credential_state(self) -> CredentialState:
        try:
            has_key = self.store.has_key()
        except Exception:
            has_key = False
        info = store_info(self.settings)
        return CredentialState(info.backend, has_key, account_name(self.settings), store_kind=info.kind,
                               store_name=info.name, store_location=info.location)

    def store_key(self, key: str) -> None:
        self.store.set_key(key)
        if self._audit is not None:
            # That the key changed, for which account: never the key, not even a part of it.
            self._audit.record(AuditAction.KEY_CHANGED, self._actor or "?", detail=account_name(self.settings),
                               approved_by=self._approved_by, training=self._training)

    def check_key(self) -> KeyCheck:
        if not self.store.has_key():
            return KeyCheck(False, "credentials_missing")
        with build_adapter(self.settings, key_provider=self.store.key_provider(cache_s=0)) as adapter:
            check = adapter.check_credentials()
        if check.outcome is CheckOutcome.ACCEPTED:
            return KeyCheck(True, "ok")
        if check.reason in (UnknownReason.CREDENTIALS, UnknownReason.BAD_SIGNATURE):
            # With a wrong key the platform's answers cannot be verified either: both mean "wrong key".
            return KeyCheck(False, UnknownReason.CREDENTIALS.value, check.detail)
        reason = check.reason or UnknownReason.UNREADABLE
        return KeyCheck(False, reason.value, check.detail)
