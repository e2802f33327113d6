"""The folder watcher against real files written the ways tills write them.

Pauses inside a writer (time.sleep in the "till") are part of the scenario being modelled, never
a way to wait for the watcher: the tests wait on the collector's conditions and on wait_idle().
"""

from __future__ import annotations

import hashlib
import os
import shutil
import threading
import time
from pathlib import Path

import pytest

from cashier_app.watch import events
from cashier_app.watch.settings import WatchSettings
from tests.helpers.watch import WAIT, WatcherFactory, fast_settings, receipt_bytes, settle, write_file

MODES = [pytest.param(False, id="events"), pytest.param(True, id="polling")]


def test_a_receipt_written_and_closed_is_handed_out_once_with_its_bytes(
    till_folder: Path, make_watcher: WatcherFactory
) -> None:
    watcher, got = make_watcher(fast_settings(till_folder))
    assert [s.mode for s in watcher.status()] == ["events"]
    data = receipt_bytes(1)
    write_file(till_folder / "print.txt", data)

    [write] = got.wait_writes(1)
    settle(watcher)
    assert got.contents == [data]
    assert write.path == str(till_folder / "print.txt")
    assert write.size == len(data)
    assert write.sha256 == hashlib.sha256(data).hexdigest()
    assert write.mtime_ns == os.stat(till_folder / "print.txt").st_mtime_ns
    assert write.seen_at.endswith("+00:00")


@pytest.mark.parametrize("polling", MODES)
def test_a_write_in_several_chunks_is_read_only_when_finished(
    till_folder: Path, make_watcher: WatcherFactory, polling: bool
) -> None:
    # With close events the pauses may be far longer than settle_ms; when polling, a write is
    # finished once it stops changing for settle_ms, so the till's pauses are shorter than that.
    settings = fast_settings(till_folder, force_polling=polling, settle_ms=400 if polling else 20)
    pause = 0.02 if polling else 0.15
    watcher, got = make_watcher(settings)
    chunks = [b"\xce\xa2\xd0\xc5\xd6\xa7\xb8\xb6\r\n", receipt_bytes(7), "合计：7.00\r\n".encode("gbk")]
    with open(till_folder / "print.txt", "wb") as handle:
        for chunk in chunks:
            handle.write(chunk)
            handle.flush()
            time.sleep(pause)  # the till pausing between its writes

    got.wait_writes(1)
    settle(watcher)
    assert got.contents == [b"".join(chunks)]


@pytest.mark.parametrize("polling", MODES)
def test_truncate_and_rewrite_in_place_is_a_new_write(
    till_folder: Path, make_watcher: WatcherFactory, polling: bool
) -> None:
    watcher, got = make_watcher(fast_settings(till_folder, force_polling=polling))
    target = till_folder / "print.txt"
    write_file(target, receipt_bytes(1))
    got.wait_writes(1)

    with open(target, "r+b") as handle:
        handle.truncate(0)
        handle.flush()
        handle.write(receipt_bytes(2)[:20])
        handle.flush()
        handle.write(receipt_bytes(2)[20:])

    got.wait_writes(2)
    settle(watcher)
    assert got.contents == [receipt_bytes(1), receipt_bytes(2)]


@pytest.mark.parametrize("polling", MODES)
def test_a_tmp_file_renamed_over_print_txt_is_caught(
    till_folder: Path, make_watcher: WatcherFactory, polling: bool
) -> None:
    watcher, got = make_watcher(fast_settings(till_folder, force_polling=polling))
    target = till_folder / "print.txt"
    write_file(target, receipt_bytes(1))
    got.wait_writes(1)

    tmp = till_folder / "print.tmp"
    write_file(tmp, receipt_bytes(2))
    os.replace(tmp, target)
    got.wait_writes(2)

    # A temporary file from outside the folder renamed in (the till writing to %TEMP% first).
    outside = till_folder.parent / "elsewhere.tmp"
    write_file(outside, receipt_bytes(3))
    os.replace(outside, target)
    got.wait_writes(3)
    settle(watcher)
    assert got.contents == [receipt_bytes(1), receipt_bytes(2), receipt_bytes(3)]


@pytest.mark.parametrize("polling", MODES)
def test_the_same_bytes_written_twice_in_a_row_are_one_write(
    till_folder: Path, make_watcher: WatcherFactory, polling: bool
) -> None:
    watcher, got = make_watcher(fast_settings(till_folder, force_polling=polling))
    target = till_folder / "print.txt"
    write_file(target, receipt_bytes(5))
    got.wait_writes(1)
    settle(watcher)

    write_file(target, receipt_bytes(5))
    os.utime(target, ns=(time.time_ns(), time.time_ns() + 5_000_000))  # surely a new mtime
    settle(watcher)  # the repeat has been looked at (by its event or by the rescan)
    assert got.contents == [receipt_bytes(5)]

    write_file(target, receipt_bytes(6))  # the next payment
    got.wait_writes(2)
    settle(watcher)
    assert got.contents == [receipt_bytes(5), receipt_bytes(6)]


@pytest.mark.parametrize("polling", MODES)
def test_print_txt_overwritten_for_each_payment_gives_each_write_in_order(
    till_folder: Path, make_watcher: WatcherFactory, polling: bool
) -> None:
    watcher, got = make_watcher(fast_settings(till_folder, force_polling=polling))
    target = till_folder / "print.txt"
    for n in range(1, 6):
        write_file(target, receipt_bytes(n))
        got.wait_writes(n)  # the next payment comes after the till printed the last one
    settle(watcher)
    assert got.contents == [receipt_bytes(n) for n in range(1, 6)]
    assert got.threads == {"watch-deliverer"}


def test_a_file_deleted_right_after_it_was_written_is_still_caught(
    till_folder: Path, make_watcher: WatcherFactory
) -> None:
    watcher, got = make_watcher(fast_settings(till_folder))
    # A slow consumer (the journal busy) must not delay reading: bytes are read at once and kept.
    got.block = threading.Event()
    write_file(till_folder / "print_0.txt", receipt_bytes(0))
    target = till_folder / "print.txt"
    write_file(target, receipt_bytes(1))
    time.sleep(0.05)  # the till prints the file, then deletes it
    target.unlink()
    (till_folder / "print_0.txt").unlink()
    got.block.set()

    got.wait_writes(2)
    settle(watcher)
    assert got.contents == [receipt_bytes(0), receipt_bytes(1)]
    assert not target.exists()


@pytest.mark.parametrize("polling", MODES)
def test_an_empty_file_is_not_handed_out_until_it_is_filled(
    till_folder: Path, make_watcher: WatcherFactory, polling: bool
) -> None:
    watcher, got = make_watcher(fast_settings(till_folder, force_polling=polling))
    target = till_folder / "print.txt"
    target.touch()
    settle(watcher)
    settle(watcher)
    assert got.writes == []

    write_file(target, receipt_bytes(3))
    got.wait_writes(1)
    settle(watcher)
    assert got.contents == [receipt_bytes(3)]


@pytest.mark.parametrize("polling", MODES)
def test_one_file_per_payment_print_n_txt(till_folder: Path, make_watcher: WatcherFactory, polling: bool) -> None:
    watcher, got = make_watcher(fast_settings(till_folder, force_polling=polling))
    for n in range(1, 13):
        write_file(till_folder / f"print_{n}.txt", receipt_bytes(n))
        got.wait_writes(n)
    settle(watcher)
    assert [Path(w.path).name for w in got.writes] == [f"print_{n}.txt" for n in range(1, 13)]
    assert got.contents == [receipt_bytes(n) for n in range(1, 13)]


def test_names_that_do_not_match_are_ignored_and_case_does_not_matter(
    till_folder: Path, make_watcher: WatcherFactory
) -> None:
    watcher, got = make_watcher(fast_settings(till_folder))
    (till_folder / "sub").mkdir()
    for name in ["print.log", "receipt.txt", "print.txt.tmp", "xprint.txt", "sub/print.txt"]:
        write_file(till_folder / name, receipt_bytes(9))
    write_file(till_folder / "PRINT.TXT", receipt_bytes(1))

    got.wait_writes(1)
    settle(watcher)
    assert [Path(w.path).name for w in got.writes] == ["PRINT.TXT"]


def test_several_folders_and_patterns(tmp_path: Path, make_watcher: WatcherFactory) -> None:
    first, second = tmp_path / "till1", tmp_path / "till2"
    first.mkdir()
    second.mkdir()
    settings = fast_settings(first, patterns=["print*.txt", "ticket_*.prn"])
    settings.folders = [str(first), str(second)]
    watcher, got = make_watcher(settings)
    write_file(first / "print.txt", receipt_bytes(1))
    got.wait_writes(1)
    write_file(second / "ticket_7.prn", receipt_bytes(2))
    got.wait_writes(2)
    write_file(second / "print.txt", receipt_bytes(3))
    got.wait_writes(3)
    settle(watcher)
    assert [(Path(w.path).parent.name, Path(w.path).name) for w in got.writes] == [
        ("till1", "print.txt"),
        ("till2", "ticket_7.prn"),
        ("till2", "print.txt"),
    ]


def test_a_folder_created_after_start_is_watched_once_it_appears(tmp_path: Path, make_watcher: WatcherFactory) -> None:
    folder = tmp_path / "not-yet"
    watcher, got = make_watcher(fast_settings(folder))
    problem = got.wait_problem(events.FOLDER_MISSING)
    assert problem.folder == str(folder)
    assert problem.params()["path"] == str(folder)
    assert [s.mode for s in watcher.status()] == ["missing"]

    folder.mkdir()
    # A file written before the watch is set up is found by the scan that comes with it.
    write_file(folder / "print.txt", receipt_bytes(1))
    got.wait_problem(events.FOLDER_RESTORED)
    got.wait_writes(1)
    write_file(folder / "print.txt", receipt_bytes(2))
    got.wait_writes(2)
    settle(watcher)
    assert got.contents == [receipt_bytes(1), receipt_bytes(2)]
    assert [p.code for p in got.problems].count(events.FOLDER_MISSING) == 1  # reported once, not every look


def test_a_folder_deleted_and_recreated_is_watched_again(till_folder: Path, make_watcher: WatcherFactory) -> None:
    watcher, got = make_watcher(fast_settings(till_folder))
    write_file(till_folder / "print.txt", receipt_bytes(1))
    got.wait_writes(1)

    shutil.rmtree(till_folder)
    got.wait_problem(events.FOLDER_MISSING)
    till_folder.mkdir()
    got.wait_problem(events.FOLDER_RESTORED)
    write_file(till_folder / "print.txt", receipt_bytes(2))
    got.wait_writes(2)
    settle(watcher)
    assert got.contents == [receipt_bytes(1), receipt_bytes(2)]


def test_a_dead_observer_is_replaced_and_what_it_missed_is_recovered(
    till_folder: Path, make_watcher: WatcherFactory
) -> None:
    watcher, got = make_watcher(fast_settings(till_folder))
    write_file(till_folder / "print.txt", receipt_bytes(1))
    got.wait_writes(1)

    # Kill the observer the way a PollingObserver dies on an OSError: its threads just stop.
    observer = watcher._folders[0].observer
    assert observer is not None
    for emitter in list(observer.emitters):
        emitter.stop()
    observer.stop()
    observer.join(WAIT)
    write_file(till_folder / "print_2.txt", receipt_bytes(2))  # no observer sees this one

    got.wait_problem(events.OBSERVER_RESTARTED)
    got.wait_writes(2)
    write_file(till_folder / "print_3.txt", receipt_bytes(3))
    got.wait_writes(3)
    settle(watcher)
    assert got.contents == [receipt_bytes(1), receipt_bytes(2), receipt_bytes(3)]


def test_the_periodic_rescan_recovers_a_write_whose_event_was_missed(
    till_folder: Path, make_watcher: WatcherFactory
) -> None:
    # The observer is told to watch for nothing, as if every event were lost; only the
    # supervisor's rescan (every rescan_interval_s) can find the write.
    settings = fast_settings(till_folder, rescan_interval_s=0.5)
    watcher, got = make_watcher(settings)
    observer = watcher._folders[0].observer
    assert observer is not None
    observer.unschedule_all()
    write_file(till_folder / "print.txt", receipt_bytes(4))
    got.wait_writes(1)
    assert got.contents == [receipt_bytes(4)]


def test_files_there_at_start_are_handed_out_unless_already_in_the_journal(
    till_folder: Path, make_watcher: WatcherFactory
) -> None:
    known, unknown = receipt_bytes(1), receipt_bytes(2)
    write_file(till_folder / "print_1.txt", known)
    write_file(till_folder / "print_2.txt", unknown)
    os.utime(till_folder / "print_1.txt", ns=(time.time_ns(), time.time_ns() - 10_000_000_000))
    (till_folder / "print_3.txt").touch()  # empty: not a receipt yet
    known_sha = hashlib.sha256(known).hexdigest()

    watcher, got = make_watcher(fast_settings(till_folder), already_seen=lambda sha: sha == known_sha)
    got.wait_writes(1)
    settle(watcher)
    assert got.contents == [unknown]

    # Known bytes skipped at start are still remembered: rewriting them is no new write.
    write_file(till_folder / "print_1.txt", known)
    os.utime(till_folder / "print_1.txt", ns=(time.time_ns(), time.time_ns() + 5_000_000))
    settle(watcher)
    assert got.contents == [unknown]
    write_file(till_folder / "print_1.txt", receipt_bytes(5))
    got.wait_writes(2)
    settle(watcher)
    assert got.contents == [unknown, receipt_bytes(5)]


def test_a_file_larger_than_max_read_bytes_is_read_cut_short(till_folder: Path, make_watcher: WatcherFactory) -> None:
    settings = fast_settings(till_folder, max_read_bytes=128 * 1024)
    watcher, got = make_watcher(settings)
    big = b"x" * (300 * 1024)
    write_file(till_folder / "print.txt", big)
    [write] = got.wait_writes(1)
    settle(watcher)
    assert write.size == len(big)
    assert write.content == big[: 128 * 1024]


@pytest.mark.parametrize("polling", MODES)
def test_two_hundred_files_in_one_second_none_lost_or_doubled_and_in_order(
    till_folder: Path, make_watcher: WatcherFactory, polling: bool
) -> None:
    watcher, got = make_watcher(fast_settings(till_folder, force_polling=polling))
    start = time.monotonic()
    for n in range(200):
        write_file(till_folder / f"print_{n}.txt", receipt_bytes(n))
    written_in = time.monotonic() - start

    got.wait_writes(200, timeout=30)
    settle(watcher)
    names = [Path(w.path).name for w in got.writes]
    assert len(names) == len(set(names)) == 200, f"written in {written_in:.2f}s"
    assert names == [f"print_{n}.txt" for n in range(200)]
    assert got.contents == [receipt_bytes(n) for n in range(200)]


def test_polling_mode_is_reported_and_used(till_folder: Path, make_watcher: WatcherFactory) -> None:
    watcher, got = make_watcher(fast_settings(till_folder, force_polling=True))
    [status] = watcher.status()
    assert (status.mode, status.close_events, status.problem) == ("polling", False, None)
    write_file(till_folder / "print.txt", receipt_bytes(1))
    got.wait_writes(1)
    settle(watcher)
    assert got.contents == [receipt_bytes(1)]


def test_a_failing_consumer_is_reported_and_the_next_write_still_delivered(
    till_folder: Path, make_watcher: WatcherFactory
) -> None:
    watcher, got = make_watcher(fast_settings(till_folder))
    calls: list[bytes] = []
    done = threading.Event()

    def on_write(write: events.FinishedWrite) -> None:
        calls.append(write.content)
        if len(calls) == 1:
            raise RuntimeError("journal is full")
        done.set()

    watcher._on_write = on_write
    write_file(till_folder / "print_1.txt", receipt_bytes(1))
    got.wait_problem(events.DELIVERY_FAILED)
    write_file(till_folder / "print_2.txt", receipt_bytes(2))
    assert done.wait(WAIT)
    assert calls == [receipt_bytes(1), receipt_bytes(2)]


def test_stop_joins_every_thread_is_idempotent_and_start_again_works(
    till_folder: Path, make_watcher: WatcherFactory
) -> None:
    watcher, got = make_watcher(fast_settings(till_folder))
    assert watcher.running
    watcher.stop()
    watcher.stop()
    assert not watcher.running
    assert not [t for t in threading.enumerate() if t.name.startswith("watch-")]

    watcher.start()
    watcher.start()
    write_file(till_folder / "print.txt", receipt_bytes(1))
    got.wait_writes(1)
    watcher.stop()
    assert not [t for t in threading.enumerate() if t.name.startswith("watch-")]


def test_the_till_can_always_rewrite_or_delete_the_file_while_it_is_watched(
    till_folder: Path, make_watcher: WatcherFactory
) -> None:
    # The file is held open only for one read: rapid rewrites and deletes by the till never fail.
    watcher, got = make_watcher(fast_settings(till_folder))
    target = till_folder / "print.txt"
    for n in range(50):
        write_file(target, receipt_bytes(n))
        if n % 2:
            target.unlink()
    write_file(target, receipt_bytes(50))  # the last one stays
    assert got.wait_for(lambda c: receipt_bytes(50) in c.contents)
    settle(watcher)
    # Every write caught is complete (never a half-read file), each at most once, in order.
    written = [receipt_bytes(n) for n in range(51)]
    indexes = [written.index(c) for c in got.contents]
    assert indexes == sorted(set(indexes))
    assert indexes[-1] == 50


def test_watch_settings_defaults_follow_the_spec() -> None:
    settings = WatchSettings()
    assert settings.patterns == ["print*.txt"]
    assert settings.max_read_bytes > 64 * 1024


def test_a_folder_the_os_cannot_watch_is_polled_instead(
    till_folder: Path, make_watcher: WatcherFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As when the inotify watch limit is reached (ENOSPC) or the file system sends no events.
    def no_native_events(timeout: float) -> tuple[object, bool]:
        raise OSError(28, "inotify watch limit reached")

    monkeypatch.setattr("cashier_app.watch.watcher.native_observer", no_native_events)
    watcher, got = make_watcher(fast_settings(till_folder))
    problem = got.wait_problem(events.POLLING_FALLBACK)
    assert "inotify watch limit reached" in problem.detail
    assert [s.mode for s in watcher.status()] == ["polling"]
    write_file(till_folder / "print.txt", receipt_bytes(1))
    got.wait_writes(1)
    settle(watcher)
    assert got.contents == [receipt_bytes(1)]
