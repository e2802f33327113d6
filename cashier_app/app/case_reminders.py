"""Escalated cases age: once one is older than the store's limit (default 3 working days, the platform's
usual answer time) and still open, the manager is reminded, once, and the case says so on its timeline.

A small thread of its own: it looks at start and then every few minutes (a reminder due overnight shows
when the till is switched on). The reminder is remembered in the journal, so a restart does not repeat it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime, tzinfo

from cashier_app.app.events import Notice
from cashier_app.domain.cases import CaseSettings, escalation_overdue, working_days_between
from cashier_app.journal.cases import CaseStore

log = logging.getLogger(__name__)


class EscalationReminders:
    def __init__(self, cases: CaseStore, settings: CaseSettings, tz: tzinfo, publish: Callable[[Notice], None], *,
                 training: bool = False, interval_s: float = 300.0,
                 clock: Callable[[tzinfo], datetime] = datetime.now) -> None:
        self.cases = cases
        self.settings = settings
        self.tz = tz
        self._publish = publish
        self.training = training
        self.interval_s = interval_s
        self._clock = clock
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def check(self) -> list[int]:
        """Remind of every escalated case that became overdue; returns their ids."""
        now = self._clock(self.tz)
        reminded = []
        for case in self.cases.escalations_to_remind(training=self.training):
            if case.id is None or case.escalated_at is None or not escalation_overdue(case, now, self.settings):
                continue
            days = working_days_between(datetime.fromisoformat(case.escalated_at).astimezone(self.tz), now,
                                        self.settings)
            note = f"reported {days} working days ago, limit {self.settings.escalation_reminder_working_days}"
            if not self.cases.mark_reminded(case.id, note):
                continue  # another instance or an earlier check reminded already
            log.info("case %s escalated %d working days ago is still open: manager reminded", case.id, days)
            self._publish(Notice("escalation_overdue", {"case_id": case.id, "out_trade_no": case.out_trade_no or "",
                                                        "days": days}))
            reminded.append(case.id)
        return reminded

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="escalation-reminders", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.check()
            except Exception:
                log.exception("checking escalated cases failed")
            self._stop.wait(self.interval_s)
