"""Every code the services report, turned into the cashier's words, in one place.

Services speak in stable machine codes (printer faults, platform reasons, refusal reasons, notices);
this module maps each code to an English source string marked for translation (QT_TRANSLATE_NOOP, so
pyside6-lupdate collects them) and translates it at call time, so a language switch takes effect on
the next call. Unknown codes never crash: they fall back to a generic text naming the code.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePath, PureWindowsPath
from typing import Any, Final

from PySide6.QtCore import QCoreApplication

from cashier_app.domain.cases import DEFAULT_CAUSE, PLATFORM_REFUSES_CAUSE, CaseKind
from cashier_app.domain.errors import CodedError
from cashier_app.domain.printer_faults import UNKNOWN, WORDS, fault_words
from cashier_app.ui.i18n import current_language
from cashier_app.ui.rows import PlatformStatusRow, PrinterStatusRow, RefusedRow
from cashier_app.ui.theme import ATTENTION, FAULT, INFO, OK

CONTEXT: Final = "Messages"


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Marks a source string for pyside6-lupdate (which looks for this name); translated later by tr()."""
    return source


@dataclass(frozen=True)
class Message:
    source: str  # English source text; may hold {name} placeholders filled from params
    severity: str = INFO
    hint: str = ""  # what to do next, when there is something to do


def _m(source: str, severity: str = INFO, hint: str = "") -> Message:
    return Message(source, severity, hint)


# Printer states (PrinterStatusRow.state, JobRow.reason): worded once for every screen, in both languages,
# in domain/printer_faults.py (the command line and the technician's diagnosis say the same).


# Merchant platform reachability (PlatformStatusRow.reachable) and the reasons it is not reachable.
PLATFORM_OK: Final = _m(QT_TRANSLATE_NOOP("Messages", "Platform OK"), OK)
PLATFORM_DOWN: Final = _m(QT_TRANSLATE_NOOP("Messages", "Platform connection lost"), ATTENTION)
PLATFORM_NOT_CONFIGURED: Final = _m(QT_TRANSLATE_NOOP("Messages", "Platform not configured"), INFO)
PLATFORM_DOWN_WITH_REASON: Final = QT_TRANSLATE_NOOP("Messages", "Platform connection lost: {reason}")
# It answers, and refuses this till (its key, its clock, its registration): no "connection lost" then.
PLATFORM_REFUSES: Final = QT_TRANSLATE_NOOP("Messages", "Platform refuses this till: {reason}")
REFUSED_REASONS: Final = frozenset({"key_rejected", "clock_rejected", "credentials", "terminal_not_bound"})

PLATFORM_REASONS: Final[dict[str, Message]] = {
    "timeout": _m(QT_TRANSLATE_NOOP("Messages", "the platform did not answer in time"), ATTENTION),
    "network": _m(QT_TRANSLATE_NOOP("Messages", "no network connection"), ATTENTION),
    "platform_error": _m(QT_TRANSLATE_NOOP("Messages", "platform internal error"), ATTENTION),
    "channel_error": _m(QT_TRANSLATE_NOOP("Messages", "payment channel error"), ATTENTION),
    "maintenance": _m(QT_TRANSLATE_NOOP("Messages", "platform under maintenance"), ATTENTION),
    "bad_signature": _m(
        QT_TRANSLATE_NOOP("Messages", "signature check failed"),
        FAULT,
        QT_TRANSLATE_NOOP("Messages", "Ask the technician to check the merchant key."),
    ),
    "rate_limited": _m(QT_TRANSLATE_NOOP("Messages", "too many requests, retrying shortly"), ATTENTION),
    "credentials": _m(
        QT_TRANSLATE_NOOP("Messages", "merchant key missing or wrong"),
        FAULT,
        QT_TRANSLATE_NOOP("Messages", "Ask the technician to enter the merchant key."),
    ),
    # The platform answered and refused this till (StateUnknown.cause): not an unreachable platform.
    "key_rejected": _m(
        QT_TRANSLATE_NOOP("Messages", "the platform rejects this till's merchant key"),
        FAULT,
        QT_TRANSLATE_NOOP("Messages", "Ask the technician to store the right merchant key (credentials check)."),
    ),
    "clock_rejected": _m(
        QT_TRANSLATE_NOOP("Messages", "the platform rejects this computer's time"),
        FAULT,
        QT_TRANSLATE_NOOP("Messages", "Set this computer's date and time correctly."),
    ),
    "terminal_not_bound": _m(
        QT_TRANSLATE_NOOP("Messages", "this terminal is not bound to the merchant"),
        FAULT,
        QT_TRANSLATE_NOOP("Messages", "Ask the technician to bind this terminal on the platform."),
    ),
    "invalid_params": _m(
        QT_TRANSLATE_NOOP("Messages", "the platform refused the request"),
        FAULT,
        QT_TRANSLATE_NOOP("Messages", "Call technical support."),
    ),
    "unreadable": _m(QT_TRANSLATE_NOOP("Messages", "the platform's answer could not be read"), FAULT),
    "moved_backwards": _m(QT_TRANSLATE_NOOP("Messages", "the platform's answer contradicts an earlier one"), FAULT),
    "sync_in_progress": _m(QT_TRANSLATE_NOOP("Messages", "a sync of this order is still running"), ATTENTION),
    "idempotency_key_reused": _m(QT_TRANSLATE_NOOP("Messages", "the request was refused as a repeat"), FAULT),
    "cancelled": _m(QT_TRANSLATE_NOOP("Messages", "the app is stopping"), ATTENTION),
    "not_closable": _m(QT_TRANSLATE_NOOP("Messages", "the platform would not close the order"), ATTENTION),
    # Credential errors raised by the platform client (cashier_app.platform.credentials).
    "credentials_missing": _m(
        QT_TRANSLATE_NOOP("Messages", "merchant key missing"),
        FAULT,
        QT_TRANSLATE_NOOP("Messages", "Ask the technician to enter the merchant key."),
    ),
    "invalid_api_key": _m(
        QT_TRANSLATE_NOOP("Messages", "merchant key is wrong"),
        FAULT,
        QT_TRANSLATE_NOOP("Messages", "Ask the technician to check the merchant key."),
    ),
    "credential_store_unavailable": _m(
        QT_TRANSLATE_NOOP("Messages", "the system keyring cannot be reached"),
        FAULT,
        QT_TRANSLATE_NOOP("Messages", "Ask the technician to set up the system keyring."),
    ),
    "credential_error": _m(
        QT_TRANSLATE_NOOP("Messages", "the merchant key cannot be read"),
        FAULT,
        QT_TRANSLATE_NOOP("Messages", "Ask the technician to check the merchant key."),
    ),
}

# Why a watched file was not taken as a receipt (RefusalReason values, as in the print-txt spec).
REFUSALS: Final[dict[str, Message]] = {
    "empty": _m(QT_TRANSLATE_NOOP("Messages", "the file is empty"), ATTENTION),
    "not text": _m(QT_TRANSLATE_NOOP("Messages", "the file is not text"), ATTENTION),
    "too large": _m(QT_TRANSLATE_NOOP("Messages", "the file is too large for a receipt"), ATTENTION),
    "undecodable": _m(QT_TRANSLATE_NOOP("Messages", "the file's characters cannot be read"), ATTENTION),
    "name not text": _m(QT_TRANSLATE_NOOP("Messages", "the file's name is not readable text"), ATTENTION),
    "parser failed": _m(QT_TRANSLATE_NOOP("Messages", "the file could not be read (a fault in the app)"), FAULT),
    # Watched names that are no regular file (watch.files): never read.
    "symlink": _m(QT_TRANSLATE_NOOP("Messages", "it is a link to another file, which is not read"), ATTENTION),
    "fifo": _m(QT_TRANSLATE_NOOP("Messages", "it is a pipe, not a file"), ATTENTION),
    "socket": _m(QT_TRANSLATE_NOOP("Messages", "it is a socket, not a file"), ATTENTION),
    "device": _m(QT_TRANSLATE_NOOP("Messages", "it is a device, not a file"), ATTENTION),
    "other": _m(QT_TRANSLATE_NOOP("Messages", "it is not a regular file"), ATTENTION),
}
FILE_REFUSED: Final = QT_TRANSLATE_NOOP("Messages", "File {name} was not taken as a receipt: {reason}")

# Notices (ServiceBridge.notice(code, params)): events worth telling the cashier about.
NOTICES: Final[dict[str, Message]] = {
    "watch_folder_missing": _m(
        QT_TRANSLATE_NOOP("Messages", "The till's folder {path} is missing: new receipts are not being picked up."),
        FAULT,
        QT_TRANSLATE_NOOP("Messages", "Check that the drive or network share is connected."),
    ),
    "watch_folder_restored": _m(QT_TRANSLATE_NOOP("Messages", "The till's folder {path} is back."), OK),
    "printer_recovered": _m(
        QT_TRANSLATE_NOOP("Messages", "Printer {printer} is ready again; held receipts are printing."), OK
    ),
    "platform_restored": _m(QT_TRANSLATE_NOOP("Messages", "Connection to the platform restored."), OK),
    "escalation_overdue": _m(
        QT_TRANSLATE_NOOP("Messages", "Case {case_id} (order {out_trade_no}) was reported {days} working days ago "
                                      "and is still open."),
        ATTENTION,
        QT_TRANSLATE_NOOP("Messages", "Ask the platform again, or close the case on the cases page."),
    ),
    "reprint_queued": _m(QT_TRANSLATE_NOOP("Messages", "Reprint of order {out_trade_no} queued."), INFO),
    "job_cancelled": _m(QT_TRANSLATE_NOOP("Messages", "Print job for order {out_trade_no} cancelled."), INFO),
    "interrupted_job_reprinted": _m(
        QT_TRANSLATE_NOOP("Messages", "A receipt cut off while printing was printed again (order {out_trade_no})."),
        ATTENTION,
    ),
    "paid_no_receipt": _m(
        QT_TRANSLATE_NOOP("Messages", "Order {out_trade_no} is paid but has no receipt."),
        ATTENTION,
        QT_TRANSLATE_NOOP("Messages", "Reprint it from the order, or check the till."),
    ),
    "receipt_not_paid": _m(
        QT_TRANSLATE_NOOP("Messages", "Order {out_trade_no} has a receipt but the platform says it is not paid."),
        FAULT,
        QT_TRANSLATE_NOOP("Messages", "Do not hand over the goods until the payment is confirmed."),
    ),
    "order_stuck_paying": _m(
        QT_TRANSLATE_NOOP("Messages", "Order {out_trade_no} is still waiting for the customer's password."),
        ATTENTION,
    ),
    "keyring_fallback": _m(
        QT_TRANSLATE_NOOP("Messages", "Secrets are kept in a fallback store ({backend}), not the system keyring."),
        ATTENTION,
        QT_TRANSLATE_NOOP("Messages", "Ask the technician to set up the system keyring."),
    ),
    "already_running": _m(
        QT_TRANSLATE_NOOP("Messages", "Cashier Companion is already running. Look for it in the taskbar or tray."),
        INFO,
    ),
    "case_opened": _m(
        QT_TRANSLATE_NOOP("Messages", "New case: {kind}, order {out_trade_no}."),
        ATTENTION,
        QT_TRANSLATE_NOOP("Messages", "See the cases page."),
    ),
    "case_updated": _m(QT_TRANSLATE_NOOP("Messages", "Case {case_id} updated."), INFO),
    "watch_not_configured": _m(
        QT_TRANSLATE_NOOP("Messages", "No till folder is set up: receipts are not being picked up."),
        FAULT,
        QT_TRANSLATE_NOOP("Messages", "Ask the technician to set the till's print folder."),
    ),
    "intake_failed": _m(
        QT_TRANSLATE_NOOP("Messages", "A receipt file could not be taken: {path}"),
        FAULT,
        QT_TRANSLATE_NOOP("Messages", "Call the technician."),
    ),
    "intake_deferred": _m(
        QT_TRANSLATE_NOOP("Messages", "The disk is full: {waiting} receipt file(s) wait to be recorded and printed."),
        FAULT,
        QT_TRANSLATE_NOOP("Messages", "Free disk space (call the technician); they are taken in by themselves then."),
    ),
    "intake_caught_up": _m(
        QT_TRANSLATE_NOOP("Messages", "Disk space is back: {count} waiting receipt file(s) were recorded."), OK
    ),
    "receipt_repeat": _m(
        QT_TRANSLATE_NOOP("Messages", "The till wrote the receipt of order {out_trade_no} again: not printed twice."),
        INFO,
        QT_TRANSLATE_NOOP("Messages", "To give the customer a copy, reprint it (Ctrl+P)."),
    ),
    "job_moved": _m(
        QT_TRANSLATE_NOOP("Messages", "The receipt of order {out_trade_no} goes to printer {printer}."), INFO
    ),
    # The journal's daily copy (app/upkeep.py).
    "backup_done": _m(QT_TRANSLATE_NOOP("Messages", "The journal was copied to {path}."), OK),
    "backup_failed": _m(
        QT_TRANSLATE_NOOP("Messages", "The journal's daily copy failed: {detail}"),
        FAULT,
        QT_TRANSLATE_NOOP("Messages", "Check the backup folder (is the drive there, is there space?)."),
    ),
    # Training mode (app/training.py): each staged exception is announced with its lesson, which comes
    # in both languages; training_step_text() picks the one the window speaks.
    "training_step": _m(QT_TRANSLATE_NOOP("Messages", "Training step {step}/{of}: {lesson}"), INFO),
    "training_feedback": _m(QT_TRANSLATE_NOOP("Messages", "Lesson {step}/{of} done: {score} points of 100."), OK),
    "training_done": _m(
        QT_TRANSLATE_NOOP("Messages", "Trainee {trainee}: {lessons} of {of} lessons done, {average} points on "
                                      "average."),
        OK,
        QT_TRANSLATE_NOOP("Messages", "The next trainee signs in with F12."),
    ),
    "training_paper_refilled": _m(
        QT_TRANSLATE_NOOP("Messages", "Training: the paper roll is back in; the held receipts print now."), OK
    ),
}
# A case without an order number (printer or platform fault).
CASE_OPENED_NO_ORDER: Final = QT_TRANSLATE_NOOP("Messages", "New case: {kind}.")
NOTICE_UNKNOWN: Final = QT_TRANSLATE_NOOP("Messages", "Notice: {code}")
ERROR_UNKNOWN: Final = QT_TRANSLATE_NOOP("Messages", "The action failed: {detail}")

# Words for the receipts table.
CHANNELS: Final[dict[str, str]] = {
    "WECHAT": QT_TRANSLATE_NOOP("Messages", "WeChat"),
    "ALIPAY": QT_TRANSLATE_NOOP("Messages", "Alipay"),
    "UNIONPAY": QT_TRANSLATE_NOOP("Messages", "UnionPay QuickPass"),
    "BANKCARD": QT_TRANSLATE_NOOP("Messages", "Bank card"),
}
CHANNEL_UNKNOWN: Final = QT_TRANSLATE_NOOP("Messages", "Unknown")
KINDS: Final[dict[str, str]] = {
    "SALE": QT_TRANSLATE_NOOP("Messages", "Sale"),
    "REFUND": QT_TRANSLATE_NOOP("Messages", "Refund"),
}
PRINTED: Final[dict[str, str]] = {
    "printed": QT_TRANSLATE_NOOP("Messages", "Printed"),
    "queued": QT_TRANSLATE_NOOP("Messages", "Waiting to print"),
    "held": QT_TRANSLATE_NOOP("Messages", "Printing held"),
    "observe": QT_TRANSLATE_NOOP("Messages", "Printed by the till"),
    "not_printed": QT_TRANSLATE_NOOP("Messages", "Not printed"),
    "reprinted": QT_TRANSLATE_NOOP("Messages", "Reprinted"),
}
JOB_STATES: Final[dict[str, str]] = {
    "queued": QT_TRANSLATE_NOOP("Messages", "Waiting"),
    "sending": QT_TRANSLATE_NOOP("Messages", "Printing"),
    "held": QT_TRANSLATE_NOOP("Messages", "Held"),
    "done": QT_TRANSLATE_NOOP("Messages", "Done"),
    "cancelled": QT_TRANSLATE_NOOP("Messages", "Cancelled"),
    "failed": QT_TRANSLATE_NOOP("Messages", "Failed"),
}
UNKNOWN_CODE: Final = QT_TRANSLATE_NOOP("Messages", "Unknown ({code})")

# The platform's order states (OrderState values), as the lookup page and the cases page say them.
ORDER_STATES: Final[dict[str, str]] = {
    "CREATED": QT_TRANSLATE_NOOP("Messages", "Not paid"),
    "USERPAYING": QT_TRANSLATE_NOOP("Messages", "Paying"),
    "PAID": QT_TRANSLATE_NOOP("Messages", "Paid"),
    "PAY_FAILED": QT_TRANSLATE_NOOP("Messages", "Payment failed"),
    "REVOKED": QT_TRANSLATE_NOOP("Messages", "Revoked"),
    "CLOSED": QT_TRANSLATE_NOOP("Messages", "Closed"),
    "PARTIAL_REFUNDED": QT_TRANSLATE_NOOP("Messages", "Partly refunded"),
    "REFUNDED": QT_TRANSLATE_NOOP("Messages", "Refunded"),
    "UNKNOWN": QT_TRANSLATE_NOOP("Messages", "State unknown"),
}
ORDER_STATE_SEVERITY: Final[dict[str, str]] = {
    "CREATED": ATTENTION,
    "USERPAYING": ATTENTION,
    "PAID": OK,
    "PAY_FAILED": ATTENTION,
    "REVOKED": ATTENTION,
    "CLOSED": ATTENTION,
    "PARTIAL_REFUNDED": ATTENTION,
    "REFUNDED": ATTENTION,
    "UNKNOWN": FAULT,
}

# Exception cases (domain.cases): kinds, results, status, and the steps of a timeline.
CASE_KINDS: Final[dict[str, str]] = {
    "paid_no_receipt": QT_TRANSLATE_NOOP("Messages", "Paid, no receipt"),
    "dropped_order": QT_TRANSLATE_NOOP("Messages", "Dropped order"),
    "unpaid": QT_TRANSLATE_NOOP("Messages", "Not paid"),
    "payment_failed": QT_TRANSLATE_NOOP("Messages", "Payment failed"),
    "refund": QT_TRANSLATE_NOOP("Messages", "Refund"),
    "stuck_payment": QT_TRANSLATE_NOOP("Messages", "Payment stuck"),
    "printer_fault": QT_TRANSLATE_NOOP("Messages", "Printer fault"),
    "platform_fault": QT_TRANSLATE_NOOP("Messages", "Platform fault"),
    "doubled_receipt": QT_TRANSLATE_NOOP("Messages", "Receipt printed twice"),
    "receipt_without_payment": QT_TRANSLATE_NOOP("Messages", "Receipt without payment"),
    "storage_full": QT_TRANSLATE_NOOP("Messages", "Disk full"),
    "amount_mismatch": QT_TRANSLATE_NOOP("Messages", "Amount mismatch"),
    "refund_not_on_platform": QT_TRANSLATE_NOOP("Messages", "Refund receipt, no refund on the platform"),
    "refund_without_receipt": QT_TRANSLATE_NOOP("Messages", "Refund without a refund receipt"),
}
# The cause the system records when it raises a case of each kind (domain.cases.DEFAULT_CAUSE, English in
# the journal), in the manager's words. A cause typed by a person is shown as typed.
CASE_CAUSES: Final[dict[str, str]] = {
    "paid_no_receipt": QT_TRANSLATE_NOOP("Messages", "Paid on the platform, no receipt from the till in time."),
    "dropped_order": QT_TRANSLATE_NOOP("Messages", "Customer shows paid, the platform says unpaid (dropped order)."),
    "unpaid": QT_TRANSLATE_NOOP("Messages", "The order is not paid and the customer has no voucher."),
    "payment_failed": QT_TRANSLATE_NOOP("Messages", "The payment failed at the payment channel."),
    "refund": QT_TRANSLATE_NOOP("Messages", "The order was refunded after its sale receipt."),
    "stuck_payment": QT_TRANSLATE_NOOP("Messages", "The order waited for payment too long."),
    "printer_fault": QT_TRANSLATE_NOOP("Messages", "A printer fault held the print queue."),
    "platform_fault": QT_TRANSLATE_NOOP("Messages", "The merchant platform could not be reached."),
    "doubled_receipt": QT_TRANSLATE_NOOP("Messages", "The same order was printed twice as an original."),
    "receipt_without_payment": QT_TRANSLATE_NOOP(
        "Messages", "A receipt was printed but the platform does not show the order paid."
    ),
    "storage_full": QT_TRANSLATE_NOOP(
        "Messages", "The disk was full: receipt files waited and were taken in once there was space."
    ),
    "amount_mismatch": QT_TRANSLATE_NOOP("Messages", "The receipt's amount is not the amount the platform took."),
    "refund_not_on_platform": QT_TRANSLATE_NOOP(
        "Messages", "A refund receipt was printed, but the platform shows no refund for the order."
    ),
    "refund_without_receipt": QT_TRANSLATE_NOOP(
        "Messages", "The order was refunded on the platform, but no refund receipt was printed."
    ),
}
PLATFORM_REFUSES_CASE: Final = QT_TRANSLATE_NOOP(
    "Messages", "The platform answers but refuses this till: its merchant key, its clock or its registration."
)
CASE_RESULTS: Final[dict[str, str]] = {
    "reprinted": QT_TRANSLATE_NOOP("Messages", "Receipt reprinted"),
    "printed": QT_TRANSLATE_NOOP("Messages", "Receipt printed"),
    "synced_paid": QT_TRANSLATE_NOOP("Messages", "Paid after sync"),
    "closed_and_repaid": QT_TRANSLATE_NOOP("Messages", "Order closed, payment taken again"),
    "money_returns": QT_TRANSLATE_NOOP("Messages", "Money returned to the customer"),
    "escalated": QT_TRANSLATE_NOOP("Messages", "Reported for handling"),
    "resolved_by_itself": QT_TRANSLATE_NOOP("Messages", "Resolved by itself"),
    "no_action_needed": QT_TRANSLATE_NOOP("Messages", "No action needed"),
    "fixed": QT_TRANSLATE_NOOP("Messages", "Fault fixed"),
    "other": QT_TRANSLATE_NOOP("Messages", "Other"),
}
CASE_STATUSES: Final[dict[str, str]] = {
    "open": QT_TRANSLATE_NOOP("Messages", "Being handled"),
    "closed": QT_TRANSLATE_NOOP("Messages", "Handled"),
}
STEP_ACTIONS: Final[dict[str, str]] = {
    "raised": QT_TRANSLATE_NOOP("Messages", "Raised"),
    "query": QT_TRANSLATE_NOOP("Messages", "Looked up"),
    "sync": QT_TRANSLATE_NOOP("Messages", "Synced"),
    "close": QT_TRANSLATE_NOOP("Messages", "Order closed"),
    "print": QT_TRANSLATE_NOOP("Messages", "Printed"),
    "reprint": QT_TRANSLATE_NOOP("Messages", "Reprinted"),
    "note": QT_TRANSLATE_NOOP("Messages", "Note"),
    "escalate": QT_TRANSLATE_NOOP("Messages", "Reported"),
    "close_case": QT_TRANSLATE_NOOP("Messages", "Case closed"),
}
SYSTEM_ACTOR: Final = QT_TRANSLATE_NOOP("Messages", "System")
# Short outcome codes the lookup writes into a case's steps (lookup/answers.py, lookup/service.py).
STEP_OUTCOMES: Final[dict[str, str]] = {
    "voucher:shown": QT_TRANSLATE_NOOP("Messages", "Customer shows a payment voucher"),
    "voucher:none": QT_TRANSLATE_NOOP("Messages", "Customer has no payment voucher"),
    "voucher:not_asked": QT_TRANSLATE_NOOP("Messages", "Customer not asked yet"),
    "escalated": QT_TRANSLATE_NOOP("Messages", "Reported for handling"),
    "closed": QT_TRANSLATE_NOOP("Messages", "Order closed"),
    "not_closable": QT_TRANSLATE_NOOP("Messages", "The platform would not close the order"),
    "print_failed": QT_TRANSLATE_NOOP("Messages", "Printing failed"),
    "not_found": QT_TRANSLATE_NOOP("Messages", "Order not found"),
    "not_queryable_yet": QT_TRANSLATE_NOOP("Messages", "Not findable by the third-party number yet"),
    "contact_recorded": QT_TRANSLATE_NOOP("Messages", "Customer contact recorded"),
    "contact_removed": QT_TRANSLATE_NOOP("Messages", "Customer contact removed"),
    "escalation_overdue": QT_TRANSLATE_NOOP("Messages", "Overdue: no answer within the working days allowed"),
    "not_started": QT_TRANSLATE_NOOP("Messages", "No payment started for this number yet"),
    "paid_again": QT_TRANSLATE_NOOP("Messages", "Payment taken again"),
    # Reconciliation's own steps (reconcile/service.py).
    "platform_back": QT_TRANSLATE_NOOP("Messages", "The platform answers again"),
    "no_printer": QT_TRANSLATE_NOOP("Messages", "No printer to print from here: left for the cashier"),
    "not_reprinted_too_old": QT_TRANSLATE_NOOP("Messages", "Paid too long ago to print by itself: left for the "
                                                           "cashier"),
    "failed": QT_TRANSLATE_NOOP("Messages", "Printing failed"),
    "not_queued": QT_TRANSLATE_NOOP("Messages", "The print queue did not take the receipt"),
}
# A print the paper desk refused ("not_printed:" + its code): the refusal in words.
STEP_NOT_PRINTED: Final = QT_TRANSLATE_NOOP("Messages", "Not printed: {reason}")
STEP_STATE_UNKNOWN: Final = QT_TRANSLATE_NOOP("Messages", "State unknown ({reason})")
STEP_JOB_QUEUED: Final = QT_TRANSLATE_NOOP("Messages", "Print job {job} queued")

# Which number the cashier typed or scanned (LookupView.number_kind).
NUMBER_KINDS: Final[dict[str, str]] = {
    "out_trade_no": QT_TRANSLATE_NOOP("Messages", "Merchant order number"),
    "merchant": QT_TRANSLATE_NOOP("Messages", "Merchant order number"),
    "channel_trade_no": QT_TRANSLATE_NOOP("Messages", "Third-party order number"),
    "channel": QT_TRANSLATE_NOOP("Messages", "Third-party order number"),
}

# The lookup's verdict (domain.guidance.Verdict values): one sentence with the next step. The rule
# that matters most: an error or an unreadable answer is never said to be "unpaid".
VERDICTS: Final[dict[str, Message]] = {
    "paid": _m(QT_TRANSLATE_NOOP("Messages", "Paid. You can reprint the receipt."), OK),
    "partly_refunded": _m(
        QT_TRANSLATE_NOOP(
            "Messages",
            "Paid, partly refunded. You can reprint the receipt; the refund goes back by "
            "itself.",
        ),
        ATTENTION,
    ),
    "possibly_dropped": _m(
        QT_TRANSLATE_NOOP(
            "Messages",
            "The customer has paid but the platform shows unpaid: possibly a dropped order. Press \"Sync order\".",
        ),
        ATTENTION,
    ),
    "still_unpaid_after_sync": _m(
        QT_TRANSLATE_NOOP(
            "Messages",
            "Still unpaid after the sync. Do not take payment again; sync once more or report it for handling.",
        ),
        FAULT,
    ),
    "not_paid": _m(
        QT_TRANSLATE_NOOP(
            "Messages",
            "The payment did not go through. Close the order first, then take payment again "
            "with a new order.",
        ),
        ATTENTION,
    ),
    "waiting_for_password": _m(
        QT_TRANSLATE_NOOP(
            "Messages",
            "The customer may still be entering the password. Wait; if they give up, close the order before taking "
            "payment again.",
        ),
        ATTENTION,
    ),
    "ask_for_voucher": _m(
        QT_TRANSLATE_NOOP("Messages", "The platform shows unpaid. Ask the customer first:"), ATTENTION
    ),
    "payment_failed": _m(
        QT_TRANSLATE_NOOP(
            "Messages",
            "The payment failed; the customer was not charged. You can take payment again "
            "with a new order.",
        ),
        ATTENTION,
    ),
    "closed_unpaid": _m(
        QT_TRANSLATE_NOOP(
            "Messages",
            "The order was closed before it was paid: no money was taken. Take payment again with a new order.",
        ),
        ATTENTION,
    ),
    "money_returns": _m(
        QT_TRANSLATE_NOOP(
            "Messages",
            "The order was revoked or refunded: the money goes back to the customer by itself. No receipt to print.",
        ),
        ATTENTION,
    ),
    "platform_unsure": _m(
        QT_TRANSLATE_NOOP(
            "Messages",
            "The platform cannot tell whether this order is paid. Press \"Sync order\" to ask the payment channel; "
            "do not take payment again.",
        ),
        FAULT,
    ),
    "not_found": _m(
        QT_TRANSLATE_NOOP("Messages", "No order with this number. Check the number and look it up again."), ATTENTION
    ),
    "not_found_not_charged": _m(
        QT_TRANSLATE_NOOP(
            "Messages",
            "No such order on the platform, and the customer's phone shows no payment: the customer was not "
            "charged. It is safe to take payment again.",
        ),
        OK,
    ),
    "not_found_but_paid": _m(
        QT_TRANSLATE_NOOP(
            "Messages",
            "The customer shows a payment voucher, but the platform has no order with this number. Look up the "
            "merchant order number shown in the voucher's details. Do not take payment again.",
        ),
        ATTENTION,
    ),
    "not_queryable_yet": _m(
        QT_TRANSLATE_NOOP(
            "Messages",
            "The platform has not yet heard of this payment from the channel, so the third-party number finds "
            "nothing yet. Look it up by the merchant order number.",
        ),
        ATTENTION,
    ),
    "state_unknown": _m(
        QT_TRANSLATE_NOOP(
            "Messages",
            "The order's state cannot be confirmed right now. Do not take payment again; look it up later or call "
            "technical support.",
        ),
        FAULT,
    ),
    "channel_says_unpaid": _m(
        QT_TRANSLATE_NOOP(
            "Messages",
            "The payment channel itself says this order is not paid; there is nothing to sync. Check that the "
            "voucher shows this merchant order number and this store, then look it up again.",
        ),
        ATTENTION,
    ),
    "not_started_yet": _m(
        QT_TRANSLATE_NOOP(
            "Messages",
            "No payment has started for this number yet: the customer has not scanned the code, or the number is "
            "wrong. The code can still be paid: do not take payment again; ask the customer and look it up again.",
        ),
        ATTENTION,
    ),
}
# Where the platform is the payment channel (WeChat Pay, Alipay), "look up again" is the sync: say so.
CHANNEL_IS_TRUTH: Final = QT_TRANSLATE_NOOP(
    "Messages", "{platform} is the payment channel itself: its answer is final, a fresh look-up is the sync.")
PLATFORM_NAMES: Final[dict[str, str]] = {
    "mp-v1": QT_TRANSLATE_NOOP("Messages", "The merchant platform"),
    "wechatpay-v3": QT_TRANSLATE_NOOP("Messages", "WeChat Pay"),
    "alipay": QT_TRANSLATE_NOOP("Messages", "Alipay"),
}
# PAID with no receipt yet: the next step is printing, not reprinting.
VERDICT_PAID_NO_RECEIPT: Final = QT_TRANSLATE_NOOP("Messages", "Paid, but no receipt was printed. Print the receipt.")
VERDICT_UNKNOWN: Final = QT_TRANSLATE_NOOP("Messages", "Result: {code}")
# PAID with its receipt on its way: nothing to print now (it comes out by itself).
PAPER_VERDICTS: Final[dict[str, str]] = {
    "on_its_way": QT_TRANSLATE_NOOP("Messages", "Paid. The receipt is printing."),
    "held": QT_TRANSLATE_NOOP("Messages", "Paid. The receipt waits for the printer."),
}

# The lookup's next steps (domain.guidance.Action values), as button texts.
ACTIONS: Final[dict[str, str]] = {
    "reprint": QT_TRANSLATE_NOOP("Messages", "Reprint receipt"),
    "print": QT_TRANSLATE_NOOP("Messages", "Print receipt"),
    "sync": QT_TRANSLATE_NOOP("Messages", "Sync order"),
    "close_and_pay_again": QT_TRANSLATE_NOOP("Messages", "Close order and take payment again"),
    "query_by_merchant_no": QT_TRANSLATE_NOOP("Messages", "Look up by merchant order number"),
    "query_again": QT_TRANSLATE_NOOP("Messages", "Look up again"),
    "escalate": QT_TRANSLATE_NOOP("Messages", "Report for handling"),
    "check_number": QT_TRANSLATE_NOOP("Messages", "Check the number"),
    "paid_again": QT_TRANSLATE_NOOP("Messages", "Payment taken again"),
}

# Errors of the lookup and the cases (codes of the exceptions their services raise).
ACTION_ERRORS: Final[dict[str, Message]] = {
    "invalid_number": _m(
        QT_TRANSLATE_NOOP("Messages", "This is not an order number."),
        ATTENTION,
        QT_TRANSLATE_NOOP("Messages", "Check the number and type or scan it again."),
    ),
    "case_not_found": _m(QT_TRANSLATE_NOOP("Messages", "This case no longer exists."), ATTENTION),
    "case_closed": _m(QT_TRANSLATE_NOOP("Messages", "This case is already closed."), INFO),
    "empty_note": _m(QT_TRANSLATE_NOOP("Messages", "Write the note first."), INFO),
    "case_not_replayable": _m(QT_TRANSLATE_NOOP("Messages", "Only a closed case can be replayed in training."), INFO),
    "invalid_result": _m(QT_TRANSLATE_NOOP("Messages", "Choose how the case ended."), ATTENTION),
    "action_not_allowed": _m(
        QT_TRANSLATE_NOOP("Messages", "This step is not allowed for this order now."),
        ATTENTION,
        QT_TRANSLATE_NOOP("Messages", "Look the order up again."),
    ),
    "print_failed": _m(
        QT_TRANSLATE_NOOP("Messages", "The receipt could not be sent to the print queue."),
        FAULT,
        QT_TRANSLATE_NOOP("Messages", "Check the printer, then try again."),
    ),
    "job_state_changed": _m(
        QT_TRANSLATE_NOOP("Messages", "This print job has just been printed or cancelled."),
        INFO,
        QT_TRANSLATE_NOOP("Messages", "Look at the receipts list for its state."),
    ),
    # The paper desk refused (cashier_app.paper): the order's paper is not what the screen showed.
    "paper_changed": _m(
        QT_TRANSLATE_NOOP("Messages", "Nothing printed: this order's receipt was printed or queued meanwhile."),
        ATTENTION,
        QT_TRANSLATE_NOOP("Messages", "The page shows it as it is now."),
    ),
    # paper_original_exists / paper_original_pending / paper_copy_pending: said as DESK_ERRORS say them.
    "lookup_error": _m(QT_TRANSLATE_NOOP("Messages", "The lookup failed."), FAULT),
    # The settings file on disk cannot be read, so a change made in the window cannot be written into it.
    "config_invalid": _m(
        QT_TRANSLATE_NOOP("Messages", "The settings file cannot be read: nothing was changed."),
        FAULT,
        QT_TRANSLATE_NOOP("Messages", "Call the technician (cashier-app config check)."),
    ),
    "lookup_unavailable": _m(
        QT_TRANSLATE_NOOP("Messages", "Order lookup is not available."),
        FAULT,
        QT_TRANSLATE_NOOP("Messages", "Ask the technician to set up the merchant platform."),
    ),
}

# The manager's desk: what a history search, a receipt's picture, a report or a copy of the journal
# could not do (codes of domain.receipt_search.QueryError and app.desk_adapter.DeskError).
DESK_ERRORS: Final[dict[str, Message]] = {
    "number_too_short": _m(
        QT_TRANSLATE_NOOP("Messages", "Give the whole number, or at least its last 4 digits."), ATTENTION
    ),
    "amount_invalid": _m(
        QT_TRANSLATE_NOOP("Messages", "This is not an amount in yuan."),
        ATTENTION,
        QT_TRANSLATE_NOOP("Messages", "Type it like 38.50, or a range like 30-40."),
    ),
    "amount_both": _m(QT_TRANSLATE_NOOP("Messages", "Give one amount or a range, not both."), ATTENTION),
    "amount_range": _m(QT_TRANSLATE_NOOP("Messages", "The largest amount is below the smallest."), ATTENTION),
    "date_invalid": _m(
        QT_TRANSLATE_NOOP("Messages", "This is not a date."),
        ATTENTION,
        QT_TRANSLATE_NOOP("Messages", "Type it like 2026-11-24, or 2026-11-24 14:30."),
    ),
    "date_range": _m(QT_TRANSLATE_NOOP("Messages", "The end of the dates is before their start."), ATTENTION),
    "channel_unknown": _m(QT_TRANSLATE_NOOP("Messages", "Choose a payment channel from the list."), ATTENTION),
    "printed_unknown": _m(QT_TRANSLATE_NOOP("Messages", "Choose a receipt state from the list."), ATTENTION),
    "receipt_not_found": _m(QT_TRANSLATE_NOOP("Messages", "This receipt is not in the journal."), ATTENTION),
    "job_not_found": _m(QT_TRANSLATE_NOOP("Messages", "This print job is not one of the receipt's."), ATTENTION),
    "limit": _m(QT_TRANSLATE_NOOP("Messages", "Too many receipts asked for at once."), ATTENTION),
    "no_shift": _m(QT_TRANSLATE_NOOP("Messages", "No such shift on this day."), ATTENTION),
    "future_day": _m(QT_TRANSLATE_NOOP("Messages", "This day has not begun yet."), INFO),
    # The paper desk's refusals of a reprint (app.ui_adapter: "paper_" + cashier_app.paper's codes).
    "paper_original_pending": _m(
        QT_TRANSLATE_NOOP("Messages", "This receipt's original is still waiting for the printer."),
        INFO,
        QT_TRANSLATE_NOOP("Messages", "It prints by itself once the printer can: no copy is needed."),
    ),
    "paper_copy_pending": _m(
        QT_TRANSLATE_NOOP("Messages", "A copy of this receipt is already on its way to the printer."), INFO
    ),
    "paper_original_exists": _m(
        QT_TRANSLATE_NOOP("Messages", "This order has had its receipt: reprint a copy instead."), INFO
    ),
    "paper_not_paid": _m(QT_TRANSLATE_NOOP("Messages", "Only a paid order gets a receipt."), ATTENTION),
    "paper_no_such_receipt": _m(QT_TRANSLATE_NOOP("Messages", "This receipt is not in the journal."), ATTENTION),
    "paper_not_configured": _m(QT_TRANSLATE_NOOP("Messages", "This printer is not set up."), ATTENTION),
    "backup_failed": _m(
        QT_TRANSLATE_NOOP("Messages", "The journal could not be copied: {detail}"),
        FAULT,
        QT_TRANSLATE_NOOP("Messages", "Check the backup folder (is the drive there, is there space?)."),
    ),
}

# Sign-in, a manager's approval and the people page (codes of people.store.PeopleError, people.pins.PinRefused,
# people.session.AccessRefused and the window's own checks).
ACCESS_ERRORS: Final[dict[str, Message]] = {
    "unknown_or_wrong_pin": _m(QT_TRANSLATE_NOOP("Messages", "Wrong person number or PIN."), ATTENTION),
    "locked": _m(
        QT_TRANSLATE_NOOP("Messages", "Too many wrong PINs: this number is locked until {until}."),
        FAULT,
        QT_TRANSLATE_NOOP("Messages", "A manager can set a new PIN on the People page."),
    ),
    "disabled": _m(
        QT_TRANSLATE_NOOP("Messages", "This person number is disabled."),
        ATTENTION,
        QT_TRANSLATE_NOOP("Messages", "Ask the manager."),
    ),
    "not_a_manager": _m(QT_TRANSLATE_NOOP("Messages", "Only a manager's PIN can allow this."), ATTENTION),
    "manager_pin_required": _m(QT_TRANSLATE_NOOP("Messages", "A manager's PIN is needed for this."), ATTENTION),
    "sign_in_required": _m(QT_TRANSLATE_NOOP("Messages", "Sign in first."), ATTENTION),
    "person_exists": _m(QT_TRANSLATE_NOOP("Messages", "This person number exists already."), ATTENTION),
    "no_such_person": _m(QT_TRANSLATE_NOOP("Messages", "There is no such person number."), ATTENTION),
    "invalid_person_number": _m(
        QT_TRANSLATE_NOOP("Messages", "A person number is 1 to 16 letters or digits."), ATTENTION
    ),
    "invalid_name": _m(QT_TRANSLATE_NOOP("Messages", "A name has at most 40 characters."), ATTENTION),
    "invalid_role": _m(QT_TRANSLATE_NOOP("Messages", "Choose a role."), ATTENTION),
    "last_manager": _m(
        QT_TRANSLATE_NOOP("Messages", "The last manager cannot be disabled."),
        ATTENTION,
        QT_TRANSLATE_NOOP("Messages", "Add another manager first."),
    ),
    "disable_self": _m(QT_TRANSLATE_NOOP("Messages", "You cannot disable yourself while signed in."), ATTENTION),
    "not_allowed": _m(QT_TRANSLATE_NOOP("Messages", "A manager exists already: ask a manager to add you."), INFO),
    "pin_not_digits": _m(QT_TRANSLATE_NOOP("Messages", "A PIN is digits only."), ATTENTION),
    "pin_too_short": _m(QT_TRANSLATE_NOOP("Messages", "A PIN has at least 4 digits."), ATTENTION),
    "pin_too_long": _m(QT_TRANSLATE_NOOP("Messages", "A PIN has at most 12 digits."), ATTENTION),
    "pin_too_simple": _m(
        QT_TRANSLATE_NOOP(
            "Messages", "Choose a PIN that is not one digit repeated, a run like 1234, or the person number."
        ),
        ATTENTION,
    ),
    "pins_differ": _m(QT_TRANSLATE_NOOP("Messages", "The two PINs are not the same."), ATTENTION),
    # A protected action the app does not know (a fault in the app, not in what the person did).
    "invalid_action": _m(QT_TRANSLATE_NOOP("Messages", "This action is not known (a fault in the app)."), FAULT),
}
ROLES: Final[dict[str, str]] = {
    "cashier": QT_TRANSLATE_NOOP("Messages", "Cashier"),
    "manager": QT_TRANSLATE_NOOP("Messages", "Manager"),
    "technician": QT_TRANSLATE_NOOP("Messages", "Technician"),
}
# Why the manager's PIN dialog opened (domain.access.ProtectedAction values).
PROTECTED_ACTIONS: Final[dict[str, str]] = {
    "reprint": QT_TRANSLATE_NOOP("Messages", "A manager's PIN is needed to reprint a receipt."),
    "cancel_job": QT_TRANSLATE_NOOP("Messages", "A manager's PIN is needed to cancel a print job."),
    "move_job": QT_TRANSLATE_NOOP("Messages", "A manager's PIN is needed to move a print job to another printer."),
    "close_order": QT_TRANSLATE_NOOP("Messages", "A manager's PIN is needed to close an order."),
    "close_case": QT_TRANSLATE_NOOP("Messages", "A manager's PIN is needed to close a case."),
    "change_settings": QT_TRANSLATE_NOOP("Messages", "A manager's PIN is needed to change the settings."),
    "change_key": QT_TRANSLATE_NOOP("Messages", "A manager's PIN is needed to change the platform key."),
    "manage_people": QT_TRANSLATE_NOOP("Messages", "A manager's PIN is needed to manage people."),
    "view_audit": QT_TRANSLATE_NOOP("Messages", "A manager's PIN is needed to see the audit trail."),
    "technician_tools": QT_TRANSLATE_NOOP("Messages", "A manager's PIN is needed for the technician's tools."),
}
# The audit trail's actions (domain.audit.AuditAction values).
AUDIT_ACTIONS: Final[dict[str, str]] = {
    "reprint": QT_TRANSLATE_NOOP("Messages", "Receipt reprinted"),
    "print_order": QT_TRANSLATE_NOOP("Messages", "Receipt printed from the platform's record"),
    "print": QT_TRANSLATE_NOOP("Messages", "Receipt printed on request"),
    "cancel_job": QT_TRANSLATE_NOOP("Messages", "Print job cancelled"),
    "move_job": QT_TRANSLATE_NOOP("Messages", "Print job moved"),
    "close_order": QT_TRANSLATE_NOOP("Messages", "Order closed"),
    "close_case": QT_TRANSLATE_NOOP("Messages", "Case closed"),
    "sign_in": QT_TRANSLATE_NOOP("Messages", "Signed in"),
    "sign_out": QT_TRANSLATE_NOOP("Messages", "Signed out"),
    "sign_in_failed": QT_TRANSLATE_NOOP("Messages", "Sign-in refused"),
    "locked_out": QT_TRANSLATE_NOOP("Messages", "Locked after wrong PINs"),
    "approval_refused": QT_TRANSLATE_NOOP("Messages", "Manager's approval refused"),
    "person_added": QT_TRANSLATE_NOOP("Messages", "Person added"),
    "person_disabled": QT_TRANSLATE_NOOP("Messages", "Person disabled"),
    "person_enabled": QT_TRANSLATE_NOOP("Messages", "Person enabled again"),
    "pin_changed": QT_TRANSLATE_NOOP("Messages", "PIN changed"),
    "settings_changed": QT_TRANSLATE_NOOP("Messages", "Settings changed"),
    "key_changed": QT_TRANSLATE_NOOP("Messages", "Platform key changed"),
    "key_deleted": QT_TRANSLATE_NOOP("Messages", "Platform key deleted"),
    "case_for_training": QT_TRANSLATE_NOOP("Messages", "Case used as a training lesson"),
}
# Why someone was signed out (the audit row's detail).
SIGN_OUT_REASONS: Final[dict[str, str]] = {
    "switch": QT_TRANSLATE_NOOP("Messages", "shift change"),
    "idle": QT_TRANSLATE_NOOP("Messages", "idle"),
    "quit": QT_TRANSLATE_NOOP("Messages", "app closed"),
}

# Training's checks (domain.training.Check values): what the trainee did right, or what to do next time.
TRAINING_CHECKS: Final[dict[str, tuple[str, str]]] = {
    "looked_up": (
        QT_TRANSLATE_NOOP("Messages", "You looked the order up."),
        QT_TRANSLATE_NOOP("Messages", "Look the order up first: its state on the platform decides everything else."),
    ),
    "synced_first": (
        QT_TRANSLATE_NOOP("Messages", "You synced the order before concluding anything."),
        QT_TRANSLATE_NOOP(
            "Messages", "Sync the order before concluding: the platform may not have heard from the payment channel "
                        "yet."),
    ),
    "no_repay_while_unknown": (
        QT_TRANSLATE_NOOP("Messages", "You did not take payment again while the order's state was unknown."),
        QT_TRANSLATE_NOOP(
            "Messages", "You took payment again while the order's state was unknown: the customer may be charged "
                        "twice. Wait until the platform answers."),
    ),
    "closed_before_repay": (
        QT_TRANSLATE_NOOP("Messages", "You closed the unpaid order before taking payment again."),
        QT_TRANSLATE_NOOP(
            "Messages", "Close the unpaid order before taking payment again, so that it cannot be paid as well."),
    ),
    "used_merchant_no": (
        QT_TRANSLATE_NOOP("Messages", "You looked it up by the merchant order number."),
        QT_TRANSLATE_NOOP(
            "Messages", "The third-party number finds nothing until the platform has the channel's notice: look up "
                        "the merchant order number from the voucher's details."),
    ),
    "printed_once": (
        QT_TRANSLATE_NOOP("Messages", "The customer got exactly one receipt."),
        QT_TRANSLATE_NOOP(
            "Messages", "The customer did not get exactly one receipt: print it once (a held receipt prints by "
                        "itself once the printer is back)."),
    ),
    "paper_loaded": (
        QT_TRANSLATE_NOOP("Messages", "You loaded paper and the held receipt printed by itself."),
        QT_TRANSLATE_NOOP("Messages", "Load paper: the held receipt then prints by itself."),
    ),
    "recorded_result": (
        QT_TRANSLATE_NOOP("Messages", "You recorded the result."),
        QT_TRANSLATE_NOOP(
            "Messages", "Record the result: close the case with what happened, or report it for handling."),
    ),
}


# The technician's diagnosis: how each check came out (diagnostics.outcomes.Outcome values).
DIAGNOSIS_OUTCOMES: Final[dict[str, str]] = {
    "ok": QT_TRANSLATE_NOOP("Messages", "OK"),
    "warning": QT_TRANSLATE_NOOP("Messages", "Attention"),
    "fault": QT_TRANSLATE_NOOP("Messages", "Fault"),
}


# Which template wrote a print.txt (domain.receipt_templates names), in the technician's words.
TEMPLATES: Final[dict[str, str]] = {
    "wechat-default": QT_TRANSLATE_NOOP("Messages", "WeChat default"),
    "alipay-default": QT_TRANSLATE_NOOP("Messages", "Alipay default"),
    "refund-default": QT_TRANSLATE_NOOP("Messages", "refund default"),
    "bankcard-mispos": QT_TRANSLATE_NOOP("Messages", "bank card (MIS-POS)"),
    "vendor": QT_TRANSLATE_NOOP("Messages", "the till vendor's own"),
}
TEMPLATE_UNKNOWN: Final = QT_TRANSLATE_NOOP("Messages", "an unknown template ({fingerprint})")


class _KeepMissing(dict[str, Any]):
    """Leave a placeholder as it is when its parameter is missing, rather than raising."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def tr(source: str, params: Mapping[str, Any] | None = None) -> str:
    """Translate a source string of this module and fill its {placeholders}."""
    text = QCoreApplication.translate(CONTEXT, source)
    if params:
        try:
            return text.format_map(_KeepMissing(params))
        except (ValueError, IndexError):  # a translation with broken braces must not take the window down
            return text
    return text


def _lookup(table: Mapping[str, str], code: str | None) -> str:
    if code is not None and code in table:
        return tr(table[code])
    return tr(UNKNOWN_CODE, {"code": code or "?"})


def channel_truth_text(platform: str) -> str:
    """Said on the lookup page where the platform is the payment channel (no sync to offer)."""
    return tr(CHANNEL_IS_TRUTH, {"platform": _lookup(PLATFORM_NAMES, platform)})


def platform_name(platform: str) -> str:
    return _lookup(PLATFORM_NAMES, platform)


def channel_text(channel: str | None) -> str:
    if channel is None:
        return tr(CHANNEL_UNKNOWN)
    return _lookup(CHANNELS, channel)


def kind_text(kind: str) -> str:
    return _lookup(KINDS, kind)


def printed_text(printed: str) -> str:
    return _lookup(PRINTED, printed)


def job_state_text(state: str) -> str:
    return _lookup(JOB_STATES, state)


def verdict_message(verdict: str) -> Message:
    return VERDICTS.get(verdict, Message(VERDICT_UNKNOWN, ATTENTION))


def verdict_text(verdict: str, *, has_receipt: bool = True, paper: str | None = None) -> str:
    """The verdict in words; for a paid order, with what its receipt has had (`paper`: a PaperStatus value)."""
    if verdict in ("paid", "partly_refunded") and paper in PAPER_VERDICTS:
        return tr(PAPER_VERDICTS[paper])
    if verdict == "paid" and (paper == "none" or (paper is None and not has_receipt)):
        return tr(VERDICT_PAID_NO_RECEIPT)
    if verdict not in VERDICTS:
        return tr(VERDICT_UNKNOWN, {"code": verdict})
    return tr(VERDICTS[verdict].source)


def action_text(action: str) -> str:
    return _lookup(ACTIONS, action)


def order_state_text(state: str | None) -> str:
    """OrderState value in words; None (nothing seen yet) is "—"."""
    if state is None:
        return "—"
    return _lookup(ORDER_STATES, state)


def order_state_severity(state: str | None) -> str:
    return ORDER_STATE_SEVERITY.get(state or "", INFO)


def case_kind_text(kind: str) -> str:
    return _lookup(CASE_KINDS, kind)


def case_cause_text(kind: str, cause: str) -> str:
    """The case's cause: the system's default for its kind in words, else the text as recorded."""
    try:
        default = DEFAULT_CAUSE.get(CaseKind(kind))
    except ValueError:
        default = None
    if cause and cause == default and kind in CASE_CAUSES:
        return tr(CASE_CAUSES[kind])
    if cause == PLATFORM_REFUSES_CAUSE:
        return tr(PLATFORM_REFUSES_CASE)
    return cause


def case_result_text(result: str | None) -> str:
    return "" if not result else _lookup(CASE_RESULTS, result)


def case_status_text(status: str) -> str:
    return _lookup(CASE_STATUSES, status)


def step_action_text(action: str) -> str:
    return _lookup(STEP_ACTIONS, action)


def step_outcome_code_text(outcome: str) -> str:
    """A step's outcome code in words (unknown codes pass through as they are)."""
    if outcome in STEP_OUTCOMES:
        return tr(STEP_OUTCOMES[outcome])
    if outcome in CASE_KINDS:  # reconciliation's finding, noted on the case it raised or updated
        return tr(CASE_KINDS[outcome])
    if outcome.startswith("not_printed:"):
        refusal = DESK_ERRORS.get("paper_" + outcome.split(":", 1)[1])
        return tr(STEP_NOT_PRINTED, {"reason": tr(refusal.source) if refusal else outcome.split(":", 1)[1]})
    if outcome.startswith("state_unknown:"):
        return tr(STEP_STATE_UNKNOWN, {"reason": platform_reason_text(outcome.split(":", 1)[1])})
    match = re.fullmatch(r"job (\d+) queued", outcome)
    if match:
        return tr(STEP_JOB_QUEUED, {"job": match.group(1)})
    return outcome


def actor_text(actor: str) -> str:
    return tr(SYSTEM_ACTOR) if actor == "system" else actor


def role_text(role: str) -> str:
    return _lookup(ROLES, role)


def protected_action_text(action: str) -> str:
    return _lookup(PROTECTED_ACTIONS, action)


def audit_action_text(action: str) -> str:
    return _lookup(AUDIT_ACTIONS, action)


def audit_detail_text(action: str, detail: str) -> str:
    """An audit row's detail in words where it is a code (a role, a reason for signing out), else as written."""
    if action == "sign_out" and detail in SIGN_OUT_REASONS:
        return tr(SIGN_OUT_REASONS[detail])
    if action == "sign_in" and detail in ROLES:
        return tr(ROLES[detail])
    if action in ("sign_in_failed", "locked_out") and detail in ACCESS_ERRORS:
        return "" if detail == "locked" else tr(ACCESS_ERRORS[detail].source)
    if action == "close_case" and detail in CASE_RESULTS:
        return tr(CASE_RESULTS[detail])
    return detail


def training_check_text(check: str, passed: bool) -> str:
    words = TRAINING_CHECKS.get(check)
    return tr(words[0 if passed else 1]) if words else tr(UNKNOWN_CODE, {"code": check})


def diagnosis_outcome_text(outcome: str) -> str:
    return _lookup(DIAGNOSIS_OUTCOMES, outcome)


def number_kind_text(kind: str | None) -> str:
    return _lookup(NUMBER_KINDS, kind) if kind in NUMBER_KINDS else ""


def case_opened_text(params: Mapping[str, Any]) -> str:
    """A new case in words: its kind, and its order when it has one."""
    kind = case_kind_text(str(params.get("kind") or ""))
    order = str(params.get("out_trade_no") or "")
    notice = NOTICES["case_opened"]
    text = tr(notice.source, {**params, "kind": kind}) if order else tr(CASE_OPENED_NO_ORDER, {"kind": kind})
    return f"{text} {tr(notice.hint)}"


def printer_state(code: str) -> Message:
    """The state's words in the window's language, its severity and what the cashier does about it."""
    words = fault_words(code if code in WORDS else UNKNOWN)
    language = current_language()
    # Through tr() like every word of the window (the pseudo-localisation lengthens them too).
    return Message(tr(words.text(language)), words.severity, tr(words.hint(language)) if words.hint_en else "")


def printer_state_text(code: str) -> str:
    """A printer fault code (why a job is held) in words."""
    return printer_state(code).source


def printer_text(row: PrinterStatusRow, *, with_name: bool = False) -> str:
    text = printer_state(row.state).source
    if with_name and row.printer:
        return f"{row.printer}: {text}"
    return text


def printer_hint(code: str) -> str:
    return printer_state(code).hint


def platform_message(row: PlatformStatusRow) -> Message:
    if row.reachable is None:
        return PLATFORM_NOT_CONFIGURED
    if row.reachable:
        return PLATFORM_OK
    reason = PLATFORM_REASONS.get(row.reason or "")
    return Message(PLATFORM_DOWN.source, reason.severity if reason else PLATFORM_DOWN.severity)


def platform_text(row: PlatformStatusRow) -> str:
    message = platform_message(row)
    if row.reachable is False and row.reason in REFUSED_REASONS:
        return tr(PLATFORM_REFUSES, {"reason": platform_reason_text(row.reason)})
    if row.reachable is False and row.reason in PLATFORM_REASONS:
        return tr(PLATFORM_DOWN_WITH_REASON, {"reason": platform_reason_text(row.reason)})
    return tr(message.source)


def platform_reason_text(code: str | None) -> str:
    reason = PLATFORM_REASONS.get(code or "")
    return tr(reason.source) if reason else tr(UNKNOWN_CODE, {"code": code or "?"})


def platform_hint(code: str | None) -> str:
    reason = PLATFORM_REASONS.get(code or "")
    return tr(reason.hint) if reason and reason.hint else ""


def template_text(template: str | None) -> str:
    """ "WeChat default" for "wechat-default"; an unknown template by its fingerprint."""
    if not template:
        return tr(TEMPLATE_UNKNOWN, {"fingerprint": "?"})
    if template in TEMPLATES:
        return tr(TEMPLATES[template])
    if template.startswith("unknown:"):
        return tr(TEMPLATE_UNKNOWN, {"fingerprint": template.split(":", 1)[1]})
    return template  # a store's own template: its name as the store gave it


def refusal_text(reason: str) -> str:
    refusal = REFUSALS.get(reason)
    return tr(refusal.source) if refusal else tr(UNKNOWN_CODE, {"code": reason})


def _file_name(path: str) -> str:
    # The path may come from Windows (C:\till\print.txt) while the UI runs anywhere: take the last part of either.
    return PureWindowsPath(path).name or PurePath(path).name or path


def file_name(path: str) -> str:
    """The file's name from a path of either system."""
    return _file_name(path)


def refused_file_text(row: RefusedRow) -> str:
    return tr(FILE_REFUSED, {"name": _file_name(row.path), "reason": refusal_text(row.reason)})


def notice_severity(code: str) -> str:
    notice = NOTICES.get(code)
    return notice.severity if notice else INFO


def training_step_text(params: Mapping[str, Any]) -> str:
    """ "Step 2/5: <lesson>", with the lesson in the language the window speaks (the other when it is missing)."""
    chinese, english = str(params.get("lesson") or ""), str(params.get("lesson_en") or "")
    lesson = (chinese or english) if current_language() == "zh_CN" else (english or chinese)
    return tr(NOTICES["training_step"].source,
              {"step": params.get("step", "?"), "of": params.get("of", "?"), "lesson": lesson}).strip()


def notice_text(code: str, params: Mapping[str, Any] | None = None) -> str:
    if code == "case_opened":
        return case_opened_text(params or {})
    if code == "training_step":
        return training_step_text(params or {})
    notice = NOTICES.get(code)
    if notice is None:
        return tr(NOTICE_UNKNOWN, {"code": code})
    text = tr(notice.source, params)
    if notice.hint:
        text = f"{text} {tr(notice.hint, params)}"
    return text


def error_text(error: BaseException) -> str:
    """A failure from a service (a CodedError) in the cashier's words; anything else as an unexpected error."""
    if isinstance(error, CodedError):
        if error.code in WORDS:  # a printer fault
            message = printer_state(error.code)
            return f"{message.source} {message.hint}" if message.hint else message.source
        for table in (ACTION_ERRORS, ACCESS_ERRORS, DESK_ERRORS, PLATFORM_REASONS, REFUSALS, NOTICES):
            if error.code in table:
                message = table[error.code]
                text = tr(message.source, error.params)
                return f"{text} {tr(message.hint)}" if message.hint else text
    return tr(ERROR_UNKNOWN, {"detail": str(error) or type(error).__name__})


def all_sources() -> list[str]:
    """Every source string of this module (for the translation completeness test)."""
    sources: list[str] = []
    for table in (PLATFORM_REASONS, REFUSALS, NOTICES, ACTION_ERRORS, ACCESS_ERRORS, DESK_ERRORS,
                  VERDICTS):
        for message in table.values():
            sources.append(message.source)
            if message.hint:
                sources.append(message.hint)
    for words in (CHANNELS, KINDS, PRINTED, JOB_STATES, ORDER_STATES, CASE_KINDS, CASE_RESULTS, CASE_STATUSES,
                  STEP_ACTIONS, NUMBER_KINDS, ACTIONS, CASE_CAUSES, STEP_OUTCOMES, ROLES, PROTECTED_ACTIONS,
                  AUDIT_ACTIONS, SIGN_OUT_REASONS, TEMPLATES, PLATFORM_NAMES,
                  DIAGNOSIS_OUTCOMES):
        sources.extend(words.values())
    for pair in TRAINING_CHECKS.values():
        sources.extend(pair)
    sources.extend(
        [
            PLATFORM_OK.source,
            PLATFORM_DOWN.source,
            PLATFORM_NOT_CONFIGURED.source,
            PLATFORM_DOWN_WITH_REASON,
            PLATFORM_REFUSES,
            PLATFORM_REFUSES_CASE,
            CHANNEL_IS_TRUTH,
            FILE_REFUSED,
            NOTICE_UNKNOWN,
            ERROR_UNKNOWN,
            CHANNEL_UNKNOWN,
            UNKNOWN_CODE,
            CASE_OPENED_NO_ORDER,
            SYSTEM_ACTOR,
            VERDICT_PAID_NO_RECEIPT,
            VERDICT_UNKNOWN,
            *PAPER_VERDICTS.values(),
            STEP_STATE_UNKNOWN,
            STEP_NOT_PRINTED,
            STEP_JOB_QUEUED,
            TEMPLATE_UNKNOWN,
        ]
    )
    return sources
