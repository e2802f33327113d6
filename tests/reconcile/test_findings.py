"""Every kind of finding raised exactly once, none for matched orders, cleared ones closed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from cashier_app.domain.cases import CaseKind, CaseResult, CaseStatus, StepAction
from cashier_app.journal.cases import CaseFilter, CaseStore
from cashier_app.journal.db import Journal
from cashier_app.journal.orders_seen import OrdersSeenStore
from cashier_app.reconcile.service import Reconciler
from tests.helpers.reconcile import FakeClock, Heard, Platform, bank_card_print_txt, record_receipt, refund, sale

EXPECTED_FIRST = {
    "paid_no_receipt:202611220002",
    "receipt_without_payment:202611220003",
    "receipt_without_payment:202611220004",
    "refund_without_receipt:202611220005",
    "receipt_without_payment:202611220006",
    "stuck_payment:202611220007",
    "doubled_receipt:202611220008",
    "receipt_without_payment:202611220010",
    "stuck_payment:202611220012",
    "amount_mismatch:202611220013",
    "refund_not_on_platform:202611220014",
}


def stage_every_kind(platform: Platform, journal: Journal, clock: FakeClock, samples: Path) -> None:
    p = platform
    p.order("202611220001", "PAID", age_s=300)  # matched
    sale(journal, clock, "202611220001", ago_s=290)
    p.order("202611220002", "PAID", age_s=300)  # paid, no receipt
    p.order("202611220003", "CREATED", age_s=60)  # receipt, order unpaid (not stuck yet)
    sale(journal, clock, "202611220003", ago_s=50)
    p.order("202611220004", "CLOSED", age_s=300)  # receipt, order closed
    sale(journal, clock, "202611220004", ago_s=280)
    p.order("202611220005", "REFUNDED", age_s=300)  # refunded after its receipt, no refund slip
    sale(journal, clock, "202611220005", ago_s=290)
    sale(journal, clock, "202611220006", ago_s=60)  # receipt for an order the platform does not know
    p.order("202611220007", "USERPAYING", age_s=300)  # stuck waiting for the password
    p.order("202611220008", "PAID", age_s=300)  # two original receipts
    sale(journal, clock, "202611220008", ago_s=290)
    sale(journal, clock, "202611220008", ago_s=200)
    at = clock.dt()
    record_receipt(journal, bank_card_print_txt(samples), at)  # bank-card slip: no merchant order number
    p.order("202611220009", "PAID", age_s=10)  # paid 5 s ago: within the grace period
    p.order("202611220010", "PAY_FAILED", age_s=300)  # receipt, payment failed
    sale(journal, clock, "202611220010", ago_s=290)
    p.order("202611220011", "PARTIAL_REFUNDED", age_s=300, refund_amount=500)  # matched, part refunded since
    sale(journal, clock, "202611220011", ago_s=290)
    refund(journal, clock, "202611220011", amount=500, ago_s=100)  # with its refund slip
    p.order("202611220012", "CREATED", age_s=300)  # created, never paid: stuck
    p.order("202611220013", "PAID", age_s=300, total_amount=1280)  # the receipt says 999.00
    sale(journal, clock, "202611220013", amount=99900, ago_s=290)
    p.order("202611220014", "PAID", age_s=300)  # a refund slip, but the platform says paid
    sale(journal, clock, "202611220014", ago_s=290)
    refund(journal, clock, "202611220014", ago_s=60)


def keys(journal: Journal) -> set[str]:
    with journal.read() as conn:
        return {str(r[0]) for r in conn.execute("SELECT case_key FROM cases WHERE case_key IS NOT NULL")}


def test_every_kind_raised_exactly_once(platform: Platform, journal: Journal, heard: Heard,
                                        make_reconciler: Callable[..., Reconciler], samples_dir: Path) -> None:
    clock = platform.clock
    stage_every_kind(platform, journal, clock, samples_dir)
    reconciler = make_reconciler(first_lookback_s=3600)

    first = reconciler.poll_once()
    assert first.ok and first.listed == 13 and first.new_orders == 13
    assert keys(journal) == EXPECTED_FIRST
    assert {c.kind for c in first.opened} == {
        CaseKind.PAID_NO_RECEIPT, CaseKind.RECEIPT_WITHOUT_PAYMENT, CaseKind.REFUND_WITHOUT_RECEIPT,
        CaseKind.STUCK_PAYMENT, CaseKind.DOUBLED_RECEIPT, CaseKind.AMOUNT_MISMATCH, CaseKind.REFUND_NOT_ON_PLATFORM}
    # One list request; one query, for the receipt whose order was never listed.
    assert (first.list_requests, first.query_requests) == (1, 1)
    assert (platform.requests.lists, platform.requests.queries) == (1, 1)
    unknown = CaseStore(journal).find_by_key("receipt_without_payment:202611220006")
    assert unknown is not None and unknown.payment_state is None
    assert OrdersSeenStore(journal).snapshots("2000-01-01", ["202611220006"])[1] == frozenset({"202611220006"})

    # The order paid 5 s ago is raised once its grace period has passed, and nothing else again.
    clock.advance(20)
    second = reconciler.poll_once()
    assert [c.out_trade_no for c in second.opened] == ["202611220009"]
    clock.advance(10)
    third = reconciler.poll_once()
    assert third.opened == [] and third.closed == []
    assert keys(journal) == EXPECTED_FIRST | {"paid_no_receipt:202611220009"}
    # The unknown order was asked about once, whatever the number of polls; one list per poll.
    assert (platform.requests.lists, platform.requests.queries) == (3, 1)

    raised = [case.out_trade_no for case, created in heard.cases if created]
    assert len(raised) == len(set(raised)) == 12
    cases = CaseStore(journal).list(CaseFilter(training=None))
    assert len(cases) == 12 and all(c.status is CaseStatus.OPEN and c.opened_by == "system" for c in cases)
    assert not any(c.out_trade_no in ("202611220001", "202611220011") for c in cases)  # matched
    assert not any(c.out_trade_no is None for c in cases)  # the bank-card slip
    doubled = CaseStore(journal).find_by_key("doubled_receipt:202611220008")
    assert doubled is not None and doubled.steps[0].detail.count(",") == 1  # both receipts named


def test_cleared_findings_close_by_themselves(platform: Platform, journal: Journal, clock: FakeClock,
                                              heard: Heard, make_reconciler: Callable[..., Reconciler]) -> None:
    platform.order("202611220002", "PAID", age_s=300)
    platform.order("202611220007", "USERPAYING", age_s=300)
    reconciler = make_reconciler(first_lookback_s=3600)
    assert {c.kind for c in reconciler.poll_once().opened} == {CaseKind.PAID_NO_RECEIPT, CaseKind.STUCK_PAYMENT}

    # The receipt arrives late; the customer enters the password at last.
    clock.advance(10)
    sale(journal, clock, "202611220002")
    platform.control.set_upstream("202611220007", "PAID", notify=True)
    report = reconciler.poll_once()
    assert sorted(c.kind.value for c in report.closed) == ["paid_no_receipt", "stuck_payment"]
    assert all(c.result is CaseResult.RESOLVED_BY_ITSELF and c.status is CaseStatus.CLOSED for c in report.closed)
    assert [created for _, created in heard.cases] == [True, True, False, False]
    assert CaseStore(journal).count_open() == 0
    # Paid just now: not raised before its own grace period.
    assert report.opened == []
    clock.advance(10)
    assert reconciler.poll_once().opened == []


def test_missing_receipt_auto_reprints_once_per_order(platform: Platform, journal: Journal, clock: FakeClock,
                                                      heard: Heard,
                                                      make_reconciler: Callable[..., Reconciler]) -> None:
    from tests.helpers.reconcile import settings

    platform.order("202611220002", "PAID", age_s=120)
    platform.order("202611220003", "PAID", age_s=120)
    sale(journal, clock, "202611220003", ago_s=100)
    auto = settings(missing_receipt="auto")
    reconciler = make_reconciler(settings=auto, first_lookback_s=3600)
    report = reconciler.poll_once()
    assert heard.printed == ["202611220002"] and report.reprinted == ["202611220002"]
    (case,) = report.opened
    # The order's first paper, from the platform's record: printed, not reprinted.
    assert case.status is CaseStatus.CLOSED and case.result is CaseResult.PRINTED
    printed = [s for s in case.steps if s.action is StepAction.PRINT]
    assert len(printed) == 1 and printed[0].outcome == "job 101 queued" and printed[0].state_seen == "PAID"
    for _ in range(3):
        clock.advance(10)
        reconciler.poll_once()
    # A restart does not print it again either.
    make_reconciler(settings=auto).poll_once()
    assert heard.printed == ["202611220002"]


def test_missing_receipt_ask_leaves_it_to_the_cashier(platform: Platform, journal: Journal, clock: FakeClock,
                                                      heard: Heard,
                                                      make_reconciler: Callable[..., Reconciler]) -> None:
    platform.order("202611220002", "PAID", age_s=120)
    reconciler = make_reconciler(first_lookback_s=3600)  # settings() default here: "ask"
    report = reconciler.poll_once()
    assert heard.printed == [] and report.reprinted == []
    (case,) = report.opened
    assert case.status is CaseStatus.OPEN and [s.action for s in case.steps] == [StepAction.RAISED]
    assert heard.cases == [(case, True)]


def test_auto_does_not_reprint_an_old_missing_receipt(platform: Platform, journal: Journal, clock: FakeClock,
                                                      heard: Heard,
                                                      make_reconciler: Callable[..., Reconciler]) -> None:
    from tests.helpers.reconcile import settings

    platform.order("202611220002", "PAID", age_s=1800)  # found after the app was down half an hour
    report = make_reconciler(settings=settings(missing_receipt="auto"), first_lookback_s=3600).poll_once()
    assert heard.printed == []
    (case,) = report.opened
    assert case.status is CaseStatus.OPEN and case.steps[-1].outcome == "not_reprinted_too_old"


def test_auto_without_a_printer_or_a_failing_one(platform: Platform, journal: Journal, clock: FakeClock,
                                                 make_reconciler: Callable[..., Reconciler]) -> None:
    from cashier_app.platform.order import Order
    from tests.helpers.reconcile import settings

    def broken(order: Order) -> int | None:
        raise OSError("printer unplugged")

    platform.order("202611220002", "PAID", age_s=120)
    platform.order("202611220003", "PAID", age_s=120)
    auto = settings(missing_receipt="auto")
    first = make_reconciler(settings=auto, first_lookback_s=3600, print_missing_receipt=broken).poll_once()
    assert {c.status for c in first.opened} == {CaseStatus.OPEN}
    assert {c.steps[-1].outcome for c in first.opened} == {"failed"}
    assert "printer unplugged" in first.opened[0].steps[-1].detail


def test_training_cases_are_kept_apart(platform: Platform, journal: Journal, clock: FakeClock,
                                       make_reconciler: Callable[..., Reconciler]) -> None:
    platform.order("202611220001", "PAID", age_s=120)
    platform.order("202611220002", "CREATED", age_s=60)
    sale(journal, clock, "202611220001", ago_s=100)  # a live receipt: not a training one
    sale(journal, clock, "202611220002", ago_s=50, training=True)
    report = make_reconciler(training=True, first_lookback_s=3600).poll_once()
    assert sorted((c.kind.value, c.out_trade_no, c.training) for c in report.opened) == [
        ("paid_no_receipt", "202611220001", True), ("receipt_without_payment", "202611220002", True)]
    assert keys(journal) == {"training:paid_no_receipt:202611220001", "training:receipt_without_payment:202611220002"}
    assert CaseStore(journal).count_open(training=False) == 0


def test_the_sandbox_paid_no_receipt_scenario(platform: Platform, journal: Journal, heard: Heard,
                                              make_reconciler: Callable[..., Reconciler]) -> None:
    """The shipped scenario: the till printed receipts for all but two paid orders."""
    clock = platform.clock
    platform.control.load_scenario("paid-no-receipt")
    entries = platform.control.state()["orders"]
    for entry in entries:
        if entry["meta"].get("receipt_printed"):
            sale(journal, clock, entry["out_trade_no"], amount=entry["order"]["total_amount"], ago_s=60)
    unprinted = {e["out_trade_no"] for e in entries if e["meta"].get("receipt_printed") is False}
    assert len(unprinted) == 2
    report = make_reconciler(first_lookback_s=3600).poll_once()
    assert {(c.kind, c.out_trade_no) for c in report.opened} == {(CaseKind.PAID_NO_RECEIPT, n) for n in unprinted}


def test_amounts_and_refunds_raised_once_with_their_case_then_cleared(
        platform: Platform, journal: Journal, clock: FakeClock, heard: Heard,
        make_reconciler: Callable[..., Reconciler]) -> None:
    """The three findings of the till's amounts and refunds, against the sandbox over HTTP: each raised once
    (whatever the number of polls), its case carrying the order's payment and the particulars."""
    platform.order("202611230001", "PAID", age_s=300, total_amount=1280)
    sale(journal, clock, "202611230001", amount=99900, ago_s=290)  # a receipt of 999.00 for 12.80
    platform.order("202611230002", "PAID", age_s=300)
    sale(journal, clock, "202611230002", ago_s=290)
    refund(journal, clock, "202611230002", ago_s=60)  # refunded at the till, the platform says paid
    platform.order("202611230003", "PAID", age_s=300, channel="ALIPAY")
    sale(journal, clock, "202611230003", ago_s=290)
    reconciler = make_reconciler(first_lookback_s=3600)
    assert {c.kind for c in reconciler.poll_once().opened} == {CaseKind.AMOUNT_MISMATCH,
                                                                CaseKind.REFUND_NOT_ON_PLATFORM}
    # Refunded in full on the platform (the merchant's back office): no refund slip from the till.
    platform.control.set_upstream("202611230003", "REFUNDED", notify=True)
    clock.advance(30)
    second = reconciler.poll_once()
    assert [(c.kind, c.out_trade_no) for c in second.opened] == [
        (CaseKind.REFUND_WITHOUT_RECEIPT, "202611230003")]
    for _ in range(3):
        clock.advance(10)
        assert reconciler.poll_once().opened == []
    raised = [(c.kind, c.out_trade_no) for c, created in heard.cases if created]
    assert len(raised) == len(set(raised)) == 3

    store = CaseStore(journal)
    mismatch = store.find_by_key("amount_mismatch:202611230001")
    assert mismatch is not None and mismatch.amount == 1280 and mismatch.payment_state == "PAID"
    assert mismatch.steps[0].detail.startswith("receipt says 999.00, the platform says 12.80; receipts ")
    assert mismatch.channel == "WECHAT" and mismatch.paid_at is not None
    refunded = store.find_by_key("refund_without_receipt:202611230003")
    assert refunded is not None and refunded.amount == 1250 and refunded.channel == "ALIPAY"
    assert refunded.steps[0].detail == "refunded 12.50 on the platform, no refund receipt"

    # The till's refund reaches the platform; the platform's refund gets its slip: both close by themselves.
    platform.control.set_upstream("202611230002", "REFUNDED", notify=True)
    refund(journal, clock, "202611230003")
    clock.advance(10)
    closed = reconciler.poll_once().closed
    assert {(c.kind, c.result) for c in closed} == {(CaseKind.REFUND_NOT_ON_PLATFORM, CaseResult.RESOLVED_BY_ITSELF),
                                                    (CaseKind.REFUND_WITHOUT_RECEIPT, CaseResult.RESOLVED_BY_ITSELF)}
    mismatch = store.find_by_key("amount_mismatch:202611230001")
    assert mismatch is not None and mismatch.status is CaseStatus.OPEN  # a wrong amount is the manager's to judge
