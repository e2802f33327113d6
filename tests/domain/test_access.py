"""Who may do what: the policy every page, service and command asks."""

from __future__ import annotations

import pytest

from cashier_app.domain.access import (
    CONFIGURABLE,
    AccessPolicy,
    Decision,
    ManagerPinSettings,
    ProtectedAction,
    Role,
    SignInSettings,
)

ON = SignInSettings(enabled=True)


def test_a_one_person_till_allows_everything() -> None:
    policy = AccessPolicy(SignInSettings(enabled=False))
    for action in ProtectedAction:
        assert policy.decide(action, None) is Decision.ALLOWED
        assert not policy.needs_manager_pin(action, Role.CASHIER)


def test_with_sign_in_nobody_acts_before_signing_in() -> None:
    for action in ProtectedAction:
        assert AccessPolicy(ON).decide(action, None) is Decision.SIGN_IN


def test_a_cashier_needs_a_managers_pin_for_every_protected_action() -> None:
    policy = AccessPolicy(ON)
    for action in ProtectedAction:
        assert policy.needs_manager_pin(action, Role.CASHIER), action
        assert policy.may(action, Role.MANAGER), action


def test_a_technician_sets_the_till_up_but_does_not_reprint_or_close() -> None:
    policy = AccessPolicy(ON)
    own = {ProtectedAction.CHANGE_SETTINGS, ProtectedAction.CHANGE_KEY, ProtectedAction.CANCEL_JOB,
           ProtectedAction.MOVE_JOB, ProtectedAction.TECHNICIAN_TOOLS}
    for action in ProtectedAction:
        assert policy.may(action, Role.TECHNICIAN) is (action in own), action


@pytest.mark.parametrize("action", sorted(CONFIGURABLE))
def test_each_configurable_action_can_be_left_to_the_cashier(action: ProtectedAction) -> None:
    pins = ManagerPinSettings(**{action.value: False})
    policy = AccessPolicy(SignInSettings(enabled=True, manager_pin=pins))
    assert policy.may(action, Role.CASHIER)
    others = [a for a in ProtectedAction if a is not action]
    assert all(policy.needs_manager_pin(a, Role.CASHIER) for a in others)


def test_the_managers_own_work_is_never_left_to_a_cashier() -> None:
    assert {ProtectedAction.MANAGE_PEOPLE, ProtectedAction.VIEW_AUDIT, ProtectedAction.TECHNICIAN_TOOLS}.isdisjoint(
        CONFIGURABLE)
    assert AccessPolicy.may_approve(Role.MANAGER)
    assert not AccessPolicy.may_approve(Role.TECHNICIAN) and not AccessPolicy.may_approve(Role.CASHIER)
