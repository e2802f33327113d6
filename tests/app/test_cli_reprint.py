"""`cashier-app printer reprint`: the command line asks the paper desk like every other path. The copy
is written to the journal (marked REPRINT, audited with the person and the reason) and the running
app's print queue prints it, here on the virtual printer over TCP."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from cashier_app.app.cli import main
from cashier_app.app.context import CommandContext
from cashier_app.app.services import AppServices, RunOptions
from cashier_app.emulator.server import VirtualPrinter
from cashier_app.journal.audit import AuditFilter, AuditStore
from tests.helpers.watch import receipt_bytes


@pytest.fixture
def printer() -> Iterator[VirtualPrinter]:
    with VirtualPrinter() as started:
        yield started


@pytest.fixture
def store(tmp_path: Path, printer: VirtualPrinter) -> Iterator[tuple[Path, AppServices]]:
    till = tmp_path / "till"
    till.mkdir()
    config = tmp_path / "store.toml"
    config.write_text("\n".join([
        "[general]", f"data_dir = {json.dumps(str(tmp_path / 'data'))}", 'operator = "07"',
        "[watch]", f"folders = [{json.dumps(str(till))}]",
        "[reconcile]", "enabled = false",
        "[printing.printers.receipt]", 'kind = "network"', 'host = "127.0.0.1"', f"port = {printer.port}",
    ]) + "\n", encoding="utf-8")
    ctx = CommandContext(config_path=config)
    services = AppServices(ctx.config, ctx.paths, RunOptions())
    services.start()
    yield config, services
    services.stop()


def test_a_copy_asked_on_the_command_line_is_printed_by_the_running_app(store: tuple[Path, AppServices],
                                                                        printer: VirtualPrinter, capsys) -> None:
    config, services = store
    (Path(services.config.watch.folders[0]) / "print_1.txt").write_bytes(receipt_bytes(1))
    [original] = printer.wait_for_jobs(1, timeout=10)
    assert "REPRINT" not in original.text()
    assert services.queue is not None and services.queue.wait_idle(10)

    assert main(["printer", "reprint", "202611220001", "--reason", "顾客要求", "--config", str(config)]) == 0
    assert "copy 2 (REPRINT) queued" in capsys.readouterr().out
    copy = printer.wait_for_jobs(2, timeout=10)[1]  # the app's queue found the job another process wrote
    assert "重打小票 REPRINT" in copy.text() and "副本 COPY 2" in copy.text() and "顾客要求" in copy.text()
    assert services.journal is not None
    [row] = AuditStore(services.journal).list(AuditFilter(out_trade_no="202611220001"))
    assert (row.action, row.actor, row.reason, row.copy_no) == ("reprint", "07", "顾客要求", 2)

    assert main(["printer", "reprint", "202611229999", "--reason", "x", "--config", str(config)]) == 3


def test_no_copy_while_the_original_still_waits_for_the_printer(store: tuple[Path, AppServices],
                                                               printer: VirtualPrinter, capsys) -> None:
    config, services = store
    printer.set_condition("paper-end")
    (Path(services.config.watch.folders[0]) / "print_2.txt").write_bytes(receipt_bytes(2))
    printer.wait_for_connections(2, timeout=10)  # asked, and held
    assert main(["printer", "reprint", "202611220002", "--reason", "顾客要求", "--config", str(config)]) == 5
    assert "not printed" in capsys.readouterr().err
    printer.set_condition("online")
    printer.wait_for_jobs(1, timeout=10)
    assert services.queue is not None and services.queue.wait_idle(10)
    assert len(printer.jobs) == 1
