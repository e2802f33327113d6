"""The held jobs' banner of a window."""

from __future__ import annotations

from cashier_app.ui.held_jobs_banner import HeldJobsBanner
from cashier_app.ui.main_window import MainWindow
from cashier_app.ui.receipts_page import ReceiptsPage


def banner_of(window: MainWindow) -> HeldJobsBanner:
    page = window.page("receipts")
    assert isinstance(page, ReceiptsPage)
    return page.banner
