"""Check results and the report that gathers them.

Each check says ok, warning or fault, in plain English for the technician, with one Chinese line
for the store staff standing beside them, and a stable `id` that tools and the UI key on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from enum import StrEnum
from typing import Any

from cashier_app import __version__
from cashier_app.domain.local_time import STAMP, store_time


class Outcome(StrEnum):
    OK = "ok"
    WARNING = "warning"
    FAULT = "fault"

    @property
    def rank(self) -> int:
        return _RANK[self]

    @property
    def label_zh(self) -> str:
        return _LABEL_ZH[self]


_RANK = {Outcome.OK: 0, Outcome.WARNING: 1, Outcome.FAULT: 2}
_LABEL_ZH = {Outcome.OK: "正常", Outcome.WARNING: "注意", Outcome.FAULT: "故障"}


def worst(outcomes: list[Outcome]) -> Outcome:
    return max(outcomes, key=lambda o: o.rank, default=Outcome.OK)


@dataclass(frozen=True)
class CheckResult:
    """One check. `message` and `hint` are English; `summary_zh` is one line in Chinese, `hint_zh` the hint."""

    id: str
    title: str
    outcome: Outcome
    message: str
    summary_zh: str
    hint: str = ""
    details: dict[str, Any] = field(default_factory=dict)
    hint_zh: str = ""
    title_zh: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "outcome": self.outcome.value,
            "message": self.message,
            "summary_zh": self.summary_zh,
            "hint": self.hint,
            "hint_zh": self.hint_zh,
            "title_zh": self.title_zh,
            "details": self.details,
        }


@dataclass(frozen=True)
class Report:
    checks: tuple[CheckResult, ...]
    created_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))
    app_version: str = __version__
    zone: tzinfo = field(default=UTC, compare=False)  # the store's clock, for the text
    @property
    def outcome(self) -> Outcome:
        return worst([c.outcome for c in self.checks])

    def by_id(self, check_id: str) -> CheckResult:
        for check in self.checks:
            if check.id == check_id:
                return check
        raise KeyError(f"no check {check_id!r}; checks: {[c.id for c in self.checks]}")

    def counts(self) -> dict[str, int]:
        return {o.value: sum(1 for c in self.checks if c.outcome is o) for o in Outcome}

    def to_json(self) -> dict[str, Any]:
        return {
            "created_at": self.created_at,
            "app_version": self.app_version,
            "outcome": self.outcome.value,
            "counts": self.counts(),
            "checks": [c.to_json() for c in self.checks],
        }

    def to_text(self) -> str:
        counts = self.counts()
        lines = [
            f"cashier-app {self.app_version} diagnosis, {store_time(self.created_at, self.zone, STAMP + ' %z')}",
            f"overall: {self.outcome.value.upper()} ({counts['ok']} ok, {counts['warning']} warning, "
            f"{counts['fault']} fault) / 总体：{self.outcome.label_zh}",
            "",
        ]
        for check in self.checks:
            lines.append(f"[{check.outcome.value.upper():7}] {check.title}: {check.message}")
            lines.append(f"          {check.outcome.label_zh}：{check.summary_zh}")
            if check.hint:
                lines.append(f"          what to do: {check.hint}")
        return "\n".join(lines) + "\n"
