"""What the lookup page and the missing-receipt banner may ask of the order lookup. No Qt here.

The app hands the window its LookupService (cashier_app.lookup.service), which answers with the lookup's
Qt-free, immutable view objects (cashier_app.lookup.view); this protocol is all the window knows of it.
Every method calls the merchant platform or the journal and blocks: the window calls them on a worker
thread (ui.background), never on the GUI thread. Failures are CodedErrors (ui.messages words them).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from cashier_app.domain.guidance import Voucher
from cashier_app.domain.order_numbers import NumberKind
from cashier_app.lookup.view import LookupView, SyncProgress


class LookupServices(Protocol):
    def lookup(self, raw: str, voucher: Voucher = Voucher.NOT_ASKED, *, kind: NumberKind | None = None) -> LookupView:
        """The order whose number is in `raw` (typed, scanned, a QR payload); `kind` forces which number it is."""
        ...

    def with_voucher(self, view: LookupView, voucher: Voucher) -> LookupView:
        """The customer's answer about a payment voucher, read into the same answer (no platform call)."""
        ...

    def sync(self, view: LookupView, *, progress: Callable[[SyncProgress], None] | None = None) -> LookupView:
        """Make the platform ask the channel again (补单), polling while it stays unpaid; `progress` is told
        before each wait."""
        ...

    def close_and_pay_again(self, view: LookupView) -> LookupView:
        """Close the unpaid order (protected: close_order) so that payment may be taken again."""
        ...

    def print_receipt(self, view: LookupView, reason: str) -> LookupView:
        """Print the order's receipt, or a copy once it had one (protected: reprint)."""
        ...

    def print_missing_receipt(self, out_trade_no: str) -> LookupView:
        """A paid order with no receipt (the banner, F9): looked up, and printed only when the platform says
        it is paid now. The view after the print (job_id set), or the lookup's view saying why not."""
        ...

    def refresh_paper(self, view: LookupView) -> LookupView:
        """The order derived again from the journal: its paper, and its state when seen further on since."""
        ...

    def escalate(self, view: LookupView, note: str = "") -> LookupView:
        """Hand the order to the manager (its case stays open)."""
        ...

    def paid_again(self, view: LookupView) -> LookupView:
        """Payment was taken again under a new order number: the order's case closes so."""
        ...

    @staticmethod
    def view_after(error: BaseException) -> LookupView | None:
        """The order as it is after a step that failed and wrote so into its case (a print refused because
        the paper changed, a print job that could not be queued): go on from it. None for other errors."""
        ...
