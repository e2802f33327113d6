"""`cashier-app people add|list|disable|enable|set-pin`: who signs in at this till.

Once the store has a manager, every change needs one: `--as NUMBER` with that manager's PIN (from
$CASHIER_APP_PIN or asked on the terminal). The first manager is added without. A new PIN is read from
standard input (`--pin-stdin`, one line) or asked twice on the terminal; it is never an argument.
Exit codes: 0 done, 2 usage or a refused value, 6 not allowed (no manager, wrong PIN, locked).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from cashier_app.app.cli_access import CommandRefused, add_person_option, person_for, read_secret, refused
from cashier_app.domain.access import ProtectedAction, Role
from cashier_app.journal.db import Journal
from cashier_app.people.pins import PinRefused
from cashier_app.people.store import PeopleError, PeopleStore, Person

if TYPE_CHECKING:
    from cashier_app.app.command_registry import CommandRegistry
    from cashier_app.app.context import CommandContext

EXIT_OK, EXIT_USAGE = 0, 2

ROLE_WORDS = {Role.CASHIER: "收银员 cashier", Role.MANAGER: "店长 manager", Role.TECHNICIAN: "技术员 technician"}


def register(registry: CommandRegistry) -> None:
    parser = registry.add("people", "add, list, disable or re-enable people, and set PINs (sign-in)")
    sub = parser.add_subparsers(dest="people_command", metavar="ACTION")

    def action(name: str, help: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help, parents=[registry.common])
        add_person_option(p)
        return p

    add = action("add", "add a person who signs in with a number and PIN")
    add.add_argument("number", help="person number (1 to 16 letters or digits), e.g. 07")
    add.add_argument("--name", default="", help="the person's name, e.g. 王芳")
    add.add_argument("--role", choices=[r.value for r in Role], default=Role.CASHIER.value)
    add.add_argument("--pin-stdin", action="store_true", help="read the new PIN from standard input (one line)")
    add.set_defaults(handler=_add)
    li = action("list", "list the people, their roles and whether they are disabled or locked")
    li.add_argument("--json", action="store_true", help="print the list as JSON (for scripts)")
    li.set_defaults(handler=_list)
    disable = action("disable", "stop a person signing in (their records stay)")
    disable.add_argument("number")
    disable.set_defaults(handler=_disable)
    enable = action("enable", "let a disabled person sign in again")
    enable.add_argument("number")
    enable.set_defaults(handler=_enable)
    pin = action("set-pin", "give a person a new PIN (also lifts a lockout)")
    pin.add_argument("number")
    pin.add_argument("--pin-stdin", action="store_true", help="read the new PIN from standard input (one line)")
    pin.set_defaults(handler=_set_pin)


def _open(ctx: CommandContext) -> Journal:
    ctx.paths.ensure()
    return Journal(ctx.paths.journal_file)


def _manager(args: argparse.Namespace, ctx: CommandContext, journal: Journal) -> str:
    """Who makes the change: a manager (by PIN) once one exists; the first manager is added without."""
    if PeopleStore(journal).count_active_managers() == 0:
        return args.as_person or "setup"
    return person_for(args, ctx, journal, ProtectedAction.MANAGE_PEOPLE, always=True).actor


def _new_pin(args: argparse.Namespace, number: str) -> str | None:
    if args.pin_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = read_secret(f"new PIN for {number} (not shown): ")
    if first is None:
        return None
    again = read_secret("the same PIN again: ")
    if first != again:
        print("错误 / error: the two PINs are not the same", file=sys.stderr)
        return None
    return first


def _change(ctx: CommandContext, change: Callable[[Journal], str]) -> int:
    """Run one change on the journal; say what it did, or why it was refused."""
    journal = _open(ctx)
    try:
        done = change(journal)
    except CommandRefused as error:
        return refused(error)
    except (PeopleError, PinRefused) as error:
        return _usage(f"{error} ({error.code})")
    finally:
        journal.close()
    print(done)
    return EXIT_OK


class _NoPin(PeopleError):
    def __init__(self) -> None:
        super().__init__("no_pin", "no PIN given: use --pin-stdin or run it on a terminal")


def _add(args: argparse.Namespace, ctx: CommandContext) -> int:
    def add(journal: Journal) -> str:
        people = PeopleStore(journal)
        if people.count_active_managers() == 0 and args.role != Role.MANAGER.value:
            print("注意 / note: the store has no manager yet: add one (--role manager) before switching sign-in on",
                  file=sys.stderr)
        by = _manager(args, ctx, journal)
        pin = _new_pin(args, args.number)
        if pin is None:
            raise _NoPin()
        person = people.add(args.number, args.name, Role(args.role), pin, by=by)
        return f"已添加 / added: {person.label} ({ROLE_WORDS[person.role]})"

    return _change(ctx, add)


def _list(args: argparse.Namespace, ctx: CommandContext) -> int:
    journal = _open(ctx)
    try:
        people = PeopleStore(journal).list()
    finally:
        journal.close()
    if args.json:
        print(json.dumps([_json(p) for p in people], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not people:
        print("还没有人员 / nobody yet: `cashier-app people add NUMBER --name NAME --role manager`")
        return EXIT_OK
    for person in people:
        flags = []
        if person.disabled:
            flags.append("已停用 disabled")
        if person.locked_until:
            flags.append(f"锁定至 locked until {person.locked_until}")
        last = person.last_sign_in_at or "-"
        print(f"{person.number:<8} {person.name:<12} {ROLE_WORDS[person.role]:<16} last sign-in {last}"
              + (f"  [{', '.join(flags)}]" if flags else ""))
    return EXIT_OK


def _json(person: Person) -> dict[str, object]:
    return {"number": person.number, "name": person.name, "role": person.role.value, "disabled": person.disabled,
            "locked_until": person.locked_until, "last_sign_in_at": person.last_sign_in_at,
            "created_at": person.created_at, "created_by": person.created_by}


def _disable(args: argparse.Namespace, ctx: CommandContext) -> int:
    return _set_disabled(args, ctx, True)


def _enable(args: argparse.Namespace, ctx: CommandContext) -> int:
    return _set_disabled(args, ctx, False)


def _set_disabled(args: argparse.Namespace, ctx: CommandContext, disabled: bool) -> int:
    def change(journal: Journal) -> str:
        person = PeopleStore(journal).set_disabled(args.number, disabled, by=_manager(args, ctx, journal))
        return f"{'已停用 / disabled' if disabled else '已启用 / enabled'}: {person.label}"

    return _change(ctx, change)


def _set_pin(args: argparse.Namespace, ctx: CommandContext) -> int:
    def change(journal: Journal) -> str:
        by = _manager(args, ctx, journal)
        pin = _new_pin(args, args.number)
        if pin is None:
            raise _NoPin()
        person = PeopleStore(journal).set_pin(args.number, pin, by=by)
        return f"PIN 已更新 / new PIN set for {person.label}"

    return _change(ctx, change)


def _usage(message: str) -> int:
    print(f"错误 / error: {message}", file=sys.stderr)
    return EXIT_USAGE
