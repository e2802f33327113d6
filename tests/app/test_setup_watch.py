"""The setup wizard's live watch: what the till writes once the watch has started is news, whenever
the watcher's first scan runs; what was in the folder before is not."""

from __future__ import annotations

import threading
from pathlib import Path

from cashier_app.app.setup_adapter import SetupAdapter
from cashier_app.ui.setup_rows import WriteSeen
from cashier_app.watch.watcher import FolderWatcher
from tests.helpers.till import till_writes

WAIT_S = 20.0


def test_a_payment_made_before_the_first_scan_runs_is_still_seen(tmp_path: Path, monkeypatch) -> None:
    till = tmp_path / "till"
    till.mkdir()
    samples = Path(__file__).parents[2] / "docs" / "samples" / "print-txt"
    old = (samples / "alipay-default-gbk-crlf.txt").read_bytes()
    new = (samples / "wechat-default-gbk-crlf.txt").read_bytes()
    (till / "print_old.txt").write_bytes(old)

    # A loaded machine: the watcher's reader thread (its first scan) runs only after the till wrote.
    go = threading.Event()
    read_loop = FolderWatcher._read_loop

    def late_read_loop(self: FolderWatcher) -> None:
        go.wait(WAIT_S)
        read_loop(self)

    monkeypatch.setattr(FolderWatcher, "_read_loop", late_read_loop)
    seen: list[WriteSeen] = []
    got = threading.Event()

    def on_seen(write: WriteSeen) -> None:
        seen.append(write)
        got.set()

    watcher = SetupAdapter(tmp_path / "cashier.toml").watch([str(till)], ["print*.txt"], on_seen)
    try:
        till_writes(till, new)
        go.set()
        assert got.wait(WAIT_S), "the test payment was taken for a file already there"
        assert isinstance(watcher, FolderWatcher) and watcher.wait_idle(WAIT_S)
    finally:
        watcher.stop()
    assert [Path(w.path).name for w in seen] == ["print.txt"]  # not print_old.txt, there before
