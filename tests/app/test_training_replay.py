"""A closed real case replayed as a training lesson, anonymised, then practised in training mode; and the
trainees' results from the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cashier_app.app.cli import main
from cashier_app.app.config import AppConfig
from cashier_app.app.paths import default_paths
from cashier_app.app.services import AppServices, RunOptions
from cashier_app.app.training import TrainingDirector, load_lessons
from cashier_app.domain.cases import CaseKind, CaseResult, StepAction
from cashier_app.journal.audit import AuditStore
from cashier_app.journal.cases import CaseStore
from cashier_app.journal.db import Journal
from tests.helpers.paths import REPO

REAL_NO, CHANNEL_NO = "2026112410300501", "4200001234202611240000008001"


def real_case(journal: Journal, *, closed: bool = True) -> int:
    cases = CaseStore(journal)
    case, _ = cases.open_case(CaseKind.DROPPED_ORDER, actor="07", out_trade_no=REAL_NO, channel_trade_no=CHANNEL_NO,
                              amount=2350, payment_state="USERPAYING", channel="WECHAT")
    assert case.id is not None
    cases.record(case.id, StepAction.QUERY, "07", state_seen="USERPAYING", outcome="USERPAYING",
                 detail=f"query out_trade_no={REAL_NO}")
    cases.add_note(case.id, "顾客王女士说已付款，电话 13812345678", "07")
    cases.set_contact(case.id, "13812345678", "07")
    cases.record(case.id, StepAction.SYNC, "07", state_seen="PAID", outcome="PAID", note="补单后已支付")
    if closed:
        cases.close_case(case.id, CaseResult.SYNCED_PAID, "01", "店长 01 确认")
    return case.id


def test_a_closed_case_becomes_an_anonymised_lesson(capsys: pytest.CaptureFixture[str]) -> None:
    journal = Journal(default_paths().journal_file)
    open_id = real_case(journal, closed=False)
    closed_id = real_case(journal)
    journal.close()
    assert main(["training", "from-case", str(open_id)]) == 2
    assert "still open" in capsys.readouterr().err
    assert main(["training", "from-case", "999"]) == 2
    assert main(["training", "from-case", str(closed_id)]) == 0
    path = default_paths().data_dir / "training" / "lessons" / f"case-{closed_id}.json"
    text = path.read_text(encoding="utf-8")
    for secret in (REAL_NO, CHANNEL_NO, "13812345678", "王女士", "店长", "\"07\"", "补单后已支付"):
        assert secret not in text, secret
    lesson = json.loads(text)
    assert lesson["orders"][0]["total_amount"] == 2350 and lesson["orders"][0]["state"] == "USERPAYING"
    assert lesson["orders"][0]["upstream_state"] == "PAID" and "{order}" in lesson["text"]
    assert "synced_first" in lesson["checks"]
    assert [r["action"] for r in lesson["replay"]] == ["raised", "query", "sync", "close_case"]
    lessons = load_lessons(path.parent)
    assert lessons[-1].id == f"case-{closed_id}" and len(lessons) == len(load_lessons()) + 1
    journal = Journal(default_paths().journal_file)
    assert next((e.action, e.case_id) for e in AuditStore(journal).list()) == ("case_for_training", closed_id)
    journal.close()

    # Practised in training: staged with a number of its own when its turn comes, with the real case's steps.
    config = AppConfig()
    config.reconcile.enabled = False
    services = AppServices(config, default_paths(), RunOptions(training=True, demo_interval_s=0))
    services.start()
    try:
        director = services.training
        assert isinstance(director, TrainingDirector) and director.lessons[-1].id == f"case-{closed_id}"
        assert services.session is not None
        services.session.sign_in("T9", "")
        for _ in range(len(director.lessons) - 1):
            director.finish()
        run = director.current
        assert run is not None and run.lesson.id == f"case-{closed_id}" and run.out_trade_no != REAL_NO
        feedback = director.finish()
        assert feedback is not None and [r["action"] for r in feedback["replay"]][:2] == ["raised", "query"]
    finally:
        services.stop()

    done = subprocess.run([sys.executable, "-m", "cashier_app", "training", "report", "--trainee", "T9", "--json"],
                          capture_output=True, text=True, cwd=REPO, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout)
    assert len(results) == len(lessons) and results[-1]["lesson"] == f"case-{closed_id}"
    assert all(0 <= r["score"] <= 100 for r in results)
    target = Path(default_paths().data_dir) / "report.csv"
    done = subprocess.run([sys.executable, "-m", "cashier_app", "training", "report", "--csv", str(target), "--lang",
                           "zh_CN"], capture_output=True, text=True, cwd=REPO, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    header = target.read_bytes().decode("utf-8-sig").splitlines()[0]
    assert header == "学员,姓名,课程,练习订单号,开始时间,完成时间,用时（分钟）,得分（满分 100）,做得对的,下次注意"
