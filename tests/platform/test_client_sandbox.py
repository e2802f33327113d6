"""PlatformClient against the real sandbox over HTTP: every state, every error code, the faults."""

from __future__ import annotations

import itertools
import logging
import threading
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from cashier_app.domain.order_numbers import NumberKind
from cashier_app.domain.orders import OrderState
from cashier_app.platform import signing
from cashier_app.platform.client import PlatformClient
from cashier_app.platform.number_search import search
from cashier_app.platform.results import (
    NotClosable,
    NotQueryableYet,
    OrderClosed,
    OrderFound,
    OrderNotFound,
    OrderPage,
    QueryResult,
    StateUnknown,
    SyncResult,
    UnknownReason,
)
from cashier_app.sandbox import terminal
from tests.helpers.platform_sandbox import Sandbox, fast_settings

PAID_LIKE = (OrderState.PAID, OrderState.PARTIAL_REFUNDED, OrderState.REFUNDED)


def unknown(result: object, reason: UnknownReason) -> StateUnknown:
    assert isinstance(result, StateUnknown), result
    assert result.reason is reason, result
    return result


# -- states ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("state", list(OrderState))
def test_query_every_state(sandbox: Sandbox, client: PlatformClient, state: OrderState) -> None:
    sandbox.create({"out_trade_no": "202611220001", "state": state.value, "total_amount": 1250})
    result = client.query("202611220001")
    assert isinstance(result, OrderFound), result
    order = result.order
    assert (order.out_trade_no, order.state, order.total_amount) == ("202611220001", state, 1250)
    assert order.terminal_no == "T0001"
    assert order.created_at.utcoffset() is not None
    assert order.to_json()["state"] == state.value
    if state in PAID_LIKE:
        assert order.channel_trade_no and order.paid_at is not None
        by_channel = client.query(channel_trade_no=order.channel_trade_no)
        assert isinstance(by_channel, OrderFound) and by_channel.order == order
    else:
        assert order.channel_trade_no is None


def test_not_found_and_not_queryable_yet(sandbox: Sandbox, client: PlatformClient) -> None:
    missing = client.query("209901010001")
    assert isinstance(missing, OrderNotFound) and missing.number == "209901010001"
    not_yet = client.query(channel_trade_no="4200001234202611221234567890")
    assert isinstance(not_yet, NotQueryableYet)
    assert not_yet.channel_trade_no == "4200001234202611221234567890"


def test_input_numbers_are_normalised(sandbox: Sandbox, client: PlatformClient) -> None:
    sandbox.create({"out_trade_no": "202611220001", "state": "PAID"})
    result = client.query(" ２０２６ １１２２ ０００１\u3000")
    assert isinstance(result, OrderFound) and result.order.out_trade_no == "202611220001"
    assert client.known_state("２０２６１１２２０００１") is OrderState.PAID


def test_lookup_guesses_the_kind_of_number(sandbox: Sandbox, client: PlatformClient) -> None:
    sandbox.create({"out_trade_no": "202611220001", "state": "PAID", "channel": "WECHAT"})
    found = client.query("202611220001")
    assert isinstance(found, OrderFound) and found.order.channel_trade_no
    by_channel = client.lookup(" ".join(found.order.channel_trade_no))  # spaced out, as typed from a voucher
    assert isinstance(by_channel, OrderFound) and by_channel.order.out_trade_no == "202611220001"
    by_merchant = client.lookup("２０２６１１２２０００１")
    assert isinstance(by_merchant, OrderFound)
    # A merchant number shaped like a WeChat one: not known as a channel number, found as a merchant one.
    sandbox.create({"out_trade_no": "4200000000202611220000000001", "state": "CREATED"})
    odd = client.lookup("4200000000202611220000000001")
    assert isinstance(odd, OrderFound) and odd.order.state is OrderState.CREATED


# -- sync -----------------------------------------------------------------------------------------


def test_sync_catches_a_dropped_order_up(sandbox: Sandbox, client: PlatformClient) -> None:
    sandbox.create({"out_trade_no": "202611220002", "state": "USERPAYING", "upstream_state": "PAID"})
    before = client.query("202611220002")
    assert isinstance(before, OrderFound) and before.order.state is OrderState.USERPAYING
    synced = client.sync("202611220002")
    assert isinstance(synced, SyncResult), synced
    assert synced.changed is True
    assert synced.upstream_state is OrderState.PAID
    assert synced.order.state is OrderState.PAID and synced.order.channel_trade_no
    assert synced.synced_at.tzinfo is not None
    assert sandbox.order_state("202611220002")["channel_queries"] == 1
    # Now that the platform has the channel's number, it can be found by it.
    by_channel = client.query(channel_trade_no=synced.order.channel_trade_no)
    assert isinstance(by_channel, OrderFound) and by_channel.order.state is OrderState.PAID


def test_sync_of_an_unknown_order(sandbox: Sandbox, client: PlatformClient) -> None:
    assert isinstance(client.sync("209901010009"), OrderNotFound)


def test_same_key_same_body_gives_the_first_answer_without_a_second_channel_query(
        sandbox: Sandbox, client: PlatformClient) -> None:
    sandbox.create({"out_trade_no": "202611220003", "state": "CREATED", "upstream_state": "PAID"})
    first = client.sync("202611220003", idempotency_key="sync-key-0001")
    again = client.sync("202611220003", idempotency_key="sync-key-0001")
    assert isinstance(first, SyncResult) and isinstance(again, SyncResult)
    assert again.synced_at == first.synced_at and again.order == first.order
    assert sandbox.order_state("202611220003")["channel_queries"] == 1


def test_same_key_other_body_is_refused(sandbox: Sandbox, client: PlatformClient) -> None:
    sandbox.create({"out_trade_no": "202611220004", "state": "CREATED"},
                   {"out_trade_no": "202611220005", "state": "CREATED"})
    assert isinstance(client.sync("202611220004", idempotency_key="sync-key-0002"), SyncResult)
    result = unknown(client.sync("202611220005", idempotency_key="sync-key-0002"),
                     UnknownReason.IDEMPOTENCY_KEY_REUSED)
    assert (result.http_status, result.code, result.attempts) == (422, "IDEMPOTENCY_KEY_REUSED", 1)


def test_bad_idempotency_keys_are_a_programming_error(client: PlatformClient) -> None:
    with pytest.raises(ValueError, match="8-64"):
        client.sync("202611220001", idempotency_key="short")
    with pytest.raises(ValueError, match="exactly one"):
        client.query()
    with pytest.raises(ValueError, match="empty"):
        client.query(" \u3000 ")


def test_sync_in_progress(sandbox: Sandbox, settings: Any) -> None:
    sandbox.create({"out_trade_no": "202611220006", "state": "CREATED", "upstream_state": "PAID", "delay_ms": 800})
    with PlatformClient(settings, lambda: terminal.KEY) as first, \
            PlatformClient(fast_settings(sandbox.base_url, max_attempts=1), lambda: terminal.KEY) as second:
        results: list[object] = []
        worker = threading.Thread(target=lambda: results.append(first.sync("202611220006")))
        worker.start()
        deadline = time.monotonic() + 5
        while not sandbox.order_state("202611220006")["sync_in_progress"] and time.monotonic() < deadline:
            time.sleep(0.01)
        result = unknown(second.sync("202611220006"), UnknownReason.SYNC_IN_PROGRESS)
        assert (result.http_status, result.code) == (409, "SYNC_IN_PROGRESS")
        worker.join(10)
    assert isinstance(results[0], SyncResult)


def test_frequency_limited_beyond_the_budget(sandbox: Sandbox) -> None:
    sandbox.create({"out_trade_no": "202611220007", "state": "CREATED"})
    with PlatformClient(fast_settings(sandbox.base_url, retry_budget_s=1.0), lambda: terminal.KEY) as client:
        assert isinstance(client.sync("202611220007"), SyncResult)
        result = unknown(client.sync("202611220007"), UnknownReason.RATE_LIMITED)
    assert (result.http_status, result.code) == (429, "FREQUENCY_LIMITED")
    assert result.retry_after is not None and 1 <= result.retry_after <= 5
    assert sandbox.order_state("202611220007")["channel_queries"] == 1


# -- list -----------------------------------------------------------------------------------------


def test_list_follows_the_cursor_oldest_first(sandbox: Sandbox, client: PlatformClient) -> None:
    base = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
    for i in range(5):
        stamp = (base + timedelta(minutes=i)).isoformat()
        sandbox.create({"out_trade_no": f"20261122100{i}", "state": "PAID" if i % 2 == 0 else "CREATED",
                        "created_at": stamp, "updated_at": stamp})
    seen: list[str] = []
    cursor: str | None = None
    pages = 0
    while True:
        page = client.list_orders(base, page_size=2, cursor=cursor)
        assert isinstance(page, OrderPage), page
        pages += 1
        seen.extend(o.out_trade_no for o in page.orders)
        cursor = page.next_cursor
        if cursor is None:
            break
    assert pages == 3
    assert seen == [f"20261122100{i}" for i in range(5)]
    paid = client.list_orders("2026-11-22T18:00:00+08:00", state=OrderState.PAID)
    assert isinstance(paid, OrderPage)
    assert [o.out_trade_no for o in paid.orders] == ["202611221000", "202611221002", "202611221004"]
    later = client.list_orders(base + timedelta(minutes=3))
    assert isinstance(later, OrderPage) and [o.out_trade_no for o in later.orders] == ["202611221003",
                                                                                        "202611221004"]


def test_list_arguments_are_checked(client: PlatformClient) -> None:
    with pytest.raises(ValueError, match="page_size"):
        client.list_orders(datetime.now(UTC), page_size=201)
    with pytest.raises(ValueError, match="offset"):
        client.list_orders(datetime(2026, 11, 22))


def test_invalid_params_from_the_platform(sandbox: Sandbox, client: PlatformClient) -> None:
    result = unknown(client.list_orders(datetime.now(UTC), cursor="not-a-cursor"), UnknownReason.INVALID_PARAMS)
    assert (result.http_status, result.code, result.attempts) == (400, "INVALID_PARAMS", 1)
    assert "cursor" in result.detail
    too_long = unknown(client.query("1" * 65), UnknownReason.INVALID_PARAMS)
    assert "out_trade_no" in too_long.detail


# -- close ----------------------------------------------------------------------------------------


def test_close(sandbox: Sandbox, client: PlatformClient) -> None:
    sandbox.create({"out_trade_no": "202611220010", "state": "CREATED"},
                   {"out_trade_no": "202611220011", "state": "PAID"},
                   {"out_trade_no": "202611220012", "state": "USERPAYING", "upstream_state": "PAID"})
    closed = client.close_order("202611220010")
    assert isinstance(closed, OrderClosed), closed
    assert closed.order.state is OrderState.CLOSED
    not_closable = client.close_order("202611220011")
    assert isinstance(not_closable, NotClosable) and not_closable.out_trade_no == "202611220011"
    # The platform thought it unpaid, the channel has it paid: not closable, and never "closed".
    dropped = client.close_order("202611220012")
    assert isinstance(dropped, NotClosable), dropped
    after = client.query("202611220012")
    assert isinstance(after, OrderFound) and after.order.state is OrderState.PAID
    assert isinstance(client.close_order("209901010001"), OrderNotFound)


# -- forward only ---------------------------------------------------------------------------------


def test_an_answer_moving_an_order_back_is_refused(sandbox: Sandbox, client: PlatformClient,
                                                    caplog: pytest.LogCaptureFixture) -> None:
    sandbox.create({"out_trade_no": "202611220020", "state": "CREATED"},
                   {"out_trade_no": "202611220021", "state": "PAID"})
    client.seed_states({"202611220020": OrderState.PAID})  # what the journal saw before
    with caplog.at_level(logging.WARNING, logger="cashier_app.platform"):
        result = unknown(client.query("202611220020"), UnknownReason.MOVED_BACKWARDS)
    assert "PAID" in result.detail and "CREATED" in result.detail
    assert "202611220020" in caplog.text
    assert client.known_state("202611220020") is OrderState.PAID
    page = client.list_orders(datetime(2000, 1, 1, tzinfo=UTC))
    assert isinstance(page, OrderPage)
    assert [o.out_trade_no for o in page.orders] == ["202611220021"]
    assert [(r.out_trade_no, r.known_state, r.answered_state) for r in page.refused] == [
        ("202611220020", OrderState.PAID, OrderState.CREATED)]


# -- error codes through injected faults ----------------------------------------------------------


@pytest.mark.parametrize(
    "case",
    [
        (400, "INVALID_PARAMS", UnknownReason.INVALID_PARAMS, False),
        (401, "SIGN_ERROR", UnknownReason.CREDENTIALS, False),
        (403, "TERMINAL_NOT_BOUND", UnknownReason.TERMINAL_NOT_BOUND, False),
        (409, "SYNC_IN_PROGRESS", UnknownReason.SYNC_IN_PROGRESS, False),
        (422, "IDEMPOTENCY_KEY_REUSED", UnknownReason.IDEMPOTENCY_KEY_REUSED, False),
        (500, "SYSTEM_ERROR", UnknownReason.PLATFORM_ERROR, True),
        (502, "CHANNEL_ERROR", UnknownReason.CHANNEL_ERROR, False),
        (503, "MAINTENANCE", UnknownReason.MAINTENANCE, True),
    ],
    ids=lambda case: str(case[1]),
)
def test_error_codes_never_mean_unpaid(sandbox: Sandbox, client: PlatformClient,
                                       case: tuple[int, str, UnknownReason, bool]) -> None:
    status, code, reason, retried = case
    sandbox.create({"out_trade_no": "202611220030", "state": "CREATED"})
    sandbox.faults(status=status, for_requests=20)
    result = unknown(client.query("202611220030"), reason)
    assert (result.http_status, result.code) == (status, code)
    assert result.attempts == (4 if retried else 1)


@pytest.mark.parametrize("status", [500, 503])
def test_transient_errors_are_retried_then_succeed(sandbox: Sandbox, client: PlatformClient, status: int) -> None:
    sandbox.create({"out_trade_no": "202611220031", "state": "PAID"})
    sandbox.faults(status=status, for_requests=2)
    result = client.query("202611220031")
    assert isinstance(result, OrderFound) and result.order.state is OrderState.PAID
    assert sandbox.state()["faults"] is None  # both faulty answers were taken


def test_sync_after_500s_is_retried_with_its_key(sandbox: Sandbox, client: PlatformClient) -> None:
    sandbox.create({"out_trade_no": "202611220032", "state": "CREATED", "upstream_state": "PAID"})
    sandbox.faults(status=500, for_requests=2)
    result = client.sync("202611220032")
    assert isinstance(result, SyncResult) and result.order.state is OrderState.PAID
    assert sandbox.order_state("202611220032")["channel_queries"] == 1


def test_channel_error_of_a_real_sync(sandbox: Sandbox, client: PlatformClient) -> None:
    sandbox.create({"out_trade_no": "202611220033", "state": "USERPAYING", "upstream_state": "PAID",
                    "channel_error": True})
    result = unknown(client.sync("202611220033"), UnknownReason.CHANNEL_ERROR)
    assert (result.http_status, result.code, result.attempts) == (502, "CHANNEL_ERROR", 1)


def test_wrong_key_and_unbound_terminal(sandbox: Sandbox, settings: Any) -> None:
    sandbox.create({"out_trade_no": "202611220034", "state": "PAID"})
    with PlatformClient(settings, lambda: "not-the-terminal-key") as wrong:
        # The sandbox signs its refusal with the terminal's real key, which this client does not have:
        # a refusal it cannot verify is a transport fault, never an answer.
        result = wrong.query("202611220034")
    assert isinstance(result, StateUnknown)
    assert result.reason in (UnknownReason.CREDENTIALS, UnknownReason.BAD_SIGNATURE)
    unbound = fast_settings(sandbox.base_url, terminal_no="T9999")
    with PlatformClient(unbound, lambda: terminal.KEY) as stranger:
        refused = unknown(stranger.query("202611220034"), UnknownReason.TERMINAL_NOT_BOUND)
    assert (refused.http_status, refused.code) == (403, "TERMINAL_NOT_BOUND")


def test_clock_off_by_minutes_is_corrected_once(sandbox: Sandbox, settings: Any,
                                               caplog: pytest.LogCaptureFixture) -> None:
    sandbox.create({"out_trade_no": "202611220035", "state": "PAID"})
    with PlatformClient(settings, lambda: terminal.KEY, clock=lambda: time.time() - 1000) as late, \
            caplog.at_level(logging.WARNING, logger="cashier_app.platform"):
        assert isinstance(late.query("202611220035"), OrderFound)
        assert isinstance(late.query("202611220035"), OrderFound)
    assert caplog.text.count("clock differs") == 1


def test_replayed_nonce_is_retried_once_with_a_fresh_one(sandbox: Sandbox, settings: Any) -> None:
    sandbox.create({"out_trade_no": "202611220036", "state": "PAID"})
    nonce = "ReplayedNonce000"
    with PlatformClient(settings, lambda: terminal.KEY, nonce_factory=lambda: nonce) as fixed:
        assert isinstance(fixed.query("202611220036"), OrderFound)
        result = unknown(fixed.query("202611220036"), UnknownReason.CREDENTIALS)  # fresh nonce is the same
    assert (result.code, result.attempts) == ("NONCE_REPLAYED", 2)
    nonces = itertools.chain([nonce], iter(signing.new_nonce, None))
    with PlatformClient(settings, lambda: terminal.KEY, nonce_factory=lambda: next(nonces)) as once:
        assert isinstance(once.query("202611220036"), OrderFound)


def test_no_key_stored_is_a_credentials_problem(sandbox: Sandbox, settings: Any) -> None:
    from cashier_app.platform.credentials import CredentialStore

    with PlatformClient(settings, CredentialStore(settings).key_provider()) as client:
        result = unknown(client.query("202611220001"), UnknownReason.CREDENTIALS)
    assert result.code == "credentials_missing" and result.attempts == 0


# -- transport faults -----------------------------------------------------------------------------


def test_latency_beyond_the_timeout(sandbox: Sandbox) -> None:
    sandbox.create({"out_trade_no": "202611220040", "state": "PAID"})
    sandbox.faults(latency_ms=1500, for_requests=10)
    with PlatformClient(fast_settings(sandbox.base_url, timeout_s=0.3, max_attempts=2), lambda: terminal.KEY) as client:
        result = unknown(client.query("202611220040"), UnknownReason.TIMEOUT)
    assert result.attempts == 2


def test_one_slow_answer_is_retried(sandbox: Sandbox) -> None:
    sandbox.create({"out_trade_no": "202611220041", "state": "PAID"})
    sandbox.faults(latency_ms=1500, for_requests=1)
    with PlatformClient(fast_settings(sandbox.base_url, timeout_s=0.3), lambda: terminal.KEY) as client:
        assert isinstance(client.query("202611220041"), OrderFound)


def test_rate_limit_waits_retry_after_with_jitter(sandbox: Sandbox, settings: Any) -> None:
    sandbox.create({"out_trade_no": "202611220042", "state": "PAID"})
    sandbox.faults(rate_limit=True, retry_after=1, for_requests=1)
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        time.sleep(seconds)  # the client's own wait, recorded: not test synchronisation

    with PlatformClient(settings, lambda: terminal.KEY, sleep=sleep) as client:
        assert isinstance(client.query("202611220042"), OrderFound)
    assert len(waits) == 1 and 1.0 <= waits[0] <= 1.2 + 1e-9


def test_dropped_answer_of_a_sync_is_retried_with_the_same_key(sandbox: Sandbox, client: PlatformClient) -> None:
    sandbox.create({"out_trade_no": "202611220043", "state": "USERPAYING", "upstream_state": "PAID"})
    sandbox.faults(drop_response=True, for_requests=1)
    result = client.sync("202611220043", idempotency_key="sync-dropped-0001")
    assert isinstance(result, SyncResult), result
    assert result.order.state is OrderState.PAID and result.idempotency_key == "sync-dropped-0001"
    entry = sandbox.order_state("202611220043")
    assert entry["channel_queries"] == 1  # the platform asked the channel once, not twice
    assert entry["order"]["state"] == "PAID"


def test_dropped_answer_of_a_close_is_retried_with_the_same_key(sandbox: Sandbox, client: PlatformClient) -> None:
    sandbox.create({"out_trade_no": "202611220044", "state": "CREATED"})
    sandbox.faults(drop_response=True, for_requests=1)
    result = client.close_order("202611220044")
    assert isinstance(result, OrderClosed), result
    assert sandbox.order_state("202611220044")["close_calls"] == 1


def test_dropped_answers_of_a_query_and_a_list(sandbox: Sandbox, client: PlatformClient) -> None:
    sandbox.create({"out_trade_no": "202611220045", "state": "PAID"})
    sandbox.faults(drop_response=True, for_requests=2)
    assert isinstance(client.query("202611220045"), OrderFound)
    sandbox.faults(drop_response=True, for_requests=10)
    result = unknown(client.list_orders(datetime(2000, 1, 1, tzinfo=UTC)), UnknownReason.NETWORK)
    assert result.attempts == 4


@pytest.mark.parametrize("operation", ["query", "sync", "list", "close"])
def test_bad_signatures_are_never_believed(sandbox: Sandbox, client: PlatformClient, operation: str) -> None:
    sandbox.create({"out_trade_no": "202611220046", "state": "CREATED", "upstream_state": "PAID"})
    sandbox.faults(bad_signature=True, for_requests=1)
    calls: dict[str, Any] = {
        "query": lambda: client.query("202611220046"),
        "sync": lambda: client.sync("202611220046"),
        "list": lambda: client.list_orders(datetime(2000, 1, 1, tzinfo=UTC)),
        "close": lambda: client.close_order("202611220046"),
    }
    result = unknown(calls[operation](), UnknownReason.BAD_SIGNATURE)
    assert result.attempts == 1


def test_platform_unreachable(settings: Any) -> None:
    from tests.helpers.net import free_port

    closed = fast_settings(f"http://127.0.0.1:{free_port()}", max_attempts=2)
    with PlatformClient(closed, lambda: terminal.KEY) as client:
        result = unknown(client.query("202611220001"), UnknownReason.NETWORK)
    assert result.attempts == 2


def test_close_stops_a_waiting_retry(sandbox: Sandbox, caplog: pytest.LogCaptureFixture) -> None:
    sandbox.create({"out_trade_no": "202611220047", "state": "PAID"})
    sandbox.faults(rate_limit=True, retry_after=30, for_requests=1)
    client = PlatformClient(fast_settings(sandbox.base_url, retry_budget_s=60), lambda: terminal.KEY)
    results: list[object] = []
    caplog.set_level(logging.INFO, logger="cashier_app.platform.client")
    worker = threading.Thread(target=lambda: results.append(client.query("202611220047")))
    worker.start()
    # Closed once the client has read the 429 and waits to retry (the sandbox having sent it is not enough:
    # closed while the answer is still on its way, the call is cancelled, not rate limited).
    deadline = time.monotonic() + 5
    while "attempt 1: rate limited" not in caplog.text and time.monotonic() < deadline:
        time.sleep(0.01)
    client.close()
    worker.join(5)
    assert not worker.is_alive()
    unknown(results[0], UnknownReason.RATE_LIMITED)


def test_the_command_line_and_the_window_search_a_number_by_one_rule(sandbox: Sandbox, client: PlatformClient) -> None:
    """A UnionPay number (21 digits, no WeChat or Alipay shape) is asked for as a merchant number first,
    then as the channel's: the platform's `lookup` (the command line) and the lookup page find the same
    order (the command line stopped at "not found" before)."""
    [order] = sandbox.create({"out_trade_no": "202611220042", "state": "PAID", "channel": "UNIONPAY",
                              "channel_trade_no": "622202112233445566778"})
    found = client.lookup("622202112233445566778")
    assert isinstance(found, OrderFound) and found.order.out_trade_no == order["out_trade_no"]
    asked: list[NumberKind] = []

    def query(kind: NumberKind) -> QueryResult:
        asked.append(kind)
        return client.query(**{kind.query_field: "622202112233445566778"})

    kind, result = search("622202112233445566778", query)
    assert asked == [NumberKind.MERCHANT, NumberKind.CHANNEL] and kind is NumberKind.CHANNEL
    assert isinstance(result, OrderFound)
    # A merchant number that cannot be a channel's is asked once.
    asked.clear()
    search("T0001-2026-0042", query)
    assert asked == [NumberKind.MERCHANT]
