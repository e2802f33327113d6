"""Status bytes: the spec's table, exact bytes per condition, and the reply forms."""

from __future__ import annotations

import pytest

from cashier_app.emulator import PrinterCondition, asb_bytes, status_byte
from cashier_app.emulator.status import drawer_byte, paper_sensor_byte
from tests.helpers.printer_status import EXPECTED, EXPECTED_ASB


@pytest.mark.parametrize("condition", list(PrinterCondition))
def test_status_bytes_match_the_table_and_have_the_valid_form(condition: PrinterCondition) -> None:
    replies = tuple(status_byte(condition, n) for n in (1, 2, 3, 4))
    assert replies == EXPECTED[condition]
    assert all(b & 0x93 == 0x12 for b in replies)  # 0xx1xx10


@pytest.mark.parametrize("condition", list(PrinterCondition))
def test_asb_bytes(condition: PrinterCondition) -> None:
    asb = asb_bytes(condition)
    assert asb.hex() == EXPECTED_ASB[condition]
    assert asb[0] & 0x93 == 0x10  # 0xx1xx00


def test_conditions_by_cli_name_and_printability() -> None:
    assert PrinterCondition("paper-end") is PrinterCondition.PAPER_END
    assert {c for c in PrinterCondition if c.can_print} == {PrinterCondition.ONLINE, PrinterCondition.PAPER_NEAR_END}


def test_drawer_and_paper_sensor() -> None:
    assert status_byte("online", 1, drawer_open=True) == 0x16
    assert asb_bytes("online", drawer_open=True)[0] == 0x14
    assert paper_sensor_byte("paper-end") == 0x0C
    assert paper_sensor_byte("paper-near-end") == 0x03
    assert drawer_byte(True) == 1
    with pytest.raises(ValueError, match=r"1\.\.4"):
        status_byte("online", 5)
