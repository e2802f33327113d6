"""What the setup wizard may ask of the app, and the plain values it passes. No Qt here: the app
implements `SetupServices` over its configuration, the printers, the watcher and the platform
(app/setup_adapter.py); the tests drive the wizard against that real implementation.

The wizard edits a `SetupDraft`: the settings a technician sets at a new store, in the words of the
wizard's steps. The app maps it onto the configuration it already has (so settings the wizard
does not show are kept), validates it, and writes it keeping the old file as a backup.

Calls marked "blocking" reach a printer, the network or the platform: the wizard runs them on a
worker thread (ui.background), never on the GUI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:  # the dialog module is Qt; this one stays free of it
    from cashier_app.ui.credentials_dialog import CredentialServices

# The paper widths a technician chooses from: columns and the printer's dots for them.
PAPER_WIDTHS: tuple[tuple[int, int, str], ...] = ((32, 384, "58 mm"), (42, 512, "80 mm"), (48, 576, "80 mm"))


@dataclass
class PrinterDraft:
    kind: str = "network"  # network | usb | serial | cups | lp | win32raw | file
    host: str = ""
    port: int = 9100
    usb_vendor_id: int = 0
    usb_product_id: int = 0
    serial_port: str = ""
    baudrate: int = 9600
    queue_name: str = ""
    device_path: str = ""
    # The paper and the character set (the app finds or makes the profile for them).
    columns: int = 32
    dots: int = 384
    charset: str = "gbk"
    codepage: int = 0
    cutter: bool = True
    drawer_kick: bool = False
    check_status: bool = True


@dataclass
class SetupDraft:
    # Language and store
    language: str = "auto"  # auto | zh_CN | en
    store_name: str = ""
    store_no: str = ""
    utc_offset: str = "+08:00"
    operator: str = "01"
    # The till's folder
    folders: list[str] = field(default_factory=list)
    patterns: list[str] = field(default_factory=lambda: ["print*.txt"])
    # Mode
    mode: str = "print"  # print | observe
    # Printer (the default printer)
    printer_name: str = "receipt"
    printer: PrinterDraft = field(default_factory=PrinterDraft)
    # Platform (the key is never here: it goes straight to the OS credential store)
    platform_kind: str = "mp-v1"  # mp-v1 | wechatpay-v3 | alipay
    base_url: str = ""
    merchant_no: str = ""
    terminal_no: str = ""
    # WeChat Pay API v3: a direct merchant's mchid, or a service provider's sp_mchid and sub_mchid
    wechat_base_url: str = ""
    wechat_mchid: str = ""
    wechat_sp_mchid: str = ""
    wechat_sub_mchid: str = ""
    wechat_serial_no: str = ""
    wechat_public_key_id: str = ""  # PUB_KEY_ID_…: public-key mode; empty: platform-certificate mode
    # Alipay
    alipay_gateway_url: str = ""
    alipay_app_id: str = ""


@dataclass(frozen=True)
class SetupProblem:
    key: str  # the configuration key, e.g. "watch.folders[0]"
    message: str  # English, naming what is allowed


@dataclass(frozen=True)
class WriteResult:
    path: str
    backup: str | None  # the previous file, kept; None when there was none


@dataclass(frozen=True)
class FolderLook:
    """One folder as it is now, for "nothing was written: here is what was looked at"."""

    folder: str
    exists: bool
    readable: bool
    problem: str | None  # English
    matching: tuple[str, ...]  # files there now that match the patterns
    other_text_files: tuple[str, ...]  # .txt files there now that do not match (a different name?)


@dataclass(frozen=True)
class WriteSeen:
    """A finished write of a watched file, seen live while the technician makes a test payment."""

    path: str
    written_at: str  # local time "HH:MM:SS"
    template: str | None  # "wechat-default", "vendor", "unknown:1a2b3c4d"
    out_trade_no: str | None
    refused: str | None  # the refusal reason when it is no receipt
    encoding: str | None = None


class Stoppable(Protocol):
    def stop(self) -> None: ...


@dataclass(frozen=True)
class FoundPrinter:
    kind: str  # usb | serial | lp | network
    where: str
    description: str  # English, technical
    verdict: str  # printer | not_a_printer | silent (network); printer otherwise
    printer: PrinterDraft  # the draft this choice gives


@dataclass(frozen=True)
class ScanProgress:
    done: int
    total: int
    found: tuple[FoundPrinter, ...]


@dataclass(frozen=True)
class ScanOutcome:
    found: tuple[FoundPrinter, ...]
    probed: int
    total: int
    cancelled: bool


@dataclass(frozen=True)
class PrinterAnswer:
    """What a printer said to a check or a page: a fault code ("" = fine) with words in both languages."""

    ok: bool
    code: str
    text_en: str
    text_zh: str
    hint_en: str = ""
    hint_zh: str = ""
    detail: str = ""  # technical, English
    answers_status: bool = False  # it answered DLE EOT with a valid status byte


@dataclass(frozen=True)
class ChartChoice:
    number: int
    label: str
    charset: str
    codepage: int


@runtime_checkable
class SetupServices(Protocol):
    # Why the configuration in place could not be read (the wizard then starts from the defaults); None: it was.
    load_error: str | None

    def draft(self) -> SetupDraft:
        """The draft from the configuration in place (defaults where there is none)."""
        ...

    def config_file(self) -> str:
        ...

    def has_config(self) -> bool:
        ...

    def problems(self, draft: SetupDraft) -> list[SetupProblem]:
        """What stops the draft from being written; [] when it can be."""
        ...

    def preview(self, draft: SetupDraft) -> str:
        """The configuration file the draft gives, as it would be written."""
        ...

    def write(self, draft: SetupDraft) -> WriteResult:
        """Validate and write; the old file is kept as a backup. Raises with the key on a problem."""
        ...

    # -- the till's folder ----------------------------------------------------------------------
    def look_at_folders(self, folders: list[str], patterns: list[str]) -> list[FolderLook]:
        ...

    def watch(self, folders: list[str], patterns: list[str], on_seen: Callable[[WriteSeen], None]) -> Stoppable:
        """Watch live; `on_seen` is called on a worker thread for each finished write from now on."""
        ...

    # -- the printer (blocking) -------------------------------------------------------------------
    def local_printers(self) -> tuple[list[FoundPrinter], list[str]]:
        """USB, serial and system queues on this computer, and notes on what could not be listed."""
        ...

    def local_ranges(self) -> list[str]:
        """The network ranges around this computer's addresses (a suggestion for the scan)."""
        ...

    def scan(self, ranges: str, port: int, progress: Callable[[ScanProgress], None],
             cancel: threading.Event) -> ScanOutcome:
        """Scan the ranges (as typed: addresses, ranges, host:port) for printers; raises ValueError on a bad one."""
        ...

    def check_printer(self, printer: PrinterDraft) -> PrinterAnswer:
        ...

    def print_page(self, printer: PrinterDraft, page: str) -> PrinterAnswer:
        """page: "test" | "chart" | "cutter" | "drawer"."""
        ...

    def chart_choices(self) -> list[ChartChoice]:
        ...

    # -- the platform ---------------------------------------------------------------------------
    def platform_kinds(self) -> list[str]:
        ...

    def credentials(self, draft: SetupDraft) -> CredentialServices:
        """The secret's store and the signed check for the draft's platform and terminal (an API key, or for
        WeChat Pay and Alipay the private key as PEM). Blocking: check_key() is run on a worker."""
        ...

    def public_key_file(self, draft: SetupDraft) -> str | None:
        """Where the draft's platform public key (or certificates) is kept, or None when its kind needs none."""
        ...

    def save_public_key(self, draft: SetupDraft, text: str) -> str:
        """Check the platform's public key or certificates (PEM) and write them where the configuration names;
        returns a description of what was written. Raises ValueError with the reason."""
        ...
