"""`cashier-app printer status|test|discover|jobs|reprint`: the technician's printer tools.

`reprint` asks the paper desk (cashier_app/paper) for a copy of an order's receipt, as every other path
does: it is written to the journal, marked REPRINT with its copy number, and audited with the person and
the reason; the running app's print queue prints it (or the app does when it next starts)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from cashier_app.app.cli_access import CommandRefused, add_person_option, person_for, refused
from cashier_app.printing.faults import PrinterFault, fault_text

if TYPE_CHECKING:
    from cashier_app.app.cli import CommandRegistry
    from cashier_app.app.context import CommandContext
    from cashier_app.journal.print_jobs import PrintJobRecord
    from cashier_app.printing.discovery import Found
    from cashier_app.printing.settings import PrintingSettings


def register(registry: CommandRegistry) -> None:
    parser = registry.add("printer", "printer status, test page, discovery and the print queue")
    sub = parser.add_subparsers(dest="printer_command", metavar="ACTION")

    status = sub.add_parser("status", help="ask the printer(s) for their status (DLE EOT 1..4)",
                            parents=[registry.common])
    status.add_argument("name", nargs="?", help="printer name (default: every configured printer)")
    status.add_argument("--json", action="store_true", help="machine-readable output")
    status.set_defaults(handler=_status)

    test = sub.add_parser("test", help="print a test page: name, profile, Chinese line, width ruler, QR code",
                          parents=[registry.common])
    test.add_argument("name", nargs="?", help="printer name (default: the default printer)")
    test.add_argument("--force", action="store_true", help="send even when the printer reports a fault")
    test.set_defaults(handler=_test)

    discover = sub.add_parser(
        "discover", parents=[registry.common],
        help="list serial ports, USB printers, system queues; network printers only where you ask",
    )
    discover.add_argument("--hosts", nargs="+", default=[], metavar="TARGET",
                          help="probe these: an address or name, ADDRESS:PORT, or a range such as 192.168.1.0/24 "
                               "(nothing is scanned otherwise)")
    discover.add_argument("--scan-local", action="store_true",
                          help="probe the /24 network around each of this computer's addresses")
    discover.add_argument("--subnet-of-loopback", action="store_true",
                          help="probe 127.0.0.1-127.0.0.254 (virtual printers on this computer)")
    discover.add_argument("--port", type=int, action="append", metavar="PORT",
                          help="printer port to probe (default 9100; repeat for more)")
    discover.add_argument("--timeout", type=float, default=0.5, help="seconds per network probe")
    discover.add_argument("--json", action="store_true", help="machine-readable output")
    discover.set_defaults(handler=_discover)

    jobs = sub.add_parser("jobs", help="list print jobs from the journal (default: those not yet printed)",
                          parents=[registry.common])
    jobs.add_argument("--held", action="store_true", help="only jobs held by a printer fault")
    jobs.add_argument("--all", action="store_true", help="every job, printed and cancelled too")
    jobs.add_argument("--printer", help="only this printer's jobs")
    jobs.add_argument("--limit", type=int, default=100, help="at most this many (newest)")
    jobs.add_argument("--json", action="store_true", help="machine-readable output")
    jobs.set_defaults(handler=_jobs)

    reprint = sub.add_parser("reprint", parents=[registry.common],
                             help="print a copy of an order's receipt (marked REPRINT, audited)",
                             description="print a copy of an order's receipt, marked REPRINT with its copy number; "
                                         "the reason and the person go into the audit trail")
    reprint.add_argument("number", help="商户订单号 (merchant order number) of a receipt in the journal")
    reprint.add_argument("--reason", required=True, help="why a copy is printed (goes on the copy and in the audit)")
    reprint.add_argument("--printer", help="printer name (default: the default printer)")
    add_person_option(reprint)
    reprint.set_defaults(handler=_reprint)



def _printer_names(printing: PrintingSettings, name: str | None) -> list[str]:
    if name is None:
        return list(printing.printers)
    if name not in printing.printers:
        raise PrinterFault("not_configured", f"no printer named {name!r}; configured: {sorted(printing.printers)}")
    return [name]


def _status(args: argparse.Namespace, ctx: CommandContext) -> int:
    from cashier_app.printing.connections import close_quietly, describe_target, open_connection
    from cashier_app.printing.status import PrinterStatus, probe_status

    printing = ctx.config.printing
    try:
        names = _printer_names(printing, args.name)
    except PrinterFault as fault:
        print(f"{fault_text(fault.code)} / {fault}", file=sys.stderr)
        return 2
    rows: list[dict[str, Any]] = []
    all_ok = True
    for name in names:
        settings = printing.printers[name]
        conn = None
        try:
            conn = open_connection(settings)
            status = probe_status(conn, settings.status_timeout_s, describe_target(settings))
        except PrinterFault as fault:
            status = PrinterStatus.unknown(fault.detail, fault.code)
        finally:
            close_quietly(conn)
        all_ok = all_ok and status.can_print
        rows.append({
            "printer": name, "kind": settings.kind, "where": describe_target(settings),
            "state": status.state.value, "can_print": status.can_print, "code": status.code,
            "text": fault_text(status.code) if status.code else "就绪",
            "flags": sorted(status.flags), "raw": {str(n): b.hex() for n, b in sorted(status.raw.items())},
            "detail": status.detail,
        })
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for row in rows:
            print(f"{row['printer']}: {row['state']} — {row['text']}  [{row['kind']} {row['where']}]")
            if row["flags"]:
                print(f"  flags: {', '.join(row['flags'])}")
            if row["raw"]:
                print("  DLE EOT replies: " + " ".join(f"n{n}={v or '-'}" for n, v in row["raw"].items()))
            if row["detail"]:
                print(f"  detail: {row['detail']}")
    return 0 if all_ok else 1


def _test(args: argparse.Namespace, ctx: CommandContext) -> int:
    from cashier_app.domain.local_time import store_zone
    from cashier_app.printing.connections import describe_target
    from cashier_app.printing.direct import send_now
    from cashier_app.printing.test_page import build_test_page

    printing = ctx.config.printing
    name = args.name or printing.default_printer
    try:
        _printer_names(printing, name)
    except PrinterFault as fault:
        print(f"{fault_text(fault.code)} / {fault}", file=sys.stderr)
        return 2
    settings = printing.printers[name]
    target = describe_target(settings)
    page = build_test_page(name, printing, target, store_zone(ctx.config.parser.utc_offset))
    for warning in page.warnings:
        print(f"warning: {warning}")
    try:
        send_now(settings, page.payload, force=args.force, tell=print)
    except PrinterFault as fault:
        print(f"{fault_text(fault.code)} / {fault}", file=sys.stderr)
        return 1
    print(f"test page sent to {name} ({target}): {len(page.payload)} bytes")
    return 0


def _discover(args: argparse.Namespace, ctx: CommandContext) -> int:
    from cashier_app.printing import discovery, network_scan

    specs = list(args.hosts)
    if args.subnet_of_loopback:
        specs.append("127.0.0.0/24")
    if args.scan_local:
        local = network_scan.local_subnets()
        if not local:
            print("错误 / error: this computer has no network address to scan around", file=sys.stderr)
            return 2
        specs += local
    try:
        targets = network_scan.parse_targets(specs, args.port or [network_scan.DEFAULT_PORT])
    except network_scan.TargetError as exc:
        print(f"错误 / error: {exc}", file=sys.stderr)
        return 2
    sections: dict[str, list[discovery.Found]] = {}
    notes: list[str] = []
    sections["serial"] = discovery.serial_ports()
    usb_found, note = discovery.usb_devices()
    sections["usb"] = usb_found
    if note:
        notes.append(note)
    queues, note = discovery.system_queues()
    sections["system queues"] = queues
    if note:
        notes.append(note)
    if targets:
        result = network_scan.scan(targets, timeout=args.timeout)
        sections["network"] = result.found
        notes.append(f"network: {result.probed} address(es) probed in {result.elapsed_s:.1f} s, "
                     f"{len(result.printers)} printer(s) found")
    else:
        notes.append("network: nothing scanned (use --hosts TARGET..., --scan-local or --subnet-of-loopback)")
    _print_found(sections, notes, as_json=args.json)
    return 0


def _print_found(sections: dict[str, list[Found]], notes: list[str], *, as_json: bool) -> None:
    if as_json:
        print(json.dumps({
            "found": {k: [dict(f.__dict__) for f in v] for k, v in sections.items()}, "notes": notes,
        }, ensure_ascii=False, indent=2))
        return
    for title, found in sections.items():
        print(f"{title}:")
        if not found:
            print("  (none)")
        for f in found:
            print(f"  {f.where}  {f.description}")
            if f.is_printer:
                for line in f.settings_hint.splitlines():
                    print(f"      {line}")
    for note in notes:
        print(f"note: {note}")


def _what_job_prints(job: PrintJobRecord) -> str:
    """A receipt of the journal, an order from the platform's record (its print.txt never came), or
    bytes laid out elsewhere (a test page, a report)."""
    from cashier_app.domain.paper import order_of_key

    if job.receipt_id is not None:
        return f"receipt {job.receipt_id}"
    if job.order_json is not None:
        return f"order {order_of_key(job.paper_key or '') or '?'} (platform's record)"
    return "raw bytes"


def _jobs(args: argparse.Namespace, ctx: CommandContext) -> int:
    from cashier_app.journal.db import Journal
    from cashier_app.journal.print_jobs import HELD, PENDING, PrintJobStore

    journal_file = ctx.paths.journal_file
    if not journal_file.exists():
        print(f"no journal yet at {journal_file}: no print jobs")
        return 0
    journal = Journal(journal_file)
    try:
        store = PrintJobStore(journal)
        states = (HELD,) if args.held else None if args.all else PENDING
        jobs = store.list_jobs(states, args.printer)[-args.limit:] if args.limit > 0 else []
    finally:
        journal.close()
    if args.json:
        print(json.dumps([{k: v for k, v in job.__dict__.items() if k != "payload"} | {
            "payload_bytes": len(job.payload) if job.payload is not None else None} for job in jobs],
            ensure_ascii=False, indent=2))
        return 0
    if not jobs:
        print("no held print jobs" if args.held else "no print jobs")
        return 0
    for job in jobs:
        copy = f" copy {job.copy_no}" + (" REPRINT" if job.is_reprint else "")
        receipt = _what_job_prints(job)
        line = f"#{job.id} {job.state:<9} {job.printer} {receipt}{copy} queued {job.created_at}"
        if job.state == HELD and job.fault_code:
            line += f"\n    held: {fault_text(job.fault_code)} ({job.fault_code}) {job.last_error or ''}"
        if job.reason:
            line += f"\n    reason: {job.reason}"
        if job.cancel_reason:
            line += f"\n    cancelled by {job.cancelled_by or '?'}: {job.cancel_reason}"
        print(line)
    return 0


# Exit codes of `printer reprint`.
EXIT_NO_RECEIPT, EXIT_PAPER_REFUSED = 3, 5


def _reprint(args: argparse.Namespace, ctx: CommandContext) -> int:
    from cashier_app.domain.access import ProtectedAction
    from cashier_app.domain.numbers import normalise_order_number
    from cashier_app.domain.receipt import ReceiptKind
    from cashier_app.journal.db import Journal
    from cashier_app.journal.receipts import ReceiptStore
    from cashier_app.paper import PaperDesk, PaperRefused, Want

    number = normalise_order_number(args.number)
    if not args.reason.strip():
        print("a reprint needs a reason (--reason)", file=sys.stderr)
        return 2
    ctx.paths.ensure()
    journal = Journal(ctx.paths.journal_file)
    try:
        person = person_for(args, ctx, journal, ProtectedAction.REPRINT)
        sales = [r for r in ReceiptStore(journal).find_by_out_trade_no(number)
                 if r.receipt.kind is ReceiptKind.SALE and not r.training]
        if not sales:
            print(f"no receipt of order {number} in the journal ({ctx.paths.journal_file}); a paid order without "
                  "one is printed from the platform's record on the lookup page", file=sys.stderr)
            return EXIT_NO_RECEIPT
        desk = PaperDesk(journal, ctx.config.printing, mode=ctx.config.general.mode)
        job = desk.request(receipt_id=sales[-1].id, want=Want.COPY, reason=args.reason.strip(), person=person.actor,
                           printer=args.printer)
    except CommandRefused as error:
        return refused(error)
    except PaperRefused as refusal:
        print(f"未打印 / not printed: {refusal.detail}", file=sys.stderr)
        return EXIT_PAPER_REFUSED
    finally:
        journal.close()
    what = "original" if job.original else f"copy {job.copy_no} (REPRINT)"
    print(f"order {number}: {what} queued as print job {job.job_id} on printer {job.printer}; the running app "
          "prints it (or does when it next starts)")
    return 0
