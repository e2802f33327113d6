"""UI test fixtures: a UiServices implementation over plain lists (the UI's own seam), the bridge,
the window, and the language switch (restored after each test: nothing global leaks)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QApplication

from cashier_app.app.config import AppConfig
from cashier_app.app.paths import default_paths
from cashier_app.app.qt_app import WindowApp
from cashier_app.app.services import AppServices, RunOptions
from cashier_app.ui.bridge import ServiceBridge
from cashier_app.ui.i18n import install_translator, remove_translators
from cashier_app.ui.main_window import MainWindow
from cashier_app.ui.window_pages import window_pages
from tests.helpers.live_app import LiveApp, short_polls
from tests.helpers.ui_services import ListServices, receipt


@pytest.fixture
def services() -> ListServices:
    return ListServices(
        receipts=[
            receipt(1, "09:01:05", 1250),
            receipt(2, "09:15:40", 3800, channel="ALIPAY"),
            receipt(3, "10:02:11", 500, channel="UNIONPAY", kind="REFUND", printed="queued"),
        ]
    )


@pytest.fixture
def bridge() -> ServiceBridge:
    return ServiceBridge()


@pytest.fixture
def make_window(qtbot, bridge: ServiceBridge):
    def make(services: ListServices) -> MainWindow:
        window = MainWindow(services, bridge, registry=window_pages("receipts"))
        qtbot.addWidget(window)
        return window

    return make


@pytest.fixture
def window(make_window, services: ListServices) -> MainWindow:
    return make_window(services)


@pytest.fixture
def language(qapp: QApplication) -> Iterator[object]:
    """Call language("zh_CN" | "en") to switch; English source strings again afterwards."""

    def switch(name: str) -> str:
        resolved = install_translator(qapp, name)
        qapp.processEvents()  # deliver LanguageChange to the widgets
        return resolved

    yield switch
    remove_translators(qapp)
    qapp.processEvents()


# --- the real app: services on loopback (sandbox, virtual printer, queue, journal) and its window ---------


@pytest.fixture
def make_live_app(qtbot) -> Iterator[Callable[..., LiveApp]]:
    """make_live_app(training=False) -> LiveApp; everything is stopped after the test."""
    started: list[WindowApp] = []

    def make(*, training: bool = False, store_name: str = "测试门店",
             configure: Callable[[AppConfig], None] | None = None, platform: str = "mp-v1") -> LiveApp:
        config = AppConfig()
        config.general.store_name = store_name
        config.general.operator = "07"
        config.reconcile.enabled = False  # cases come from the tests' own lookups: nothing raised behind their back
        config.platform.max_attempts = 1  # a platform fault is a fault at once, not after retries
        config.platform.backoff_base_s = 0.01
        config.platform.backoff_max_s = 0.05
        if configure is not None:
            configure(config)
        options = RunOptions(demo=not training, training=training, demo_interval_s=0, platform=platform)
        services = AppServices(config, default_paths(), options)
        joined = WindowApp(services)
        started.append(joined)
        window = joined.start()
        qtbot.addWidget(window)
        short_polls(services)
        return LiveApp(joined, services)

    yield make
    for joined in started:
        joined.stop()
