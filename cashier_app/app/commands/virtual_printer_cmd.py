"""`cashier-app virtual-printer`: a network receipt printer on this machine, until Ctrl-C.

Each job is written to the output folder as NNNN.bin and NNNN.png, and its decoded text and
flags are printed. While it runs, typing a condition name (online, paper-end, cover-open, ...)
on standard input changes what the printer reports. With `--serial` it also has a serial face:
a pseudo-terminal whose device path it prints, to give the app as its serial port (POSIX).

With `--forward HOST:PORT` it is a sniffer instead: a pass-through between the till and the real
printer that forwards every byte both ways unchanged, and records and draws what the till sent
(emulator/sniffer.py).
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from cashier_app.emulator.decoder import SUPPORTED_CHARSETS
from cashier_app.emulator.describe import describe_job
from cashier_app.emulator.server import ReceivedJob, VirtualPrinter
from cashier_app.emulator.status import PrinterCondition

if TYPE_CHECKING:
    from cashier_app.app.cli import CommandRegistry
    from cashier_app.app.context import CommandContext


def register(registry: CommandRegistry) -> None:
    parser = registry.add("virtual-printer", "run a virtual ESC/POS network printer (for the demo, technicians "
                          "and tests)", _run)
    parser.add_argument("--port", type=int, default=9100, help="TCP port (default 9100; 0 picks a free one)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder for NNNN.bin / NNNN.png")
    parser.add_argument("--status", default=PrinterCondition.ONLINE.value,
                        choices=[c.value for c in PrinterCondition], help="condition to report (default online)")
    parser.add_argument("--charset", default="gbk", choices=SUPPORTED_CHARSETS,
                        help="character set in Chinese mode (default gbk)")
    parser.add_argument("--dots", type=int, default=384, help="paper width in dots: 384 (58 mm), 576 or 512 (80 mm)")
    parser.add_argument("--idle-timeout", type=float, default=None, metavar="S",
                        help="seconds without data that end a job on an open connection (default 0.3; 1.0 with "
                             "--forward)")
    parser.add_argument("--serial", action="store_true",
                        help="also answer on a serial line: a pseudo-terminal whose device path is printed, to set "
                             "as the printer's serial port (not on Windows)")
    parser.add_argument("--forward", metavar="HOST:PORT",
                        help="sniffer mode: pass every byte through to the real printer at HOST:PORT (and its "
                             "answers back), recording and drawing what the till sends")


def _print_job(job: ReceivedJob) -> None:
    where = f" -> {job.png_path or job.bin_path}" if job.bin_path else ""
    header = f"=== job {job.number:04d} {job.outcome.value} ({len(job.raw)} bytes from {job.peer}){where}"
    if not job.printed:
        header += f" [printer {job.condition.value}: nothing printed]"
    print(header)
    print(describe_job(job.decoded), flush=True)


def _read_conditions(printer: VirtualPrinter, stop: threading.Event) -> None:
    """Lines typed on stdin change the condition; end of input just stops listening."""
    for line in sys.stdin:
        word = line.strip()
        if not word:
            continue
        try:
            printer.set_condition(word)
            print(f"condition: {printer.condition.value}", flush=True)
        except ValueError:
            names = ", ".join(c.value for c in PrinterCondition)
            print(f"unknown condition {word!r} (one of {names})", flush=True)
        if stop.is_set():
            return


def _run(args: argparse.Namespace, ctx: CommandContext) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s", stream=sys.stderr)
    if args.forward:
        if args.serial:
            print("virtual-printer: --serial is for the virtual printer, not the --forward sniffer", file=sys.stderr)
            return 2
        return _sniff(args)
    if args.idle_timeout is None:
        args.idle_timeout = 0.3
    printer = VirtualPrinter(host=args.host, port=args.port, out_dir=args.out, condition=args.status,
                             charset=args.charset, dots=args.dots, idle_timeout_s=args.idle_timeout,
                             on_job=_print_job)
    try:
        printer.start()
    except OSError as exc:
        print(f"virtual-printer: cannot listen on {args.host}:{args.port}: {exc}", file=sys.stderr)
        return 2
    if args.serial:
        try:
            print(f"virtual printer serial port: {printer.open_serial()}", flush=True)
        except OSError as exc:
            printer.stop()
            print(f"virtual-printer: cannot open a serial line here: {exc}", file=sys.stderr)
            return 2
    stop = threading.Event()

    def _on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, _on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    print(f"virtual printer listening on {args.host}:{printer.port} ({printer.condition.value}, "
          f"{printer.charset}, {printer.dots} dots), jobs in {args.out}; Ctrl-C stops", flush=True)
    if sys.stdin is not None and not sys.stdin.closed:
        threading.Thread(target=_read_conditions, args=(printer, stop), daemon=True,
                         name="virtual-printer-stdin").start()
    try:
        while not stop.wait(0.5):  # short waits keep Ctrl-C responsive on Windows
            pass
    finally:
        printer.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    print(f"virtual printer stopped ({len(printer.jobs)} printed, {len(printer.rejected_jobs)} rejected)",
          flush=True)
    return 0


def _sniff(args: argparse.Namespace) -> int:
    from cashier_app.emulator.sniffer import PassThroughPrinter, SniffedJob

    host, _, port_text = str(args.forward).rpartition(":")
    if not host or not port_text.isdigit() or not 1 <= int(port_text) <= 65535:
        print(f"virtual-printer: --forward {args.forward!r}: give the printer as HOST:PORT, e.g. 192.168.1.50:9100",
              file=sys.stderr)
        return 2

    def show(job: SniffedJob) -> None:
        where = f" -> {job.png_path or job.bin_path}" if job.bin_path else ""
        state = "forwarded" if job.forwarded else f"NOT forwarded: {job.error}"
        print(f"=== job {job.number:04d} {state} ({len(job.raw)} bytes from {job.peer}, {len(job.replies)} bytes "
              f"back from {job.upstream}){where}")
        if job.raw:
            print(describe_job(job.decoded), flush=True)

    sniffer = PassThroughPrinter((host, int(port_text)), args.host, args.port, args.out, args.charset, args.dots,
                                 args.idle_timeout if args.idle_timeout is not None else 1.0, on_job=show)
    try:
        sniffer.start()
    except OSError as exc:
        print(f"virtual-printer: cannot listen on {args.host}:{args.port}: {exc}", file=sys.stderr)
        return 2
    stop = threading.Event()

    def _on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, _on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    print(f"sniffer listening on {args.host}:{sniffer.port}, forwarding to {args.forward}; jobs in {args.out}; "
          "point the till at this computer; Ctrl-C stops", flush=True)
    try:
        while not stop.wait(0.5):
            pass
    finally:
        sniffer.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    print(f"sniffer stopped ({len(sniffer.jobs)} jobs)", flush=True)
    return 0
