"""Looking at and reading watched files without getting in the till's way.

A file is opened for one read and closed at once: the till's next write must never fail because
the app holds print.txt open (on Windows an open handle blocks deleting and renaming it).

Only regular files are read, decided from the file's type and never by opening it in blocking mode:
a FIFO, socket or device named print.txt would block the reader forever, a directory is no receipt,
and a symbolic link is not followed (a link to a private file would be archived, printed and put
in a diagnostic bundle).
"""

from __future__ import annotations

import fnmatch
import os
import re
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath


@dataclass(frozen=True)
class Look:
    """What one stat of a file says; two equal looks settle_ms apart mean the write has finished."""

    size: int
    mtime_ns: int
    ctime_ns: int
    ino: int

    @classmethod
    def of(cls, st: os.stat_result) -> Look:
        return cls(size=st.st_size, mtime_ns=st.st_mtime_ns, ctime_ns=st.st_ctime_ns, ino=st.st_ino)


def look(path: str) -> Look | None:
    """The file's look, or None when it is gone or not a regular file (links are not followed)."""
    try:
        st = os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    if not stat.S_ISREG(st.st_mode):
        return None
    return Look.of(st)


# What a watched name is when it is not a regular file (`not_regular`).
SYMLINK = "symlink"
FIFO = "fifo"
SOCKET = "socket"
DEVICE = "device"
DIRECTORY = "directory"
OTHER = "other"


def not_regular(path: str) -> tuple[str, str] | None:
    """(kind, detail) when `path` exists and is not a regular file; None otherwise (a regular file, or gone)."""
    try:
        st = os.lstat(path)
    except OSError:
        return None
    mode = st.st_mode
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISLNK(mode):
        try:
            target = os.readlink(path)
        except OSError:
            target = "?"
        return SYMLINK, f"a symbolic link to {display_path(target)}: not followed"
    if stat.S_ISDIR(mode):
        return DIRECTORY, "a folder"
    if stat.S_ISFIFO(mode):
        return FIFO, "a FIFO (named pipe), not a file: not read"
    if stat.S_ISSOCK(mode):
        return SOCKET, "a socket, not a file: not read"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return DEVICE, "a device, not a file: not read"
    return OTHER, "not a regular file: not read"


def display_path(path: str) -> str:
    """The path as text that can be stored and shown: bytes of a name that is not UTF-8 (Linux keeps
    them as surrogates) are written as \\xNN."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", "backslashreplace")
    return path


def name_is_text(path: str) -> bool:
    return display_path(path) == path


@dataclass(frozen=True)
class ReadOutcome:
    """`content` is None when the file was gone (`look` None) or changed while being read."""

    look: Look | None
    content: bytes | None

    @property
    def gone(self) -> bool:
        return self.look is None

    @property
    def changing(self) -> bool:
        return self.look is not None and self.content is None


# Opening never blocks (a FIFO opened for reading would wait for a writer) and never follows a link.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)


def read_once(path: str, max_bytes: int) -> ReadOutcome:
    """Open, read, close: only a regular file (anything else reads as gone). Raises OSError only for
    real failures (permissions, I/O)."""
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        return ReadOutcome(None, None)
    except OSError as exc:
        if not_regular(path) is not None:  # ELOOP on a link, ENXIO on a socket ...
            return ReadOutcome(None, None)
        if os.name == "nt" and isinstance(exc, PermissionError):
            return ReadOutcome(look(path), None)  # a sharing violation: the writer holds it
        raise
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            return ReadOutcome(None, None)
        handle = os.fdopen(fd, "rb")
        fd = -1  # the handle owns it now
        with handle:
            before = Look.of(st)
            content = handle.read(max_bytes)
            after = Look.of(os.fstat(handle.fileno()))
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        return ReadOutcome(None, None)
    except PermissionError:
        if os.name == "nt":
            # A sharing violation: the writer still holds the file exclusively.
            return ReadOutcome(look(path), None)
        raise
    finally:
        if fd != -1:
            os.close(fd)
    if before != after or len(content) != min(after.size, max_bytes):
        return ReadOutcome(after, None)
    return ReadOutcome(after, content)


class NameMatcher:
    """Glob patterns of receipt file names, matched without regard to case (Windows tills write PRINT.TXT)."""

    def __init__(self, patterns: Sequence[str]) -> None:
        self._patterns = [re.compile(fnmatch.translate(p.lower())) for p in patterns if p.strip()]

    def matches(self, name: str) -> bool:
        lowered = name.lower()
        return any(p.match(lowered) for p in self._patterns)


def same_folder(path: str, folder: str) -> bool:
    return os.path.normcase(os.path.dirname(path)) == os.path.normcase(folder)


_DIGITS = re.compile(r"(\d+)")


def natural_key(path: str) -> tuple[tuple[int, int, str], ...]:
    """print_9.txt before print_10.txt: tie-break for writes whose mtimes are equal."""
    name = PurePath(path).name.lower()
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in _DIGITS.split(name) if part)
