"""Crashes leave a trace in the log folder, whatever kills the app.

- crash.log: every exception nobody caught (main thread: sys.excepthook; other threads:
  threading.excepthook) with its traceback, and Qt's critical and fatal messages (the "qt" logger,
  fed by the Qt message handler); rotated at 1 MB, 3 files.
- crash-faults.log: what faulthandler writes when the process dies of a fatal signal or a native
  crash (segfault in a driver, abort in Qt): the Python stack of every thread. Each start appends a
  "started" line, so a fault after the last one means the previous run died.

The diagnostic bundle takes both (diagnostics/bundle.py, through its log glob). Secrets never reach
them: exception texts pass through the same redactor as the log.
"""

from __future__ import annotations

import contextlib
import faulthandler
import logging
import logging.handlers
import os
import sys
import threading
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import IO

from cashier_app.domain.redaction import SecretRedactor

CRASH_FILE = "crash.log"
FAULTS_FILE = "crash-faults.log"
_STARTED = "=== started"
_FAULTS_LIMIT = 1_000_000

log = logging.getLogger(__name__)


class CrashLog:
    """Install once per process, as early as the log folder is known."""

    def __init__(self, log_dir: Path) -> None:
        self.log_dir = log_dir
        self.path = log_dir / CRASH_FILE
        self.faults_path = log_dir / FAULTS_FILE
        self.previous_run_crashed = False
        self._handler: logging.Handler | None = None
        self._faults: IO[str] | None = None
        self._on_crash: Callable[[str], None] | None = None
        self._previous_hooks: tuple[object, object] | None = None

    # -- installing ------------------------------------------------------------------------------
    def install(self, on_crash: Callable[[str], None] | None = None, *, faults: bool = True) -> CrashLog:
        """`on_crash(summary)` is called after an uncaught exception has been written (any thread).
        `faults`: also catch native crashes (the running app; a command of a few seconds needs not)."""
        self.log_dir.mkdir(parents=True, exist_ok=True)
        self._on_crash = on_crash
        handler = logging.handlers.RotatingFileHandler(self.path, maxBytes=1_000_000, backupCount=2,
                                                       encoding="utf-8", delay=True)
        handler.setLevel(logging.ERROR)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"))
        handler.addFilter(SecretRedactor())
        # Qt's critical and fatal messages arrive on the "qt" logger (ui/app_qt.py's message handler).
        logging.getLogger("qt").addHandler(handler)
        logging.getLogger("crash").addHandler(handler)
        self._handler = handler
        self._previous_hooks = (sys.excepthook, threading.excepthook)
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_excepthook
        if faults:
            self._open_faults()
        return self

    def uninstall(self) -> None:
        if self._previous_hooks is not None:
            sys.excepthook, threading.excepthook = self._previous_hooks  # type: ignore[assignment]
            self._previous_hooks = None
        if self._handler is not None:
            logging.getLogger("qt").removeHandler(self._handler)
            logging.getLogger("crash").removeHandler(self._handler)
            self._handler.close()
            self._handler = None
        if self._faults is not None:
            faulthandler.disable()
            self._faults.close()
            self._faults = None

    def _open_faults(self) -> None:
        try:
            previous = self.faults_path.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            previous = ""
        last_run = previous.rsplit(_STARTED, 1)[-1] if _STARTED in previous else previous
        self.previous_run_crashed = "Fatal Python error" in last_run or "Traceback" in last_run
        if len(previous) > _FAULTS_LIMIT:  # keep the newest part: the faults of the latest runs
            self.faults_path.write_text(previous[-_FAULTS_LIMIT // 2:], encoding="utf-8")
        self._faults = open(self.faults_path, "a", encoding="utf-8")  # noqa: SIM115 (open for the process's life)
        self._faults.write(f"{_STARTED} {datetime.now(UTC).isoformat(timespec='seconds')} pid {os.getpid()}\n")
        self._faults.flush()
        faulthandler.enable(file=self._faults, all_threads=True)

    # -- recording -------------------------------------------------------------------------------
    def record(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None,
               where: str = "") -> str:
        """Write an exception nobody caught; returns its one-line summary."""
        summary = SecretRedactor.redact(f"{exc_type.__name__}: {exc}")
        details = SecretRedactor.redact("".join(traceback.format_exception(exc_type, exc, tb)))
        logging.getLogger("crash").critical("uncaught exception%s: %s\n%s", f" in {where}" if where else "",
                                            summary, details)
        return summary

    def _excepthook(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        summary = self.record(exc_type, exc, tb)
        self._tell(summary)

    def _thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        name = args.thread.name if args.thread is not None else "a thread"
        summary = self.record(args.exc_type, args.exc_value, args.exc_traceback, where=name)
        self._tell(summary)

    def _tell(self, summary: str) -> None:
        with contextlib.suppress(Exception):  # telling must never raise from inside a hook
            if self._on_crash is not None:
                self._on_crash(summary)


def one_line_error(exc: BaseException, crash_log: Path) -> str:
    """What the command line prints instead of a traceback."""
    return (f"错误 / error: {SecretRedactor.redact(f'{type(exc).__name__}: {exc}')} "
            f"(详情 / details: {crash_log})")
