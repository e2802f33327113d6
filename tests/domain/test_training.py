"""The trainee's steps checked against what the field expects, for a right run and for wrong ones."""

from __future__ import annotations

from cashier_app.domain.cases import CaseResult, CaseStep, StepAction
from cashier_app.domain.training import Check, LessonFacts, evaluate

DROPPED = (Check.LOOKED_UP, Check.SYNCED_FIRST, Check.NO_REPAY_WHILE_UNKNOWN, Check.PRINTED_ONCE,
           Check.RECORDED_RESULT)


def step(n: int, action: StepAction, state: str | None, outcome: str, detail: str = "") -> CaseStep:
    return CaseStep(f"2026-11-24T02:00:{n:02d}+00:00", action, "T1", state, outcome, detail)


def test_a_dropped_order_handled_right_scores_full_marks() -> None:
    steps = [step(1, StepAction.QUERY, "USERPAYING", "USERPAYING", "query out_trade_no=A"),
             step(2, StepAction.NOTE, "USERPAYING", "voucher:shown"),
             step(3, StepAction.SYNC, "PAID", "PAID", "sync out_trade_no=A"),
             step(4, StepAction.PRINT, "PAID", "job 3 queued")]
    score = evaluate(DROPPED, LessonFacts(steps, "A", (CaseResult.SYNCED_PAID,), receipts_printed=1))
    assert score.score == 100 and score.passed


def test_printing_before_syncing_and_twice_is_marked_down() -> None:
    steps = [step(1, StepAction.QUERY, "USERPAYING", "USERPAYING"),
             step(2, StepAction.CLOSE_CASE, None, "other"),
             step(3, StepAction.SYNC, "PAID", "PAID")]
    score = evaluate(DROPPED, LessonFacts(steps, "A", (CaseResult.OTHER,), receipts_printed=2))
    failed = {c.check for c in score.checks if not c.passed}
    assert failed == {Check.SYNCED_FIRST, Check.PRINTED_ONCE}
    assert score.score == 60 and not score.passed


def test_taking_payment_again_while_the_state_is_unknown() -> None:
    checks = (Check.LOOKED_UP, Check.NO_REPAY_WHILE_UNKNOWN, Check.RECORDED_RESULT)
    unknown = step(1, StepAction.QUERY, None, "state_unknown:maintenance")
    repaid = step(2, StepAction.CLOSE_CASE, None, "closed_and_repaid")
    wrong = evaluate(checks, LessonFacts([unknown, repaid], "B", (CaseResult.CLOSED_AND_REPAID,)))
    assert [(c.check, c.passed) for c in wrong.checks] == [
        (Check.LOOKED_UP, True), (Check.NO_REPAY_WHILE_UNKNOWN, False), (Check.RECORDED_RESULT, True)]
    # Waited for the platform, saw it failed, then took payment again: right.
    back = step(2, StepAction.QUERY, "PAY_FAILED", "PAY_FAILED")
    right = evaluate(checks, LessonFacts([unknown, back, step(3, StepAction.CLOSE_CASE, None, "closed_and_repaid")],
                                         "B", (CaseResult.CLOSED_AND_REPAID,)))
    assert right.passed
    # Doing nothing at all records nothing.
    assert evaluate(checks, LessonFacts([], "B")).score == 33


def test_closing_the_unpaid_order_the_merchant_number_and_the_paper() -> None:
    closed = LessonFacts([step(1, StepAction.QUERY, "USERPAYING", "USERPAYING", "query out_trade_no=C"),
                          step(2, StepAction.CLOSE, "CLOSED", "closed")], "C", (CaseResult.CLOSED_AND_REPAID,))
    assert evaluate((Check.CLOSED_BEFORE_REPAY, Check.USED_MERCHANT_NO), closed).passed
    by_channel = LessonFacts([step(1, StepAction.QUERY, None, "not_queryable_yet", "query channel_trade_no=42")], "C")
    assert not evaluate((Check.USED_MERCHANT_NO,), by_channel).passed
    assert evaluate((Check.PAPER_LOADED,), LessonFacts([], "D", receipts_printed=1, paper_loaded=True)).passed
    assert not evaluate((Check.PAPER_LOADED,), LessonFacts([], "D", receipts_printed=0, paper_loaded=True)).passed
    assert evaluate((), LessonFacts([], "E")).score == 100
