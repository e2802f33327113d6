"""What the watcher hands out: finished writes, and problems with the folders it watches."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath
from typing import Final

# Problem codes (stable machine words; the UI turns them into words for people).
FOLDER_MISSING: Final = "watch_folder_missing"  # the folder is gone or not there yet: kept trying
FOLDER_RESTORED: Final = "watch_folder_restored"  # a missing or unreadable folder is watched again
FOLDER_UNREADABLE: Final = "watch_folder_unreadable"  # no permission to list the folder
POLLING_FALLBACK: Final = "watch_polling_fallback"  # OS events unavailable for the folder: polling it
OBSERVER_RESTARTED: Final = "watch_observer_restarted"  # an observer thread died and was replaced
READ_FAILED: Final = "watch_read_failed"  # a finished file could not be read
FILE_REFUSED: Final = "watch_file_refused"  # a watched name is no regular file (a link, a FIFO ...): never read
DELIVERY_FAILED: Final = "watch_delivery_failed"  # the on_write callback raised


@dataclass(frozen=True)
class FinishedWrite:
    """One finished write of a watched file, read once, its bytes kept.

    `size` is the file's size when read; `content` is shorter only when the file was larger than
    WatchSettings.max_read_bytes. `seen_at` is UTC ISO-8601 (the journal's timestamp format).
    """

    path: str
    content: bytes
    size: int
    mtime_ns: int
    sha256: str
    seen_at: str

    @property
    def name(self) -> str:
        return PurePath(self.path).name


@dataclass(frozen=True)
class WatchProblem:
    """Something wrong (or right again) with a watched folder. `detail` is English, technical."""

    code: str
    folder: str
    detail: str = ""
    path: str = ""  # the file, for a problem with one file (FILE_REFUSED), as text (see files.display_path)
    reason: str = ""  # a short machine word for it: "symlink", "fifo", "socket", "device", "other"

    def params(self) -> dict[str, str]:
        """Parameters for the UI's message for `code`."""
        return {"path": self.folder, "detail": self.detail}


@dataclass(frozen=True)
class FolderStatus:
    """How one folder is being watched: mode "events" (OS notifications), "polling", or "missing"."""

    folder: str
    mode: str
    close_events: bool  # the OS reports "closed after write" (Linux inotify): the fast path
    problem: str | None  # the code of the folder's standing problem, if any
