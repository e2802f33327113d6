"""Retention removes archived bytes past the limit only, and keeps what the receipts say; the
journal's derived tables (not printed yet, the text index) follow every write by themselves."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from cashier_app.domain.receipt_search import build_query
from cashier_app.journal.db import Journal
from cashier_app.journal.job_bytes import JobBytesStore
from cashier_app.journal.print_jobs import PrintJobStore
from cashier_app.journal.receipt_search import search_receipts
from cashier_app.journal.receipts import ReceiptStore
from cashier_app.journal.retention import prune_archived_bytes
from tests.helpers.known_receipts import STORE, fill

NOW = datetime(2027, 12, 29, 12, 0, tzinfo=UTC)  # 400 days after 2026-11-24 is 2027-12-29


def test_bytes_older_than_the_limit_go_and_the_rest_stay(journal: Journal) -> None:
    known = fill(journal)
    receipts = ReceiptStore(journal)
    store = JobBytesStore(journal)
    jobs = PrintJobStore(journal).list_jobs()
    for job in jobs:  # each job's bytes as laid out when its receipt was recorded
        record = receipts.get(job.receipt_id or 0)
        assert record is not None
        store.record(job.id, profile="58-gbk", charset="gbk", dots=384, payload=b"\x1b@" + record.created_at.encode())
        with journal.tx() as conn:
            conn.execute("UPDATE print_job_bytes SET laid_out_at = ? WHERE job_id = ?", (record.created_at, job.id))
    result = prune_archived_bytes(journal, 400, now=NOW)
    cutoff = NOW - timedelta(days=400)
    old = [k for k in known if k.at < cutoff]
    assert 0 < len(old) < len(known)  # the limit falls among the known receipts
    assert result.file_versions == len(old)
    for k in known:
        record = receipts.get(k.id)
        assert record is not None
        content = receipts.file_version_content(record.file_version_id)
        assert (content == b"") == (k.at < cutoff), k
        # Whatever happened to the bytes, the receipt's fields and text are all there.
        assert record.receipt.amount == k.amount and "\n".join(record.receipt.lines) == k.text
    for job in jobs:
        kept = store.get(job.id)
        assert kept is not None
        record = receipts.get(job.receipt_id or 0)
        assert record is not None
        gone = datetime.fromisoformat(record.created_at) < cutoff
        assert (kept.payload is None) == gone and (kept.pruned_at is not None) == gone
    # Run again: nothing more to do; history still finds every receipt.
    again = prune_archived_bytes(journal, 400, now=NOW)
    assert (again.file_versions, again.job_bytes) == (0, 0)
    assert len(search_receipts(journal, build_query(STORE, limit=100)).records) == len(known)


def test_the_job_bytes_kept_are_the_latest_laid_out(journal: Journal) -> None:
    fill(journal)
    store = JobBytesStore(journal)
    store.record(1, profile="58-gbk", charset="gbk", dots=384, payload=b"first")
    store.record(1, profile="80-gb18030", charset="gb18030", dots=576, payload=b"again, as a reprint")
    kept = store.get(1)
    assert kept is not None and (kept.payload, kept.profile, kept.dots) == (b"again, as a reprint", "80-gb18030", 576)
    assert store.get(999) is None


def test_not_printed_follows_the_jobs(journal: Journal) -> None:
    known = fill(journal)
    jobs = PrintJobStore(journal)

    def unprinted() -> set[int]:
        return {r.id for r in search_receipts(journal, build_query(STORE, printed="no", limit=100)).records}

    before = unprinted()
    assert before == {k.id for k in known if k.printed == "no"}
    held = next(k for k in known if k.paper == "held")
    (job,) = jobs.list_jobs(receipt_id=held.id)
    jobs.requeue(job.id)
    jobs.mark_sending(job.id)
    jobs.mark_done(job.id)
    assert unprinted() == before - {held.id}


def test_a_receipt_recorded_later_is_found_by_its_words(journal: Journal) -> None:
    fill(journal)
    assert [r.receipt.out_trade_no for r in search_receipts(journal, build_query(STORE, text="口香糖")).records] == [
        "202611240013"]


def test_retention_keeps_at_least_a_day() -> None:
    with pytest.raises(ValueError):
        prune_archived_bytes(None, 0)  # type: ignore[arg-type]
