"""The WeChat Pay API v3 emulator (specs/real-platforms.md §1, checklist §9).

Transport-free like the MP API: `handle()` takes one request and returns the reply, signed (or,
under a fault, signed wrongly, with a probe, or with a stale timestamp). It reads the channel's
own record of each sandbox order (the "upstream" state the control API moves): WeChat IS the
channel, so there is no platform record to lag behind it.

- Requests: WECHATPAY2-SHA256-RSA2048 verified against the merchant key, fields in any order,
  the signed URL including its ?query, the 5-minute window with WeChat's exact message.
- Answers: every one signed (2xx and errors) with the key the request's Wechatpay-Serial asks
  for (the public key PUB_KEY_ID_...) or else the platform certificate's; the headers
  Wechatpay-Timestamp/Nonce/Signature/Serial/Signature-Type and Request-ID.
- Query by transaction_id is 404 ORDER_NOT_EXIST until the order is paid; NOTPAY orders have no
  transaction_id nor success_time; amounts in fen; REFUND whatever was refunded.
- Close answers 204 for repeats and for numbers it does not know (configurable), and changes
  nothing for a paid order; codepay reverse (撤销) turns an order REVOKED.
- /v3/bill/tradebill and the download under the same base URL: back-ticked CSV, SHA1 of the
  uncompressed file, gzip on request, an unsigned download answer.
- /v3/certificates: the platform certificate, encrypted with the APIv3 key (for clients in
  platform-certificate mode that fetch it).
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import logging
import re
import secrets
import threading
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.serialization import Encoding

from cashier_app.domain.money import yuan
from cashier_app.domain.numbers import normalise_order_number
from cashier_app.domain.orders import OrderState
from cashier_app.domain.timezones import CHINA_TZ
from cashier_app.platform import rsa_keys
from cashier_app.platform.wechatpay import signing
from cashier_app.sandbox import emulator_keys as ek
from cashier_app.sandbox.bills import BillKind, DownloadLinks, Readiness, bill_events, readiness
from cashier_app.sandbox.faults import Fault
from cashier_app.sandbox.orders import PAID_STATES, SandboxOrder
from cashier_app.sandbox.store import SandboxStore

log = logging.getLogger(__name__)

TRADE_STATE = {
    OrderState.CREATED: ("NOTPAY", "订单未支付"), OrderState.USERPAYING: ("USERPAYING", "用户支付中"),
    OrderState.PAID: ("SUCCESS", "支付成功"), OrderState.PARTIAL_REFUNDED: ("REFUND", "转入退款"),
    OrderState.REFUNDED: ("REFUND", "转入退款"), OrderState.PAY_FAILED: ("PAYERROR", "支付失败"),
    OrderState.REVOKED: ("REVOKED", "已撤销"), OrderState.CLOSED: ("CLOSED", "已关闭"),
}
# Injected faults by the MP status they are given with, as WeChat would answer them.
FAULT_ERRORS = {
    400: (400, "PARAM_ERROR", "参数错误"), 401: (401, "SIGN_ERROR", "签名错误"), 403: (403, "NO_AUTH", "商户无权限"),
    404: (404, "ORDER_NOT_EXIST", "订单不存在"), 409: (400, "INVALID_REQUEST", "请求不合法"),
    422: (400, "INVALID_REQUEST", "请求不合法"), 429: (429, "FREQUENCY_LIMITED", "频率超限"),
    500: (500, "SYSTEM_ERROR", "系统繁忙,请稍后重试"), 502: (502, "SERVICE_UNAVAILABLE", "服务不可用"),
    503: (503, "SERVICE_UNAVAILABLE", "服务不可用"),
}
BILL_HEADER = ("交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,"
               "货币种类,"
               "应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,"
               "费率,订单金额,申请退款金额,费率备注")
SUMMARY_HEADER = "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额"
FEE_RATE_PER_MILLE = 6  # 0.60%

_ORDER_PATH = re.compile(r"^/v3/pay/(?P<partner>partner/)?transactions/(?P<by>out-trade-no|id)/(?P<number>[^/]+)"
                         r"(?P<action>/close|/reverse)?$")


class WxError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status, self.code, self.message = status, code, message


@dataclass
class Reply:
    status: int
    body: bytes = b""
    content_type: str = "application/json; charset=utf-8"
    signed: bool = True
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class WechatOptions:
    close_unknown_status: int = 204  # what close answers for a number it does not know (204, or 404)


class WechatPayApi:
    def __init__(self, store: SandboxStore, keys: ek.WechatKeys, clock: Callable[[], float],
                 bill_ready_after_s: Callable[[], float]) -> None:
        self.store = store
        self.keys = keys
        self.clock = clock
        self.options = WechatOptions()
        self._bill_ready_after_s = bill_ready_after_s
        self.links = DownloadLinks()
        self._lock = threading.Lock()
        self._merchant_public = keys.merchant.public_key()

    # -- one request --------------------------------------------------------------------------------

    def handle(self, method: str, target: str, headers: Mapping[str, str], body: bytes, *, fault: Fault | None,
               base_url: str) -> Reply:
        """`target` is the request line's path with its query, exactly as received."""
        try:
            self._authenticate(method, target, headers, body)
            if fault is not None and fault.rate_limit:
                raise WxError(429, "FREQUENCY_LIMITED", "频率超限")
            if fault is not None and fault.error_status is not None:
                raise WxError(*FAULT_ERRORS.get(fault.error_status, (500, "SYSTEM_ERROR", "系统繁忙,请稍后重试")))
            reply = self._route(method, target, headers, body, base_url)
        except WxError as exc:
            reply = _error(exc)
        except Exception:
            log.exception("WeChat Pay emulator failed on %s", target)
            reply = _error(WxError(500, "SYSTEM_ERROR", "系统繁忙,请稍后重试"))
        if reply.signed:
            self._sign(reply, headers, fault)
        reply.headers.setdefault("Request-ID", uuid.uuid4().hex.upper())
        return reply

    def _authenticate(self, method: str, target: str, headers: Mapping[str, str], body: bytes) -> None:
        fields = signing.parse_authorization(_header(headers, "Authorization"))
        if fields is None:
            raise WxError(401, "SIGN_ERROR", "Http头Authorization值格式错误，请参考《微信支付商户REST API签名规则》")
        allowed = {ek.WECHAT_MCHID, ek.WECHAT_SP_MCHID}
        if fields["mchid"] not in allowed:
            raise WxError(401, "SIGN_ERROR", "商户号不存在或未开通APIv3")
        if fields["serial_no"].upper() != self.keys.merchant_serial:
            raise WxError(401, "SIGN_ERROR", "商户证书序列号有误。请使用签名私钥匹配的证书序列号")
        message = signing.request_message(method, target, fields["timestamp"], fields["nonce_str"], body)
        if not signing.verify(self._merchant_public, message, fields["signature"]):
            raise WxError(401, "SIGN_ERROR", "签名错误，请检查后再试")
        timestamp = fields["timestamp"]
        if not timestamp.isdigit() or abs(self.clock() - int(timestamp)) > signing.WINDOW_S:
            raise WxError(401, "SIGN_ERROR", signing.TIMESTAMP_MESSAGE)

    def _sign(self, reply: Reply, request_headers: Mapping[str, str], fault: Fault | None) -> None:
        asked = _header(request_headers, "Wechatpay-Serial")
        if asked == self.keys.public_key_id:
            key, serial = self.keys.public_key_signer, self.keys.public_key_id
        else:
            key, serial = self.keys.certificate_signer, self.keys.certificate_serial
        timestamp = int(self.clock()) - (fault.stale_timestamp_s if fault is not None else 0)
        nonce = secrets.token_hex(16)
        signed = reply.body + b" " if fault is not None and fault.bad_signature else reply.body
        signature = rsa_keys.sign(key, signing.response_message(str(timestamp), nonce, signed))
        if fault is not None and fault.probe_signature:
            signature = signing.PROBE_PREFIX + base64.b64encode(secrets.token_bytes(48)).decode()
        reply.headers.update({
            "Wechatpay-Timestamp": str(timestamp), "Wechatpay-Nonce": nonce, "Wechatpay-Signature": signature,
            "Wechatpay-Serial": serial, "Wechatpay-Signature-Type": signing.SCHEMA,
        })

    # -- routes -------------------------------------------------------------------------------------

    def _route(self, method: str, target: str, headers: Mapping[str, str], body: bytes, base_url: str) -> Reply:
        parts = urlsplit(target)
        query = {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        path = parts.path
        match = _ORDER_PATH.match(path)
        if match is not None:
            partner = bool(match.group("partner"))
            number = normalise_order_number(unquote(match.group("number")))
            action = match.group("action")
            if action is None:
                _need(method, "GET")
                self._check_merchant(query, partner)
                return self._query(match.group("by"), number, partner)
            _need(method, "POST")
            params = _json(body)
            self._check_merchant(params, partner)
            if match.group("by") != "out-trade-no":
                raise WxError(404, "NOT_FOUND", "无效的请求地址")
            return self._close(number) if action == "/close" else self._reverse(number, params, partner)
        if path == "/v3/bill/tradebill":
            _need(method, "GET")
            return self._trade_bill(query, base_url)
        if path == "/v3/billdownload/file":
            _need(method, "GET")
            found = self.links.get(query.get("token", ""), self.clock())
            if found is None:
                raise WxError(400, "INVALID_REQUEST", "下载链接已失效，请重新申请")
            return Reply(200, found[0], found[1], signed=False)
        if path == "/v3/certificates":
            _need(method, "GET")
            return _json_reply(200, self._certificates())
        raise WxError(404, "NOT_FOUND", "无效的请求地址")

    def _check_merchant(self, params: Mapping[str, Any], partner: bool) -> None:
        if partner:
            if params.get("sp_mchid") != ek.WECHAT_SP_MCHID:
                raise WxError(400, "MCH_NOT_EXISTS", "服务商商户号不存在")
            if params.get("sub_mchid") != ek.WECHAT_SUB_MCHID:
                raise WxError(403, "NO_AUTH", "子商户号与服务商不匹配")
        elif params.get("mchid") != ek.WECHAT_MCHID:
            raise WxError(400, "PARAM_ERROR", "mchid参数错误" if params.get("mchid") else "缺少参数mchid")

    def _find(self, by: str, number: str) -> SandboxOrder | None:
        if by == "out-trade-no":
            return self.store.get(number)
        for order, _ in self.store.all_orders():
            up = order.upstream
            # WeChat gives a transaction_id only to a paid order (§1.1).
            if up.channel_trade_no == number and up.paid_at is not None:
                return order
        return None

    def _query(self, by: str, number: str, partner: bool) -> Reply:
        order = self._find(by, number)
        if order is None:
            raise WxError(404, "ORDER_NOT_EXIST", "订单不存在")
        return _json_reply(200, transaction(order, partner))

    def _close(self, number: str) -> Reply:
        with self.store.lock:
            order = self.store.get(number)
            if order is None:
                if self.options.close_unknown_status == 404:
                    raise WxError(404, "ORDER_NOT_EXIST", "订单不存在")
                return Reply(204)
            if order.upstream.state in (OrderState.CREATED, OrderState.USERPAYING):
                now = self.clock()
                order.upstream.state = OrderState.CLOSED
                order.catch_up(now)
                self.store.save(order, close_call=True)
            else:
                # Closed again, or paid: 204 all the same (community reports); nothing changes.
                self.store.save(order, close_call=True)
        return Reply(204)

    def _reverse(self, number: str, params: Mapping[str, Any], partner: bool) -> Reply:
        with self.store.lock:
            order = self.store.get(number)
            if order is None:
                raise WxError(404, "ORDER_NOT_EXIST", "订单不存在")
            up = order.upstream
            if up.state not in (OrderState.REVOKED, OrderState.CLOSED, OrderState.PAY_FAILED,
                                OrderState.REFUNDED):
                now = self.clock()
                if up.state in PAID_STATES:
                    up.refund_amount = up.paid_amount
                    up.refunded_at = now
                up.state = OrderState.REVOKED
                order.catch_up(now)
                self.store.save(order, close_call=True)
        merchant = {"sp_mchid": ek.WECHAT_SP_MCHID, "sub_mchid": ek.WECHAT_SUB_MCHID} if partner else {
            "mchid": ek.WECHAT_MCHID}
        return _json_reply(200, {"appid": params.get("appid") or params.get("sp_appid") or ek.WECHAT_APPID,
                                 **merchant, "out_trade_no": number})

    def _trade_bill(self, query: Mapping[str, str], base_url: str) -> Reply:
        raw = query.get("bill_date", "")
        try:
            day = date.fromisoformat(raw)
        except ValueError:
            raise WxError(400, "PARAM_ERROR", "bill_date参数格式错误，应为yyyy-MM-dd") from None
        if query.get("bill_type", "ALL") not in ("ALL", "SUCCESS", "REFUND"):
            raise WxError(400, "PARAM_ERROR", "bill_type参数错误")
        state = readiness(day, self.clock(), self._bill_ready_after_s())
        if state is Readiness.CREATING:
            raise WxError(400, "STATEMENT_CREATING", "账单生成中，请稍后再试")
        if state is Readiness.NONE:
            raise WxError(400, "NO_STATEMENT_EXIST", "账单文件不存在")
        content = self.bill_csv(day, query.get("bill_type", "ALL"), query.get("sub_mchid"))
        digest = hashlib.sha1(content, usedforsecurity=False).hexdigest()
        gz = query.get("tar_type") == "GZIP"
        data = gzip.compress(content, mtime=0) if gz else content
        token = self.links.issue(data, "application/octet-stream" if gz else "text/plain; charset=utf-8", self.clock())
        return _json_reply(200, {"hash_type": "SHA1", "hash_value": digest,
                                 "download_url": f"{base_url}/v3/billdownload/file?token={token}"})

    def bill_csv(self, day: date, bill_type: str = "ALL", sub_mchid: str | None = None) -> bytes:
        lines = [BILL_HEADER]
        count = settle = refunds = fees = orders = asked = 0
        for event in bill_events(self.store, day):
            if bill_type == "SUCCESS" and event.kind is not BillKind.SUCCESS:
                continue
            if bill_type == "REFUND" and event.kind is not BillKind.REFUND:
                continue
            order, up = event.order, event.order.upstream
            refund = event.amount if event.kind is BillKind.REFUND else 0
            fee = event.amount * FEE_RATE_PER_MILLE if event.kind is BillKind.SUCCESS else 0  # in 1/100000 yuan
            when = datetime.fromtimestamp(event.at, CHINA_TZ).strftime("%Y-%m-%d %H:%M:%S")
            fields = [
                when, ek.WECHAT_APPID, ek.WECHAT_SP_MCHID if sub_mchid else ek.WECHAT_MCHID, sub_mchid or "",
                order.terminal_no, up.channel_trade_no, order.out_trade_no, "oSandboxOpenid" + order.out_trade_no[-6:],
                order.trade_type, event.kind.value, "OTHERS", "CNY", yuan(order.total_amount), "0.00",
                f"5030{up.channel_trade_no[-24:]}" if refund else "0", f"R{order.out_trade_no}" if refund else "0",
                yuan(refund), "0.00", "ORIGINAL" if refund else "", "SUCCESS" if refund else "",
                order.subject.replace(",", "，"), "", f"{fee // 100000}.{fee % 100000:05d}", "0.60%",
                yuan(order.total_amount), yuan(refund), "",
            ]
            lines.append(",".join("`" + f for f in fields))
            count += 1
            settle += order.total_amount if event.kind is BillKind.SUCCESS else 0
            orders += order.total_amount if event.kind is BillKind.SUCCESS else 0
            refunds += refund
            asked += refund
            fees += fee
        lines.append(SUMMARY_HEADER)
        lines.append(",".join("`" + f for f in (str(count), yuan(settle), yuan(refunds), "0.00",
                                                 f"{fees // 100000}.{fees % 100000:05d}", yuan(orders), yuan(asked))))
        return ("\r\n".join(lines) + "\r\n").encode("utf-8")

    def _certificates(self) -> dict[str, Any]:
        cert = self.keys.certificate
        pem = cert.public_bytes(Encoding.PEM).decode()
        nonce, associated = secrets.token_hex(6), "certificate"
        ciphertext = AESGCM(ek.WECHAT_APIV3_KEY.encode()).encrypt(nonce.encode(), pem.encode(), associated.encode())
        return {"data": [{
            "serial_no": self.keys.certificate_serial,
            "effective_time": cert.not_valid_before_utc.astimezone(CHINA_TZ).isoformat(),
            "expire_time": cert.not_valid_after_utc.astimezone(CHINA_TZ).isoformat(),
            "encrypt_certificate": {"algorithm": "AEAD_AES_256_GCM", "nonce": nonce, "associated_data": associated,
                                    "ciphertext": base64.b64encode(ciphertext).decode()},
        }]}


def transaction(order: SandboxOrder, partner: bool = False) -> dict[str, Any]:
    """The Transaction object of a query answer, from the channel's own record (§1.2)."""
    up = order.upstream
    trade_state, desc = TRADE_STATE[up.state]
    paid = up.paid_at is not None and up.state in (*PAID_STATES, OrderState.REVOKED)
    data: dict[str, Any] = (
        {"sp_appid": ek.WECHAT_APPID, "sp_mchid": ek.WECHAT_SP_MCHID, "sub_mchid": ek.WECHAT_SUB_MCHID}
        if partner else {"appid": ek.WECHAT_APPID, "mchid": ek.WECHAT_MCHID})
    data.update({"out_trade_no": order.out_trade_no, "trade_type": order.trade_type, "trade_state": trade_state,
                 "trade_state_desc": desc, "attach": ""})
    amount: dict[str, Any] = {"total": order.total_amount, "currency": "CNY"}
    if paid:
        assert up.paid_at is not None
        data["transaction_id"] = up.channel_trade_no
        data["bank_type"] = "OTHERS"
        data["success_time"] = datetime.fromtimestamp(up.paid_at, CHINA_TZ).isoformat(timespec="seconds")
        data["payer"] = {"sp_openid" if partner else "openid": "oSandboxOpenid" + order.out_trade_no[-6:]}
        amount.update({"payer_total": up.paid_amount or order.total_amount, "payer_currency": "CNY"})
    data["amount"] = amount
    data["scene_info"] = {"device_id": order.terminal_no}
    return data


def _header(headers: Mapping[str, str], name: str) -> str | None:
    value = headers.get(name.lower())
    return value.strip() if isinstance(value, str) else None


def _need(method: str, wanted: str) -> None:
    if method != wanted:
        raise WxError(405, "METHOD_NOT_ALLOWED", f"请使用{wanted}方法")


def _json(body: bytes) -> dict[str, Any]:
    try:
        value = json.loads(body.decode("utf-8")) if body.strip() else {}
    except (UnicodeDecodeError, ValueError):
        raise WxError(400, "PARAM_ERROR", "请求体不是合法的JSON") from None
    if not isinstance(value, dict):
        raise WxError(400, "PARAM_ERROR", "请求体不是JSON对象")
    return value


def _json_reply(status: int, value: Any) -> Reply:
    return Reply(status, json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def _error(exc: WxError) -> Reply:
    return _json_reply(exc.status, {"code": exc.code, "message": exc.message})
