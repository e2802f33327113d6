"""Looking an order up by a number that does not say which of its two numbers it is: one rule, for the
lookup page, F9, the command line and every platform.

Ask first as the number's shape suggests (or as the caller says: a QR payload that named its field, the
page's "query by merchant number"). Found, or a fault (nothing can be concluded then): that answer
stands. Otherwise ask as the other kind, unless the number cannot be one (a merchant number that is no
run of 16-32 digits is never a channel's); the second answer stands when it found the order or failed,
else the first does (a third-party number not queryable yet says more than "not found").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from cashier_app.domain.numbers import normalise_order_number
from cashier_app.domain.order_numbers import NumberKind, could_be_channel_number, guess_number_kind
from cashier_app.platform.results import OrderFound, QueryResult, StateUnknown

Query = Callable[[NumberKind], QueryResult]


def settles(result: QueryResult) -> bool:
    """An answer no second question can improve on: the order, or a fault."""
    return isinstance(result, OrderFound | StateUnknown)


def search(number: str, query: Query, *, first: NumberKind | None = None,
           fallback: bool = True) -> tuple[NumberKind, QueryResult]:
    """(the kind the standing answer is for, the answer). `query(kind)` asks the platform for the
    (normalised) number as that kind; `fallback` False asks only as `first`."""
    kind = first or guess_number_kind(number)
    answer = query(kind)
    if not fallback or settles(answer):
        return kind, answer
    if kind is NumberKind.MERCHANT and not could_be_channel_number(number):
        return kind, answer
    second = query(kind.other)
    return (kind.other, second) if settles(second) else (kind, answer)


class Queries(Protocol):
    def query(self, out_trade_no: str | None = None, *, channel_trade_no: str | None = None) -> QueryResult: ...


def search_number(platform: Queries, number: str) -> QueryResult:
    """A platform adapter's `lookup`: the number normalised and searched by the rule above."""
    normalised = normalise_order_number(number)

    def query(kind: NumberKind) -> QueryResult:
        if kind is NumberKind.CHANNEL:
            return platform.query(channel_trade_no=normalised)
        return platform.query(normalised)

    return search(normalised, query)[1]
