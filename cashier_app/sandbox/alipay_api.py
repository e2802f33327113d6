"""The Alipay gateway emulator (specs/real-platforms.md §2, checklist §9).

- `POST|GET /gateway.do`, parameters in the query string and/or a form body; RSA2 verified
  over the sorted parameters (sign excluded, sign_type included) with the app's public key;
  `timestamp` must be Beijing time within 15 minutes of the gateway's clock (a client that
  sends its local time from a machine in another zone is refused with isv.invalid-timestamp).
- Answers `{"<method>_response":{...},"sign":"..."}`, HTTP 200 even for business errors, signed
  over the exact text of the object. The text escapes `/` as `\\/`, so a client that re-serializes
  before verifying fails, as it would against the real gateway's answers.
- alipay.trade.query / close / cancel: amounts as yuan strings; a 扫码 (NATIVE) order nobody has
  scanned yet (its channel state still CREATED) has no trade: ACQ.TRADE_NOT_EXIST for query and
  close alike; TRADE_CLOSED both for closed-unpaid and for refunded (with send_pay_date).
- alipay.data.dataservice.bill.downloadurl.query: a URL under the same base, valid 30 s, to a zip
  of GBK CSVs (detail and summary) with TAB-suffixed numbers.
"""

from __future__ import annotations

import io
import json
import logging
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import parse_qs, urlsplit

from cashier_app.domain.money import yuan
from cashier_app.domain.numbers import normalise_order_number
from cashier_app.domain.orders import OrderState
from cashier_app.domain.timezones import CHINA_TZ
from cashier_app.platform import rsa_keys
from cashier_app.platform.alipay import signing
from cashier_app.sandbox import emulator_keys as ek
from cashier_app.sandbox.bills import BillKind, DownloadLinks, Readiness, bill_events, readiness
from cashier_app.sandbox.faults import Fault
from cashier_app.sandbox.orders import SandboxOrder
from cashier_app.sandbox.store import SandboxStore
from cashier_app.sandbox.wechatpay_api import Reply

log = logging.getLogger(__name__)

TIMESTAMP_WINDOW_S = 900
DOWNLOAD_PATH = "/downloadBillFile.resource"
METHODS = ("alipay.trade.query", "alipay.trade.close", "alipay.trade.cancel",
           "alipay.data.dataservice.bill.downloadurl.query")
REQUIRED = ("app_id", "method", "charset", "sign_type", "sign", "timestamp", "version")
# Injected faults by the MP status they are given with, as the gateway would answer them.
FAULT_ERRORS = {
    400: ("40002", "Invalid Arguments", "isv.invalid-parameter", "参数无效"),
    401: ("40002", "Invalid Arguments", "isv.invalid-signature", "验签出错"),
    403: ("20001", "Insufficient Token Permissions", "aop.invalid-app-auth-token", "无效的应用授权令牌"),
    404: ("40004", "Business Failed", "ACQ.TRADE_NOT_EXIST", "交易不存在"),
    429: ("20000", "Service Currently Unavailable", "isp.unknow-error", "服务暂不可用"),
    500: ("20000", "Service Currently Unavailable", "isp.unknow-error", "服务暂不可用"),
    502: ("40004", "Business Failed", "ACQ.SYSTEM_ERROR", "系统错误"),
    503: ("20000", "Service Currently Unavailable", "aop.unknow-error", "服务暂不可用"),
}
DETAIL_HEADER = ("支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,对方账户,"
                 "订单金额（元）,"
                 "商家实收（元）,支付宝红包（元）,集分宝（元）,支付宝优惠（元）,商家优惠（元）,券核销金额（元）,券名称,"
                 "商家红包消费金额（元）,卡消费金额（元）,退款批次号/请求号,服务费（元）,分润（元）,备注")


class AliError(Exception):
    def __init__(self, code: str, msg: str, sub_code: str = "", sub_msg: str = "", *, gateway: bool = False) -> None:
        super().__init__(f"{code} {sub_code}")
        self.code, self.msg, self.sub_code, self.sub_msg, self.gateway = code, msg, sub_code, sub_msg, gateway


@dataclass
class AlipayOptions:
    pass


class AlipayApi:
    def __init__(self, store: SandboxStore, keys: ek.AlipayKeys, clock: Callable[[], float],
                 bill_ready_after_s: Callable[[], float]) -> None:
        self.store = store
        self.keys = keys
        self.clock = clock
        self.options = AlipayOptions()
        self._bill_ready_after_s = bill_ready_after_s
        self.links = DownloadLinks(ttl_s=30.0)
        self._app_public = keys.app.public_key()

    def handle(self, method: str, target: str, headers: Mapping[str, str], body: bytes, *, fault: Fault | None,
               base_url: str) -> Reply:
        parts = urlsplit(target)
        if parts.path == DOWNLOAD_PATH and method == "GET":
            token = (parse_qs(parts.query).get("token") or [""])[-1]
            found = self.links.get(token, self.clock())
            if found is None:
                return Reply(404, "下载超时，请重新下载".encode(), "text/plain; charset=utf-8", signed=False)
            return Reply(200, found[0], found[1], signed=False)
        if parts.path != "/gateway.do" or method not in ("GET", "POST"):
            return Reply(404, b'{"error":"no such path"}', signed=False)
        params = {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        if method == "POST" and body:
            try:
                form = body.decode(params.get("charset") or "utf-8")
            except (UnicodeDecodeError, LookupError):
                form = body.decode("utf-8", "replace")
            params.update({k: v[-1] for k, v in parse_qs(form, keep_blank_values=True).items()})
        name = signing.response_key(params.get("method", "")) if params.get("method") in METHODS else "error_response"
        try:
            self._authenticate(params)
            if fault is not None and (fault.rate_limit or fault.error_status is not None):
                status = 429 if fault.rate_limit else fault.error_status or 500
                raise AliError(*FAULT_ERRORS.get(status, FAULT_ERRORS[500]))
            content = self._method(params, base_url)
            content = {"code": "10000", "msg": "Success", **content}
        except AliError as exc:
            if exc.gateway:
                name = "error_response"
            content = {"code": exc.code, "msg": exc.msg}
            if exc.sub_code:
                content.update({"sub_code": exc.sub_code, "sub_msg": exc.sub_msg})
        except Exception:
            log.exception("Alipay emulator failed")
            content = {"code": "20000", "msg": "Service Currently Unavailable", "sub_code": "isp.unknow-error",
                       "sub_msg": "系统繁忙"}
        inner = _alipay_json(content)
        signed = inner + " " if fault is not None and (fault.bad_signature or fault.probe_signature) else inner
        sign = rsa_keys.sign(self.keys.alipay, signed.encode("utf-8"))
        text = '{"' + name + '":' + inner + ',"sign":"' + sign + '"}'
        return Reply(200, text.encode("utf-8"), "text/html;charset=utf-8", signed=False)

    def _authenticate(self, params: Mapping[str, str]) -> None:
        for name in REQUIRED:
            if not params.get(name):
                raise AliError("40001", "Missing Required Arguments", f"isv.missing-{name.replace('_', '-')}",
                               f"缺少{name}参数", gateway=name == "method")
        if params["app_id"] != ek.ALIPAY_APP_ID:
            raise AliError("40002", "Invalid Arguments", "isv.invalid-app-id", "无效的AppID参数")
        if params["method"] not in METHODS:
            raise AliError("40002", "Invalid Arguments", "isv.invalid-method", "不存在的方法名", gateway=True)
        if params["sign_type"] != "RSA2":
            raise AliError("40002", "Invalid Arguments", "isv.invalid-signature-type", "无效的签名类型")
        if not signing.verify_params(self._app_public, params):
            raise AliError("40002", "Invalid Arguments", "isv.invalid-signature", "验签出错，建议检查签名字符串或"
                           "签名私钥与"
                           "应用公钥是否匹配")
        try:
            sent = datetime.strptime(params["timestamp"], signing.TIMESTAMP_FORMAT).replace(tzinfo=CHINA_TZ)
        except ValueError:
            raise AliError("40002", "Invalid Arguments", "isv.invalid-timestamp", "非法的时间戳参数") from None
        if abs(sent.timestamp() - self.clock()) > TIMESTAMP_WINDOW_S:
            raise AliError("40002", "Invalid Arguments", "isv.invalid-timestamp",
                           "非法的时间戳参数（请使用北京时间，与支付宝服务器时间相差不得超过15分钟）")

    def _method(self, params: Mapping[str, str], base_url: str) -> dict[str, Any]:
        try:
            biz = json.loads(params.get("biz_content") or "{}")
        except ValueError:
            raise AliError("40002", "Invalid Arguments", "isv.invalid-parameter", "biz_content不是合法的JSON") from None
        if not isinstance(biz, dict):
            raise AliError("40002", "Invalid Arguments", "isv.invalid-parameter", "biz_content不是JSON对象")
        method = params["method"]
        if method == "alipay.data.dataservice.bill.downloadurl.query":
            return self._bill_url(biz, base_url)
        order = self._find(biz)
        if method == "alipay.trade.query":
            return trade(order)
        if method == "alipay.trade.close":
            return self._close(order)
        return self._cancel(order)

    def _find(self, biz: Mapping[str, Any]) -> SandboxOrder:
        trade_no, out_trade_no = biz.get("trade_no"), biz.get("out_trade_no")
        if not trade_no and not out_trade_no:
            raise AliError("40004", "Business Failed", "ACQ.INVALID_PARAMETER",
                           "参数无效: out_trade_no和trade_no不能同时为空")
        order: SandboxOrder | None = None
        if trade_no:  # "如果同时存在优先取 trade_no"
            for candidate, _ in self.store.all_orders():
                if candidate.upstream.channel_trade_no == str(trade_no):
                    order = candidate
                    break
        else:
            order = self.store.get(normalise_order_number(str(out_trade_no)))
        if order is None or not trade_exists(order):
            raise AliError("40004", "Business Failed", "ACQ.TRADE_NOT_EXIST", "交易不存在")
        return order

    def _close(self, order: SandboxOrder) -> dict[str, Any]:
        with self.store.lock:
            fresh = self.store.get(order.out_trade_no)
            assert fresh is not None
            if fresh.upstream.state not in (OrderState.CREATED, OrderState.USERPAYING):
                self.store.save(fresh, close_call=True)
                raise AliError("40004", "Business Failed", "ACQ.TRADE_STATUS_ERROR",
                               "交易状态不合法: 只有等待买家付款状态下才能发起交易关闭")
            now = self.clock()
            fresh.upstream.state = OrderState.CLOSED
            fresh.catch_up(now)
            self.store.save(fresh, close_call=True)
        return {"trade_no": fresh.upstream.channel_trade_no, "out_trade_no": fresh.out_trade_no}

    def _cancel(self, order: SandboxOrder) -> dict[str, Any]:
        with self.store.lock:
            fresh = self.store.get(order.out_trade_no)
            assert fresh is not None
            up = fresh.upstream
            if up.state in (OrderState.REFUNDED, OrderState.PARTIAL_REFUNDED):
                raise AliError("40004", "Business Failed", "ACQ.CANCEL_NOT_ALLOWED", "交易已退款，不允许撤销")
            action = "refund" if up.state is OrderState.PAID else "close"
            if up.state not in (OrderState.REVOKED, OrderState.CLOSED, OrderState.PAY_FAILED):
                now = self.clock()
                if up.state is OrderState.PAID:
                    up.refund_amount, up.refunded_at = up.paid_amount, now
                up.state = OrderState.REVOKED
                fresh.catch_up(now)
                self.store.save(fresh, close_call=True)
        return {"trade_no": up.channel_trade_no, "out_trade_no": fresh.out_trade_no, "retry_flag": "N",
                "action": action}

    def _bill_url(self, biz: Mapping[str, Any], base_url: str) -> dict[str, Any]:
        if biz.get("bill_type") not in ("trade", "signcustomer"):
            raise AliError("40004", "Business Failed", "isv.invalid-parameter", "bill_type参数无效")
        try:
            day = date.fromisoformat(str(biz.get("bill_date", "")))
        except ValueError:
            raise AliError("40004", "Business Failed", "isv.invalid-parameter", "bill_date格式应为yyyy-MM-dd") from None
        if readiness(day, self.clock(), self._bill_ready_after_s()) is not Readiness.READY:
            raise AliError("40004", "Business Failed", "isp.bill_not_exist", "账单不存在")
        token = self.links.issue(self.bill_zip(day), "application/oct-stream", self.clock())
        return {"bill_download_url": f"{base_url}{DOWNLOAD_PATH}?bizType=trade&bizDates={day:%Y%m%d}"
                                     f"&downloadFileName={ek.ALIPAY_APP_ID}_{day:%Y%m%d}.csv.zip&token={token}"}

    def bill_csv(self, day: date) -> str:
        start = f"{day:%Y年%m月%d日} 00:00:00"
        end_day = date.fromordinal(day.toordinal() + 1)
        lines = ["#支付宝业务明细查询", f"#账号：[2088{ek.ALIPAY_APP_ID}]",
                 f"#起始日期：[{start}]   终止日期：[{end_day:%Y年%m月%d日} 00:00:00]",
                 "#-----------------------------------------业务明细列表----------------------------------------",
                 DETAIL_HEADER]
        trades = refunds = received = 0
        for event in bill_events(self.store, day):
            order, up = event.order, event.order.upstream
            if event.kind is BillKind.REVOKED:
                continue  # a cancelled payment is a trade and its refund in Alipay's bills; not emulated
            refund = event.kind is BillKind.REFUND
            amount = -event.amount if refund else event.amount
            created = datetime.fromtimestamp(order.created_at, CHINA_TZ).strftime(signing.TIMESTAMP_FORMAT)
            done = datetime.fromtimestamp(event.at, CHINA_TZ).strftime(signing.TIMESTAMP_FORMAT)
            fields = [up.channel_trade_no + "\t", order.out_trade_no + "\t", "退款" if refund else "交易",
                      order.subject.replace(",", "，"), created, done, order.store_no, "演示门店", order.operator,
                      order.terminal_no, "csq***@sandbox.com", yuan(amount), yuan(amount), "0.00", "0.00", "0.00",
                      "0.00", "0.00", "", "0.00", "0.00", (f"R{order.out_trade_no}\t" if refund else ""), "0.00",
                      "0.00", ""]
            lines.append(",".join(fields))
            if refund:
                refunds += 1
            else:
                trades += 1
            received += amount
        lines.append("#-----------------------------------------业务明细列表结束------------------------------------")
        lines.append(f"#交易合计：{trades}笔，商家实收共{yuan(received)}元，商家优惠共0.00元")
        lines.append(f"#退款合计：{refunds}笔")
        lines.append(f"#导出时间：[{datetime.fromtimestamp(self.clock(), CHINA_TZ):%Y年%m月%d日 %H:%M:%S}]")
        return "\r\n".join(lines) + "\r\n"

    def bill_zip(self, day: date) -> bytes:
        detail = self.bill_csv(day)
        summary = "\r\n".join(["#支付宝业务汇总查询", f"#账号：[2088{ek.ALIPAY_APP_ID}]",
                               "门店编号,门店名称,交易订单总笔数,退款订单总笔数,订单金额（元）,商家实收（元）",
                               "#-----------------------------------------业务汇总列表结束------------------------------------"])
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(f"{ek.ALIPAY_APP_ID}_{day:%Y%m%d}_业务明细.csv", detail.encode("gb18030"))
            zf.writestr(f"{ek.ALIPAY_APP_ID}_{day:%Y%m%d}_业务明细(汇总).csv", summary.encode("gb18030"))
        return buffer.getvalue()


def trade_exists(order: SandboxOrder) -> bool:
    """A 扫码 order has no Alipay trade until the buyer scans the code (its channel state moves on)."""
    return not (order.trade_type == "NATIVE" and order.upstream.state is OrderState.CREATED)


def trade(order: SandboxOrder) -> dict[str, Any]:
    """alipay.trade.query's answer from the channel's own record."""
    up = order.upstream
    paid = up.paid_at is not None
    if up.state in (OrderState.CREATED, OrderState.USERPAYING):
        status = "WAIT_BUYER_PAY"
    elif up.state in (OrderState.PAID, OrderState.PARTIAL_REFUNDED):
        status = "TRADE_SUCCESS"
    else:
        status = "TRADE_CLOSED"
    data: dict[str, Any] = {
        "trade_no": up.channel_trade_no, "out_trade_no": order.out_trade_no, "buyer_logon_id": "csq***@sandbox.com",
        "trade_status": status, "total_amount": yuan(order.total_amount),
    }
    if paid:
        assert up.paid_at is not None
        received = up.paid_amount or order.total_amount
        data.update({
            "receipt_amount": yuan(received), "buyer_pay_amount": yuan(received), "point_amount": "0.00",
            "invoice_amount": yuan(received),
            "send_pay_date": datetime.fromtimestamp(up.paid_at, CHINA_TZ).strftime(signing.TIMESTAMP_FORMAT),
            "fund_bill_list": [{"amount": yuan(received), "fund_channel": "ALIPAYACCOUNT"}],
            "buyer_user_id": "2088102169481075",
        })
    else:
        data.update({"receipt_amount": "0.00", "buyer_pay_amount": "0.00"})
    data.update({"store_id": order.store_no, "terminal_id": order.terminal_no, "subject": order.subject})
    return data


def _alipay_json(value: Any) -> str:
    """Compact JSON, Chinese as it is, and `/` escaped as `\\/`: bytes a re-serializer would not reproduce."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("/", "\\/")


