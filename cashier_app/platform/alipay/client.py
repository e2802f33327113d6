"""The Alipay adapter (open platform gateway, RSA2).

- Requests: the common parameters and `biz_content` as a form POST to the gateway, signed with
  the app private key (from the OS credential store); `timestamp` in Beijing time whatever this
  computer's zone.
- Answers: HTTP 200 even for business errors; the `<method>_response` object is verified with
  Alipay's public key over its raw text exactly as received, before anything in it is read. An
  answer without a signature proves nothing: only errors that conclude nothing are read from it.
- Amounts are yuan strings, converted exactly to fen.
- ACQ.TRADE_NOT_EXIST for an order number is NotStartedYet, never "no such order": a QR code
  nobody has scanned has no trade yet, and it can still be paid.
- TRADE_CLOSED is told apart as closed-unpaid or refunded (platform/alipay/states.py).
- The bill: the download-URL query, then the zip of GBK CSVs from that URL at once (it lives 30 s).
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import urlencode, urlsplit

from cryptography.hazmat.primitives.asymmetric import rsa

from cashier_app.domain.capabilities import ALIPAY
from cashier_app.domain.money import fen_from_yuan
from cashier_app.domain.orders import OrderState
from cashier_app.domain.receipt import Channel
from cashier_app.domain.timezones import CHINA_TZ
from cashier_app.platform import rsa_keys
from cashier_app.platform.adapter import CheckOutcome, CredentialCheck
from cashier_app.platform.alipay import signing, states
from cashier_app.platform.alipay.bill import BillFormatError, detail_csv, parse_trade_bill
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
from cashier_app.platform.settings import PlatformSettings
from cashier_app.platform.transport import TransportFault

log = logging.getLogger(__name__)

QUERY, CLOSE, BILL_URL = "alipay.trade.query", "alipay.trade.close", "alipay.data.dataservice.bill.downloadurl.query"


@dataclass(frozen=True)
class AliAnswer:
    code: str
    msg: str
    sub_code: str
    sub_msg: str
    data: dict[str, Any]
    verified: bool

    @property
    def detail(self) -> str:
        return f"{self.code} {self.msg}" + (f" {self.sub_code} {self.sub_msg}" if self.sub_code else "")


class AlipayAdapter(ChannelAdapter):
    capabilities = ALIPAY

    def __init__(self, settings: PlatformSettings, key_provider: KeyProvider, *,
                 refunds: RefundLedger | None = None, sleep: Callable[[float], None] | None = None,
                 clock: Callable[[], float] = time.time) -> None:
        super().__init__(settings, key_provider, refunds=refunds, sleep=sleep, clock=clock)
        self.ali = settings.alipay

    def alipay_public_key(self) -> rsa.RSAPublicKey:
        key: rsa.RSAPublicKey = self._key_files.load(
            self.settings.file_path(self.ali.public_key_file), "alipay.public_key_file",
            "store Alipay's public key with `cashier-app credentials set --kind alipay-public-key`",
            rsa_keys.load_public_pem)
        return key

    # -- operations -------------------------------------------------------------------------------

    def query(self, out_trade_no: str | None = None, *, channel_trade_no: str | None = None) -> QueryResult:
        field, number = one_number(out_trade_no, channel_trade_no)
        biz = {"out_trade_no": number} if field == "out_trade_no" else {"trade_no": number}
        answer = self._call(QUERY, biz)
        if isinstance(answer, StateUnknown):
            return answer
        if answer.sub_code == states.TRADE_NOT_EXIST:
            if field == "channel_trade_no":
                return NotQueryableYet(number, answer.sub_msg or answer.msg)
            return NotStartedYet(number, answer.sub_msg or answer.msg)
        if answer.code != "10000":
            return _unreadable(answer, f"{answer.detail} does not answer a query")
        try:
            order = self._order_from(answer.data)
        except (ValueError, TypeError) as exc:
            return _unreadable(answer, f"trade: {exc}")
        answered = order.out_trade_no if field == "out_trade_no" else order.channel_trade_no
        if answered != number:
            return _unreadable(answer, f"asked for {field} {number}, answered {answered}")
        admitted = self._admit(order, None)
        if isinstance(admitted, StateUnknown):
            return admitted
        return OrderFound(admitted)

    def close_order(self, out_trade_no: str, idempotency_key: str | None = None) -> CloseResult:
        """alipay.trade.close (only WAIT_BUYER_PAY closes), then a query says what became of it."""
        _, number = one_number(out_trade_no, None)
        answer = self._call(CLOSE, {"out_trade_no": number})
        if isinstance(answer, StateUnknown):
            return answer
        if answer.sub_code == states.TRADE_NOT_EXIST:
            # Nothing to close yet: the code can still be scanned and paid.
            return NotStartedYet(number, answer.sub_msg or answer.msg)
        if answer.sub_code in states.NOT_CLOSABLE or answer.code == "10000":
            after = self.query(number)
            if isinstance(after, StateUnknown | OrderNotFound):
                return after
            if not isinstance(after, OrderFound):
                return NotClosable(number, answer.detail)
            if after.order.state is OrderState.CLOSED:
                return OrderClosed(after.order)
            return NotClosable(number, f"Alipay has the trade as {after.order.channel_state}", after.order)
        return _unreadable(answer, f"{answer.detail} does not answer a close")

    def daily_bill(self, day: date) -> BillResult:
        answer = self._call(BILL_URL, {"bill_type": "trade", "bill_date": day.isoformat()})
        if isinstance(answer, StateUnknown):
            return answer
        if answer.sub_code in states.BILL_NOT_READY:
            return BillNotReady(day, answer.sub_msg or answer.msg, answer.sub_code)
        url = answer.data.get("bill_download_url")
        if answer.code != "10000" or not isinstance(url, str) or not url.startswith(("http://", "https://")):
            return _unreadable(answer, f"{answer.detail}: no bill_download_url")
        content = self._download(url)
        if isinstance(content, StateUnknown):
            return content
        try:
            text = detail_csv(content)
            bill = parse_trade_bill(text, day, digest=hashlib.sha256(content).hexdigest())
        except BillFormatError as exc:
            return StateUnknown(UnknownReason.UNREADABLE, f"the bill of {day} cannot be read: {exc}")
        return bill.only_device(self.ali.bill_terminal, self.ali.bill_store)

    def check_credentials(self) -> CredentialCheck:
        """Query an order number nobody uses: a verified ACQ.TRADE_NOT_EXIST proves the app key,
        the app_id and Alipay's public key; isv.invalid-signature says the key is refused."""
        answer = self._call(QUERY, {"out_trade_no": f"KEYCHECK{int(self._clock())}"})
        if isinstance(answer, StateUnknown):
            said = f"{answer.code}" if answer.code else f"no verified answer ({answer.reason})"
            rejected = answer.reason in (UnknownReason.CREDENTIALS, UnknownReason.BAD_SIGNATURE,
                                         UnknownReason.TERMINAL_NOT_BOUND, UnknownReason.INVALID_PARAMS)
            return CredentialCheck(CheckOutcome.REJECTED if rejected else CheckOutcome.UNREACHABLE, said,
                                   answer.reason, answer.detail)
        return CredentialCheck(CheckOutcome.ACCEPTED, f"{answer.detail}, signature verified", None, answer.sub_msg)

    # -- the trade --------------------------------------------------------------------------------

    def _order_from(self, data: dict[str, Any]) -> Order:
        status = data.get("trade_status")
        if status not in states.TRADE_STATUSES:
            raise ValueError(f"trade_status {status!r}")
        out_trade_no = data.get("out_trade_no")
        if not isinstance(out_trade_no, str) or not out_trade_no:
            raise ValueError("no out_trade_no")
        total = _fen(data, "total_amount", required=True)
        received = _fen(data, "receipt_amount") or _fen(data, "buyer_pay_amount")
        pay_date = data.get("send_pay_date")
        paid_at = _beijing(pay_date) if isinstance(pay_date, str) and pay_date else None
        refunded = self._refunded(out_trade_no)
        state = states.order_state(str(status), was_paid=paid_at is not None or received > 0, total=total,
                                   refunded=refunded, known=self._guard.known(out_trade_no))
        if state is OrderState.PAID and paid_at is None:
            raise ValueError("a paid trade without send_pay_date")
        trade_no = data.get("trade_no") or None
        if trade_no is not None and not isinstance(trade_no, str):
            raise ValueError("trade_no is not text")
        created = paid_at or self._first_seen_at(out_trade_no)
        return Order(
            out_trade_no=out_trade_no, channel_trade_no=trade_no, channel=Channel.ALIPAY,
            trade_type=str(data.get("trade_type") or "-"), state=state, channel_state=str(status),
            total_amount=total, paid_amount=received if paid_at is not None else 0,
            refund_amount=min(refunded, total) if state in (OrderState.PARTIAL_REFUNDED, OrderState.REFUNDED) else 0,
            subject=str(data.get("subject") or ""), store_no=str(data.get("store_id") or ""),
            terminal_no=str(data.get("terminal_id") or self.ali.bill_terminal or "-"), operator="",
            created_at=created, paid_at=paid_at, updated_at=paid_at or created, last_synced_at=None)

    # -- one signed exchange, verified --------------------------------------------------------------

    def _call(self, method: str, biz: dict[str, Any]) -> AliAnswer | StateUnknown:
        key = self._private_key()
        if isinstance(key, StateUnknown):
            return key
        try:
            alipay_key = self.alipay_public_key()
        except KeyFileError as exc:
            return StateUnknown(UnknownReason.CREDENTIALS, str(exc), code="platform_key_missing", attempts=0)
        budget = self._budget()
        while True:
            budget.start_attempt()
            params = {
                "app_id": self.ali.app_id, "method": method, "format": "JSON", "charset": "utf-8",
                "sign_type": "RSA2", "timestamp": signing.beijing_timestamp(self._clock), "version": "1.0",
                "biz_content": json.dumps(biz, ensure_ascii=False, separators=(",", ":")),
            }
            params["sign"] = signing.sign_params(key, params)
            try:
                raw = self._transport.send(
                    "POST", self.ali.gateway_url, body=urlencode(params).encode("utf-8"),
                    headers={"Content-Type": "application/x-www-form-urlencoded;charset=utf-8",
                             "Accept": "application/json"}, deadline=budget.deadline)
                if raw.status != 200:
                    reason = UnknownReason.PLATFORM_ERROR if raw.status >= 500 else UnknownReason.UNREADABLE
                    raise TransportFault(reason, f"the gateway answered HTTP {raw.status}",
                                         retryable=raw.status >= 500, http_status=raw.status)
                answer = self._verified(raw.content, method, alipay_key)
            except TransportFault as fault:
                log.warning("%s attempt %d: %s: %s", method, budget.attempts, fault.reason.value, fault.detail)
                if fault.retryable and self._wait(budget, budget.backoff_delay()):
                    continue
                return StateUnknown(fault.reason, fault.detail, http_status=fault.http_status, attempts=budget.attempts)
            if answer.code == "10000" or answer.sub_code in (states.TRADE_NOT_EXIST, *states.NOT_CLOSABLE,
                                                            *states.BILL_NOT_READY):
                if answer.verified:
                    return answer
                return StateUnknown(UnknownReason.BAD_SIGNATURE,
                                    f"{method}: the answer ({answer.detail}) is not signed",
                                    code=answer.sub_code or answer.code, attempts=budget.attempts)
            log.warning("%s attempt %d: %s", method, budget.attempts, answer.detail)
            retry = answer.code in states.RETRY_CODES or answer.sub_code in states.RETRY_SUB_CODES
            if retry and self._wait(budget, budget.backoff_delay()):
                continue
            reason = (states.SUB_CODE_REASONS.get(answer.sub_code) or states.CODE_REASONS.get(answer.code)
                      or UnknownReason.UNREADABLE)
            return StateUnknown(reason, f"{method}: {answer.detail}", code=answer.sub_code or answer.code,
                                attempts=budget.attempts)

    def _verified(self, content: bytes, method: str, key: rsa.RSAPublicKey) -> AliAnswer:
        try:
            text = content.decode("utf-8")
            envelope = json.loads(text)
        except (UnicodeDecodeError, ValueError) as exc:
            raise TransportFault(UnknownReason.UNREADABLE, f"the gateway's answer is not JSON: {exc}",
                                 retryable=False) from None
        if not isinstance(envelope, dict):
            raise TransportFault(UnknownReason.UNREADABLE, "the gateway's answer is not an object", retryable=False)
        name = signing.response_key(method)
        if name not in envelope:
            name = "error_response"
        body = envelope.get(name)
        raw_body = signing.signed_content(text, name)
        if not isinstance(body, dict) or raw_body is None:
            raise TransportFault(UnknownReason.UNREADABLE, f"the answer has no {signing.response_key(method)}",
                                 retryable=False)
        sign = envelope.get("sign")
        verified = False
        if isinstance(sign, str) and sign:
            if not rsa_keys.verify(key, raw_body.encode("utf-8"), sign):
                raise TransportFault(UnknownReason.BAD_SIGNATURE, f"{method}: the answer's signature is wrong",
                                     retryable=False)
            verified = True
        return AliAnswer(str(body.get("code", "")), str(body.get("msg", "")), str(body.get("sub_code", "")),
                         str(body.get("sub_msg", "")), body, verified)

    def _download(self, url: str) -> bytes | StateUnknown:
        """The bill zip (unsigned; plain GET; no credential goes with it)."""
        budget = self._budget()
        while True:
            budget.start_attempt()
            try:
                raw = self._transport.send("GET", url, headers={}, max_bytes=MAX_BILL_BYTES, deadline=budget.deadline)
            except TransportFault as fault:
                if fault.retryable and self._wait(budget, budget.backoff_delay()):
                    continue
                return StateUnknown(fault.reason, f"bill download: {fault.detail}", attempts=budget.attempts)
            if raw.status == 200:
                return raw.content
            if raw.status >= 500 and self._wait(budget, budget.backoff_delay()):
                continue
            host = urlsplit(url).netloc
            return StateUnknown(UnknownReason.UNREADABLE, f"bill download from {host}: HTTP {raw.status}",
                                http_status=raw.status, attempts=budget.attempts)


def _fen(data: dict[str, Any], name: str, *, required: bool = False) -> int:
    value = data.get(name)
    if value in (None, ""):
        if required:
            raise ValueError(f"no {name}")
        return 0
    if not isinstance(value, str):
        raise ValueError(f"{name} {value!r} is not a yuan string")
    fen = fen_from_yuan(value)
    if fen < 0:
        raise ValueError(f"{name} {value!r} is negative")
    return fen


def _beijing(text: str) -> datetime:
    return datetime.strptime(text, signing.TIMESTAMP_FORMAT).replace(tzinfo=CHINA_TZ)


def _unreadable(answer: AliAnswer, detail: str) -> StateUnknown:
    log.warning("unreadable answer: %s", detail)
    return StateUnknown(UnknownReason.UNREADABLE, detail, code=answer.sub_code or answer.code)
