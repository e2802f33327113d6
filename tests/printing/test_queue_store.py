"""PrintJobStore: the print_jobs table's transitions, on a real SQLite journal in tmp."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cashier_app.journal.db import Journal
from cashier_app.journal.print_jobs import JobStateError, PrintJobStore
from tests.helpers.print_queue import add_receipt


@pytest.fixture
def store(tmp_path: Path) -> Iterator[PrintJobStore]:
    journal = Journal(tmp_path / "journal.sqlite3")
    yield PrintJobStore(journal)
    journal.close()


def test_a_job_is_written_queued_before_anything_is_sent(store: PrintJobStore) -> None:
    job = store.create(None, "receipt", payload=b"\x1b@hello")
    again = store.get(job.id)
    assert again == job
    assert job.state == "queued" and job.copy_no == 1 and not job.is_reprint
    assert job.payload == b"\x1b@hello" and job.attempts == 0 and job.created_at


def test_happy_path_sending_then_done(store: PrintJobStore) -> None:
    job = store.create(None, "receipt", payload=b"x")
    sending = store.mark_sending(job.id)
    assert sending.state == "sending" and sending.attempts == 1 and sending.started_at
    done = store.mark_done(job.id)
    assert done.state == "done" and done.done_at
    assert [e.event for e in store.log(job.id)] == ["queued", "sending", "done"]


def test_done_only_from_sending(store: PrintJobStore) -> None:
    job = store.create(None, "receipt", payload=b"x")
    with pytest.raises(JobStateError, match="is queued"):
        store.mark_done(job.id)


def test_hold_keeps_the_fault_and_first_held_time(store: PrintJobStore) -> None:
    job = store.create(None, "receipt", payload=b"x")
    first = store.hold(job.id, "paper_end", "n4=72")
    second = store.hold(job.id, "cover_open", "n2=16")
    assert second.state == "held" and second.fault_code == "cover_open" and second.last_error == "n2=16"
    assert second.held_at == first.held_at
    assert [j.id for j in store.list_jobs(("held",))] == [job.id]


def test_cancel_needs_a_reason_and_keeps_the_operator(store: PrintJobStore) -> None:
    job = store.create(add_receipt(store.journal), "receipt")
    with pytest.raises(ValueError, match="reason"):
        store.cancel(job.id, "  ", "01")
    cancelled = store.cancel(job.id, "customer left", "03")
    assert cancelled.state == "cancelled" and cancelled.cancel_reason == "customer left"
    assert cancelled.cancelled_by == "03" and cancelled.cancelled_at


def test_a_job_being_sent_cannot_be_cancelled_or_moved(store: PrintJobStore) -> None:
    job = store.create(None, "receipt", payload=b"x")
    store.mark_sending(job.id)
    with pytest.raises(JobStateError, match="is sending"):
        store.cancel(job.id, "too late", "01")
    with pytest.raises(JobStateError, match="is sending"):
        store.move(job.id, "kitchen")


def test_move_clears_the_hold_and_remembers_the_old_printer(store: PrintJobStore) -> None:
    job = store.create(None, "receipt", payload=b"x")
    store.hold(job.id, "offline", "n1=1a")
    moved = store.move(job.id, "backup")
    assert moved.printer == "backup" and moved.moved_from == "receipt"
    assert moved.state == "queued" and moved.fault_code is None
    assert store.next_for("receipt") is None
    assert store.next_for("backup") == moved


def test_jobs_listed_in_queue_order_by_state_and_printer(store: PrintJobStore) -> None:
    ids = [store.create(None, p, payload=b"x").id for p in ("a", "b", "a", "a")]
    store.mark_sending(ids[0])
    store.mark_done(ids[0])
    assert [j.id for j in store.list_jobs(printer="a")] == [ids[0], ids[2], ids[3]]
    assert [j.id for j in store.list_jobs(("queued",), "a")] == [ids[2], ids[3]]
    assert store.next_for("a") is not None and store.next_for("a").id == ids[2]  # type: ignore[union-attr]
    assert store.count(("queued", "held")) == 3
    with pytest.raises(ValueError, match="unknown print job states"):
        store.list_jobs(("printing",))


def test_parked_jobs_are_skipped_until_retried(store: PrintJobStore) -> None:
    first = store.create(None, "a", payload=b"x")
    second = store.create(None, "a", payload=b"y")
    store.hold(first.id, "render_failed", "KeyError", parked=True)
    assert store.next_for("a") == store.get(second.id)
    store.requeue(first.id, "01")
    assert store.next_for("a") == store.get(first.id)


def test_interrupted_job_becomes_the_next_copy_marked_reprint(store: PrintJobStore) -> None:
    receipt_job = store.create(add_receipt(store.journal), "a", payload=b"laid out at queue time")
    raw_job = store.create(None, "a", payload=b"raw")
    for job in (receipt_job, raw_job):
        store.mark_sending(job.id)
        held = store.interrupt(job.id, "send_failed", "reset by peer")
        assert held.state == "held" and held.is_reprint and held.copy_no == 2 and held.reason == "interrupted"
    # A receipt is laid out again (so it says REPRINT); raw bytes are all there is to send.
    assert store.require(receipt_job.id).payload is None
    assert store.require(raw_job.id).payload == b"raw"


def test_recover_interrupted_after_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    journal = Journal(path)
    store = PrintJobStore(journal)
    job = store.create(add_receipt(journal), "a", reason="customer asked", requested_by="02")
    store.mark_sending(job.id)
    untouched = store.create(add_receipt(journal), "a")
    journal.close()  # the app dies here

    journal = Journal(path)
    store = PrintJobStore(journal)
    recovered = store.recover_interrupted()
    assert [j.id for j in recovered] == [job.id]
    again = store.require(job.id)
    assert again.state == "queued" and again.is_reprint and again.copy_no == 2 and again.reason == "interrupted"
    assert store.require(untouched.id).copy_no == 1
    assert store.recover_interrupted() == []
    assert "recovered" in [e.event for e in store.log(job.id)]
    journal.close()


def test_a_reprint_takes_the_next_copy_number_of_its_receipt(store: PrintJobStore) -> None:
    first, other = add_receipt(store.journal), add_receipt(store.journal)
    store.create(first, "a")
    reprint = store.create(first, "a", is_reprint=True, reason="customer asked", requested_by="01")
    assert reprint.copy_no == 2 and reprint.is_reprint
    assert store.create(first, "a", is_reprint=True).copy_no == 3
    assert store.create(other, "a", is_reprint=True).copy_no == 2


def test_a_job_moved_away_is_not_sent_or_held_by_its_old_printer(store: PrintJobStore) -> None:
    job = store.create(None, "a", payload=b"x")
    store.move(job.id, "b")
    with pytest.raises(JobStateError, match="now queued for b"):
        store.mark_sending(job.id, "a")
    with pytest.raises(JobStateError, match="now queued for b"):
        store.hold(job.id, "offline", "a is offline", printer="a")
    assert store.mark_sending(job.id, "b").state == "sending"


def test_a_copy_number_given_is_kept(store: PrintJobStore) -> None:
    receipt = add_receipt(store.journal)
    assert store.create(receipt, "a", is_reprint=True, copy_no=5).copy_no == 5


def test_active_jobs_are_those_a_worker_does_by_itself(store: PrintJobStore) -> None:
    queued = store.create(None, "receipt", payload=b"a")
    sending = store.create(None, "receipt", payload=b"b")
    store.mark_sending(sending.id)
    held = store.create(None, "receipt", payload=b"c")
    store.hold(held.id, "paper_end", "out of paper")
    parked = store.create(None, "receipt", payload=b"d")
    store.hold(parked.id, "render_failed", "bad layout", parked=True)
    done = store.create(None, "receipt", payload=b"e")
    store.mark_sending(done.id)
    store.mark_done(done.id)
    store.create(None, "backup", payload=b"f")
    assert store.count_active(["receipt"]) == 3  # queued, sending, held; not parked, not done
    assert store.count_active(["receipt", "backup"]) == 4
    assert store.count_active(["kitchen"]) == 0 and store.count_active([]) == 0
    store.cancel(queued.id, "not wanted", None)
    assert store.count_active(["receipt"]) == 2
