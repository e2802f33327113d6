"""The WeChat Pay API v3 adapter against the emulator over real HTTP: states, errors, signatures
and windows in both directions, probes, REFUND's ambiguity, close's 204, partner mode, the bill."""

from __future__ import annotations

import gzip
import time
from datetime import datetime
from pathlib import Path

import pytest
import requests

from cashier_app.domain.orders import OrderState
from cashier_app.domain.timezones import CHINA_TZ
from cashier_app.platform import rsa_keys
from cashier_app.platform.adapter import CheckOutcome
from cashier_app.platform.results import (
    BillNotReady,
    NotClosable,
    NotQueryableYet,
    OrderClosed,
    OrderFound,
    OrderNotFound,
    StateUnknown,
    SyncResult,
    UnknownReason,
    UnsupportedOperation,
)
from cashier_app.platform.wechatpay import signing
from cashier_app.platform.wechatpay.client import WechatPayAdapter
from cashier_app.sandbox.server import SandboxServer
from tests.helpers.channels import Control, keys_info, merchant_secret, wechat_settings

WECHAT_STATES = [
    ("CREATED", "NOTPAY", OrderState.CREATED),
    ("USERPAYING", "USERPAYING", OrderState.USERPAYING),
    ("PAID", "SUCCESS", OrderState.PAID),
    ("PARTIAL_REFUNDED", "REFUND", OrderState.PARTIAL_REFUNDED),
    # REFUND alone never proves a full refund.
    ("REFUNDED", "REFUND", OrderState.PARTIAL_REFUNDED),
    ("PAY_FAILED", "PAYERROR", OrderState.PAY_FAILED),
    ("REVOKED", "REVOKED", OrderState.REVOKED),
    ("CLOSED", "CLOSED", OrderState.CLOSED),
]


@pytest.mark.parametrize(("upstream", "trade_state", "state"), WECHAT_STATES)
def test_every_trade_state(wechat: Control, wechat_adapter: WechatPayAdapter, upstream: str, trade_state: str,
                           state: OrderState) -> None:
    wechat.create({"out_trade_no": "WX0001", "state": upstream, "upstream_state": upstream, "total_amount": 1250})
    result = wechat_adapter.query("WX0001")
    assert isinstance(result, OrderFound), result
    order = result.order
    assert (order.state, order.channel_state, order.total_amount) == (state, trade_state, 1250)
    paid = upstream in ("PAID", "PARTIAL_REFUNDED", "REFUNDED")
    assert (order.channel_trade_no is not None) == paid
    assert (order.paid_at is not None) == paid
    assert result.request_id


def test_not_found_and_transaction_id_before_payment(wechat: Control, wechat_adapter: WechatPayAdapter,
                                                     wechat_server: SandboxServer) -> None:
    wechat.create({"out_trade_no": "WX0002", "state": "CREATED"})
    assert isinstance(wechat_adapter.query("NOSUCHORDER"), OrderNotFound)
    channel_no = wechat_server.store.get("WX0002").upstream.channel_trade_no  # type: ignore[union-attr]
    # WeChat gives no transaction_id before payment: 404 by that number is "not queryable yet".
    assert isinstance(wechat_adapter.query(channel_trade_no=channel_no), NotQueryableYet)
    wechat.upstream("WX0002", state="PAID")
    found = wechat_adapter.query(channel_trade_no=channel_no)
    assert isinstance(found, OrderFound) and found.order.out_trade_no == "WX0002"
    # lookup() guesses a 28-digit 42... number is WeChat's and finds it.
    assert isinstance(wechat_adapter.lookup(channel_no), OrderFound)


def test_sync_is_a_fresh_query(wechat: Control, wechat_adapter: WechatPayAdapter) -> None:
    wechat.create({"out_trade_no": "WX0003", "state": "USERPAYING"})
    first = wechat_adapter.sync("WX0003")
    assert isinstance(first, SyncResult) and first.order.state is OrderState.USERPAYING and not first.changed
    wechat.upstream("WX0003", state="PAID")
    second = wechat_adapter.sync("WX0003")
    assert isinstance(second, SyncResult)
    assert (second.order.state, second.upstream_state, second.changed) == (OrderState.PAID, OrderState.PAID, True)
    assert not wechat_adapter.capabilities.list
    with pytest.raises(UnsupportedOperation):
        wechat_adapter.list_orders(datetime.now().astimezone())


def test_refund_is_full_only_when_the_bills_prove_it(wechat: Control, wechat_server: SandboxServer) -> None:
    wechat.create({"out_trade_no": "WX0004", "state": "PAID", "upstream_state": "REFUNDED", "total_amount": 900})
    known: dict[str, int] = {}
    with WechatPayAdapter(wechat_settings(wechat_server), lambda: merchant_secret(wechat_server),
                          refunds=known.get) as adapter:
        partial = adapter.query("WX0004")
        assert isinstance(partial, OrderFound) and partial.order.state is OrderState.PARTIAL_REFUNDED
        known["WX0004"] = 900
        full = adapter.query("WX0004")
        assert isinstance(full, OrderFound) and full.order.state is OrderState.REFUNDED
        assert full.order.refund_amount == 900
        # Once proven full, a later REFUND answer is consistent with it: no step back.
        known.clear()
        again = adapter.query("WX0004")
        assert isinstance(again, OrderFound) and again.order.state is OrderState.REFUNDED


def test_close_204_is_not_proof(wechat: Control, wechat_adapter: WechatPayAdapter,
                                wechat_server: SandboxServer) -> None:
    wechat.create({"out_trade_no": "WX0005", "state": "CREATED"},
                  {"out_trade_no": "WX0006", "state": "PAID", "upstream_state": "PAID"})
    closed = wechat_adapter.close_order("WX0005")
    assert isinstance(closed, OrderClosed) and closed.order.state is OrderState.CLOSED
    # A repeat is 204 too; the query after it says CLOSED.
    assert isinstance(wechat_adapter.close_order("WX0005"), NotClosable)
    paid = wechat_adapter.close_order("WX0006")
    assert isinstance(paid, NotClosable) and paid.order is not None and paid.order.state is OrderState.PAID
    assert wechat.entry("WX0006")["upstream"]["state"] == "PAID"
    # WeChat answers 204 for a number it does not know: the query says there is no such order.
    assert isinstance(wechat_adapter.close_order("NOSUCH01"), OrderNotFound)


@pytest.mark.parametrize(("status", "reason", "attempts"), [
    (500, UnknownReason.PLATFORM_ERROR, 3),
    (503, UnknownReason.MAINTENANCE, 3),
    (429, UnknownReason.RATE_LIMITED, 3),
    (401, UnknownReason.CREDENTIALS, 1),
    (403, UnknownReason.TERMINAL_NOT_BOUND, 1),
    (400, UnknownReason.INVALID_PARAMS, 1),
])
def test_errors_are_state_unknown(wechat: Control, wechat_adapter: WechatPayAdapter, status: int,
                                  reason: UnknownReason, attempts: int) -> None:
    wechat.create({"out_trade_no": "WX0010", "state": "PAID", "upstream_state": "PAID"})
    wechat.faults(status=status, for_requests=10)
    result = wechat_adapter.query("WX0010")
    assert isinstance(result, StateUnknown), result
    assert (result.reason, result.attempts) == (reason, attempts)


def test_retry_after_a_system_error_then_found(wechat: Control, wechat_adapter: WechatPayAdapter) -> None:
    wechat.create({"out_trade_no": "WX0011", "state": "PAID", "upstream_state": "PAID"})
    wechat.faults(status=500, for_requests=1)
    result = wechat_adapter.query("WX0011")
    assert isinstance(result, OrderFound)


@pytest.mark.parametrize("fault", [{"bad_signature": True}, {"probe_signature": True},
                                   {"stale_timestamp_s": 301}, {"drop_response": True}])
def test_answers_that_cannot_be_believed(wechat: Control, wechat_adapter: WechatPayAdapter,
                                         fault: dict[str, object]) -> None:
    wechat.create({"out_trade_no": "WX0012", "state": "PAID", "upstream_state": "PAID"})
    wechat.faults(for_requests=10, **fault)
    result = wechat_adapter.query("WX0012")
    assert isinstance(result, StateUnknown), result
    expected = {"bad_signature": UnknownReason.BAD_SIGNATURE, "probe_signature": UnknownReason.BAD_SIGNATURE,
                "stale_timestamp_s": UnknownReason.CREDENTIALS, "drop_response": UnknownReason.NETWORK}
    assert result.reason is expected[next(iter(fault))]
    if "stale_timestamp_s" in fault:
        assert "5 minutes" in result.detail


def test_an_answer_just_inside_the_window_is_believed(wechat: Control, wechat_adapter: WechatPayAdapter) -> None:
    wechat.create({"out_trade_no": "WX0013", "state": "PAID", "upstream_state": "PAID"})
    wechat.faults(stale_timestamp_s=250, for_requests=1)
    assert isinstance(wechat_adapter.query("WX0013"), OrderFound)


def test_request_outside_the_window_is_refused_with_wechats_words(wechat: Control,
                                                                  wechat_server: SandboxServer) -> None:
    wechat.create({"out_trade_no": "WX0014", "state": "PAID", "upstream_state": "PAID"})
    with WechatPayAdapter(wechat_settings(wechat_server), lambda: merchant_secret(wechat_server),
                          clock=lambda: time.time() - 400) as late:
        result = late.query("WX0014")
    assert isinstance(result, StateUnknown) and result.reason is UnknownReason.CREDENTIALS
    # Our clock is 400 s behind: WeChat's answer, stamped by its clock, is outside our window too.
    assert "clock" in result.detail


def test_request_signature_checked_by_the_emulator(wechat: Control, wechat_server: SandboxServer) -> None:
    info = keys_info(wechat_server)
    wechat.create({"out_trade_no": "WX0015", "state": "PAID", "upstream_state": "PAID"})
    key = rsa_keys.load_private_pem(Path(info["files"]["merchant_private_key"]).read_bytes())
    url = f"/v3/pay/transactions/out-trade-no/WX0015?mchid={info['mchid']}"
    ts, nonce = str(int(time.time())), signing.new_nonce()
    signature = rsa_keys.sign(key, signing.request_message("GET", url, ts, nonce, b""))
    # The five fields in another order: accepted.
    header = (f'{signing.SCHEMA} timestamp="{ts}",serial_no="{info["merchant_serial_no"]}",signature="{signature}",'
              f'mchid="{info["mchid"]}",nonce_str="{nonce}"')
    ok = requests.get(wechat_server.base_url + url, headers={"Authorization": header}, timeout=5)
    assert ok.status_code == 200 and ok.headers["Wechatpay-Signature-Type"] == signing.SCHEMA
    assert ok.headers["Request-ID"]
    # The query string is part of what is signed.
    unsigned_query = requests.get(wechat_server.base_url + url.replace("WX0015?", "WX0015?x=1&"),
                                  headers={"Authorization": header}, timeout=5)
    assert unsigned_query.status_code == 401 and unsigned_query.json()["code"] == "SIGN_ERROR"
    old = str(int(time.time()) - 301)
    stale = signing.sign_request(key, mchid=info["mchid"], serial_no=info["merchant_serial_no"], method="GET",
                                 url=url, timestamp=old, nonce=nonce, body=b"")
    refused = requests.get(wechat_server.base_url + url, headers={"Authorization": stale}, timeout=5)
    assert refused.status_code == 401
    assert refused.json() == {"code": "SIGN_ERROR", "message": signing.TIMESTAMP_MESSAGE}
    # Errors are signed too.
    assert refused.headers["Wechatpay-Signature"]


@pytest.mark.parametrize("mode", ["public-key", "certificate", "both"])
def test_verification_in_public_key_and_certificate_mode(wechat: Control, wechat_server: SandboxServer,
                                                         mode: str) -> None:
    wechat.create({"out_trade_no": "WX0016", "state": "PAID", "upstream_state": "PAID"})
    settings = wechat_settings(wechat_server, mode=mode)
    with WechatPayAdapter(settings, lambda: merchant_secret(wechat_server)) as adapter:
        assert isinstance(adapter.query("WX0016"), OrderFound)


def test_an_answer_signed_with_an_unconfigured_key_is_refused(wechat: Control, wechat_server: SandboxServer,
                                                              tmp_path: object) -> None:
    wechat.create({"out_trade_no": "WX0017", "state": "PAID", "upstream_state": "PAID"})
    # Certificate mode only, but the emulator signs with the public key when asked by ID: it is not
    # asked here, so it signs with the certificate; pretend we hold another certificate instead.
    settings = wechat_settings(wechat_server, mode="public-key")
    other = rsa_keys.new_private_key()
    path = wechat_server.keys_dir / "other_public_key.pem"  # type: ignore[operator]
    path.write_bytes(rsa_keys.public_pem(other.public_key()))
    settings.wechatpay.public_key_file = str(path)
    with WechatPayAdapter(settings, lambda: merchant_secret(wechat_server)) as adapter:
        result = adapter.query("WX0017")
    assert isinstance(result, StateUnknown) and result.reason is UnknownReason.BAD_SIGNATURE


def test_service_provider_mode(wechat: Control, wechat_server: SandboxServer) -> None:
    wechat.create({"out_trade_no": "WX0018", "state": "CREATED"})
    with WechatPayAdapter(wechat_settings(wechat_server, partner=True),
                          lambda: merchant_secret(wechat_server)) as adapter:
        found = adapter.query("WX0018")
        assert isinstance(found, OrderFound) and found.order.state is OrderState.CREATED
        assert isinstance(adapter.close_order("WX0018"), OrderClosed)


def test_missing_keys_say_which_setting(wechat: Control, wechat_server: SandboxServer) -> None:
    settings = wechat_settings(wechat_server)
    settings.wechatpay.public_key_file = "/nonexistent/wechatpay_public_key.pem"
    with WechatPayAdapter(settings, lambda: merchant_secret(wechat_server)) as adapter:
        result = adapter.query("WX0019")
    assert isinstance(result, StateUnknown) and result.reason is UnknownReason.CREDENTIALS
    assert "platform.wechatpay.public_key_file" in result.detail and "credentials set" in result.detail

    def no_key() -> str:
        raise RuntimeError("no key stored")

    with WechatPayAdapter(wechat_settings(wechat_server), no_key) as adapter:
        missing = adapter.query("WX0019")
    assert isinstance(missing, StateUnknown) and missing.reason is UnknownReason.CREDENTIALS


def test_check_credentials(wechat: Control, wechat_adapter: WechatPayAdapter, wechat_server: SandboxServer) -> None:
    check = wechat_adapter.check_credentials()
    assert check.outcome is CheckOutcome.ACCEPTED and "ORDER_NOT_EXIST" in check.answered
    assert check.skew_s is not None and abs(check.skew_s) < 5
    stranger = rsa_keys.to_compact(rsa_keys.new_private_key())
    with WechatPayAdapter(wechat_settings(wechat_server), lambda: stranger) as adapter:
        refused = adapter.check_credentials()
    assert refused.outcome is CheckOutcome.REJECTED and "SIGN_ERROR" in refused.answered


def test_bill_download_hash_and_parse(wechat: Control, wechat_adapter: WechatPayAdapter,
                                      wechat_server: SandboxServer) -> None:
    today = datetime.now(CHINA_TZ).date()  # the platform's day is Beijing's, not the machine's
    assert isinstance(wechat_adapter.daily_bill(today), BillNotReady)
    wechat.create({"out_trade_no": "WX0020", "state": "PAID", "upstream_state": "PAID", "total_amount": 1250,
                   "subject": "咖啡, 大杯"},
                  {"out_trade_no": "WX0021", "state": "PAID", "upstream_state": "PARTIAL_REFUNDED",
                   "total_amount": 800, "refund_amount": 300},
                  {"out_trade_no": "WX0022", "state": "CREATED"})
    wechat.options(bill_ready_after_s=-86400)
    bill = wechat_adapter.daily_bill(today)
    assert not isinstance(bill, BillNotReady | StateUnknown), bill
    kinds = sorted((e.out_trade_no, e.kind.value, e.amount) for e in bill.entries)
    assert kinds == [("WX0020", "payment", 1250), ("WX0021", "payment", 800), ("WX0021", "refund", 300)]
    # The emulator's file is gzip on request, its hash that of the uncompressed bill.
    raw = wechat_server.channel.bill_csv(today)  # type: ignore[union-attr]
    assert gzip.decompress(gzip.compress(raw)) == raw and raw.count(b"`") > 20
