"""The schema holds the rule too: a second original of one document is refused by SQLite itself,
whichever path or process writes it."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from cashier_app.journal.db import Journal
from cashier_app.journal.print_jobs import PrintJobStore
from tests.helpers.paths import REPO
from tests.helpers.processes import child, stop


def insert(conn: sqlite3.Connection, key: str, *, original: bool = True) -> None:
    conn.execute("INSERT INTO print_jobs(printer, state, paper_key, original, payload, created_at)"
                 " VALUES ('receipt', 'queued', ?, ?, x'00', '2026-11-22T02:31:05+00:00')", (key, int(original)))


def test_a_second_original_is_refused_by_the_index(tmp_path: Path) -> None:
    Journal(tmp_path / "j.sqlite3").close()
    conn = sqlite3.connect(tmp_path / "j.sqlite3", isolation_level=None)
    insert(conn, "2026112200020001")
    insert(conn, "2026112200020001", original=False)  # copies are fine
    with pytest.raises(sqlite3.IntegrityError):
        insert(conn, "2026112200020001")
    # Cancelled, the original never reached paper: another may be written.
    conn.execute("UPDATE print_jobs SET state = 'cancelled' WHERE original = 1")
    insert(conn, "2026112200020001")
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("UPDATE print_jobs SET state = 'queued' WHERE state = 'cancelled'")  # nor brought back
    conn.close()


ORDERS = 300
RACER = textwrap.dedent(f"""
    import sys, time
    from pathlib import Path
    from cashier_app.journal.db import Journal
    from cashier_app.paper import PaperDesk, PaperRefused, Want
    from cashier_app.platform.order import Order
    from cashier_app.printing.settings import PrintingSettings
    from tests.helpers.spec_examples import SPEC_ORDER

    journal = Journal(Path(sys.argv[1]))
    desk = PaperDesk(journal, PrintingSettings())
    orders = [Order.from_json({{**SPEC_ORDER, "out_trade_no": f"2026112200{{n:06d}}"}}) for n in range({ORDERS})]
    Path(sys.argv[1] + "." + sys.argv[2]).touch()
    while not all(Path(sys.argv[1] + "." + name).exists() for name in ("a", "b")):
        time.sleep(0.001)  # both start together
    written = 0
    for order in orders:
        try:
            desk.request(order=order, want=Want.ORIGINAL, reason="paid_no_receipt", person=sys.argv[2])
            written += 1
        except PaperRefused:
            pass
    print(written)
""")


@pytest.mark.timeout(60)
def test_two_processes_asking_for_the_same_originals_write_each_once(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    Journal(path).close()
    with child([sys.executable, "-c", RACER, str(path), "a"], cwd=REPO, stdout=subprocess.PIPE, text=True) as a, \
            child([sys.executable, "-c", RACER, str(path), "b"], cwd=REPO, stdout=subprocess.PIPE, text=True) as b:
        finished = [stop(racer, None, timeout=50) for racer in (a, b)]
    assert not any(f.killed for f in finished)
    counts = [int(f.out) for f in finished]
    assert sum(counts) == ORDERS
    journal = Journal(path)
    jobs = PrintJobStore(journal).list_jobs()
    journal.close()
    assert len(jobs) == ORDERS and all(j.original for j in jobs)
    assert len({j.paper_key for j in jobs}) == ORDERS
