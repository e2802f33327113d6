"""Who may do what: roles, the protected actions, and when a manager's PIN is needed.

One place for every part and page that asks "may this person do this?". Pure rules: the sign-in
session (people/session.py) applies them to the person signed in, the UI asks before it acts, and
the services check again before they do anything.

With sign-in off (`[signin] enabled = false`, a one-person till) everything is allowed and
`general.operator` names who did it. With sign-in on:
- a manager may do everything;
- a technician may set the till up (settings, the key, the printer's jobs and tools);
- anyone else needs a manager's PIN for the actions the store protects (`[signin.manager_pin]`),
  and for the manager's own work (people, the audit trail), which is always protected.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from enum import StrEnum


class Role(StrEnum):
    CASHIER = "cashier"
    MANAGER = "manager"
    TECHNICIAN = "technician"


class ProtectedAction(StrEnum):
    # The store chooses, per action, whether a cashier needs a manager's PIN ([signin.manager_pin]).
    REPRINT = "reprint"
    CANCEL_JOB = "cancel_job"
    MOVE_JOB = "move_job"
    CLOSE_ORDER = "close_order"
    CLOSE_CASE = "close_case"
    CHANGE_SETTINGS = "change_settings"
    CHANGE_KEY = "change_key"
    # Always a manager's (signed in, or approving with their PIN).
    MANAGE_PEOPLE = "manage_people"
    VIEW_AUDIT = "view_audit"
    # The technician's page and tools: a technician or a manager.
    TECHNICIAN_TOOLS = "technician_tools"


class Decision(StrEnum):
    ALLOWED = "allowed"
    MANAGER_PIN = "manager_pin"  # allowed once a manager has entered their PIN
    SIGN_IN = "sign_in"  # nobody is signed in: sign in first


# What each role may do by itself, without anyone's PIN.
ROLE_MAY: dict[Role, frozenset[ProtectedAction]] = {
    Role.MANAGER: frozenset(ProtectedAction),
    Role.TECHNICIAN: frozenset({
        ProtectedAction.CHANGE_SETTINGS, ProtectedAction.CHANGE_KEY, ProtectedAction.CANCEL_JOB,
        ProtectedAction.MOVE_JOB, ProtectedAction.TECHNICIAN_TOOLS,
    }),
    Role.CASHIER: frozenset(),
}

# The role whose PIN approves an action for someone else.
APPROVER_ROLE = Role.MANAGER


@dataclass
class ManagerPinSettings:
    """true: with sign-in on, a cashier needs a manager's PIN for this action."""

    reprint: bool = True
    cancel_job: bool = True
    move_job: bool = True
    close_order: bool = True
    close_case: bool = True
    change_settings: bool = True
    change_key: bool = True

    def protects(self, action: ProtectedAction) -> bool:
        """Whether the store asks for a manager's PIN for `action`; actions not listed here always need one."""
        return bool(getattr(self, action.value, True))


CONFIGURABLE: frozenset[ProtectedAction] = frozenset(ProtectedAction(f.name) for f in fields(ManagerPinSettings))


@dataclass
class SignInSettings:
    # false: a one-person till; general.operator is who does everything, nobody signs in.
    enabled: bool = False
    # Signed out after this many minutes without a key press or a click (0: never).
    idle_sign_out_min: float = field(default=10.0, metadata={"min": 0.0, "max": 1440.0})
    # Wrong PINs in a row before the person number is locked, and for how long.
    max_wrong_pins: int = field(default=5, metadata={"min": 1, "max": 20})
    lockout_min: float = field(default=15.0, metadata={"min": 0.5, "max": 1440.0})
    manager_pin: ManagerPinSettings = field(default_factory=ManagerPinSettings)


@dataclass(frozen=True)
class AccessPolicy:
    """The rules above for one store's settings. Qt-free; ask it before offering an action."""

    settings: SignInSettings = field(default_factory=SignInSettings)

    @property
    def sign_in_required(self) -> bool:
        return self.settings.enabled

    def decide(self, action: ProtectedAction, role: Role | None) -> Decision:
        """What `role` (None: nobody signed in) needs before doing `action`."""
        if not self.settings.enabled:
            return Decision.ALLOWED
        if role is None:
            return Decision.SIGN_IN
        if action in ROLE_MAY[role]:
            return Decision.ALLOWED
        if action in CONFIGURABLE and not self.settings.manager_pin.protects(action):
            return Decision.ALLOWED
        return Decision.MANAGER_PIN

    def needs_manager_pin(self, action: ProtectedAction, role: Role | None) -> bool:
        """Does this action need a manager's PIN for this person? (False when they may do it, or sign-in is off.)"""
        return self.decide(action, role) is Decision.MANAGER_PIN

    def may(self, action: ProtectedAction, role: Role | None) -> bool:
        """May this person do it by themselves, without anyone's PIN?"""
        return self.decide(action, role) is Decision.ALLOWED

    @staticmethod
    def may_approve(role: Role) -> bool:
        """May a person of this role approve an action for someone else with their PIN?"""
        return role is APPROVER_ROLE
