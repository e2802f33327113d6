"""Where reconciliation stands, read from the journal alone (no platform call): for
`cashier-app reconcile status`, the technician's diagnostics and the manager's view."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cashier_app.journal.cases import CaseStore
from cashier_app.journal.db import Journal
from cashier_app.journal.orders_seen import OrdersSeenStore
from cashier_app.journal.reconcile_state import ListPosition, Outage, ReconcileStateStore


@dataclass(frozen=True)
class ReconcileStatus:
    training: bool
    position: ListPosition
    last_poll: dict[str, Any] | None
    outage: Outage | None
    open_cases: dict[str, int] = field(default_factory=dict)  # kind -> count, this mode's cases
    orders_seen: int = 0
    not_on_platform: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "training": self.training,
            "position": self.position.to_json(),
            "last_poll": self.last_poll,
            "outage": self.outage.to_json() if self.outage else None,
            "open_cases": dict(self.open_cases),
            "orders_seen": self.orders_seen,
            "not_on_platform": self.not_on_platform,
        }


def read_status(journal: Journal, *, training: bool = False) -> ReconcileStatus:
    store = ReconcileStateStore(journal, training=training)
    seen = OrdersSeenStore(journal).counts()
    return ReconcileStatus(
        training=training,
        position=store.position(),
        last_poll=store.last_poll(),
        outage=store.outage(),
        open_cases=CaseStore(journal).open_by_kind(training),
        orders_seen=seen.orders,
        not_on_platform=seen.not_on_platform,
    )
