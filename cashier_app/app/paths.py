"""Where the app keeps its files: platformdirs folders, each overridable for tests and demos."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from cashier_app import APP_NAME

# One variable moves every folder at once (tests, portable installs, the demo's own sandbox).
HOME_ENV = "CASHIER_APP_HOME"


@dataclass(frozen=True)
class AppPaths:
    config_file: Path
    data_dir: Path
    log_dir: Path
    cache_dir: Path

    @property
    def journal_file(self) -> Path:
        return self.data_dir / "journal.sqlite3"

    @property
    def archive_dir(self) -> Path:
        return self.data_dir / "archive"

    @property
    def quarantine_dir(self) -> Path:
        return self.data_dir / "kept-aside"

    @property
    def demo_inbox(self) -> Path:
        return self.data_dir / "demo-inbox"

    @property
    def printed_dir(self) -> Path:
        return self.data_dir / "printed"

    def ensure(self) -> None:
        for folder in (self.data_dir, self.log_dir, self.cache_dir, self.archive_dir, self.quarantine_dir):
            folder.mkdir(parents=True, exist_ok=True)


def default_paths(config_file: Path | None = None, data_dir: str = "") -> AppPaths:
    home = os.environ.get(HOME_ENV)
    if home:
        base = Path(home)
        paths = AppPaths(base / "config.toml", base / "data", base / "logs", base / "cache")
    else:
        paths = AppPaths(
            Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "config.toml",
            Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
            Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
        )
    if config_file is not None:
        paths = AppPaths(config_file, paths.data_dir, paths.log_dir, paths.cache_dir)
    if data_dir:
        paths = AppPaths(paths.config_file, Path(data_dir), paths.log_dir, paths.cache_dir)
    return paths
