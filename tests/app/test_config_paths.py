"""Paths in the configuration are full paths of this computer's system, or refused naming the key.

Found in the field: `folders = ['C:\\Till\\print']` on a Linux till made a folder of that name in
the current folder, and the app waited there for print.txt forever.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cashier_app.app.cli import main
from cashier_app.app.config import AppConfig, ConfigError, load_config, path_problems
from cashier_app.app.config_paths import path_problem, serial_port_problem
from cashier_app.printing.settings import PrinterSettings


@pytest.mark.parametrize(("value", "os_name", "words"), [
    (r"C:\Till\print", "posix", "is a Windows path, but this computer runs Linux or macOS"),
    (r"\\till-pc\print", "posix", "is a Windows path"),
    ("till/print", "posix", "is a relative path"),
    ("./print", "posix", "is a relative path"),
    ("~/till", "posix", "starts with ~"),
    ("/srv/till/print", "nt", "is a Linux or macOS path, but this computer runs Windows"),
    ("print", "nt", "is not a full path"),
    (r"C:print", "nt", "is not a full path"),
    (r"\Till\print", "nt", "is not a full path"),
])
def test_paths_of_another_system_or_relative_are_refused(value: str, os_name: str, words: str) -> None:
    problem = path_problem(value, os_name)
    assert problem is not None and words in problem
    assert f"'{value}'" in problem and "e.g." in problem  # says what it got, as typed, and what a good one looks like


@pytest.mark.parametrize(("value", "os_name"), [
    ("", "posix"), ("/srv/till", "posix"), ("", "nt"), (r"C:\Till\print", "nt"), ("C:/Till/print", "nt"),
    (r"\\till-pc\print", "nt"),
])
def test_full_paths_of_this_system_pass(value: str, os_name: str) -> None:
    assert path_problem(value, os_name) is None


def test_serial_ports_of_the_other_system_are_named() -> None:
    assert "Windows serial port name" in (serial_port_problem("COM3", "posix") or "")
    assert "COM3" in (serial_port_problem("/dev/ttyUSB0", "nt") or "")
    assert serial_port_problem("/dev/ttyUSB0", "posix") is None
    assert serial_port_problem("COM12", "nt") is None and serial_port_problem(r"\\.\COM12", "nt") is None


def test_every_path_setting_is_checked_by_its_key() -> None:
    config = AppConfig()
    config.general.data_dir = "data"
    config.watch.folders = ["/srv/till", r"C:\Till\print"]
    config.platform.ca_bundle = "ca.pem"
    config.printing.printers = {
        "receipt": PrinterSettings(kind="file", device_path="lp0"),
        "kitchen": PrinterSettings(kind="serial", serial_port="COM3"),
        "spare": PrinterSettings(kind="serial", serial_port=""),
    }
    keys = [key for key, _ in path_problems(config, "posix")]
    assert keys == ["general.data_dir", "watch.folders[1]", "platform.ca_bundle",
                    "printing.printers.receipt.device_path", "printing.printers.kitchen.serial_port"]
    windows = dict(path_problems(config, "nt"))
    assert "watch.folders[0]" in windows and "watch.folders[1]" not in windows


@pytest.mark.skipif(os.name == "nt", reason="the file is written with a Windows path for a POSIX computer")
def test_a_windows_folder_stops_the_app_and_creates_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "store"
    store.mkdir()
    monkeypatch.chdir(store)
    config = store / "store.toml"
    config.write_text("[watch]\nfolders = ['C:\\Till\\print']\n", encoding="utf-8")
    with pytest.raises(ConfigError) as refused:
        load_config(config)
    assert refused.value.key == "watch.folders[0]"
    assert str(refused.value).startswith(f"{config}: watch.folders[0]: 'C:\\Till\\print' is a Windows path")

    assert main(["files", "--config", str(config)]) == 2
    assert "watch.folders[0]" in capsys.readouterr().err
    assert main(["--headless", "--run-seconds", "0.1", "--config", str(config)]) == 2
    assert sorted(p.name for p in store.iterdir()) == ["store.toml"]  # no folder named C:\Till\print
