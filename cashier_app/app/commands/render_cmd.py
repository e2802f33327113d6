"""`cashier-app render FILE --profile NAME -o OUT.bin [--png OUT.png] [--reprint]`.

Lays a print.txt out exactly as the app would send it to the printer and writes the bytes, so a
technician can see (and send by hand: `nc printer 9100 < OUT.bin`) what the printer gets. Prints
what the printer will not show as the till wrote it (characters its set lacks, a barcode that
cannot be printed). Exit 0 when written, 1 when the file is not a receipt or cannot be read or
written, 2 for an unknown profile.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from cashier_app.domain.local_time import store_time, store_zone
from cashier_app.domain.receipt import Refusal
from cashier_app.domain.receipt_parser import parse_receipt
from cashier_app.printing.layout import LayoutOptions, LayoutResult, ReprintMark, layout_receipt
from cashier_app.printing.profiles import Profile, ProfileError, decode_charset, printer_profile, resolve_profile

if TYPE_CHECKING:
    from cashier_app.app.command_registry import CommandRegistry
    from cashier_app.app.context import CommandContext


def register(registry: CommandRegistry) -> None:
    parser = registry.add("render", "lay a print.txt out as the ESC/POS bytes the printer would receive", _render)
    parser.add_argument("file", type=Path, metavar="FILE", help="a print.txt file (GBK, GB18030 or UTF-8)")
    parser.add_argument("--profile", metavar="NAME",
                        help="receipt profile, e.g. 58-gbk, 80-gb18030 (default: the default printer's)")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.bin",
                        help="where to write the ESC/POS bytes")
    parser.add_argument("--png", type=Path, metavar="OUT.png",
                        help="also draw the receipt as the virtual printer prints it (one pixel per dot)")
    parser.add_argument("--reprint", action="store_true", help="mark it as a reprint (重打小票) at the top")
    parser.add_argument("--copy-no", type=int, default=2, metavar="N", help="copy number for --reprint (default 2)")
    parser.add_argument("--reason", default="", help="reason printed under a reprint's header")
    parser.add_argument("--no-qr", action="store_true", help="leave out the QR code of the merchant order number")
    parser.add_argument("--no-cutter", action="store_true", help="feed only, no cut (default: the printer's setting)")


def _render(args: argparse.Namespace, ctx: CommandContext) -> int:
    settings = ctx.config.printing
    try:
        profile = resolve_profile(settings, args.profile) if args.profile else printer_profile(settings)
    except ProfileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        data = args.file.read_bytes()
    except OSError as exc:
        print(f"error: cannot read {args.file}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    receipt = parse_receipt(data, ctx.config.parser)
    if isinstance(receipt, Refusal):
        detail = f" ({receipt.detail})" if receipt.detail else ""
        print(f"error: {args.file} is not a receipt: {receipt.reason.value}{detail}", file=sys.stderr)
        return 1
    printer = settings.printers.get(settings.default_printer)
    cutter = (printer.cutter if printer is not None else True) and not args.no_cutter
    reprint = None
    if args.reprint:
        reprinted_at = store_time(datetime.now(UTC), store_zone(ctx.config.parser.utc_offset))
        reprint = ReprintMark(copy_no=args.copy_no, reprinted_at=reprinted_at, reason=args.reason)
    options = LayoutOptions(
        cutter=cutter,
        qr_data=None if args.no_qr else receipt.out_trade_no,
        reprint=reprint,
    )
    result = layout_receipt(receipt.lines, profile, options)
    try:
        args.output.write_bytes(result.payload)
    except OSError as exc:
        print(f"error: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"{args.output}: {len(result.payload)} bytes, {len(result.lines)} lines, profile {profile.name} "
          f"({profile.columns} columns, {profile.charset})")
    if args.png is not None:
        return _write_png(result, profile, args.png)
    return 0


def _write_png(result: LayoutResult, profile: Profile, path: Path) -> int:
    # Imported here: Pillow and the fonts are only needed for pictures.
    from cashier_app.emulator.render import render_bytes_png

    try:
        path.write_bytes(render_bytes_png(result.payload, charset=decode_charset(profile), dots=profile.dots))
    except OSError as exc:
        print(f"error: cannot write {path}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"{path}: picture of the receipt ({profile.dots} dots wide)")
    return 0
