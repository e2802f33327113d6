"""What a command module registers itself with (its `register(registry)`): here, apart from the command line's
entry point (cli.py), which imports the command modules to find them."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from cashier_app.app.context import CommandContext

Handler = Callable[[argparse.Namespace, CommandContext], int]


def common_options() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--config", type=Path, default=argparse.SUPPRESS, metavar="PATH",
        help="configuration file to use instead of the one in the user config folder",
    )
    return common


class CommandRegistry:
    def __init__(self, subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
        self._subparsers = subparsers
        self.common = common_options()

    def add(self, name: str, help: str, handler: Handler | None = None) -> argparse.ArgumentParser:
        parser = self._subparsers.add_parser(name, help=help, description=help, parents=[self.common])
        if handler is not None:
            parser.set_defaults(handler=handler)
        return parser
