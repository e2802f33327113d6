"""The WeChat Pay API v3 adapter, for a direct merchant or a service provider's sub-merchant.

- Every request carries the WECHATPAY2-SHA256-RSA2048 Authorization, signed with the merchant's
  private key (from the OS credential store) over method, path WITH query, timestamp, nonce, body.
- Every answer that carries a signature is verified before it is read, 2xx and errors alike, with
  WeChat's key chosen by its Wechatpay-Serial: the WeChat Pay public key (PUB_KEY_ID_...) or a
  platform certificate (both may be configured during WeChat's migration). Probe signatures
  (WECHATPAY/SIGNTEST/) fail; an answer stamped 5 minutes or more from our clock is refused.
  Success answers and "no such order" must be signed; a rate limit or server error may not be
  (nothing is concluded from them).
- Close answers 204 even for numbers it does not know: the order is queried before and after,
  and only the query says what became of it.
- REFUND is PARTIAL_REFUNDED unless the refunds the bills showed add up to the whole order.
- The trade bill: requested, downloaded at once from the same host (signed like any call, its
  answer unsigned), its SHA1 checked, then parsed (wechatpay/bill.py).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from cryptography.hazmat.primitives.asymmetric import rsa

from cashier_app.domain.capabilities import WECHATPAY_V3
from cashier_app.domain.orders import OrderState
from cashier_app.domain.receipt import Channel
from cashier_app.platform import rsa_keys
from cashier_app.platform.adapter import CheckOutcome, CredentialCheck
from cashier_app.platform.channel_adapter import (
    MAX_BILL_BYTES,
    ChannelAdapter,
    KeyFileError,
    KeyProvider,
    RefundLedger,
    one_number,
)
from cashier_app.platform.order import Order
from cashier_app.platform.results import (
    BillNotReady,
    BillResult,
    CloseResult,
    NotClosable,
    NotQueryableYet,
    NotStartedYet,
    OrderClosed,
    OrderFound,
    OrderNotFound,
    QueryResult,
    StateUnknown,
    UnknownReason,
)
from cashier_app.platform.retry import RetryBudget
from cashier_app.platform.settings import PlatformSettings
from cashier_app.platform.transport import RawAnswer, TransportFault
from cashier_app.platform.wechatpay import signing, states
from cashier_app.platform.wechatpay.bill import BillFormatError, parse_trade_bill

log = logging.getLogger(__name__)

UNPAID = frozenset({OrderState.CREATED, OrderState.USERPAYING})


@dataclass(frozen=True)
class WxAnswer:
    """A verified (or, for errors that prove nothing, accepted unsigned) answer."""

    status: int
    code: str | None  # the error code; None for 2xx
    message: str
    data: Any  # the parsed JSON body (None for 204)
    request_id: str | None
    timestamp: int | None  # Wechatpay-Timestamp of a verified answer


class WechatPayAdapter(ChannelAdapter):
    capabilities = WECHATPAY_V3

    def __init__(self, settings: PlatformSettings, key_provider: KeyProvider, *,
                 refunds: RefundLedger | None = None, sleep: Callable[[float], None] | None = None,
                 clock: Callable[[], float] = time.time,
                 nonce_factory: Callable[[], str] = signing.new_nonce) -> None:
        super().__init__(settings, key_provider, refunds=refunds, sleep=sleep, clock=clock)
        self.wx = settings.wechatpay
        self._base = self.wx.base_url.rstrip("/")
        self._base_path = urlsplit(self._base).path
        self._new_nonce = nonce_factory

    # -- verification keys ------------------------------------------------------------------------

    def platform_keys(self) -> dict[str, rsa.RSAPublicKey]:
        """WeChat's keys by the serial its answers name: the public key ID and/or the platform
        certificates' serials. Raises KeyFileError naming the setting when none can be read."""
        keys: dict[str, rsa.RSAPublicKey] = {}
        problem: KeyFileError | None = None
        if self.wx.public_key_id:
            keys[self.wx.public_key_id] = self._key_files.load(
                self.settings.file_path(self.wx.public_key_file), "wechatpay.public_key_file",
                "store it with `cashier-app credentials set --kind wechatpay-public-key`", rsa_keys.load_public_pem)
        if self.wx.platform_certificate_file:
            try:
                certs = self._key_files.load(
                    self.settings.file_path(self.wx.platform_certificate_file), "wechatpay.platform_certificate_file",
                    "store it with `cashier-app credentials set --kind wechatpay-certificate`",
                    rsa_keys.load_certificates)
                now = self._clock()
                keys.update({c.serial_no: c.key for c in certs if c.not_before <= now <= c.not_after})
            except KeyFileError as exc:
                problem = exc
        if not keys:
            raise problem or KeyFileError("wechatpay.public_key_id", "no WeChat Pay public key or platform "
                                          "certificate is configured")
        return keys

    # -- operations -------------------------------------------------------------------------------

    def query(self, out_trade_no: str | None = None, *, channel_trade_no: str | None = None) -> QueryResult:
        field, number = one_number(out_trade_no, channel_trade_no)
        by = "out-trade-no" if field == "out_trade_no" else "id"
        answer = self._call("GET", self._order_path(by, number) + "?" + self._merchant_query())
        if isinstance(answer, StateUnknown):
            return answer
        if answer.code == "ORDER_NOT_EXIST":
            # By transaction_id: WeChat gives one only when the order is paid (§1.1).
            if field == "channel_trade_no":
                return NotQueryableYet(number, answer.message, answer.request_id)
            return OrderNotFound(number, answer.message, answer.request_id)
        if answer.code is not None or answer.status != 200:
            return _unreadable(answer, f"HTTP {answer.status} {answer.code or ''} does not answer a query")
        order = self._read_order(answer, field, number)
        if isinstance(order, StateUnknown):
            return order
        return OrderFound(order, answer.request_id)

    def close_order(self, out_trade_no: str, idempotency_key: str | None = None) -> CloseResult:
        """Query, close, query: a 204 proves nothing (WeChat answers it for unknown numbers too)."""
        _, number = one_number(out_trade_no, None)
        before = self.query(number)
        if not isinstance(before, OrderFound):
            return _not_found(before)
        if before.order.state not in UNPAID:
            return NotClosable(number, f"WeChat Pay has the order as {before.order.channel_state}", before.order,
                               before.request_id)
        body = {"sp_mchid": self.wx.sp_mchid, "sub_mchid": self.wx.sub_mchid} if self.wx.partner else {
            "mchid": self.wx.mchid}
        answer = self._call("POST", self._order_path("out-trade-no", number) + "/close", body)
        if isinstance(answer, StateUnknown):
            return answer
        if answer.code is None and answer.status not in (200, 204):
            return _unreadable(answer, f"close answered HTTP {answer.status}")
        if answer.code not in (None, "ORDER_CLOSED", "USERPAYING", "ORDER_NOT_EXIST"):
            return _unreadable(answer, f"close answered {answer.code}")
        log.info("close %s: HTTP %s %s; querying what became of it", number, answer.status, answer.code or "")
        after = self.query(number)
        if not isinstance(after, OrderFound):
            return _not_found(after)
        if after.order.state is OrderState.CLOSED:
            return OrderClosed(after.order, after.request_id)
        return NotClosable(number, f"after the close WeChat Pay has the order as {after.order.channel_state}",
                           after.order, after.request_id)

    def daily_bill(self, day: date) -> BillResult:
        params = {"bill_date": day.isoformat(), "bill_type": "ALL", "tar_type": "GZIP"}
        if self.wx.partner:
            params["sub_mchid"] = self.wx.sub_mchid
        answer = self._call("GET", "/v3/bill/tradebill?" + urlencode(params))
        if isinstance(answer, StateUnknown):
            return answer
        if answer.code in states.BILL_NOT_READY:
            return BillNotReady(day, answer.message, answer.code)
        data = answer.data
        if answer.code is not None or not isinstance(data, dict):
            return _unreadable(answer, "a bill answer without hash_value and download_url")
        url, hash_type, hash_value = data.get("download_url"), data.get("hash_type"), data.get("hash_value")
        if not isinstance(url, str) or not isinstance(hash_value, str) or hash_type != "SHA1":
            return _unreadable(answer, f"bill answer: download_url {url!r}, hash {hash_type!r}")
        target, base = urlsplit(url), urlsplit(self._base)
        if (target.scheme, target.netloc) != (base.scheme, base.netloc):
            # Our Authorization goes to WeChat's own host only.
            return _unreadable(answer, f"bill download_url on another host: {target.scheme}://{target.netloc}")
        content = self._download(url)
        if isinstance(content, StateUnknown):
            return content
        if content[:2] == b"\x1f\x8b":
            try:
                content = gzip.decompress(content)
            except (OSError, EOFError, zlib.error) as exc:
                return StateUnknown(UnknownReason.UNREADABLE, f"the bill is not a readable gzip file: {exc}")
        digest = hashlib.sha1(content, usedforsecurity=False).hexdigest()
        if digest != hash_value.lower():
            return StateUnknown(UnknownReason.UNREADABLE, f"the bill's SHA1 is {digest}, WeChat Pay said {hash_value}")
        try:
            bill = parse_trade_bill(content.decode("utf-8-sig"), day, digest=digest)
        except (UnicodeDecodeError, BillFormatError) as exc:
            return StateUnknown(UnknownReason.UNREADABLE, f"the bill of {day} cannot be read: {exc}")
        return bill.only_device(self.wx.bill_device)

    def check_credentials(self) -> CredentialCheck:
        """Query an order number nobody uses: a verified 404 ORDER_NOT_EXIST proves the private key,
        the merchant numbers and WeChat's public key; 401 SIGN_ERROR says the key is refused."""
        number = f"KEYCHECK{int(self._clock())}"
        answer = self._call("GET", self._order_path("out-trade-no", number) + "?" + self._merchant_query())
        if isinstance(answer, StateUnknown):
            said = (f"HTTP {answer.http_status} {answer.code}" if answer.code
                    else f"no verified answer ({answer.reason})")
            rejected = answer.reason in (UnknownReason.CREDENTIALS, UnknownReason.BAD_SIGNATURE,
                                         UnknownReason.TERMINAL_NOT_BOUND, UnknownReason.INVALID_PARAMS)
            return CredentialCheck(CheckOutcome.REJECTED if rejected else CheckOutcome.UNREACHABLE, said,
                                   answer.reason, answer.detail)
        said = f"HTTP {answer.status} {answer.code or 'OK'}, signature verified"
        skew = None if answer.timestamp is None else round(answer.timestamp - self._clock(), 1)
        return CredentialCheck(CheckOutcome.ACCEPTED, said, None, answer.message, skew)

    # -- the order --------------------------------------------------------------------------------

    def _order_path(self, by: str, number: str) -> str:
        prefix = "/v3/pay/partner/transactions" if self.wx.partner else "/v3/pay/transactions"
        return f"{prefix}/{by}/{quote(number, safe='')}"

    def _merchant_query(self) -> str:
        if self.wx.partner:
            return urlencode({"sp_mchid": self.wx.sp_mchid, "sub_mchid": self.wx.sub_mchid})
        return urlencode({"mchid": self.wx.mchid})

    def _read_order(self, answer: WxAnswer, field: str, number: str) -> Order | StateUnknown:
        data = answer.data
        try:
            order = self._order_from(data)
        except (ValueError, TypeError, KeyError) as exc:
            return _unreadable(answer, f"transaction: {exc}")
        answered = order.out_trade_no if field == "out_trade_no" else order.channel_trade_no
        if answered != number:
            return _unreadable(answer, f"asked for {field} {number}, answered {answered}")
        mine = (data.get("sp_mchid"), data.get("sub_mchid")) if self.wx.partner else (data.get("mchid"),)
        wanted = (self.wx.sp_mchid, self.wx.sub_mchid) if self.wx.partner else (self.wx.mchid,)
        if any(m is not None and m != w for m, w in zip(mine, wanted, strict=True)):
            return _unreadable(answer, f"the answer is for merchant {mine}, not {wanted}")
        return self._admit(order, answer.request_id)

    def _order_from(self, data: Any) -> Order:
        if not isinstance(data, dict):
            raise ValueError("not an object")
        trade_state = data.get("trade_state")
        if trade_state not in states.TRADE_STATES:
            raise ValueError(f"trade_state {trade_state!r}")
        out_trade_no = data.get("out_trade_no")
        if not isinstance(out_trade_no, str) or not out_trade_no:
            raise ValueError("no out_trade_no")
        amount = data.get("amount") or {}
        if not isinstance(amount, dict):
            raise ValueError("amount is not an object")
        total = _fen(amount, "total", 0)
        payer_total = _fen(amount, "payer_total", total)
        refunded = self._refunded(out_trade_no)
        state = states.order_state(trade_state, total=total, refunded=refunded,
                                   known=self._guard.known(out_trade_no))
        paid = state not in UNPAID and state not in (OrderState.CLOSED, OrderState.PAY_FAILED)
        success = data.get("success_time")
        paid_at = _rfc3339(success, "success_time") if isinstance(success, str) and success else None
        if state is OrderState.PAID and paid_at is None:
            raise ValueError("a paid transaction without success_time")
        transaction_id = data.get("transaction_id") or None
        if transaction_id is not None and not isinstance(transaction_id, str):
            raise ValueError("transaction_id is not text")
        created = paid_at or self._first_seen_at(out_trade_no)
        if paid_at is not None and created > paid_at:
            created = paid_at
        scene_info = data.get("scene_info")
        scene: dict[str, Any] = scene_info if isinstance(scene_info, dict) else {}
        return Order(
            out_trade_no=out_trade_no, channel_trade_no=transaction_id, channel=Channel.WECHAT,
            trade_type=str(data.get("trade_type") or "-"), state=state, channel_state=trade_state,
            total_amount=total, paid_amount=payer_total if paid else 0,
            refund_amount=min(refunded, total) if state in (OrderState.PARTIAL_REFUNDED, OrderState.REFUNDED) else 0,
            subject=str(data.get("attach") or ""), store_no="",
            terminal_no=str(scene.get("device_id") or self.wx.bill_device or "-"), operator="",
            created_at=created, paid_at=paid_at, updated_at=paid_at or created, last_synced_at=None)

    # -- one signed exchange, verified --------------------------------------------------------------

    def _call(self, method: str, url: str, payload: dict[str, Any] | None = None) -> WxAnswer | StateUnknown:
        key = self._private_key()
        if isinstance(key, StateUnknown):
            return key
        try:
            keys = self.platform_keys()
        except KeyFileError as exc:
            return StateUnknown(UnknownReason.CREDENTIALS, str(exc), code="platform_key_missing", attempts=0)
        body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode() if payload is not None else b""
        budget = self._budget()
        while True:
            budget.start_attempt()
            try:
                raw = self._send(key, method, url, body, deadline=budget.deadline)
                answer = self._verified(raw, keys)
            except TransportFault as fault:
                log.warning("%s %s attempt %d: %s: %s", method, url.split("?", maxsplit=1)[0], budget.attempts,
                            fault.reason.value, fault.detail)
                if fault.retryable and self._wait(budget, budget.backoff_delay()):
                    continue
                return StateUnknown(fault.reason, fault.detail, http_status=fault.http_status,
                                    attempts=budget.attempts)
            if answer.code is None or answer.code in ("ORDER_NOT_EXIST", "ORDER_CLOSED", "USERPAYING") or (
                    answer.code in states.BILL_NOT_READY):
                return answer
            failure = self._failure(answer, budget)
            if failure is None:
                continue
            return failure

    def _failure(self, answer: WxAnswer, budget: RetryBudget) -> StateUnknown | None:
        """An error answer as a StateUnknown, or None after waiting to try again."""
        code = answer.code or ""
        detail = f"HTTP {answer.status} {code}: {answer.message}".rstrip(": ")
        log.warning("attempt %d: %s (request %s)", budget.attempts, detail, answer.request_id)
        reason = states.NO_RETRY.get(code)
        if reason is None:
            reason = states.BACK_OFF.get(code) or states.BY_STATUS.get(answer.status)
            retryable = code in states.BACK_OFF or answer.status >= 500 or answer.status == 429
            if reason is not None and retryable and self._wait(budget, budget.backoff_delay()):
                return None
        if reason is None:
            reason = UnknownReason.UNREADABLE
        return StateUnknown(reason, detail, code=code or None, http_status=answer.status, attempts=budget.attempts,
                            request_id=answer.request_id)

    def _send(self, key: rsa.RSAPrivateKey, method: str, url: str, body: bytes, *,
              max_bytes: int | None = None, deadline: float | None = None) -> RawAnswer:
        sign_url = self._base_path + url
        timestamp, nonce = str(int(self._clock())), self._new_nonce()
        headers = {
            "Authorization": signing.sign_request(
                key, mchid=self.wx.request_mchid, serial_no=self.wx.merchant_serial_no.upper(), method=method,
                url=sign_url, timestamp=timestamp, nonce=nonce, body=body),
            "Accept": "application/json",
        }
        if body:
            headers["Content-Type"] = "application/json"
        if self.wx.public_key_id:
            # During WeChat's migration, this is what makes it sign answers with the public key.
            headers["Wechatpay-Serial"] = self.wx.public_key_id
        if max_bytes is None:
            return self._transport.send(method, self._base + url, headers=headers, body=body or None,
                                        deadline=deadline)
        return self._transport.send(method, self._base + url, headers=headers, body=body or None, max_bytes=max_bytes,
                                    deadline=deadline)

    def _verified(self, raw: RawAnswer, keys: dict[str, rsa.RSAPublicKey]) -> WxAnswer:  # noqa: C901 - each check of the answer's signature, in the order specs/real-platforms.md gives them
        headers = raw.headers
        signature, ts, nonce = (headers.get("Wechatpay-Signature"), headers.get("Wechatpay-Timestamp"),
                                headers.get("Wechatpay-Nonce"))
        serial = headers.get("Wechatpay-Serial") or ""
        request_id = headers.get("Request-ID")
        signed = bool(signature and ts and nonce)
        timestamp: int | None = None
        if signed:
            assert signature is not None and ts is not None and nonce is not None
            key = keys.get(serial) or keys.get(serial.upper())
            if key is None:
                raise TransportFault(UnknownReason.BAD_SIGNATURE, f"HTTP {raw.status} answer signed with key "
                                     f"{serial!r}, which is not configured", retryable=False, http_status=raw.status)
            if not signing.verify(key, signing.response_message(ts, nonce, raw.content), signature):
                what = "a probe signature" if signature.startswith(signing.PROBE_PREFIX) else "a wrong signature"
                raise TransportFault(UnknownReason.BAD_SIGNATURE, f"HTTP {raw.status} answer has {what}",
                                     retryable=False, http_status=raw.status)
            if not ts.isdigit():
                raise TransportFault(UnknownReason.BAD_SIGNATURE, "Wechatpay-Timestamp is not Unix seconds",
                                     retryable=False, http_status=raw.status)
            timestamp = int(ts)
            skew = timestamp - self._clock()
            if abs(skew) >= signing.WINDOW_S:
                raise TransportFault(UnknownReason.CREDENTIALS, f"the answer is stamped {skew:+.0f} s from this "
                                     "computer's clock (limit 5 minutes): a replayed answer, or a wrong clock",
                                     retryable=False, http_status=raw.status)
        elif raw.status < 300 or raw.status in (400, 404):
            # Nothing is read from an answer that is not signed.
            raise TransportFault(UnknownReason.BAD_SIGNATURE, f"HTTP {raw.status} answer is not signed",
                                 retryable=False, http_status=raw.status)
        data: Any = None
        if raw.content.strip():
            try:
                data = json.loads(raw.content.decode("utf-8"))
            except (UnicodeDecodeError, ValueError) as exc:
                if raw.status < 300:
                    raise TransportFault(UnknownReason.UNREADABLE, f"HTTP {raw.status} answer is not JSON: {exc}",
                                         retryable=False, http_status=raw.status) from None
                data = None
        elif raw.status == 200:
            raise TransportFault(UnknownReason.UNREADABLE, "HTTP 200 answer without a body", retryable=False,
                                 http_status=raw.status)
        code: str | None = None
        message = ""
        if raw.status >= 300 or raw.status == 202:
            code = data.get("code") if isinstance(data, dict) and isinstance(data.get("code"), str) else None
            message = data.get("message", "") if isinstance(data, dict) else ""
            code = code or f"HTTP_{raw.status}"
            if not signed:
                message = f"{message} (answer not signed)".strip()
        return WxAnswer(raw.status, code, str(message), data, request_id, timestamp)

    def _download(self, url: str) -> bytes | StateUnknown:
        """The bill file: signed request over the URL's path and query, unsigned answer (§1.6)."""
        key = self._private_key()
        if isinstance(key, StateUnknown):
            return key
        parts = urlsplit(url)
        path = parts.path[len(self._base_path):] if self._base_path and parts.path.startswith(self._base_path) \
            else parts.path
        relative = path + (f"?{parts.query}" if parts.query else "")
        budget = self._budget()
        while True:
            budget.start_attempt()
            try:
                raw = self._send(key, "GET", relative, b"", max_bytes=MAX_BILL_BYTES, deadline=budget.deadline)
            except TransportFault as fault:
                if fault.retryable and self._wait(budget, budget.backoff_delay()):
                    continue
                return StateUnknown(fault.reason, f"bill download: {fault.detail}", attempts=budget.attempts)
            if raw.status == 200:
                return raw.content
            detail = raw.content[:200].decode("utf-8", "replace")
            if raw.status >= 500 and self._wait(budget, budget.backoff_delay()):
                continue
            return StateUnknown(states.BY_STATUS.get(raw.status, UnknownReason.UNREADABLE),
                                f"bill download: HTTP {raw.status} {detail}", http_status=raw.status,
                                attempts=budget.attempts)


def _fen(amount: dict[str, Any], name: str, default: int) -> int:
    value = amount.get(name, default)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"amount.{name} {value!r} is not a whole number of fen")
    return value


def _not_found(result: OrderNotFound | NotQueryableYet | NotStartedYet | StateUnknown) -> CloseResult:
    if isinstance(result, NotQueryableYet):  # only for third-party numbers; a close is by merchant number
        return OrderNotFound(result.channel_trade_no, result.detail, result.request_id)
    return result


def _rfc3339(text: str, name: str) -> datetime:
    value = datetime.fromisoformat(text)
    if value.tzinfo is None:
        raise ValueError(f"{name} {text!r} has no UTC offset")
    return value


def _unreadable(answer: WxAnswer, detail: str) -> StateUnknown:
    log.warning("unreadable answer (request %s): %s", answer.request_id, detail)
    return StateUnknown(UnknownReason.UNREADABLE, detail, code=answer.code, http_status=answer.status,
                        request_id=answer.request_id)


