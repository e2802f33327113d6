"""`cashier-app training report|from-case`: the trainees' results, and a closed real case as a lesson.

`report` lists each lesson a trainee finished with its score (`--csv FILE` writes the per-trainee report in
the UI's language). `from-case ID` replays a closed case of the store's journal as a training lesson,
anonymised (numbers, people, notes and the customer's contact are left out); training mode offers it after
the built-in lessons. Exit codes: 0, 2 usage (no such case, the case still open).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from cashier_app.app.cli_csv import write_translated
from cashier_app.domain.audit import AuditAction
from cashier_app.domain.local_time import store_zone
from cashier_app.journal.audit import AuditStore
from cashier_app.journal.cases import CaseStore
from cashier_app.journal.db import Journal
from cashier_app.journal.training import TrainingResults

if TYPE_CHECKING:
    from cashier_app.app.command_registry import CommandRegistry
    from cashier_app.app.context import CommandContext

EXIT_OK, EXIT_USAGE = 0, 2


def register(registry: CommandRegistry) -> None:
    parser = registry.add("training", "training results per trainee, and real cases replayed as lessons")
    sub = parser.add_subparsers(dest="training_command", metavar="ACTION")
    report = sub.add_parser("report", help="each lesson a trainee finished, with its score",
                            description="each lesson a trainee finished, with its score", parents=[registry.common])
    report.add_argument("--trainee", metavar="NUMBER", help="only this trainee")
    report.add_argument("--json", action="store_true", help="print the results as JSON (for scripts)")
    report.add_argument("--csv", type=Path, metavar="FILE", help="write the per-trainee report as CSV")
    report.add_argument("--lang", choices=("zh_CN", "en"), help="language of the CSV (default: the configured one)")
    report.set_defaults(handler=_report)
    replay = sub.add_parser("from-case", help="replay a closed case as a training lesson, anonymised",
                            description="replay a closed case as a training lesson, anonymised",
                            parents=[registry.common])
    replay.add_argument("case_id", type=int, metavar="ID")
    replay.set_defaults(handler=_from_case)


def _training_dir(ctx: CommandContext) -> Path:
    return ctx.paths.data_dir / "training"


def _report(args: argparse.Namespace, ctx: CommandContext) -> int:
    from cashier_app.app.training import training_row

    journal_file = _training_dir(ctx) / "journal.sqlite3"
    if not journal_file.exists():
        print("还没有培训记录 / no training yet: start `cashier-app --training`")
        return EXIT_OK
    journal = Journal(journal_file)
    try:
        results = TrainingResults(journal).of(args.trainee)
    finally:
        journal.close()
    tz = store_zone(ctx.config.parser.utc_offset)
    rows = [training_row(r, tz) for r in results]
    if args.csv is not None:
        from cashier_app.ui.record_csv import training_to_csv

        write_translated(args.csv, lambda: training_to_csv(rows), args.lang or ctx.config.general.language)
    if args.json:
        print(json.dumps([{"trainee": r.trainee, "name": r.trainee_name, "lesson": r.lesson, "title": r.lesson_title,
                           "out_trade_no": r.out_trade_no, "started": r.started_local, "finished": r.finished_local,
                           "minutes": r.minutes, "score": r.score,
                           "checks": [{"check": c, "passed": p} for c, p in r.checks]} for r in rows],
                         ensure_ascii=False, indent=2))
        return EXIT_OK
    for r in rows:
        missed = ", ".join(c for c, passed in r.checks if not passed) or "-"
        print(f"{r.finished_local}  {r.trainee:<8} {r.lesson_title or r.lesson:<12} {r.score:>3}/100  "
              f"未做到 / missed: {missed}")
    return EXIT_OK


def _from_case(args: argparse.Namespace, ctx: CommandContext) -> int:
    from cashier_app.app.training_replay import NotReplayable, lesson_from_case, save_lesson

    ctx.paths.ensure()
    journal = Journal(ctx.paths.journal_file)
    try:
        case = CaseStore(journal).get(args.case_id)
        if case is None:
            print(f"错误 / error: no case {args.case_id}", file=sys.stderr)
            return EXIT_USAGE
        try:
            lesson = lesson_from_case(case)
        except NotReplayable as error:
            print(f"错误 / error: {error}", file=sys.stderr)
            return EXIT_USAGE
        path = save_lesson(lesson, _training_dir(ctx) / "lessons")
        AuditStore(journal).record(AuditAction.CASE_FOR_TRAINING, ctx.config.general.operator, case_id=case.id,
                                   detail=f"{lesson['id']} (command line)")
    finally:
        journal.close()
    print(f"已保存培训课程 / training lesson saved: {lesson['title_en']} -> {path}")
    return EXIT_OK
