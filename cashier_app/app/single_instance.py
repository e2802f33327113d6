"""One running app per data folder, in every mode that runs services: window, headless, demo and
training (demo and training each have a data folder of their own, so each has its own lock).

A second instance on the same journal would take the first one's job in flight for an interrupted
one and print it again. The lock is an OS file lock on `<data folder>/cashier-app.lock`
(fcntl.flock on POSIX, msvcrt.locking on Windows): the OS drops it when the process ends, `kill -9`
included, so a crash never leaves the folder locked. Who holds it (process id, mode, since when) is
written beside it, in `cashier-app.instance.json`, so that a second start can say who is running.

Command-line read commands (files, printer jobs, reconcile status, diagnose ...) take no lock and
work beside a running app. The window uses `activation_name()` to ask a running window to come to
the front (ui/app_qt.py).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

log = logging.getLogger(__name__)

LOCK_FILE = "cashier-app.lock"
HOLDER_FILE = "cashier-app.instance.json"


@dataclass(frozen=True)
class Holder:
    """Who holds a data folder's lock."""

    pid: int
    mode: str  # "window" | "headless" (with "demo"/"training" when simulated)
    since: str  # UTC ISO-8601

    def describe(self) -> str:
        return f"process {self.pid}, {self.mode}, since {self.since}"


class InstanceLock:
    """`acquire()` once at start (False: another instance holds the folder), `release()` at exit."""

    def __init__(self, data_dir: Path, mode: str) -> None:
        self.data_dir = data_dir
        self.mode = mode
        self.path = data_dir / LOCK_FILE
        self.holder_path = data_dir / HOLDER_FILE
        self._handle: IO[bytes] | None = None

    def acquire(self) -> bool:
        if self._handle is not None:
            return True
        self.data_dir.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+b")  # noqa: SIM115 - held open for the life of the process
        try:
            _lock(handle)
        except OSError:
            handle.close()
            return False
        self._handle = handle
        holder = Holder(os.getpid(), self.mode, datetime.now(UTC).isoformat(timespec="seconds"))
        with contextlib.suppress(OSError):
            self.holder_path.write_text(json.dumps(holder.__dict__), encoding="utf-8")
        return True

    def release(self) -> None:
        handle, self._handle = self._handle, None
        if handle is None:
            return
        with contextlib.suppress(OSError):
            self.holder_path.unlink()
        with contextlib.suppress(OSError):
            _unlock(handle)
        handle.close()

    @property
    def held(self) -> bool:
        return self._handle is not None

    def holder(self) -> Holder | None:
        """Who holds the lock, as it wrote itself down (None when nobody says)."""
        try:
            data = json.loads(self.holder_path.read_text(encoding="utf-8"))
            return Holder(int(data["pid"]), str(data["mode"]), str(data["since"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def activation_name(self) -> str:
        return activation_name(self.data_dir)

    def __enter__(self) -> InstanceLock:
        if not self.acquire():
            raise AlreadyRunning(self)
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


class AlreadyRunning(RuntimeError):
    """Another instance holds this data folder."""

    def __init__(self, lock: InstanceLock) -> None:
        holder = lock.holder()
        who = f" ({holder.describe()})" if holder is not None else ""
        super().__init__(f"another instance of the app runs on {lock.data_dir}{who}")
        self.holder = holder
        self.data_dir = lock.data_dir


def instance_mode(kind: str, *, demo: bool = False, training: bool = False) -> str:
    """How an instance names itself in its folder's lock: "window", "headless-demo", "window-training" ..."""
    if training:
        return f"{kind}-training"
    return f"{kind}-demo" if demo else kind


def activation_name(data_dir: Path) -> str:
    """The local socket name a window of this data folder listens on to be brought to the front."""
    digest = hashlib.sha256(str(data_dir.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return f"cashier-app-{digest}"


def already_running_message(error: AlreadyRunning) -> str:
    """What a second start says on the command line, in both languages."""
    who = f"（{error.holder.describe()}）" if error.holder is not None else ""
    return (f"收银伴侣已经在运行{who}，数据目录 {error.data_dir}。/ Cashier Companion is already running "
            f"on {error.data_dir}{' (' + error.holder.describe() + ')' if error.holder else ''}.")


if sys.platform == "win32":
    import msvcrt

    def _lock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
