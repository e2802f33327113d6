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

from cashier_app.domain.contacts import mask_contact_value
from cashier_app.domain.money import yuan
from cashier_app.ui import messages
from cashier_app.ui.rows import AuditRow, CaseRow, CaseStepRow, TrainingRow

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


def cases_header() -> list[str]:
    return [
        translate("RecordCsv", "Case no."),
        translate("RecordCsv", "Kind"),
        translate("RecordCsv", "Status"),
        translate("RecordCsv", "Opened"),
        translate("RecordCsv", "Opened by"),
        translate("RecordCsv", "Merchant order no."),
        translate("RecordCsv", "Third-party order no."),
        translate("RecordCsv", "Channel"),
        translate("RecordCsv", "Amount (yuan)"),
        translate("RecordCsv", "Paid at"),
        translate("RecordCsv", "Payment state"),
        translate("RecordCsv", "Cause"),
        translate("RecordCsv", "Customer contact"),
        translate("RecordCsv", "Result"),
        translate("RecordCsv", "Closed"),
        translate("RecordCsv", "Closed by"),
        translate("RecordCsv", "Handled in (min)"),
        translate("RecordCsv", "Escalated"),
        translate("RecordCsv", "Working days since escalated"),
        translate("RecordCsv", "Steps (time, action, person, payment state, outcome, note)"),
        translate("RecordCsv", "Training"),
    ]


def step_line(step: CaseStepRow) -> str:
    """One step of a case in one line: every step, with its person, the state seen and the note."""
    from cashier_app.ui.case_dialog import person_note, step_result_text

    parts = [step.at_local, messages.step_action_text(step.action), messages.actor_text(step.actor),
             messages.order_state_text(step.state_seen) if step.state_seen else "", step_result_text(step),
             person_note(step)]
    return " · ".join(part for part in parts if part)


def cases_to_csv(rows: Iterable[CaseRow]) -> bytes:
    """One line per case; its steps, one per line, in the steps cell (Excel wraps them)."""
    yes = translate("RecordCsv", "yes")
    return _csv(cases_header(), (
        (c.case_id, messages.case_kind_text(c.kind), messages.case_status_text(c.status), c.opened_at_local,
         messages.actor_text(c.opened_by), c.out_trade_no or "", c.channel_trade_no or "",
         messages.channel_text(c.channel) if c.channel else "", "" if c.amount_fen is None else yuan(c.amount_fen),
         c.paid_at_local, messages.order_state_text(c.payment_state) if c.payment_state else "",
         messages.case_cause_text(c.kind, c.cause), mask_contact_value(c.customer_contact),
         messages.case_result_text(c.result), c.closed_at_local, messages.actor_text(c.closed_by or "")
         if c.closed_by else "", "" if c.handling_seconds is None else f"{c.handling_seconds / 60:.1f}",
         c.escalated_at_local, "" if c.escalation_working_days is None else c.escalation_working_days,
         "\n".join(step_line(step) for step in c.steps), yes if c.training else "")
        for c in rows
    ))


def training_header() -> list[str]:
    return [
        translate("RecordCsv", "Trainee"),
        translate("RecordCsv", "Name"),
        translate("RecordCsv", "Lesson"),
        translate("RecordCsv", "Practice order no."),
        translate("RecordCsv", "Started"),
        translate("RecordCsv", "Finished"),
        translate("RecordCsv", "Minutes"),
        translate("RecordCsv", "Score (of 100)"),
        translate("RecordCsv", "Done right"),
        translate("RecordCsv", "To do next time"),
    ]


def training_to_csv(rows: Iterable[TrainingRow]) -> bytes:
    """The per-trainee report: one line per lesson done, with what went right and what to do next time."""
    return _csv(training_header(), (
        (r.trainee, r.trainee_name, r.lesson_title or r.lesson, r.out_trade_no, r.started_local, r.finished_local,
         f"{r.minutes:.1f}", r.score,
         "\n".join(messages.training_check_text(check, True) for check, passed in r.checks if passed),
         "\n".join(messages.training_check_text(check, False) for check, passed in r.checks if not passed))
        for r in rows
    ))
