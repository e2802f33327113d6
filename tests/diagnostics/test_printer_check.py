"""check_printer against the virtual printer over real TCP, through python-escpos's Network class."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from cashier_app.diagnostics.outcomes import Outcome
from cashier_app.diagnostics.printer_check import PAPER_NEAR_END, STATUS_NOT_ASKED, check_printer
from cashier_app.emulator.server import VirtualPrinter
from cashier_app.emulator.status import PrinterCondition
from cashier_app.printing import faults
from cashier_app.printing.settings import PrinterSettings
from tests.helpers.net import free_port


@pytest.fixture
def vp() -> Iterator[VirtualPrinter]:
    printer = VirtualPrinter(port=0).start()
    yield printer
    printer.stop()


def settings_for(port: int, **changes: object) -> PrinterSettings:
    settings = PrinterSettings(kind="network", host="127.0.0.1", port=port, timeout_s=1.0, status_timeout_s=0.3)
    for name, value in changes.items():
        setattr(settings, name, value)
    return settings


def test_online_printer_is_ready(vp: VirtualPrinter) -> None:
    found = check_printer(settings_for(vp.port), timeout_s=1.0)
    assert found.reachable and found.code == "" and found.can_print
    assert found.outcome is Outcome.OK
    assert found.state == "ready" and found.raw["1"] == "12"
    assert vp.status_queries_answered >= 4  # DLE EOT 1..4 were really asked


@pytest.mark.parametrize(("condition", "code", "words"), [
    (PrinterCondition.OFFLINE, faults.OFFLINE, "offline"),
    (PrinterCondition.COVER_OPEN, faults.COVER_OPEN, "cover"),
    (PrinterCondition.PAPER_END, faults.PAPER_END, "paper"),
    (PrinterCondition.CUTTER_ERROR, faults.CUTTER_ERROR, "cutter"),
    (PrinterCondition.UNRECOVERABLE, faults.UNRECOVERABLE, "switch it off"),
])
def test_faults_come_with_a_plain_hint(vp: VirtualPrinter, condition: PrinterCondition, code: str,
                                       words: str) -> None:
    vp.set_condition(condition)
    found = check_printer(settings_for(vp.port), timeout_s=1.0)
    assert found.reachable and found.code == code and not found.can_print
    assert found.outcome is Outcome.FAULT
    assert words in found.hint.lower() and found.hint_zh
    assert found.to_json()["outcome"] == "fault"


def test_paper_near_end_still_prints_but_warns(vp: VirtualPrinter) -> None:
    vp.set_condition(PrinterCondition.PAPER_NEAR_END)
    found = check_printer(settings_for(vp.port), timeout_s=1.0)
    assert found.code == PAPER_NEAR_END and found.can_print
    assert found.outcome is Outcome.WARNING and "new roll" in found.hint


def test_a_silent_printer_is_unknown_never_fine(vp: VirtualPrinter) -> None:
    vp.stall(True)
    try:
        found = check_printer(settings_for(vp.port), timeout_s=1.0)
    finally:
        vp.stall(False)
    assert found.reachable and found.state == "unknown" and found.code == faults.STATUS_UNKNOWN
    assert found.outcome is Outcome.WARNING and not found.can_print
    assert "check_status" in found.hint and "0.3 s" in found.hint


def test_nothing_listening_is_not_connected_with_cable_ip_port_hint() -> None:
    port = free_port()
    found = check_printer(settings_for(port), timeout_s=0.5)
    assert not found.reachable and found.code == faults.NOT_CONNECTED
    assert found.outcome is Outcome.FAULT
    assert "switched on" in found.hint and "IP address" in found.hint and f"port {port}" in found.hint
    assert f"127.0.0.1:{port}" in found.detail


def test_check_status_off_connects_but_does_not_ask(vp: VirtualPrinter) -> None:
    vp.set_condition(PrinterCondition.PAPER_END)  # it would say so, if asked
    found = check_printer(settings_for(vp.port, check_status=False), timeout_s=1.0)
    assert found.reachable and found.code == STATUS_NOT_ASKED and found.outcome is Outcome.WARNING
    assert "check_status is off" in found.hint


def test_incomplete_settings_and_unusable_kinds_are_faults() -> None:
    serial = check_printer(PrinterSettings(kind="serial", serial_port=""), timeout_s=0.5)
    assert serial.code == faults.NOT_CONFIGURED and serial.outcome is Outcome.FAULT
    assert "serial_port" in serial.detail
    windows = check_printer(PrinterSettings(kind="win32raw", queue_name="POS-58"), timeout_s=0.5)
    assert windows.code == faults.UNSUPPORTED_ON_PLATFORM and not windows.reachable

