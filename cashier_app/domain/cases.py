"""Exception cases: every abnormal order or fault is written down with its steps and result.

Managers read the totals; trainers replay the timeline. The journal stores them
(journal/cases.py); this module holds the vocabulary and the rules that need no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class CaseKind(StrEnum):
    PAID_NO_RECEIPT = "paid_no_receipt"
    DROPPED_ORDER = "dropped_order"
    UNPAID = "unpaid"
    PAYMENT_FAILED = "payment_failed"
    REFUND = "refund"
    STUCK_PAYMENT = "stuck_payment"
    PRINTER_FAULT = "printer_fault"
    PLATFORM_FAULT = "platform_fault"
    DOUBLED_RECEIPT = "doubled_receipt"
    RECEIPT_WITHOUT_PAYMENT = "receipt_without_payment"
    STORAGE_FULL = "storage_full"  # the journal could not write (disk full): receipts were taken in late
    AMOUNT_MISMATCH = "amount_mismatch"


class CaseStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class CaseResult(StrEnum):
    REPRINTED = "reprinted"
    PRINTED = "printed"
    SYNCED_PAID = "synced_paid"
    CLOSED_AND_REPAID = "closed_and_repaid"
    MONEY_RETURNS = "money_returns"
    ESCALATED = "escalated"
    RESOLVED_BY_ITSELF = "resolved_by_itself"
    NO_ACTION_NEEDED = "no_action_needed"
    FIXED = "fixed"
    OTHER = "other"


class StepAction(StrEnum):
    RAISED = "raised"
    QUERY = "query"
    SYNC = "sync"
    CLOSE = "close"
    PRINT = "print"
    REPRINT = "reprint"
    NOTE = "note"
    ESCALATE = "escalate"
    CLOSE_CASE = "close_case"


@dataclass(frozen=True)
class CaseStep:
    at: str  # UTC ISO-8601
    action: StepAction
    actor: str  # operator number, or "system"
    state_seen: str | None = None  # the order's payment state as seen at this step
    outcome: str = ""  # short code or text: "PAID", "state_unknown:timeout", "job 12 queued"
    detail: str = ""


@dataclass
class Case:
    id: int | None
    kind: CaseKind
    opened_at: str
    opened_by: str
    out_trade_no: str | None = None
    channel_trade_no: str | None = None
    amount: int | None = None
    payment_state: str | None = None
    cause: str = ""
    status: CaseStatus = CaseStatus.OPEN
    result: CaseResult | None = None
    closed_at: str | None = None
    closed_by: str | None = None
    training: bool = False
    steps: list[CaseStep] = field(default_factory=list)

    @property
    def handling_seconds(self) -> float | None:
        """How long the case took, from opening to closing."""
        if self.closed_at is None:
            return None
        return (datetime.fromisoformat(self.closed_at) - datetime.fromisoformat(self.opened_at)).total_seconds()


# The cause of a PLATFORM_FAULT case when the platform answers and refuses this till (not unreachable).
PLATFORM_REFUSES_CAUSE = "the platform refuses this till: its merchant key, its clock or its registration"

# The cause a case of each kind records when the system raises it, for managers' reports.
DEFAULT_CAUSE: dict[CaseKind, str] = {
    CaseKind.PAID_NO_RECEIPT: "paid on the platform, no print.txt seen after the grace period",
    CaseKind.DROPPED_ORDER: "customer shows paid, platform says unpaid (dropped order)",
    CaseKind.UNPAID: "order not paid; customer has no voucher",
    CaseKind.PAYMENT_FAILED: "payment failed at the channel",
    CaseKind.REFUND: "order refunded after its sale receipt",
    CaseKind.STUCK_PAYMENT: "order waiting for payment past the threshold",
    CaseKind.PRINTER_FAULT: "printer fault held the print queue",
    CaseKind.PLATFORM_FAULT: "merchant platform unreachable",
    CaseKind.DOUBLED_RECEIPT: "the same order number printed twice as an original",
    CaseKind.RECEIPT_WITHOUT_PAYMENT: "receipt printed but the platform does not show the order paid",
    CaseKind.STORAGE_FULL: "the journal could not write (disk full): receipt files waited and were taken in late",
    CaseKind.AMOUNT_MISMATCH: "the receipt's amount is not the amount the platform took",
}
