"""One signed exchange with the platform: the exact bytes sent, signed; the answer verified first.

Nothing in an answer is read before its signature over the exact body bytes has been verified;
an answer that is not signed, wrongly signed or signed with a probe is a transport fault.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import requests

from cashier_app import __version__
from cashier_app.platform import signing
from cashier_app.platform.http_deadline import DeadlineWatch, Exchange, TrackingAdapter, WatchClosed
from cashier_app.platform.results import UnknownReason
from cashier_app.platform.retry import parse_retry_after
from cashier_app.platform.settings import PlatformSettings

log = logging.getLogger(__name__)

# An answer larger than this is not an MP API answer (a list page of 200 orders is ~150 kB).
MAX_ANSWER_BYTES = 8_000_000
_CHUNK = 65536


@dataclass(frozen=True)
class Envelope:
    """A verified answer: `{"code", "msg", "request_id", "data"}` plus what the headers said."""

    http_status: int
    code: str
    msg: str
    request_id: str | None
    data: Any
    retry_after: float | None
    server_timestamp: int | None


class TransportFault(Exception):
    """No verified answer. `retryable`: trying again could help (the request may be repeated)."""

    def __init__(self, reason: UnknownReason, detail: str, *, retryable: bool, http_status: int | None = None) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail
        self.retryable = retryable
        self.http_status = http_status


def encode_body(payload: dict[str, Any]) -> bytes:
    """The spec's body: compact JSON, UTF-8, non-ASCII characters as they are."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


@dataclass(frozen=True)
class RawAnswer:
    """An HTTP answer exactly as received: nothing in it is verified or read yet."""

    status: int
    headers: Any  # a case-insensitive mapping
    content: bytes
    elapsed_ms: float


class HttpTransport:
    """Sends requests over one requests.Session per thread (sessions are not thread-safe).

    Shared by every platform adapter: no retries below the adapter (it decides what may be
    repeated), TLS always verified (`ca_bundle` for a private CA), no proxy or netrc picked up from
    the environment, redirects never followed (a signed answer comes from the platform or not at all).
    Every exchange ends by its deadline (settings.deadline_s, or the caller's retry budget when that
    ends sooner), however slowly the answer comes, and reading stops at the size cap: a trickling or
    endless answer is a time-out or an unreadable answer ("state unknown"), never a hang.
    """

    def __init__(self, settings: PlatformSettings) -> None:
        self._settings = settings
        self._verify: bool | str = settings.ca_bundle or True
        self._local = threading.local()
        self._sessions: list[requests.Session] = []
        self._lock = threading.Lock()
        self._watch = DeadlineWatch()

    def _session(self) -> requests.Session:
        session: requests.Session | None = getattr(self._local, "session", None)
        if session is None:
            session = requests.Session()
            # No retries below us: the client decides what may be repeated, with which key.
            adapter = TrackingAdapter(max_retries=0, pool_connections=1, pool_maxsize=2)
            session.mount("http://", adapter)
            session.mount("https://", adapter)
            session.trust_env = False  # no proxies or netrc credentials picked up from the environment
            if self._settings.proxy_url:
                session.proxies = {"http": self._settings.proxy_url, "https": self._settings.proxy_url}
            self._local.session = session
            with self._lock:
                self._sessions.append(session)
        return session

    def close(self) -> None:
        """Stop: exchanges still running are cut (CANCELLED), connections are closed."""
        self._watch.close()
        with self._lock:
            sessions, self._sessions = self._sessions, []
        for session in sessions:
            session.close()

    def send(self, method: str, url: str, *, headers: dict[str, str], body: bytes | None = None,
             max_bytes: int = MAX_ANSWER_BYTES, deadline: float | None = None) -> RawAnswer:
        """One request, one answer of at most `max_bytes`, all of it by the deadline: settings.deadline_s
        from now, or `deadline` (time.monotonic(), the end of the caller's retry budget) when sooner.
        Raises TransportFault when no whole answer came."""
        started = time.monotonic()
        end = started + self._settings.deadline_s
        if deadline is not None:
            end = min(end, deadline)
        allowed = end - started
        if allowed <= 0:
            raise TransportFault(UnknownReason.TIMEOUT, "no time left for another attempt", retryable=False)
        timeout = min(self._settings.timeout_s, allowed)
        headers = {"User-Agent": f"cashier-app/{__version__}",
                   # Signatures cover the body bytes as sent: no transfer compression in between.
                   "Accept-Encoding": "identity", **headers}
        try:
            with self._watch.exchange(end) as exchange:
                status, answer_headers, content = self._exchange(method, url, headers, body, timeout=timeout,
                                                                 max_bytes=max_bytes, exchange=exchange)
        except WatchClosed:
            raise TransportFault(UnknownReason.CANCELLED, "the app is stopping", retryable=False) from None
        elapsed_ms = (time.monotonic() - started) * 1000
        log.debug("%s %s -> HTTP %s, %d bytes in %.1f ms", method, urlsplit(url).path, status, len(content),
                  elapsed_ms)
        return RawAnswer(status, answer_headers, content, elapsed_ms)

    def _exchange(self, method: str, url: str, headers: dict[str, str], body: bytes | None, *, timeout: float,
                  max_bytes: int, exchange: Exchange) -> tuple[int, Any, bytes]:
        try:
            response = self._session().request(
                method, url, data=body, headers=headers, timeout=(timeout, timeout),
                verify=self._verify, allow_redirects=False, stream=True,
            )
            try:
                content = _read_capped(response, max_bytes)
            finally:
                response.close()
        except requests.exceptions.SSLError as exc:
            if exchange.cut:
                raise self._cut(exchange) from None
            raise TransportFault(UnknownReason.NETWORK, f"TLS verification failed: {exc}", retryable=False) from None
        except requests.exceptions.Timeout as exc:
            raise TransportFault(UnknownReason.TIMEOUT, f"no answer within {timeout:g} s: {type(exc).__name__}",
                                 retryable=True) from None
        except requests.exceptions.RequestException as exc:
            if exchange.cut:
                raise self._cut(exchange) from None
            raise TransportFault(UnknownReason.NETWORK, f"{type(exc).__name__}: {exc}", retryable=True) from None
        if exchange.cut:  # the body may look whole when the connection's end marks it
            raise self._cut(exchange)
        return response.status_code, response.headers, content

    def _cut(self, exchange: Exchange) -> TransportFault:
        if self._watch.closed:
            return TransportFault(UnknownReason.CANCELLED, "the app is stopping", retryable=False)
        allowed = self._settings.deadline_s
        return TransportFault(UnknownReason.TIMEOUT, f"no whole answer by the deadline ({allowed:g} s per call)",
                              retryable=True)


def _read_capped(response: requests.Response, max_bytes: int) -> bytes:
    """The body, read as it comes and never past `max_bytes` (an endless answer is cut there)."""
    declared = response.headers.get("Content-Length")
    if declared is not None and declared.isdigit() and int(declared) > max_bytes:
        raise TransportFault(UnknownReason.UNREADABLE, f"answer of {declared} bytes is too large (at most "
                             f"{max_bytes})", retryable=False, http_status=response.status_code)
    chunks: list[bytes] = []
    total = 0
    for chunk in response.iter_content(_CHUNK):
        total += len(chunk)
        if total > max_bytes:
            raise TransportFault(UnknownReason.UNREADABLE, f"answer larger than {max_bytes} bytes: reading stopped "
                                 "there", retryable=False, http_status=response.status_code)
        chunks.append(chunk)
    return b"".join(chunks)


class SignedTransport(HttpTransport):
    """MP API v1: signed POSTs, every answer verified before it is read."""

    def __init__(self, settings: PlatformSettings, clock: Callable[[], float] = time.time,
                 nonce_factory: Callable[[], str] = signing.new_nonce) -> None:
        super().__init__(settings)
        self._clock = clock
        self._new_nonce = nonce_factory
        self._base = settings.base_url.rstrip("/")
        self._base_path = urlsplit(self._base).path

    def post(self, path: str, payload: dict[str, Any], key: str, *, idempotency_key: str | None = None,
             clock_offset: int = 0, deadline: float | None = None) -> Envelope:
        body = encode_body(payload)
        sign_path = self._base_path + path
        timestamp = str(int(self._clock()) + clock_offset)
        nonce = self._new_nonce()
        signature = signing.sign(key, signing.request_string_to_sign("POST", sign_path, timestamp, nonce, body))
        headers = {
            "Content-Type": "application/json",
            "Accept": "application/json",
            "X-Mch-No": self._settings.merchant_no,
            "X-Terminal-No": self._settings.terminal_no,
            "X-Timestamp": timestamp,
            "X-Nonce": nonce,
            "X-Sign": signature,
        }
        if idempotency_key is not None:
            headers["Idempotency-Key"] = idempotency_key
        log.debug("POST %s %s", path, body.decode("utf-8"))
        answer = self.send("POST", self._base + path, headers=headers, body=body, deadline=deadline)
        return self.read_answer(answer.status, answer.headers, answer.content, key)

    @staticmethod
    def read_answer(status: int, headers: Any, content: bytes, key: str) -> Envelope:
        """Verify, then parse. `headers` is any case-insensitive mapping of the answer's headers."""
        ts, nonce, sign = headers.get("X-Timestamp"), headers.get("X-Nonce"), headers.get("X-Sign")
        if not ts or not nonce or not sign:
            raise TransportFault(UnknownReason.BAD_SIGNATURE, f"HTTP {status} answer is not signed",
                                 retryable=False, http_status=status)
        if not signing.verify(key, signing.response_string_to_sign(ts, nonce, content), sign):
            what = "a probe signature" if sign.startswith(signing.PROBE_PREFIX) else "a wrong signature"
            raise TransportFault(UnknownReason.BAD_SIGNATURE, f"HTTP {status} answer has {what}",
                                 retryable=False, http_status=status)
        try:
            envelope = json.loads(content.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise TransportFault(UnknownReason.UNREADABLE, f"HTTP {status} answer is not JSON: {exc}",
                                 retryable=False, http_status=status) from None
        if not isinstance(envelope, dict) or not isinstance(envelope.get("code"), str):
            raise TransportFault(UnknownReason.UNREADABLE, f"HTTP {status} answer has no envelope code",
                                 retryable=False, http_status=status)
        msg = envelope.get("msg")
        request_id = envelope.get("request_id")
        return Envelope(
            http_status=status,
            code=envelope["code"],
            msg=msg if isinstance(msg, str) else "",
            request_id=request_id if isinstance(request_id, str) else None,
            data=envelope.get("data"),
            retry_after=parse_retry_after(headers.get("Retry-After")),
            server_timestamp=int(ts) if ts.isdigit() else None,
        )
