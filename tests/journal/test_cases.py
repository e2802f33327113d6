from __future__ import annotations

from pathlib import Path

import pytest

from cashier_app.domain.cases import CaseKind, CaseResult, CaseStatus, StepAction
from cashier_app.journal.cases import CaseFilter, CaseStore
from cashier_app.journal.db import Journal


@pytest.fixture
def store(tmp_path: Path) -> CaseStore:
    return CaseStore(Journal(tmp_path / "j.sqlite3"))


def test_a_finding_is_raised_once_by_key(store: CaseStore) -> None:
    case, created = store.open_case(CaseKind.PAID_NO_RECEIPT, actor="system", key="paid_no_receipt:A",
                                    out_trade_no="A", amount=1250, payment_state="PAID")
    again, created_again = store.open_case(CaseKind.PAID_NO_RECEIPT, actor="system", key="paid_no_receipt:A")
    assert created and not created_again and again.id == case.id
    assert store.open_keys() == ["paid_no_receipt:A"]
    assert store.count_open() == 1


def test_timeline_close_and_handling_time(store: CaseStore) -> None:
    case, _ = store.open_case(CaseKind.DROPPED_ORDER, actor="01", out_trade_no="B", payment_state="CREATED")
    assert case.id is not None
    store.record(case.id, StepAction.QUERY, "01", state_seen="CREATED", outcome="found")
    store.record(case.id, StepAction.SYNC, "01", state_seen="PAID", outcome="changed")
    closed = store.close_case(case.id, CaseResult.SYNCED_PAID, "01", note="customer left happy")
    assert closed.status is CaseStatus.CLOSED and closed.result is CaseResult.SYNCED_PAID
    assert [s.action for s in closed.steps] == [StepAction.RAISED, StepAction.QUERY, StepAction.SYNC,
                                                 StepAction.CLOSE_CASE]
    assert closed.payment_state == "PAID"
    assert closed.handling_seconds is not None and closed.handling_seconds >= 0
    assert store.count_open() == 0


def test_filters_and_training_kept_apart(store: CaseStore) -> None:
    store.open_case(CaseKind.UNPAID, actor="01", out_trade_no="X")
    store.open_case(CaseKind.UNPAID, actor="01", out_trade_no="Y", training=True)
    store.open_case(CaseKind.REFUND, actor="01", out_trade_no="Z")
    assert {c.out_trade_no for c in store.list()} == {"X", "Z"}
    assert {c.out_trade_no for c in store.list(CaseFilter(kind=CaseKind.UNPAID, training=None))} == {"X", "Y"}
    assert [c.out_trade_no for c in store.list(CaseFilter(training=True))] == ["Y"]
    assert store.list(CaseFilter(since_utc="2999-01-01")) == []


def test_the_record_the_field_asks_for(store: CaseStore) -> None:
    case, _ = store.open_case(CaseKind.DROPPED_ORDER, actor="07", out_trade_no="C", amount=2350,
                              payment_state="USERPAYING", paid_at="2026-11-24T02:30:05.000000+00:00",
                              channel="WECHAT")
    assert case.id is not None and (case.paid_at, case.channel) == ("2026-11-24T02:30:05.000000+00:00", "WECHAT")
    store.set_payment(case.id, paid_at=None, channel="ALIPAY")  # what is known is not forgotten
    store.record(case.id, StepAction.SYNC, "07", state_seen="PAID", outcome="PAID", detail="sync out_trade_no=C",
                 note="顾客出示了支付凭证")
    noted = store.add_note(case.id, "  顾客留下电话，平台答复后回电 ", "07")
    with_contact = store.set_contact(case.id, " 138 1234 5678 ", "07")
    assert with_contact.customer_contact == "138 1234 5678"
    assert with_contact.channel == "ALIPAY" and with_contact.paid_at == case.paid_at
    steps = with_contact.steps
    assert [(s.action, s.actor, s.state_seen, s.note) for s in steps[1:]] == [
        (StepAction.SYNC, "07", "PAID", "顾客出示了支付凭证"),
        (StepAction.NOTE, "07", "PAID", "顾客留下电话，平台答复后回电"),
        (StepAction.NOTE, "07", None, "")]
    assert steps[-1].outcome == "contact_recorded" and "5678" not in steps[-1].detail  # the number stays in its field
    assert noted.steps[-1].note == "顾客留下电话，平台答复后回电"
    assert store.set_contact(case.id, "", "01").customer_contact is None
    with pytest.raises(KeyError):
        store.add_note(9999, "x", "07")


def test_an_escalated_case_ages_from_its_first_report_and_is_reminded_once(store: CaseStore) -> None:
    case, _ = store.open_case(CaseKind.DROPPED_ORDER, actor="07", out_trade_no="D")
    assert case.id is not None and not case.escalated
    store.record(case.id, StepAction.ESCALATE, "07", outcome="escalated", note="平台未到账")
    first = store.get(case.id)
    assert first is not None and first.escalated and first.escalated_at is not None
    store.record(case.id, StepAction.ESCALATE, "01", outcome="escalated")
    again = store.get(case.id)
    assert again is not None and again.escalated_at == first.escalated_at
    assert [c.id for c in store.escalations_to_remind()] == [case.id]
    assert store.mark_reminded(case.id, "reported 4 working days ago, limit 3")
    assert not store.mark_reminded(case.id, "again")
    assert store.escalations_to_remind() == []
    reminded = store.get(case.id)
    assert reminded is not None and reminded.steps[-1].outcome == "escalation_overdue"
    closed = store.close_case(case.id, CaseResult.SYNCED_PAID, "01", note="平台已补单")
    assert not closed.escalated and closed.steps[-1].note == "平台已补单"

