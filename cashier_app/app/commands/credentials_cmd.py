"""`cashier-app credentials set|check|delete`: the platform's keys.

Secrets go to the OS credential store: the MP API key (`--kind api-key`), the WeChat Pay merchant
API private key (`merchant-private-key`) or the Alipay app private key (`app-private-key`), kept
in a compact form that fits Windows Credential Manager (platform/rsa_keys.py). The platforms'
public keys and certificates are not secret: they are written to the files the configuration
names in the config folder (`wechatpay-public-key`, `wechatpay-certificate`, `alipay-public-key`).

A secret is read from standard input (a PEM: every line up to the END line; an API key: one line,
no echo on a terminal), never from the command line (shell history, process list), never printed.
check makes one signed, read-only call and says what the platform answered. It exits 0 when the
keys are stored and the platform accepts them, 1 when none is stored, 2 when the platform rejects
them or cannot be reached (or the store cannot be used). With sign-in on, set and delete need
`--as NUMBER` of a person who may change the key (exit 6 otherwise); both go into the audit trail
(what changed, never the key).
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from cashier_app.app.cli_access import CommandRefused, add_person_option, person_for, refused
from cashier_app.domain.access import ProtectedAction
from cashier_app.domain.audit import AuditAction
from cashier_app.journal.audit import AuditStore
from cashier_app.journal.db import Journal
from cashier_app.platform import rsa_keys
from cashier_app.platform.adapter import CheckOutcome
from cashier_app.platform.credentials import (
    SECRET_KINDS,
    CredentialError,
    CredentialStore,
    CredentialStoreUnavailable,
    StoreInfo,
    account_name,
    secret_kind,
    store_info,
)
from cashier_app.platform.factory import build_adapter
from cashier_app.platform.settings import PlatformSettings

if TYPE_CHECKING:
    from cashier_app.app.command_registry import CommandRegistry
    from cashier_app.app.context import CommandContext

EXIT_OK, EXIT_MISSING, EXIT_REJECTED = 0, 1, 2

# Public material written to files: kind -> (platform kind, setting holding the file name, reader).
PUBLIC_KINDS = {
    "wechatpay-public-key": ("wechatpay-v3", "public_key_file"),
    "wechatpay-certificate": ("wechatpay-v3", "platform_certificate_file"),
    "alipay-public-key": ("alipay", "public_key_file"),
}
ALL_KINDS = (*(k for k, _ in SECRET_KINDS.values()), *PUBLIC_KINDS)
MAX_PEM_CHARS = 64_000


def register(registry: CommandRegistry) -> None:
    parser = registry.add("credentials", "store, check or delete the platform's keys (OS credential store)")
    sub = parser.add_subparsers(dest="credentials_command", metavar="ACTION")
    set_parser = sub.add_parser(
        "set", help="store a key read from standard input (an API key: one line, not shown; a PEM: all its lines)",
        parents=[registry.common])
    set_parser.add_argument("--kind", choices=ALL_KINDS,
                            help="what is given (default: the secret of the configured platform kind)")
    add_person_option(set_parser)
    set_parser.set_defaults(handler=_set)
    check = sub.add_parser("check", help="are the keys stored, where, and does the platform accept them? (exit 0 ok, "
                           "1 missing, 2 rejected or unreachable)", parents=[registry.common])
    check.add_argument("--json", action="store_true", help="machine-readable output")
    check.set_defaults(handler=_check)
    delete = sub.add_parser("delete", help="remove the stored secret", parents=[registry.common])
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


def _audit(ctx: CommandContext, action: AuditAction, actor: str, what: str) -> None:
    """That a key changed, which and for which account: never the key."""
    journal = Journal(ctx.paths.journal_file)
    try:
        AuditStore(journal).record(action, actor, detail=f"{what}, {account_name(ctx.config.platform)} (command line)")
    finally:
        journal.close()


def _set(args: argparse.Namespace, ctx: CommandContext) -> int:
    settings = ctx.config.platform
    who = _who(args, ctx)
    if isinstance(who, int):
        return who
    kind = args.kind or secret_kind(settings)[0]
    if kind in PUBLIC_KINDS:
        code = _set_public(kind, settings)
        if code == EXIT_OK:
            _audit(ctx, AuditAction.KEY_CHANGED, who, kind)
        return code
    wanted = next(platform for platform, (k, _) in SECRET_KINDS.items() if k == kind)
    if wanted != settings.kind:
        print(f"错误 / error: --kind {kind} is the secret of platform.kind = '{wanted}', but this configuration has "
              f"'{settings.kind}'", file=sys.stderr)
        return EXIT_REJECTED
    what = secret_kind(settings)[1]
    if sys.stdin is None:  # the windowed program has no console: its companion has one
        print("错误 / error: no standard input to read the key from: run cashier-app-cli credentials set",
              file=sys.stderr)
        return EXIT_REJECTED
    for line in store_lines(store_info(settings)):
        print(line, file=sys.stderr)
    if kind == "api-key":
        if sys.stdin.isatty():
            key = getpass.getpass(f"API key for {account_name(settings)} (not shown): ")
        else:
            key = sys.stdin.readline().rstrip("\r\n")
    else:
        if sys.stdin.isatty():
            print(f"Paste the {what} (PEM), then press Enter after its END line:", file=sys.stderr)
        key = _read_pem()
    try:
        CredentialStore(settings).set_key(key)
    except CredentialError as exc:
        print(f"错误 / error ({exc.code}): {exc}", file=sys.stderr)
        return EXIT_REJECTED
    _audit(ctx, AuditAction.KEY_CHANGED, who, what)
    print(f"密钥已保存 / {what} stored for {account_name(settings)} in {_store_name(store_info(settings))}")
    return EXIT_OK


def _read_pem() -> str:
    """Lines from standard input up to a PEM END line (or the end of input); never echoed."""
    lines: list[str] = []
    size = 0
    for line in sys.stdin:
        lines.append(line)
        size += len(line)
        if line.startswith("-----END") or size > MAX_PEM_CHARS:
            break
    return "".join(lines)


def _set_public(kind: str, settings: PlatformSettings) -> int:
    platform, setting = PUBLIC_KINDS[kind]
    section = settings.wechatpay if platform == "wechatpay-v3" else settings.alipay
    target = settings.file_path(getattr(section, setting))
    text = _read_pem()
    try:
        if kind == "wechatpay-certificate":
            certs = rsa_keys.load_certificates(text)
            described = ", ".join(f"serial {c.serial_no}" for c in certs)
        else:
            rsa_keys.load_public_pem(text)
            described = "public key"
    except rsa_keys.KeyFormatError as exc:
        print(f"错误 / error: {exc}", file=sys.stderr)
        return EXIT_REJECTED
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_text(text.strip() + "\n", encoding="ascii", errors="replace")
    os.replace(tmp, target)
    key_name = f"platform.{'wechatpay' if platform == 'wechatpay-v3' else 'alipay'}.{setting}"
    print(f"已保存 / {described} written to {target} ({key_name})")
    if platform != settings.kind:
        print(f"注意 / note: platform.kind is '{settings.kind}', not '{platform}'", file=sys.stderr)
    return EXIT_OK


def _check(args: argparse.Namespace, ctx: CommandContext) -> int:
    settings = ctx.config.platform
    store = CredentialStore(settings)
    what = secret_kind(settings)[1]
    info = store_info(settings)
    report: dict[str, Any] = {"platform": settings.kind, "account": account_name(settings),
                              "store": asdict(info), "protection": PROTECTION.get(info.kind, ("", ""))[1]}

    def say(line: str, error: bool = False) -> None:
        if not args.json:
            print(line, file=sys.stderr if error else sys.stdout)

    def finish(outcome: str, code: int) -> int:
        if args.json:
            print(json.dumps({**report, "outcome": outcome}, ensure_ascii=False, indent=2))
        return code

    say(f"platform: {settings.kind}")
    for line in store_lines(info):
        say(line)
    try:
        key = store.get_key()
    except CredentialStoreUnavailable as exc:
        report["detail"] = str(exc)
        say(f"错误 / error ({exc.code}): {exc}", error=True)
        return finish("store_unavailable", EXIT_REJECTED)
    report["stored"] = key is not None
    if key is None:
        option = "" if secret_kind(settings)[0] == "api-key" else f" --kind {secret_kind(settings)[0]}"
        say(f"未保存密钥 / no {what} stored for {account_name(settings)}: run `cashier-app credentials set{option}`")
        return finish("missing", EXIT_MISSING)
    say(f"密钥已保存 / the {what} is stored for {account_name(settings)}")
    with build_adapter(settings, key_provider=lambda: key) as adapter:
        check = adapter.check_credentials()
    where = settings.endpoint
    report.update(answered=check.answered, skew_s=check.skew_s, detail=check.detail)
    say(f"平台应答 / the platform answered: {check.answered}")
    if check.skew_s is not None:
        say(f"时钟差 / clock difference: {check.skew_s:+.1f} s (the platform's clock minus this computer's)")
    if check.outcome is CheckOutcome.ACCEPTED:
        say(f"平台接受此密钥 / the platform at {where} accepts the keys")
        return finish("accepted", EXIT_OK)
    if check.outcome is CheckOutcome.REJECTED:
        say(f"平台拒绝此密钥 / the platform rejects the key or this terminal: {check.detail}", error=True)
        return finish("rejected", EXIT_REJECTED)
    reason = check.reason.value if check.reason else "unknown"
    report["reason"] = reason
    say(f"无法连接平台 / the platform cannot be reached: {reason}: {check.detail}", error=True)
    return finish("unreachable", EXIT_REJECTED)


# What protects the secrets in each kind of store, said the same way by the CLI and (translated) the
# key dialog: (Chinese, English).
PROTECTION = {
    "system": ("由操作系统的凭据库保护，随本用户登录解锁",
               "protected by the operating system's credential store, unlocked with this user's login"),
    "file": ("仅靠本用户账户的文件权限保护（本用户和管理员可以读取），未加密",
             "protected only by this user account's file permissions (readable by this user and by "
             "administrators), not encrypted"),
    "fallback": ("备用存储，不是系统凭据库", "a fallback store, not the system's credential store"),
    "none": ("无可用的凭据库", "no credential store is available"),
}


def _store_name(info: StoreInfo) -> str:
    if info.kind == "system":
        return f"系统凭据库 / the system's credential store ({info.name})"
    if info.kind == "file":
        return f"本程序的密钥文件 / this app's key file {info.location}"
    if info.kind == "fallback":
        return f"备用存储 / a fallback store ({info.backend}{', ' + info.location if info.location else ''})"
    return "无 / none"


def store_lines(info: StoreInfo) -> list[str]:
    """Where the secrets are and what protects them, in Chinese and English."""
    chinese, english = PROTECTION[info.kind]
    lines = [f"凭据库 / credential store: {_store_name(info)}", f"保护 / protection: {chinese} / {english}"]
    if info.kind == "none":
        lines.append('解决 / fix: 安装并解锁系统凭据库，或在配置中设 [platform] key_storage = "file" / '
                     'install and unlock a credential store, or set [platform] key_storage = "file"')
    lines.append(f"backend: {info.backend}")
    return lines


def _delete(args: argparse.Namespace, ctx: CommandContext) -> int:
    settings = ctx.config.platform
    who = _who(args, ctx)
    if isinstance(who, int):
        return who
    what = secret_kind(settings)[1]
    try:
        deleted = CredentialStore(settings).delete_key()
    except CredentialStoreUnavailable as exc:
        print(f"错误 / error ({exc.code}): {exc}", file=sys.stderr)
        return EXIT_REJECTED
    if not deleted:
        print(f"未保存密钥 / no {what} was stored for {account_name(settings)}")
        return EXIT_MISSING
    _audit(ctx, AuditAction.KEY_DELETED, who, what)
    print(f"密钥已删除 / {what} deleted for {account_name(settings)}")
    return EXIT_OK




