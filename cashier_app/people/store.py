"""People in the journal: number, name, role, PIN hash, disabled, and the lockout after wrong PINs.

Every change is written with its audit row in the same transaction. A PIN is checked here (and
only here), so the sign-in screen, a manager's approval and the command line lock out alike.
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from cashier_app.domain.access import Role, SignInSettings
from cashier_app.domain.audit import AuditAction
from cashier_app.domain.errors import CodedError
from cashier_app.domain.numbers import fullwidth_to_ascii
from cashier_app.journal.audit import AuditStore
from cashier_app.journal.db import Journal
from cashier_app.people.pins import check_pin_shape, hash_pin, verify_pin

# Person numbers are what a till prints as 收银员: short, letters and digits.
_NUMBER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,15}$")
# Names that mean the app itself in the journal's actor columns.
RESERVED_NUMBERS = frozenset({"system"})


class PeopleError(CodedError):
    """A person cannot be added, changed or signed in. `code` is a machine word for the UI's message
    (unknown_or_wrong_pin, locked, disabled, person_exists, no_such_person, invalid_person_number,
    invalid_name, last_manager, not_a_manager, pin_* from people.pins)."""

    def __init__(self, code: str, message: str, *, locked_until: str | None = None) -> None:
        super().__init__(code, message, params={"until": locked_until or ""})
        self.locked_until = locked_until


@dataclass(frozen=True)
class Person:
    number: str
    name: str
    role: Role
    disabled: bool = False
    created_at: str = ""
    created_by: str = ""
    pin_changed_at: str = ""
    wrong_pins: int = 0
    locked_until: str | None = None  # UTC
    last_sign_in_at: str | None = None

    @property
    def label(self) -> str:
        """"07 王芳": how the status bar and the records name a person."""
        return f"{self.number} {self.name}".strip()


def normalise_number(raw: str) -> str:
    return "".join(fullwidth_to_ascii(raw).split())


def valid_number(number: str) -> bool:
    return bool(_NUMBER.match(number)) and number.lower() not in RESERVED_NUMBERS


class PeopleStore:
    def __init__(self, journal: Journal, *, clock: Callable[[], float] = time.time, training: bool = False) -> None:
        self._journal = journal
        self._clock = clock
        self._audit = AuditStore(journal)
        self._training = training

    def _now(self) -> datetime:
        return datetime.fromtimestamp(self._clock(), UTC)

    def _now_text(self) -> str:
        return self._now().isoformat(timespec="microseconds")

    # -- reading --------------------------------------------------------------------------------

    def get(self, number: str) -> Person | None:
        with self._journal.read() as conn:
            row = conn.execute("SELECT * FROM people WHERE number = ?", (normalise_number(number),)).fetchone()
            return _person(row) if row is not None else None

    def list(self, *, include_disabled: bool = True) -> list[Person]:
        sql = "SELECT * FROM people" + ("" if include_disabled else " WHERE disabled = 0") + " ORDER BY number"
        with self._journal.read() as conn:
            return [_person(row) for row in conn.execute(sql)]

    def count_active_managers(self) -> int:
        with self._journal.read() as conn:
            row = conn.execute("SELECT COUNT(*) FROM people WHERE role = ? AND disabled = 0", (Role.MANAGER.value,))
            return int(row.fetchone()[0])

    def is_empty(self) -> bool:
        with self._journal.read() as conn:
            return conn.execute("SELECT 1 FROM people LIMIT 1").fetchone() is None

    # -- changes (each with its audit row) ------------------------------------------------------

    def add(self, number: str, name: str, role: Role, pin: str, *, by: str,
            approved_by: str | None = None) -> Person:
        number = normalise_number(number)
        if not valid_number(number):
            raise PeopleError("invalid_person_number", f"{number!r} is not a person number: 1 to 16 letters or digits")
        name = " ".join(name.split())
        if len(name) > 40:
            raise PeopleError("invalid_name", "a name has at most 40 characters")
        check_pin_shape(pin, number)
        now = self._now_text()
        pin_hash = hash_pin(pin)  # slow: outside the transaction
        with self._journal.tx() as conn:
            if conn.execute("SELECT 1 FROM people WHERE number = ?", (number,)).fetchone() is not None:
                raise PeopleError("person_exists", f"person {number} exists already")
            conn.execute(
                "INSERT INTO people(number, name, role, pin_hash, created_at, created_by, pin_changed_at)"
                " VALUES (?,?,?,?,?,?,?)", (number, name, role.value, pin_hash, now, by, now))
            self._audit.record(AuditAction.PERSON_ADDED, by, detail=f"{number} {name} ({role.value})".strip(),
                               approved_by=approved_by, training=self._training, conn=conn)
            return _person(conn.execute("SELECT * FROM people WHERE number = ?", (number,)).fetchone())

    def set_disabled(self, number: str, disabled: bool, *, by: str, approved_by: str | None = None) -> Person:
        number = normalise_number(number)
        with self._journal.tx() as conn:
            person = self._require(conn, number)
            if disabled and person.role is Role.MANAGER and not person.disabled and self._managers(conn) <= 1:
                raise PeopleError("last_manager", "the last manager cannot be disabled: add another manager first")
            conn.execute("UPDATE people SET disabled = ?, wrong_pins = 0, locked_until = NULL WHERE number = ?",
                         (int(disabled), number))
            action = AuditAction.PERSON_DISABLED if disabled else AuditAction.PERSON_ENABLED
            self._audit.record(action, by, detail=person.label, approved_by=approved_by, training=self._training,
                               conn=conn)
            return self._require(conn, number)

    def set_pin(self, number: str, pin: str, *, by: str, approved_by: str | None = None) -> Person:
        """A new PIN (which also lifts a lockout)."""
        number = normalise_number(number)
        check_pin_shape(pin, number)
        pin_hash = hash_pin(pin)
        with self._journal.tx() as conn:
            self._require(conn, number)
            conn.execute("UPDATE people SET pin_hash = ?, pin_changed_at = ?, wrong_pins = 0, locked_until = NULL"
                         " WHERE number = ?", (pin_hash, self._now_text(), number))
            self._audit.record(AuditAction.PIN_CHANGED, by, detail=number, approved_by=approved_by,
                               training=self._training, conn=conn)
            return self._require(conn, number)

    # -- PIN checks ------------------------------------------------------------------------------

    def check_pin(self, number: str, pin: str, settings: SignInSettings) -> Person:
        """The person whose number and PIN these are, or PeopleError. Wrong PINs in a row lock the number
        for `settings.lockout_min`; a right PIN resets the count. Writes nothing to the audit trail: the
        caller says what the check was for (a sign-in, an approval)."""
        number = normalise_number(number)
        person = self.get(number)
        if person is None:
            raise PeopleError("unknown_or_wrong_pin", "unknown person number or wrong PIN")
        if person.disabled:
            raise PeopleError("disabled", f"person {number} is disabled")
        now = self._now()
        if person.locked_until is not None and datetime.fromisoformat(person.locked_until) > now:
            raise PeopleError("locked", f"person {number} is locked until {person.locked_until}",
                              locked_until=person.locked_until)
        right = verify_pin(pin, self._pin_hash(number))  # slow: outside the transaction
        until: str | None = None
        with self._journal.tx() as conn:
            if right:
                conn.execute("UPDATE people SET wrong_pins = 0, locked_until = NULL WHERE number = ?", (number,))
                return self._require(conn, number)
            current = self._require(conn, number)  # read again: another check may have counted meanwhile
            wrong = current.wrong_pins + 1
            if wrong >= settings.max_wrong_pins:
                until = (now + timedelta(minutes=settings.lockout_min)).isoformat(timespec="microseconds")
                conn.execute("UPDATE people SET wrong_pins = 0, locked_until = ? WHERE number = ?", (until, number))
            else:
                conn.execute("UPDATE people SET wrong_pins = ?, locked_until = NULL WHERE number = ?",
                             (wrong, number))
        # Raised after the commit: the count and the lockout must stay written.
        if until is not None:
            raise PeopleError("locked", f"{wrong} wrong PINs: person {number} is locked until {until}",
                              locked_until=until)
        raise PeopleError("unknown_or_wrong_pin", "unknown person number or wrong PIN")

    def signed_in(self, number: str) -> None:
        with self._journal.tx() as conn:
            conn.execute("UPDATE people SET last_sign_in_at = ? WHERE number = ?",
                         (self._now_text(), normalise_number(number)))

    def _pin_hash(self, number: str) -> str:
        with self._journal.read() as conn:
            row = conn.execute("SELECT pin_hash FROM people WHERE number = ?", (number,)).fetchone()
            return str(row["pin_hash"]) if row is not None else ""

    @staticmethod
    def _managers(conn: sqlite3.Connection) -> int:
        row = conn.execute("SELECT COUNT(*) FROM people WHERE role = ? AND disabled = 0", (Role.MANAGER.value,))
        return int(row.fetchone()[0])

    @staticmethod
    def _require(conn: sqlite3.Connection, number: str) -> Person:
        row = conn.execute("SELECT * FROM people WHERE number = ?", (number,)).fetchone()
        if row is None:
            raise PeopleError("no_such_person", f"no person {number}")
        return _person(row)


def _person(row: sqlite3.Row) -> Person:
    try:
        role = Role(row["role"])
    except ValueError:
        role = Role.CASHIER  # a role this version does not know gets the least rights
    return Person(
        number=row["number"], name=row["name"], role=role, disabled=bool(row["disabled"]),
        created_at=row["created_at"], created_by=row["created_by"], pin_changed_at=row["pin_changed_at"],
        wrong_pins=int(row["wrong_pins"]), locked_until=row["locked_until"], last_sign_in_at=row["last_sign_in_at"],
    )
