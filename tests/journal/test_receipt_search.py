"""History search against a journal with known receipts: every filter and the common combinations,
on every path the search can take (fetched candidates, or read newest first off an index), with
paging; compared with a plain-Python oracle over the same receipts."""

from __future__ import annotations

from typing import Any

import pytest

from cashier_app.domain.receipt_search import QueryError, ReceiptQuery, build_query
from cashier_app.journal import receipt_search
from cashier_app.journal.db import Journal
from cashier_app.journal.receipt_search import search_receipts
from tests.helpers.known_receipts import STORE, Known, expected, fill

QUERIES: list[dict[str, Any]] = [
    {},
    {"number": "202611220001"},  # whole merchant number: the sale and its refund the next day
    {"number": "0001"},
    {"number": "００１２"},  # full-width digits, as typed on a Chinese keyboard
    {"number": "130012"},  # last digits of a third-party number only
    {"number": "700003"},  # a bank card slip's reference number
    {"number": "9999"},
    {"amount": "38.50"},
    {"amount": "38.5"},
    {"amount_min": "38.49", "amount_max": "38.51"},
    {"amount_min": "100"},
    {"amount_max": "5"},
    {"date_from": "2026-11-23", "date_to": "2026-11-23"},
    {"date_from": "2026-11-23"},
    {"date_to": "2026-11-22"},
    {"date_from": "2026-11-22 23:00", "date_to": "2026-11-23 08:00"},
    {"channel": "wechat"},
    {"channel": "bankcard"},
    {"operator": "02"},
    {"operator": "０３"},
    {"printed": "yes"},
    {"printed": "no"},
    {"printed": "reprinted"},
    {"text": "可乐"},
    {"text": "星河"},
    {"text": "可"},
    {"text": "口香糖"},
    {"text": "退款单"},
    {"text": "REFER"},
    {"text": "refer no"},  # case does not matter
    {"text": "50%"},  # LIKE's wildcards are taken as they are
    # Common combinations.
    {"date_from": "2026-11-24", "date_to": "2026-11-24", "amount": "38.50"},
    {"date_from": "2026-11-23", "date_to": "2026-11-24", "channel": "alipay"},
    {"operator": "01", "channel": "wechat"},
    {"operator": "02", "printed": "no"},
    {"amount": "38.50", "printed": "reprinted"},
    {"number": "0001", "date_from": "2026-11-23", "date_to": "2026-11-23"},
    {"number": "0012", "amount": "38.50"},
    {"text": "可乐", "date_from": "2026-11-23", "date_to": "2026-11-24"},
    {"text": "可乐", "operator": "03", "amount_min": "30", "amount_max": "40"},
    {"channel": "wechat", "amount_min": "30", "amount_max": "40", "date_from": "2026-11-22", "date_to": "2026-11-23"},
]


NOTHING_MATCHES = [{"number": "9999"}, {"text": "50%"}]


@pytest.fixture
def known(journal: Journal) -> list[Known]:
    return fill(journal)


def _all_pages(journal: Journal, query: ReceiptQuery) -> tuple[list[int], set[str]]:
    ids: list[int] = []
    plans = set()
    page = search_receipts(journal, query)
    while True:
        plans.add(page.plan)
        ids += [r.id for r in page.records]
        if page.next_cursor is None:
            return ids, plans
        page = search_receipts(journal, query.next_page(page.next_cursor))


@pytest.mark.parametrize("cap", [1, 10_000], ids=["read-newest-first", "candidates-first"])
@pytest.mark.parametrize("typed", QUERIES, ids=[",".join(f"{k}={v}" for k, v in q.items()) or "all" for q in QUERIES])
def test_every_filter_and_combination_matches_the_oracle(
    journal: Journal, known: list[Known], typed: dict[str, Any], cap: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A cap of 1 makes every filter "common", so the search reads newest first off an index; a
    # large cap makes every filter fetch its candidates first. Both must give the same receipts.
    monkeypatch.setattr(receipt_search, "CANDIDATE_CAP", cap)
    query = build_query(STORE, limit=3, **typed)
    want = expected(known, query)
    # Every query but those meant to find nothing finds something (and most, fewer than all).
    assert bool(want) == (typed not in NOTHING_MATCHES)
    got, _plans = _all_pages(journal, query)
    assert got == want
    first = search_receipts(journal, query)
    assert [r.id for r in first.records] == want[:3]
    assert (first.next_cursor is not None) == (len(want) > 3)


def test_the_path_follows_the_most_selective_filter(journal: Journal, known: list[Known]) -> None:
    assert search_receipts(journal, build_query(STORE, number="0012")).plan == "number"
    assert search_receipts(journal, build_query(STORE, printed="no")).plan == "unprinted"
    assert search_receipts(journal, build_query(STORE, printed="reprinted")).plan == "reprinted"
    assert search_receipts(journal, build_query(STORE, text="口香糖")).plan == "text"
    assert search_receipts(journal, build_query(STORE)).plan == "time"


def test_a_receipt_recorded_after_the_search_shows_once_paging_goes_on(journal: Journal, known: list[Known]) -> None:
    # Keyset paging: what was shown stays shown, a newer receipt does not shift the next page.
    query = build_query(STORE, limit=5)
    first = search_receipts(journal, query)
    fill(journal, with_jobs=False)  # the same receipts again, recorded later (newer ids, same times)
    assert first.next_cursor is not None
    second = search_receipts(journal, query.next_page(first.next_cursor))
    assert not {r.id for r in first.records} & {r.id for r in second.records}
    assert all((r.created_at, r.id) < (first.records[-1].created_at, first.records[-1].id) for r in second.records)


def test_refund_receipts_carry_their_kind(journal: Journal, known: list[Known]) -> None:
    page = search_receipts(journal, build_query(STORE, number="202611220001"))
    assert [r.receipt.kind.value for r in page.records] == ["REFUND", "SALE"]


@pytest.mark.parametrize(("typed", "code", "field"), [
    ({"number": "123"}, "number_too_short", "number"),
    ({"amount": "38.505"}, "amount_invalid", "amount"),
    ({"amount": "abc"}, "amount_invalid", "amount"),
    ({"amount": "-5"}, "amount_invalid", "amount"),
    ({"amount": "100000000000000000000"}, "amount_invalid", "amount"),
    ({"date_from": "0001-01-01"}, "date_invalid", "from"),
    ({"amount": "38.50", "amount_min": "1"}, "amount_both", "amount"),
    ({"amount_min": "50", "amount_max": "40"}, "amount_range", "amount_max"),
    ({"date_from": "24/11/2026"}, "date_invalid", "from"),
    ({"date_from": "2026-11-25", "date_to": "2026-11-24"}, "date_range", "to"),
    ({"channel": "paypal"}, "channel_unknown", "channel"),
    ({"printed": "maybe"}, "printed_unknown", "printed"),
])
def test_what_cannot_be_searched_says_which_field(typed: dict[str, Any], code: str, field: str) -> None:
    with pytest.raises(QueryError) as caught:
        build_query(STORE, **typed)
    assert (caught.value.code, caught.value.field) == (code, field)


def test_empty_fields_are_not_filters() -> None:
    assert build_query(STORE, number="  ", amount="", text=" ", operator="").is_empty
