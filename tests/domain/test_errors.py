"""The one coded-error base: what a failure says to a person is its code, whoever raised it."""

from __future__ import annotations

import pytest

from cashier_app.domain.errors import CodedError, code_of
from cashier_app.lookup.errors import PaperChanged
from cashier_app.paper import PaperRefused
from cashier_app.people.store import PeopleError
from cashier_app.printing.faults import PAPER_END, PrinterFault


def test_a_code_given_wins_over_the_class_code_and_the_detail_is_the_text() -> None:
    error = CodedError("lookup_unavailable", "no platform configured")
    assert error.code == "lookup_unavailable" and error.detail == "no platform configured"
    assert str(error) == "no platform configured" and error.params == {}
    assert str(CodedError("not_configured")) == "not_configured"  # no detail: the code is the text


def test_a_class_that_always_means_one_thing_keeps_its_code() -> None:
    error = PaperChanged("reconciliation printed it meanwhile", reason="already_printed")
    assert error.code == "paper_changed" and error.reason == "already_printed"
    assert isinstance(error, CodedError)


@pytest.mark.parametrize("error", [
    PrinterFault(PAPER_END, "127.0.0.1:9100: paper end"),
    PaperRefused("on_its_way", "the original is being printed"),
    PeopleError("locked", "too many wrong PINs", locked_until="2026-11-24T02:10:00+00:00"),
])
def test_every_parts_failure_is_a_coded_error_with_its_words(error: CodedError) -> None:
    assert isinstance(error, CodedError) and error.code and error.detail
    assert code_of(error) == error.code


def test_params_are_the_words_placeholders() -> None:
    assert PeopleError("locked", "x", locked_until="10:05").params == {"until": "10:05"}


def test_code_of_something_else_is_the_default() -> None:
    assert code_of(KeyError("x")) == "" and code_of(ValueError("y"), "bug") == "bug"
