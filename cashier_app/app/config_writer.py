"""Writing the configuration file without ever losing a working one.

The file written holds only what differs from the defaults (so it stays short, and a later
version's better defaults still apply). It is written to a temporary file beside the real one,
read back and validated exactly as the app reads it at start, and only then moved over the old
file; the old file is first copied to `config.toml.YYYYmmdd-HHMMSS.bak` (the newest
KEEP_BACKUPS are kept). At every moment a file that the app can start from is in place.
"""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import tomli_w

from cashier_app.app.config import AppConfig, ConfigError, load_config, to_dict
from cashier_app.domain.receipt_labels import DEFAULT_LABELS
from cashier_app.printing.settings import PrintingSettings, ProfileSettings

KEEP_BACKUPS = 10
_BACKUP = re.compile(r"\.(\d{8}-\d{6})(?:-(\d+))?\.bak$")


@dataclass(frozen=True)
class Written:
    path: Path
    backup: Path | None  # the previous file, kept; None when there was none


def minimal_dict(config: AppConfig) -> dict[str, Any]:
    """The settings of `config` that differ from the defaults, as a TOML-ready dict."""
    found = _differences(config, AppConfig())
    # Labels and profiles in the file extend the built-in ones: only those that differ are written.
    builtin = PrintingSettings().profiles
    profiles = {name: _differences(value, ProfileSettings())
                for name, value in config.printing.profiles.items() if builtin.get(name) != value}
    printing = found.get("printing", {})
    printing.pop("profiles", None)
    if profiles:
        printing["profiles"] = profiles
    if printing:
        found["printing"] = printing
    else:
        found.pop("printing", None)
    labels = {key: value for key, value in config.parser.labels.items() if DEFAULT_LABELS.get(key) != value}
    parser = found.get("parser", {})
    parser.pop("labels", None)
    if labels:
        parser["labels"] = labels
    if parser:
        found["parser"] = parser
    else:
        found.pop("parser", None)
    return found


def _differences(value: Any, default: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out: dict[str, Any] = {}
        for f in dataclasses.fields(value):
            if f.metadata.get("internal"):
                continue  # set when loaded (where the file was), never a setting
            mine, theirs = getattr(value, f.name), getattr(default, f.name, None)
            if dataclasses.is_dataclass(mine):
                nested = _differences(mine, theirs)
                if nested:
                    out[f.name] = nested
            elif to_dict(mine) != to_dict(theirs):
                out[f.name] = _whole(mine)
        return out
    return value


def _whole(value: Any) -> Any:
    """A table given in full (printers, profiles): each entry with only what differs from its type's defaults."""
    if isinstance(value, dict):
        return {k: _entry(v) for k, v in value.items()}
    return to_dict(value)


def _entry(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        default: Any = type(value)()
        return _differences(value, default)
    return _whole(value)


def render(config: AppConfig, note: str = "") -> str:
    """The text of the file: a short header, then the settings that differ from the defaults."""
    header = [
        "# Cashier companion configuration. Settings not written here have their defaults",
        "# (`cashier-app config show` prints them all). The API key is not here: it is in the OS credential store.",
    ]
    if note:
        header.append(f"# {note}")
    return "\n".join(header) + "\n\n" + tomli_w.dumps(minimal_dict(config))


def write_config(path: Path, config: AppConfig, *, note: str = "", keep_backups: int = KEEP_BACKUPS,
                 now: datetime | None = None) -> Written:
    """Validate `config`, write it to `path` (atomically), keep the old file as a backup."""
    config.validate()
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(temp, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(render(config, note))
            handle.flush()
            os.fsync(handle.fileno())
        try:
            written = load_config(temp)
        except ConfigError as exc:
            raise ConfigError(exc.key, f"the new configuration does not read back: {str(exc).split(': ', 2)[-1]}",
                              str(path)) from None
        if to_dict(written) != to_dict(config):
            raise ConfigError("(file)", "the new configuration does not read back the same; nothing was changed",
                              str(path))
        backup = _backup(path, now or datetime.now())
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)
    _prune(path, keep_backups)
    _remove_stale_temps(path)
    return Written(path, backup)


def _remove_stale_temps(path: Path) -> None:
    """Temporary files a killed writer left behind (never this process's own, which is in use)."""
    mine = f".{path.name}.{os.getpid()}.tmp"
    for stale in path.parent.glob(f".{path.name}.*.tmp"):
        if stale.name != mine:
            stale.unlink(missing_ok=True)


def _backup(path: Path, now: datetime) -> Path | None:
    if not path.exists():
        return None
    stamp = now.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{stamp}.bak")
    counter = 1
    while target.exists():
        target = path.with_name(f"{path.name}.{stamp}-{counter}.bak")
        counter += 1
    shutil.copy2(path, target)  # a copy: the old file stays in place until the new one replaces it
    return target


def backups(path: Path) -> list[Path]:
    """The kept backups of `path`, newest first."""
    if not path.parent.is_dir():
        return []
    found: list[tuple[str, int, Path]] = []
    for candidate in path.parent.iterdir():
        match = _BACKUP.search(candidate.name)
        if match and candidate.name == f"{path.name}{match.group(0)}":
            found.append((match.group(1), int(match.group(2) or 0), candidate))
    return [p for _, _, p in sorted(found, reverse=True)]


def _prune(path: Path, keep: int) -> None:
    for old in backups(path)[keep:]:
        old.unlink(missing_ok=True)
