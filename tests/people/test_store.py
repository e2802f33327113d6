"""People in the journal: adding, disabling, new PINs, and the lockout after wrong PINs in a row."""

from __future__ import annotations

import pytest

from cashier_app.domain.access import Role, SignInSettings
from cashier_app.journal.audit import AuditStore
from cashier_app.journal.db import Journal
from cashier_app.people.pins import PinRefused
from cashier_app.people.store import PeopleError, PeopleStore
from tests.helpers.people import Clock

SETTINGS = SignInSettings(enabled=True, max_wrong_pins=3, lockout_min=15)


def test_people_are_added_once_with_their_role(people: PeopleStore, journal: Journal) -> None:
    assert [(p.number, p.name, p.role) for p in people.list()] == [
        ("01", "张店长", Role.MANAGER), ("07", "王芳", Role.CASHIER), ("09", "李工", Role.TECHNICIAN)]
    with pytest.raises(PeopleError) as exists:
        people.add("０７", "someone", Role.CASHIER, "3691", by="01")  # full-width digits are the same number
    assert exists.value.code == "person_exists"
    for number in ("", "system", "a-person-number-too-long", "王芳", "-07"):
        with pytest.raises(PeopleError) as bad:
            people.add(number, "", Role.CASHIER, "3691", by="01")
        assert bad.value.code == "invalid_person_number"
    with pytest.raises(PinRefused):
        people.add("11", "", Role.CASHIER, "1111", by="01")
    with journal.read() as conn:
        stored = conn.execute("SELECT pin_hash FROM people WHERE number = '07'").fetchone()[0]
    assert stored.startswith("scrypt$") and "1379" not in stored


def test_the_right_pin_signs_in_and_a_wrong_one_never(people: PeopleStore) -> None:
    assert people.check_pin("07", "1379", SETTINGS).name == "王芳"
    assert people.check_pin(" ０７ ", "1379", SETTINGS).number == "07"
    for number, pin in (("07", "1380"), ("08", "1379"), ("07", "")):
        with pytest.raises(PeopleError) as wrong:
            people.check_pin(number, pin, SETTINGS)
        # One answer for an unknown number and a wrong PIN: the screen does not tell which numbers exist.
        assert wrong.value.code == "unknown_or_wrong_pin"


def test_wrong_pins_in_a_row_lock_the_number_for_a_while(people: PeopleStore, clock: Clock) -> None:
    for _ in range(2):
        with pytest.raises(PeopleError):
            people.check_pin("07", "0000", SETTINGS)
    assert people.check_pin("07", "1379", SETTINGS).wrong_pins == 0  # a right PIN resets the count
    for _ in range(2):
        with pytest.raises(PeopleError):
            people.check_pin("07", "0000", SETTINGS)
    with pytest.raises(PeopleError) as third:
        people.check_pin("07", "0000", SETTINGS)
    assert third.value.code == "locked" and third.value.locked_until is not None
    # Locked: even the right PIN is refused until the time is up, and trying does not extend it.
    clock.advance(14 * 60)
    with pytest.raises(PeopleError) as still:
        people.check_pin("07", "1379", SETTINGS)
    assert still.value.code == "locked" and still.value.locked_until == third.value.locked_until
    clock.advance(61)
    assert people.check_pin("07", "1379", SETTINGS).locked_until is None
    # Others were never affected.
    assert people.check_pin("01", "2580", SETTINGS).number == "01"


def test_a_new_pin_lifts_a_lockout(people: PeopleStore) -> None:
    for _ in range(3):
        with pytest.raises(PeopleError):
            people.check_pin("07", "0000", SETTINGS)
    people.set_pin("07", "4682", by="01")
    assert people.check_pin("07", "4682", SETTINGS).number == "07"
    with pytest.raises(PeopleError):
        people.check_pin("07", "1379", SETTINGS)


def test_disabled_people_cannot_sign_in_and_the_last_manager_stays(people: PeopleStore) -> None:
    people.set_disabled("07", True, by="01")
    with pytest.raises(PeopleError) as disabled:
        people.check_pin("07", "1379", SETTINGS)
    assert disabled.value.code == "disabled"
    with pytest.raises(PeopleError) as last:
        people.set_disabled("01", True, by="01")
    assert last.value.code == "last_manager"
    people.add("02", "赵副店长", Role.MANAGER, "3692", by="01")
    people.set_disabled("01", True, by="02")
    assert people.count_active_managers() == 1
    people.set_disabled("07", False, by="02")
    assert people.check_pin("07", "1379", SETTINGS).number == "07"
    with pytest.raises(PeopleError) as missing:
        people.set_pin("99", "4682", by="02")
    assert missing.value.code == "no_such_person"


def test_every_change_is_in_the_audit_trail(people: PeopleStore, audit: AuditStore) -> None:
    people.set_pin("07", "4682", by="01", approved_by=None)
    people.set_disabled("07", True, by="01")
    rows = [(e.action, e.actor, e.detail) for e in reversed(audit.list())]
    assert rows == [
        ("person_added", "setup", "01 张店长 (manager)"),
        ("person_added", "01", "07 王芳 (cashier)"),
        ("person_added", "01", "09 李工 (technician)"),
        ("pin_changed", "01", "07"),
        ("person_disabled", "01", "07 王芳"),
    ]
    assert all("4682" not in e.detail and "1379" not in e.detail for e in audit.list())
