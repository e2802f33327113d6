"""The window's view of people and the record: AccessServices over the sign-in session, the people
store and the audit trail, with journal rows turned into the UI's rows (store time, no secrets)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from cashier_app.domain.access import Decision, ProtectedAction, Role
from cashier_app.domain.audit import AuditEntry
from cashier_app.domain.errors import CodedError
from cashier_app.domain.local_time import store_time
from cashier_app.journal.audit import AuditFilter, AuditStore
from cashier_app.people.pins import PinRefused
from cashier_app.people.session import AccessRefused, Authorization, SignInSession
from cashier_app.people.store import PeopleError, Person
from cashier_app.ui.rows import ALLOWED, NEEDS_MANAGER_PIN, NEEDS_SIGN_IN, AuditQuery, AuditRow, PersonRow

_DECISIONS = {Decision.ALLOWED: ALLOWED, Decision.MANAGER_PIN: NEEDS_MANAGER_PIN, Decision.SIGN_IN: NEEDS_SIGN_IN}


class AccessError(CodedError):
    """What the window shows when a person cannot do something."""


class AppAccessServices:
    def __init__(self, session: SignInSession, audit: AuditStore, tz: tzinfo, *, training: bool = False) -> None:
        self.session = session
        self._audit = audit
        self._tz = tz
        self._training = training

    # -- the right to act -------------------------------------------------------------------------

    def authorize(self, action: ProtectedAction) -> Authorization:
        """For the services behind the window: who does it, approved by whom; AccessError when not allowed."""
        try:
            return self.session.authorize(action)
        except AccessRefused as refused:
            raise AccessError(refused.code, str(refused)) from None

    @contextmanager
    def _said(self) -> Iterator[None]:
        try:
            yield
        except (PeopleError, PinRefused) as error:
            until = error.locked_until if isinstance(error, PeopleError) else None
            params = {"until": self._local(until, "%H:%M")} if until else {}
            raise AccessError(error.code, str(error), params=params) from None

    # -- AccessServices -----------------------------------------------------------------------------

    def sign_in_required(self) -> bool:
        return self.session.enabled

    def current_person(self) -> PersonRow | None:
        person = self.session.current
        return self.person_row(person) if person is not None else None

    def needs_first_manager(self) -> bool:
        return self.session.needs_first_manager()

    def add_first_manager(self, number: str, name: str, pin: str) -> PersonRow:
        with self._said():
            return self.person_row(self.session.add_first_manager(number, name, pin))

    def sign_in(self, number: str, pin: str) -> PersonRow:
        with self._said():
            return self.person_row(self.session.sign_in(number, pin))

    def pin_needed(self) -> bool:
        return self.session.pin_needed()

    def sign_out(self, why: str) -> None:
        self.session.sign_out(why)

    def idle_sign_out_s(self) -> float:
        return self.session.settings.idle_sign_out_min * 60.0 if self.session.enabled else 0.0

    def decide(self, action: str) -> str:
        return _DECISIONS[self.session.decide(_action(action))]

    def approve(self, action: str, number: str, pin: str) -> PersonRow:
        with self._said():
            return self.person_row(self.session.approve(_action(action), number, pin))

    def people(self) -> list[PersonRow]:
        self.authorize(ProtectedAction.MANAGE_PEOPLE)
        return [self.person_row(p) for p in self.session.people.list()]

    def add_person(self, number: str, name: str, role: str, pin: str) -> PersonRow:
        try:
            chosen = Role(role)
        except ValueError:
            raise AccessError("invalid_role", f"unknown role {role!r}") from None
        by = self.authorize(ProtectedAction.MANAGE_PEOPLE)
        with self._said():
            person = self.session.people.add(number, name, chosen, pin, by=by.actor, approved_by=by.approved_by)
            return self.person_row(person)

    def set_person_disabled(self, number: str, disabled: bool) -> PersonRow:
        by = self.authorize(ProtectedAction.MANAGE_PEOPLE)
        current = self.session.current
        if disabled and current is not None and current.number == number:
            raise AccessError("disable_self", "a person cannot disable themselves while signed in")
        with self._said():
            person = self.session.people.set_disabled(number, disabled, by=by.actor, approved_by=by.approved_by)
            return self.person_row(person)

    def set_pin(self, number: str, pin: str) -> PersonRow:
        by = self.authorize(ProtectedAction.MANAGE_PEOPLE)
        with self._said():
            return self.person_row(self.session.people.set_pin(number, pin, by=by.actor, approved_by=by.approved_by))

    def change_own_pin(self, old_pin: str, new_pin: str) -> PersonRow:
        current = self.session.current
        if current is None:
            raise AccessError("sign_in_required", "nobody is signed in")
        with self._said():
            self.session.people.check_pin(current.number, old_pin, self.session.settings)
            return self.person_row(self.session.people.set_pin(current.number, new_pin, by=current.number))

    def audit(self, query: AuditQuery) -> list[AuditRow]:
        return [self.audit_row(e) for e in self.audit_entries(query)]

    def audit_entries(self, query: AuditQuery) -> list[AuditEntry]:
        self.authorize(ProtectedAction.VIEW_AUDIT)
        since = self._day_start(query.since_day) if query.since_day else None
        until = self._day_start(query.until_day, days=1) if query.until_day else None
        flt = AuditFilter(since_utc=since, until_utc=until, actions=(query.action,) if query.action else (),
                          actor=query.person or None, training=None if self._training else False)
        return self._audit.list(flt)

    def audit_csv(self, query: AuditQuery) -> bytes:
        from cashier_app.ui.record_csv import audit_to_csv

        return audit_to_csv(self.audit(query))

    # -- rows ---------------------------------------------------------------------------------------

    def person_row(self, person: Person) -> PersonRow:
        locked = ""
        if person.locked_until and datetime.fromisoformat(person.locked_until) > datetime.now(UTC):
            locked = self._local(person.locked_until, "%H:%M")
        return PersonRow(person.number, person.name, person.role.value, person.disabled, locked,
                         self._local(person.last_sign_in_at, "%Y-%m-%d %H:%M:%S") if person.last_sign_in_at else "")

    def audit_row(self, entry: AuditEntry) -> AuditRow:
        return audit_row(entry, self._tz)

    def _local(self, utc_iso: str, fmt: str) -> str:
        return store_time(utc_iso, self._tz, fmt)

    def _day_start(self, day: str, *, days: int = 0) -> str:
        start = datetime.combine(date.fromisoformat(day), time(0), self._tz) + timedelta(days=days)
        return start.astimezone(UTC).isoformat(timespec="microseconds")


def audit_row(entry: AuditEntry, tz: tzinfo) -> AuditRow:
    return AuditRow(entry.id, store_time(entry.at, tz), entry.actor, entry.action, entry.out_trade_no,
                    entry.receipt_id, entry.job_id, entry.case_id, entry.reason, entry.detail, entry.approved_by,
                    entry.training)


def _action(action: str) -> ProtectedAction:
    try:
        return ProtectedAction(action)
    except ValueError:
        raise AccessError("invalid_action", f"unknown protected action {action!r}") from None

