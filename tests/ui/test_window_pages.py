"""The window's pages come from one registry (ui/window_pages.py): the tabs, their titles and the pages'
headings, the page keys and what the tabs say to a screen reader all follow it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt

from cashier_app.ui.window_pages import WINDOW_PAGES, window_pages
from tests.helpers.live_app import LiveApp


def test_the_window_shows_the_registered_pages_and_each_key_opens_its_page(
        make_live_app: Callable[..., LiveApp], qtbot: Any, language: Any) -> None:
    app = make_live_app()
    window = app.window
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=10_000)
    assert [spec.key for spec in window_pages().specs()] == [spec.key for spec in WINDOW_PAGES]
    for zone in ("en", "zh_CN"):
        language(zone)
        titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
        assert titles == [spec.title() for spec in WINDOW_PAGES]  # in the registry's order, before being built
        keys = window.tabs.accessibleDescription()
        for spec in WINDOW_PAGES:
            if spec.shortcut:
                assert f"{spec.shortcut} {spec.title()}" in keys
    shortcuts = {spec.shortcut: spec for spec in WINDOW_PAGES if spec.shortcut}
    assert len(shortcuts) == len([spec for spec in WINDOW_PAGES if spec.shortcut]) >= 7  # one page a key
    for key, spec in shortcuts.items():
        qtbot.keyClick(window, getattr(Qt.Key, f"Key_{key}"))  # the page keys are function keys
        page = window.current_page()
        assert page is window.page(spec.key) and page.property("pageKey") == spec.key
        assert page.title() == spec.title()  # the page's heading says what its tab says
    for spec in WINDOW_PAGES:  # the audit trail and people have no key: they are shown by their page key
        assert window.show_page(spec.key) is window.page(spec.key)
