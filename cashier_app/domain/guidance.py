"""The cashier's guidance: what an order lookup means, in plain words, and the next step.

These are the rules of the field (design.md, "The problems it solves"). The result is codes; the
UI turns them into Chinese or English sentences. The rule that matters most: no error, timeout or
unreadable answer is ever taken as "unpaid".
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from cashier_app.domain.capabilities import MP_V1, Capabilities
from cashier_app.domain.orders import OrderState
from cashier_app.domain.paper import PaperStatus


class LookupOutcome(StrEnum):
    FOUND = "found"
    NOT_FOUND = "not_found"
    NOT_FOUND_NOT_CHARGED = "not_found_not_charged"  # no such order and no voucher: safe to take payment again
    NOT_FOUND_BUT_PAID = "not_found_but_paid"  # no such order, but a voucher: the number is not the voucher's
    NOT_QUERYABLE_YET = "not_queryable_yet"  # third-party number looked up before the success notice
    # The platform has no trade for this number YET, and one may still begin (Alipay's
    # ACQ.TRADE_NOT_EXIST for a QR code nobody has scanned): never "no such order".
    NOT_STARTED = "not_started"
    UNKNOWN = "unknown"  # platform fault: nothing can be concluded


class Voucher(StrEnum):
    """What the customer's phone shows: a payment voucher (支付凭证), none, or not asked yet."""

    SHOWN = "shown"
    NONE = "none"
    NOT_ASKED = "not_asked"


class Verdict(StrEnum):
    PAID = "paid"
    PARTLY_REFUNDED = "partly_refunded"
    POSSIBLY_DROPPED = "possibly_dropped"  # platform unpaid, customer shows paid: sync
    # The platform is the payment channel and says unpaid while the customer shows paid: no sync
    # can change that answer; the voucher is probably for another order (or another payee).
    CHANNEL_SAYS_UNPAID = "channel_says_unpaid"
    NOT_STARTED_YET = "not_started_yet"  # no trade yet for this number; it may still be paid
    STILL_UNPAID_AFTER_SYNC = "still_unpaid_after_sync"
    NOT_PAID = "not_paid"  # no voucher: payment did not go through
    WAITING_FOR_PASSWORD = "waiting_for_password"  # noqa: S105 - a verdict, not a secret
    ASK_FOR_VOUCHER = "ask_for_voucher"  # unpaid on the platform; ask the customer first
    PAYMENT_FAILED = "payment_failed"
    CLOSED_UNPAID = "closed_unpaid"  # closed before it was paid: no money was taken, nothing to return
    MONEY_RETURNS = "money_returns"  # reversed or refunded: the money goes back; nothing to print as a sale
    PLATFORM_UNSURE = "platform_unsure"  # the platform itself says UNKNOWN
    NOT_FOUND = "not_found"
    NOT_FOUND_NOT_CHARGED = "not_found_not_charged"  # no such order and no voucher: safe to take payment again
    NOT_FOUND_BUT_PAID = "not_found_but_paid"  # no such order, but a voucher: the number is not the voucher's
    NOT_QUERYABLE_YET = "not_queryable_yet"
    STATE_UNKNOWN = "state_unknown"


class Action(StrEnum):
    REPRINT = "reprint"
    PRINT = "print"
    SYNC = "sync"
    CLOSE_AND_PAY_AGAIN = "close_and_pay_again"
    QUERY_BY_MERCHANT_NO = "query_by_merchant_no"
    QUERY_AGAIN = "query_again"
    ESCALATE = "escalate"
    CHECK_NUMBER = "check_number"
    # The payment failed (or the order was closed unpaid): the cashier has taken payment again under a
    # new order number; the case is closed with that result.
    PAID_AGAIN = "paid_again"


class Severity(StrEnum):
    OK = "ok"
    ATTENTION = "attention"
    FAULT = "fault"


@dataclass(frozen=True)
class Guidance:
    verdict: Verdict
    actions: tuple[Action, ...]  # in the order to offer them; the first is the default (Enter)
    severity: Severity
    # May the cashier take payment again under a new order number? Only when the platform
    # itself says this order can no longer be paid (or after closing it).
    may_take_payment_again: bool = False
    # Case kind to open for this situation, if it is an exception (CaseKind value).
    case_kind: str | None = None


def guide(
    outcome: LookupOutcome,
    state: OrderState | None = None,
    *,
    paper: PaperStatus = PaperStatus.NONE,
    voucher: Voucher = Voucher.NOT_ASKED,
    after_sync: bool = False,
    looked_up_by_channel_no: bool = False,
    capabilities: Capabilities = MP_V1,
) -> Guidance:
    """The verdict and next steps for one lookup result, on a platform that can do `capabilities`:
    where the platform is the payment channel itself, a sync is a fresh query (offered as "query
    again"), and no step is offered that the platform cannot carry out. `paper`: what the order's
    receipt has had (domain/paper.py): printing is offered only when nothing is printed or on its
    way, a reprint only once the original is printed."""
    guidance = _guide(outcome, state, paper=paper, voucher=voucher, after_sync=after_sync,
                      looked_up_by_channel_no=looked_up_by_channel_no,
                      channel_is_platform=capabilities.channel_is_platform)
    return _within(guidance, capabilities)


def _within(guidance: Guidance, capabilities: Capabilities) -> Guidance:
    """The guidance with only the steps this platform can carry out, each offered once."""
    actions: list[Action] = []
    for offered in guidance.actions:
        action = Action.QUERY_AGAIN if offered is Action.SYNC and capabilities.channel_is_platform else offered
        if action is Action.CLOSE_AND_PAY_AGAIN and not capabilities.close:
            continue
        if action is Action.QUERY_BY_MERCHANT_NO and not capabilities.query_by_merchant_no:
            continue
        if action not in actions:
            actions.append(action)
    if tuple(actions) == guidance.actions:
        return guidance
    return Guidance(guidance.verdict, tuple(actions), guidance.severity, guidance.may_take_payment_again,
                    guidance.case_kind)


def _guide(
    outcome: LookupOutcome,
    state: OrderState | None,
    *,
    paper: PaperStatus,
    voucher: Voucher,
    after_sync: bool,
    looked_up_by_channel_no: bool,
    channel_is_platform: bool,
) -> Guidance:
    if outcome is LookupOutcome.UNKNOWN:
        return Guidance(Verdict.STATE_UNKNOWN, (Action.QUERY_AGAIN, Action.ESCALATE), Severity.FAULT,
                        case_kind="platform_fault")
    if outcome is LookupOutcome.NOT_STARTED:
        # Closing cannot help either (there is nothing to close yet): ask, and query again.
        return Guidance(Verdict.NOT_STARTED_YET, (Action.QUERY_AGAIN, Action.CHECK_NUMBER), Severity.ATTENTION,
                        case_kind="dropped_order" if voucher is Voucher.SHOWN else None)
    if outcome is LookupOutcome.NOT_QUERYABLE_YET:
        return Guidance(Verdict.NOT_QUERYABLE_YET, (Action.QUERY_BY_MERCHANT_NO, Action.SYNC), Severity.ATTENTION)
    if outcome is LookupOutcome.NOT_FOUND:
        if looked_up_by_channel_no:
            return Guidance(Verdict.NOT_FOUND, (Action.CHECK_NUMBER, Action.QUERY_BY_MERCHANT_NO), Severity.ATTENTION)
        if voucher is Voucher.NONE:
            # The platform never had an order under this merchant number and the customer's phone shows no
            # payment: nobody was charged, so taking payment again cannot charge anyone twice.
            return Guidance(Verdict.NOT_FOUND_NOT_CHARGED, (), Severity.OK, may_take_payment_again=True)
        if voucher is Voucher.SHOWN:
            return Guidance(Verdict.NOT_FOUND_BUT_PAID, (Action.CHECK_NUMBER, Action.ESCALATE), Severity.ATTENTION)
        return Guidance(Verdict.NOT_FOUND, (Action.CHECK_NUMBER,), Severity.ATTENTION)
    if state is None:
        raise ValueError("a found order has a state")
    return _guide_found(state, paper=paper, voucher=voucher, after_sync=after_sync,
                        channel_is_platform=channel_is_platform)


def _print_actions(paper: PaperStatus) -> tuple[Action, ...]:
    """Print the original when there is none; a reprint once it is out; nothing while it is on its way
    (it prints by itself: a second job would give the customer two)."""
    if paper is PaperStatus.NONE:
        return (Action.PRINT,)
    if paper is PaperStatus.PRINTED:
        return (Action.REPRINT,)
    return ()


def _guide_found(state: OrderState, *, paper: PaperStatus, voucher: Voucher, after_sync: bool,  # noqa: C901 - the verdict table of design.md, one case per order state
                 channel_is_platform: bool) -> Guidance:
    if state is OrderState.PAID:
        kind = "paid_no_receipt" if paper is PaperStatus.NONE else None
        severity = Severity.OK if paper is PaperStatus.PRINTED else Severity.ATTENTION
        return Guidance(Verdict.PAID, _print_actions(paper), severity, case_kind=kind)
    if state is OrderState.PARTIAL_REFUNDED:
        return Guidance(Verdict.PARTLY_REFUNDED, _print_actions(paper), Severity.ATTENTION, case_kind="refund")
    if state in (OrderState.CREATED, OrderState.USERPAYING):
        if channel_is_platform and voucher is Voucher.SHOWN:
            # The channel itself says unpaid: there is no platform record to catch up. Check the
            # voucher's number (and payee); query once more in case the payment is just finishing.
            actions = (Action.ESCALATE, Action.QUERY_AGAIN) if after_sync else (
                Action.QUERY_AGAIN, Action.CHECK_NUMBER, Action.ESCALATE)
            return Guidance(Verdict.CHANNEL_SAYS_UNPAID, actions, Severity.FAULT if after_sync else Severity.ATTENTION,
                            case_kind="dropped_order")
        if after_sync:
            # Synced and still unpaid while the customer shows paid: poll a little, then escalate.
            return Guidance(Verdict.STILL_UNPAID_AFTER_SYNC, (Action.SYNC, Action.ESCALATE), Severity.FAULT,
                            case_kind="dropped_order")
        if voucher is Voucher.SHOWN:
            return Guidance(Verdict.POSSIBLY_DROPPED, (Action.SYNC, Action.ESCALATE), Severity.ATTENTION,
                            case_kind="dropped_order")
        if voucher is Voucher.NONE:
            if state is OrderState.USERPAYING:
                # The customer may still be typing the password: close it before taking payment again.
                return Guidance(Verdict.WAITING_FOR_PASSWORD, (Action.SYNC, Action.CLOSE_AND_PAY_AGAIN),
                                Severity.ATTENTION, case_kind="stuck_payment")
            return Guidance(Verdict.NOT_PAID, (Action.CLOSE_AND_PAY_AGAIN,), Severity.ATTENTION, case_kind="unpaid")
        return Guidance(Verdict.ASK_FOR_VOUCHER, (Action.SYNC, Action.CLOSE_AND_PAY_AGAIN), Severity.ATTENTION)
    if state is OrderState.PAY_FAILED:
        # The next step is the cashier's (take payment again under a new number): offered, and written
        # into the case, which it closes.
        return Guidance(Verdict.PAYMENT_FAILED, (Action.PAID_AGAIN,), Severity.ATTENTION, may_take_payment_again=True,
                        case_kind="payment_failed")
    if state is OrderState.CLOSED:
        return Guidance(Verdict.CLOSED_UNPAID, (), Severity.ATTENTION, may_take_payment_again=True)
    if state is OrderState.REVOKED:
        return Guidance(Verdict.MONEY_RETURNS, (), Severity.ATTENTION, may_take_payment_again=True,
                        case_kind="payment_failed")
    if state is OrderState.REFUNDED:
        return Guidance(Verdict.MONEY_RETURNS, (), Severity.ATTENTION, case_kind="refund")
    # OrderState.UNKNOWN: the platform itself does not know; asking the channel again is the way forward.
    return Guidance(Verdict.PLATFORM_UNSURE, (Action.SYNC, Action.ESCALATE), Severity.FAULT)
