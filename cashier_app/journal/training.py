"""Training results in the (training) journal: one row per lesson a trainee finished, with its checks."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from cashier_app.domain.training import Check, CheckResult, LessonScore
from cashier_app.journal.db import Journal, utc_now


@dataclass(frozen=True)
class TrainingResult:
    id: int
    trainee: str
    trainee_name: str
    lesson: str
    lesson_title: str
    out_trade_no: str | None
    started_at: str  # UTC
    finished_at: str  # UTC
    score: int
    checks: tuple[CheckResult, ...]


class TrainingResults:
    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    def add(self, *, trainee: str, trainee_name: str, lesson: str, lesson_title: str, out_trade_no: str | None,
            started_at: str, score: LessonScore) -> TrainingResult:
        checks = json.dumps([{"check": c.check.value, "passed": c.passed} for c in score.checks])
        with self._journal.tx() as conn:
            cur = conn.execute(
                "INSERT INTO training_results(trainee, trainee_name, lesson, lesson_title, out_trade_no, started_at,"
                " finished_at, score, checks) VALUES (?,?,?,?,?,?,?,?,?)",
                (trainee, trainee_name, lesson, lesson_title, out_trade_no, started_at, utc_now(), score.score, checks))
            row = conn.execute("SELECT * FROM training_results WHERE id = ?", (cur.lastrowid,)).fetchone()
        return _result(row)

    def of(self, trainee: str | None = None) -> list[TrainingResult]:
        """Oldest first; every trainee's when `trainee` is None."""
        sql = "SELECT * FROM training_results" + (" WHERE trainee = ?" if trainee is not None else "") + " ORDER BY id"
        with self._journal.read() as conn:
            return [_result(r) for r in conn.execute(sql, (trainee,) if trainee is not None else ())]

    def lessons_done(self, trainee: str) -> set[str]:
        with self._journal.read() as conn:
            return {str(r[0]) for r in conn.execute("SELECT lesson FROM training_results WHERE trainee = ?",
                                                    (trainee,))}


def _result(row: sqlite3.Row) -> TrainingResult:
    known = {check.value for check in Check}
    checks = tuple(CheckResult(Check(c["check"]), bool(c["passed"])) for c in json.loads(row["checks"])
                   if c.get("check") in known)  # a check this version does not know is left out
    return TrainingResult(int(row["id"]), row["trainee"], row["trainee_name"], row["lesson"], row["lesson_title"],
                          row["out_trade_no"], row["started_at"], row["finished_at"], int(row["score"]), checks)
