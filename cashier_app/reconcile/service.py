"""The reconciler: one list request per interval, the rules over what it has seen, each finding once.

Every poll:
1. asks the platform for ONE page of this terminal's orders (any state: unpaid, closed and
   refunded orders matter too), from the list position kept in the journal (state.py);
2. records the page in `orders_seen` (forward-only, deduplicated) and the new position, in one
   transaction, so that a restart neither misses nor repeats an order;
3. runs the domain rules over the orders seen in the window and the receipts recorded, queries
   once each receipt whose order was never listed (the only extra requests: anomalies), and opens
   each finding's case once (by its key); findings that no longer hold close by themselves;
4. a paid order with no receipt is reprinted by itself (`missing_receipt = "auto"`) or put in
   front of the cashier (`"ask"`).

A failed list is never taken as "unpaid": it is a platform outage, told to the UI once when it
starts and once when it ends, written down as one PLATFORM_FAULT case, and the next successful
poll carries on from the saved position, so nothing is missed.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from cashier_app.domain.cases import (
    DEFAULT_CAUSE,
    PLATFORM_REFUSES_CAUSE,
    Case,
    CaseKind,
    CaseResult,
    CaseStatus,
    StepAction,
)
from cashier_app.domain.reconcile import Finding, OrderSnapshot, ReceiptSeen, ReconcileResult, reconcile
from cashier_app.domain.reconcile_settings import ReconcileSettings
from cashier_app.journal.bills import BillStore
from cashier_app.journal.cases import CaseStore
from cashier_app.journal.db import Journal, utc_text
from cashier_app.journal.orders_seen import OrdersSeenStore
from cashier_app.journal.receipts_seen import printed_from_record, receipts_since
from cashier_app.journal.reconcile_state import ListPosition, Outage, ReconcileStateStore
from cashier_app.paper import PaperRefused
from cashier_app.platform.adapter import CheckOutcome, PlatformAdapter
from cashier_app.platform.client import MAX_PAGE_SIZE
from cashier_app.platform.order import Order, kept_order
from cashier_app.platform.results import (
    REFUSED_CAUSES,
    BillNotReady,
    NotQueryableYet,
    NotStartedYet,
    OrderFound,
    OrderNotFound,
    OrderPage,
    StateUnknown,
    UnknownReason,
)
from cashier_app.reconcile import bill_import
from cashier_app.reconcile.platform_health import PlatformHealth, next_wait_s
from cashier_app.reconcile.query_plan import QueryPlan
from cashier_app.reconcile.state import advance

log = logging.getLogger(__name__)

Clock = Callable[[], float]
CaseListener = Callable[[Case, bool], None]
HealthListener = Callable[[PlatformHealth], None]
PollListener = Callable[["PollReport"], None]
# Prints a paid order's missing receipt through the paper desk (as the order's original, from the
# platform's record); returns the print job's id, or None when it could not be queued. Raises
# cashier_app.paper.PaperRefused when the order has had its original meanwhile.
MissingReceiptPrinter = Callable[[Order], "int | None"]

TRAINING_KEY_PREFIX = "training:"
# Receipts are read a little further back than orders, so that a receipt recorded just before an
# order's window still matches it.
RECEIPT_MARGIN = timedelta(hours=1)


@dataclass
class PollReport:
    """What one poll did. `list_requests` is 1 for every poll that reached the platform's list;
    `query_requests` counts the extra queries made for anomalies."""

    at: datetime
    ok: bool = False
    reason: str | None = None  # UnknownReason value when the list failed
    detail: str = ""
    list_requests: int = 0
    query_requests: int = 0
    listed: int = 0
    new_orders: int = 0
    changed_orders: int = 0
    repeated_orders: int = 0
    refused_orders: int = 0
    more_pages: bool = False
    findings: int = 0
    opened: list[Case] = field(default_factory=list)
    closed: list[Case] = field(default_factory=list)
    reprinted: list[str] = field(default_factory=list)
    health: PlatformHealth | None = None
    retry_after_s: float | None = None
    bills: list[dict[str, Any]] = field(default_factory=list)  # bills imported (or tried) by this poll

    def summary(self) -> dict[str, Any]:
        """The figures without the cases (kept as the last poll in the journal)."""
        return {
            "at": self.at.isoformat(), "ok": self.ok, "reason": self.reason, "detail": self.detail,
            "list_requests": self.list_requests, "query_requests": self.query_requests,
            "listed": self.listed, "new_orders": self.new_orders, "changed_orders": self.changed_orders,
            "repeated_orders": self.repeated_orders, "refused_orders": self.refused_orders,
            "more_pages": self.more_pages, "findings": self.findings, "opened": len(self.opened),
            "closed": len(self.closed), "reprinted": list(self.reprinted), "bills": list(self.bills),
        }

    def to_json(self) -> dict[str, Any]:
        data = self.summary()
        data["opened"] = [_case_json(c) for c in self.opened]
        data["closed"] = [_case_json(c) for c in self.closed]
        data["health"] = self.health.to_json() if self.health else None
        return data


def _case_json(case: Case) -> dict[str, Any]:
    return {"id": case.id, "kind": case.kind.value, "status": case.status.value, "out_trade_no": case.out_trade_no,
            "amount": case.amount, "payment_state": case.payment_state, "cause": case.cause,
            "result": case.result.value if case.result else None, "training": case.training}


class Reconciler:
    def __init__(
        self,
        journal: Journal,
        client: PlatformAdapter,
        settings: ReconcileSettings,
        *,
        actor: str = "system",
        training: bool = False,
        clock: Clock = time.time,
        on_case: CaseListener | None = None,
        on_platform: HealthListener | None = None,
        print_missing_receipt: MissingReceiptPrinter | None = None,
        on_poll: PollListener | None = None,
        page_size: int = MAX_PAGE_SIZE,
        overlap_s: float = 5.0,
        window_s: float = 86400.0,
        first_lookback_s: float = 900.0,
        auto_reprint_within_s: float = 600.0,
        watched_since: datetime | None = None,
    ) -> None:
        """`window_s`: orders paid, created or updated this long ago are matched on every poll.
        `first_lookback_s`: on the very first poll (no position saved) the list starts this far back;
        receipts of earlier orders were never watched, so they would all look missing.
        `auto_reprint_within_s`: a missing receipt older than this (found after the app was down
        for a while) is not reprinted by itself: the customer has gone; the cashier decides.
        `watched_since`: when the app first started watching the till; a paid order from before it was
        never watched, so its receipt is not missing (neither raised nor printed)."""
        if not 1 <= page_size <= MAX_PAGE_SIZE:
            raise ValueError(f"page_size must be 1..{MAX_PAGE_SIZE}")
        self.journal = journal
        self.client = client
        self.settings = settings
        self.actor = actor
        self.training = training
        self._clock = clock
        self._on_case = on_case
        self._on_platform = on_platform
        self._on_poll = on_poll
        self._print_missing_receipt = print_missing_receipt
        self.page_size = page_size
        self.overlap_s = overlap_s
        self.window = timedelta(seconds=window_s)
        self.first_lookback = timedelta(seconds=first_lookback_s)
        self.auto_reprint_within = timedelta(seconds=auto_reprint_within_s)
        self._key_prefix = TRAINING_KEY_PREFIX if training else ""
        self.cases = CaseStore(journal)
        self.orders = OrdersSeenStore(journal)
        self.state = ReconcileStateStore(journal, training=training)
        self._poll_lock = threading.Lock()
        self._health: PlatformHealth | None = None
        self._failures = 0
        self._last_retry_after: float | None = None
        self._seeded = False
        self._watched_since = watched_since
        # Keys already raised (open or closed): open_case is not asked again for them.
        self._raised_keys: set[str] = set()
        # Numbers whose query can never be answered usefully (e.g. refused as moving backwards).
        self._unqueryable: set[str] = set()
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        # Platforms without a list: which orders to ask about when, and the bills of the days.
        self._plan = QueryPlan(settings.interval_s, settings.grace_s)
        self.bills = BillStore(journal, training=training)
        self._bill_retry: dict[date, datetime] = {}
        self._wake = threading.Event()

    # -- life cycle -------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @property
    def health(self) -> PlatformHealth | None:
        return self._health

    def start(self) -> None:
        """Poll now and then every interval on a thread of its own (nothing if disabled)."""
        if not self.settings.enabled or self.running:
            return
        self._stop.clear()
        self._wake.clear()
        self._thread = threading.Thread(target=self._run, name="reconciler", daemon=True)
        self._thread.start()

    def stop(self, timeout_s: float = 30.0) -> bool:
        """Stop polling and wait for the thread; True when it has ended. A list call in progress
        finishes first (the client bounds it by its own time-out and retry budget)."""
        self._stop.set()
        self._wake.set()
        thread, self._thread = self._thread, None
        if thread is None:
            return True
        thread.join(timeout_s)
        if thread.is_alive():
            log.warning("the reconciler did not stop within %.1f s", timeout_s)
            return False
        return True

    def poll_soon(self) -> None:
        """Poll now instead of at the end of the interval (e.g. the cashier asked for it)."""
        self._wake.set()

    def _run(self) -> None:
        while not self._stop.is_set():
            started = time.monotonic()
            try:
                self.poll_once()
            except Exception:
                # A bug or a journal fault must not end reconciliation for the rest of the day.
                log.exception("reconciliation poll failed")
            wait = next_wait_s(self.settings.interval_s, self._failures, self._last_retry_after)
            remaining = wait - (time.monotonic() - started)
            if self._stop.is_set():
                break
            if remaining > 0:
                self._wake.wait(remaining)
            self._wake.clear()

    # -- one poll ---------------------------------------------------------------------------------

    def _now(self) -> datetime:
        return datetime.fromtimestamp(self._clock(), UTC)

    def poll_once(self) -> PollReport:
        """One list request, the rules, the cases. Safe to call while the thread runs (serialised)."""
        with self._poll_lock:
            now = self._now()
            report = self._poll(now)
            report.health = self._health
            self.state.save_last_poll(report.summary())
        if self._on_poll is not None:
            _safely(self._on_poll, report)
        return report

    def _poll(self, now: datetime) -> PollReport:
        report = PollReport(at=now)
        self._seed_client(now)
        if not self.client.capabilities.list:
            self._poll_by_queries(now, report)
            return report
        position = self.state.position()
        if position.updated_since is None:
            position = ListPosition((now - self.first_lookback).isoformat(), None, None)
        assert position.updated_since is not None
        result = self.client.list_orders(position.updated_since, state=None, page_size=self.page_size,
                                         cursor=position.cursor)
        report.list_requests = 1
        if isinstance(result, StateUnknown):
            self._list_failed(result, position, now, report)
            return report
        self._record_page(result, position, report)
        self._failures = 0
        self._last_retry_after = None
        report.ok = True
        self._platform_up(now, report)
        self._match(now, report)
        return report

    def _seed_client(self, now: datetime) -> None:
        """Forward-only holds across restarts: the client learns the states the journal knows."""
        if self._seeded:
            return
        self._seeded = True
        states = self.orders.states_since(utc_text(now - self.window))
        if states:
            self.client.seed_states(states)

    def _record_page(self, page: OrderPage, position: ListPosition, report: PollReport) -> None:
        new_position = advance(position, [o.updated_at for o in page.orders], page.next_cursor, self.overlap_s)
        with self.journal.tx() as conn:
            counts = self.orders.upsert(page.orders, conn)
            self.state.save_position(new_position, conn)
        report.listed = len(page.orders)
        report.new_orders, report.changed_orders = counts.new, counts.changed
        report.repeated_orders = counts.repeated
        report.refused_orders = counts.refused + len(page.refused)
        report.more_pages = page.next_cursor is not None

    def _list_failed(self, failure: StateUnknown, position: ListPosition, now: datetime, report: PollReport) -> None:
        report.reason, report.detail = failure.cause, failure.detail
        if failure.reason is UnknownReason.CANCELLED or self._stop.is_set():
            return  # the app is stopping (the client gave up its retries): not an outage
        if failure.reason is UnknownReason.INVALID_PARAMS and position.cursor is not None:
            # The platform no longer knows our cursor (e.g. it was restored from a backup): scan
            # again from where this scan started; what was already seen is deduplicated.
            log.warning("the platform refused the list cursor (%s); scanning again from %s", failure.detail,
                        position.updated_since)
            self.state.save_position(ListPosition(position.updated_since, None, None))
            return
        self._failures += 1
        self._last_retry_after = failure.retry_after
        report.retry_after_s = failure.retry_after
        self._platform_down(failure, now, report)

    # -- platform health --------------------------------------------------------------------------

    def _platform_down(self, failure: StateUnknown, now: datetime, report: PollReport) -> None:
        outage = self.state.outage()
        if outage is None:
            cause = failure.cause  # "key_rejected" and the like: it answers, and refuses this till
            detail = f"{cause}: {failure.detail}".rstrip(": ")
            refused = cause in REFUSED_CAUSES
            case, created = self.cases.open_case(
                CaseKind.PLATFORM_FAULT, actor=self.actor, key=f"{self._key_prefix}platform_fault:{utc_text(now)}",
                cause=PLATFORM_REFUSES_CAUSE if refused else DEFAULT_CAUSE[CaseKind.PLATFORM_FAULT],
                training=self.training, detail=detail)
            self.state.save_outage(Outage(utc_text(now), cause, failure.detail, case.id))
            log.warning("merchant platform %s (%s); reconciliation carries on when it is back",
                        "refuses this till" if refused else "unreachable", detail)
            self._set_health(PlatformHealth(False, cause, now, failure.detail))
            if created:
                report.opened.append(case)
                self._tell_case(case, True)
            return
        self.state.save_outage(Outage(outage.since, outage.reason, outage.detail, outage.case_id,
                                      outage.failures + 1))
        if self._health is None or self._health.reachable:
            # Restarted during an outage: the UI has not been told yet.
            self._set_health(PlatformHealth(False, outage.reason, datetime.fromisoformat(outage.since),
                                            outage.detail))

    def _platform_up(self, now: datetime, report: PollReport) -> None:
        outage = self.state.outage()
        if outage is not None:
            seconds = max(0.0, (now - datetime.fromisoformat(outage.since)).total_seconds())
            log.info("merchant platform reachable again after %.0f s", seconds)
            if outage.case_id is not None:
                case = self.cases.get(outage.case_id)
                if case is not None and case.status is CaseStatus.OPEN:
                    self.cases.record(outage.case_id, StepAction.NOTE, self.actor, outcome="platform_back",
                                      detail=f"platform unreachable for {seconds:.0f} s "
                                             f"({outage.failures} failed polls, {outage.reason}); caught up "
                                             "from the saved list position")
                    closed = self.cases.close_case(outage.case_id, CaseResult.RESOLVED_BY_ITSELF, self.actor,
                                                   note=f"outage {seconds:.0f} s")
                    report.closed.append(closed)
                    self._tell_case(closed, False)
            self.state.clear_outage()
        if self._health is None or not self._health.reachable:
            self._set_health(PlatformHealth(True, None, now))

    def _set_health(self, health: PlatformHealth) -> None:
        self._health = health
        if self._on_platform is not None:
            _safely(self._on_platform, health)

    # -- matching ---------------------------------------------------------------------------------

    def _match(self, now: datetime, report: PollReport) -> None:
        receipts = receipts_since(self.journal, utc_text(now - self.window - RECEIPT_MARGIN), training=self.training)
        numbers = {r.out_trade_no for r in receipts if r.out_trade_no}
        orders, result = self._rules(now, receipts, numbers)
        # While a scan is still paging, the list itself will show the orders not seen yet: ask
        # the platform about single orders only once the scan has caught up. Without a list, the
        # query plan asks about them (at its own pace).
        to_query = [] if report.more_pages or not self.client.capabilities.list else [
            n for n in result.to_query if n not in self._unqueryable]
        if to_query and self._query_unlisted(to_query, report):
            orders, result = self._rules(now, receipts, numbers)
        report.findings = len(result.findings)
        for finding in result.findings:
            self._raise(finding, orders.get(finding.out_trade_no), now, report)
        for key in sorted(result.cleared):
            self._clear(key, report)

    def _rules(self, now: datetime, receipts: list[ReceiptSeen],
               numbers: Iterable[str]) -> tuple[dict[str, OrderSnapshot], ReconcileResult]:
        since = utc_text(now - self.window)
        orders, missing = self.orders.snapshots(since, numbers)
        printed = printed_from_record(self.journal, since, training=self.training)
        return orders, reconcile(orders, receipts, now, self.settings, not_on_platform=missing,
                                 open_keys=self._own_open_keys(), printed=printed, watched_since=self._watched_since)

    def _own_open_keys(self) -> list[str]:
        """Open case keys of this mode, without the training prefix (the rules' own keys)."""
        keys = self.cases.open_keys()
        if self.training:
            return [k[len(TRAINING_KEY_PREFIX):] for k in keys if k.startswith(TRAINING_KEY_PREFIX)]
        return [k for k in keys if not k.startswith(TRAINING_KEY_PREFIX)]

    def _query_unlisted(self, numbers: list[str], report: PollReport) -> bool:
        """Ask the platform once about receipts whose order it never listed. True if any answered."""
        answered = False
        for number in numbers:
            result = self.client.query(number)
            report.query_requests += 1
            if isinstance(result, OrderFound):
                with self.journal.tx() as conn:
                    self.orders.upsert([result.order], conn)
                answered = True
            elif isinstance(result, OrderNotFound):
                with self.journal.tx() as conn:
                    self.orders.mark_not_on_platform(number, conn)
                answered = True
            elif isinstance(result, StateUnknown):
                if result.reason in (UnknownReason.MOVED_BACKWARDS, UnknownReason.INVALID_PARAMS):
                    self._unqueryable.add(number)
                    continue
                # The platform is struggling: the other numbers wait for the next poll.
                log.info("query of %s for reconciliation failed (%s); asked again next poll", number,
                         result.reason.value)
                break
            else:
                self._unqueryable.add(number)
        return answered

    # -- platforms without a list: queries during the day, the bill the next morning ------------------

    def _poll_by_queries(self, now: datetime, report: PollReport) -> None:
        """Ask about the receipts and known orders whose state can still change (rate-limited,
        backing off per order), run the rules, and import a bill that has become ready."""
        moment = now.timestamp()
        since = now - self.window
        self._plan.forget_older_than((since - RECEIPT_MARGIN).timestamp())
        receipts = receipts_since(self.journal, utc_text(since - RECEIPT_MARGIN), training=self.training)
        numbers = {r.out_trade_no for r in receipts if r.out_trade_no}
        for receipt in receipts:
            if receipt.out_trade_no:
                self._plan.know(receipt.out_trade_no, receipt.seen_at.timestamp())
        orders, missing = self.orders.snapshots(utc_text(since), numbers)
        for number, order in orders.items():
            self._plan.know(number, order.created_at.timestamp(), order.state,
                            order.paid_at.timestamp() if order.paid_at else None)
        for number in missing:
            self._plan.know(number, moment, not_on_platform=True)
        failure: StateUnknown | None = None
        for number in self._plan.due(moment, self.settings.max_queries_per_poll):
            result = self.client.query(number)
            report.query_requests += 1
            if isinstance(result, OrderFound):
                with self.journal.tx() as conn:
                    self.orders.upsert([result.order], conn)
                paid = result.order.paid_at.timestamp() if result.order.paid_at else None
                self._plan.answered(number, moment, result.order.state, paid)
            elif isinstance(result, OrderNotFound):
                with self.journal.tx() as conn:
                    self.orders.mark_not_on_platform(number, conn)
                self._plan.not_on_platform(number, moment)
            elif isinstance(result, NotStartedYet | NotQueryableYet):
                self._plan.answered(number, moment, None)  # no trade yet: it may still begin
            else:
                self._plan.failed(number, moment)
                if result.reason not in (UnknownReason.MOVED_BACKWARDS, UnknownReason.INVALID_PARAMS,
                                         UnknownReason.UNREADABLE):
                    failure = result  # the platform is struggling: the others wait for the next poll
                    break
        if failure is None and not report.query_requests and self._health is None:
            # Nothing to ask about yet: one signed read-only call tells whether the platform answers.
            report.query_requests += 1
            check = self.client.check_credentials()
            if check.outcome is not CheckOutcome.ACCEPTED:
                # REJECTED: it answered and refused the key (an answer's status makes that its cause).
                failure = StateUnknown(check.reason or UnknownReason.UNREADABLE, f"{check.answered}: {check.detail}",
                                       http_status=401 if check.outcome is CheckOutcome.REJECTED else None)
        if failure is not None:
            report.reason, report.detail = failure.cause, failure.detail
            if failure.reason is UnknownReason.CANCELLED or self._stop.is_set():
                return
            self._failures += 1
            self._last_retry_after = failure.retry_after
            self._platform_down(failure, now, report)
            return
        report.ok = True
        if report.query_requests:
            self._failures = 0
            self._platform_up(now, report)
        self._match(now, report)
        if self.client.capabilities.daily_bill:
            self._bill_if_due(now, report)

    def _bill_if_due(self, now: datetime, report: PollReport) -> None:
        """At most one bill a poll: the oldest ready day not imported yet, since the app first ran."""
        today = bill_import.beijing_day(now)
        first = self.state.first_day()
        if first is None:
            self.state.save_first_day(today)
            return
        start = max(first, today - timedelta(days=bill_import.CATCH_UP_DAYS))
        day = start
        while day < today:
            retry = self._bill_retry.get(day)
            if (self.bills.imported(self.client.capabilities.kind.value, day) is None
                    and bill_import.ready_at(day) <= now and (retry is None or retry <= now)):
                bill = self.import_bill(day, now=now)
                report.bills.append(bill.to_json())
                if not bill.imported:
                    wait = timedelta(minutes=30 if bill.reason == "not_ready" else 15)
                    self._bill_retry[day] = now + wait
                return
            day += timedelta(days=1)

    def import_bill(self, day: date, *, now: datetime | None = None) -> bill_import.BillReport:
        """Download a day's bill, keep it, and match it with that day's receipts (the same rules,
        the same case keys as during the day)."""
        now = now or self._now()
        result = self.client.daily_bill(day)
        if isinstance(result, BillNotReady | StateUnknown):
            return bill_import.not_ready(day, result)
        report = bill_import.BillReport(day, imported=True, entries=len(result.entries), payments=result.payments,
                                        refunds=result.refunds)
        snapshots, bill_orders = bill_import.bill_orders(result)
        with self.journal.tx() as conn:
            self.orders.upsert(bill_orders, conn)
        start, _ = bill_import.day_bounds(day)
        receipts = receipts_since(self.journal, utc_text(start - bill_import.DAY_MARGIN), training=self.training)
        near, within = bill_import.receipts_of_day(receipts, day)
        outcome = reconcile(snapshots, near, now, self.settings, open_keys=())
        extra: dict[str, OrderSnapshot] = {}
        absent: set[str] = set()
        for number in [n for n in outcome.to_query if n in within][: self.settings.max_queries_per_poll * 5]:
            answer = self.client.query(number)
            report.queries += 1
            found, not_there = bill_import.answer_for_missing(answer, number)
            if found is not None:
                extra[number] = found
                if isinstance(answer, OrderFound):
                    with self.journal.tx() as conn:
                        self.orders.upsert([answer.order], conn)
            elif not_there:
                absent.add(number)
        if extra or absent:
            outcome = reconcile({**snapshots, **extra}, near, now, self.settings, not_on_platform=frozenset(absent),
                                open_keys=())
        self.bills.save(result, len(outcome.findings))
        poll = PollReport(at=now)
        for finding in outcome.findings:
            report.findings.append(finding)
            self._raise(finding, {**snapshots, **extra}.get(finding.out_trade_no), now, poll)
        report.opened = poll.opened
        log.info("bill of %s imported: %d entries, %d findings, %d cases opened", day, len(result.entries),
                 len(outcome.findings), len(poll.opened))
        return report

    def _raise(self, finding: Finding, order: OrderSnapshot | None, now: datetime, report: PollReport) -> None:
        key = self._key_prefix + finding.key
        if key in self._raised_keys:
            return
        receipts = f"receipts {', '.join(str(i) for i in finding.receipt_ids)}" if finding.receipt_ids else ""
        detail = "; ".join(part for part in (finding.detail, receipts) if part)
        adopted = self._adopt(finding, key, detail) if finding.kind is CaseKind.PAID_NO_RECEIPT else None
        if adopted is not None:
            case, created = adopted, True
        else:
            full = kept_order(self.orders.order_json(finding.out_trade_no)) if order is not None else None
            case, created = self.cases.open_case(
                finding.kind, actor=self.actor, key=key, out_trade_no=finding.out_trade_no,
                channel_trade_no=order.channel_trade_no if order else None, amount=finding.amount,
                payment_state=finding.state.value if finding.state else None, cause=finding.cause,
                training=self.training, detail=detail,
                paid_at=utc_text(order.paid_at) if order and order.paid_at else None,
                channel=full.channel.value if full is not None else None)
        self._raised_keys.add(key)
        if not created:
            return
        log.info("case %s opened: %s %s (%s)", case.id, finding.kind.value, finding.out_trade_no, finding.cause)
        if finding.kind is CaseKind.PAID_NO_RECEIPT:
            case = self._missing_receipt(case, finding, now, report)
        report.opened.append(case)
        self._tell_case(case, True)

    def _adopt(self, finding: Finding, key: str, detail: str) -> Case | None:
        """An order a cashier is already handling (its case opened at the lookup page, e.g. a dropped
        order just synced) gets the finding in that case, not a second case of its own."""
        case = self.cases.find_open(finding.out_trade_no, training=self.training)
        if case is None or case.id is None or not self.cases.adopt_key(case.id, key):
            return None
        state = finding.state.value if finding.state else None
        self.cases.record(case.id, StepAction.NOTE, self.actor, state_seen=state, outcome=finding.kind.value,
                          detail=f"reconciliation: {finding.cause}; {detail}".rstrip("; "))
        return self.cases.get(case.id)

    def _missing_receipt(self, case: Case, finding: Finding, now: datetime, report: PollReport) -> Case:
        """auto: queue a reprint once and close the case; ask (or no printer): leave it to the cashier."""
        assert case.id is not None
        if self.settings.missing_receipt != "auto":
            return case
        if self._print_missing_receipt is None:
            self.cases.record(case.id, StepAction.NOTE, self.actor, outcome="no_printer",
                              detail="no print queue to reprint from here: left for the cashier")
            return self.cases.get(case.id) or case
        order = kept_order(self.orders.order_json(finding.out_trade_no))
        if order is None:
            return case
        paid_at = order.paid_at or order.created_at
        if now - paid_at > self.auto_reprint_within:
            self.cases.record(case.id, StepAction.NOTE, self.actor, state_seen=order.state.value,
                              outcome="not_reprinted_too_old",
                              detail=f"paid {int((now - paid_at).total_seconds())} s ago: left for the cashier")
            return self.cases.get(case.id) or case
        try:
            job_id = self._print_missing_receipt(order)
        except PaperRefused as refused:
            # Printed meanwhile (the cashier pressed F9, a late print.txt came): nothing more to print.
            self.cases.record(case.id, StepAction.PRINT, self.actor, state_seen=order.state.value,
                              outcome=f"not_printed:{refused.code}", detail=refused.detail)
            return self.cases.close_case(case.id, CaseResult.RESOLVED_BY_ITSELF, self.actor, note=refused.detail)
        except Exception as exc:
            log.exception("reprinting the missing receipt of %s failed", order.out_trade_no)
            self.cases.record(case.id, StepAction.PRINT, self.actor, state_seen=order.state.value,
                              outcome="failed", detail=f"{type(exc).__name__}: {exc}")
            return self.cases.get(case.id) or case
        if job_id is None:
            self.cases.record(case.id, StepAction.PRINT, self.actor, state_seen=order.state.value,
                              outcome="not_queued", detail="the print queue did not take the receipt")
            return self.cases.get(case.id) or case
        self.cases.record(case.id, StepAction.PRINT, self.actor, state_seen=order.state.value,
                          outcome=f"job {job_id} queued", detail="missing receipt printed from the platform's record")
        report.reprinted.append(order.out_trade_no)
        return self.cases.close_case(case.id, CaseResult.PRINTED, self.actor, note=f"print job {job_id}")

    def _clear(self, key: str, report: PollReport) -> None:
        case = self.cases.find_by_key(self._key_prefix + key)
        if case is None or case.id is None or case.status is not CaseStatus.OPEN:
            return
        note = ("the receipt arrived after all" if case.kind is CaseKind.PAID_NO_RECEIPT
                else "the order moved on by itself")
        closed = self.cases.close_case(case.id, CaseResult.RESOLVED_BY_ITSELF, self.actor, note=note)
        report.closed.append(closed)
        self._tell_case(closed, False)

    def _tell_case(self, case: Case, created: bool) -> None:
        if self._on_case is not None:
            _safely(self._on_case, case, created)


def _safely(callback: Callable[..., None], *args: Any) -> None:
    """A listener's bug must not stop reconciliation."""
    try:
        callback(*args)
    except Exception:
        log.exception("a reconciliation listener failed")
