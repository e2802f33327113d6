"""`cashier-app audit list`: the audit trail (reprints, cancels, moves, closes, sign-ins, changes).

Dates are the store's local dates (`--since 2026-11-24`), or local date-times (`2026-11-24T09:30`), or
ISO times with an offset. `--until` includes that whole day. With sign-in on, reading the trail needs
`--as NUMBER` of a manager (PIN from $CASHIER_APP_PIN or asked on the terminal). Exit codes: 0, 2 usage,
6 not allowed.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from cashier_app.app.cli_access import CommandRefused, add_person_option, person_for, refused
from cashier_app.app.cli_csv import write_translated
from cashier_app.domain.access import ProtectedAction
from cashier_app.domain.audit import AuditAction, AuditEntry
from cashier_app.domain.local_time import store_zone
from cashier_app.journal.audit import AuditFilter, AuditStore
from cashier_app.journal.db import Journal

if TYPE_CHECKING:
    from cashier_app.app.command_registry import CommandRegistry
    from cashier_app.app.context import CommandContext

EXIT_OK, EXIT_USAGE = 0, 2

ACTION_WORDS: dict[str, str] = {
    AuditAction.REPRINT: "补打小票 reprint",
    AuditAction.PRINT_ORDER: "按平台记录打印 printed from the platform's record",
    AuditAction.CANCEL_JOB: "取消打印任务 print job cancelled",
    AuditAction.MOVE_JOB: "转打印机 print job moved",
    AuditAction.CLOSE_ORDER: "关单 order closed",
    AuditAction.CLOSE_CASE: "结案 case closed",
    AuditAction.SIGN_IN: "登录 signed in",
    AuditAction.SIGN_OUT: "退出 signed out",
    AuditAction.SIGN_IN_FAILED: "登录被拒 sign-in refused",
    AuditAction.LOCKED_OUT: "PIN 错误锁定 locked out",
    AuditAction.APPROVAL_REFUSED: "店长授权被拒 approval refused",
    AuditAction.PERSON_ADDED: "添加人员 person added",
    AuditAction.PERSON_DISABLED: "停用人员 person disabled",
    AuditAction.PERSON_ENABLED: "启用人员 person enabled",
    AuditAction.PIN_CHANGED: "更改 PIN PIN changed",
    AuditAction.SETTINGS_CHANGED: "更改设置 settings changed",
    AuditAction.KEY_CHANGED: "更改平台密钥 platform key changed",
    AuditAction.KEY_DELETED: "删除平台密钥 platform key deleted",
    AuditAction.CASE_FOR_TRAINING: "案例用于培训 case used for training",
}


def register(registry: CommandRegistry) -> None:
    parser = registry.add("audit", "the audit trail: reprints, cancels, moves, closes, sign-ins and changes")
    sub = parser.add_subparsers(dest="audit_command", metavar="ACTION")
    li = sub.add_parser("list", help="list the audit trail, newest first", description="list the audit trail, "
                        "newest first", parents=[registry.common])
    li.add_argument("--since", metavar="DATE", help="from this local date or time (default: 7 days ago)")
    li.add_argument("--until", metavar="DATE", help="up to this local date (the whole day) or time")
    li.add_argument("--action", choices=[a.value for a in AuditAction], help="only this action")
    li.add_argument("--person", metavar="NUMBER", help="only what this person did or approved")
    li.add_argument("--training", action="store_true", help="the training journal's trail")
    li.add_argument("--limit", type=int, default=1000, help="at most this many rows (newest)")
    li.add_argument("--json", action="store_true", help="print the rows as JSON (for scripts)")
    li.add_argument("--csv", type=Path, metavar="FILE",
                    help="also write the rows as CSV (UTF-8 with BOM, in the UI's language; see --lang)")
    li.add_argument("--lang", choices=("zh_CN", "en"), help="language of the CSV (default: the configured one)")
    add_person_option(li)
    li.set_defaults(handler=_list)


def parse_local(text: str, tz: tzinfo, *, end_of_day: bool = False) -> datetime:
    """A local date (start of that day, or the start of the next with end_of_day), a local date-time, or an
    ISO time with its own offset."""
    text = text.strip()
    try:
        day = date.fromisoformat(text)
    except ValueError:
        moment = datetime.fromisoformat(text)
        return moment if moment.tzinfo is not None else moment.replace(tzinfo=tz)
    start = datetime.combine(day, time(0), tz)
    return start + timedelta(days=1) if end_of_day else start


def _list(args: argparse.Namespace, ctx: CommandContext) -> int:
    config = ctx.config
    tz = store_zone(config.parser.utc_offset)
    try:
        since = parse_local(args.since, tz) if args.since else datetime.now(tz) - timedelta(days=7)
        until = parse_local(args.until, tz, end_of_day=True) if args.until else None
    except ValueError as exc:
        print(f"错误 / error: not a date or time: {exc}", file=sys.stderr)
        return EXIT_USAGE
    paths = ctx.paths
    paths.ensure()
    journal = Journal(paths.journal_file)  # people sign in against the store's own journal
    try:
        person_for(args, ctx, journal, ProtectedAction.VIEW_AUDIT)
    except CommandRefused as error:
        return refused(error)
    finally:
        journal.close()
    # Training keeps its own journal (app/services.py), with its own trail.
    journal = Journal(paths.data_dir / "training" / "journal.sqlite3" if args.training else paths.journal_file)
    try:
        entries = AuditStore(journal).list(AuditFilter(
            since_utc=since.astimezone(UTC).isoformat(timespec="microseconds"),
            until_utc=until.astimezone(UTC).isoformat(timespec="microseconds") if until else None,
            actions=(args.action,) if args.action else (), actor=args.person, training=bool(args.training),
            limit=max(1, args.limit)))
    finally:
        journal.close()
    if args.csv is not None:
        _write_csv(args.csv, entries, tz, args.lang or config.general.language)
    if args.json:
        print(json.dumps([_json(e, tz) for e in entries], ensure_ascii=False, indent=2))
        return EXIT_OK
    print(f"{len(entries)} 条记录 / audit rows since {since.isoformat(timespec='seconds')}")
    for entry in entries:
        print(_line(entry, tz))
    return EXIT_OK


def _local(utc_iso: str, tz: tzinfo) -> str:
    from cashier_app.domain.local_time import store_time

    return store_time(utc_iso, tz)


def _line(entry: AuditEntry, tz: tzinfo) -> str:
    parts = [_local(entry.at, tz), f"{entry.actor:<8}", ACTION_WORDS.get(entry.action, entry.action)]
    if entry.out_trade_no:
        parts.append(f"order {entry.out_trade_no}")
    for label, value in (("receipt", entry.receipt_id), ("job", entry.job_id), ("case", entry.case_id)):
        if value is not None:
            parts.append(f"{label} {value}")
    if entry.reason:
        parts.append(f"原因 reason: {entry.reason}")
    if entry.detail:
        parts.append(entry.detail)
    if entry.approved_by:
        parts.append(f"店长授权 approved by {entry.approved_by}")
    return "  ".join(parts)


def _json(entry: AuditEntry, tz: tzinfo) -> dict[str, object]:
    return {"id": entry.id, "at": entry.at, "at_local": _local(entry.at, tz), "actor": entry.actor,
            "action": entry.action, "out_trade_no": entry.out_trade_no, "receipt_id": entry.receipt_id,
            "job_id": entry.job_id, "case_id": entry.case_id, "reason": entry.reason, "detail": entry.detail,
            "approved_by": entry.approved_by, "training": entry.training}


def _write_csv(path: Path, entries: list[AuditEntry], tz: tzinfo, language: str) -> None:
    from cashier_app.app.access_adapter import audit_row
    from cashier_app.ui.record_csv import audit_to_csv

    write_translated(path, lambda: audit_to_csv([audit_row(e, tz) for e in entries]), language)
