"""`cashier-app printer status` against the virtual printer."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from cashier_app.app.cli import main
from cashier_app.emulator.server import VirtualPrinter
from tests.helpers.net import free_port
from tests.helpers.printer_config import write_config


@pytest.fixture
def printer() -> Iterator[VirtualPrinter]:
    vp = VirtualPrinter("127.0.0.1", 0).start()
    yield vp
    vp.stop()


def test_status_of_a_ready_printer(printer: VirtualPrinter, isolated_home: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    write_config(isolated_home, printer.port)
    assert main(["printer", "status"]) == 0
    out = capsys.readouterr().out
    assert "receipt: ready" in out and "n1=12 n2=12 n3=12 n4=12" in out


def test_status_of_a_printer_out_of_paper_as_json(printer: VirtualPrinter, isolated_home: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    write_config(isolated_home, printer.port)
    printer.set_condition("paper-end")
    assert main(["printer", "status", "receipt", "--json"]) == 1
    [row] = json.loads(capsys.readouterr().out)
    assert row["state"] == "paper_end" and row["code"] == "paper_end" and row["text"] == "打印机缺纸"
    assert row["raw"] == {"1": "1a", "2": "32", "3": "12", "4": "72"}
    assert not row["can_print"]


def test_status_of_a_printer_not_there(isolated_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    port = free_port()
    write_config(isolated_home, port)
    assert main(["printer", "status"]) == 1
    out = capsys.readouterr().out
    assert "打印机未连接" in out and f"127.0.0.1:{port}" in out and "ECONNREFUSED" in out


def test_status_of_an_unknown_printer_name(isolated_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_config(isolated_home, 9100)
    assert main(["printer", "status", "kitchen"]) == 2
    assert "kitchen" in capsys.readouterr().err
