"""Settled writes are handed out in the order they were written, across settle passes too."""

from __future__ import annotations

import os
from pathlib import Path

from cashier_app.watch.events import FinishedWrite
from cashier_app.watch.tracker import HOLD_BEHIND_S, Hint, HintKind, WriteTracker

SETTLE = 0.05
T0 = 1_795_000_000_000_000_000  # file times, ns


def tracker(out: list[FinishedWrite]) -> WriteTracker:
    return WriteTracker(settle_s=SETTLE, max_read_bytes=1 << 20, emit=out.append,
                        list_matching=lambda folder: [], writing_guard_s=1.0)


def write(path: Path, data: bytes, mtime_ns: int) -> str:
    path.write_bytes(data)
    os.utime(path, ns=(mtime_ns, mtime_ns))
    return str(path)


def test_a_later_write_waits_for_an_older_one_caught_mid_write(tmp_path: Path) -> None:
    out: list[FinishedWrite] = []
    t = tracker(out)
    a = write(tmp_path / "print_5.txt", b"half a receipt", T0)
    b = write(tmp_path / "print_6.txt", b"the whole next receipt", T0 + 1_000_000)
    t.apply(Hint(HintKind.CHANGED, a, close_events=False), now=0.0)
    t.apply(Hint(HintKind.CHANGED, b, close_events=False), now=0.001)

    # print_5 was still being written: its second look differs, its settling starts again.
    write(tmp_path / "print_5.txt", b"half a receipt, and the rest", T0)
    t.run_due(now=SETTLE + 0.01)
    assert out == []  # print_6 has settled, but print_5 was written first
    due = t.next_due()
    assert due is not None and due > SETTLE + 0.01  # no spinning on the held write

    t.run_due(now=due)
    assert [Path(w.path).name for w in out] == ["print_5.txt", "print_6.txt"]


def test_a_file_that_never_settles_holds_others_only_for_a_while(tmp_path: Path) -> None:
    out: list[FinishedWrite] = []
    t = tracker(out)
    a = write(tmp_path / "print_1.txt", b"x", T0)
    b = write(tmp_path / "print_2.txt", b"a receipt", T0 + 1_000_000)
    t.apply(Hint(HintKind.CHANGED, a, close_events=False), now=0.0)
    t.apply(Hint(HintKind.CHANGED, b, close_events=False), now=0.0)
    now, size = 0.0, 1
    while now < HOLD_BEHIND_S + 1:
        size += 1  # print_1 keeps growing
        write(tmp_path / "print_1.txt", b"x" * size, T0)
        now += SETTLE + 0.01
        t.run_due(now)
        if out:
            break
    assert [Path(w.path).name for w in out] == ["print_2.txt"]
    assert HOLD_BEHIND_S <= now <= HOLD_BEHIND_S + 2 * (SETTLE + 0.01)
