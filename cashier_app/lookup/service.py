"""Lookup and sync: the cashier types or scans a number, the app says what became of the order.

The service queries the platform by the number's shape (falling back to the other kind of
number), reads the answer with the rules of the field (domain/guidance.py), and carries out the
next step the cashier chooses: sync, close-and-pay-again, print or reprint, escalate. Every step is
written into the order's case with its time, the operator and the state seen.

Blocking: HTTP calls and the waits between polls run on the caller's thread (the page calls from
a worker). Calls for one order are serialised; different orders may be handled at once.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, replace
from typing import Any, Protocol

from cashier_app.domain.access import ProtectedAction
from cashier_app.domain.audit import AuditAction
from cashier_app.domain.cases import DEFAULT_CAUSE, Case, CaseKind, CaseResult, CaseStatus, CaseStep, StepAction
from cashier_app.domain.guidance import Action, LookupOutcome, Verdict, Voucher, guide
from cashier_app.domain.order_numbers import NumberKind
from cashier_app.domain.orders import OrderState, is_forward
from cashier_app.domain.paper import PaperStatus, Want
from cashier_app.domain.receipt import ReceiptKind
from cashier_app.journal.audit import AuditStore
from cashier_app.journal.cases import CaseFilter, CaseStore
from cashier_app.journal.db import utc_now, utc_text
from cashier_app.journal.orders_seen import OrdersSeenStore
from cashier_app.journal.receipts import ReceiptRecord, ReceiptStore
from cashier_app.lookup.answers import Answer, read_answer
from cashier_app.lookup.errors import ActionNotAllowed, InvalidNumber, LookupServiceError, PaperChanged, PrintFailed
from cashier_app.lookup.scan import read_number
from cashier_app.lookup.view import UNPAID_STATES, Carried, LookupView, SyncProgress
from cashier_app.paper import PaperDesk, PaperRefused, PaperState
from cashier_app.platform.adapter import PlatformAdapter
from cashier_app.platform.number_search import search
from cashier_app.platform.order import Order, kept_order
from cashier_app.platform.results import (
    NotClosable,
    OrderClosed,
    QueryResult,
    StateUnknown,
    SyncResult,
    UnknownReason,
)

log = logging.getLogger(__name__)

# The reason a missing receipt is printed with: written into the audit trail and onto the receipt's
# reprint mark (store data in the store's language, not UI text).
MISSING_RECEIPT_REASON = "已付款无小票"

# The platform refuses a second sync of one order within 5 s (spec: 429 FREQUENCY_LIMITED).
MIN_SYNC_INTERVAL_S = 5.0
# A sync the platform cannot run now: its record after the running (or the last) sync is read instead.
_SYNC_BUSY = frozenset({UnknownReason.RATE_LIMITED, UnknownReason.SYNC_IN_PROGRESS})


class Approval(Protocol):
    @property
    def actor(self) -> str: ...

    @property
    def approved_by(self) -> str | None: ...


# Checks (and uses up) the right to a protected action; raises when it is missing (people/session.py).
Authorize = Callable[[ProtectedAction], Approval]


class LookupService:
    def __init__(  # noqa: PLR0913 - the parts it is built from and its timing (past the three stores, keyword-only)
        self,
        client: PlatformAdapter,
        cases: CaseStore,
        receipts: ReceiptStore,
        *,
        operator: Callable[[], str],
        paper: PaperDesk,
        training: bool = False,
        sleep: Callable[[float], None] = time.sleep,
        poll_delays: Sequence[float] = (1.0, 2.0, 4.0),
        clock: Callable[[], float] = time.monotonic,
        min_sync_interval_s: float = MIN_SYNC_INTERVAL_S,
        on_case: Callable[[Case, bool], None] | None = None,
        authorize: Authorize | None = None,
        audit: AuditStore | None = None,
    ) -> None:
        self.client = client
        # Reprints, closing an order and closing a case are protected: who may, and whose PIN allowed it.
        self._authorize = authorize
        self._audit = audit
        # Told of every step taken, with the number it was for (training checks what the trainee did).
        self.on_step: Callable[[str, CaseStep], None] | None = None
        # Told when a lookup opens (True) or closes (False) a case, so alerts and lists hear of it.
        self._on_case = on_case
        self.cases = cases
        self.receipts = receipts
        self.operator = operator
        self.training = training
        self.paper = paper
        self._sleep = sleep
        self.poll_delays = tuple(poll_delays)
        self._clock = clock
        self.min_sync_interval_s = min_sync_interval_s
        self._locks: dict[str, threading.Lock] = {}
        self._locks_guard = threading.Lock()

    # -- reading the input ------------------------------------------------------------------

    def normalise(self, raw: str) -> str | None:
        """The order number in typed or scanned input (see lookup/scan.py), or None if there is none."""
        scanned = read_number(raw)
        return scanned.number if scanned is not None else None

    @staticmethod
    def view_after(error: BaseException) -> LookupView | None:
        """The view a failed step left (written into the order's case), when it carries one."""
        return error.view if isinstance(error, LookupServiceError) else None

    # -- the page's actions -----------------------------------------------------------------

    def lookup(self, raw: str, voucher: Voucher = Voucher.NOT_ASKED, *, kind: NumberKind | None = None) -> LookupView:
        """Query the number in `raw`: as the number its shape (or a QR payload's field name)
        suggests, falling back to the other kind (platform/number_search.py). `kind` forces one kind,
        without fallback (the page's "query by merchant number")."""
        scanned = read_number(raw)
        if scanned is None:
            reason = "empty" if not raw.strip() else "not_a_number"
            raise InvalidNumber(f"no order number in the input ({len(raw)} characters)", reason=reason)
        number = scanned.number
        with self._order_lock(number):
            steps: list[CaseStep] = []
            answer = self._query(number, kind or scanned.kind, steps, fallback=kind is None)
            log.info("lookup %s (%s, %s): %s", number, answer.kind, scanned.source.value, answer.step_outcome)
            return self._settle(None, answer, _Step(number, Carried(voucher), steps))

    def with_voucher(self, view: LookupView, voucher: Voucher) -> LookupView:
        """The cashier asked the customer: re-read the same answer; no platform call."""
        with self._view_lock(view):
            note = CaseStep(utc_now(), StepAction.NOTE, self.operator(), view.state.value if view.state else None,
                            f"voucher:{voucher.value}", "customer's payment voucher (支付凭证)")
            carried = replace(view.carried, voucher=voucher)
            return self._settle(view, _answer_of(view), _Step.of(view, [note], carried=carried))

    def sync(self, view: LookupView, *, progress: Callable[[SyncProgress], None] | None = None) -> LookupView:
        """Make the platform ask the channel again (补单). Still unpaid while the customer shows
        paid: poll (query, or sync again once the platform allows it) after each of
        `poll_delays`, then the guidance says escalate, with the dropped-order case ready.
        `progress` is told before each wait (from this thread: the page relays it)."""
        with self._view_lock(view):
            steps: list[CaseStep] = []
            answer, changed = self._sync_once(view, steps)
            last_sync = self._clock()
            polls = 0
            if self._still_unpaid(answer) and view.voucher is not Voucher.NONE:
                for delay in self.poll_delays:
                    if progress is not None:
                        progress(SyncProgress(polls + 1, len(self.poll_delays), delay,
                                              answer.order.state if answer.order else None))
                    self._sleep(delay)
                    polls += 1
                    if self._clock() - last_sync >= self.min_sync_interval_s:
                        polled, again = self._sync_once(view, steps, poll=polls)
                        last_sync = self._clock()
                        changed = changed or bool(again)
                    else:
                        polled = self._query_once(answer.order.out_trade_no if answer.order else view.number,
                                                  NumberKind.MERCHANT, steps, poll=polls)
                    if polled.outcome is LookupOutcome.UNKNOWN:
                        continue  # keep the last answer the platform gave; a fault proves nothing
                    answer = polled
                    if not self._still_unpaid(answer):
                        break
            action_kind = view.guidance.case_kind or CaseKind.DROPPED_ORDER.value
            carried = replace(view.carried, after_sync=True, sync_changed=changed, polls=polls)
            return self._settle(view, answer, _Step.of(view, steps, carried=carried, action_kind=action_kind))

    def close_and_pay_again(self, view: LookupView) -> LookupView:
        """Close the unpaid order so that it can no longer be paid; then the cashier may take
        payment again under a new order number. Refused by the platform (ORDER_NOT_CLOSABLE):
        the order is queried and guided again, for it may have been paid meanwhile."""
        if not view.may_close or view.out_trade_no is None:
            raise ActionNotAllowed(f"closing {view.number} is not allowed: outcome {view.outcome.value}, "
                                   f"state {view.state.value if view.state else None}, "
                                   f"verdict {view.guidance.verdict.value}")
        number = view.out_trade_no
        with self._view_lock(view):
            actor, approved_by = self._check(ProtectedAction.CLOSE_ORDER)
            steps: list[CaseStep] = []
            result = self.client.close_order(number)
            answer = read_answer(result, NumberKind.MERCHANT, f"close out_trade_no={number}")
            close_with: CaseResult | None = None
            if isinstance(result, OrderClosed):
                steps.append(answer.step(StepAction.CLOSE, actor, outcome="closed"))
                close_with = CaseResult.CLOSED_AND_REPAID
            elif isinstance(result, NotClosable):
                steps.append(answer.step(StepAction.CLOSE, actor, outcome="not_closable"))
                answer = self._query_once(number, NumberKind.MERCHANT, steps)
                if answer.order is not None and answer.order.state is OrderState.CLOSED:
                    close_with = CaseResult.CLOSED_AND_REPAID  # closed by an earlier attempt whose answer was lost
            else:
                steps.append(answer.step(StepAction.CLOSE, actor))
            if approved_by:
                steps[0] = _approved(steps[0], approved_by)
            log.info("close %s: %s", number, steps[-1].outcome)
            action_kind = view.guidance.case_kind or CaseKind.UNPAID.value
            settled = self._settle(view, answer, _Step.of(view, steps, action_kind=action_kind, close_with=close_with))
            self._audited(AuditAction.CLOSE_ORDER, actor, approved_by, out_trade_no=number,
                          case_id=settled.case_id, detail=steps[0].outcome)
            return settled

    def print_receipt(self, view: LookupView, reason: str) -> LookupView:
        """Print the order's receipt through the paper desk: its original when the order has had no
        paper (from the till's print.txt when the journal has it, else from the platform's record),
        a reprint once the original is printed. Only for a paid (or partly refunded) order.

        The view's paper may be stale (reconciliation printed the order meanwhile, a job was held):
        the desk decides on the journal as it is now, and refuses a second original. Then nothing is
        printed and PaperChanged carries the view derived again."""
        order = view.order
        if not view.may_print or order is None:
            raise ActionNotAllowed(f"printing {view.number} is not allowed: outcome {view.outcome.value}, "
                                   f"state {view.state.value if view.state else None}")
        with self._view_lock(view):
            answer = _answer_of(view)
            want = Want.COPY if view.paper is PaperStatus.PRINTED else Want.ORIGINAL
            # A copy of a receipt the customer had is a reprint (protected); the order's first paper is not.
            actor, approved_by = self._check(ProtectedAction.REPRINT) if want is Want.COPY else (self.operator(), None)
            action = StepAction.REPRINT if want is Want.COPY else StepAction.PRINT
            kind = view.guidance.case_kind
            try:
                job = self.paper.request(order=order, want=want, reason=reason, person=actor, approved_by=approved_by)
            except PaperRefused as refused:
                if refused.paper is None:  # not the paper's state: no such printer, not paid ...
                    failed = answer.step(action, actor, outcome="print_failed", extra=refused.detail)
                    after = self._settle(view, answer, _Step.of(view, [failed], action_kind=kind))
                    detail = f"could not print {order.out_trade_no}: {refused.detail}"
                    raise PrintFailed(detail, view=after) from refused
                log.info("print %s: %s", order.out_trade_no, refused)
                step = answer.step(action, actor, outcome=f"not_printed:{refused.code}", extra=refused.detail)
                after = self._settle(view, answer, _Step.of(view, [step], action_kind=kind))
                raise PaperChanged(refused.detail, reason=refused.code, view=after) from refused
            except Exception as exc:
                log.warning("print %s failed: %s", order.out_trade_no, exc)
                failed = answer.step(action, actor, outcome="print_failed", extra=str(exc))
                after = self._settle(view, answer, _Step.of(view, [failed],
                                                            action_kind=kind or CaseKind.PRINTER_FAULT.value))
                raise PrintFailed(f"could not queue the print of {order.out_trade_no}: {exc}", view=after) from exc
            source = f"receipt {job.receipt_id}" if job.receipt_id is not None else "the platform's record"
            what = "original" if job.original else f"copy {job.copy_no}"
            approval = f", approved by manager {approved_by}" if approved_by else ""
            step = answer.step(action, actor, outcome=f"job {job.job_id} queued",
                               extra=f"{what} from {source}{approval}", note=reason)
            if view.after_sync:
                result = CaseResult.SYNCED_PAID
            else:
                result = CaseResult.PRINTED if job.original else CaseResult.REPRINTED
            # A customer asking for a copy of a printed receipt is no exception: the audit trail has it;
            # a case already open for the order (a dropped order, a missing receipt) records and closes.
            return self._settle(view, answer, _Step.of(view, [step], action_kind=kind, close_with=result,
                                                       job_id=job.job_id))

    def print_missing_receipt(self, out_trade_no: str, reason: str = MISSING_RECEIPT_REASON) -> LookupView:
        """A paid order reconciliation found without its receipt (the banner, F9): look it up by its merchant
        number, and print its receipt only when the platform says now that it is paid.

        Returns the view after the print (its job_id set), or the lookup's view when the order may not be
        printed (its state unknown, or no longer paid): the caller says why from that view. The paper desk
        prints nothing when the order got its receipt meanwhile (PaperChanged)."""
        view = self.lookup(out_trade_no, kind=NumberKind.MERCHANT)
        if not view.may_print:
            log.info("missing receipt of %s not printed: %s %s", out_trade_no, view.outcome.value, view.detail)
            return view
        return self.print_receipt(view, reason)

    def refresh_paper(self, view: LookupView) -> LookupView:
        """The order guided again on the journal as it is now, with no platform call and no step: its
        paper (a job queued, printed or held underneath), and its state when reconciliation has seen it
        further on since the view's answer (refunded meanwhile, say; states only move forward)."""
        with self._view_lock(view):
            answer = _answer_of(view)
            seen = self._seen_since(view)
            if seen is not None:
                answer = Answer(answer.outcome, seen, answer.kind, answer.unknown_reason,
                                f"{answer.detail}; reconciliation has seen it {seen.state.value} since")
            return self._settle(view, answer, _Step.of(view, [], job_id=view.job_id))

    def _seen_since(self, view: LookupView) -> Order | None:
        """The order as reconciliation last listed it, when that is further on than the view's answer."""
        if view.order is None or view.out_trade_no is None:
            return None
        seen = kept_order(OrdersSeenStore(self.receipts.journal).order_json(view.out_trade_no))
        if seen is None or seen.state is view.order.state or not is_forward(view.order.state, seen.state):
            return None
        return seen

    def escalate(self, view: LookupView, note: str = "") -> LookupView:
        """Hand the order to the manager: the case stays open with an ESCALATE step."""
        with self._view_lock(view):
            answer = _answer_of(view)
            step = answer.step(StepAction.ESCALATE, self.operator(), outcome="escalated", note=note)
            kind = view.guidance.case_kind or _escalation_kind(view)
            return self._settle(view, answer, _Step.of(view, [step], action_kind=kind))

    def paid_again(self, view: LookupView) -> LookupView:
        """The payment failed: the cashier has taken payment again under a new order number. Written
        into the order's case, which closes with that result."""
        if Action.PAID_AGAIN not in view.guidance.actions:
            raise ActionNotAllowed(f"{view.number}: taking payment again is not this order's next step "
                                   f"(verdict {view.guidance.verdict.value})")
        with self._view_lock(view):
            answer = _answer_of(view)
            step = answer.step(StepAction.NOTE, self.operator(), outcome="paid_again",
                               extra="payment taken again under a new order number")
            return self._settle(view, answer, _Step.of(view, [step], action_kind=view.guidance.case_kind,
                                                       close_with=CaseResult.CLOSED_AND_REPAID))

    def close_case(self, view: LookupView, result: CaseResult, note: str = "") -> LookupView:
        """Close the order's case with a result the cashier chose (a case is opened if none is)."""
        with self._view_lock(view):
            actor, approved_by = self._check(ProtectedAction.CLOSE_CASE)
            if approved_by:
                note = f"{note} (approved by manager {approved_by})".strip()
            kind = view.guidance.case_kind or _escalation_kind(view)
            settled = self._settle(view, _answer_of(view), _Step.of(view, [], action_kind=kind, close_with=result,
                                                                    close_note=note, job_id=view.job_id))
            self._audited(AuditAction.CLOSE_CASE, actor, approved_by, out_trade_no=view.out_trade_no,
                          case_id=settled.case_id, detail=result.value, reason=note)
            return settled

    def _audited(self, action: AuditAction, actor: str, approved_by: str | None, **fields: Any) -> None:
        if self._audit is not None:
            self._audit.record(action, actor, approved_by=approved_by, training=self.training, **fields)

    def _check(self, action: ProtectedAction) -> tuple[str, str | None]:
        """(who does it, the manager who approved it) for a protected action; raises when it is not allowed."""
        if self._authorize is None:
            return self.operator(), None
        approval = self._authorize(action)
        return approval.actor, approval.approved_by

    # -- platform calls -----------------------------------------------------------------------

    def _query(self, number: str, first: NumberKind | None, steps: list[CaseStep], *, fallback: bool) -> Answer:
        """The one search (platform/number_search.py), each question written down as a step."""
        answers: dict[NumberKind, Answer] = {}

        def query(kind: NumberKind) -> QueryResult:
            result = self._ask(number, kind)
            answers[kind] = self._read(result, number, kind, steps)
            return result

        kind, _ = search(number, query, first=first, fallback=fallback)
        return answers[kind]

    def _ask(self, number: str, kind: NumberKind) -> QueryResult:
        return self.client.query(**{kind.query_field: number})

    def _read(self, result: QueryResult, number: str, kind: NumberKind, steps: list[CaseStep], *,
              poll: int = 0) -> Answer:
        answer = read_answer(result, kind, f"query {kind.query_field}={number}")
        steps.append(answer.step(StepAction.QUERY, self.operator(), extra=f"poll {poll}" if poll else ""))
        return answer

    def _query_once(self, number: str, kind: NumberKind, steps: list[CaseStep], *, poll: int = 0) -> Answer:
        return self._read(self._ask(number, kind), number, kind, steps, poll=poll)

    def _sync_once(self, view: LookupView, steps: list[CaseStep], *, poll: int = 0) -> tuple[Answer, bool | None]:
        if view.out_trade_no is not None:
            kind, number = NumberKind.MERCHANT, view.out_trade_no
        else:
            kind, number = view.number_kind, view.number
        result = self.client.sync(number) if kind is NumberKind.MERCHANT else self.client.sync(channel_trade_no=number)
        answer = read_answer(result, kind, f"sync {kind.query_field}={number}")
        extra = f"poll {poll}" if poll else ""
        if self.client.capabilities.channel_is_platform:
            # Nobody further to ask: the "sync" was a fresh query of the channel itself.
            fresh = "fresh query: the platform is the payment channel"
            steps.append(answer.step(StepAction.QUERY, self.operator(), extra=f"{fresh}; {extra}" if extra else fresh))
        else:
            steps.append(answer.step(StepAction.SYNC, self.operator(), extra=extra))
        if isinstance(result, StateUnknown) and result.reason in _SYNC_BUSY:
            # Another sync of this order runs or just ran: its result is the platform's record.
            return self._query_once(number, kind, steps, poll=poll), None
        return answer, result.changed if isinstance(result, SyncResult) else None

    @staticmethod
    def _still_unpaid(answer: Answer) -> bool:
        return answer.outcome is LookupOutcome.FOUND and answer.order is not None and \
            answer.order.state in UNPAID_STATES

    # -- reading the answer, writing the case -------------------------------------------------

    def _settle(self, previous: LookupView | None, answer: Answer, step: _Step) -> LookupView:
        """Guide the answer, write the steps into the order's case (opening it when the answer or
        the action calls for one), close the case when the matter is settled; the next view."""
        number, steps, carried = step.number, step.steps, step.carried
        voucher, after_sync = carried.voucher, carried.after_sync
        action_kind, close_with = step.action_kind, step.close_with
        self._tell_steps(number, steps)
        order = answer.order
        out_trade_no = order.out_trade_no if order is not None else (
            previous.out_trade_no if previous is not None and previous.out_trade_no else
            number if answer.kind is NumberKind.MERCHANT else None)
        records = self._sale_receipts(out_trade_no) if out_trade_no else []
        has_receipt = bool(records)
        paper = self.paper.paper_of(out_trade_no) if out_trade_no else None
        status = paper.status if paper is not None else PaperStatus.NONE
        # After a sync, "still unpaid" is read as the customer showing paid; a customer who has
        # no voucher gets the unpaid guidance instead (close, then take payment again).
        guidance = guide(answer.outcome, order.state if order is not None else None, paper=status,
                         voucher=voucher, after_sync=after_sync and voucher is not Voucher.NONE,
                         looked_up_by_channel_no=answer.kind is NumberKind.CHANNEL,
                         capabilities=self.client.capabilities)
        by_channel_no = number if answer.kind is NumberKind.CHANNEL else None
        channel_no = order.channel_trade_no if order is not None else by_channel_no

        case: Case | None = None
        if previous is not None and previous.case_id is not None:
            case = self.cases.get(previous.case_id)
        if case is None:
            wanted = action_kind or guidance.case_kind
            case = self._find_open_case(out_trade_no, channel_no, wanted)
            if case is None and wanted is not None:
                case = self._open_case(CaseKind(wanted), out_trade_no, channel_no, order, answer)
        pending = (previous.pending_steps if previous is not None else ()) + tuple(steps)
        case_result: CaseResult | None = None
        if case is not None and case.id is not None:
            for pending_step in pending:
                self.cases.add_step(case.id, pending_step)
            if order is not None and (case.paid_at is None or case.channel is None):
                self.cases.set_payment(case.id, paid_at=utc_text(order.paid_at), channel=order.channel.value)
            if close_with is None and guidance.verdict is Verdict.MONEY_RETURNS:
                close_with = CaseResult.MONEY_RETURNS  # reversed or refunded: the money goes back by itself
            elif close_with is None and guidance.verdict is Verdict.CLOSED_UNPAID:
                # Closed before it was paid: no money to return. Closed at the cashier's request (the answer
                # may have been lost) to take payment again; else nothing more to do.
                closing = any(s.action is StepAction.CLOSE for s in (*case.steps, *pending))
                close_with = CaseResult.CLOSED_AND_REPAID if closing else CaseResult.NO_ACTION_NEEDED
            pending = ()
            if close_with is not None and case.status is CaseStatus.OPEN:
                case = self.cases.close_case(case.id, close_with, self.operator(), step.close_note)
                self._tell(case, False)
            case_result = case.result
        return LookupView(
            number=number,
            number_kind=answer.kind,
            outcome=answer.outcome,
            order=order,
            guidance=guidance,
            carried=carried,
            has_receipt=has_receipt,
            receipt_ids=tuple(r.id for r in records),
            case_id=case.id if case is not None else None,
            unknown_reason=answer.unknown_reason,
            detail=answer.detail,
            job_id=step.job_id,
            out_trade_no=out_trade_no,
            pending_steps=pending,
            case_result=case_result,
            paper=status,
            copies_printed=paper.copies_printed if paper is not None else 0,
            printed_at=paper.printed_at if paper is not None else None,
            printed_by=_printed_by(paper),
            held_job_ids=tuple(j.id for j in paper.held_jobs) if paper is not None else (),
            held_fault=next((j.fault_code for j in paper.held_jobs), None) if paper is not None else None,
            platform=self.client.capabilities.kind.value,
            channel_is_platform=self.client.capabilities.channel_is_platform,
        )

    def _tell_steps(self, number: str, steps: Sequence[CaseStep]) -> None:
        if self.on_step is None:
            return
        for step in steps:
            try:
                self.on_step(number, step)
            except Exception:
                log.exception("the step listener failed for %s", number)

    def _find_open_case(self, out_trade_no: str | None, channel_no: str | None, kind: str | None) -> Case | None:
        """The order's open case (of `kind` if it has one of that kind), in this mode (training or not),
        by either of its numbers: a case opened for a third-party number is the same order's."""
        if out_trade_no is None and channel_no is None:
            return None
        found: list[Case] = []
        if out_trade_no is not None:
            found = self.cases.list(CaseFilter(status=CaseStatus.OPEN, training=self.training,
                                               out_trade_no=out_trade_no, limit=50))
        if not found and channel_no is not None:
            found = [c for c in self.cases.list(CaseFilter(status=CaseStatus.OPEN, training=self.training))
                     if c.channel_trade_no == channel_no]
        for case in found:
            if kind is not None and case.kind.value == kind:
                return case
        return found[0] if found else None

    def _open_case(self, kind: CaseKind, out_trade_no: str | None, channel_no: str | None, order: Order | None,
                   answer: Answer) -> Case:
        case, created = self.cases.open_case(
            kind, actor=self.operator(), out_trade_no=out_trade_no, channel_trade_no=channel_no,
            amount=order.total_amount if order is not None else None, payment_state=answer.state_seen,
            cause=DEFAULT_CAUSE.get(kind, ""), training=self.training,
            detail=f"raised at the lookup page: {answer.step_outcome}",
            paid_at=utc_text(order.paid_at) if order is not None else None,
            channel=order.channel.value if order is not None else None,
        )
        log.info("case %s (%s) opened for %s", case.id, kind.value, out_trade_no or channel_no)
        self._tell(case, created)
        return case

    def _tell(self, case: Case, created: bool) -> None:
        if self._on_case is not None:
            try:
                self._on_case(case, created)
            except Exception:
                log.exception("the case listener failed for case %s", case.id)

    def _sale_receipts(self, out_trade_no: str) -> list[ReceiptRecord]:
        return [r for r in self.receipts.find_by_out_trade_no(out_trade_no)
                if r.receipt.kind is ReceiptKind.SALE and r.training == self.training]

    # -- one call at a time per order ------------------------------------------------------------

    @contextmanager
    def _order_lock(self, number: str) -> Iterator[None]:
        with self._locks_guard:
            lock = self._locks.setdefault(number, threading.Lock())
        with lock:
            yield

    def _view_lock(self, view: LookupView) -> AbstractContextManager[None]:
        return self._order_lock(view.out_trade_no or view.number)


@dataclass(frozen=True)
class _Step:
    """What one step hands `_settle` with the platform's answer: the order's number, what the view carries
    on (changed only where the step learnt something), the step's case steps, and what it did."""

    number: str
    carried: Carried
    steps: Sequence[CaseStep] = ()
    action_kind: str | None = None  # the case the step opens when the order has none (a CaseKind value)
    close_with: CaseResult | None = None  # the step settles the matter: its case closes so
    close_note: str = ""
    job_id: int | None = None  # the print job the step queued

    @classmethod
    def of(cls, view: LookupView, steps: Sequence[CaseStep], *, carried: Carried | None = None,
           action_kind: str | None = None, close_with: CaseResult | None = None, close_note: str = "",
           job_id: int | None = None) -> _Step:
        """A step on `view`'s order: its number, and its record as it was (or `carried`, the step's changes)."""
        return cls(view.number, view.carried if carried is None else carried, tuple(steps), action_kind, close_with,
                   close_note, job_id)


def _answer_of(view: LookupView) -> Answer:
    """The view's own answer, to be guided again without asking the platform."""
    return Answer(view.outcome, view.order, view.number_kind, view.unknown_reason, view.detail)


def _approved(step: CaseStep, manager: str) -> CaseStep:
    detail = f"{step.detail}; approved by manager {manager}" if step.detail else f"approved by manager {manager}"
    return CaseStep(step.at, step.action, step.actor, step.state_seen, step.outcome, detail)


def _printed_by(paper: PaperState | None) -> str | None:
    job = paper.original_job if paper is not None else None
    return job.requested_by if job is not None else None


def _escalation_kind(view: LookupView) -> str:
    if view.outcome is LookupOutcome.UNKNOWN or view.state is OrderState.UNKNOWN:
        return CaseKind.PLATFORM_FAULT.value
    if view.state in UNPAID_STATES:
        return CaseKind.DROPPED_ORDER.value if view.voucher is not Voucher.NONE else CaseKind.UNPAID.value
    return CaseKind.DROPPED_ORDER.value
