"""What a command (and the app it may start) works on: the configuration file chosen, the configuration
read from it once, and the app's folders resolved once from that configuration.

`general.data_dir` moves the data folder (the journal with it) for every command, a command that only reads
the journal too, and for the app; `paths_for` is the one rule, used here and when the app restarts on a
configuration the setup wizard wrote.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from cashier_app.app.config import AppConfig, ConfigError, load_config
from cashier_app.app.paths import AppPaths, default_paths


def paths_for(config_path: Path | None, config: AppConfig | None) -> AppPaths:
    """The app's folders for the configuration file chosen and what it says (None: it could not be read,
    and the folders are the defaults; the command that reads the configuration names what is wrong)."""
    return default_paths(config_path, config.general.data_dir if config is not None else "")


@dataclass
class CommandContext:
    """The configuration file chosen (None: the one in the user config folder); the configuration is read
    on first use, once, and the folders are resolved from it then, whichever of the two is asked first."""

    config_path: Path | None
    _config: AppConfig | None = field(default=None, repr=False)  # a configuration already read (tests)
    _resolved: tuple[AppConfig | ConfigError, AppPaths] | None = field(default=None, init=False, repr=False)

    @property
    def config(self) -> AppConfig:
        """The configuration; raises ConfigError (each time it is asked) when the file is not valid."""
        config, _paths = self._resolve()
        if isinstance(config, ConfigError):
            raise config
        return config

    @property
    def paths(self) -> AppPaths:
        """The folders of the configuration chosen (the defaults when it cannot be read)."""
        return self._resolve()[1]

    def _resolve(self) -> tuple[AppConfig | ConfigError, AppPaths]:
        if self._resolved is None:
            read: AppConfig | ConfigError
            if self._config is not None:
                read = self._config
            else:
                try:
                    read = load_config(default_paths(self.config_path).config_file)
                except ConfigError as exc:
                    read = exc
            self._resolved = read, paths_for(self.config_path, read if isinstance(read, AppConfig) else None)
        return self._resolved
