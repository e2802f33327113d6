"""Training mode's director: stages the field's exceptions one after another for a new cashier.

The sandbox's `training` scenario holds the platform side (a dropped order, a paid order with no
receipt, an order stuck in paying, a third-party number looked up too early); the director adds
what only the app can stage (the printer running out of paper while a receipt is printed) and
announces each step with its lesson, so the cashier knows what to practise next.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from cashier_app.app.events import Notice

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TrainingStep:
    number: int
    case: str
    out_trade_no: str | None
    lesson: str
    lesson_en: str


PAPER_OUT = TrainingStep(
    0, "printer-paper-out", None,
    "打印机缺纸：小票暂停打印并保留在队列里。换上新纸卷后会自动继续打印，不会丢单。",
    "The printer ran out of paper: receipts wait in the queue. Load a new roll and printing resumes by itself; "
    "nothing is lost.",
)


def steps_from_scenario(orders: list[dict[str, object]]) -> list[TrainingStep]:
    """The scenario's orders that carry a training step, in step order, with the paper-out step second."""
    steps = []
    for order in orders:
        meta = order.get("meta")
        if isinstance(meta, dict) and "step" in meta:
            steps.append(TrainingStep(int(meta["step"]), str(meta.get("case", "")), str(order["out_trade_no"]),
                                      str(meta.get("lesson", "")), str(meta.get("lesson_en", ""))))
    steps.sort(key=lambda s: s.number)
    staged = [*steps[:1], PAPER_OUT, *steps[1:]]
    return [TrainingStep(i, s.case, s.out_trade_no, s.lesson, s.lesson_en) for i, s in enumerate(staged, start=1)]


class TrainingDirector:
    """Announces one step every `step_interval_s`; the paper-out step empties the virtual printer's
    roll for `paper_out_s` seconds, then "refills" it, so the cashier sees the queue hold and resume."""

    def __init__(self, steps: list[TrainingStep], publish: Callable[[Notice], None],
                 set_paper: Callable[[bool], None], *, step_interval_s: float = 90.0,
                 paper_out_s: float = 30.0) -> None:
        self.steps = steps
        self._publish = publish
        self._set_paper = set_paper
        self._interval = step_interval_s
        self._paper_out_s = paper_out_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.current: TrainingStep | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="training-director", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        self._set_paper(True)

    def _run(self) -> None:
        for step in self.steps:
            if self._stop.is_set():
                return
            self.current = step
            self._publish(Notice("training_step", {
                "step": step.number, "of": len(self.steps), "case": step.case,
                "out_trade_no": step.out_trade_no or "", "lesson": step.lesson, "lesson_en": step.lesson_en,
                "at": datetime.now().isoformat(timespec="seconds"),
            }))
            log.info("training step %d/%d: %s", step.number, len(self.steps), step.case)
            if step is PAPER_OUT or step.case == PAPER_OUT.case:
                self._set_paper(False)
                if self._stop.wait(self._paper_out_s):
                    return
                self._set_paper(True)
                self._publish(Notice("training_paper_refilled"))
            if self._stop.wait(self._interval):
                return
