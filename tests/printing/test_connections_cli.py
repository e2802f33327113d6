"""`cashier-app printer test` and `printer discover` against the virtual printer."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from cashier_app.app.cli import main
from cashier_app.emulator.server import VirtualPrinter
from tests.helpers.printer_config import write_config


@pytest.fixture
def printer() -> Iterator[VirtualPrinter]:
    vp = VirtualPrinter("127.0.0.1", 0).start()
    yield vp
    vp.stop()


def test_test_page_prints_name_profile_chinese_ruler_and_qr(printer: VirtualPrinter, isolated_home: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    write_config(isolated_home, printer.port)
    assert main(["printer", "test"]) == 0
    assert "test page sent to receipt" in capsys.readouterr().out
    [job] = printer.wait_for_jobs(1)
    text = job.text()
    assert "printer: receipt (network)" in text
    assert "profile: 58-gbk" in text and "32 cols / 384 dots / gbk" in text
    assert "中文：收银小票，￥12.34（完）" in text
    assert "12345678901234567890123456789012" in text
    [qr] = job.decoded.qr_codes
    assert qr.text == "cashier-app test page receipt"
    assert job.decoded.cuts
    assert job.decoded.flags == [], [f.describe() for f in job.decoded.flags]


def test_test_page_not_sent_to_a_printer_with_its_cover_open(printer: VirtualPrinter, isolated_home: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    write_config(isolated_home, printer.port)
    printer.set_condition("cover-open")
    assert main(["printer", "test"]) == 1
    assert "打印机上盖打开" in capsys.readouterr().err
    assert printer.all_jobs == []


def test_discover_probes_only_the_hosts_given(printer: VirtualPrinter, isolated_home: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["printer", "discover", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert "network" not in found["found"]
    assert any("nothing scanned" in note for note in found["notes"])
    assert printer.connections_accepted == 0

    assert main(["printer", "discover", "--hosts", "127.0.0.1", "--port", str(printer.port), "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    [net] = found["found"]["network"]
    assert net["where"] == f"127.0.0.1:{printer.port}" and "ESC/POS status online" in net["description"]
    assert f"port = {printer.port}" in net["settings_hint"]
    assert isinstance(found["found"]["serial"], list) and isinstance(found["found"]["usb"], list)
