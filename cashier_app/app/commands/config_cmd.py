"""`cashier-app config show|path|check`."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from cashier_app.app.config import ConfigError, to_toml

if TYPE_CHECKING:
    from cashier_app.app.command_registry import CommandRegistry
    from cashier_app.app.context import CommandContext


def register(registry: CommandRegistry) -> None:
    parser = registry.add("config", "show or check the configuration")
    sub = parser.add_subparsers(dest="config_command", metavar="ACTION")
    sub.add_parser("show", help="print the effective configuration as TOML",
                   parents=[registry.common]).set_defaults(handler=_show)
    path = sub.add_parser("path", help="print the path of the configuration file in use",
                          parents=[registry.common])
    path.add_argument("--all", action="store_true",
                      help="every folder the app writes to, one 'kind: path' a line (for installers and support)")
    path.set_defaults(handler=_path)
    check = sub.add_parser("check", help="validate the configuration file (exit 0 valid, 2 not)",
                           parents=[registry.common])
    check.add_argument("--json", action="store_true", help="machine-readable output")
    check.set_defaults(handler=_check)


def _show(args: argparse.Namespace, ctx: CommandContext) -> int:
    print(to_toml(ctx.config), end="")
    return 0


def _path(args: argparse.Namespace, ctx: CommandContext) -> int:
    if not args.all:
        print(ctx.paths.config_file)
        return 0
    paths = ctx.paths  # a data_dir set in the configuration moves the data folder
    for kind, where in (("config", paths.config_file), ("data", paths.data_dir), ("logs", paths.log_dir),
                        ("cache", paths.cache_dir)):
        print(f"{kind}: {where}")
    return 0


def _check(args: argparse.Namespace, ctx: CommandContext) -> int:
    path = ctx.paths.config_file
    try:
        _ = ctx.config
    except ConfigError as exc:
        if not args.json:
            raise  # the command line's usual one line, exit 2
        print(json.dumps({"file": str(path), "present": path.exists(), "valid": False, "error": str(exc)},
                         ensure_ascii=False, indent=2))
        return 2
    if args.json:
        print(json.dumps({"file": str(path), "present": path.exists(), "valid": True}, ensure_ascii=False, indent=2))
    else:
        print(f"ok: {path}" + ("" if path.exists() else " (not present: defaults)"))
    return 0
