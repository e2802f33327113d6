"""The merchant platform as the technician checks it: is a key stored (never showing it), does
the platform answer a signed request, and does this computer's clock agree with the platform's.

The platform rejects requests whose timestamp is more than 300 s from its clock
(specs/merchant-platform-api.md): a till with a wrong clock cannot look up or sync any order.
The skew is measured against the `X-Timestamp` of a *verified* answer, errors included, so a
proxy or a captive portal cannot fake it.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from cashier_app.platform.client import LIST_PATH
from cashier_app.platform.credentials import (
    CredentialError,
    CredentialStore,
    account_name,
    backend_name,
    backend_warning,
    store_info,
)
from cashier_app.platform.settings import PlatformSettings
from cashier_app.platform.transport import SignedTransport, TransportFault

MAX_SKEW_S = 300  # the spec's limit: beyond it every request is TIMESTAMP_EXPIRED
WARN_SKEW_S = 60  # closer to the limit than a clock should ever drift


@dataclass(frozen=True)
class KeyLookup:
    """Whether a key is stored. The key itself is kept only to sign the probe and to scrub bundles."""

    account: str
    backend: str
    backend_warning: str | None
    present: bool
    error: str | None = None
    error_code: str | None = None
    key: str | None = field(default=None, repr=False, compare=False)
    # "system" | "file" (the app's key file) | "fallback" | "none": platform.credentials.StoreInfo.kind
    store_kind: str = "system"
    store_location: str = ""


def look_up_key(settings: PlatformSettings, timeout_s: float) -> KeyLookup:
    store = CredentialStore(settings, timeout_s=min(settings.keyring_timeout_s, timeout_s))
    account = account_name(settings)
    try:
        backend, warning, info = backend_name(settings), backend_warning(settings), store_info(settings)
    except Exception as exc:  # a broken keyring installation: report it, do not crash the diagnosis
        return KeyLookup(account, "?", None, False, f"{type(exc).__name__}: {exc}", "credential_store_unavailable")
    where = {"store_kind": info.kind, "store_location": info.location}
    try:
        key = store.get_key()
    except CredentialError as exc:
        return KeyLookup(account, backend, warning, False, str(exc), exc.code, **where)
    return KeyLookup(account, backend, warning, key is not None, key=key, **where)


@dataclass(frozen=True)
class PlatformProbe:
    """One signed list request: how it went, and the clock skew when a verified answer came back."""

    base_url: str
    reached: bool  # a verified answer came back (whatever its code)
    http_status: int | None
    code: str | None  # the envelope's code, or the transport fault's reason
    detail: str
    elapsed_ms: float
    skew_s: float | None  # platform clock minus ours; None when not measured
    request_id: str | None = None


def platform_url(settings: PlatformSettings) -> str:
    return settings.endpoint


def probe_platform(settings: PlatformSettings, key: str, timeout_s: float,
                   clock: Callable[[], float] = time.time) -> PlatformProbe:
    """Ask for one page of one order of the last minute: cheap, signed, changes nothing. WeChat Pay
    and Alipay: query an order number nobody uses (the adapter's credential check)."""
    quick = dataclasses.replace(settings, timeout_s=max(0.2, min(settings.timeout_s, timeout_s)), max_attempts=1)
    if settings.kind != "mp-v1":
        return _probe_channel(quick, key)
    transport = SignedTransport(quick, clock=clock)
    since = datetime.fromtimestamp(clock(), UTC) - timedelta(minutes=1)
    payload = {"updated_since": since.astimezone().isoformat(timespec="seconds"), "state": None,
               "page_size": 1, "cursor": None}
    started_wall, started = clock(), time.perf_counter()
    try:
        answer = transport.post(LIST_PATH, payload, key)
    except TransportFault as fault:
        return PlatformProbe(settings.base_url, False, fault.http_status, fault.reason.value, fault.detail,
                             (time.perf_counter() - started) * 1000, None)
    finally:
        transport.close()
    elapsed = time.perf_counter() - started
    skew = None
    if answer.server_timestamp is not None:
        # The server stamped its answer somewhere in the round trip: compare with its middle.
        skew = round(answer.server_timestamp - (started_wall + elapsed / 2), 1)
    return PlatformProbe(settings.base_url, True, answer.http_status, answer.code, answer.msg, elapsed * 1000,
                         skew, answer.request_id)


def _probe_channel(settings: PlatformSettings, key: str) -> PlatformProbe:
    from cashier_app.platform.adapter import CheckOutcome
    from cashier_app.platform.factory import build_adapter
    from cashier_app.platform.results import UnknownReason

    started = time.perf_counter()
    with build_adapter(settings, key_provider=lambda: key) as adapter:
        check = adapter.check_credentials()
    elapsed = (time.perf_counter() - started) * 1000
    url = platform_url(settings)
    if check.outcome is CheckOutcome.ACCEPTED:
        return PlatformProbe(url, True, None, "SUCCESS", check.answered, elapsed, check.skew_s)
    if check.reason is UnknownReason.BAD_SIGNATURE:
        return PlatformProbe(url, False, None, "bad_signature", check.detail, elapsed, None)
    if check.outcome is CheckOutcome.REJECTED:
        code = "TERMINAL_NOT_BOUND" if check.reason is UnknownReason.TERMINAL_NOT_BOUND else "SIGN_ERROR"
        return PlatformProbe(url, True, None, code, f"{check.answered}: {check.detail}", elapsed, check.skew_s)
    reason = check.reason.value if check.reason else "unreadable"
    return PlatformProbe(url, False, None, reason, f"{check.answered}: {check.detail}", elapsed, None)
