"""Writes waiting for the journal, kept on disk so that a crash while the disk was full loses none.

Each waiting write is two files in the kept-aside folder: its bytes (`<UTC stamp>_<name>.waiting`)
and its details (the same name with `.json`: the watched path, size, mtime, hash and when it was
seen). Both go when the journal has taken the write; copies an earlier run left are taken at start.
When even these cannot be written (the kept-aside folder is on the full disk too), the write waits
in memory only, and says so.
"""

from __future__ import annotations

import contextlib
import json
import logging
import re
from datetime import UTC, datetime
from pathlib import Path, PurePath

from cashier_app.watch.events import FinishedWrite
from cashier_app.watch.files import display_path

log = logging.getLogger(__name__)

SUFFIX = ".waiting"
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


def _base(folder: Path, write: FinishedWrite) -> Path:
    stamp = compact_utc(write.seen_at)
    name = _UNSAFE.sub("_", PurePath(display_path(write.path)).name).strip()[:100] or "file"
    return folder / f"{stamp}_{write.sha256[:12]}_{name}{SUFFIX}"


def save(folder: Path, write: FinishedWrite) -> Path | None:
    """Keep a waiting write on disk; None when that fails too (it then waits in memory only)."""
    data = _base(folder, write)
    details = {"path": write.path.encode("utf-8", "surrogateescape").hex(), "size": write.size,
               "mtime_ns": write.mtime_ns, "sha256": write.sha256, "seen_at": write.seen_at}
    try:
        folder.mkdir(parents=True, exist_ok=True)
        data.write_bytes(write.content)
        data.with_name(data.name + ".json").write_text(json.dumps(details), encoding="utf-8")
    except OSError as exc:
        log.warning("cannot keep the waiting write %s on disk: %s", display_path(write.path), exc)
        for leftover in (data, data.with_name(data.name + ".json")):
            with contextlib.suppress(OSError):
                leftover.unlink()
        return None
    return data


def remove(folder: Path, write: FinishedWrite) -> None:
    data = _base(folder, write)
    for path in (data.with_name(data.name + ".json"), data):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def load_all(folder: Path) -> list[FinishedWrite]:
    """The writes left waiting on disk, oldest first (a copy whose details are lost is left alone)."""
    found: list[FinishedWrite] = []
    if not folder.is_dir():
        return found
    for details in sorted(folder.glob(f"*{SUFFIX}.json")):
        data = details.with_name(details.name[: -len(".json")])
        try:
            meta = json.loads(details.read_text(encoding="utf-8"))
            content = data.read_bytes()
            path = bytes.fromhex(meta["path"]).decode("utf-8", "surrogateescape")
            found.append(FinishedWrite(path=path, content=content, size=int(meta["size"]),
                                       mtime_ns=int(meta["mtime_ns"]), sha256=str(meta["sha256"]),
                                       seen_at=str(meta["seen_at"])))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("a waiting write in %s cannot be read back (%s); left there", details, exc)
    found.sort(key=lambda w: w.seen_at)
    return found


def compact_utc(seen_at: str) -> str:
    """20261122T023105.123456Z from the journal's ISO timestamp (sortable, valid in file names)."""
    try:
        moment = datetime.fromisoformat(seen_at).astimezone(UTC)
    except ValueError:
        moment = datetime.now(UTC)
    return moment.strftime("%Y%m%dT%H%M%S.%fZ")


