"""An escalated case past the store's limit reminds the manager once, and its timeline says so (real journal)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone, tzinfo
from pathlib import Path

from cashier_app.app.case_reminders import EscalationReminders
from cashier_app.app.events import Notice
from cashier_app.domain.cases import CaseKind, CaseSettings, StepAction
from cashier_app.journal.cases import CaseStore
from cashier_app.journal.db import Journal

CHINA = timezone(timedelta(hours=8))


def test_reminded_once_past_three_working_days(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "journal.sqlite3")
    cases = CaseStore(journal)
    escalated, _ = cases.open_case(CaseKind.DROPPED_ORDER, actor="07", out_trade_no="2026112500000001")
    waiting, _ = cases.open_case(CaseKind.DROPPED_ORDER, actor="07", out_trade_no="2026112500000002")
    assert escalated.id is not None and waiting.id is not None
    cases.record(escalated.id, StepAction.ESCALATE, "07", outcome="escalated")
    with journal.tx() as conn:  # reported on Friday 2026-11-20 at 15:00 store time
        conn.execute("UPDATE cases SET escalated_at = ? WHERE id = ?",
                     (datetime(2026, 11, 20, 7, 0, tzinfo=UTC).isoformat(), escalated.id))
    now = [datetime(2026, 11, 25, 14, 59, tzinfo=CHINA)]  # Wednesday, a minute short of 3 working days
    notices: list[Notice] = []

    def clock(tz: tzinfo) -> datetime:
        return now[0].astimezone(tz)

    reminders = EscalationReminders(cases, CaseSettings(), CHINA, notices.append, clock=clock)
    assert reminders.check() == []
    now[0] += timedelta(minutes=1)
    assert reminders.check() == [escalated.id]
    assert reminders.check() == []  # once
    assert [(n.code, n.params["case_id"], n.params["days"]) for n in notices] == [
        ("escalation_overdue", escalated.id, 3)]
    reminded = cases.get(escalated.id)
    assert reminded is not None and reminded.escalation_reminded_at is not None
    assert reminded.steps[-1].outcome == "escalation_overdue" and reminded.steps[-1].actor == "system"
    # A restart does not remind again: the journal remembers.
    again = EscalationReminders(CaseStore(journal), CaseSettings(), CHINA, notices.append, clock=clock)
    assert again.check() == [] and len(notices) == 1
    journal.close()
