"""watchdog observers for the watched folders, and the bridge from their events to hints.

Each folder gets its own observer, so that one that dies (a PollingObserver can stop on an
OSError, an inotify watch ends when its folder is deleted) is replaced without touching the
others. The native observer is preferred; a folder it cannot watch is polled.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserver

from cashier_app.watch.files import NameMatcher, same_folder
from cashier_app.watch.tracker import Hint, HintKind

log = logging.getLogger(__name__)


class EventBridge(FileSystemEventHandler):
    """Turns watchdog events for matching files of one folder into hints. Runs on the observer's
    thread, so it only files the hint and returns."""

    def __init__(self, folder: str, matcher: NameMatcher, push: Callable[[Hint], None], *, close_events: bool) -> None:
        super().__init__()
        self._folder = folder
        self._matcher = matcher
        self._push = push
        self._close_events = close_events

    def _ours(self, path: bytes | str) -> str | None:
        text = os.fsdecode(path)
        if not text or not same_folder(text, self._folder):
            return None
        return text if self._matcher.matches(os.path.basename(text)) else None

    def _hint(self, kind: HintKind, path: str) -> None:
        self._push(Hint(kind, path, self._close_events))

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory:
            return
        kind = event.event_type
        if kind == "moved":
            source = self._ours(event.src_path)
            if source is not None:
                self._hint(HintKind.GONE, source)
            dest = self._ours(event.dest_path)
            if dest is not None:
                self._hint(HintKind.MOVED_IN, dest)
            return
        path = self._ours(event.src_path)
        if path is None:
            return
        if kind == "closed":
            self._hint(HintKind.CLOSED, path)
        elif kind in ("created", "modified"):
            self._hint(HintKind.CHANGED, path)
        elif kind == "deleted":
            self._hint(HintKind.GONE, path)
        # opened, closed_no_write (our own reads among them) and attrib tell nothing new.


def native_observer(timeout: float) -> tuple[BaseObserver, bool]:
    """The platform's event observer, and whether it reports "closed after write"."""
    if sys.platform.startswith("linux"):
        try:
            from watchdog.observers.inotify import InotifyObserver
        except Exception:  # an unsupported libc: fall through to the generic choice
            log.debug("inotify unavailable", exc_info=True)
        else:
            # Full events: a file renamed in from outside the folder is a move, not a creation
            # (a creation waits for its close event; a move is finished already).
            return InotifyObserver(timeout=timeout, generate_full_events=True), True
    observer = Observer(timeout=timeout)
    return observer, False


def polling_observer(poll_interval_s: float) -> PollingObserver:
    return PollingObserver(timeout=poll_interval_s)


def wants_polling(folder: str) -> bool:
    """Network shares (\\\\server\\share) send no reliable change events on Windows."""
    return folder.startswith(("\\\\", "//"))


def observer_alive(observer: BaseObserver) -> bool:
    """The observer thread and every one of its emitters still run."""
    if not observer.is_alive():
        return False
    emitters = list(observer.emitters)
    return bool(emitters) and all(e.is_alive() for e in emitters)


def stop_observer(observer: BaseObserver, timeout: float = 5.0) -> None:
    try:
        observer.stop()
        if observer.is_alive():
            observer.join(timeout)
        # Emitters of an observer that died unexpectedly are not joined by its own shutdown.
        for emitter in list(observer.emitters):
            emitter.stop()
            if emitter.is_alive():
                emitter.join(timeout)
    except Exception:
        log.warning("stopping an observer failed", exc_info=True)
