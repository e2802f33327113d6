"""The intake: archive first, then read; receipts, refusals kept aside, duplicates; end to end
from real files in a watched folder into a real journal."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from cashier_app.domain.receipt import Receipt, ReceiptKind, Refusal, RefusalReason
from cashier_app.domain.receipt_labels import ParserSettings
from cashier_app.journal.db import Journal, utc_now
from cashier_app.journal.receipts import FileOutcome, ReceiptRecord, ReceiptStore
from cashier_app.watch.events import FinishedWrite
from cashier_app.watch.intake import PARSER_FAILED, Intake, IntakeDeferred, IntakeError, IntakeResult
from cashier_app.watch.watcher import FolderWatcher
from tests.helpers.watch import WAIT, Collector, fast_settings, receipt_bytes, settle

RECEIPT_SAMPLES = [
    "wechat-default-gbk-crlf.txt",
    "alipay-default-gbk-crlf.txt",
    "pos-vendor-template-utf8-bom.txt",
    "bank-card-mispos-gbk.txt",
    "refund-utf8-lf.txt",
    "fullwidth-and-spaces-gbk.txt",
]


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    j = Journal(tmp_path / "journal.sqlite3")
    yield j
    j.close()


@pytest.fixture
def kept_aside(tmp_path: Path) -> Path:
    return tmp_path / "kept-aside"


def finished(data: bytes, path: str = "/till/print.txt") -> FinishedWrite:
    return FinishedWrite(
        path=path,
        content=data,
        size=len(data),
        mtime_ns=1_800_000_000_000_000_000,
        sha256=hashlib.sha256(data).hexdigest(),
        seen_at=utc_now(),
    )


def test_a_receipt_is_archived_then_recorded(journal: Journal, kept_aside: Path, samples_dir: Path) -> None:
    intake = Intake(journal, ParserSettings(), kept_aside)
    data = (samples_dir / "wechat-default-gbk-crlf.txt").read_bytes()
    result = intake.handle(finished(data))

    assert result.outcome is FileOutcome.RECEIPT
    assert result.receipt is not None and result.refusal is None
    store = ReceiptStore(journal)
    assert store.file_version_content(result.file_version_id) == data
    [version] = store.file_versions()
    assert (version.outcome, version.receipt_id, version.template) == (
        FileOutcome.RECEIPT,
        result.receipt.id,
        "wechat-default",
    )
    assert (version.refusal_reason, version.refusal_detail, version.kept_aside_path) == (None, None, None)
    again = store.get(result.receipt.id)
    assert again is not None
    assert again.receipt.fields()["out_trade_no"] == "202611220001"
    assert again.receipt.lines == result.receipt.receipt.lines
    assert again.path == "/till/print.txt" and again.training is False
    assert not kept_aside.exists()


def test_the_archive_comes_first_even_when_the_parser_fails(journal: Journal, kept_aside: Path) -> None:
    def broken_parser(data: bytes, settings: ParserSettings | None) -> Receipt | Refusal:
        raise ValueError("a bug in the parser")

    intake = Intake(journal, None, kept_aside, parser=broken_parser)
    data = receipt_bytes(1)
    result = intake.handle(finished(data))

    assert result.outcome is FileOutcome.REFUSED
    assert result.refusal_reason == PARSER_FAILED
    store = ReceiptStore(journal)
    [version] = store.refused()
    assert version.refusal_detail == "ValueError: a bug in the parser"
    assert store.file_version_content(version.id) == data
    assert version.kept_aside_path is not None
    assert Path(version.kept_aside_path).read_bytes() == data
    assert store.recent() == []


@pytest.mark.parametrize(
    "case",
    [("not-a-receipt.bin.txt", "not text", ".not-text"), ("empty.txt", "empty", ".empty")],
    ids=["not-text", "empty"],
)
def test_a_refused_file_is_kept_aside_with_its_reason(
    journal: Journal, kept_aside: Path, samples_dir: Path, case: tuple[str, str, str]
) -> None:
    sample, reason, suffix = case
    heard: list[IntakeResult] = []
    intake = Intake(journal, ParserSettings(), kept_aside)
    intake.add_listener(heard.append)
    data = (samples_dir / sample).read_bytes()
    result = intake.handle(finished(data, path=f"/till/{sample}"))

    assert result.outcome is FileOutcome.REFUSED
    assert result.refusal is not None and result.refusal.reason == RefusalReason(reason)
    assert result.kept_aside_path is not None
    kept = Path(result.kept_aside_path)
    assert kept.parent == kept_aside
    assert kept.name.endswith(f"_{sample}{suffix}")
    assert kept.name[:8].isdigit() and "T" in kept.name.split("_")[0]  # timestamp first
    assert kept.read_bytes() == data
    [version] = ReceiptStore(journal).refused()
    assert (version.refusal_reason, version.kept_aside_path) == (reason, str(kept))
    assert heard == [result]


def test_the_same_bytes_again_are_a_duplicate_not_a_second_receipt(
    journal: Journal, kept_aside: Path, samples_dir: Path
) -> None:
    intake = Intake(journal, ParserSettings(), kept_aside)
    data = (samples_dir / "alipay-default-gbk-crlf.txt").read_bytes()
    first = intake.handle(finished(data, path="/till/print_1.txt"))
    second = intake.handle(finished(data, path="/till/print_2.txt"))

    assert first.outcome is FileOutcome.RECEIPT
    assert second.outcome is FileOutcome.DUPLICATE
    assert second.receipt == first.receipt  # the receipt it repeats
    store = ReceiptStore(journal)
    assert len(store.recent()) == 1
    versions = store.file_versions()
    assert [v.outcome for v in versions] == [FileOutcome.DUPLICATE, FileOutcome.RECEIPT]
    assert first.receipt is not None and versions[0].duplicate_of == first.receipt.id
    assert store.file_version_content(versions[0].id) == data  # archived all the same
    assert intake.already_archived(hashlib.sha256(data).hexdigest())
    assert not intake.already_archived(hashlib.sha256(b"other").hexdigest())


def test_everything_of_one_write_is_one_transaction(journal: Journal, kept_aside: Path) -> None:
    # A receipt the journal cannot store (NOT NULL encoding) makes the whole write fail: no
    # archive row without its outcome, no half-recorded receipt; the bytes are saved aside.
    def bad_parser(data: bytes, settings: ParserSettings | None) -> Receipt | Refusal:
        good = Receipt("utf-8", ReceiptKind.SALE, None, "1", None, 100, None, None, None, None, None)
        return replace(good, encoding=None)  # type: ignore[arg-type]

    intake = Intake(journal, None, kept_aside, parser=bad_parser)
    with pytest.raises(IntakeError) as caught:
        intake.handle(finished(receipt_bytes(1)))
    assert caught.value.code == "intake_journal_failed"
    assert isinstance(caught.value.__cause__, sqlite3.IntegrityError)
    store = ReceiptStore(journal)
    assert store.file_versions() == [] and store.recent() == []
    [saved] = kept_aside.iterdir()
    assert saved.name.endswith("_print.txt.unarchived")
    assert saved.read_bytes() == receipt_bytes(1)


def test_a_failing_listener_does_not_stop_the_others(journal: Journal, kept_aside: Path) -> None:
    heard: list[IntakeResult] = []

    def failing(result: IntakeResult) -> None:
        raise RuntimeError("listener bug")

    intake = Intake(journal, None, kept_aside)
    intake.add_listener(failing)
    intake.add_listener(heard.append)
    result = intake.handle(finished(receipt_bytes(2)))
    assert heard == [result]
    intake.remove_listener(heard.append)
    intake.handle(finished(receipt_bytes(3)))
    assert heard == [result]


def test_training_receipts_are_marked(journal: Journal, kept_aside: Path) -> None:
    intake = Intake(journal, None, kept_aside, training=True)
    result = intake.handle(finished(receipt_bytes(4)))
    assert result.receipt is not None and result.receipt.training
    stored = ReceiptStore(journal).get(result.receipt.id)
    assert stored is not None and stored.training


def test_samples_written_into_the_till_folder_go_end_to_end_into_the_journal(
    tmp_path: Path, journal: Journal, kept_aside: Path, samples_dir: Path
) -> None:
    expected = json.loads((samples_dir / "expected.json").read_text(encoding="utf-8"))
    till = tmp_path / "till"
    till.mkdir()
    intake = Intake(journal, ParserSettings(), kept_aside)
    results: list[IntakeResult] = []
    intake.add_listener(results.append)
    got = Collector()

    def on_write(write: FinishedWrite) -> None:
        intake.handle(write)
        got.on_write(write)

    watcher = FolderWatcher(fast_settings(till), on_write, on_error=got.on_error, already_seen=intake.already_archived)
    watcher.start()
    try:
        # The till overwrites print.txt for each payment (and writes a stray binary once).
        sequence = [*RECEIPT_SAMPLES, "not-a-receipt.bin.txt"]
        for n, sample in enumerate(sequence, start=1):
            shutil.copyfile(samples_dir / sample, till / "print.txt")
            got.wait_writes(n)
        # The empty sample is not handed out (not a receipt yet).
        shutil.copyfile(samples_dir / "empty.txt", till / "print.txt")
        settle(watcher)
    finally:
        watcher.stop()

    assert [r.outcome for r in results] == [FileOutcome.RECEIPT] * 6 + [FileOutcome.REFUSED]
    store = ReceiptStore(journal)
    receipts = store.receipts_between("0000", "9999")
    assert [r.receipt.fields() for r in receipts] == [expected[s] for s in RECEIPT_SAMPLES]
    assert all(r.path == str(till / "print.txt") for r in receipts)
    [refused] = store.refused()
    assert refused.refusal_reason == "not text"
    assert refused.kept_aside_path is not None
    assert Path(refused.kept_aside_path).read_bytes() == (samples_dir / "not-a-receipt.bin.txt").read_bytes()
    assert len(store.file_versions(limit=100)) == 7
    assert [r.id for r in store.find_by_out_trade_no("202611220001")] == [receipts[0].id, receipts[4].id]

    # Started again over the same folder: the bytes there are already in the journal.
    shutil.copyfile(samples_dir / "wechat-default-gbk-crlf.txt", till / "print.txt")
    again = Collector()
    restarted = FolderWatcher(fast_settings(till), again.on_write, already_seen=intake.already_archived)
    restarted.start()
    try:
        assert restarted.wait_idle(WAIT)
        settle(restarted)
    finally:
        restarted.stop()
    assert again.writes == []
    assert len(store.file_versions(limit=100)) == 7


def test_the_receipt_and_its_original_job_commit_together_or_not_at_all(journal: Journal, kept_aside: Path,
                                                                         samples_dir: Path) -> None:
    """Intake and the first print job are one transaction: a journal error while writing the job
    rolls back the receipt too (the write is taken again, never left archived without its job)."""
    from cashier_app.paper import PaperDesk
    from cashier_app.printing.settings import PrintingSettings

    desk = PaperDesk(journal, PrintingSettings())
    failing = {"on": True}

    def take_in(conn: sqlite3.Connection, record: ReceiptRecord) -> int | None:
        if failing["on"]:
            raise sqlite3.OperationalError("database or disk is full")
        job = desk.take_in(conn, record)
        return job.job_id if job is not None else None

    intake = Intake(journal, ParserSettings(), kept_aside, on_receipt=take_in)
    told: list[IntakeResult] = []
    intake.add_listener(told.append)
    write = finished((samples_dir / "wechat-default-gbk-crlf.txt").read_bytes())
    with pytest.raises(IntakeDeferred) as deferred:
        intake.handle(write)
    assert deferred.value.disk_full and intake.pending_count == 1
    with journal.read() as conn:
        counts = [conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                  for t in ("file_versions", "receipts", "print_jobs")]
    assert counts == [0, 0, 0] and told == []
    failing["on"] = False
    assert intake.retry_pending() == 1 and intake.pending_count == 0
    [result] = told
    assert result.late and result.outcome is FileOutcome.RECEIPT
    assert result.job_id is not None and result.receipt is not None
    with journal.read() as conn:
        row = conn.execute("SELECT receipt_id, original FROM print_jobs").fetchone()
    assert tuple(row) == (result.receipt.id, 1)


def test_a_job_that_cannot_be_written_leaves_the_receipt_pending_for_the_sweep(journal: Journal, kept_aside: Path,
                                                                               samples_dir: Path) -> None:
    def broken(conn: sqlite3.Connection, record: ReceiptRecord) -> int | None:
        conn.execute("INSERT INTO app_state(key, value, updated_at) VALUES ('half', 'written', 'x')")
        raise ValueError("a bug in the paper desk")

    intake = Intake(journal, ParserSettings(), kept_aside, on_receipt=broken)
    result = intake.handle(finished((samples_dir / "alipay-default-gbk-crlf.txt").read_bytes()))
    assert result.outcome is FileOutcome.RECEIPT and result.job_id is None and result.receipt is not None
    record = ReceiptStore(journal).get(result.receipt.id)
    assert record is not None and record.paper == "pending"
    with journal.read() as conn:  # what the broken step wrote was rolled back to its savepoint
        assert conn.execute("SELECT COUNT(*) FROM app_state WHERE key = 'half'").fetchone()[0] == 0


def test_writes_waiting_for_a_full_disk_survive_a_crash(tmp_path: Path, samples_dir: Path) -> None:
    """The app dies (kill -9) while writes wait for space: their copies on disk are taken at the next start."""
    path = tmp_path / "journal.sqlite3"
    kept = tmp_path / "kept-aside"
    journal = Journal(path)
    with journal.read() as conn:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")  # the disk is full
    first = Intake(journal, ParserSettings(), kept)
    write = finished((samples_dir / "wechat-default-gbk-crlf.txt").read_bytes() * 40)
    with pytest.raises(IntakeDeferred):
        first.handle(write)
    assert sorted(p.suffix for p in kept.iterdir()) == [".json", ".waiting"]
    journal.close()  # the process is gone; its memory with it

    journal = Journal(path)  # the next start, with space again
    again = Intake(journal, ParserSettings(), kept)
    told: list[IntakeResult] = []
    again.add_listener(told.append)
    assert again.recover_waiting() == 1
    [result] = told
    assert result.late and result.outcome is FileOutcome.RECEIPT and result.write.sha256 == write.sha256
    assert list(kept.iterdir()) == []
    journal.close()
