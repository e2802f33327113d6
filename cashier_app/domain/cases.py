"""Exception cases: every abnormal order or fault is written down with its steps and result.

Managers read the totals; trainers replay the timeline. The journal stores them
(journal/cases.py); this module holds the vocabulary and the rules that need no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
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
    REFUND_NOT_ON_PLATFORM = "refund_not_on_platform"
    REFUND_WITHOUT_RECEIPT = "refund_without_receipt"


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
    actor: str  # person number, or "system"
    state_seen: str | None = None  # the order's payment state as seen at this step
    outcome: str = ""  # short code or text: "PAID", "state_unknown:timeout", "job 12 queued"
    detail: str = ""  # technical detail (English), for the technician
    note: str = ""  # what the person wrote with this step


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
    paid_at: str | None = None  # UTC, when the platform says the customer paid
    channel: str | None = None  # WECHAT, ALIPAY, UNIONPAY, BANKCARD
    # How to reach the customer, as they gave it. Shown in full at the till only; masked (138****1234)
    # wherever it leaves it (exports, diagnostic bundles).
    customer_contact: str | None = None
    escalated_at: str | None = None  # UTC, first reported for handling (the platform's answer is awaited)
    escalation_reminded_at: str | None = None  # UTC, when the manager was reminded it is overdue (once)

    @property
    def escalated(self) -> bool:
        """Reported for handling and still open: waiting for the platform's (or support's) answer."""
        return self.escalated_at is not None and self.status is CaseStatus.OPEN

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
    CaseKind.REFUND_NOT_ON_PLATFORM: "refund receipt printed, but the platform shows no refund for the order",
    CaseKind.REFUND_WITHOUT_RECEIPT: "refunded on the platform, but no refund receipt was printed",
}


@dataclass
class CaseSettings:
    # An escalated case reminds the manager once when it is older than this many working days: the
    # platform's usual time to answer a dropped-order or refund query.
    escalation_reminder_working_days: int = field(default=3, metadata={"min": 1, "max": 60})
    # Public holidays (ISO dates, "2026-10-01") that are not working days, and weekend days that are
    # (the make-up working days, 调休).
    holidays: list[str] = field(default_factory=list)
    working_weekends: list[str] = field(default_factory=list)

    def is_working_day(self, day: date) -> bool:
        iso = day.isoformat()
        if iso in self.working_weekends:
            return True
        return day.weekday() < 5 and iso not in self.holidays


def add_working_days(start: datetime, days: int, settings: CaseSettings) -> datetime:
    """`days` working days after `start`, at the same time of day (weekends and holidays skipped)."""
    moment, left = start, days
    while left > 0:
        moment += timedelta(days=1)
        if settings.is_working_day(moment.date()):
            left -= 1
    return moment


def working_days_between(start: datetime, end: datetime, settings: CaseSettings) -> int:
    """Whole working days from `start` to `end`: how old an escalation is, as the platform counts."""
    count, moment = 0, start
    while True:
        moment = add_working_days(moment, 1, settings)
        if moment > end:
            return count
        count += 1


def escalation_overdue(case: Case, now: datetime, settings: CaseSettings) -> bool:
    """Escalated, still open, and older than the reminder's limit (in the store's local time: `now` and the
    case's escalated_at are compared in `now`'s zone)."""
    if not case.escalated or case.escalated_at is None:
        return False
    escalated = datetime.fromisoformat(case.escalated_at).astimezone(now.tzinfo)
    return add_working_days(escalated, settings.escalation_reminder_working_days, settings) <= now
