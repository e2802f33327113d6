"""Writing the configuration: only what differs from the defaults, validated by reading it back, the old
file kept as a backup, and never a moment without a file the app can start from."""

from __future__ import annotations

import tomllib
from datetime import datetime
from pathlib import Path

import pytest

from cashier_app.app.config import AppConfig, ConfigError, load_config, to_dict
from cashier_app.app.config_writer import backups, minimal_dict, render, write_config
from cashier_app.printing.settings import PrinterSettings, ProfileSettings


def store_config(tmp_path: Path) -> AppConfig:
    config = AppConfig()
    config.general.store_name = "星河便利店"
    config.general.store_no = "SZ-0042"
    config.watch.folders = [str(tmp_path / "till")]
    config.printing.printers = {"receipt": PrinterSettings(kind="network", host="192.168.1.50", profile="58-big5")}
    config.printing.profiles["58-big5"] = ProfileSettings(columns=32, dots=384, charset="big5")
    config.parser.labels["out_trade_no"] = ["商户订单号", "订单编号"]
    return config


def test_only_what_differs_from_the_defaults_is_written(tmp_path: Path) -> None:
    assert minimal_dict(AppConfig()) == {}
    found = minimal_dict(store_config(tmp_path))
    assert found == {
        "general": {"store_name": "星河便利店", "store_no": "SZ-0042"},
        "watch": {"folders": [str(tmp_path / "till")]},
        "parser": {"labels": {"out_trade_no": ["商户订单号", "订单编号"]}},
        "printing": {"printers": {"receipt": {"host": "192.168.1.50", "profile": "58-big5"}},
                     "profiles": {"58-big5": {"charset": "big5"}}},
    }
    text = render(store_config(tmp_path))
    assert text.startswith("# Cashier companion configuration.") and "API key is not here" in text
    assert tomllib.loads(text) == found


def test_written_file_reads_back_the_same_and_keeps_the_built_in_profiles(tmp_path: Path) -> None:
    path = tmp_path / "config" / "config.toml"
    written = write_config(path, store_config(tmp_path))
    assert written.path == path and written.backup is None
    loaded = load_config(path)
    assert to_dict(loaded) == to_dict(store_config(tmp_path))
    assert {"58-gbk", "80-gb18030", "58-big5"} <= set(loaded.printing.profiles)


def test_the_old_file_is_kept_and_backups_are_pruned(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("# hand-written, with a comment\n[general]\nstore_name = \"旧店名\"\n", encoding="utf-8")
    first = write_config(path, store_config(tmp_path), now=datetime(2026, 12, 1, 10, 0, 0))
    assert first.backup == tmp_path / "config.toml.20261201-100000.bak"
    assert "# hand-written, with a comment" in first.backup.read_text(encoding="utf-8")
    again = write_config(path, AppConfig(), now=datetime(2026, 12, 1, 10, 0, 0))  # the same second
    assert again.backup == tmp_path / "config.toml.20261201-100000-1.bak"
    for minute in range(1, 6):
        write_config(path, AppConfig(), now=datetime(2026, 12, 1, 10, minute, 0), keep_backups=3)
    kept = backups(path)
    assert [p.name for p in kept] == ["config.toml.20261201-100500.bak", "config.toml.20261201-100400.bak",
                                      "config.toml.20261201-100300.bak"]
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == []


def test_an_invalid_configuration_is_refused_and_the_working_file_stays(tmp_path: Path) -> None:
    path = tmp_path / "etc" / "config.toml"
    good = write_config(path, store_config(tmp_path))
    before = path.read_bytes()
    broken = store_config(tmp_path)
    broken.printing.default_printer = "kitchen"  # no such printer
    with pytest.raises(ConfigError, match=r"printing\.default_printer"):
        write_config(path, broken)
    windows = store_config(tmp_path)
    windows.watch.folders = ["C:\\Till\\print"] if not str(tmp_path).startswith("C:") else ["/srv/till"]
    with pytest.raises(ConfigError, match=r"watch.folders\[0\]"):
        write_config(path, windows)
    assert path.read_bytes() == before and backups(path) == [] and good.backup is None
    assert sorted(p.name for p in path.parent.iterdir()) == ["config.toml"]


def test_a_store_profile_no_longer_hides_the_built_in_ones(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("[printing.profiles.mine]\ncolumns = 40\n", encoding="utf-8")
    profiles = load_config(path).printing.profiles
    assert profiles["mine"].columns == 40 and "58-gbk" in profiles  # the default printer's profile


def test_a_writer_killed_half_way_leaves_the_working_file_and_its_leftover_is_cleaned(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    write_config(path, store_config(tmp_path))
    before = path.read_bytes()
    leftover = tmp_path / ".config.toml.99999.tmp"
    leftover.write_text("[general]\nstore_name = \"half", encoding="utf-8")  # what kill -9 mid-write leaves
    assert load_config(path).general.store_name == "星河便利店" and path.read_bytes() == before
    write_config(path, AppConfig())
    assert not leftover.exists()
