from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from cashier_app.domain.cases import CaseKind, CaseResult, CaseStatus, StepAction
from cashier_app.journal.cases import CaseFilter, CaseStore, cases_to_csv
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


def test_csv_has_bom_and_opens_as_utf8(store: CaseStore) -> None:
    store.open_case(CaseKind.PAID_NO_RECEIPT, actor="system", out_trade_no="A", amount=1250, cause="无小票")
    data = cases_to_csv(store.list())
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][0] == "id" and rows[1][1] == "paid_no_receipt" and rows[1][7] == "12.50"
    assert rows[1][9] == "无小票"
