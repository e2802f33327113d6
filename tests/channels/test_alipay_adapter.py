"""The Alipay adapter against the gateway emulator over real HTTP: states, TRADE_CLOSED told apart,
ACQ.TRADE_NOT_EXIST never "no such order", Beijing timestamps, exact yuan, raw-text verification,
errors, the bill zip."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
import requests

from cashier_app.domain.orders import OrderState
from cashier_app.domain.timezones import CHINA_TZ
from cashier_app.platform import rsa_keys
from cashier_app.platform.adapter import CheckOutcome
from cashier_app.platform.alipay import signing
from cashier_app.platform.alipay.client import AlipayAdapter
from cashier_app.platform.results import (
    BillNotReady,
    NotClosable,
    NotQueryableYet,
    NotStartedYet,
    OrderClosed,
    OrderFound,
    StateUnknown,
    UnknownReason,
)
from cashier_app.sandbox.server import SandboxServer
from tests.helpers.channels import Control, alipay_settings, keys_info

ALIPAY_STATES = [
    ("CREATED", "MICROPAY", "WAIT_BUYER_PAY", OrderState.CREATED),
    ("USERPAYING", "NATIVE", "WAIT_BUYER_PAY", OrderState.CREATED),
    ("PAID", "MICROPAY", "TRADE_SUCCESS", OrderState.PAID),
    ("PARTIAL_REFUNDED", "MICROPAY", "TRADE_SUCCESS", OrderState.PAID),
    ("REFUNDED", "MICROPAY", "TRADE_CLOSED", OrderState.REFUNDED),
    ("CLOSED", "MICROPAY", "TRADE_CLOSED", OrderState.CLOSED),
    ("PAY_FAILED", "MICROPAY", "TRADE_CLOSED", OrderState.CLOSED),
]


@pytest.fixture
def shanghai_unaware_zone() -> Iterator[None]:
    """This computer's zone is far from Beijing's (the SDKs' local-time bug would show here)."""
    previous = os.environ.get("TZ")
    os.environ["TZ"] = "America/Los_Angeles"
    time.tzset()
    yield
    if previous is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = previous
    time.tzset()


@pytest.mark.parametrize("case", ALIPAY_STATES, ids=[c[0] for c in ALIPAY_STATES])
def test_every_trade_status(alipay: Control, alipay_adapter: AlipayAdapter,
                            case: tuple[str, str, str, OrderState]) -> None:
    upstream, trade_type, status, state = case
    alipay.create({"out_trade_no": "AL0001", "state": upstream, "upstream_state": upstream, "total_amount": 1250,
                   "trade_type": trade_type})
    result = alipay_adapter.query("AL0001")
    assert isinstance(result, OrderFound), result
    assert (result.order.state, result.order.channel_state, result.order.total_amount) == (state, status, 1250)


def test_trade_closed_after_payment_is_refunded_never_closed(alipay: Control, alipay_adapter: AlipayAdapter) -> None:
    alipay.create({"out_trade_no": "AL0002", "state": "PAID", "upstream_state": "PAID"})
    assert isinstance(alipay_adapter.query("AL0002"), OrderFound)
    alipay.upstream("AL0002", state="REFUNDED")
    after = alipay_adapter.query("AL0002")
    assert isinstance(after, OrderFound) and after.order.state is OrderState.REFUNDED
    assert after.order.paid_at is not None


def test_qr_code_not_scanned_is_never_no_such_order(alipay: Control, alipay_adapter: AlipayAdapter,
                                                    alipay_server: SandboxServer) -> None:
    alipay.create({"out_trade_no": "AL0003", "state": "CREATED", "trade_type": "NATIVE", "total_amount": 600})
    result = alipay_adapter.query("AL0003")
    assert isinstance(result, NotStartedYet)
    # Nothing to close either: the code can still be scanned.
    assert isinstance(alipay_adapter.close_order("AL0003"), NotStartedYet)
    # The customer scans and pays: now it is there, and paid.
    alipay.upstream("AL0003", state="PAID")
    paid = alipay_adapter.query("AL0003")
    assert isinstance(paid, OrderFound) and paid.order.state is OrderState.PAID
    trade_no = alipay_server.store.get("AL0003").upstream.channel_trade_no  # type: ignore[union-attr]
    assert isinstance(alipay_adapter.query(channel_trade_no=trade_no), OrderFound)
    assert isinstance(alipay_adapter.query(channel_trade_no="2026010122001499999999999999"), NotQueryableYet)


def test_close(alipay: Control, alipay_adapter: AlipayAdapter) -> None:
    alipay.create({"out_trade_no": "AL0004", "state": "CREATED"},
                  {"out_trade_no": "AL0005", "state": "PAID", "upstream_state": "PAID"})
    closed = alipay_adapter.close_order("AL0004")
    assert isinstance(closed, OrderClosed) and closed.order.state is OrderState.CLOSED
    refused = alipay_adapter.close_order("AL0005")
    assert isinstance(refused, NotClosable) and refused.order is not None
    assert refused.order.state is OrderState.PAID


def test_amounts_are_exact_fen(alipay: Control, alipay_adapter: AlipayAdapter) -> None:
    for number, fen in (("AL0006", 1), ("AL0007", 10), ("AL0008", 29), ("AL0009", 123456789)):
        alipay.create({"out_trade_no": number, "state": "PAID", "upstream_state": "PAID", "total_amount": fen})
        found = alipay_adapter.query(number)
        assert isinstance(found, OrderFound) and found.order.total_amount == fen == found.order.paid_amount


def test_timestamp_is_beijing_time_in_any_zone(alipay: Control, alipay_adapter: AlipayAdapter,
                                               shanghai_unaware_zone: None) -> None:
    alipay.create({"out_trade_no": "AL0010", "state": "PAID", "upstream_state": "PAID"})
    assert isinstance(alipay_adapter.query("AL0010"), OrderFound)
    assert signing.beijing_timestamp(lambda: 0.0) == "1970-01-01 08:00:00"


def test_the_gateway_refuses_local_time_from_another_zone(alipay: Control, alipay_server: SandboxServer) -> None:
    info = keys_info(alipay_server)
    key = rsa_keys.load_private_pem(Path(info["files"]["app_private_key"]).read_bytes())
    params = {"app_id": info["app_id"], "method": "alipay.trade.query", "charset": "utf-8", "sign_type": "RSA2",
              "version": "1.0", "biz_content": '{"out_trade_no":"AL0011"}',
              # UTC wall time, as an SDK on a UTC machine sends it: 8 hours off.
              "timestamp": time.strftime(signing.TIMESTAMP_FORMAT, time.gmtime())}
    params["sign"] = signing.sign_params(key, params)
    answer = requests.post(info["gateway_url"], data=params, timeout=5).json()
    assert answer["alipay_trade_query_response"]["sub_code"] == "isv.invalid-timestamp"


def test_verification_over_the_raw_text(alipay: Control, alipay_adapter: AlipayAdapter,
                                        alipay_server: SandboxServer) -> None:
    # A subject with braces, quotes and a slash: the signed text is exactly what was sent.
    alipay.create({"out_trade_no": "AL0012", "state": "PAID", "upstream_state": "PAID",
                   "subject": '豆浆 {大} "热" 1/2'})
    found = alipay_adapter.query("AL0012")
    assert isinstance(found, OrderFound) and found.order.subject == '豆浆 {大} "热" 1/2'
    alipay.faults(bad_signature=True, for_requests=5)
    refused = alipay_adapter.query("AL0012")
    assert isinstance(refused, StateUnknown) and refused.reason is UnknownReason.BAD_SIGNATURE


@pytest.mark.parametrize(("status", "reason", "attempts"), [
    (500, UnknownReason.PLATFORM_ERROR, 3),
    (401, UnknownReason.CREDENTIALS, 1),
    (403, UnknownReason.TERMINAL_NOT_BOUND, 1),
    (400, UnknownReason.INVALID_PARAMS, 1),
])
def test_errors_are_state_unknown(alipay: Control, alipay_adapter: AlipayAdapter, status: int,
                                  reason: UnknownReason, attempts: int) -> None:
    alipay.create({"out_trade_no": "AL0013", "state": "PAID", "upstream_state": "PAID"})
    alipay.faults(status=status, for_requests=10)
    result = alipay_adapter.query("AL0013")
    assert isinstance(result, StateUnknown), result
    assert (result.reason, result.attempts) == (reason, attempts)


def test_a_lost_answer_is_unknown_never_unpaid(alipay: Control, alipay_adapter: AlipayAdapter) -> None:
    alipay.create({"out_trade_no": "AL0014", "state": "CREATED"})
    alipay.faults(drop_response=True, for_requests=10)
    result = alipay_adapter.query("AL0014")
    assert isinstance(result, StateUnknown) and result.reason is UnknownReason.NETWORK


def test_check_credentials(alipay: Control, alipay_adapter: AlipayAdapter, alipay_server: SandboxServer) -> None:
    check = alipay_adapter.check_credentials()
    assert check.outcome is CheckOutcome.ACCEPTED and "ACQ.TRADE_NOT_EXIST" in check.answered
    stranger = rsa_keys.to_compact(rsa_keys.new_private_key())
    with AlipayAdapter(alipay_settings(alipay_server), lambda: stranger) as adapter:
        refused = adapter.check_credentials()
    assert refused.outcome is CheckOutcome.REJECTED and "isv.invalid-signature" in refused.detail


def test_bill_zip_of_gbk_csv(alipay: Control, alipay_adapter: AlipayAdapter) -> None:
    today = datetime.now(CHINA_TZ).date()  # the platform's day is Beijing's, not the machine's
    assert isinstance(alipay_adapter.daily_bill(today), BillNotReady)
    alipay.create({"out_trade_no": "AL0020", "state": "PAID", "upstream_state": "PAID", "total_amount": 3680,
                   "subject": "面包，牛奶"},
                  {"out_trade_no": "AL0021", "state": "PAID", "upstream_state": "REFUNDED", "total_amount": 500},
                  {"out_trade_no": "AL0022", "state": "CREATED"})
    alipay.options(bill_ready_after_s=-86400)
    bill = alipay_adapter.daily_bill(today)
    assert not isinstance(bill, BillNotReady | StateUnknown), bill
    kinds = sorted((e.out_trade_no, e.kind.value, e.amount) for e in bill.entries)
    assert kinds == [("AL0020", "payment", 3680), ("AL0021", "payment", 500), ("AL0021", "refund", 500)]
    assert all(e.channel_trade_no and "\t" not in e.channel_trade_no for e in bill.entries)
