"""Training mode's director: one lesson at a time for the trainee signed in, checked, with feedback.

Each lesson (lessons/lessons.json, and closed real cases replayed, training_replay.py) names the order
to look up and is staged only when it starts: its orders are created on the sandbox then, its printer
fault or platform outage begins then, so its banners and cases appear at its step and not before. The
trainee works it at the till as they would for real, then presses "Lesson done" (F10): what they did
(their lookup steps, the order's cases, the receipts printed) is checked (domain/training.py), the
feedback and score are shown and kept, and the next lesson is staged. Several trainees take turns:
each signs in (F12 at the change) and carries on with their own lessons and their own results.
"""

from __future__ import annotations

import json
import logging
import random
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

from cashier_app.app.events import Notice
from cashier_app.domain.cases import CaseStep
from cashier_app.domain.local_time import store_time
from cashier_app.domain.timezones import CHINA_TZ
from cashier_app.domain.training import Check, LessonFacts, LessonScore, evaluate
from cashier_app.journal.db import utc_now
from cashier_app.journal.training import TrainingResult, TrainingResults
from cashier_app.sandbox.scenarios import offset_seconds
from cashier_app.ui.rows import TrainingRow

log = logging.getLogger(__name__)

_TIME_FIELDS = ("created_at", "paid_at", "updated_at")


@dataclass(frozen=True)
class Lesson:
    id: str
    title: str
    title_en: str
    text: str  # names the order to look up: "{order}" (and "{channel_no}") are filled when it is staged
    text_en: str
    orders: tuple[dict[str, Any], ...]  # partial sandbox orders, times relative to the lesson's start
    checks: tuple[Check, ...]
    printer: str | None = None  # the virtual printer's condition during the lesson ("paper-end")
    till_writes: bool = False  # the till writes the lesson order's print.txt when it starts
    notify_after_s: float | None = None  # the channel's success notice reaches the platform this much later
    platform_down_s: float = 0.0  # the platform does not answer for this long from the start
    # A real case replayed: how it went, step by step ({"action": StepAction value, "state": OrderState value}).
    replay: tuple[dict[str, str], ...] = ()

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Lesson:
        return cls(
            id=str(data["id"]), title=str(data.get("title", data["id"])),
            title_en=str(data.get("title_en", data.get("title", data["id"]))),
            text=str(data.get("text", "")), text_en=str(data.get("text_en", "")),
            orders=tuple(dict(o) for o in data.get("orders", [])),
            checks=tuple(Check(c) for c in data.get("checks", [])),
            printer=data.get("printer"), till_writes=bool(data.get("till_writes", False)),
            notify_after_s=float(data["notify_after_s"]) if data.get("notify_after_s") is not None else None,
            platform_down_s=float(data.get("platform_down_s", 0.0)),
            replay=tuple({"action": str(r.get("action", "")), "state": str(r.get("state") or "")}
                         for r in data.get("replay", []) if isinstance(r, dict)),
        )


def load_lessons(extra_dir: Path | None = None) -> list[Lesson]:
    """The built-in lessons, then the real cases replayed as lessons (files in `extra_dir`, oldest first).
    A replayed lesson that cannot be read is left out with a log line: training goes on without it."""
    text = resources.files("cashier_app.app.lessons").joinpath("lessons.json").read_text(encoding="utf-8")
    lessons = [Lesson.from_json(item) for item in json.loads(text)["lessons"]]
    if extra_dir is not None and extra_dir.is_dir():
        for path in sorted(extra_dir.glob("*.json"), key=lambda p: (p.stat().st_mtime, p.name)):
            try:
                lessons.append(Lesson.from_json(json.loads(path.read_text(encoding="utf-8"))))
            except (OSError, ValueError, KeyError, TypeError) as exc:
                log.warning("training lesson %s left out: %s", path.name, exc)
    return lessons


class TrainingStage(Protocol):
    """What the director asks of the running app (app/services.py implements it on the sandbox, the
    virtual printer, the demo till's folder and the training journal)."""

    def create_orders(self, orders: list[dict[str, Any]]) -> None: ...
    def set_paper(self, has_paper: bool) -> None: ...
    def till_writes(self, order: dict[str, Any]) -> None: ...
    def platform_down(self, down: bool) -> None: ...
    def notify(self, out_trade_no: str) -> None: ...
    def facts(self, run: LessonRun) -> LessonFacts: ...


@dataclass
class LessonRun:
    """One trainee's go at one lesson."""

    lesson: Lesson
    number: int  # 1-based, of `of`
    of: int
    trainee: str
    trainee_name: str
    out_trade_no: str
    channel_trade_no: str
    started_at: str  # UTC
    steps: list[CaseStep] = field(default_factory=list)  # the trainee's lookup steps for the order
    paper_loaded: bool = False

    def text(self, english: bool) -> str:
        template = (self.lesson.text_en or self.lesson.text) if english else (self.lesson.text or self.lesson.text_en)
        return template.replace("{order}", self.out_trade_no).replace("{channel_no}", self.channel_trade_no)

    def params(self) -> dict[str, Any]:
        """The "training_step" notice's params (the window's banner)."""
        return {"step": self.number, "of": self.of, "case": self.lesson.id, "out_trade_no": self.out_trade_no,
                "lesson": self.text(english=False), "lesson_en": self.text(english=True),
                "title": self.lesson.title, "title_en": self.lesson.title_en, "trainee": self.trainee,
                "trainee_name": self.trainee_name, "paper": self.lesson.printer == "paper-end",
                "at": datetime.now(UTC).isoformat(timespec="seconds")}


class TrainingDirector:
    def __init__(self, lessons: Sequence[Lesson], stage: TrainingStage, results: TrainingResults,
                 publish: Callable[[Notice], None], *, rng: random.Random | None = None) -> None:
        self.lessons = list(lessons)
        self._stage = stage
        self.results = results
        self._publish = publish
        self._rng = rng or random.Random()
        self._lock = threading.RLock()
        self._timers: list[threading.Timer] = []
        self.current: LessonRun | None = None
        self._stopped = False

    @property
    def steps(self) -> list[Lesson]:
        return self.lessons

    # -- a trainee's turn -----------------------------------------------------------------------

    def begin(self, trainee: str, name: str = "") -> LessonRun | None:
        """The trainee signed in: stage their next lesson (None when they have done them all)."""
        with self._lock:
            self.end()
            done = self.results.lessons_done(trainee)
            for number, lesson in enumerate(self.lessons, start=1):
                if lesson.id not in done:
                    return self._start(lesson, number, trainee, name)
            self._publish(Notice("training_done", self.summary(trainee)))
            return None

    def end(self) -> None:
        """The trainee signed out (or the app stops): the lesson under way is left, its faults undone; it is
        staged afresh, with new numbers, when the trainee comes back."""
        with self._lock:
            for timer in self._timers:
                timer.cancel()
            self._timers.clear()
            run, self.current = self.current, None
            if run is None:
                return
            if run.lesson.printer:
                self._stage.set_paper(True)
            if run.lesson.platform_down_s:
                self._stage.platform_down(False)
            log.info("training lesson %s of %s left unfinished", run.lesson.id, run.trainee)

    def stop(self) -> None:
        self._stopped = True
        self.end()

    def _start(self, lesson: Lesson, number: int, trainee: str, name: str) -> LessonRun:
        order, channel_no = self._numbers(number)
        run = LessonRun(lesson, number, len(self.lessons), trainee, name, order, channel_no, utc_now())
        now = datetime.now(UTC).timestamp()
        orders = [_materialise(partial, now, order, channel_no) for partial in lesson.orders]
        if lesson.platform_down_s:
            self._stage.platform_down(True)
            self._later(lesson.platform_down_s, lambda: self._stage.platform_down(False))
        if lesson.printer:
            self._stage.set_paper(False)
        if orders:
            self._stage.create_orders(orders)
        if lesson.till_writes and orders:
            self._stage.till_writes(orders[0])
        if lesson.notify_after_s is not None:
            self._later(lesson.notify_after_s, lambda: self._stage.notify(order))
        self.current = run
        log.info("training lesson %d/%d (%s) for %s: order %s", number, run.of, lesson.id, trainee, order)
        self._publish(Notice("training_step", run.params()))
        return run

    def _numbers(self, lesson_no: int) -> tuple[str, str]:
        """A fresh merchant order number and WeChat transaction number for a run (never a real order's)."""
        day = datetime.now(CHINA_TZ).strftime("%Y%m%d")
        serial = f"{lesson_no % 100:02d}{self._rng.randrange(10**6):06d}"
        return f"{day}9{serial}", f"4200001234{day}{serial}{self._rng.randrange(100):02d}"

    def _later(self, seconds: float, action: Callable[[], None]) -> None:
        def run() -> None:
            with self._lock:
                if self._stopped:
                    return
            try:
                action()
            except Exception:
                log.exception("a staged training event failed")

        timer = threading.Timer(seconds, run)
        timer.daemon = True
        self._timers.append(timer)
        timer.start()

    # -- what the trainee does ---------------------------------------------------------------------

    def record(self, number: str, step: CaseStep) -> None:
        """A lookup step (called from the lookup service, on its worker): kept when it is the lesson's order."""
        with self._lock:
            run = self.current
            if run is not None and number in (run.out_trade_no, run.channel_trade_no):
                run.steps.append(step)

    def load_paper(self) -> bool:
        """The trainee put a new paper roll in: held receipts print by themselves."""
        with self._lock:
            run = self.current
            if run is None or run.lesson.printer != "paper-end":
                return False
            run.paper_loaded = True
            self._stage.set_paper(True)
        self._publish(Notice("training_paper_refilled"))
        return True

    def finish(self) -> dict[str, Any] | None:
        """The trainee says the lesson is done: check it, keep the result, stage the next lesson.
        Returns the feedback (the "training_feedback" notice's params), None when no lesson is under way."""
        with self._lock:
            run = self.current
            if run is None:
                return None
            score = evaluate(run.lesson.checks, self._stage.facts(run))
            self.results.add(trainee=run.trainee, trainee_name=run.trainee_name, lesson=run.lesson.id,
                             lesson_title=run.lesson.title, out_trade_no=run.out_trade_no, started_at=run.started_at,
                             score=score)
            feedback = feedback_params(run, score)
            self.end()
            log.info("training lesson %s of %s: %d/100", run.lesson.id, run.trainee, score.score)
            self._publish(Notice("training_feedback", feedback))
            self.begin(run.trainee, run.trainee_name)
            return feedback

    def summary(self, trainee: str) -> dict[str, Any]:
        results = self.results.of(trainee)
        latest = {r.lesson: r for r in results}  # a lesson done twice counts with its latest score
        scores = [r.score for r in latest.values()]
        return {"trainee": trainee, "lessons": len(latest), "of": len(self.lessons),
                "average": round(sum(scores) / len(scores)) if scores else 0}


def feedback_params(run: LessonRun, score: LessonScore) -> dict[str, Any]:
    return {"step": run.number, "of": run.of, "case": run.lesson.id, "title": run.lesson.title,
            "title_en": run.lesson.title_en, "trainee": run.trainee, "score": score.score,
            "checks": [{"check": c.check.value, "passed": c.passed} for c in score.checks],
            "replay": list(run.lesson.replay)}


def _materialise(partial: dict[str, Any], now: float, order: str, channel_no: str) -> dict[str, Any]:
    """A lesson's partial order with its numbers and absolute times (relative to the lesson's start)."""
    filled = {k: (v.replace("{order}", order).replace("{channel_no}", channel_no) if isinstance(v, str) else v)
              for k, v in partial.items()}
    created = now
    if isinstance(filled.get("created_at"), str):
        created = now + offset_seconds(filled["created_at"])[1]
    filled["created_at"] = created
    for name in _TIME_FIELDS[1:]:
        if isinstance(filled.get(name), str):
            sign, seconds = offset_seconds(filled[name])
            filled[name] = created + seconds if sign == "+" else now + seconds
    return filled


def training_row(result: TrainingResult, tz: tzinfo) -> TrainingRow:
    """A kept result as the report shows it: store times, minutes taken, each check."""
    started, finished = datetime.fromisoformat(result.started_at), datetime.fromisoformat(result.finished_at)
    return TrainingRow(result.trainee, result.trainee_name, result.lesson, result.lesson_title,
                       result.out_trade_no or "", store_time(started, tz), store_time(finished, tz),
                       round((finished - started).total_seconds() / 60, 1), result.score,
                       tuple((c.check.value, c.passed) for c in result.checks))
