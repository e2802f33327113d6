"""The sign-in session: signing in and out, a manager's approval used once, and the audit trail of it all."""

from __future__ import annotations

import pytest

from cashier_app.domain.access import Decision, ManagerPinSettings, ProtectedAction, SignInSettings
from cashier_app.journal.audit import AuditStore
from cashier_app.people.session import APPROVAL_TTL_S, AccessRefused, SignInSession
from cashier_app.people.store import PeopleError, PeopleStore
from tests.helpers.people import Clock

REPRINT = ProtectedAction.REPRINT


def session(people: PeopleStore, audit: AuditStore, clock: Clock, **settings: object) -> SignInSession:
    values: dict[str, object] = {"enabled": True, "max_wrong_pins": 3}
    values.update(settings)
    return SignInSession(people, audit, SignInSettings(**values),  # type: ignore[arg-type]
                         default_operator="01", clock=clock)


def test_sign_in_off_is_the_configured_operator_doing_everything(people: PeopleStore, audit: AuditStore,
                                                                 clock: Clock) -> None:
    till = session(people, audit, clock, enabled=False)
    assert till.actor == "01"
    for action in ProtectedAction:
        assert till.authorize(action).actor == "01"


def test_signing_in_and_switching_at_shift_change(people: PeopleStore, audit: AuditStore, clock: Clock) -> None:
    till = session(people, audit, clock)
    seen: list[object] = []
    till.add_listener(lambda person: seen.append(person.number if person else None))
    with pytest.raises(AccessRefused) as nobody:
        till.authorize(REPRINT)
    assert nobody.value.code == "sign_in_required"
    assert till.sign_in("07", "1379").name == "王芳" and till.actor == "07"
    till.sign_in("01", "2580")  # the next person signs in over the first: the first is signed out
    till.sign_out("switch")
    assert till.current is None and till.actor == "01"  # work still running stays the last person's
    assert seen == ["07", "01", None]
    trail = [(e.action, e.actor, e.detail) for e in reversed(audit.list())][3:]  # after the three added
    assert trail == [("sign_in", "07", "cashier"), ("sign_out", "07", "switch"), ("sign_in", "01", "manager"),
                     ("sign_out", "01", "switch")]


def test_failed_sign_ins_and_the_lockout_are_written_down(people: PeopleStore, audit: AuditStore,
                                                         clock: Clock) -> None:
    till = session(people, audit, clock)
    for _ in range(3):
        with pytest.raises(PeopleError):
            till.sign_in("07", "0000")
    actions = [(e.action, e.actor, e.detail) for e in audit.list(None)[:3]]
    assert actions == [("locked_out", "07", "locked"), ("sign_in_failed", "07", "unknown_or_wrong_pin"),
                       ("sign_in_failed", "07", "unknown_or_wrong_pin")]
    assert till.current is None


def test_a_managers_pin_allows_one_action_once(people: PeopleStore, audit: AuditStore, clock: Clock) -> None:
    till = session(people, audit, clock)
    till.sign_in("07", "1379")
    assert till.decide(REPRINT) is Decision.MANAGER_PIN
    with pytest.raises(AccessRefused) as refused:
        till.authorize(REPRINT)
    assert refused.value.code == "manager_pin_required"
    with pytest.raises(PeopleError) as technician:
        till.approve(REPRINT, "09", "4826")  # a technician's PIN allows nothing for someone else
    assert technician.value.code == "not_a_manager"
    with pytest.raises(PeopleError):
        till.approve(REPRINT, "01", "0000")
    assert till.approve(REPRINT, "01", "2580").number == "01"
    assert till.decide(REPRINT) is Decision.ALLOWED
    assert till.decide(ProtectedAction.CLOSE_ORDER) is Decision.MANAGER_PIN  # for that action only
    done = till.authorize(REPRINT)
    assert (done.actor, done.approved_by) == ("07", "01")
    with pytest.raises(AccessRefused):
        till.authorize(REPRINT)  # used up
    refusals = [(e.action, e.actor, e.approved_by, e.detail) for e in audit.list() if e.action == "approval_refused"]
    assert refusals == [("approval_refused", "07", "01", "reprint: unknown_or_wrong_pin"),
                        ("approval_refused", "07", "09", "reprint: not_a_manager")]


def test_an_approval_runs_out_and_goes_with_the_person(people: PeopleStore, audit: AuditStore, clock: Clock) -> None:
    till = session(people, audit, clock)
    till.sign_in("07", "1379")
    till.approve(REPRINT, "01", "2580")
    clock.advance(APPROVAL_TTL_S + 1)
    with pytest.raises(AccessRefused):
        till.authorize(REPRINT)
    till.approve(REPRINT, "01", "2580")
    till.sign_out("idle")
    till.sign_in("07", "1379")
    with pytest.raises(AccessRefused):
        till.authorize(REPRINT)


def test_managers_and_stores_that_trust_their_cashiers_need_no_pin(people: PeopleStore, audit: AuditStore,
                                                                   clock: Clock) -> None:
    trusting = session(people, audit, clock, manager_pin=ManagerPinSettings(reprint=False))
    trusting.sign_in("07", "1379")
    assert trusting.authorize(REPRINT).approved_by is None
    till = session(people, audit, clock)
    till.sign_in("01", "2580")
    assert till.authorize(ProtectedAction.MANAGE_PEOPLE).actor == "01"


def test_the_first_manager_is_added_at_the_till_only_while_there_is_none(journal, clock: Clock) -> None:
    empty = PeopleStore(journal, clock=clock)
    audit = AuditStore(journal)
    till = session(empty, audit, clock)
    assert till.needs_first_manager()
    assert till.add_first_manager("01", "张店长", "2580").number == "01"
    assert till.current is not None and not till.needs_first_manager()
    with pytest.raises(PeopleError) as second:
        till.add_first_manager("02", "someone", "3692")
    assert second.value.code == "not_allowed"
