"""What the window may ask of the app. No Qt here: the app implements it over the real services.

Every method is called on the GUI thread and must return quickly: reprint/retry/cancel only write the
request down (the print queue does the work on its own thread and reports back through the bridge).
Failures are raised as exceptions with a `code` attribute (a machine word, see ui.messages) and an
English message; the window shows the code's text to the cashier.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from cashier_app.ui.rows import JobRow, ReceiptRow


@runtime_checkable
class UiServices(Protocol):
    def receipts_today(self) -> list[ReceiptRow]:
        """Today's receipts (local day), in any order; the window shows the newest first."""
        ...

    def reprint(self, receipt_id: int, reason: str) -> None:
        """Queue a copy of the receipt, marked as a reprint, with the operator's reason."""
        ...

    def retry_job(self, job_id: int) -> None:
        """Try a held job again now (the queue also retries by itself when the printer recovers)."""
        ...

    def cancel_job(self, job_id: int, reason: str) -> None:
        """Cancel a queued or held job; the reason goes into the journal."""
        ...

    def held_jobs(self) -> list[JobRow]:
        """Jobs waiting because the printer cannot take them now."""
        ...

    def operator(self) -> str:
        """The operator (cashier) number or name shown in the status bar and written with each action."""
        ...

    def printer_names(self) -> list[str]:
        """Configured printers, in configuration order."""
        ...
