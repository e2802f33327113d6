"""`cashier-app files [--last N] [--json]`: was print.txt written, when, and by which template?

For each watched folder: whether it exists and can be read and written, the files matching the
patterns right now, and the newest versions the app recorded from it (outcome, template,
encoding, order number). Reads the journal without changing it.

Exit status: 0 when every watched folder can be read, 1 when one is missing or unreadable (or
none is configured), so a script or a technician's checklist cannot take "nothing written" for
"fine" when the app cannot even look.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cashier_app.app.command_registry import CommandRegistry
    from cashier_app.app.context import CommandContext


def register(registry: CommandRegistry) -> None:
    parser = registry.add("files", "was print.txt written, when, by which template (watched folders and journal)")
    parser.add_argument("--last", type=_positive, default=10, metavar="N",
                        help="versions to show per folder (default 10)")
    parser.add_argument("--recent-minutes", type=float, default=60.0, metavar="M",
                        help="what counts as written recently (default 60)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(handler=_files)


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _files(args: argparse.Namespace, ctx: CommandContext) -> int:
    from cashier_app.diagnostics.file_activity import file_report
    from cashier_app.domain.local_time import store_zone

    config = ctx.config
    report = file_report(config.watch, ctx.paths.journal_file, zone=store_zone(config.parser.utc_offset),
                         last=args.last, recent_s=args.recent_minutes * 60)
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        print(report.to_text(), end="")
    problems = report.unusable()
    for problem in problems:
        print(f"错误 / error: {problem}", file=sys.stderr)
    return 1 if problems else 0
