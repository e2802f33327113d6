"""UI test fixtures: a UiServices implementation over plain lists (the UI's own seam), the bridge,
the window, and the language switch (restored after each test: nothing global leaks)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from PySide6.QtWidgets import QApplication

from cashier_app.ui.bridge import ServiceBridge
from cashier_app.ui.i18n import install_translator, remove_translators
from cashier_app.ui.main_window import MainWindow
from cashier_app.ui.rows import JobRow, ReceiptRow


class ServiceError(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass
class ListServices:
    """UiServices over lists; records what the window asked for."""

    receipts: list[ReceiptRow] = field(default_factory=list)
    held: list[JobRow] = field(default_factory=list)
    printers: list[str] = field(default_factory=lambda: ["前台"])
    operator_name: str = "01 王芳"
    reprints: list[tuple[int, str]] = field(default_factory=list)
    retried: list[int] = field(default_factory=list)
    cancelled: list[tuple[int, str]] = field(default_factory=list)
    fail_with: Exception | None = None

    def receipts_today(self) -> list[ReceiptRow]:
        return list(self.receipts)

    def reprint(self, receipt_id: int, reason: str) -> None:
        if self.fail_with is not None:
            raise self.fail_with
        self.reprints.append((receipt_id, reason))

    def retry_job(self, job_id: int) -> None:
        if self.fail_with is not None:
            raise self.fail_with
        self.retried.append(job_id)

    def cancel_job(self, job_id: int, reason: str) -> None:
        self.cancelled.append((job_id, reason))

    def held_jobs(self) -> list[JobRow]:
        return list(self.held)

    def operator(self) -> str:
        return self.operator_name

    def printer_names(self) -> list[str]:
        return list(self.printers)


def receipt(receipt_id: int, time: str, amount: int | None = 1250, **changes: object) -> ReceiptRow:
    values: dict[str, object] = {
        "receipt_id": receipt_id,
        "seen_at_local": time,
        "out_trade_no": f"202406111532{receipt_id:08d}",
        "amount_fen": amount,
        "channel": "WECHAT",
        "kind": "SALE",
        "printed": "printed",
        "template": "wechat-default",
        "encoding": "gb18030",
    }
    values.update(changes)
    return ReceiptRow(**values)  # type: ignore[arg-type]


def held_job(job_id: int, receipt_id: int, reason: str = "paper_end") -> JobRow:
    return JobRow(job_id, receipt_id, "前台", "held", out_trade_no=f"202406111532{receipt_id:08d}", amount_fen=990,
                  reason=reason, detail="paper end sensor")


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
        window = MainWindow(services, bridge)
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
