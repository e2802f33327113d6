"""`cashier-app sandbox`: run the sandbox merchant platform until Ctrl-C."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cashier_app.app.cli import CommandContext, CommandRegistry


def register(registry: CommandRegistry) -> None:
    parser = registry.add("sandbox", "run the sandbox merchant platform (MP API v1) on loopback", _run)
    parser.add_argument("--port", type=int, default=8765, help="TCP port (default 8765; 0 = any free port)")
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (default 127.0.0.1; the control API answers loopback only)")
    parser.add_argument("--scenario", metavar="NAME",
                        help="stage a scenario on an empty platform (see --list-scenarios)")
    parser.add_argument("--db", type=Path, metavar="PATH",
                        help="SQLite file to keep the platform in (default: in memory, gone on exit)")
    parser.add_argument("--list-scenarios", action="store_true", help="list the scenarios and exit")


def _run(args: argparse.Namespace, ctx: CommandContext) -> int:
    from cashier_app.sandbox import DEFAULT_KEY, DEFAULT_MERCHANT, DEFAULT_TERMINAL, SandboxServer
    from cashier_app.sandbox import scenarios as scenario_files
    from cashier_app.sandbox.server import is_loopback

    if args.list_scenarios:
        for name in scenario_files.available():
            print(f"{name:18} {scenario_files.load_raw(name).get('title', '')}")
        return 0
    if args.scenario and args.scenario not in scenario_files.available():
        print(f"no scenario {args.scenario!r}; available: {', '.join(scenario_files.available())}", file=sys.stderr)
        return 2
    if not 0 <= args.port <= 65535:
        print("--port must be 0-65535", file=sys.stderr)
        return 2
    try:
        sandbox = SandboxServer(host=args.host, port=args.port, db_path=args.db, scenario=args.scenario)
        sandbox.start()
    except OSError as exc:
        print(f"cannot listen on {args.host}:{args.port}: {exc}", file=sys.stderr)
        return 1
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    previous = signal.signal(signal.SIGTERM, on_signal)
    try:
        state = sandbox.control.state()
        print(f"商户平台沙箱 / merchant platform sandbox: {sandbox.base_url}")
        print(f"  X-Mch-No: {DEFAULT_MERCHANT}   X-Terminal-No: {DEFAULT_TERMINAL}   key: {DEFAULT_KEY}")
        print(f"  API: {sandbox.base_url}/api/v1/orders/{{query,sync,list,close}}   "
              f"OpenAPI: {sandbox.base_url}/openapi.json")
        print(f"  control (loopback only): {sandbox.base_url}/sandbox/state")
        print(f"  orders: {len(state['orders'])}"
              + (f"   scenario: {state['scenario']}" if state["scenario"] else "")
              + (f"   db: {args.db}" if args.db else "   db: in memory"))
        if not is_loopback(args.host):
            print("  warning: listening beyond loopback; the control API still answers loopback clients only",
                  file=sys.stderr)
        print("Ctrl-C to stop.", flush=True)
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        sandbox.stop()
        print("sandbox stopped.")
    return 0
