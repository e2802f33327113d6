"""The audit trail's vocabulary: what a person did that a manager may want to see afterwards.

Rows are written by the journal (journal/audit.py), in UTC like every other timestamp, naming the
person signed in and, where a manager's PIN approved it, the manager. Secrets (the platform key, a
PIN) never go into a row: a key change says only that the key changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class AuditAction(StrEnum):
    REPRINT = "reprint"  # a copy a person asked for (the paper desk: with its copy number)
    PRINT_ORDER = "print_order"  # a receipt printed from the platform's record (print.txt never came)
    PRINT = "print"  # a receipt's original printed at a person's request (it had no paper yet)
    CANCEL_JOB = "cancel_job"
    MOVE_JOB = "move_job"
    CLOSE_ORDER = "close_order"
    CLOSE_CASE = "close_case"
    SIGN_IN = "sign_in"
    SIGN_OUT = "sign_out"
    SIGN_IN_FAILED = "sign_in_failed"
    LOCKED_OUT = "locked_out"
    APPROVAL_REFUSED = "approval_refused"  # a wrong or unfit manager's PIN for a protected action
    PERSON_ADDED = "person_added"
    PERSON_DISABLED = "person_disabled"
    PERSON_ENABLED = "person_enabled"
    PIN_CHANGED = "pin_changed"
    SETTINGS_CHANGED = "settings_changed"
    KEY_CHANGED = "key_changed"
    KEY_DELETED = "key_deleted"
    CASE_FOR_TRAINING = "case_for_training"  # a closed case exported (anonymised) as a training lesson


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str  # UTC ISO-8601
    actor: str  # person number, "system", or general.operator on a one-person till
    action: str  # AuditAction value (older rows may hold other words)
    receipt_id: int | None = None
    job_id: int | None = None
    case_id: int | None = None
    out_trade_no: str | None = None
    reason: str = ""
    detail: str = ""
    approved_by: str | None = None  # the manager whose PIN allowed it
    copy_no: int | None = None  # the copy a print job puts on paper (1: the original)
    printer: str | None = None
    training: bool = False
