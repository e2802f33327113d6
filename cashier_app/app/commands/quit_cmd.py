"""`cashier-app quit`: ask the running app (every instance of this user) to close cleanly, and wait.

For upgrades and scripts: the Windows installer does the same before it replaces the program, and
installer/linux/install.sh before it replaces the Linux one. Exit 0 when none runs any more, 1 when
one is still running after the wait.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from cashier_app.app.running_marker import is_running, request_quit

if TYPE_CHECKING:
    from cashier_app.app.command_registry import CommandRegistry
    from cashier_app.app.context import CommandContext


def register(registry: CommandRegistry) -> None:
    parser = registry.add("quit", "ask the running app to close cleanly and wait for it (upgrades, scripts)", _quit)
    parser.add_argument("--timeout", type=float, default=30.0, metavar="S",
                        help="seconds to wait for it to close (default 30)")


def _quit(args: argparse.Namespace, ctx: CommandContext) -> int:
    if not is_running():
        print("未在运行 / not running")
        return 0
    if request_quit(args.timeout):
        print("已关闭 / closed")
        return 0
    print(f"仍在运行 / still running after {args.timeout:g} s")
    return 1
