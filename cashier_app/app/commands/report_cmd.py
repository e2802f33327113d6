"""`cashier-app report shift|day|handover|shifts`: shift handover (交班) and day reports.

    cashier-app report shift [--date D] [--shift N] [--operator N] [--print] [--csv FILE] [--json]
    cashier-app report day [--date D] [--operator N] [--print] [--csv FILE] [--json]
    cashier-app report handover [--by N] [--note TEXT] [--print]    (交班: the running shift ends now)
    cashier-app report shifts [--date D]

`report shift` without --date is the shift running now; with --date, that day's last shift (or
--shift N). Shifts follow reports.shift_starts and the handovers made (see the README).
--print sends the report straight to the printer (58 or 80 mm, from its profile). Exit codes:
0 done, 1 the printer or the file could not be written, 2 usage error, 3 no such shift or day.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cashier_app.domain.local_time import MINUTE, store_time
from cashier_app.domain.money import yuan
from cashier_app.domain.reports import Report, Shift

if TYPE_CHECKING:
    from cashier_app.app.command_registry import CommandRegistry
    from cashier_app.app.context import CommandContext
    from cashier_app.app.reports_service import ReportService
    from cashier_app.journal.db import Journal

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_NOT_FOUND = 0, 1, 2, 3
SCREEN_COLUMNS = 48


def register(registry: CommandRegistry) -> None:
    parser = registry.add("report", "shift handover (交班) and day reports: totals, refunds, exceptions, reprints")
    sub = parser.add_subparsers(dest="report_command", metavar="ACTION")

    def action(name: str, help: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help, parents=[registry.common])
        p.add_argument("--date", metavar="DATE", help="local date, e.g. 2026-11-24 (default: today)")
        return p

    for name, help in (("shift", "report of a shift (default: the one running now)"),
                       ("day", "report of a day (default: today)")):
        p = action(name, help)
        if name == "shift":
            p.add_argument("--shift", type=int, metavar="N", help="the day's Nth shift (default: its last)")
        p.add_argument("--operator", metavar="N", help="only this operator's receipts and reprints")
        _output_options(p)
        p.set_defaults(handler=_report, kind=name)
    handover = sub.add_parser("handover", help="交班: end the running shift now and report it",
                              description="交班: end the running shift now and report it", parents=[registry.common])
    handover.add_argument("--by", metavar="N", help="who hands over (default: general.operator)")
    handover.add_argument("--note", default="", help="a note kept with the handover")
    _output_options(handover)
    handover.set_defaults(handler=_handover)
    shifts = action("shifts", "list the shifts of a day")
    shifts.add_argument("--json", action="store_true", help="machine-readable output")
    shifts.set_defaults(handler=_shifts)


def _output_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--print", dest="print_it", action="store_true", help="print it on the receipt printer")
    p.add_argument("--printer", metavar="NAME", help="which printer (default: the default printer)")
    p.add_argument("--force", action="store_true", help="print even when the printer reports a fault")
    p.add_argument("--csv", type=Path, metavar="FILE", help="also write it as CSV (UTF-8, opens in Excel)")
    p.add_argument("--json", action="store_true", help="machine-readable output")


def _service(ctx: CommandContext) -> tuple[ReportService, Journal]:
    from cashier_app.app.reports_service import ReportService
    from cashier_app.domain.local_time import store_zone
    from cashier_app.journal.db import Journal

    config = ctx.config
    journal = Journal(ctx.paths.journal_file)
    zone = store_zone(config.parser.utc_offset)
    return ReportService(journal, zone, shift_starts=config.reports.shift_starts,
                         store_name=config.general.store_name), journal


def _day(args: argparse.Namespace) -> date | None:
    """--date as a local day (None: not given); raises LocalTimeError."""
    if not args.date:
        return None
    from cashier_app.domain.local_time import parse_local_moment, store_zone

    return parse_local_moment(args.date, store_zone("+00:00")).date()


def _with_service(args: argparse.Namespace, ctx: CommandContext,
                  body: Callable[[date | None, ReportService], int]) -> int:
    """Read --date, open the journal, run `body`; a bad date or no such shift is said plainly."""
    from cashier_app.app.reports_service import ReportError
    from cashier_app.domain.local_time import LocalTimeError

    try:
        day = _day(args)
    except LocalTimeError as exc:
        return _usage(f"--date: {exc}")
    service, journal = _service(ctx)
    try:
        return body(day, service)
    except ReportError as exc:
        print(f"错误 / error: {exc}", file=sys.stderr)
        return EXIT_NOT_FOUND
    finally:
        journal.close()


def _report(args: argparse.Namespace, ctx: CommandContext) -> int:
    def run(day: date | None, service: ReportService) -> int:
        if args.kind == "day":
            report = service.day_report(day, args.operator)
        else:
            report = service.shift_report(service.shift(day, args.shift), args.operator)
        return _output(args, ctx, service, report)

    return _with_service(args, ctx, run)


def _handover(args: argparse.Namespace, ctx: CommandContext) -> int:
    service, journal = _service(ctx)
    try:
        by = args.by or ctx.config.general.operator
        shift, _handover = service.hand_over(by, args.note)
        print(f"交班完成 / shift handed over by {by} at {store_time(service.now(), service.zone)}")
        return _output(args, ctx, service, service.shift_report(shift))
    finally:
        journal.close()


def _shifts(args: argparse.Namespace, ctx: CommandContext) -> int:
    def run(day: date | None, service: ReportService) -> int:
        return _list_shifts(args, service.shifts_of_day(day or service.today()), service.zone)

    return _with_service(args, ctx, run)


def _list_shifts(args: argparse.Namespace, shifts: list[Shift], zone: tzinfo) -> int:
    if args.json:
        print(json.dumps([_shift_json(s) for s in shifts], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not shifts:
        print("这一天没有班次 / no shift started that day")
        return EXIT_NOT_FOUND
    for shift in shifts:
        state = "进行中 running" if shift.running else f"交班 closed by {shift.closed_by or '-'}"
        start, end = store_time(shift.start, zone, MINUTE), store_time(shift.end, zone, MINUTE)
        print(f"第{shift.number}班 shift {shift.number}: {start} — {end}  {state}")
    return EXIT_OK


def _output(args: argparse.Namespace, ctx: CommandContext, service: ReportService, report: Report) -> int:
    status = EXIT_OK
    if args.csv is not None:
        try:
            args.csv.write_bytes(service.csv(report))
        except OSError as exc:
            print(f"错误 / error: cannot write {args.csv}: {exc.strerror or exc}", file=sys.stderr)
            status = EXIT_FAILED
    if args.json:
        print(json.dumps(report_json(report, service.zone), ensure_ascii=False, indent=2))
    else:
        from cashier_app.printing.report_layout import report_lines
        from cashier_app.printing.text_width import WidthModel

        print("\n".join(report_lines(report, SCREEN_COLUMNS, WidthModel.EAST_ASIAN, service.zone)))
    if args.print_it:
        status = _print(args, ctx, service, report) or status
    return status


def _print(args: argparse.Namespace, ctx: CommandContext, service: ReportService, report: Report) -> int:
    from cashier_app.printing.direct import send_now
    from cashier_app.printing.faults import PrinterFault, fault_text
    from cashier_app.printing.profiles import resolve_profile

    printing = ctx.config.printing
    name = args.printer or printing.default_printer
    settings = printing.printers.get(name)
    if settings is None:
        return _usage(f"--printer: no printer named {name!r}; configured: {sorted(printing.printers)}")
    payload = service.lay_out(report, resolve_profile(printing, settings.profile), cutter=settings.cutter).payload
    try:
        send_now(settings, payload, force=args.force, tell=lambda line: print(line, file=sys.stderr))
    except PrinterFault as fault:
        print(f"{fault_text(fault.code)} / {fault}", file=sys.stderr)
        return EXIT_FAILED
    print(f"已打印 / printed on {name} ({settings.profile})", file=sys.stderr)
    return EXIT_OK


def report_json(report: Report, zone: tzinfo) -> dict[str, Any]:
    def local(utc_text: str) -> str:  # for programs: ISO-8601 on the store's clock, with its offset
        return datetime.fromisoformat(utc_text).astimezone(zone).isoformat()

    def tally(t: Any) -> dict[str, Any]:
        return {"count": t.count, "amount": yuan(t.amount)}

    return {
        "kind": report.kind, "day": report.day.isoformat(), "start": report.start.isoformat(),
        "end": report.end.isoformat(), "store": report.store_name, "operator": report.operator,
        "shift": _shift_json(report.shift) if report.shift else None,
        "sales": tally(report.sales), "refunds": tally(report.refunds), "net": yuan(report.net),
        "channels": [{"channel": c.channel or None, "sales": tally(c.sales), "refunds": tally(c.refunds),
                      "net": yuan(c.net)} for c in report.channels],
        "operators": [{"operator": o.operator or None, "sales": tally(o.sales), "refunds": tally(o.refunds)}
                      for o in report.operators],
        "platform_orders": [{"out_trade_no": o.out_trade_no, "state": o.state,
                             "amount": yuan(o.amount) if o.amount is not None else None, "at": local(o.at)}
                            for o in report.platform_orders],
        "exceptions": [{"kind": c.kind, "open": c.open, "closed": c.closed} for c in report.cases],
        "reprints": [{"at": local(r.at), "out_trade_no": r.out_trade_no, "copy_no": r.copy_no, "reason": r.reason,
                      "person": r.person or None, "state": r.state} for r in report.reprints],
        "paid_without_receipt": [{"out_trade_no": m.out_trade_no,
                                  "amount": yuan(m.amount) if m.amount is not None else None,
                                  "paid_at": local(m.paid_at), "printed_from_record": m.printed_from_record}
                                 for m in report.missing_receipts],
        "notes": list(report.notes),
    }


def _shift_json(shift: Shift) -> dict[str, Any]:
    return {"day": shift.day.isoformat(), "number": shift.number, "start": shift.start.isoformat(),
            "end": shift.end.isoformat(), "running": shift.running, "opened_by": shift.opened_by,
            "closed_by": shift.closed_by}


def _usage(message: str) -> int:
    print(f"错误 / error: {message}", file=sys.stderr)
    return EXIT_USAGE
