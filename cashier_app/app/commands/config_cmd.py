"""`cashier-app config show|path|check`."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from cashier_app.app.config import to_toml

if TYPE_CHECKING:
    from cashier_app.app.cli import CommandContext, CommandRegistry


def register(registry: CommandRegistry) -> None:
    parser = registry.add("config", "show or check the configuration")
    sub = parser.add_subparsers(dest="config_command", metavar="ACTION")
    sub.add_parser("show", help="print the effective configuration as TOML",
                   parents=[registry.common]).set_defaults(handler=_show)
    sub.add_parser("path", help="print the path of the configuration file in use",
                   parents=[registry.common]).set_defaults(handler=_path)
    sub.add_parser("check", help="validate the configuration file",
                   parents=[registry.common]).set_defaults(handler=_check)


def _show(args: argparse.Namespace, ctx: CommandContext) -> int:
    print(to_toml(ctx.config), end="")
    return 0


def _path(args: argparse.Namespace, ctx: CommandContext) -> int:
    print(ctx.paths.config_file)
    return 0


def _check(args: argparse.Namespace, ctx: CommandContext) -> int:
    _ = ctx.config
    print(f"ok: {ctx.paths.config_file}" + ("" if ctx.paths.config_file.exists() else " (not present: defaults)"))
    return 0
