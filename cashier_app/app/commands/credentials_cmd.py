"""`cashier-app credentials set|check|delete`: the terminal's API key in the OS credential store.

The key is read from standard input (no echo on a terminal), never from the command line (it would
stay in the shell history and the process list) and never printed.
check exits 0 when a key is stored and the platform accepts it, 1 when none is stored, 2 when the
platform rejects it or cannot be reached (or the store cannot be used). With sign-in on, set and delete
need `--as NUMBER` of a person who may change the key (exit 6 otherwise); both go into the audit trail.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from cashier_app.app.cli_access import CommandRefused, add_person_option, person_for, refused
from cashier_app.domain.access import ProtectedAction
from cashier_app.domain.audit import AuditAction
from cashier_app.journal.audit import AuditStore
from cashier_app.journal.db import Journal
from cashier_app.platform.client import PlatformClient
from cashier_app.platform.credentials import (
    CredentialError,
    CredentialStore,
    CredentialStoreUnavailable,
    account_name,
    backend_name,
    backend_warning,
)
from cashier_app.platform.results import OrderPage, StateUnknown, UnknownReason

if TYPE_CHECKING:
    from cashier_app.app.cli import CommandContext, CommandRegistry

EXIT_OK, EXIT_MISSING, EXIT_REJECTED = 0, 1, 2


def register(registry: CommandRegistry) -> None:
    parser = registry.add("credentials", "store, check or delete this terminal's API key (OS credential store)")
    sub = parser.add_subparsers(dest="credentials_command", metavar="ACTION")
    set_key = sub.add_parser("set", help="store the API key, read from standard input (one line, not shown)",
                             parents=[registry.common])
    add_person_option(set_key)
    set_key.set_defaults(handler=_set)
    sub.add_parser("check", help="is a key stored, and does the platform accept it? (exit 0 ok, 1 missing, "
                   "2 rejected or unreachable)", parents=[registry.common]).set_defaults(handler=_check)
    delete = sub.add_parser("delete", help="remove the stored API key", parents=[registry.common])
    add_person_option(delete)
    delete.set_defaults(handler=_delete)


def _who(args: argparse.Namespace, ctx: CommandContext) -> str | int:
    """The person changing the key (with sign-in on: `--as` and a PIN), or the exit code refusing it."""
    ctx.paths.ensure()
    journal = Journal(ctx.paths.journal_file)
    try:
        return person_for(args, ctx, journal, ProtectedAction.CHANGE_KEY).actor
    except CommandRefused as error:
        return refused(error)
    finally:
        journal.close()


def _audit(ctx: CommandContext, action: AuditAction, actor: str) -> None:
    """That the key changed, for which account: never the key."""
    journal = Journal(ctx.paths.journal_file)
    try:
        AuditStore(journal).record(action, actor, detail=f"{account_name(ctx.config.platform)} (command line)")
    finally:
        journal.close()


def _set(args: argparse.Namespace, ctx: CommandContext) -> int:
    settings = ctx.config.platform
    who = _who(args, ctx)
    if isinstance(who, int):
        return who
    _warn_backend()
    if sys.stdin.isatty():
        key = getpass.getpass(f"API key for {account_name(settings)} (not shown): ")
    else:
        key = sys.stdin.readline().rstrip("\r\n")
    try:
        CredentialStore(settings).set_key(key)
    except CredentialError as exc:
        print(f"错误 / error ({exc.code}): {exc}", file=sys.stderr)
        return EXIT_REJECTED
    _audit(ctx, AuditAction.KEY_CHANGED, who)
    print(f"密钥已保存 / API key stored for {account_name(settings)} in {backend_name()}")
    return EXIT_OK


def _check(args: argparse.Namespace, ctx: CommandContext) -> int:
    settings = ctx.config.platform
    store = CredentialStore(settings)
    print(f"credential store: {backend_name()}")
    _warn_backend()
    try:
        key = store.get_key()
    except CredentialStoreUnavailable as exc:
        print(f"错误 / error ({exc.code}): {exc}", file=sys.stderr)
        return EXIT_REJECTED
    if key is None:
        print(f"未保存密钥 / no API key stored for {account_name(settings)}: run `cashier-app credentials set`")
        return EXIT_MISSING
    print(f"密钥已保存 / an API key is stored for {account_name(settings)}")
    with PlatformClient(settings, lambda: key) as client:
        # A signed list request of one order: read-only, proves the key and the clock.
        result = client.list_orders(datetime.now(UTC), page_size=1)
    if isinstance(result, OrderPage):
        print(f"平台接受此密钥 / the platform at {settings.base_url} accepts the key")
        return EXIT_OK
    assert isinstance(result, StateUnknown)
    if result.reason in (UnknownReason.CREDENTIALS, UnknownReason.TERMINAL_NOT_BOUND, UnknownReason.BAD_SIGNATURE):
        print(f"平台拒绝此密钥 / the platform rejects the key or this terminal: {result.detail}", file=sys.stderr)
    else:
        print(f"无法连接平台 / the platform cannot be reached: {result.reason.value}: {result.detail}",
              file=sys.stderr)
    return EXIT_REJECTED


def _delete(args: argparse.Namespace, ctx: CommandContext) -> int:
    settings = ctx.config.platform
    who = _who(args, ctx)
    if isinstance(who, int):
        return who
    try:
        deleted = CredentialStore(settings).delete_key()
    except CredentialStoreUnavailable as exc:
        print(f"错误 / error ({exc.code}): {exc}", file=sys.stderr)
        return EXIT_REJECTED
    if not deleted:
        print(f"未保存密钥 / no API key was stored for {account_name(settings)}")
        return EXIT_MISSING
    _audit(ctx, AuditAction.KEY_DELETED, who)
    print(f"密钥已删除 / API key deleted for {account_name(settings)}")
    return EXIT_OK


def _warn_backend() -> None:
    warning = backend_warning()
    if warning:
        print(f"注意 / note: {warning}", file=sys.stderr)
