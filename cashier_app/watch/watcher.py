"""The hot-folder watcher: every finished write of a watched file, once, in order.

Threads (all stopped and joined by `stop()`):

- one watchdog observer per folder (OS events, or polling), filing hints;
- the reader, the only thread that looks at and reads the files (WriteTracker), so a write is read
  as soon as it is known finished, however long the consumer takes;
- the deliverer, the only thread that calls `on_write`, one FinishedWrite at a time, in the order
  the writes finished;
- the supervisor, which (re)starts observers for folders that are there, keeps trying folders that
  are not, replaces observers that died, and asks for a rescan every rescan_interval_s so that a
  missed event is always recovered.
"""

from __future__ import annotations

import logging
import os
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from watchdog.events import FileClosedEvent, FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent
from watchdog.observers.api import BaseObserver

from cashier_app.watch.events import (
    DELIVERY_FAILED,
    FILE_REFUSED,
    FOLDER_MISSING,
    FOLDER_RESTORED,
    FOLDER_UNREADABLE,
    OBSERVER_RESTARTED,
    POLLING_FALLBACK,
    FinishedWrite,
    FolderStatus,
    WatchProblem,
)
from cashier_app.watch.files import NameMatcher, display_path
from cashier_app.watch.observers import (
    EventBridge,
    native_observer,
    observer_alive,
    polling_observer,
    stop_observer,
    wants_polling,
)
from cashier_app.watch.settings import WatchSettings
from cashier_app.watch.tracker import Hint, HintKind, WriteTracker

log = logging.getLogger(__name__)

_EVENT_FILTER = [FileCreatedEvent, FileModifiedEvent, FileMovedEvent, FileDeletedEvent, FileClosedEvent]
_STOP = object()


@dataclass
class _Folder:
    path: str
    existed_at_start: bool
    observer: BaseObserver | None = None
    mode: str = "missing"
    close_events: bool = False
    problem: str | None = None
    watched_before: bool = False


class FolderWatcher:
    """Watches folders for finished writes of files matching WatchSettings.patterns.

    `on_write` is called on one thread, never concurrently, in the order the writes finished.
    `on_error` receives folder problems (codes in watch.events; FOLDER_RESTORED when one clears), on
    the watcher's threads. `already_seen(sha256)` answers whether bytes are already in the journal:
    files found at start whose bytes it knows are not handed out again.
    """

    def __init__(
        self,
        settings: WatchSettings,
        on_write: Callable[[FinishedWrite], None],
        *,
        on_error: Callable[[WatchProblem], None] | None = None,
        already_seen: Callable[[str], bool] | None = None,
    ) -> None:
        self.settings = settings
        self._on_write = on_write
        self._on_error = on_error
        self._already_seen = already_seen
        self._matcher = NameMatcher(settings.patterns)
        self._lock = threading.RLock()
        self._idle = threading.Condition()
        self._hints: queue.Queue[object] = queue.Queue()
        self._deliveries: queue.Queue[object] = queue.Queue()
        self._folders: list[_Folder] = []
        self._reader: threading.Thread | None = None
        self._deliverer: threading.Thread | None = None
        self._supervisor: threading.Thread | None = None
        self._stopping = threading.Event()
        self._running = False
        self._tracker: WriteTracker | None = None
        self._rescan_due = 0.0
        self._unlistable: set[str] = set()  # touched by the reader thread only

    # -- lifecycle ----------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._running

    def start(self) -> None:
        """Start watching. When it returns, every folder that exists is watched and its files
        already there are queued for the first scan. Calling it again while running does nothing."""
        with self._lock:
            if self._running:
                return
            self._running = True
            self._stopping.clear()
            self._hints = queue.Queue()
            self._deliveries = queue.Queue()
            self._unlistable = set()
            s = self.settings
            self._tracker = WriteTracker(
                settle_s=s.settle_ms / 1000.0,
                max_read_bytes=s.max_read_bytes,
                emit=self._deliver,
                list_matching=self._list_matching,
                writing_guard_s=max(s.rescan_interval_s, 1.0),
                already_seen=self._already_seen,
                report=self._report,
            )
            self._folders = [
                _Folder(path=folder, existed_at_start=os.path.isdir(folder))
                for folder in dict.fromkeys(os.path.abspath(f) for f in s.folders)
            ]
            self._reader = threading.Thread(target=self._read_loop, name="watch-reader", daemon=True)
            self._deliverer = threading.Thread(target=self._deliver_loop, name="watch-deliverer", daemon=True)
            self._supervisor = threading.Thread(target=self._supervise_loop, name="watch-supervisor", daemon=True)
            self._reader.start()
            self._deliverer.start()
            # The first pass runs here, so that start() returns with the folders watched.
            self._supervise_once()
            self._rescan_due = time.monotonic() + s.rescan_interval_s
            self._supervisor.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Stop every thread and wait for it. Writes already read are delivered first. Idempotent."""
        with self._lock:
            if not self._running:
                return
            self._running = False
            self._stopping.set()
            folders = list(self._folders)
        me = threading.current_thread()
        # The supervisor first, so that it starts no observer while they are being stopped.
        if self._supervisor is not None and self._supervisor is not me:
            self._supervisor.join(timeout)
        for folder in folders:
            observer, folder.observer = folder.observer, None
            if observer is not None:
                stop_observer(observer, timeout)
        # The reader finishes what it was doing, then the deliverer hands out what was read.
        self._hints.put(_STOP)
        if self._reader is not None and self._reader is not me:
            self._reader.join(timeout)
        self._deliveries.put(_STOP)
        if self._deliverer is not None and self._deliverer is not me:
            self._deliverer.join(timeout)
        self._notify_idle()

    def __enter__(self) -> FolderWatcher:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- asking ---------------------------------------------------------------------------------

    def rescan(self) -> None:
        """Look at every file of every watched folder now (as the periodic rescan does)."""
        with self._lock:
            folders = [(f.path, f.close_events) for f in self._folders if f.observer is not None]
        for path, close_events in folders:
            self._push(Hint(HintKind.SCAN, path, close_events))

    def wait_idle(self, timeout: float) -> bool:
        """Wait until no hint is waiting, no file is settling and no write is being delivered.

        Events the OS has not yet handed over are not counted: after writing files, wait for what
        you expect (or call `rescan()`) first. Returns False on timeout.
        """
        with self._idle:
            return self._idle.wait_for(self._is_idle, timeout)

    def status(self) -> list[FolderStatus]:
        with self._lock:
            return [FolderStatus(f.path, f.mode, f.close_events, f.problem) for f in self._folders]

    # -- idle accounting ----------------------------------------------------------------------

    def _is_idle(self) -> bool:
        tracker = self._tracker
        pending = tracker.pending_count if tracker is not None else 0
        return self._hints.unfinished_tasks == 0 and pending == 0 and self._deliveries.unfinished_tasks == 0

    def _notify_idle(self) -> None:
        with self._idle:
            self._idle.notify_all()

    # -- reader ---------------------------------------------------------------------------------

    def _push(self, hint: Hint) -> None:
        self._hints.put(hint)

    def _list_matching(self, folder: str) -> list[str]:
        """Matching files of a folder (reader thread). Unreadable folders are reported once."""
        try:
            with os.scandir(folder) as entries:
                # Not only regular files: a link or a FIFO under a watched name is looked at and refused
                # with its reason (never read); only folders are passed over.
                found = [e.path for e in entries
                         if self._matcher.matches(e.name) and not e.is_dir(follow_symlinks=False)]
        except FileNotFoundError:
            return []  # the supervisor reports missing folders
        except OSError as exc:
            if folder not in self._unlistable:
                self._unlistable.add(folder)
                self._report(FOLDER_UNREADABLE, folder, f"cannot list {folder}: {exc}")
            return []
        if folder in self._unlistable:
            self._unlistable.discard(folder)
            self._report(FOLDER_RESTORED, folder, f"{folder} can be listed again")
        return found

    def _read_loop(self) -> None:
        tracker = self._tracker
        assert tracker is not None
        while True:
            due = tracker.next_due()
            wait = None if due is None else max(0.0, due - time.monotonic())
            batch: list[object] = []
            try:
                batch.append(self._hints.get(timeout=wait))
                # Hints filed together (one poll, one burst) are handled together, so that
                # files settling together are handed out in the order they were written.
                while True:
                    batch.append(self._hints.get_nowait())
            except queue.Empty:
                pass
            stop = False
            now = time.monotonic()
            for item in batch:
                if item is _STOP:
                    stop = True
                elif isinstance(item, Hint):
                    try:
                        tracker.apply(item, now)
                    except Exception:
                        log.exception("handling %s failed", item)
            try:
                tracker.run_due(time.monotonic())
            except Exception:
                log.exception("taking settled files failed")
            for _ in batch:
                self._hints.task_done()
            self._notify_idle()
            if stop:
                return

    # -- deliverer ----------------------------------------------------------------------------

    def _deliver(self, write: FinishedWrite) -> None:
        self._deliveries.put(write)

    def _deliver_loop(self) -> None:
        while True:
            item = self._deliveries.get()
            try:
                if item is _STOP:
                    return
                assert isinstance(item, FinishedWrite)
                try:
                    self._on_write(item)
                except Exception as exc:
                    log.exception("delivering %s failed", item.path)
                    self._report(DELIVERY_FAILED, os.path.dirname(item.path), f"{type(exc).__name__}: {exc}")
            finally:
                self._deliveries.task_done()
                self._notify_idle()

    # -- supervisor ---------------------------------------------------------------------------

    def _supervise_loop(self) -> None:
        interval = self.settings.poll_interval_s
        while not self._stopping.wait(interval):
            try:
                self._supervise_once()
                if time.monotonic() >= self._rescan_due:
                    self._rescan_due = time.monotonic() + self.settings.rescan_interval_s
                    self.rescan()
            except Exception:
                log.exception("watch supervisor pass failed")

    def _supervise_once(self) -> None:
        for folder in self._folders:
            if self._stopping.is_set():
                return
            self._supervise_folder(folder)

    def _supervise_folder(self, folder: _Folder) -> None:
        observer = folder.observer
        if observer is not None:
            if observer_alive(observer):
                return
            stop_observer(observer)
            with self._lock:
                folder.observer = None
            if os.path.isdir(folder.path):
                self._report(OBSERVER_RESTARTED, folder.path, f"the {folder.mode} observer of {folder.path} stopped")
        if not os.path.isdir(folder.path):
            with self._lock:
                folder.mode = "missing"
            self._set_problem(folder, FOLDER_MISSING, f"{folder.path} does not exist or is not a folder")
            return
        started = self._start_observer(folder)
        if started is None:
            return
        new_observer, mode, close_events = started
        with self._lock:
            folder.observer, folder.mode, folder.close_events = new_observer, mode, close_events
        if folder.problem in (FOLDER_MISSING, FOLDER_UNREADABLE):
            self._set_problem(folder, None, f"watching {folder.path} again")
        # Whatever was written while the folder was not watched is found by a scan.
        initial = folder.existed_at_start and not folder.watched_before
        folder.watched_before = True
        self._push(Hint(HintKind.SCAN, folder.path, close_events, initial=initial))

    def _start_observer(self, folder: _Folder) -> tuple[BaseObserver, str, bool] | None:
        s = self.settings
        if not (s.force_polling or wants_polling(folder.path)):
            observer: BaseObserver | None = None
            try:
                observer, close_events = native_observer(timeout=1.0)
                observer.schedule(self._bridge(folder, close_events), folder.path, event_filter=_EVENT_FILTER)
                observer.start()
                return observer, "events", close_events
            except OSError as exc:
                if observer is not None:
                    stop_observer(observer)
                if not os.path.isdir(folder.path):
                    return None
                # inotify watch or instance limits, file systems without events: poll instead.
                self._report(POLLING_FALLBACK, folder.path, f"OS events unavailable ({exc}); polling instead")
        poller = polling_observer(s.poll_interval_s)
        try:
            poller.schedule(self._bridge(folder, False), folder.path, event_filter=_EVENT_FILTER)
            poller.start()
        except OSError as exc:
            stop_observer(poller)
            if os.path.isdir(folder.path):
                self._set_problem(folder, FOLDER_UNREADABLE, f"cannot watch {folder.path}: {exc}")
            return None
        return poller, "polling", False

    def _bridge(self, folder: _Folder, close_events: bool) -> EventBridge:
        return EventBridge(folder.path, self._matcher, self._push, close_events=close_events)

    # -- problems -----------------------------------------------------------------------------

    def _set_problem(self, folder: _Folder, code: str | None, detail: str) -> None:
        """Report a folder's problem once when it starts, and FOLDER_RESTORED when it ends."""
        with self._lock:
            previous, folder.problem = folder.problem, code
        if code == previous:
            return
        self._report(code or FOLDER_RESTORED, folder.path, detail)

    def _report(self, code: str, folder: str, detail: str, *, path: str = "", reason: str = "") -> None:
        if code == FOLDER_RESTORED:
            log.info("%s: %s", code, detail)
        elif code != FILE_REFUSED:  # the tracker has said it already
            log.warning("%s: %s", code, detail)
        if self._on_error is None:
            return
        try:
            self._on_error(WatchProblem(code=code, folder=display_path(folder), detail=detail,
                                        path=display_path(path) if path else "", reason=reason))
        except Exception:
            log.exception("the watch problem callback failed")
