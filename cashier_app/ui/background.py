"""Run blocking calls (HTTP to the platform, a sync that polls) off the GUI thread, Anki-style.

    runner = BackgroundRunner(parent=self)
    runner.run(lambda: service.lookup(number), success=self._show, failure=self._show_error)
    ...
    runner.stop()   # on shutdown: results still in flight are dropped, running calls are waited for

The operation itself must not touch any widget ("no UI calls inside the operation"); `success`,
`failure` and `progress` are always called on the GUI thread. A call can report progress through
the `report` callable it is given when started with `run_with_progress`.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

Success = Callable[[Any], None]
Failure = Callable[[BaseException], None]
Progress = Callable[[Any], None]
Report = Callable[[Any], None]


@dataclass(frozen=True)
class _Outcome:
    ok: bool
    value: Any  # the result, or the exception


@dataclass
class _Task:
    task_id: int
    success: Success | None
    failure: Failure | None
    progress: Progress | None


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits, Qt queues the call to the GUI thread."""

    # task id, _Outcome. (No bool argument: PySide6 6.12 miscounts references of a bool queued across threads.)
    finished = Signal(int, object)
    progressed = Signal(int, object)  # task id, progress payload


class _Job(QRunnable):
    def __init__(self, task_id: int, fn: Callable[[Report], Any], relay: _Relay, stopped: threading.Event) -> None:
        super().__init__()
        self._task_id = task_id
        self._fn = fn
        self._relay = relay
        self._stopped = stopped
        self.setAutoDelete(True)

    def run(self) -> None:
        def report(payload: Any) -> None:
            if not self._stopped.is_set():
                self._relay.progressed.emit(self._task_id, payload)

        try:
            result = self._fn(report)
        except BaseException as error:  # delivered to `failure` on the GUI thread, never lost
            if not self._stopped.is_set():
                self._relay.finished.emit(self._task_id, _Outcome(False, error))
            else:
                log.info("background call failed after shutdown: %s", error)
            return
        if not self._stopped.is_set():
            self._relay.finished.emit(self._task_id, _Outcome(True, result))


class BackgroundRunner(QObject):
    """A private thread pool (by default one thread: one cashier's calls run in the order asked)."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, max_threads: int = 1) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._on_finished)
        self._relay.progressed.connect(self._on_progress)
        self._tasks: dict[int, _Task] = {}
        self._ids = itertools.count(1)
        self._stopped = threading.Event()

    def run(self, fn: Callable[[], Any], *, success: Success | None = None, failure: Failure | None = None) -> int:
        """Run fn() on a worker; returns a task id."""
        return self.run_with_progress(lambda _report: fn(), success=success, failure=failure)

    def run_with_progress(
        self,
        fn: Callable[[Report], Any],
        *,
        success: Success | None = None,
        failure: Failure | None = None,
        progress: Progress | None = None,
    ) -> int:
        """Run fn(report) on a worker; each report(payload) reaches `progress` on the GUI thread."""
        if self._stopped.is_set():
            raise RuntimeError("the background runner is stopped")
        task_id = next(self._ids)
        self._tasks[task_id] = _Task(task_id, success, failure, progress)
        was_busy = len(self._tasks) > 1
        self._pool.start(_Job(task_id, fn, self._relay, self._stopped))
        if not was_busy:
            self.busy_changed.emit(True)
        return task_id

    def is_busy(self) -> bool:
        return bool(self._tasks)

    def cancel(self) -> None:
        """Drop every result not delivered yet and every call not started; running calls end on their own."""
        self._stopped.set()
        self._pool.clear()  # queued, not started: never run
        self._tasks.clear()

    def wait(self, timeout_ms: int = 10_000) -> bool:
        """Wait for running calls to end; True when none is left."""
        done = bool(self._pool.waitForDone(timeout_ms))
        if not done:
            log.warning("background calls still running after %d ms", timeout_ms)
        return done

    def stop(self, timeout_ms: int = 10_000) -> bool:
        """cancel(), then wait(). True when every call ended."""
        self.cancel()
        done = bool(self._pool.waitForDone(timeout_ms))
        if not done:
            log.warning("background calls still running after %d ms", timeout_ms)
        return done

    @Slot(int, object)
    def _on_finished(self, task_id: int, outcome: _Outcome) -> None:
        task = self._tasks.pop(task_id, None)
        if task is None:
            return
        payload = outcome.value
        try:
            if outcome.ok:
                if task.success is not None:
                    task.success(payload)
                return
            error = payload if isinstance(payload, BaseException) else RuntimeError(str(payload))
            if task.failure is not None:
                task.failure(error)
            else:
                log.error("background call failed: %s", error, exc_info=error)
        finally:
            # After the result is shown (so a page still knows what it was doing); unless the
            # callback started the next call.
            if not self._tasks:
                self.busy_changed.emit(False)

    @Slot(int, object)
    def _on_progress(self, task_id: int, payload: object) -> None:
        task = self._tasks.get(task_id)
        if task is not None and task.progress is not None:
            task.progress(payload)
