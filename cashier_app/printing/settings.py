"""Printer and receipt-profile settings (specs/escpos.md)."""

from __future__ import annotations

from dataclasses import dataclass, field

PRINTER_KINDS = ("network", "usb", "serial", "cups", "lp", "win32raw", "file")
CHARSETS = ("gb18030", "gbk", "gb2312", "big5", "utf-8", "cp437", "cp850", "cp858", "cp866", "cp1252")


@dataclass
class ProfileSettings:
    """A receipt layout profile: paper width and character set."""

    columns: int = field(default=32, metadata={"min": 16, "max": 64})
    dots: int = field(default=384, metadata={"min": 128, "max": 832})
    charset: str = field(default="gbk", metadata={"choices": CHARSETS})
    # ESC t code page number sent for single-byte charsets.
    codepage: int = field(default=0, metadata={"min": 0, "max": 255})


@dataclass
class PrinterSettings:
    """One configured printer: how to reach it and how to lay receipts out for it."""

    kind: str = field(default="network", metadata={"choices": PRINTER_KINDS})
    profile: str = "58-gbk"
    # network
    host: str = "127.0.0.1"
    port: int = field(default=9100, metadata={"min": 1, "max": 65535})
    # usb (ids as numbers, e.g. 0x0416)
    usb_vendor_id: int = field(default=0, metadata={"min": 0, "max": 0xFFFF})
    usb_product_id: int = field(default=0, metadata={"min": 0, "max": 0xFFFF})
    usb_in_ep: int = field(default=0x82, metadata={"min": 0, "max": 0xFF})
    usb_out_ep: int = field(default=0x01, metadata={"min": 0, "max": 0xFF})
    # serial
    serial_port: str = ""
    baudrate: int = field(default=9600, metadata={"choices": (2400, 4800, 9600, 19200, 38400, 57600, 115200)})
    flow_control: str = field(default="none", metadata={"choices": ("none", "rtscts", "dsrdtr", "xonxoff")})
    # cups / lp / win32raw: the system queue's name; file: a device or file path
    queue_name: str = ""
    device_path: str = ""
    timeout_s: float = field(default=5.0, metadata={"min": 0.1, "max": 120.0})
    cutter: bool = True
    drawer_kick: bool = False
    # Ask DLE EOT status before each job (printers that do not answer can turn this off).
    check_status: bool = True
    # How long to wait for the one-byte answer to a DLE EOT query; silence means "unknown".
    status_timeout_s: float = field(default=0.5, metadata={"min": 0.05, "max": 10.0})


def _default_profiles() -> dict[str, ProfileSettings]:
    return {
        "58-gbk": ProfileSettings(columns=32, dots=384, charset="gbk"),
        "80-gb18030": ProfileSettings(columns=48, dots=576, charset="gb18030"),
        "80-42-gb18030": ProfileSettings(columns=42, dots=512, charset="gb18030"),
        "80-cp437": ProfileSettings(columns=48, dots=576, charset="cp437", codepage=0),
    }


def _default_printers() -> dict[str, PrinterSettings]:
    return {"receipt": PrinterSettings()}


@dataclass
class PrintingSettings:
    # Which of `printers` takes receipts.
    default_printer: str = "receipt"
    printers: dict[str, PrinterSettings] = field(default_factory=_default_printers)
    # Built-in profiles; a store adds its own under [printing.profiles.NAME].
    profiles: dict[str, ProfileSettings] = field(default_factory=_default_profiles)
    # Backoff while the printer is faulty: first wait and the longest wait between tries.
    retry_initial_s: float = field(default=0.2, metadata={"min": 0.01, "max": 60.0})
    retry_max_s: float = field(default=5.0, metadata={"min": 0.1, "max": 600.0})
    # Longest wait between probes of a printer that answers but cannot print (paper end, cover
    # open, connection refused at once): probes are cheap, and the queue resumes within this
    # much time of the printer being fixed. Printers that do not answer at all back off up to
    # retry_max_s instead.
    probe_max_s: float = field(default=0.5, metadata={"min": 0.05, "max": 60.0})
