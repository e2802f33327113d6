"""The till's sign-in session: who is signed in now, a manager's approval, and the check every
protected action goes through before it is done.

Qt-free and thread-safe: the window signs people in and out on the GUI thread; services (the
lookup on its worker, the print queue's callers) call `authorize` from theirs. Sign-ins, sign-outs,
failed PINs, lockouts and refused approvals are written to the audit trail here.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from cashier_app.domain.access import AccessPolicy, Decision, ProtectedAction, Role, SignInSettings
from cashier_app.domain.audit import AuditAction
from cashier_app.domain.errors import CodedError
from cashier_app.journal.audit import AuditStore
from cashier_app.people.store import PeopleError, PeopleStore, Person, normalise_number, valid_number

log = logging.getLogger(__name__)

# A manager's approval is for the action the cashier is doing now, not for the rest of the shift.
APPROVAL_TTL_S = 120.0


@dataclass(frozen=True)
class Authorization:
    """Who does a protected action, and the manager whose PIN allowed it (if one was needed)."""

    actor: str
    approved_by: str | None = None


class AccessRefused(CodedError):
    """A protected action asked for without the right to it. `code`: sign_in_required, manager_pin_required."""

    def __init__(self, code: str, action: ProtectedAction) -> None:
        super().__init__(code, f"{action.value}: {code.replace('_', ' ')}")
        self.action = action


SessionListener = Callable[[Person | None], None]


class SignInSession:
    def __init__(
        self,
        people: PeopleStore,
        audit: AuditStore,
        settings: SignInSettings,
        *,
        default_operator: str,
        training: bool = False,
        guests: bool = False,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """`guests`: with nobody added yet, anyone signs in by number alone (training on a store that has
        not set people up: each trainee still has their own results)."""
        self.people = people
        self.audit = audit
        self.settings = settings
        self.policy = AccessPolicy(settings)
        self.default_operator = default_operator
        self.training = training
        self.guests = guests
        self._clock = clock
        self._lock = threading.RLock()
        self._current: Person | None = None
        self._last_actor: str | None = None
        # action -> (manager number, expires at on the clock)
        self._approvals: dict[ProtectedAction, tuple[str, float]] = {}
        self._listeners: list[SessionListener] = []

    # -- who ------------------------------------------------------------------------------------

    @property
    def enabled(self) -> bool:
        return self.settings.enabled

    @property
    def current(self) -> Person | None:
        with self._lock:
            return self._current

    @property
    def actor(self) -> str:
        """The person number written with each step: the one signed in; with sign-in off, the
        configured operator. Work still running for someone who was just signed out stays theirs."""
        if not self.settings.enabled:
            return self.default_operator
        with self._lock:
            if self._current is not None:
                return self._current.number
            return self._last_actor or "system"

    @property
    def role(self) -> Role | None:
        current = self.current
        return current.role if current is not None else None

    def add_listener(self, listener: SessionListener) -> None:
        self._listeners.append(listener)

    def _tell(self, person: Person | None) -> None:
        for listener in list(self._listeners):
            try:
                listener(person)
            except Exception:
                log.exception("a sign-in listener failed")

    # -- signing in and out -----------------------------------------------------------------------

    def needs_first_manager(self) -> bool:
        """Sign-in is on and nobody could approve anything yet: the first manager must be added."""
        return self.settings.enabled and not self.guests_now() and self.people.count_active_managers() == 0

    def guests_now(self) -> bool:
        """Guests sign in by number alone: allowed here, and nobody has been added yet."""
        return self.guests and self.people.is_empty()

    def pin_needed(self) -> bool:
        return not self.guests_now()

    def add_first_manager(self, number: str, name: str, pin: str) -> Person:
        """The store's first manager, added at the sign-in screen; refused once a manager exists."""
        if not self.needs_first_manager():
            raise PeopleError("not_allowed", "a manager exists already: a manager adds people")
        person = self.people.add(number, name, Role.MANAGER, pin, by=normalise_number(number))
        return self.sign_in(person.number, pin)

    def sign_in(self, number: str, pin: str) -> Person:
        """Sign `number` in (the one signed in before is signed out). PeopleError when refused."""
        try:
            person = self._guest(number) if self.guests_now() else self.people.check_pin(number, pin, self.settings)
        except PeopleError as error:
            action = AuditAction.LOCKED_OUT if error.code == "locked" else AuditAction.SIGN_IN_FAILED
            self._record(action, normalise_number(number) or "?", detail=error.code)
            raise
        with self._lock:
            previous = self._current
            if previous is not None and previous.number != person.number:
                self._record(AuditAction.SIGN_OUT, previous.number, detail="switch")
            self._current = person
            self._last_actor = person.number
            self._approvals.clear()
        if not self.guests_now():
            self.people.signed_in(person.number)
        self._record(AuditAction.SIGN_IN, person.number, detail=person.role.value)
        log.info("%s (%s) signed in", person.number, person.role.value)
        self._tell(person)
        return person

    @staticmethod
    def _guest(number: str) -> Person:
        number = normalise_number(number)
        if not valid_number(number):
            raise PeopleError("invalid_person_number", f"{number!r} is not a person number")
        return Person(number, "", Role.CASHIER)

    def sign_out(self, why: str = "") -> None:
        """`why`: switch (quick switch at shift change), idle, quit, or empty for a plain sign-out."""
        with self._lock:
            person, self._current = self._current, None
            self._approvals.clear()
        if person is None:
            return
        self._record(AuditAction.SIGN_OUT, person.number, detail=why)
        log.info("%s signed out (%s)", person.number, why or "asked")
        self._tell(None)

    # -- protected actions --------------------------------------------------------------------------

    def decide(self, action: ProtectedAction) -> Decision:
        decision = self.policy.decide(action, self.role)
        if decision is Decision.MANAGER_PIN and self._approval(action, consume=False) is not None:
            return Decision.ALLOWED
        return decision

    def needs_manager_pin(self, action: ProtectedAction) -> bool:
        """Does this action need a manager's PIN for the person signed in now?"""
        return self.decide(action) is Decision.MANAGER_PIN

    def approve(self, action: ProtectedAction, number: str, pin: str) -> Person:
        """A manager enters their number and PIN for `action`: the next `authorize(action)` (within
        APPROVAL_TTL_S) is theirs to answer for. Wrong PINs count towards the manager's lockout."""
        try:
            manager = self.people.check_pin(number, pin, self.settings)
        except PeopleError as error:
            self._record(AuditAction.APPROVAL_REFUSED, self.actor, detail=f"{action.value}: {error.code}",
                         approved_by=normalise_number(number) or None)
            raise
        if not self.policy.may_approve(manager.role):
            self._record(AuditAction.APPROVAL_REFUSED, self.actor, detail=f"{action.value}: not_a_manager",
                         approved_by=manager.number)
            raise PeopleError("not_a_manager", f"{manager.number} is not a manager")
        with self._lock:
            self._approvals[action] = (manager.number, self._clock() + APPROVAL_TTL_S)
        return manager

    def authorize(self, action: ProtectedAction) -> Authorization:
        """Check (and use up) the right to do `action` now. AccessRefused when it is missing."""
        decision = self.policy.decide(action, self.role)
        if decision is Decision.ALLOWED:
            return Authorization(self.actor)
        if decision is Decision.SIGN_IN:
            raise AccessRefused("sign_in_required", action)
        approver = self._approval(action, consume=True)
        if approver is None:
            raise AccessRefused("manager_pin_required", action)
        return Authorization(self.actor, approver)

    def _approval(self, action: ProtectedAction, *, consume: bool) -> str | None:
        with self._lock:
            found = self._approvals.get(action)
            if found is None:
                return None
            manager, expires = found
            if self._clock() > expires:
                del self._approvals[action]
                return None
            if consume:
                del self._approvals[action]
            return manager

    def _record(self, action: AuditAction, actor: str, *, detail: str = "", approved_by: str | None = None) -> None:
        try:
            self.audit.record(action, actor, detail=detail, approved_by=approved_by, training=self.training)
        except Exception:
            # The audit trail must not keep a cashier from signing in (the journal logs its own fault).
            log.exception("could not write the audit row %s for %s", action.value, actor)
