"""How long a PIN takes: hashing one (adding a person, a new PIN) and checking one (a sign-in, a manager's
approval), with the journal's lockout bookkeeping, on a journal in a temporary folder. The slowness is the
point (scrypt): it is what makes guessing PINs from a stolen journal slow; it must stay short for a person.

Run: .venv/bin/python tests/benchmarks/bench_sign_in.py
"""

from __future__ import annotations

import contextlib
import statistics
import tempfile
import time
from pathlib import Path

from cashier_app.domain.access import Role, SignInSettings
from cashier_app.journal.db import Journal
from cashier_app.people.pins import hash_pin, verify_pin
from cashier_app.people.store import PeopleError, PeopleStore

ROUNDS = 20


def timed(action: object) -> list[float]:
    assert callable(action)
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


def report(name: str, times: list[float]) -> None:
    ordered = sorted(times)
    p90 = ordered[int(0.9 * (len(ordered) - 1))]
    print(f"{name:<28} median {statistics.median(times) * 1000:7.1f} ms   p90 {p90 * 1000:7.1f} ms   (n={len(times)})")


def main() -> None:
    stored = hash_pin("2580")
    report("hash a PIN (scrypt)", timed(lambda: hash_pin("2580")))
    report("verify a PIN", timed(lambda: verify_pin("2580", stored)))
    settings = SignInSettings(enabled=True, max_wrong_pins=1000)
    with tempfile.TemporaryDirectory() as folder:
        journal = Journal(Path(folder) / "journal.sqlite3")
        people = PeopleStore(journal)
        people.add("01", "张店长", Role.MANAGER, "2580", by="setup")
        report("sign-in check (right PIN)", timed(lambda: people.check_pin("01", "2580", settings)))

        def wrong() -> None:
            with contextlib.suppress(PeopleError):
                people.check_pin("01", "0000", settings)

        report("sign-in check (wrong PIN)", timed(wrong))
        journal.close()


if __name__ == "__main__":
    main()
