"""What a page of the main window is, and the registry that lists the pages.

A page is a QWidget subclass of `Page`; the window shows the registered pages as tabs, in the order they
were registered. Every page the window has is registered in one place, `ui/window_pages.py` (key, title,
shortcut, the protected action it needs, factory): the main window, its shortcuts, the sign-in checks
and the tests read it. To add a page, add its `PageSpec` there.

A page for some people only names the protected action it needs (`PageSpec.requires`); with sign-in
on, the window shows its tab only to a person who may do that action.

The window calls `refresh()` on F5 for the current page, `reprint_selected()` on Ctrl+P when the
current page `can_reprint`, and on Ctrl+F shows the first page that `has_lookup` and calls its
`focus_lookup()`. Pages report short texts for the status bar through `status_message`. Before the
app stops its services, the window calls `shutdown()` on every page (pages with worker threads stop them).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QWidget

from cashier_app.ui.bridge import ServiceBridge
from cashier_app.ui.services import UiServices


@dataclass(frozen=True)
class PageContext:
    """What a page may use: the services (actions, start-up data) and the bridge (live events)."""

    services: UiServices
    bridge: ServiceBridge
    # The page's entry in the registry (its key and title); None for a page shown outside the window.
    spec: PageSpec | None = None


class Page(QWidget):
    """Base class for a page. Subclasses set up their widgets in __init__(context, parent)."""

    status_message = Signal(str, str)  # text (already translated), severity (theme.OK/INFO/ATTENTION/FAULT)
    title_changed = Signal()
    cases_changed = Signal()  # the page's actions may have opened or closed cases: the window recounts

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context

    def title(self) -> str:
        """The page's title (its tab and its heading), translated: the registry's."""
        return self.context.spec.title() if self.context.spec is not None else ""

    # Ctrl+F shows the first page with a lookup field and calls focus_lookup() on it.
    has_lookup: ClassVar[bool] = False
    # Ctrl+P calls reprint_selected() on the current page when it can reprint.
    can_reprint: ClassVar[bool] = False

    def refresh(self) -> None:
        """Reload from the services (F5)."""

    def focus_lookup(self) -> None:
        """Put the keyboard focus in this page's lookup field (scanner input lands there)."""

    def reprint_selected(self) -> QWidget | None:
        """Start a reprint of the selected item; returns the dialog it opened, if any."""
        return None

    def retranslate(self) -> None:
        """Set every text again after a language change."""

    def shutdown(self) -> None:
        """The app is quitting: drop results still to come and start nothing new (the services stop next)."""

    def wait_stopped(self, timeout_ms: int = 10_000) -> bool:
        """After shutdown() and the services' stop: wait for the page's worker threads to end."""
        return True

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.title_changed.emit()
        super().changeEvent(event)


PageFactory = Callable[[PageContext], Page]


@dataclass(frozen=True)
class PageSpec:
    key: str  # stable name ("receipts", "lookup", "cases")
    title: Callable[[], str]  # the tab's and the page's heading, translated when called
    factory: PageFactory  # usually the Page subclass itself
    shortcut: str | None = None  # key sequence that shows the page, e.g. "F2"
    # A ProtectedAction value (domain/access.py): the tab shows only to a person who may do it by themselves
    # (e.g. "manage_people" for the people page, "technician_tools" for the technician's); None: everyone.
    requires: str | None = None


class PageRegistry:
    """Pages in the order they are shown; keys and shortcuts are each one page's."""

    def __init__(self, specs: tuple[PageSpec, ...] = ()) -> None:
        self._specs: dict[str, PageSpec] = {}
        for spec in specs:
            self.register(spec)

    def register(self, spec: PageSpec) -> None:
        if spec.key in self._specs:
            raise ValueError(f"page {spec.key!r} is already registered")
        taken = {other.shortcut: other.key for other in self._specs.values() if other.shortcut}
        if spec.shortcut and spec.shortcut in taken:
            raise ValueError(f"shortcut {spec.shortcut} of page {spec.key!r} is page {taken[spec.shortcut]!r}'s")
        self._specs[spec.key] = spec

    def specs(self) -> list[PageSpec]:
        return list(self._specs.values())

    def spec(self, key: str) -> PageSpec:
        return self._specs[key]

    def __contains__(self, key: object) -> bool:
        return key in self._specs
