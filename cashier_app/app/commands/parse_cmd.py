"""`cashier-app parse FILE... [--json]`: read print.txt files the way the watcher does, for technicians.

Answers "was this a receipt, what did it say, which template wrote it, in which encoding" without
running the app. Uses the configured label lists (`--config` applies). Exit 0 when every file is a
receipt, 3 when one is not (the answer says why), 1 when one cannot be read at all.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cashier_app.domain.money import yuan
from cashier_app.domain.receipt import Receipt, Refusal
from cashier_app.domain.receipt_parser import parse_receipt

if TYPE_CHECKING:
    from cashier_app.app.command_registry import CommandRegistry
    from cashier_app.app.context import CommandContext

_FIELD_WIDTH = 17
EXIT_UNREADABLE, EXIT_NOT_A_RECEIPT = 1, 3


def register(registry: CommandRegistry) -> None:
    parser = registry.add("parse", "read print.txt files and show the receipt (or why it is not one)", _parse)
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help="print.txt files to read")
    parser.add_argument("--json", action="store_true",
                        help="one JSON object per file and line, with the keys of expected.json")


def _parse(args: argparse.Namespace, ctx: CommandContext) -> int:
    settings = ctx.config.parser
    all_read = all_receipts = True
    for path in args.files:
        try:
            data = path.read_bytes()
        except OSError as exc:
            all_read = False
            reason = f"cannot read: {path}: {exc.strerror or exc}"
            if args.json:
                _print_json({"error": reason})
            else:
                print(f"{path}\n  {reason}")
            continue
        result = parse_receipt(data, settings)
        all_receipts = all_receipts and isinstance(result, Receipt)
        if args.json:
            _print_json(result.fields())
        else:
            print(_summary(path, len(data), result))
    if not all_read:
        return EXIT_UNREADABLE
    return 0 if all_receipts else EXIT_NOT_A_RECEIPT


def _print_json(obj: dict[str, Any]) -> None:
    print(json.dumps(obj, ensure_ascii=False), flush=True)


def _summary(path: Path, size: int, result: Receipt | Refusal) -> str:
    lines = [f"{path}  ({size} bytes)"]
    if isinstance(result, Refusal):
        lines.append(f"  not a receipt: {result.reason.value}")
        if result.detail:
            lines.append(f"  {'detail':<{_FIELD_WIDTH}}{result.detail}")
        return "\n".join(lines)
    lines.append(f"  {'template':<{_FIELD_WIDTH}}{result.template}")
    for name, value in result.fields().items():
        shown = "-" if value is None else value
        if name == "amount" and isinstance(value, int):
            shown = f"{value} fen ({yuan(value)} yuan)"
        lines.append(f"  {name:<{_FIELD_WIDTH}}{shown}")
    lines.append(f"  {'lines':<{_FIELD_WIDTH}}{len(result.lines)}")
    return "\n".join(lines)
