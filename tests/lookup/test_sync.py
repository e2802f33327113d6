"""Customer shows paid, platform says unpaid: sync, poll with backoff, escalate with the case ready."""

from __future__ import annotations

from dataclasses import replace

from cashier_app.domain.cases import CaseKind, CaseResult, CaseStatus, StepAction
from cashier_app.domain.guidance import Action, LookupOutcome, Verdict, Voucher
from cashier_app.domain.order_numbers import NumberKind
from cashier_app.domain.orders import OrderState
from cashier_app.lookup import SyncProgress
from tests.helpers.lookup_rig import WECHAT_NO, Rig


def test_dropped_order_with_voucher_is_synced_to_paid_and_printed(rig: Rig) -> None:
    rig.order("2026112200020001", "USERPAYING", upstream="PAID")  # the channel's notice was lost

    asked = rig.service.lookup("2026112200020001")
    assert asked.guidance.verdict is Verdict.ASK_FOR_VOUCHER
    assert asked.case_id is None

    shown = rig.service.with_voucher(asked, Voucher.SHOWN)
    assert shown.guidance.verdict is Verdict.POSSIBLY_DROPPED
    assert shown.guidance.actions[0] is Action.SYNC
    assert not shown.may_close  # the customer shows paid: never close it
    assert shown.case_id is not None and rig.case(shown.case_id).kind is CaseKind.DROPPED_ORDER

    synced = rig.service.sync(shown)

    assert synced.after_sync and synced.sync_changed is True and synced.polls == 0
    assert synced.state is OrderState.PAID and synced.guidance.verdict is Verdict.PAID
    assert synced.guidance.actions == (Action.PRINT,)
    assert rig.platform_state("2026112200020001") == "PAID"
    assert rig.waits.delays == []

    printed = rig.service.print_receipt(synced, "dropped order")
    assert "2026112200020001" in rig.printed(1)[0].text()
    case = rig.case(printed.case_id)
    assert case.id == shown.case_id
    assert (case.status, case.result) == (CaseStatus.CLOSED, CaseResult.SYNCED_PAID)
    assert [s.action for s in case.steps] == [StepAction.RAISED, StepAction.QUERY, StepAction.NOTE,
                                              StepAction.SYNC, StepAction.PRINT, StepAction.CLOSE_CASE]
    sync_step = case.steps[3]
    assert sync_step.state_seen == "PAID" and sync_step.outcome == "PAID"
    assert "changed True" in sync_step.detail and "key sync-" in sync_step.detail


def test_still_unpaid_after_sync_polls_with_backoff_then_says_escalate(rig: Rig) -> None:
    rig.order("2026112200020002", "USERPAYING", upstream="USERPAYING")
    view = rig.service.with_voucher(rig.service.lookup("2026112200020002"), Voucher.SHOWN)

    heard: list[SyncProgress] = []
    synced = rig.service.sync(view, progress=heard.append)

    assert [(p.poll, p.polls, p.waiting_s, p.state) for p in heard] == [
        (1, 3, 1.0, OrderState.USERPAYING), (2, 3, 2.0, OrderState.USERPAYING), (3, 3, 4.0, OrderState.USERPAYING)]
    assert rig.waits.delays == [1.0, 2.0, 4.0]
    assert synced.polls == 3 and synced.after_sync and synced.sync_changed is False
    assert synced.state is OrderState.USERPAYING
    assert synced.guidance.verdict is Verdict.STILL_UNPAID_AFTER_SYNC
    assert synced.guidance.actions == (Action.SYNC, Action.ESCALATE)
    assert not synced.may_close
    case = rig.case(synced.case_id)
    assert case.kind is CaseKind.DROPPED_ORDER and case.status is CaseStatus.OPEN
    # Polls 1 and 2 (1 s and 3 s after the sync) query; poll 3 (7 s after) may sync again.
    polled = [(s.action, s.outcome) for s in case.steps[3:]]
    assert polled == [(StepAction.SYNC, "USERPAYING"), (StepAction.QUERY, "USERPAYING"),
                      (StepAction.QUERY, "USERPAYING"), (StepAction.SYNC, "USERPAYING")]
    assert "poll 3" in case.steps[-1].detail

    # Every later step carries what the sync found (view.carried): answering the voucher question again
    # kept only after_sync once, and the page then said neither how often it confirmed nor what changed.
    for voucher in (Voucher.SHOWN, Voucher.NONE):
        answered = rig.service.with_voucher(synced, voucher)
        assert (answered.after_sync, answered.sync_changed, answered.polls) == (True, False, 3)
        assert answered.voucher is voucher and answered.carried == replace(synced.carried, voucher=voucher)
    again = rig.service.refresh_paper(synced)
    assert again.carried == synced.carried

    escalated = rig.service.escalate(synced, "customer's phone shows 支付成功 at 10:31")
    case = rig.case(escalated.case_id)
    assert case.id == synced.case_id and case.status is CaseStatus.OPEN  # ready for the manager
    assert case.steps[-1].action is StepAction.ESCALATE
    assert case.steps[-1].state_seen == "USERPAYING" and "支付成功" in case.steps[-1].note


def test_the_channel_notice_arriving_while_polling_ends_the_polls(rig: Rig) -> None:
    rig.order("2026112200020003", "USERPAYING", upstream="USERPAYING")
    view = rig.service.with_voucher(rig.service.lookup("2026112200020003"), Voucher.SHOWN)
    # The customer's password went through while the cashier waited; the notice arrives.
    rig.waits.hooks[2] = lambda: rig.control.set_upstream("2026112200020003", "PAID", notify=True)

    synced = rig.service.sync(view)

    assert synced.polls == 2 and rig.waits.delays == [1.0, 2.0]
    assert synced.guidance.verdict is Verdict.PAID


def test_a_resync_while_polling_catches_a_late_dropped_order(rig: Rig) -> None:
    rig.order("2026112200020004", "USERPAYING", upstream="USERPAYING")
    view = rig.service.with_voucher(rig.service.lookup("2026112200020004"), Voucher.SHOWN)
    # Paid at the channel, the notice lost: only a sync finds it (a query does not).
    rig.waits.hooks[1] = lambda: rig.control.set_upstream("2026112200020004", "PAID", notify=False)

    synced = rig.service.sync(view)

    assert synced.polls == 3 and synced.sync_changed is True
    assert synced.state is OrderState.PAID
    steps = rig.case(synced.case_id).steps
    assert [(s.action, s.outcome) for s in steps if s.action in (StepAction.SYNC, StepAction.QUERY)][-1] == \
        (StepAction.SYNC, "PAID")


def test_no_voucher_sync_does_not_poll_and_offers_closing(rig: Rig) -> None:
    rig.order("2026112200020005", "USERPAYING", upstream="USERPAYING")
    view = rig.service.lookup("2026112200020005", Voucher.NONE)
    assert view.guidance.verdict is Verdict.WAITING_FOR_PASSWORD

    synced = rig.service.sync(view)

    assert synced.polls == 0 and rig.waits.delays == []
    assert synced.guidance.verdict is Verdict.WAITING_FOR_PASSWORD and synced.may_close


def test_third_party_number_too_early_then_merchant_number(rig: Rig) -> None:
    rig.order("2026112200020006", "USERPAYING", upstream="PAID", channel_trade_no=WECHAT_NO)

    early = rig.service.lookup(f"第三方订单号：{WECHAT_NO}")

    assert early.outcome is LookupOutcome.NOT_QUERYABLE_YET and early.number_kind == "channel"
    assert early.guidance.verdict is Verdict.NOT_QUERYABLE_YET
    assert early.guidance.actions == (Action.QUERY_BY_MERCHANT_NO, Action.SYNC)
    assert early.order is None and early.out_trade_no is None and not early.may_close and not early.may_print
    assert [(s.outcome, "channel_trade_no" in s.detail) for s in early.pending_steps] == [
        ("not_queryable_yet", True), ("not_found", False)]  # then tried as a merchant number

    # A sync by the third-party number cannot find it either: still not queryable, recorded.
    still = rig.service.sync(early)
    assert still.outcome is LookupOutcome.NOT_QUERYABLE_YET
    assert still.case_id is not None
    assert rig.case(still.case_id).channel_trade_no == WECHAT_NO

    by_merchant = rig.service.lookup("2026112200020006", Voucher.SHOWN, kind=NumberKind.MERCHANT)
    assert by_merchant.guidance.verdict is Verdict.POSSIBLY_DROPPED
    synced = rig.service.sync(by_merchant)
    assert synced.guidance.verdict is Verdict.PAID

    later = rig.service.lookup(WECHAT_NO)  # now the platform has the channel's number
    assert later.outcome is LookupOutcome.FOUND and later.number_kind == "channel"
    assert later.out_trade_no == "2026112200020006"
