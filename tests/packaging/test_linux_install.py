"""installer/linux/install.sh and uninstall.sh as a store runs them, in a throwaway home folder:
install, run, upgrade in place while the app runs (it is closed, the data kept and migrated),
uninstall keeping the data, uninstall with --purge."""

from __future__ import annotations

import configparser
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers.packaging import run

pytestmark = [pytest.mark.packaging, pytest.mark.timeout(900),
              pytest.mark.skipif(sys.platform != "linux", reason="the Linux installer")]


@dataclass(frozen=True)
class Till:
    """A user's home folder on a till, and the source the technician installs from."""

    home: Path
    source: Path

    @property
    def program(self) -> Path:
        return self.home / ".local" / "opt" / "cashier-app"

    @property
    def exe(self) -> Path:
        return self.program / "current" / "bin" / "cashier-app"

    @property
    def data(self) -> Path:
        return self.home / ".local" / "share" / "cashier-app"

    def env(self, **extra: str) -> dict[str, str]:
        keep = ("PATH", "LANG", "LC_ALL", "TMPDIR", "PIP_", "SSL_", "REQUESTS_CA_BUNDLE")
        env = {k: v for k, v in os.environ.items() if k.startswith(keep)}
        env.update(HOME=str(self.home), XDG_RUNTIME_DIR=str(self.home / "run"), QT_QPA_PLATFORM="offscreen",
                   # A real keyring backend in the home folder (no Secret Service in a test run).
                   PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
                   # The machine's download cache, not the throwaway home's empty one.
                   PIP_CACHE_DIR=os.environ.get("PIP_CACHE_DIR", str(Path.home() / ".cache" / "pip")))
        env.update(extra)
        return env

    def install(self, *options: str, env: dict[str, str] | None = None,
                check: bool = True) -> subprocess.CompletedProcess[str]:
        return run(["bash", self.source / "installer" / "linux" / "install.sh", *options], cwd=self.home,
                   env=env or self.env(), timeout=600, check=check)


@pytest.fixture(scope="module")
def till(source_copy: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Till]:
    home = tmp_path_factory.mktemp("till-home")
    (home / "run").mkdir(mode=0o700)
    # The technician's copy of the source is read-only: the installer must not write into it.
    source = tmp_path_factory.mktemp("till-source") / "cashier-app"
    shutil.copytree(source_copy, source)
    for path in [source, *source.rglob("*")]:
        path.chmod(path.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    yield Till(home, source)
    for path in [source, *source.rglob("*")]:
        path.chmod(path.stat().st_mode | stat.S_IWUSR)


def _desktop_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_a_missing_qt_library_is_named_with_its_package(till: Till, tmp_path: Path) -> None:
    # An ldconfig that knows no library: what a minimal server install looks like to the check.
    shim = tmp_path / "bin"
    shim.mkdir()
    (shim / "ldconfig").write_text("#!/bin/sh\necho '0 libs found in cache'\n")
    (shim / "ldconfig").chmod(0o755)
    env = till.env(PATH=f"{shim}:{os.environ['PATH']}")
    done = till.install("--check-only", env=env, check=False)
    assert done.returncode == 1
    assert "libegl1" in done.stderr and "libxcb-cursor0" in done.stderr
    assert "sudo apt-get install" in done.stderr
    headless = till.install("--check-only", "--headless", env=env, check=False)
    assert "libxcb-cursor0" not in headless.stderr  # a till without a display needs no window libraries
    assert "libegl1" in headless.stderr
    assert not till.program.exists()


def test_install_puts_the_program_in_its_own_folder_with_menu_entry_icon_and_service(till: Till) -> None:
    done = till.install("--autostart", "--service")
    assert till.exe.is_file()
    assert not till.data.exists() or not (till.data / "venv").exists()
    assert not till.program.is_relative_to(till.data)
    entry = _desktop_entry(till.home / ".local" / "share" / "applications" / "cashier-app.desktop")
    exec_path = Path(entry["Exec"].strip('"'))
    assert exec_path.is_absolute() and exec_path == till.exe and os.access(exec_path, os.X_OK)
    assert entry["Name[zh_CN]"] == "收银伴侣"
    icons = till.home / ".local" / "share" / "icons" / "hicolor"
    assert (icons / "scalable" / "apps" / f"{entry['Icon']}.svg").is_file()
    assert (icons / "256x256" / "apps" / f"{entry['Icon']}.png").is_file()
    autostart = till.home / ".config" / "autostart" / "cashier-app.desktop"
    assert _desktop_entry(autostart)["Exec"] == entry["Exec"]
    unit = configparser.ConfigParser(interpolation=None)
    unit.read(till.home / ".config" / "systemd" / "user" / "cashier-app.service", encoding="utf-8")
    assert unit["Service"]["ExecStart"] == f"{till.exe} --headless"
    assert unit["Service"]["Restart"] == "on-failure"
    assert unit["Install"]["WantedBy"] == "default.target"
    assert (till.program / "uninstall.sh").is_file()
    assert (till.home / ".local" / "bin" / "cashier-app").resolve() == till.exe.resolve()
    assert "installed" in done.stdout


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_the_service_unit_is_valid_for_systemd(till: Till, tmp_path: Path) -> None:
    unit = till.home / ".config" / "systemd" / "user" / "cashier-app.service"
    copy = tmp_path / "cashier-app.service"
    shutil.copy(unit, copy)
    done = run(["systemd-analyze", "verify", copy], cwd=tmp_path, check=False)
    assert done.returncode == 0, done.stderr


def test_the_installed_app_runs_the_headless_demo(till: Till) -> None:
    run([till.exe, "--demo", "--headless", "--scenario", "paid-no-receipt", "--run-seconds", "6"], cwd=till.home,
        env=till.env(), timeout=120)
    with sqlite3.connect(till.data / "demo" / "journal.sqlite3") as db:
        assert db.execute("SELECT COUNT(*) FROM print_jobs WHERE state = 'done'").fetchone()[0] >= 1


def test_a_failed_upgrade_leaves_the_installed_version_working(till: Till) -> None:
    """No package index reachable (a till offline, a proxy down): the upgrade stops, says so, and the
    version in use stays, whole."""
    in_use = (till.program / "current").resolve()
    offline = till.env(PIP_NO_INDEX="1", PIP_FIND_LINKS="", PIP_CONFIG_FILE=os.devnull, PIP_NO_CACHE_DIR="1")
    done = till.install(env=offline, check=False)
    assert done.returncode == 1
    assert "installation failed; the installed version (if any) is unchanged" in done.stderr
    assert (till.program / "current").resolve() == in_use
    assert [p for p in (till.program / "versions").iterdir()] == [in_use]
    assert run([till.exe, "--version"], cwd=till.home, env=till.env()).stdout.startswith("cashier-app ")


def test_upgrade_in_place_closes_the_running_app_and_keeps_its_data(till: Till) -> None:
    journal = till.data / "demo" / "journal.sqlite3"
    with sqlite3.connect(journal) as db:
        receipts_before = db.execute("SELECT COUNT(*) FROM receipts").fetchone()[0]
    version_before = (till.program / "current").resolve()
    app = subprocess.Popen([till.exe, "--demo", "--headless"], cwd=till.home, env=till.env(),
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        marker_dir = till.home / "run" / "cashier-app" / "running"
        deadline = time.monotonic() + 60
        while not (marker_dir / f"{app.pid}.pid").exists():
            assert time.monotonic() < deadline, "the app never started"
            time.sleep(0.2)
        time.sleep(5)  # a receipt or two from the demo till
        till.install()
        assert app.wait(5) == 0  # closed cleanly by the installer, not killed
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
    assert (till.program / "current").resolve() != version_before
    assert not version_before.exists()  # the old version is gone, its data is not
    with sqlite3.connect(journal) as db:
        assert db.execute("SELECT COUNT(*) FROM receipts").fetchone()[0] > receipts_before
        newest = db.execute("SELECT MAX(version) FROM schema_migrations").fetchone()[0]
    assert newest >= 4
    # The upgraded app opens the same journal (and applies any migration it brings).
    run([till.exe, "--demo", "--headless", "--run-seconds", "2"], cwd=till.home, env=till.env(), timeout=120)


def test_uninstall_keeps_the_data_and_purge_removes_it(till: Till) -> None:
    done = run([till.program / "uninstall.sh"], cwd=till.home, env=till.env())
    assert "kept the data" in done.stdout
    assert not till.program.exists()
    assert not (till.home / ".local" / "share" / "applications" / "cashier-app.desktop").exists()
    assert not (till.home / ".config" / "systemd" / "user" / "cashier-app.service").exists()
    assert not (till.home / ".local" / "bin" / "cashier-app").exists()
    assert (till.data / "demo" / "journal.sqlite3").is_file()

    till.install()
    run([till.program / "uninstall.sh", "--purge"], cwd=till.home, env=till.env())
    assert not till.program.exists()
    assert not till.data.exists()
    assert not (till.home / ".local" / "state" / "cashier-app").exists()
