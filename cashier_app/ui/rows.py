"""Plain rows the services hand to the UI. No Qt here: the app builds them from journal rows and events.

Codes (printed states, printer states, reasons) are machine words; `cashier_app.ui.messages` turns them
into the cashier's language. Amounts are in fen (1 yuan = 100 fen), never floats.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from cashier_app.domain.access import Decision, Role
from cashier_app.domain.cases import CaseStatus

# ReceiptRow.printed: what happened to the paper copy of a receipt.
PRINTED: Final = "printed"  # the app printed it and the printer took every byte
QUEUED: Final = "queued"  # waiting in the print queue
HELD: Final = "held"  # the queue is held: the printer is out of paper, offline, ...
OBSERVE: Final = "observe"  # observe mode: the till prints, the app only records
NOT_PRINTED: Final = "not_printed"  # not printed and not queued (cancelled, refused by the printer)
REPRINTED: Final = "reprinted"  # printed again on request, marked as a reprint
PRINTED_STATES: Final = (PRINTED, QUEUED, HELD, OBSERVE, NOT_PRINTED, REPRINTED)

# JobRow.state: the print queue's words plus "held" for a queued job the printer cannot take now.
JOB_QUEUED: Final = "queued"
JOB_SENDING: Final = "sending"
JOB_HELD: Final = "held"
JOB_DONE: Final = "done"
JOB_CANCELLED: Final = "cancelled"
JOB_FAILED: Final = "failed"
JOB_STATES: Final = (JOB_QUEUED, JOB_SENDING, JOB_HELD, JOB_DONE, JOB_CANCELLED, JOB_FAILED)

# PrinterStatusRow.state: "ok" or one of the printer fault codes (worded in domain/printer_faults.py).
PRINTER_OK: Final = "ok"


@dataclass(frozen=True)
class ReceiptRow:
    """One receipt of today, as the receipts table shows it."""

    receipt_id: int
    seen_at_local: str  # "HH:MM:SS", local time the file was taken
    out_trade_no: str | None  # 商户订单号
    amount_fen: int | None  # always positive; `kind` says whether it is a refund
    channel: str | None  # Channel value: WECHAT / ALIPAY / UNIONPAY / BANKCARD
    kind: str  # ReceiptKind value: SALE / REFUND
    printed: str  # one of PRINTED_STATES
    template: str | None = None  # which template wrote print.txt ("wechat-default", "vendor", ...)
    encoding: str | None = None  # encoding print.txt was read with (gb18030, utf-8, ...)


@dataclass(frozen=True)
class JobRow:
    """One print job; the UI shows the held ones in a banner with retry / cancel."""

    job_id: int
    receipt_id: int | None
    printer: str
    state: str  # one of JOB_STATES
    out_trade_no: str | None = None
    amount_fen: int | None = None
    is_reprint: bool = False
    attempts: int = 0
    reason: str | None = None  # printer fault code that holds the job (paper_end, offline, ...)
    detail: str = ""  # English technical detail, for the tooltip and the logs
    created_at_local: str = ""  # "HH:MM:SS"


@dataclass(frozen=True)
class PrinterStatusRow:
    """The last status read from one printer."""

    printer: str  # the printer's configured name
    state: str  # PRINTER_OK or a printer fault code (not_connected, paper_end, cover_open, ...)
    detail: str = ""


@dataclass(frozen=True)
class PlatformStatusRow:
    """Whether the merchant platform answers. reachable None: no platform configured."""

    reachable: bool | None
    detail: str = ""
    reason: str | None = None  # platform reason code when not reachable (timeout, network, maintenance, ...)


@dataclass(frozen=True)
class RefusedRow:
    """A watched file that was not taken as a receipt (kept aside, never printed)."""

    path: str
    reason: str  # RefusalReason value: "empty", "not text", "too large", "undecodable"
    detail: str = ""


# CaseRow.status (the domain's words, not copies of them)
CASE_OPEN: Final = CaseStatus.OPEN
CASE_CLOSED: Final = CaseStatus.CLOSED


@dataclass(frozen=True)
class CaseStepRow:
    """One step of a case's timeline. Codes (action, state_seen) are turned into words by ui.messages."""

    at_local: str  # "YYYY-MM-DD HH:MM:SS", store time
    action: str  # StepAction value: raised, query, sync, close, print, reprint, note, escalate, close_case
    actor: str  # operator number, or "system"
    state_seen: str | None = None  # OrderState value seen at this step
    outcome: str = ""  # short code or text (a CaseResult value for close_case, "PAID", "job 12 queued", ...)
    detail: str = ""  # technical detail (English), for the tooltip
    note: str = ""  # what the person wrote with this step


@dataclass(frozen=True)
class CaseRow:
    """One exception case, as the cases page lists it; `steps` is filled for the detail view."""

    case_id: int
    kind: str  # CaseKind value
    status: str  # CASE_OPEN / CASE_CLOSED
    opened_at_local: str  # "YYYY-MM-DD HH:MM:SS", store time
    opened_by: str
    out_trade_no: str | None = None
    channel_trade_no: str | None = None
    amount_fen: int | None = None
    payment_state: str | None = None  # OrderState value last seen
    cause: str = ""
    result: str | None = None  # CaseResult value once closed
    closed_at_local: str = ""
    closed_by: str | None = None
    handling_seconds: float | None = None
    training: bool = False
    steps: tuple[CaseStepRow, ...] = ()
    paid_at_local: str = ""  # "YYYY-MM-DD HH:MM:SS", when the customer paid (platform's record)
    channel: str | None = None  # WECHAT / ALIPAY / UNIONPAY / BANKCARD
    customer_contact: str = ""  # as the customer gave it (shown at the till; exports mask it)
    escalated_at_local: str = ""  # reported for handling at; "" when never
    escalation_working_days: int | None = None  # working days since, while open and escalated
    escalation_overdue: bool = False  # past the store's limit (default 3 working days)


@dataclass(frozen=True)
class CaseQuery:
    """Which cases the cases page lists. day: ISO date of the store's local day (None: any day)."""

    day: str | None = None
    kind: str | None = None  # CaseKind value, None: every kind
    status: str | None = None  # CASE_OPEN / CASE_CLOSED, None: both
    # Open cases stay in view until closed: list the open ones of other days too.
    with_open_of_any_day: bool = False


@dataclass(frozen=True)
class StoreInfo:
    """This store's setup, for the help page (no secrets)."""

    store_name: str
    operator: str
    mode: str  # "print" | "observe"
    printer_name: str
    printer_kind: str  # network, usb, serial, cups, win32raw, file ...
    platform_host: str  # host (and port) of the merchant platform
    support_contact: str = ""  # whom to call; empty when not configured
    training: bool = False
    demo: bool = False
    watch_folders: tuple[str, ...] = ()
    # The store's offset ([parser] utc_offset): every time the window shows is on this clock.
    utc_offset: str = "+08:00"


# --- people and the audit trail (the sign-in screen, the people page, the audit page) ---------------------

# PersonRow.role
ROLE_CASHIER: Final = Role.CASHIER
ROLE_MANAGER: Final = Role.MANAGER
ROLE_TECHNICIAN: Final = Role.TECHNICIAN
ROLES: Final = (ROLE_CASHIER, ROLE_MANAGER, ROLE_TECHNICIAN)

# AccessServices.decide(): what the person signed in needs before a protected action.
ALLOWED: Final = Decision.ALLOWED
NEEDS_MANAGER_PIN: Final = Decision.MANAGER_PIN
NEEDS_SIGN_IN: Final = Decision.SIGN_IN


@dataclass(frozen=True)
class PersonRow:
    number: str
    name: str
    role: str  # one of ROLES
    disabled: bool = False
    locked_until_local: str = ""  # "HH:MM" while locked after wrong PINs, else ""
    last_sign_in_local: str = ""  # "YYYY-MM-DD HH:MM:SS", store time

    @property
    def label(self) -> str:
        return f"{self.number} {self.name}".strip()


@dataclass(frozen=True)
class AuditRow:
    """One row of the audit trail, as the audit page lists it. Codes are turned into words by ui.messages."""

    entry_id: int
    at_local: str  # "YYYY-MM-DD HH:MM:SS", store time
    actor: str  # person number, or "system"
    action: str  # AuditAction value
    out_trade_no: str | None = None
    receipt_id: int | None = None
    job_id: int | None = None
    case_id: int | None = None
    reason: str = ""
    detail: str = ""
    approved_by: str | None = None
    training: bool = False


@dataclass(frozen=True)
class AuditQuery:
    """Which rows the audit page lists: from a local day (ISO date) to another, inclusive."""

    since_day: str | None = None
    until_day: str | None = None
    action: str | None = None  # AuditAction value, None: every action
    person: str | None = None  # done or approved by this person number


# --- The manager's desk: receipt history, a receipt's picture and print history, backups ----------

@dataclass(frozen=True)
class HistoryQuery:
    """The history page's filters as typed (empty: not a filter); the services check them."""

    number: str = ""
    amount: str = ""  # one amount ("38.50"), or a range "30-40"
    date_from: str = ""  # a local date or date-time
    date_to: str = ""  # a local date (that whole day) or date-time
    channel: str = ""  # wechat | alipay | unionpay | bankcard
    operator: str = ""
    printed: str = ""  # yes | no | reprinted
    text: str = ""


@dataclass(frozen=True)
class HistoryRow:
    receipt_id: int
    recorded_at_local: str  # "YYYY-MM-DD HH:MM:SS", store time
    out_trade_no: str | None
    channel_trade_no: str | None  # or a bank slip's reference number
    amount_fen: int | None
    channel: str | None
    kind: str  # SALE / REFUND
    operator: str | None
    printed: str  # one of PRINTED_STATES (as on today's page)


@dataclass(frozen=True)
class HistoryResult:
    rows: tuple[HistoryRow, ...]
    more: object | None  # pass back to fetch the next page; None: no more


# PrintHistoryRow.section
HISTORY_ORIGINAL: Final = "original"
HISTORY_REPRINT: Final = "reprint"
HISTORY_PENDING: Final = "pending"
HISTORY_CANCELLED: Final = "cancelled"
# ReceiptPreview.source: where the picture's bytes came from.
PICTURE_SENT: Final = "sent"
PICTURE_QUEUED: Final = "queued"
PICTURE_LAID_OUT_AGAIN: Final = "laid_out_again"
PICTURE_WOULD_PRINT: Final = "would_print"


@dataclass(frozen=True)
class PrintHistoryRow:
    job_id: int
    section: str  # HISTORY_ORIGINAL / HISTORY_REPRINT / HISTORY_PENDING / HISTORY_CANCELLED
    state: str  # one of JOB_STATES
    copy_no: int
    at_local: str  # "YYYY-MM-DD HH:MM:SS": printed, cancelled, or asked for
    person: str | None  # who asked for it (a copy), or who cancelled it
    reason: str | None  # the reprint's reason, or why it was cancelled
    printer: str
    fault: str | None = None  # printer fault code while held


@dataclass(frozen=True)
class ReceiptPreview:
    receipt_id: int
    out_trade_no: str | None
    amount_fen: int | None
    kind: str
    png: bytes  # the receipt as printed (or as it would print)
    job_id: int | None  # the print job drawn (None: never queued)
    source: str  # PICTURE_SENT / PICTURE_QUEUED / PICTURE_LAID_OUT_AGAIN / PICTURE_WOULD_PRINT
    history: tuple[PrintHistoryRow, ...]


@dataclass(frozen=True)
class ShiftRow:
    number: int  # 1-based within its day
    start_local: str  # "HH:MM" (with the date when it is not the day's)
    end_local: str
    running: bool
    closed_by: str | None


@dataclass(frozen=True)
class BackupStatus:
    folder: str
    last_copy: str | None  # path of the newest copy in the folder
    last_copy_at_local: str | None  # "YYYY-MM-DD HH:MM"
    copies: int
    keep: int
    size_mb: float | None  # of the newest copy


@dataclass(frozen=True)
class TrainingRow:
    """One lesson a trainee finished, for the per-trainee report."""

    trainee: str
    trainee_name: str
    lesson: str  # lesson id
    lesson_title: str
    out_trade_no: str
    started_local: str  # "YYYY-MM-DD HH:MM:SS"
    finished_local: str
    minutes: float
    score: int  # 0..100
    checks: tuple[tuple[str, bool], ...]  # (domain.training.Check value, passed)
