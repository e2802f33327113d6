"""`cashier-app diagnose [--bundle OUT.zip] [--json]`: the field technician's checks.

Exit status: 0 when no check found a fault (warnings allowed), 1 when one did.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from cashier_app.app.config import AppConfig, ConfigError, to_dict
from cashier_app.domain.local_time import store_zone

if TYPE_CHECKING:
    from cashier_app.app.command_registry import CommandRegistry
    from cashier_app.app.context import CommandContext
    from cashier_app.diagnostics.checks import DiagnosisInputs


def register(registry: CommandRegistry) -> None:
    parser = registry.add("diagnose", "check configuration, folders, journal, printers, platform, clock and keyring")
    parser.add_argument("--bundle", type=Path, metavar="OUT.zip",
                        help="also write a diagnostic bundle (report, config, logs, jobs; never the API key)")
    parser.add_argument("--with-receipts", action="store_true",
                        help="with --bundle: add the archived print.txt files of the last day (they hold order data)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--offline", action="store_true", help="do not contact the printers or the platform")
    parser.add_argument("--printer-timeout", type=float, default=2.0, metavar="S",
                        help="seconds to wait for each printer (default 2)")
    parser.add_argument("--platform-timeout", type=float, default=3.0, metavar="S",
                        help="seconds to wait for the platform (default 3)")
    parser.set_defaults(handler=_diagnose)


def diagnosis_inputs(ctx: CommandContext, **options: object) -> DiagnosisInputs:
    """What the diagnosis needs, from the command's context; a broken config falls back to defaults."""
    from cashier_app.diagnostics.checks import DiagnosisInputs

    error = None
    try:
        config = ctx.config
    except ConfigError as exc:
        config, error = AppConfig(), str(exc)
    paths = ctx.paths
    inputs = DiagnosisInputs(
        config_file=paths.config_file, config=to_dict(config), watch=config.watch, printing=config.printing,
        platform=config.platform, data_dir=paths.data_dir, log_dir=paths.log_dir, journal_file=paths.journal_file,
        config_error=error, mode=config.general.mode, zone=store_zone(config.parser.utc_offset),
    )
    for name, value in options.items():
        setattr(inputs, name, value)
    return inputs


def _diagnose(args: argparse.Namespace, ctx: CommandContext) -> int:
    from cashier_app.diagnostics.bundle import BundleOptions, write_bundle
    from cashier_app.diagnostics.checks import run_diagnosis
    from cashier_app.diagnostics.outcomes import Outcome

    inputs = diagnosis_inputs(ctx, network=not args.offline, printer_timeout_s=args.printer_timeout,
                              platform_timeout_s=args.platform_timeout)
    diagnosis = run_diagnosis(inputs)
    report = diagnosis.report
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2, default=str))
    else:
        print(report.to_text(), end="")
    if args.bundle is not None:
        try:
            members = write_bundle(args.bundle, diagnosis, inputs, BundleOptions(with_receipts=args.with_receipts))
        except OSError as exc:
            print(f"错误 / error: cannot write the bundle {args.bundle}: {exc}", file=sys.stderr)
            return 1
        print(f"诊断包已保存 / bundle written: {args.bundle} ({len(members)} files)", file=sys.stderr)
    return 1 if report.outcome is Outcome.FAULT else 0
