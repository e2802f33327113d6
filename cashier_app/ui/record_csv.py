"""The record as CSV for the head office: cases with every step, and the audit trail.

UTF-8 with a BOM (Excel on a Chinese Windows opens it without garbling), store-local times to the second,
column names and codes in the window's language (Chinese on a Chinese UI), readable causes and results.
Contacts arrive masked in the rows already.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QCoreApplication

from cashier_app.ui import messages
from cashier_app.ui.rows import AuditRow

translate = QCoreApplication.translate


def _csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if value is None else value for value in row])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def audit_header() -> list[str]:
    return [
        translate("RecordCsv", "Time"),
        translate("RecordCsv", "Action"),
        translate("RecordCsv", "Person"),
        translate("RecordCsv", "Approved by (manager)"),
        translate("RecordCsv", "Merchant order no."),
        translate("RecordCsv", "Receipt"),
        translate("RecordCsv", "Print job"),
        translate("RecordCsv", "Case"),
        translate("RecordCsv", "Reason"),
        translate("RecordCsv", "Detail"),
        translate("RecordCsv", "Training"),
    ]


def audit_to_csv(rows: Iterable[AuditRow]) -> bytes:
    yes = translate("RecordCsv", "yes")
    return _csv(audit_header(), (
        (r.at_local, messages.audit_action_text(r.action), messages.actor_text(r.actor), r.approved_by or "",
         r.out_trade_no or "", r.receipt_id, r.job_id, r.case_id, r.reason,
         messages.audit_detail_text(r.action, r.detail), yes if r.training else "")
        for r in rows
    ))
