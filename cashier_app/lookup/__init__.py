"""Lookup and sync (design.md): find an order by a typed or scanned number, say what became of it
and the next step, and carry that step out, writing each one into the order's case.

No Qt here: the lookup page (ui/) calls LookupService from a worker thread.
"""

from cashier_app.lookup.errors import ActionNotAllowed, InvalidNumber, LookupServiceError, PaperChanged, PrintFailed
from cashier_app.lookup.scan import ScannedNumber, ScanSource, read_number
from cashier_app.lookup.service import LookupService
from cashier_app.lookup.view import LookupView, SyncProgress

__all__ = [
    "ActionNotAllowed", "InvalidNumber", "LookupService", "LookupServiceError",
    "LookupView", "PaperChanged", "PrintFailed", "ScanSource", "ScannedNumber", "SyncProgress", "read_number",
]
