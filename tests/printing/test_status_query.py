"""query_status over real TCP, through python-escpos's Network, against the virtual printer."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from escpos.printer import Network

from cashier_app.emulator.server import VirtualPrinter
from cashier_app.printing.connections import close_quietly, open_connection
from cashier_app.printing.settings import PrinterSettings
from cashier_app.printing.status import PrinterState, query_status


@pytest.fixture
def printer() -> Iterator[VirtualPrinter]:
    vp = VirtualPrinter("127.0.0.1", 0).start()
    yield vp
    vp.stop()


def _settings(vp: VirtualPrinter) -> PrinterSettings:
    return PrinterSettings(kind="network", host="127.0.0.1", port=vp.port, timeout_s=2.0, status_timeout_s=0.3)


@pytest.mark.parametrize(
    ("condition", "state", "raw"),
    [
        ("online", PrinterState.READY, "12 12 12 12"),
        ("paper-near-end", PrinterState.PAPER_NEAR_END, "12 12 12 1e"),
        ("paper-end", PrinterState.PAPER_END, "1a 32 12 72"),
        ("cover-open", PrinterState.COVER_OPEN, "1a 16 12 12"),
        ("offline", PrinterState.OFFLINE, "1a 12 12 12"),
        ("cutter-error", PrinterState.CUTTER_ERROR, "1a 52 1a 12"),
        ("unrecoverable", PrinterState.UNRECOVERABLE, "1a 52 32 12"),
    ],
)
def test_each_condition_of_the_virtual_printer(printer: VirtualPrinter, condition: str, state: PrinterState,
                                               raw: str) -> None:
    printer.set_condition(condition)
    conn = open_connection(_settings(printer))
    try:
        assert isinstance(conn, Network)
        status = query_status(conn, timeout=2.0)
    finally:
        close_quietly(conn)
    assert status.state is state
    assert " ".join(status.raw[n].hex() for n in (1, 2, 3, 4)) == raw
    assert status.can_print is (state in (PrinterState.READY, PrinterState.PAPER_NEAR_END))
    # A status poll is not a job.
    assert printer.all_jobs == []


def test_drawer_open_is_a_flag_not_a_fault(printer: VirtualPrinter) -> None:
    printer.set_drawer_open(True)
    conn = open_connection(_settings(printer))
    try:
        status = query_status(conn, timeout=2.0)
    finally:
        close_quietly(conn)
    assert status.state is PrinterState.READY and "drawer_pin3" in status.flags


def test_a_stalled_printer_is_unknown_never_fine(printer: VirtualPrinter) -> None:
    printer.stall()
    conn = open_connection(_settings(printer))
    try:
        status = query_status(conn, timeout=0.3)
    finally:
        close_quietly(conn)
        printer.stall(False)
    assert status.state is PrinterState.UNKNOWN
    assert not status.can_print
    assert status.raw == {1: b""}  # stops at the first silent query
    assert "no reply to DLE EOT 1" in status.detail


def test_python_escpos_paper_status_would_have_said_plenty(printer: VirtualPrinter) -> None:
    """Why query_status exists: escpos 3.1 turns silence into "plenty of paper" (specs/escpos.md)."""
    printer.stall()
    conn = Network("127.0.0.1", printer.port, timeout=0.3)
    try:
        conn.open()
        try:
            said = conn.paper_status()
        except TimeoutError:
            said = None  # a socket timeout instead of an answer: also not a status
        assert said in (2, None)
        assert query_status(conn, timeout=0.3).state is PrinterState.UNKNOWN
    finally:
        close_quietly(conn)
        printer.stall(False)


def test_a_file_printer_cannot_answer_status(tmp_path) -> None:
    settings = PrinterSettings(kind="file", device_path=str(tmp_path / "lp0"))
    conn = open_connection(settings)
    try:
        status = query_status(conn)
    finally:
        close_quietly(conn)
    assert status.state is PrinterState.UNKNOWN and "cannot read" in status.detail
    assert (tmp_path / "lp0").read_bytes() == b""  # no status query bytes end up on paper
