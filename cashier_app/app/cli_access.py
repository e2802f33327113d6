"""Protected commands on the command line: who runs them (`--as NUMBER` and a PIN), and whether they may.

The PIN is never an argument (it would stay in the shell history and the process list): it is read from
the CASHIER_APP_PIN environment variable, for scripts, or asked on the terminal without echo. Wrong PINs
count towards the same lockout as at the till. A command that is not allowed exits with EXIT_REFUSED.
"""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import os
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cashier_app.domain.access import AccessPolicy, Decision, ProtectedAction
from cashier_app.domain.audit import AuditAction
from cashier_app.journal.audit import AuditStore
from cashier_app.journal.db import Journal
from cashier_app.people.store import PeopleError, PeopleStore, normalise_number

if TYPE_CHECKING:
    from cashier_app.app.context import CommandContext

PIN_ENV = "CASHIER_APP_PIN"
EXIT_REFUSED = 6

REFUSAL_WORDS = {
    "unknown_or_wrong_pin": "人员编号或 PIN 错误 / wrong person number or PIN",
    "locked": "PIN 错误次数过多，已锁定 / locked after too many wrong PINs",
    "disabled": "此人员编号已停用 / this person number is disabled",
    "no_pin": "需要 PIN / a PIN is needed",
}


class CommandRefused(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)


@dataclass(frozen=True)
class CommandPerson:
    """Who runs a command: a person number (or the one-person till's operator), and their role's rights."""

    actor: str
    checked: bool  # True when a PIN proved it


def add_person_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--as", dest="as_person", metavar="NUMBER",
                        help=f"person number running this command (PIN from ${PIN_ENV} or asked on the terminal)")


def read_secret(prompt: str, env: str | None = None) -> str | None:
    if env and os.environ.get(env):
        return os.environ[env]
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    return None


def person_for(args: argparse.Namespace, ctx: CommandContext, journal: Journal, action: ProtectedAction, *,
               always: bool = False) -> CommandPerson:
    """The person allowed to run a protected command, or CommandRefused.

    With sign-in off the configured operator runs it, unless `always` (the people commands, once the store
    has a manager: nobody resets a manager's PIN without one)."""
    config = ctx.config
    people = PeopleStore(journal)
    settings = config.signin
    if not settings.enabled and not always:
        who = normalise_number(args.as_person) if getattr(args, "as_person", None) else config.general.operator
        return CommandPerson(who, checked=False)
    if not getattr(args, "as_person", None):
        why = "sign-in is on" if settings.enabled else "the store has a manager"
        raise CommandRefused(f"此命令需要人员编号 / this command needs a person: --as NUMBER ({why})")
    number = normalise_number(args.as_person)
    pin = read_secret(f"PIN for {number} (not shown): ", PIN_ENV)
    if not pin:
        raise CommandRefused(f"{REFUSAL_WORDS['no_pin']}: set ${PIN_ENV} or run it on a terminal")
    audit = AuditStore(journal)
    try:
        person = people.check_pin(number, pin, settings)
    except PeopleError as error:
        action_done = AuditAction.LOCKED_OUT if error.code == "locked" else AuditAction.SIGN_IN_FAILED
        audit.record(action_done, number, detail=f"{error.code} (command line)")
        words = REFUSAL_WORDS.get(error.code, error.code)
        until = f" until {error.locked_until}" if error.locked_until else ""
        raise CommandRefused(f"{words}{until}") from None
    # Roles count even on a one-person till for the commands that always ask (people).
    policy = AccessPolicy(dataclasses.replace(settings, enabled=True))
    if policy.decide(action, person.role) is not Decision.ALLOWED:
        raise CommandRefused(f"{person.number} ({person.role.value}) 无权执行 / may not: {action.value}; "
                             "ask a manager to run it")
    return CommandPerson(person.number, checked=True)


def refused(error: CommandRefused) -> int:
    print(f"不允许 / not allowed: {error}", file=sys.stderr)
    return EXIT_REFUSED
