"""Training with feedback on real parts: the sandbox over HTTP, the virtual printer, the training journal.

Lessons are staged one at a time for the trainee signed in (never before their step), the trainee's actions
are checked, the feedback and score kept per trainee, and trainees take turns.
"""

from __future__ import annotations

import csv
import io
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from cashier_app.app.config import AppConfig
from cashier_app.app.events import Event, JobEvent, Notice
from cashier_app.app.paths import default_paths
from cashier_app.app.services import AppServices, RunOptions
from cashier_app.app.training import TrainingDirector, load_lessons
from cashier_app.app.ui_adapter import AppUiServices
from cashier_app.domain.cases import CaseResult
from cashier_app.domain.guidance import Voucher
from cashier_app.emulator.server import VirtualPrinter
from cashier_app.sandbox.server import SandboxServer


class Heard:
    def __init__(self) -> None:
        self.notices: list[Notice] = []
        self.done_jobs = threading.Event()
        self._lock = threading.Lock()

    def __call__(self, event: Event) -> None:
        with self._lock:
            if isinstance(event, Notice):
                self.notices.append(event)
            if isinstance(event, JobEvent) and event.kind == "job_done":
                self.done_jobs.set()

    def of(self, code: str) -> list[dict[str, Any]]:
        with self._lock:
            return [dict(n.params) for n in self.notices if n.code == code]


@pytest.fixture
def training() -> Iterator[tuple[AppServices, Heard]]:
    config = AppConfig()
    config.reconcile.interval_s = 0.2
    services = AppServices(config, default_paths(), RunOptions(training=True, demo_interval_s=0))
    heard = Heard()
    services.hub.subscribe(heard)
    services.start()
    assert services.lookup is not None
    services.lookup.poll_delays = (0.05, 0.05)
    try:
        yield services, heard
    finally:
        services.stop()


def director_of(services: AppServices) -> TrainingDirector:
    assert isinstance(services.training, TrainingDirector)
    return services.training


def sandbox_numbers(services: AppServices) -> set[str]:
    assert isinstance(services.sandbox, SandboxServer)
    return {str(o["out_trade_no"]) for o in services.sandbox.control.state()["orders"]}


def wait_until(condition: Any, timeout: float = 15.0) -> None:
    stop = threading.Event()
    for _ in range(int(timeout / 0.05)):
        if condition():
            return
        stop.wait(0.05)
    raise AssertionError("condition not met in time")


def test_lessons_stage_at_their_step_are_checked_and_kept_per_trainee(training) -> None:
    services, heard = training
    session, lookup, director = services.session, services.lookup, director_of(services)
    assert session is not None and lookup is not None
    assert services.paths.data_dir.name == "training"
    assert sandbox_numbers(services) == set()  # nothing staged before a trainee signs in
    assert not session.pin_needed()  # nobody set up: trainees sign in by number alone

    session.sign_in("T1", "")
    [first] = heard.of("training_step")
    order = first["out_trade_no"]
    assert first["step"] == 1 and first["of"] == len(load_lessons()) and first["case"] == "dropped"
    assert order in first["lesson"] and order in first["lesson_en"]  # the lesson names the order to look up
    assert sandbox_numbers(services) == {order}  # only this lesson's order: the others wait for their step

    # The right way: look up, the customer shows a voucher, sync, print.
    view = lookup.lookup(order)
    view = lookup.sync(lookup.with_voucher(view, Voucher.SHOWN))
    printed = lookup.print_receipt(view, "customer asked")
    assert printed.job_id is not None and printed.case_result is CaseResult.SYNCED_PAID
    feedback = director.finish()
    assert feedback is not None and feedback["score"] == 100
    assert all(c["passed"] for c in feedback["checks"]) and len(feedback["checks"]) == 5

    # Lesson 2: out of paper. The till writes the receipt, it is held; the trainee loads paper.
    second = heard.of("training_step")[-1]
    assert second["case"] == "paper-out" and second["paper"]
    queue = services.queue
    assert queue is not None
    wait_until(lambda: bool(queue.held_jobs()))
    heard.done_jobs.clear()
    assert director.load_paper()
    assert heard.done_jobs.wait(10)
    feedback = director.finish()
    assert feedback is not None and feedback["score"] == 100

    # Lessons 3 to 5 done in a hurry, doing nothing: every check that needs an action fails.
    for _ in range(3):
        rushed = director.finish()
        assert rushed is not None and rushed["score"] < 100

    # Lesson 6: the platform does not answer. Taking payment again then is the mistake it trains against.
    sixth = heard.of("training_step")[-1]
    assert sixth["case"] == "platform-down"
    unknown = lookup.lookup(sixth["out_trade_no"])
    assert unknown.outcome.value == "unknown"
    lookup.close_case(unknown, CaseResult.CLOSED_AND_REPAID, "customer paid again")
    wrong = director.finish()
    assert wrong is not None
    assert {c["check"]: c["passed"] for c in wrong["checks"]} == {
        "looked_up": True, "no_repay_while_unknown": False, "recorded_result": True}
    assert wrong["score"] == 67
    done = heard.of("training_done")
    assert done and done[-1]["trainee"] == "T1" and done[-1]["lessons"] == 6

    # The next trainee takes their turn: lesson 1 again, with an order of their own.
    session.sign_in("T2", "")
    other = heard.of("training_step")[-1]
    assert other["trainee"] == "T2" and other["step"] == 1 and other["out_trade_no"] != order
    session.sign_out("switch")
    assert director.current is None

    # The per-trainee report: every lesson, with its score and feedback.
    report = AppUiServices(services).training_report_csv("T1")
    rows = list(csv.DictReader(io.StringIO(report.decode("utf-8-sig"))))
    assert [row["Lesson"] for row in rows] == ["掉单", "打印机缺纸", "已付款无小票", "卡在支付中", "第三方单号查不到",
                                               "平台无响应"]
    assert [row["Score (of 100)"] for row in rows][:2] == ["100", "100"] and rows[-1]["Score (of 100)"] == "67"
    assert "charged twice" in rows[-1]["To do next time"]
    assert "synced the order before concluding" in rows[0]["Done right"]
    assert AppUiServices(services).training_report_csv("T2").decode("utf-8-sig").count("\n") == 1  # header only


def test_a_trainee_who_comes_back_carries_on_where_they_left(training) -> None:
    services, heard = training
    session, director = services.session, director_of(services)
    assert session is not None
    session.sign_in("T3", "")
    first = heard.of("training_step")[-1]
    director.finish()
    session.sign_out("switch")
    assert isinstance(services.virtual_printer, VirtualPrinter)
    session.sign_in("T3", "")
    again = heard.of("training_step")[-1]
    assert again["step"] == 2 and again["out_trade_no"] != first["out_trade_no"]
