"""The window starts with only the page it shows; every other page is built the first time it is shown
(its key, its tab, or a call), so a till starts fast and small whatever its journal holds."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt

from cashier_app.ui.history_page import HistoryPage
from cashier_app.ui.reports_page import ReportsPage
from tests.helpers.live_app import LiveApp


@pytest.fixture
def app(make_live_app: Callable[..., LiveApp]) -> LiveApp:
    return make_live_app()


def test_only_the_first_page_is_built_at_start(app: LiveApp, qtbot: Any, language: Any) -> None:
    window = app.window
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=10_000)
    assert set(window.pages()) == {"lookup"}
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert "Receipt history" in titles and "Reports and handover" in titles  # every tab is there to choose

    qtbot.keyClick(window, Qt.Key.Key_F6)  # its key builds it
    assert isinstance(window.current_page(), HistoryPage) and "history" in window.pages()
    reports_tab = titles.index("Reports and handover")
    window.tabs.setCurrentIndex(reports_tab)  # as a click on its tab does
    assert isinstance(window.current_page(), ReportsPage)
    assert window.tabs.tabText(reports_tab) == "Reports and handover"

    language("zh_CN")  # tabs of pages not built yet follow the language too
    assert "报表与交班" in [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert "异常案例" in [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert "cases" not in window.pages()
