"""The platform's typed results, read as what a lookup shows: outcome, order, and a step for the case.

Every failure stays a StateUnknown with its reason: nothing here ever reads one as "unpaid".
"""

from __future__ import annotations

from dataclasses import dataclass

from cashier_app.domain.cases import CaseStep, StepAction
from cashier_app.domain.guidance import LookupOutcome
from cashier_app.domain.order_numbers import NumberKind
from cashier_app.journal.db import utc_now
from cashier_app.platform.order import Order
from cashier_app.platform.results import (
    NotClosable,
    NotQueryableYet,
    NotStartedYet,
    OrderClosed,
    OrderFound,
    OrderNotFound,
    StateUnknown,
    SyncResult,
)

PlatformResult = (OrderFound | OrderNotFound | NotQueryableYet | NotStartedYet | StateUnknown | SyncResult | OrderClosed
                  | NotClosable)


@dataclass(frozen=True)
class Answer:
    """One answer about an order, whichever call gave it."""

    outcome: LookupOutcome
    order: Order | None
    kind: NumberKind  # the number the answer is for
    unknown_reason: str | None = None
    detail: str = ""

    @property
    def step_outcome(self) -> str:
        """The short code a case step records: the state, or what stood in its way."""
        if self.outcome is LookupOutcome.FOUND and self.order is not None:
            return self.order.state.value
        if self.outcome is LookupOutcome.UNKNOWN:
            return f"state_unknown:{self.unknown_reason}"
        return self.outcome.value

    @property
    def state_seen(self) -> str | None:
        return self.order.state.value if self.outcome is LookupOutcome.FOUND and self.order is not None else None

    def step(self, action: StepAction, actor: str, *, outcome: str | None = None, extra: str = "",
             note: str = "") -> CaseStep:
        """`extra`: technical detail added to the answer's; `note`: what the person wrote."""
        detail = f"{self.detail}; {extra}" if extra else self.detail
        return CaseStep(utc_now(), action, actor, self.state_seen, outcome or self.step_outcome, detail, note)


def read_answer(result: PlatformResult, kind: NumberKind, call: str) -> Answer:
    """`call` names the request for the detail, e.g. "query out_trade_no=2026112200012345"."""
    request = f" (request {result.request_id})" if result.request_id else ""
    if isinstance(result, StateUnknown):
        http = f" HTTP {result.http_status}" if result.http_status else ""
        detail = f"{call}: state unknown ({result.reason.value}{http}, {result.attempts} attempt(s)): {result.detail}"
        return Answer(LookupOutcome.UNKNOWN, None, kind, result.cause, detail + request)
    if isinstance(result, OrderNotFound):
        return Answer(LookupOutcome.NOT_FOUND, None, kind, None, f"{call}: not found: {result.detail}{request}")
    if isinstance(result, NotQueryableYet):
        return Answer(LookupOutcome.NOT_QUERYABLE_YET, None, kind, None,
                      f"{call}: third-party number not queryable yet: {result.detail}{request}")
    if isinstance(result, NotStartedYet):
        return Answer(LookupOutcome.NOT_STARTED, None, kind, None,
                      f"{call}: no trade for this number yet (not scanned?): {result.detail}{request}")
    if isinstance(result, NotClosable):
        # Not an answer about the state by itself: the caller queries the order next.
        state = f" (platform has it {result.order.state.value})" if result.order is not None else ""
        return Answer(LookupOutcome.UNKNOWN, None, kind, "not_closable",
                      f"{call}: not closable{state}: {result.detail}{request}")
    if isinstance(result, SyncResult):
        order = result.order
        detail = (f"{call}: {order.state.value}, upstream {result.upstream_state.value}, changed {result.changed},"
                  f" key {result.idempotency_key}{request}")
        return Answer(LookupOutcome.FOUND, order, kind, None, detail)
    order = result.order
    return Answer(LookupOutcome.FOUND, order, kind, None, f"{call}: {order.state.value}{request}")
