"""Hostile things under a watched name: a FIFO, a symbolic link to a private file, a name that is not
UTF-8, and a till that keeps every file (4,200 of them). The watcher decides from the file's type,
never blocks, never follows a link; what it took survives any number of files and rescans."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

from cashier_app.domain.receipt_labels import ParserSettings
from cashier_app.journal.db import Journal
from cashier_app.journal.receipts import FileOutcome, ReceiptStore
from cashier_app.watch import tracker
from cashier_app.watch.events import FILE_REFUSED, FinishedWrite
from cashier_app.watch.files import read_once
from cashier_app.watch.intake import NAME_NOT_TEXT, Intake
from cashier_app.watch.tracker import Hint, HintKind, WriteTracker
from cashier_app.watch.watcher import FolderWatcher
from tests.helpers.watch import WAIT, WatcherFactory, fast_settings, receipt_bytes, settle, write_file

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and byte names are POSIX")


def versions(journal: Journal) -> int:
    with journal.read() as conn:
        return int(conn.execute("SELECT COUNT(*) FROM file_versions").fetchone()[0])


@posix_only
def test_a_fifo_is_never_opened_for_reading(tmp_path: Path) -> None:
    fifo = tmp_path / "print.txt"
    os.mkfifo(fifo)
    started = time.monotonic()
    outcome = read_once(str(fifo), 1024)  # blocking open() would wait here for a writer forever
    assert outcome.gone and time.monotonic() - started < 1.0
    reported: list[tuple[str, str, str]] = []
    take = WriteTracker(settle_s=0.01, max_read_bytes=1024, emit=lambda w: None, list_matching=lambda f: [],
                        writing_guard_s=1.0, report=lambda code, folder, detail, **kw: reported.append(
                            (code, kw.get("reason", ""), detail)))
    take.apply(Hint(HintKind.CLOSED, str(fifo), close_events=True), time.monotonic())  # a close event for it
    take.apply(Hint(HintKind.CLOSED, str(fifo), close_events=True), time.monotonic())
    assert [(code, reason) for code, reason, _ in reported] == [(FILE_REFUSED, "fifo")]  # said once
    assert "FIFO" in reported[0][2]


@posix_only
def test_the_watcher_goes_on_past_a_fifo_and_refuses_a_link(make_watcher: WatcherFactory, till_folder: Path,
                                                           tmp_path: Path) -> None:
    os.mkfifo(till_folder / "print.txt")
    secret = tmp_path / "private" / "secrets.txt"
    secret.parent.mkdir()
    secret.write_bytes(receipt_bytes(9))  # it even looks like a receipt
    (till_folder / "print_link.txt").symlink_to(secret)
    watcher, seen = make_watcher(fast_settings(till_folder))
    write_file(till_folder / "print_1.txt", receipt_bytes(1))
    seen.wait_writes(1)
    settle(watcher)
    settle(watcher)  # rescans do not say it again
    assert seen.contents == [receipt_bytes(1)]  # never the FIFO, never what the link points to
    refused = sorted((p.reason, p.path) for p in seen.problems if p.code == FILE_REFUSED)
    assert refused == [("fifo", str(till_folder / "print.txt")), ("symlink", str(till_folder / "print_link.txt"))]
    link = next(p for p in seen.problems if p.reason == "symlink")
    assert "not followed" in link.detail and str(secret) in link.detail
    started = time.monotonic()
    watcher.stop()
    assert time.monotonic() - started < 5.0  # no thread stuck on the FIFO


@posix_only
def test_a_socket_is_refused_and_a_folder_passed_over_under_a_watched_name(make_watcher: WatcherFactory,
                                                                          till_folder: Path) -> None:
    """The other kinds the watcher decides from the type: a socket is never opened (it is no file), a
    folder named like a receipt is passed over without a word."""
    import socket

    where = str(till_folder / "print_sock.txt")
    if len(where.encode()) > 100:
        pytest.skip("a socket's path is limited to about 100 bytes")
    (till_folder / "print_dir.txt").mkdir()
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(where)
        server.listen(1)
        watcher, seen = make_watcher(fast_settings(till_folder))
        write_file(till_folder / "print_1.txt", receipt_bytes(1))
        seen.wait_writes(1)
        settle(watcher)
        settle(watcher)
        assert seen.contents == [receipt_bytes(1)]
        refused = [(p.reason, p.path) for p in seen.problems if p.code == FILE_REFUSED]
        assert refused == [("socket", where)]  # once; the folder not at all
        watcher.stop()
    finally:
        server.close()


@posix_only
@pytest.mark.skipif(sys.getfilesystemencoding() != "utf-8", reason="names are UTF-8 here")
def test_a_name_that_is_not_utf8_is_archived_and_kept_aside_under_a_safe_name(make_watcher: WatcherFactory,
                                                                              till_folder: Path,
                                                                              tmp_path: Path) -> None:
    journal = Journal(tmp_path / "journal.sqlite3")
    kept = tmp_path / "kept-aside"
    intake = Intake(journal, ParserSettings(), kept)
    raw_name = os.fsencode(till_folder) + b"/print_\xb2\xe2.txt"  # GBK bytes on a UTF-8 system
    fd = os.open(raw_name, os.O_WRONLY | os.O_CREAT, 0o644)
    os.write(fd, receipt_bytes(3))
    os.close(fd)
    collected: list[object] = []
    watcher = FolderWatcher(fast_settings(till_folder), lambda w: collected.append(intake.handle(w)))
    try:
        watcher.start()
        settle(watcher)
        assert watcher.wait_idle(WAIT)
    finally:
        watcher.stop()
    [version] = ReceiptStore(journal).file_versions()
    assert version.outcome is FileOutcome.REFUSED and version.refusal_reason == NAME_NOT_TEXT
    assert version.path.endswith("print_\\xb2\\xe2.txt")
    assert ReceiptStore(journal).file_version_content(version.id) == receipt_bytes(3)
    [copy] = kept.iterdir()
    assert copy.name.endswith("print__xb2_xe2.txt.name-not-text") and copy.read_bytes() == receipt_bytes(3)
    copy.name.encode("utf-8")  # a name any tool can show
    journal.close()


@pytest.mark.slow
def test_4200_kept_files_are_each_archived_once_however_often_the_folder_is_scanned(
        till_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A till writing one file per payment and never deleting them: 4,200 files. The watcher's memory
    is made smaller than the folder here, so rescans read old files again: the journal still archives
    each version once (before: ~600,000 duplicate rows a day)."""
    monkeypatch.setattr(tracker, "_REMEMBERED_PATHS", 1000)
    count = 4200
    for n in range(count):
        write_file(till_folder / f"print_{n:05d}.txt", receipt_bytes(n))
    journal = Journal(tmp_path / "journal.sqlite3")
    intake = Intake(journal, ParserSettings(), tmp_path / "kept-aside")
    def take(write: FinishedWrite) -> None:
        intake.handle(write)

    watcher = FolderWatcher(fast_settings(till_folder, rescan_interval_s=3600), take,
                            already_seen=intake.already_archived)
    try:
        watcher.start()
        deadline = time.monotonic() + 120
        while versions(journal) < count and time.monotonic() < deadline:
            time.sleep(0.2)
        assert watcher.wait_idle(60)
        assert versions(journal) == count
        for _ in range(3):
            settle(watcher)  # every file past the memory is read again ...
        assert versions(journal) == count  # ... and not archived again
    finally:
        watcher.stop()
    with journal.read() as conn:
        receipts = conn.execute("SELECT COUNT(*) FROM receipts").fetchone()[0]
    assert receipts == count
    journal.close()
