"""The `cashier-app` command: runs the app, or one of the commands in `app/commands/`.

Each module in `cashier_app/app/commands/` has `register(registry)`; the registry adds its
subcommands with the options every command shares (`--config`).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import pkgutil
import sys
from collections.abc import Sequence
from pathlib import Path

from cashier_app import __version__
from cashier_app.app import commands as commands_pkg
from cashier_app.app.command_registry import CommandRegistry, Handler, common_options
from cashier_app.app.config import ConfigError
from cashier_app.app.context import CommandContext
from cashier_app.app.crash_log import CrashLog, one_line_error
from cashier_app.app.paths import default_paths
from cashier_app.printing.escpos_cache import import_leaving_no_temp_folder
from cashier_app.printing.escpos_cache import prepare as prepare_escpos


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cashier-app",
        description="Cashier companion: makes sure every paid order has a receipt.",
        parents=[common_options()],
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--demo", action="store_true",
                        help="run on embedded defaults: sandbox platform, virtual printer, sample receipts")
    parser.add_argument("--headless", action="store_true", help="run the services without a window")
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="UI language (default: from config, then locale)")
    parser.add_argument("--training", action="store_true", help="training mode against the sandbox")
    parser.add_argument("--scenario", help="sandbox scenario for --demo / --training")
    parser.add_argument("--platform", choices=("mp-v1", "wechatpay-v3", "alipay"),
                        help="with --demo / --training: the platform the sandbox plays (default mp-v1)")
    parser.add_argument("--run-seconds", type=float, default=0.0, metavar="S",
                        help="stop by itself after S seconds (smoke tests, screenshots)")
    parser.add_argument("--screenshot", type=Path, metavar="PNG",
                        help="with --run-seconds: save a picture of the window before stopping")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    registry = CommandRegistry(subparsers)
    for module_info in sorted(pkgutil.iter_modules(commands_pkg.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{commands_pkg.__name__}.{module_info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(registry)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    _give_streams_a_home()
    # Before any command imports python-escpos: its printer database read from the app's cache.
    prepare_escpos(default_paths().cache_dir / "escpos")
    # ... and imported once now, so that the temporary folder it makes anyway is made and removed there.
    import_leaving_no_temp_folder(default_paths().cache_dir / "escpos")
    parser = build_parser()
    args = parser.parse_args(argv)
    ctx = CommandContext(config_path=getattr(args, "config", None))
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None and args.command:
        # A command group called without its action: its help, and the exit code of a usage error.
        _subparser(parser, args.command).print_help(sys.stderr)
        return 2
    if ctx.config_path is not None and not ctx.config_path.is_file() and not _asks_for_config_path(args):
        # A mistyped --config must not silently run on defaults (another printer, no platform).
        print(f"配置错误 / configuration error: --config {ctx.config_path}: no such file", file=sys.stderr)
        return 2
    crash = CrashLog(ctx.paths.log_dir)
    try:
        if handler is None:
            from cashier_app.app.run import run_app

            return run_app(args, ctx)
        return handler(args, ctx)
    except ConfigError as exc:
        print(f"配置错误 / configuration error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Output piped into `head` and the like: stop quietly, as command-line tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except Exception as exc:
        # One line for the person at the terminal; the traceback goes to the crash log.
        with contextlib.suppress(Exception):
            crash.install(faults=False)
            crash.record(type(exc), exc, exc.__traceback__, where=f"cashier-app {args.command}")
            crash.uninstall()
        print(one_line_error(exc, crash.path), file=sys.stderr)
        return 1


def _give_streams_a_home() -> None:
    """The windowed Windows program has no console: sys.stdout and sys.stderr are None there, and the
    first print would raise. Its output goes nowhere (the log and crash log keep what matters);
    commands are for its console companion, cashier-app-cli."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 (for the process's life)


def _subparser(parser: argparse.ArgumentParser, name: str) -> argparse.ArgumentParser:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction) and name in action.choices:
            return action.choices[name]
    return parser


def _asks_for_config_path(args: argparse.Namespace) -> bool:
    """`config path` tells where a configuration would be read from: it need not exist yet."""
    return args.command == "config" and getattr(args, "config_command", None) == "path"
