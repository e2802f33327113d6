"""A command's folders are resolved once, from the configuration read once: asked before or after the
configuration, they are the same, and the same as the app's when it restarts on that configuration."""

from __future__ import annotations

from pathlib import Path

import pytest

from cashier_app.app.cli import main
from cashier_app.app.config import ConfigError, load_config
from cashier_app.app.context import CommandContext, paths_for
from cashier_app.app.paths import default_paths


def write_config(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_the_folders_agree_whether_the_configuration_was_read_first_or_not(tmp_path: Path) -> None:
    moved = tmp_path / "elsewhere"
    config_file = write_config(tmp_path / "store.toml", f'[general]\ndata_dir = "{moved.as_posix()}"\n')

    config_first = CommandContext(config_file)
    config = config_first.config
    after_config = config_first.paths

    paths_first = CommandContext(config_file)
    before_config = paths_first.paths
    assert paths_first.config == config

    assert after_config == before_config
    assert before_config.data_dir == moved and before_config.journal_file == moved / "journal.sqlite3"
    assert before_config.config_file == config_file
    # The app restarting on that configuration (the setup wizard wrote it) uses the same rule.
    assert paths_for(config_file, load_config(config_file)) == before_config
    # ... and a context given the configuration already read.
    assert CommandContext(config_file, config).paths == before_config


def test_the_configuration_is_read_once_so_a_command_sees_one_picture(tmp_path: Path) -> None:
    config_file = write_config(tmp_path / "store.toml", f'[general]\ndata_dir = "{(tmp_path / "a").as_posix()}"\n')
    ctx = CommandContext(config_file)
    paths = ctx.paths
    write_config(config_file, f'[general]\ndata_dir = "{(tmp_path / "b").as_posix()}"\n')
    assert ctx.paths == paths and ctx.config.general.data_dir == (tmp_path / "a").as_posix()


def test_a_configuration_that_cannot_be_read_gives_the_default_folders_both_ways(tmp_path: Path) -> None:
    config_file = write_config(tmp_path / "store.toml", '[general]\nmode = "sideways"\n')
    defaults = default_paths(config_file)

    paths_first = CommandContext(config_file)
    assert paths_first.paths == defaults
    with pytest.raises(ConfigError, match="mode"):
        _ = paths_first.config

    config_first = CommandContext(config_file)
    with pytest.raises(ConfigError, match="mode"):
        _ = config_first.config
    assert config_first.paths == defaults
    with pytest.raises(ConfigError, match="mode"):  # asked again: the same answer, not the defaults
        _ = config_first.config


def test_the_command_line_names_the_folders_the_context_resolved(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    moved = tmp_path / "elsewhere"
    config_file = write_config(tmp_path / "store.toml", f'[general]\ndata_dir = "{moved.as_posix()}"\n')
    assert main(["--config", str(config_file), "config", "path", "--all"]) == 0
    lines = dict(line.split(": ", 1) for line in capsys.readouterr().out.splitlines())
    paths = CommandContext(config_file).paths
    assert lines == {"config": str(paths.config_file), "data": str(paths.data_dir), "logs": str(paths.log_dir),
                     "cache": str(paths.cache_dir)}
    assert Path(lines["data"]) == moved
