"""Training with feedback: what a trainee did in a lesson, checked against what the field expects.

Pure rules. The training director (app/training.py) gathers the facts of one lesson (the trainee's
lookup steps for the lesson's order, its cases, the receipts printed for it) and this module says,
check by check, whether the trainee did the right thing, with a score out of 100.

The rules of the field being trained (design.md):
- a dropped order is synced before anything is concluded;
- nobody takes payment again while the order's state is unknown (a platform fault proves nothing);
- an unpaid order is closed before payment is taken again;
- the customer gets one receipt (a held one prints by itself once the paper is back);
- every exception ends with its result written down (the case closed, or reported for handling).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from cashier_app.domain.cases import CaseResult, CaseStep, StepAction

# Outcomes of a step that mean the platform could not say (lookup/answers.py: "state_unknown:<reason>").
_UNKNOWN_PREFIX = "state_unknown"
_CONCLUSIONS = frozenset({StepAction.CLOSE, StepAction.PRINT, StepAction.REPRINT, StepAction.CLOSE_CASE})


class Check(StrEnum):
    LOOKED_UP = "looked_up"  # looked the lesson's order up
    SYNCED_FIRST = "synced_first"  # synced the order before concluding anything
    NO_REPAY_WHILE_UNKNOWN = "no_repay_while_unknown"  # no order closed to pay again while its state was unknown
    CLOSED_BEFORE_REPAY = "closed_before_repay"  # closed the unpaid order before taking payment again
    USED_MERCHANT_NO = "used_merchant_no"  # looked up by the merchant order number (the third-party one failed)
    PRINTED_ONCE = "printed_once"  # the customer got exactly one receipt
    PAPER_LOADED = "paper_loaded"  # put paper in; the held receipt printed by itself
    RECORDED_RESULT = "recorded_result"  # the case ended with a result, or was reported for handling


@dataclass(frozen=True)
class LessonFacts:
    """What happened to the lesson's order while the trainee had it."""

    steps: Sequence[CaseStep]  # the steps taken for the order (lookups, its cases' timelines), in time order
    merchant_no: str  # the lesson's merchant order number
    case_results: Sequence[CaseResult] = ()  # results of the order's cases closed during the lesson
    escalated: bool = False  # a case of the order was reported for handling
    receipts_printed: int = 0  # receipts of the order put on paper (originals and copies, not cancelled)
    paper_loaded: bool = False  # the trainee put paper back in (paper-out lessons)


@dataclass(frozen=True)
class CheckResult:
    check: Check
    passed: bool


@dataclass(frozen=True)
class LessonScore:
    checks: tuple[CheckResult, ...]

    @property
    def score(self) -> int:
        """Out of 100: the share of checks passed."""
        if not self.checks:
            return 100
        return round(100 * sum(c.passed for c in self.checks) / len(self.checks))

    @property
    def passed(self) -> bool:
        return all(c.passed for c in self.checks)


def evaluate(checks: Sequence[Check], facts: LessonFacts) -> LessonScore:
    return LessonScore(tuple(CheckResult(check, _RULES[check](facts)) for check in checks))


def _looked_up(facts: LessonFacts) -> bool:
    return any(s.action in (StepAction.QUERY, StepAction.SYNC) for s in facts.steps)


def _is_sync(step: CaseStep) -> bool:
    # Where the platform is the payment channel itself, a sync is a fresh query (lookup/service.py).
    return step.action is StepAction.SYNC or (step.action is StepAction.QUERY and "fresh query" in step.detail)


def _synced_first(facts: LessonFacts) -> bool:
    for step in facts.steps:
        if _is_sync(step):
            return True
        if step.action in _CONCLUSIONS:
            return False
    return False


def _no_repay_while_unknown(facts: LessonFacts) -> bool:
    known: str | None = None  # the last state the platform gave; None: it has not said
    for step in facts.steps:
        if step.outcome.startswith(_UNKNOWN_PREFIX):
            known = None
        elif step.state_seen:
            known = step.state_seen if step.state_seen != "UNKNOWN" else None
        repaying = step.action is StepAction.CLOSE or (
            step.action is StepAction.CLOSE_CASE and step.outcome == CaseResult.CLOSED_AND_REPAID.value)
        if repaying and known is None:
            return False
    return True


def _closed_before_repay(facts: LessonFacts) -> bool:
    return any(s.action is StepAction.CLOSE and s.outcome in ("closed", "not_closable") for s in facts.steps) or (
        CaseResult.CLOSED_AND_REPAID in facts.case_results)


def _used_merchant_no(facts: LessonFacts) -> bool:
    wanted = f"out_trade_no={facts.merchant_no}"
    return any(s.action in (StepAction.QUERY, StepAction.SYNC) and wanted in s.detail for s in facts.steps)


def _printed_once(facts: LessonFacts) -> bool:
    return facts.receipts_printed == 1


def _paper_loaded(facts: LessonFacts) -> bool:
    return facts.paper_loaded and facts.receipts_printed >= 1


def _recorded_result(facts: LessonFacts) -> bool:
    return bool(facts.case_results) or facts.escalated


_RULES = {
    Check.LOOKED_UP: _looked_up,
    Check.SYNCED_FIRST: _synced_first,
    Check.NO_REPAY_WHILE_UNKNOWN: _no_repay_while_unknown,
    Check.CLOSED_BEFORE_REPAY: _closed_before_repay,
    Check.USED_MERCHANT_NO: _used_merchant_no,
    Check.PRINTED_ONCE: _printed_once,
    Check.PAPER_LOADED: _paper_loaded,
    Check.RECORDED_RESULT: _recorded_result,
}
