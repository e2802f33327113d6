"""Looking at and reading watched files without getting in the till's way.

A file is opened for one read and closed at once: the till's next write must never fail because
the app holds print.txt open (on Windows an open handle blocks deleting and renaming it).
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
    """The file's look, or None when it is gone or not a regular file."""
    try:
        st = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    if not stat.S_ISREG(st.st_mode):
        return None
    return Look.of(st)


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


def read_once(path: str, max_bytes: int) -> ReadOutcome:
    """Open, read, close. Raises OSError only for real failures (permissions, I/O)."""
    try:
        with open(path, "rb") as handle:
            before = Look.of(os.fstat(handle.fileno()))
            content = handle.read(max_bytes)
            after = Look.of(os.fstat(handle.fileno()))
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        return ReadOutcome(None, None)
    except PermissionError:
        if os.name == "nt":
            # A sharing violation: the writer still holds the file exclusively.
            return ReadOutcome(look(path), None)
        raise
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
