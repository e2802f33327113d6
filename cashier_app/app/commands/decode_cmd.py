"""`cashier-app decode FILE.bin`: show what a printer would make of an ESC/POS job."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cashier_app.emulator.decoder import SUPPORTED_CHARSETS, decode
from cashier_app.emulator.describe import describe_job
from cashier_app.emulator.job import Barcode, Cut, DecodedJob, QrCode, RasterImage, TextLine

if TYPE_CHECKING:
    from cashier_app.app.command_registry import CommandRegistry
    from cashier_app.app.context import CommandContext


def register(registry: CommandRegistry) -> None:
    parser = registry.add("decode", "decode an ESC/POS job file: text with styles, codes, cuts and problems",
                          _decode)
    parser.add_argument("file", type=Path, metavar="FILE.bin", help="raw bytes sent to a printer")
    parser.add_argument("--charset", default="gbk", choices=SUPPORTED_CHARSETS,
                        help="the printer's character set in Chinese mode (default: gbk)")
    parser.add_argument("--dots", type=int, default=384, help="paper width in dots: 384 (58 mm), 576 or 512 (80 mm)")
    parser.add_argument("--png", type=Path, metavar="OUT.png", help="also draw the receipt to this file")
    parser.add_argument("--commands", action="store_true", help="list every command with its byte offset")
    parser.add_argument("--strict", action="store_true", help="exit with status 1 when anything is flagged")
    parser.add_argument("--json", action="store_true",
                        help="machine-readable output: every item in order, the flags, the status queries")


def _decode(args: argparse.Namespace, ctx: CommandContext) -> int:
    try:
        data = args.file.read_bytes()
    except OSError as exc:
        print(f"decode: cannot read {args.file}: {exc}", file=sys.stderr)
        return 2
    if args.dots < 8:
        print("decode: --dots must be at least 8", file=sys.stderr)
        return 2
    job = decode(data, charset=args.charset, dots=args.dots)
    report = _as_json(job, args) if args.json else None
    if report is None:
        print(describe_job(job, show_commands=args.commands))
    if args.png is not None:
        from cashier_app.emulator.render import render_receipt

        rendered = render_receipt(job, args.dots)
        args.png.write_bytes(rendered.png)
        if report is None:
            print(f"picture: {args.png} ({rendered.width}x{rendered.height})")
        else:
            report["picture"] = {"path": str(args.png), "width": rendered.width, "height": rendered.height}
        for warning in rendered.warnings:
            print(f"warning: {warning}", file=sys.stderr)
    if report is not None:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    return 1 if args.strict and job.flags else 0


def _as_json(job: DecodedJob, args: argparse.Namespace) -> dict[str, Any]:
    items: list[dict[str, Any]] = []
    for item in job.items:
        entry: dict[str, Any] = {"kind": item.kind, "offset": item.offset}
        if isinstance(item, TextLine):
            entry.update(text=item.text, align=item.align.value, columns=item.columns, bold=item.bold,
                         size=[item.style.width, item.style.height], terminated=item.terminated)
        elif isinstance(item, QrCode | Barcode):
            entry.update(text=item.text, align=item.align.value)
        elif isinstance(item, Cut):
            entry.update(partial=item.partial, feed_dots=item.feed_dots)
        elif isinstance(item, RasterImage):
            entry.update(width=item.width, height=item.height)
        items.append(entry)
    report: dict[str, Any] = {
        "file": str(args.file), "bytes": job.size, "charset": job.charset, "dots": job.dots,
        "items": items,
        "flags": [{"kind": f.kind.value, "offset": f.offset, "line": f.line, "message": f.message} for f in job.flags],
        "status_queries": job.status_queries,
    }
    if args.commands:
        report["commands"] = [{"offset": c.offset, "name": c.name, "detail": c.detail} for c in job.commands]
    return report
