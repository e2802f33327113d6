"""Errors of the lookup service: a stable machine `code` for the UI, an English `detail` for the log."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cashier_app.domain.errors import CodedError

if TYPE_CHECKING:
    from cashier_app.lookup.view import LookupView


class LookupServiceError(CodedError):
    code = "lookup_error"

    def __init__(self, detail: str, *, reason: str = "", view: LookupView | None = None) -> None:
        super().__init__(self.code, detail)  # each class below names its own
        # A finer code where one helps the UI say more (InvalidNumber: "empty" or "not_a_number").
        self.reason = reason
        # The view after the failed attempt was written into the case (PrintFailed): go on from it.
        self.view = view


class InvalidNumber(LookupServiceError):
    """The input holds no order number (empty, or not one that can be read)."""

    code = "invalid_number"


class ActionNotAllowed(LookupServiceError):
    """The action is not one the rules of the field allow for what the view shows
    (closing an order whose state is not known, printing an order that is not paid ...)."""

    code = "action_not_allowed"


class PrintFailed(LookupServiceError):
    """The print job could not be queued (the printer is not configured, the receipt is gone ...)."""

    code = "print_failed"


class PaperChanged(LookupServiceError):
    """Nothing was printed: the order's paper is not what the view showed (reconciliation printed it
    meanwhile, its original is on its way or held). `reason` is the paper desk's refusal code; `view`
    is the order derived again, with the step written into its case."""

    code = "paper_changed"
