"""`cashier-app sandbox`: run the sandbox platform until Ctrl-C.

`--platform wechatpay-v3` or `alipay` emulates that platform instead of MP API v1, over the same
/sandbox/* control API; `--keys-out DIR` writes the merchant's (or app's) private key and the
platform's public key and certificate there, and a `platform.json` with the numbers a client needs.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cashier_app.app.command_registry import CommandRegistry
    from cashier_app.app.context import CommandContext
    from cashier_app.sandbox.server import SandboxServer


def register(registry: CommandRegistry) -> None:
    parser = registry.add("sandbox", "run the sandbox platform (MP API v1, WeChat Pay v3 or Alipay) on loopback", _run)
    parser.add_argument("--platform", choices=("mp-v1", "wechatpay-v3", "alipay"), default="mp-v1",
                        help="which platform to emulate (default mp-v1)")
    parser.add_argument("--keys-out", type=Path, metavar="DIR",
                        help="wechatpay-v3/alipay: write the keys a client signs and verifies with into DIR "
                             "(kept keys there are reused)")
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
    if args.keys_out is not None and args.platform == "mp-v1":
        print("--keys-out is for --platform wechatpay-v3 or alipay (MP API v1 uses the key below)", file=sys.stderr)
        return 2
    try:
        sandbox = SandboxServer(host=args.host, port=args.port, db_path=args.db, scenario=args.scenario,
                                platform=args.platform, keys_dir=args.keys_out)
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
        if args.platform == "mp-v1":
            print(f"商户平台沙箱 / merchant platform sandbox: {sandbox.base_url}")
            print(f"  X-Mch-No: {DEFAULT_MERCHANT}   X-Terminal-No: {DEFAULT_TERMINAL}   key: {DEFAULT_KEY}")
            print(f"  API: {sandbox.base_url}/api/v1/orders/{{query,sync,list,close}}   "
                  f"OpenAPI: {sandbox.base_url}/openapi.json")
        else:
            _print_channel(sandbox, args.keys_out)
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


def _print_channel(sandbox: SandboxServer, keys_out: Path | None) -> None:
    from cashier_app.sandbox.emulator_keys import describe

    if keys_out is None or sandbox.channel_keys is None:
        name = "微信支付 / WeChat Pay API v3" if sandbox.platform == "wechatpay-v3" else "支付宝 / Alipay gateway"
        print(f"{name} emulator: {sandbox.base_url}  (no --keys-out: its keys were not written anywhere)")
        return
    info = describe(sandbox.platform, sandbox.base_url, keys_out, sandbox.channel_keys)
    files = info["files"]
    assert isinstance(files, dict)
    if sandbox.platform == "wechatpay-v3":
        print(f"微信支付沙箱 / WeChat Pay API v3 emulator: {sandbox.base_url}")
        print(f"  mchid {info['mchid']} (service provider: sp_mchid {info['sp_mchid']}, sub_mchid "
              f"{info['sub_mchid']}), merchant serial {info['merchant_serial_no']}")
        print(f"  public key ID {info['public_key_id']}, platform certificate serial "
              f"{info['platform_certificate_serial']}")
        print("  config:")
        print('    [platform]\n    kind = "wechatpay-v3"\n    [platform.wechatpay]')
        print(f'    base_url = "{sandbox.base_url}"')
        print(f'    mchid = "{info["mchid"]}"\n    merchant_serial_no = "{info["merchant_serial_no"]}"')
        print(f'    public_key_id = "{info["public_key_id"]}"\n    public_key_file = "{files["public_key"]}"')
        print(f"  then: cashier-app credentials set --kind merchant-private-key < {files['merchant_private_key']}")
    else:
        print(f"支付宝沙箱 / Alipay gateway emulator: {info['gateway_url']}")
        print("  config:")
        print(f'    [platform]\n    kind = "alipay"\n    [platform.alipay]\n    gateway_url = "{info["gateway_url"]}"')
        print(f'    app_id = "{info["app_id"]}"\n    public_key_file = "{files["public_key"]}"')
        print(f"  then: cashier-app credentials set --kind app-private-key < {files['app_private_key']}")
    print(f"  keys and platform.json in {keys_out}")
