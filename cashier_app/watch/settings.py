"""Settings of the hot-folder watcher."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class WatchSettings:
    # Folders the till writes print.txt into. Empty: in demo, a folder under the data folder.
    folders: list[str] = field(default_factory=list)
    # Glob patterns of receipt file names (specs/print-txt.md: default print*.txt).
    patterns: list[str] = field(default_factory=lambda: ["print*.txt"])
    # A write is finished when size and mtime stay the same across two looks this far apart.
    settle_ms: int = field(default=60, metadata={"min": 10, "max": 5000})
    # Poll instead of OS events (network shares, where events do not arrive).
    force_polling: bool = False
    # How often the polling fallback and the safety rescan look at the folders.
    poll_interval_s: float = field(default=1.0, metadata={"min": 0.05, "max": 60.0})
    rescan_interval_s: float = field(default=15.0, metadata={"min": 0.5, "max": 3600.0})
    # At most this many bytes are read from a watched file; a larger file is archived cut short
    # and refused as too large (a receipt is at most 64 KiB), so a stray log named print*.txt
    # cannot fill the journal.
    max_read_bytes: int = field(default=2 * 1024 * 1024, metadata={"min": 128 * 1024, "max": 64 * 1024 * 1024})
