"""Once per finished write: deciding when a watched file is done, reading it, and dropping repeats.

The tracker runs on the watcher's reader thread only, so it needs no locks of its own. It is fed
hints (an OS event, a poll, a scan) and decides:

- With close events (Linux inotify) a "closed after write" hint means the writer has finished:
  the file is read at once. Modify events only mark the file as being written; they never cause a
  read, so a writer pausing between chunks is never read half-way.
- Otherwise (polling, other systems, a file renamed into place, a scan) the write is finished when
  two looks settle_ms apart find the same size, mtime, ctime and inode.
- The bytes are read once and kept; the same bytes as the last ones taken from that path are not
  handed out again, and an empty file is not handed out at all (the writer may still fill it).
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from cashier_app.journal.db import utc_now
from cashier_app.watch.events import FILE_REFUSED, READ_FAILED, FinishedWrite
from cashier_app.watch.files import (
    DIRECTORY,
    Look,
    display_path,
    look,
    natural_key,
    not_regular,
    read_once,
    same_folder,
)

log = logging.getLogger(__name__)

# How many paths' last versions are remembered (print_<n>.txt kits make a new name per payment, and
# some never delete them). Paths gone from their folder are forgotten at each scan; past this many,
# the oldest are, and the intake's journal check keeps a version from being archived twice.
_REMEMBERED_PATHS = 65_536


class HintKind(Enum):
    CLOSED = "closed"  # the writer closed the file after writing (inotify)
    CHANGED = "changed"  # created or modified
    MOVED_IN = "moved_in"  # renamed into place (tmp file renamed over print.txt)
    GONE = "gone"  # deleted or renamed away
    SCAN = "scan"  # look at every matching file of a folder


@dataclass(frozen=True)
class Hint:
    kind: HintKind
    path: str  # the file, or the folder for SCAN
    close_events: bool  # the folder's observer reports "closed after write"
    initial: bool = False  # SCAN at start: files already there may already be in the journal


@dataclass(frozen=True)
class _Taken:
    look: Look
    sha256: str | None


@dataclass
class _Pending:
    look: Look
    due: float
    seq: int
    initial: bool
    since: float = 0.0  # when the file was first seen settling (kept while it keeps changing)


# The longest a settled write waits behind an older one that is still settling (see run_due).
HOLD_BEHIND_S = 2.0


class WriteTracker:
    def __init__(
        self,
        *,
        settle_s: float,
        max_read_bytes: int,
        emit: Callable[[FinishedWrite], None],
        list_matching: Callable[[str], list[str]],
        writing_guard_s: float,
        already_seen: Callable[[str], bool] | None = None,
        report: Callable[..., None] | None = None,
    ) -> None:
        self._settle_s = settle_s
        self._max_read_bytes = max_read_bytes
        self._emit = emit
        self._list_matching = list_matching
        self._writing_guard_s = writing_guard_s
        self._already_seen = already_seen
        self._report = report
        self._taken: OrderedDict[str, _Taken] = OrderedDict()
        self._pending: dict[str, _Pending] = {}
        self._writing: dict[str, float] = {}  # path → when a write was last seen going on (close-event mode)
        self._seq = 0
        self._read_failures: set[str] = set()
        self._refused: dict[str, str] = {}  # path -> what it is, told once (a link, a FIFO ...)

    @property
    def pending_count(self) -> int:
        return len(self._pending)

    def next_due(self) -> float | None:
        return min((p.due for p in self._pending.values()), default=None)

    # -- hints --------------------------------------------------------------------------------

    def apply(self, hint: Hint, now: float) -> None:
        path = hint.path
        if hint.kind is HintKind.CLOSED:
            previous = self._pending.pop(path, None)
            self._take(path, initial=previous.initial if previous else False, close_events=True, now=now)
        elif hint.kind is HintKind.CHANGED:
            if hint.close_events:
                # A writer is at it: its close event will say when it is done, so no settling
                # (a scan may have started one) may read it half-way meanwhile.
                self._writing[path] = now
                self._pending.pop(path, None)
            else:
                self._consider(path, now, initial=False, guard_writing=False)
        elif hint.kind is HintKind.MOVED_IN:
            self._writing.pop(path, None)
            self._consider(path, now, initial=False, guard_writing=False)
        elif hint.kind is HintKind.GONE:
            self._pending.pop(path, None)
            self._writing.pop(path, None)
        elif hint.kind is HintKind.SCAN:
            paths = self._list_matching(path)
            self._forget_gone(path, set(paths))
            looks = [(p, look(p)) for p in paths]
            for p, lk in looks:
                if lk is None:
                    self._refuse_if_odd(p)
            present = [(p, lk) for p, lk in looks if lk is not None]
            # Oldest write first, so that a scan hands out files in the order they were written.
            present.sort(key=lambda item: (item[1].mtime_ns, natural_key(item[0])))
            for p, _ in present:
                self._consider(p, now, initial=hint.initial, guard_writing=hint.close_events)

    def run_due(self, now: float) -> None:
        """Take every pending file whose second look is due and finds it unchanged."""
        due = [(path, p) for path, p in self._pending.items() if p.due <= now]
        if not due:
            return
        ready: list[tuple[str, _Pending, Look]] = []
        for path, pending in due:
            current = look(path)
            if current is None:
                # Deleted before it settled: nothing left to read (only OS close events could catch it).
                log.info("watched file %s went away before its write settled", path)
                del self._pending[path]
            elif current != pending.look:
                self._pend(path, current, now, pending.initial, force=True)
            else:
                ready.append((path, pending, current))
        ready.sort(key=lambda item: (item[2].mtime_ns, item[1].seq, natural_key(item[0])))
        # Hand writes out in the order they were written, across passes too: a file written after one
        # that is still settling (caught mid-write, so its settle restarted) waits for it, for at most
        # HOLD_BEHIND_S, so that one file that never stops changing cannot hold the till's receipts up.
        ready_paths = {path for path, _, _ in ready}
        settling = [p for path, p in self._pending.items()
                    if path not in ready_paths and now - p.since < HOLD_BEHIND_S]
        if settling:
            oldest = min(p.look.mtime_ns for p in settling)
            wake = min(p.due for p in settling)
            held = [item for item in ready if item[2].mtime_ns > oldest]
            for _, pending, _ in held:
                pending.due = wake  # looked at again with the one it waits for, not spun on
            ready = [item for item in ready if item[2].mtime_ns <= oldest]
        for path, pending, _ in ready:
            del self._pending[path]
            self._take(path, initial=pending.initial, close_events=False, now=now)

    # -- inner steps --------------------------------------------------------------------------

    def _consider(self, path: str, now: float, *, initial: bool, guard_writing: bool) -> None:
        current = look(path)
        if current is None:
            self._pending.pop(path, None)
            self._refuse_if_odd(path)
            return
        taken = self._taken.get(path)
        if taken is not None and taken.look == current:
            return  # this version was already taken
        if current.size == 0 and path not in self._pending:
            return  # not a receipt yet: the write that fills it will be seen
        if guard_writing:
            started = self._writing.get(path)
            if started is not None and now - started < self._writing_guard_s:
                return  # a writer is at it; its close event will come
        self._pend(path, current, now, initial, force=False)

    def _pend(self, path: str, current: Look, now: float, initial: bool, *, force: bool) -> None:
        existing = self._pending.get(path)
        if existing is not None and existing.look == current and not force:
            return
        self._seq += 1
        self._pending[path] = _Pending(
            look=current,
            due=now + self._settle_s,
            seq=existing.seq if existing else self._seq,
            initial=initial or (existing.initial if existing else False),
            since=existing.since if existing else now,
        )

    def _take(self, path: str, *, initial: bool, close_events: bool, now: float) -> None:
        try:
            outcome = read_once(path, self._max_read_bytes)
        except OSError as exc:
            if path not in self._read_failures and self._report is not None:
                self._report(READ_FAILED, os.path.dirname(path), f"cannot read {path}: {exc}")
            self._read_failures.add(path)
            self._pending.pop(path, None)
            return
        self._read_failures.discard(path)
        if outcome.look is None:
            self._writing.pop(path, None)
            self._refuse_if_odd(path)
            return
        if outcome.content is None:
            # The next write started while reading; wait for it to finish.
            if close_events:
                self._writing[path] = now
            else:
                self._pend(path, outcome.look, now, initial, force=True)
            return
        self._writing.pop(path, None)
        content = outcome.content
        previous = self._taken.get(path)
        if not content:
            # Remember the look (so scans skip it) but keep the last bytes taken: truncating and
            # writing the same bytes again is still the same receipt.
            self._remember(path, _Taken(outcome.look, previous.sha256 if previous else None))
            return
        sha = hashlib.sha256(content).hexdigest()
        self._remember(path, _Taken(outcome.look, sha))
        if previous is not None and previous.sha256 == sha:
            log.debug("%s rewritten with the same bytes: one receipt", path)
            return
        if initial and self._already_seen is not None and self._already_seen(sha):
            log.debug("%s was already in the journal before the watcher started", path)
            return
        self._emit(
            FinishedWrite(
                path=path,
                content=content,
                size=outcome.look.size,
                mtime_ns=outcome.look.mtime_ns,
                sha256=sha,
                seen_at=utc_now(),
            )
        )

    def _refuse_if_odd(self, path: str) -> None:
        """A watched name that is no regular file (a link, a FIFO, a device ...) is never read: say so once."""
        odd = not_regular(path)
        if odd is None:
            self._refused.pop(path, None)
            return
        kind, detail = odd
        if kind == DIRECTORY or self._refused.get(path) == detail:
            return
        self._refused[path] = detail
        log.warning("%s is %s", display_path(path), detail)
        if self._report is not None:
            self._report(FILE_REFUSED, os.path.dirname(path), f"{display_path(path)} is {detail}", path=path,
                         reason=kind)

    def _forget_gone(self, folder: str, listed: set[str]) -> None:
        """Paths of `folder` no longer there are forgotten, so memory follows the folder, not history."""
        for memory in (self._taken, self._refused):
            gone = [p for p in memory if p not in listed and same_folder(p, folder)]
            for p in gone:
                del memory[p]

    def _remember(self, path: str, taken: _Taken) -> None:
        self._taken[path] = taken
        self._taken.move_to_end(path)
        while len(self._taken) > _REMEMBERED_PATHS:
            self._taken.popitem(last=False)
