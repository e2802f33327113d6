"""Sign-in in window tests: the store's people in the real journal, sign-in on, the PIN dialog, the audit rows."""

from __future__ import annotations

from cashier_app.app.config import AppConfig
from cashier_app.app.paths import default_paths
from cashier_app.domain.access import Role
from cashier_app.journal.audit import AuditStore
from cashier_app.journal.db import Journal
from cashier_app.people.store import PeopleStore
from cashier_app.ui.main_window import MainWindow
from cashier_app.ui.manager_pin import ManagerPinDialog
from tests.helpers.live_app import LiveApp

WAIT_MS = 10_000


def add_people(*extra: tuple[str, str, Role, str]) -> None:
    """The store's people, in the real journal (where the app reads them in every mode)."""
    journal = Journal(default_paths().journal_file)
    try:
        people = PeopleStore(journal)
        for number, name, role, pin in (("01", "张店长", Role.MANAGER, "2580"), ("07", "王芳", Role.CASHIER, "1379"),
                                        ("09", "李工", Role.TECHNICIAN, "4826"), *extra):
            people.add(number, name, role, pin, by="setup")
    finally:
        journal.close()


def sign_in_on(**signin: object):
    def configure(config: AppConfig) -> None:
        config.signin.enabled = True
        config.signin.max_wrong_pins = 3
        for key, value in signin.items():
            setattr(config.signin, key, value)
    return configure


def audit_rows(app: LiveApp) -> list[tuple[str, str, str | None, str]]:
    """(action, actor, approved_by, detail), oldest first, of the run's own journal."""
    assert app.services.journal is not None
    return [(e.action, e.actor, e.approved_by, e.detail) for e in reversed(AuditStore(app.services.journal).list())]


def pin_dialog(window: MainWindow, qtbot) -> ManagerPinDialog:
    def shown() -> bool:
        found = window.findChild(ManagerPinDialog)
        return found is not None and found.isVisible()

    qtbot.waitUntil(shown, timeout=WAIT_MS)
    dialog = window.findChild(ManagerPinDialog)
    assert isinstance(dialog, ManagerPinDialog)
    return dialog
