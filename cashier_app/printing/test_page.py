"""The test page a technician prints to check a printer: its name and connection, its profile, a
Chinese line, a width ruler and a QR code, laid out by the same code as receipts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo

from cashier_app.domain.local_time import store_time
from cashier_app.printing.layout import LayoutOptions, layout_receipt
from cashier_app.printing.profiles import printer_profile
from cashier_app.printing.settings import PrintingSettings

# Chinese punctuation and the full-width yuan sign: what a naive encoder turns into "?".
CHINESE_LINE = "中文：收银小票，￥12.34（完）"


@dataclass(frozen=True)
class TestPage:
    payload: bytes
    lines: tuple[str, ...]
    warnings: tuple[str, ...]

    __test__ = False  # not a pytest class


def ruler(columns: int) -> str:
    """`1234567890` repeated to exactly `columns` columns: the last digit printed shows the width."""
    return ("1234567890" * (columns // 10 + 1))[:columns]


def build_test_page(name: str, printing: PrintingSettings, target: str, zone: tzinfo) -> TestPage:
    """The test page of printer `name`, stamped with the store's time (`zone`)."""
    printer = printing.printers[name]
    profile = printer_profile(printing, name)
    lines = [
        "打印机测试页 TEST PAGE",
        f"printer: {name} ({printer.kind})",
        f"where: {target}",
        f"profile: {profile.name}",
        f"{profile.columns} cols / {profile.dots} dots / {profile.charset}",
        CHINESE_LINE if profile.double_byte else "(no Chinese in this profile's character set)",
        ruler(profile.columns),
        store_time(datetime.now(UTC), zone),
    ]
    options = LayoutOptions(cutter=printer.cutter, qr_data=f"cashier-app test page {name}")
    result = layout_receipt(lines, profile, options)
    return TestPage(result.payload, result.lines, result.warnings)
