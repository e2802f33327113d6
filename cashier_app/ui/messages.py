"""Every code the services report, turned into the cashier's words, in one place.

Services speak in stable machine codes (printer faults, platform reasons, refusal reasons, notices);
this module maps each code to an English source string marked for translation (QT_TRANSLATE_NOOP, so
pyside6-lupdate collects them) and translates it at call time, so a language switch takes effect on
the next call. Unknown codes never crash: they fall back to a generic text naming the code.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePath, PureWindowsPath
from typing import Any, Final

from PySide6.QtCore import QCoreApplication

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


# Printer states (PrinterStatusRow.state, JobRow.reason). "ok" is the healthy state.
PRINTER_STATES: Final[dict[str, Message]] = {
    "ok": _m(QT_TRANSLATE_NOOP("Messages", "Printer ready"), OK),
    "not_connected": _m(
        QT_TRANSLATE_NOOP("Messages", "Printer not connected"),
        FAULT,
        QT_TRANSLATE_NOOP("Messages", "Check the printer's cable and power; printing resumes by itself."),
    ),
    "offline": _m(
        QT_TRANSLATE_NOOP("Messages", "Printer offline"),
        FAULT,
        QT_TRANSLATE_NOOP("Messages", "Switch the printer on or press its online button; printing resumes by itself."),
    ),
    "cover_open": _m(
        QT_TRANSLATE_NOOP("Messages", "Printer cover open"),
        FAULT,
        QT_TRANSLATE_NOOP("Messages", "Close the printer cover; printing resumes by itself."),
    ),
    "paper_end": _m(
        QT_TRANSLATE_NOOP("Messages", "Printer out of paper"),
        FAULT,
        QT_TRANSLATE_NOOP("Messages", "Load a new paper roll; printing resumes by itself."),
    ),
    "paper_near_end": _m(
        QT_TRANSLATE_NOOP("Messages", "Printer paper low"),
        ATTENTION,
        QT_TRANSLATE_NOOP("Messages", "Have a new paper roll ready."),
    ),
    "cutter_error": _m(
        QT_TRANSLATE_NOOP("Messages", "Printer cutter fault"),
        FAULT,
        QT_TRANSLATE_NOOP("Messages", "Open the cover, clear the paper jam at the cutter, then close it."),
    ),
    "unrecoverable": _m(
        QT_TRANSLATE_NOOP("Messages", "Printer error"),
        FAULT,
        QT_TRANSLATE_NOOP("Messages", "Switch the printer off and on again; call the technician if it stays."),
    ),
    "timeout": _m(
        QT_TRANSLATE_NOOP("Messages", "Printer not responding"),
        FAULT,
        QT_TRANSLATE_NOOP("Messages", "Check the printer's power and cable; printing resumes by itself."),
    ),
    "unknown": _m(QT_TRANSLATE_NOOP("Messages", "Printer status unknown"), ATTENTION),
    "status_unknown": _m(QT_TRANSLATE_NOOP("Messages", "Printer status unknown"), ATTENTION),
    "send_failed": _m(
        QT_TRANSLATE_NOOP("Messages", "Printing failed"),
        FAULT,
        QT_TRANSLATE_NOOP("Messages", "Printing is retried by itself."),
    ),
    "render_failed": _m(
        QT_TRANSLATE_NOOP("Messages", "The receipt could not be laid out for printing"),
        FAULT,
        QT_TRANSLATE_NOOP("Messages", "Call the technician."),
    ),
    "not_configured": _m(
        QT_TRANSLATE_NOOP("Messages", "No printer configured"),
        ATTENTION,
        QT_TRANSLATE_NOOP("Messages", "Ask the technician to set up the printer."),
    ),
    "unsupported_on_platform": _m(
        QT_TRANSLATE_NOOP("Messages", "This printer connection does not work on this computer"),
        FAULT,
        QT_TRANSLATE_NOOP("Messages", "Ask the technician to set up the printer."),
    ),
}

# Merchant platform reachability (PlatformStatusRow.reachable) and the reasons it is not reachable.
PLATFORM_OK: Final = _m(QT_TRANSLATE_NOOP("Messages", "Platform OK"), OK)
PLATFORM_DOWN: Final = _m(QT_TRANSLATE_NOOP("Messages", "Platform connection lost"), ATTENTION)
PLATFORM_NOT_CONFIGURED: Final = _m(QT_TRANSLATE_NOOP("Messages", "Platform not configured"), INFO)
PLATFORM_DOWN_WITH_REASON: Final = QT_TRANSLATE_NOOP("Messages", "Platform connection lost: {reason}")

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
    "terminal_not_bound": _m(
        QT_TRANSLATE_NOOP("Messages", "this terminal is not bound to the merchant"),
        FAULT,
        QT_TRANSLATE_NOOP("Messages", "Ask the technician to bind this terminal on the platform."),
    ),
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
}
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


def printer_state(code: str) -> Message:
    return PRINTER_STATES.get(code, PRINTER_STATES["unknown"])


def printer_text(row: PrinterStatusRow, *, with_name: bool = False) -> str:
    text = tr(printer_state(row.state).source)
    if with_name and row.printer:
        return f"{row.printer}: {text}"
    return text


def printer_hint(code: str) -> str:
    hint = printer_state(code).hint
    return tr(hint) if hint else ""


def platform_message(row: PlatformStatusRow) -> Message:
    if row.reachable is None:
        return PLATFORM_NOT_CONFIGURED
    if row.reachable:
        return PLATFORM_OK
    reason = PLATFORM_REASONS.get(row.reason or "")
    return Message(PLATFORM_DOWN.source, reason.severity if reason else PLATFORM_DOWN.severity)


def platform_text(row: PlatformStatusRow) -> str:
    message = platform_message(row)
    if row.reachable is False and row.reason in PLATFORM_REASONS:
        return tr(PLATFORM_DOWN_WITH_REASON, {"reason": platform_reason_text(row.reason)})
    return tr(message.source)


def platform_reason_text(code: str | None) -> str:
    reason = PLATFORM_REASONS.get(code or "")
    return tr(reason.source) if reason else tr(UNKNOWN_CODE, {"code": code or "?"})


def platform_hint(code: str | None) -> str:
    reason = PLATFORM_REASONS.get(code or "")
    return tr(reason.hint) if reason and reason.hint else ""


def refusal_text(reason: str) -> str:
    refusal = REFUSALS.get(reason)
    return tr(refusal.source) if refusal else tr(UNKNOWN_CODE, {"code": reason})


def _file_name(path: str) -> str:
    # The path may come from Windows (C:\till\print.txt) while the UI runs anywhere: take the last part of either.
    return PureWindowsPath(path).name or PurePath(path).name or path


def refused_file_text(row: RefusedRow) -> str:
    return tr(FILE_REFUSED, {"name": _file_name(row.path), "reason": refusal_text(row.reason)})


def notice_severity(code: str) -> str:
    notice = NOTICES.get(code)
    return notice.severity if notice else INFO


def notice_text(code: str, params: Mapping[str, Any] | None = None) -> str:
    notice = NOTICES.get(code)
    if notice is None:
        return tr(NOTICE_UNKNOWN, {"code": code})
    text = tr(notice.source, params)
    if notice.hint:
        text = f"{text} {tr(notice.hint, params)}"
    return text


def error_text(error: BaseException) -> str:
    """An exception from a service (with a `code` attribute) in the cashier's words."""
    code = getattr(error, "code", None)
    if isinstance(code, str):
        for table in (PRINTER_STATES, PLATFORM_REASONS, REFUSALS, NOTICES):
            if code in table:
                message = table[code]
                text = tr(message.source, getattr(error, "params", None))
                return f"{text} {tr(message.hint)}" if message.hint else text
    return tr(ERROR_UNKNOWN, {"detail": str(error) or type(error).__name__})


def all_sources() -> list[str]:
    """Every source string of this module (for the translation completeness test)."""
    sources: list[str] = []
    for table in (PRINTER_STATES, PLATFORM_REASONS, REFUSALS, NOTICES):
        for message in table.values():
            sources.append(message.source)
            if message.hint:
                sources.append(message.hint)
    for words in (CHANNELS, KINDS, PRINTED, JOB_STATES):
        sources.extend(words.values())
    sources.extend(
        [
            PLATFORM_OK.source,
            PLATFORM_DOWN.source,
            PLATFORM_NOT_CONFIGURED.source,
            PLATFORM_DOWN_WITH_REASON,
            FILE_REFUSED,
            NOTICE_UNKNOWN,
            ERROR_UNKNOWN,
            CHANNEL_UNKNOWN,
            UNKNOWN_CODE,
        ]
    )
    return sources
