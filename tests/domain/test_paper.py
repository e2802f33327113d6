"""The rules of paper, without a journal: one original per document, copies only once it is out."""

from __future__ import annotations

import pytest

from cashier_app.domain.paper import (
    CANCELLED,
    DONE,
    HELD,
    QUEUED,
    SENDING,
    JobSeen,
    Paper,
    PaperStatus,
    Refusal,
    Want,
    decide,
    history,
    order_of_key,
    paper_key,
    reason_on_paper,
)


def job(job_id: int, state: str, *, original: bool = True, copy_no: int = 1) -> JobSeen:
    return JobSeen(job_id, state, original, copy_no)


def test_nothing_yet_gives_the_original_whatever_was_asked() -> None:
    for want in Want:
        assert decide(want, history([])) == Paper(original=True, copy_no=1)


@pytest.mark.parametrize("state", [QUEUED, SENDING, HELD])
def test_an_original_on_its_way_refuses_a_second_original_and_a_copy(state: str) -> None:
    seen = history([job(1, state)])
    assert decide(Want.ORIGINAL, seen) is Refusal.ORIGINAL_PENDING
    assert decide(Want.COPY, seen) is Refusal.ORIGINAL_PENDING
    assert seen.status is (PaperStatus.HELD if state == HELD else PaperStatus.ON_ITS_WAY)


def test_a_printed_original_refuses_an_original_and_gives_numbered_copies() -> None:
    seen = history([job(1, DONE)])
    assert seen.status is PaperStatus.PRINTED
    assert decide(Want.ORIGINAL, seen) is Refusal.ORIGINAL_EXISTS
    assert decide(Want.COPY, seen) == Paper(original=False, copy_no=2)
    two = history([job(1, DONE), job(2, DONE, original=False, copy_no=2)])
    assert decide(Want.COPY, two) == Paper(original=False, copy_no=3)
    assert two.copies_printed == 1


def test_a_copy_on_its_way_refuses_another() -> None:
    seen = history([job(1, DONE), job(2, HELD, original=False, copy_no=2)])
    assert decide(Want.COPY, seen) is Refusal.COPY_PENDING


def test_a_cancelled_original_leaves_the_document_without_paper() -> None:
    seen = history([job(1, CANCELLED)])
    assert seen.status is PaperStatus.NONE
    assert decide(Want.ORIGINAL, seen) == Paper(original=True, copy_no=1)


def test_an_interrupted_original_counts_what_reached_the_paper() -> None:
    # Cut off part-way, then printed again as copy 2: the next copy is 3.
    seen = history([job(1, DONE, copy_no=2)])
    assert decide(Want.COPY, seen) == Paper(original=False, copy_no=3)


def test_the_tills_own_receipt_counts_as_the_original_in_observe_mode() -> None:
    seen = history([], till_printed=True)
    assert seen.status is PaperStatus.PRINTED
    assert decide(Want.ORIGINAL, seen) is Refusal.ORIGINAL_EXISTS
    assert decide(Want.COPY, seen) == Paper(original=False, copy_no=2)


def test_documents_are_orders_for_sales_and_receipts_otherwise() -> None:
    assert paper_key("2026112200010001") == "2026112200010001"
    assert paper_key("2026112200010001", refund=True, receipt_id=7) == "receipt:7"
    assert paper_key(None, receipt_id=8) == "receipt:8"
    assert paper_key("2026112200010001", training=True) == "training:2026112200010001"
    assert order_of_key("training:2026112200010001") == "2026112200010001"
    assert order_of_key("receipt:8") is None
    with pytest.raises(ValueError):
        paper_key(None)


def test_reasons_are_words_on_paper_never_codes() -> None:
    assert reason_on_paper("paid_no_receipt") == "已付款未出小票"
    assert reason_on_paper("interrupted") == "打印中断后重打"
    assert reason_on_paper("顾客要求") == "顾客要求"
    assert reason_on_paper(None) == ""
