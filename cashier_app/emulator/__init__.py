"""The virtual ESC/POS network printer: decoder, renderer and TCP server (specs/escpos.md)."""

from cashier_app.emulator.decoder import decode, is_status_only
from cashier_app.emulator.job import (
    Align,
    Barcode,
    Beep,
    Cut,
    DecodedJob,
    DrawerKick,
    Feed,
    Flag,
    FlagKind,
    QrCode,
    RasterImage,
    TextLine,
    TextRun,
    TextStyle,
    paper_columns,
)
from cashier_app.emulator.server import JobOutcome, ReceivedJob, VirtualPrinter
from cashier_app.emulator.status import PrinterCondition, asb_bytes, status_byte

__all__ = [
    "Align", "Barcode", "Beep", "Cut", "DecodedJob", "DrawerKick", "Feed", "Flag", "FlagKind", "JobOutcome",
    "PrinterCondition", "QrCode", "RasterImage", "ReceivedJob", "TextLine", "TextRun", "TextStyle",
    "VirtualPrinter", "asb_bytes", "decode", "is_status_only", "paper_columns", "status_byte",
]
