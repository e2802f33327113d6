"""What the technician page may ask of the app, and the plain rows it shows. No Qt here: the app
implements `TechnicianServices` over the diagnosis, the file report, the print queue and the
sniffer (app/technician_adapter.py).

Calls marked "blocking" reach printers, the platform or the disk at length: the page runs them on a
worker thread (ui.background), never on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from cashier_app.ui.setup_rows import Stoppable


@dataclass(frozen=True)
class CheckRow:
    """One check of the diagnosis, in both languages (the page shows the one the window speaks)."""

    id: str
    title: str
    title_zh: str
    outcome: str  # ok | warning | fault
    message: str  # English, technical
    summary_zh: str
    hint: str  # what to do, English
    hint_zh: str


@dataclass(frozen=True)
class DiagnosisRow:
    checked_at: str  # local time "HH:MM:SS"
    outcome: str  # the worst of the checks
    checks: tuple[CheckRow, ...]


@dataclass(frozen=True)
class FolderRow:
    folder: str
    exists: bool
    readable: bool
    problem: str  # English; "" when the folder can be used


@dataclass(frozen=True)
class FileVersionRow:
    folder: str
    name: str
    written_at: str  # local date and time the till wrote it
    outcome: str  # receipt | refused | duplicate
    template: str | None
    encoding: str | None
    out_trade_no: str | None
    refusal: str | None  # the refusal reason (receipt refusal codes)
    detail: str  # English, what the file report says of it


@dataclass(frozen=True)
class FilesRow:
    headline_en: str
    headline_zh: str
    folders: tuple[FolderRow, ...]
    versions: tuple[FileVersionRow, ...]  # newest first


@dataclass(frozen=True)
class SniffedRow:
    number: int
    at: str  # local time "HH:MM:SS"
    peer: str  # the till
    upstream: str  # the printer
    size: int  # bytes the till sent
    replies: int  # bytes the printer answered
    forwarded: bool
    error: str  # English, why not forwarded
    text: str  # the decoded receipt
    flags: tuple[str, ...]  # what a real printer would garble (decoder's words, English)
    png: bytes | None  # the receipt as a picture


@dataclass(frozen=True)
class SnifferDefaults:
    listen_host: str
    listen_port: int
    upstream: str  # "host:port" of the configured network printer, "" when it is not one


@runtime_checkable
class TechnicianServices(Protocol):
    def diagnose(self) -> DiagnosisRow:
        """Every check of `cashier-app diagnose` (blocking: printers and the platform are asked)."""
        ...

    def file_activity(self) -> FilesRow:
        """The `cashier-app files` report: watched folders, and the newest versions written there."""
        ...

    def printer_names(self) -> list[str]:
        ...

    def print_test_page(self, printer: str) -> int:
        """Queue the test page for `printer` (it waits behind receipts, and is held like them); the job id."""
        ...

    def write_bundle(self, path: str) -> int:
        """Write the diagnostic bundle (blocking); returns the number of files in it."""
        ...

    def sniffer_defaults(self) -> SnifferDefaults:
        ...

    def start_sniffer(self, listen_host: str, listen_port: int, upstream: str,
                      on_job: Callable[[SniffedRow], None]) -> Stoppable:
        """Start the pass-through; `on_job` is called on a worker thread. Raises ValueError / OSError saying why not."""
        ...
