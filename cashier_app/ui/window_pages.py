"""Every page of the main window, in one place: its key, title, shortcut, the protected action it needs
and its factory, in the order the tabs are shown. The window, its shortcuts, the sign-in checks (a tab
shows only to a person who may) and the tests read this list.

Lookup first (the cashier's everyday question), the day's receipts, the receipt history, cases, reports and
handover, the manager's audit trail and people, the technician's bench, help.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from cashier_app.domain.access import ProtectedAction
from cashier_app.ui.audit_page import AuditPage
from cashier_app.ui.cases_page import CasesPage
from cashier_app.ui.help_page import HelpPage
from cashier_app.ui.history_page import HistoryPage
from cashier_app.ui.lookup_page import LookupPage
from cashier_app.ui.pages import PageRegistry, PageSpec
from cashier_app.ui.people_page import PeoplePage
from cashier_app.ui.receipts_page import ReceiptsPage
from cashier_app.ui.reports_page import ReportsPage
from cashier_app.ui.technician_page import TechnicianPage

translate = QCoreApplication.translate

# Titles keep the translation context of the page they name (the translations file finds them there).
WINDOW_PAGES = (
    PageSpec("lookup", lambda: translate("LookupPage", "Look up order"), LookupPage, shortcut="F3"),
    PageSpec("receipts", lambda: translate("ReceiptsPage", "Today's receipts"), ReceiptsPage, shortcut="F2"),
    PageSpec("history", lambda: translate("HistoryPage", "Receipt history"), HistoryPage, shortcut="F6"),
    PageSpec("cases", lambda: translate("CasesPage", "Cases"), CasesPage, shortcut="F4"),
    PageSpec("reports", lambda: translate("ReportsPage", "Reports and handover"), ReportsPage, shortcut="F7"),
    PageSpec("audit", lambda: translate("AuditPage", "Audit trail"), AuditPage,
             requires=ProtectedAction.VIEW_AUDIT.value),
    PageSpec("people", lambda: translate("PeoplePage", "People"), PeoplePage,
             requires=ProtectedAction.MANAGE_PEOPLE.value),
    PageSpec("technician", lambda: translate("TechnicianPage", "Technician"), TechnicianPage, shortcut="F8",
             requires=ProtectedAction.TECHNICIAN_TOOLS.value),
    PageSpec("help", lambda: translate("HelpPage", "Help"), HelpPage, shortcut="F1"),
)


def window_pages(*keys: str) -> PageRegistry:
    """The window's pages (a registry of their own for each window); with keys, only those pages (tests)."""
    unknown = set(keys) - {spec.key for spec in WINDOW_PAGES}
    if unknown:
        raise KeyError(f"no such page: {', '.join(sorted(unknown))}")
    return PageRegistry(tuple(spec for spec in WINDOW_PAGES if not keys or spec.key in keys))
