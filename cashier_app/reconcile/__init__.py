"""Reconciliation: the platform's order list against the receipts the watcher saw, raised as cases.

`Reconciler` (service.py) polls the list once per interval with a cursor kept in the journal,
keeps `orders_seen` forward-only, runs the domain rules (domain/reconcile.py) and opens each
finding's case once; it also tells the UI when the platform goes down and comes back. The tables
it reads and writes (orders_seen, its keys of app_state, the daily bills, the receipts it matches)
are the journal's: reconcile/ holds the rules and the loop, and no SQL.
"""

from cashier_app.reconcile.platform_health import PlatformHealth
from cashier_app.reconcile.service import PollReport, Reconciler
from cashier_app.reconcile.status import ReconcileStatus, read_status

__all__ = ["PlatformHealth", "PollReport", "ReconcileStatus", "Reconciler", "read_status"]
