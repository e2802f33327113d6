"""Training mode on real parts: the sandbox's training scenario plus the director's paper-out step."""

from __future__ import annotations

import threading
from pathlib import Path

from cashier_app.app.config import AppConfig
from cashier_app.app.events import Event, JobEvent, Notice
from cashier_app.app.paths import default_paths
from cashier_app.app.services import AppServices, RunOptions
from cashier_app.app.training import PAPER_OUT, steps_from_scenario
from cashier_app.emulator.server import VirtualPrinter
from tests.app.test_window_flow import till_writes


def test_steps_follow_the_scenario_with_paper_out_second() -> None:
    orders: list[dict[str, object]] = [
        {"out_trade_no": "B", "meta": {"step": 2, "case": "paid-no-receipt", "lesson": "b", "lesson_en": "b"}},
        {"out_trade_no": "A", "meta": {"step": 1, "case": "dropped", "lesson": "a", "lesson_en": "a"}},
        {"out_trade_no": "X"},
    ]
    steps = steps_from_scenario(orders)
    assert [(s.number, s.case, s.out_trade_no) for s in steps] == [
        (1, "dropped", "A"), (2, PAPER_OUT.case, None), (3, "paid-no-receipt", "B")]


def test_training_runs_its_whole_scenario_apart_from_real_data(samples_dir: Path) -> None:
    notices: list[Notice] = []
    held = threading.Event()
    done = threading.Event()

    def on_event(event: Event) -> None:
        if isinstance(event, Notice):
            notices.append(event)
        if isinstance(event, JobEvent) and event.kind == "job_held":
            held.set()
        if isinstance(event, JobEvent) and event.kind == "job_done" and held.is_set():
            done.set()

    config = AppConfig()
    config.reconcile.interval_s = 0.2
    options = RunOptions(training=True, demo_interval_s=0, training_step_s=0.3, training_paper_out_s=1.0)
    services = AppServices(config, default_paths(), options)
    services.hub.subscribe(on_event)
    services.start()
    try:
        assert services.paths.data_dir.name == "training"
        printer = services.virtual_printer
        assert isinstance(printer, VirtualPrinter)
        # Step 2 empties the paper: a receipt written then is held, and printed once paper is back.
        steps_seen = lambda: [n.params["step"] for n in notices if n.code == "training_step"]  # noqa: E731
        wait_until(lambda: 2 in steps_seen())
        till_writes(Path(services.config.watch.folders[0]), (samples_dir / "wechat-default-gbk-crlf.txt").read_bytes())
        assert held.wait(10), "the receipt was not held while the paper was out"
        assert done.wait(10), "the held receipt did not print after the paper came back"
        assert "202611220001" in printer.wait_for_jobs(1, timeout=5)[0].text()
        wait_until(lambda: steps_seen() == [1, 2, 3, 4, 5])
        lessons = [n.params["lesson"] for n in notices if n.code == "training_step"]
        assert all(lessons) and "缺纸" in lessons[1]
        # The scenario's exceptions become cases, all marked as training.
        wait_until(lambda: len(services.cases.list(None)) == 0 and services.cases.count_open(training=True) > 0)
    finally:
        services.stop()


def wait_until(condition: object, timeout: float = 15.0) -> None:
    assert callable(condition)
    stop = threading.Event()
    for _ in range(int(timeout / 0.05)):
        if condition():
            return
        stop.wait(0.05)
    raise AssertionError("condition not met in time")
