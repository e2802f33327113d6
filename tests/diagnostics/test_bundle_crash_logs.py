"""The diagnostic bundle takes every crash log, however many running logs are newer, scrubbed too."""

from __future__ import annotations

import os
import time
import zipfile

from cashier_app.sandbox import terminal
from tests.helpers.diagnostics import Store


def test_crash_logs_always_go_in_and_are_scrubbed(store: Store) -> None:
    store.store_key(terminal.KEY)
    logs = store.log_dir
    logs.mkdir(parents=True, exist_ok=True)
    (logs / "crash.log").write_text(f"Traceback ...\nValueError: platform said {terminal.KEY}\n", encoding="utf-8")
    (logs / "crash.log.1").write_text("an older uncaught exception\n", encoding="utf-8")
    (logs / "crash-faults.log").write_text("=== started\nFatal Python error: Segmentation fault\n", encoding="utf-8")
    old = time.time() - 7 * 86400
    for name in ("crash.log", "crash.log.1", "crash-faults.log"):
        os.utime(logs / name, (old, old))
    for n in range(8):  # more, and newer, running logs than the bundle takes
        (logs / f"cashier-app.log.{n}" if n else logs / "cashier-app.log").write_text(f"line {n}\n", encoding="utf-8")
    bundle = store.root / "diag.zip"
    assert store.run("diagnose", "--offline", "--bundle", str(bundle)) in (0, 1)
    with zipfile.ZipFile(bundle) as archive:
        names = set(archive.namelist())
        assert {"logs/crash.log", "logs/crash.log.1", "logs/crash-faults.log"} <= names
        assert len([n for n in names if n.startswith("logs/cashier-app.log")]) == 6
        crash = archive.read("logs/crash.log").decode("utf-8")
    assert "ValueError: platform said ***" in crash and terminal.KEY not in crash
