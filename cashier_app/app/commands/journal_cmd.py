"""`cashier-app journal backup|restore|check|backups|prune`: the journal's copies and upkeep.

    cashier-app journal backup [--to DIR] [--keep N]   an online copy now (the app may be running)
    cashier-app journal backups [--to DIR]             the copies kept, newest first
    cashier-app journal check [FILE]                   SQLite's integrity_check, and what it found
    cashier-app journal restore FILE --yes             put a copy in place (the app must be closed)
    cashier-app journal prune [--days N]               remove archived bytes past the retention limit

Restore keeps the journal it replaces beside it (journal.sqlite3.before-restore-...), refuses a
damaged copy and a copy written by a newer app. Exit codes: 0 done / ok, 1 failed or damaged,
2 usage error (or the app is running).
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cashier_app.app.command_registry import CommandRegistry
    from cashier_app.app.context import CommandContext

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def register(registry: CommandRegistry) -> None:
    parser = registry.add("journal", "back up, check and restore the journal; prune old archived bytes")
    sub = parser.add_subparsers(dest="journal_command", metavar="ACTION")

    def action(name: str, help: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=help, description=help, parents=[registry.common])

    backup = action("backup", "make a copy of the journal now (safe while the app runs)")
    backup.add_argument("--to", type=Path, metavar="DIR", help="folder for the copy (default: journal.backup_dir)")
    backup.add_argument("--keep", type=int, metavar="N", help="copies to keep (default: journal.backup_keep)")
    backup.set_defaults(handler=_backup)
    listing = action("backups", "list the copies kept, newest first")
    listing.add_argument("--to", type=Path, metavar="DIR", help="folder of the copies (default: journal.backup_dir)")
    listing.set_defaults(handler=_backups)
    check = action("check", "check the journal (or a copy) with SQLite's integrity_check (about 20 s a million "
                            "receipts)")
    check.add_argument("file", nargs="?", type=Path, help="a copy to check (default: the journal)")
    check.set_defaults(handler=_check)
    restore = action("restore", "replace the journal with a copy (quit the app first)")
    restore.add_argument("file", type=Path, help="the copy to restore")
    restore.add_argument("--yes", action="store_true", help="really replace the journal (it is kept beside)")
    restore.set_defaults(handler=_restore)
    prune = action("prune", "remove archived bytes older than the retention limit (receipts stay)")
    prune.add_argument("--days", type=int, metavar="N", help="the limit in days (default: journal.retention_days)")
    prune.set_defaults(handler=_prune)


def _folder(args: argparse.Namespace, ctx: CommandContext) -> Path:
    from cashier_app.app.upkeep import backup_folder

    return args.to or backup_folder(ctx.config.journal, ctx.paths.journal_file)


def _backup(args: argparse.Namespace, ctx: CommandContext) -> int:
    from cashier_app.journal.backup import BackupError, backup_journal

    keep = args.keep if args.keep is not None else ctx.config.journal.backup_keep
    if keep < 1:
        return _usage("--keep: keep at least one copy")
    try:
        result = backup_journal(ctx.paths.journal_file, _folder(args, ctx), keep=keep, now=datetime.now())
    except BackupError as exc:
        print(f"备份失败 / backup failed: {exc}", file=sys.stderr)
        return EXIT_FAILED
    print(f"已备份 / copied to {result.path} ({result.size / 1_000_000:.1f} MB, checked)")
    for old in result.removed:
        print(f"  removed the older copy {old.name} (keeping {keep})")
    return EXIT_OK


def _backups(args: argparse.Namespace, ctx: CommandContext) -> int:
    from cashier_app.journal.backup import list_backups

    folder = _folder(args, ctx)
    copies = list_backups(folder)
    if not copies:
        print(f"没有备份 / no copies in {folder}")
        return EXIT_OK
    for copy in copies:
        print(f"{copy}  {copy.stat().st_size / 1_000_000:.1f} MB")
    return EXIT_OK


def _check(args: argparse.Namespace, ctx: CommandContext) -> int:
    from cashier_app.journal.backup import check_journal

    result = check_journal(args.file or ctx.paths.journal_file)
    if result.ok:
        print(f"完好 / ok: {result.describe()}")
        return EXIT_OK
    print(f"已损坏 / damaged: {result.path}", file=sys.stderr)
    for problem in result.problems[:20]:
        print(f"  {problem}", file=sys.stderr)
    if len(result.problems) > 20:
        print(f"  ... and {len(result.problems) - 20} more", file=sys.stderr)
    print("restore the newest good copy: cashier-app journal backups, then journal check FILE, "
          "then journal restore FILE --yes", file=sys.stderr)
    return EXIT_FAILED


def _restore(args: argparse.Namespace, ctx: CommandContext) -> int:
    from cashier_app.app.running_marker import is_running
    from cashier_app.app.single_instance import InstanceLock
    from cashier_app.journal.backup import BackupError, restore_journal

    if not args.yes:
        return _usage(f"restoring replaces the journal {ctx.paths.journal_file}: add --yes to do it "
                      "(the current journal is kept beside it)")
    data_dir = ctx.paths.journal_file.parent
    data_dir.mkdir(parents=True, exist_ok=True)
    # A journal is never swapped under a running app: every app holds this lock on its data folder
    # while it runs, and its running marker (the one any `cashier-app quit` finds) too.
    if is_running():
        return _usage("the app is running: quit it first (cashier-app quit), then restore")
    lock = InstanceLock(data_dir, "journal restore")
    if not lock.acquire():
        return _usage("the app is running on this journal: quit it first, then restore")
    try:
        kept = restore_journal(args.file, ctx.paths.journal_file, now=datetime.now())
    except (BackupError, OSError) as exc:
        print(f"未恢复 / not restored: {exc}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        lock.release()
    print(f"已恢复 / restored {args.file} as {ctx.paths.journal_file}")
    if kept is not None:
        print(f"  the journal it replaced is kept as {kept}")
    return EXIT_OK


def _prune(args: argparse.Namespace, ctx: CommandContext) -> int:
    from cashier_app.journal.db import Journal
    from cashier_app.journal.retention import prune_archived_bytes

    days = args.days if args.days is not None else ctx.config.journal.retention_days
    if days < 1:
        return _usage("--days: keep at least one day")
    path = ctx.paths.journal_file
    if not path.exists():
        print(f"no journal yet at {path}")
        return EXIT_OK
    journal = Journal(path)
    try:
        result = prune_archived_bytes(journal, days)
    finally:
        journal.close()
    print(f"已清理 / removed the bytes of {result.file_versions} archived files and {result.job_bytes} print jobs "
          f"older than {days} days (receipts are kept)")
    return EXIT_OK


def _usage(message: str) -> int:
    print(f"错误 / error: {message}", file=sys.stderr)
    return EXIT_USAGE
