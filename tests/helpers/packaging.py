"""Building and installing the app in tests: the wheel, a fresh install, the frozen folder."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from tests.helpers.paths import REPO

LOCK = REPO / "installer" / "requirements-lock.txt"


# What a source tree holds that is not source: never copied into the build.
NOT_SOURCE = {".git", ".venv", "build", "dist", "__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache",
              ".hypothesis", "out", "screenshots"}


def _ignore(folder: str, names: list[str]) -> set[str]:
    return {n for n in names if n in NOT_SOURCE or n.endswith(".egg-info")}


def run(cmd: list[str | Path], *, cwd: Path, env: dict[str, str] | None = None, timeout: float = 600,
        check: bool = True, input: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run a build or install step; on failure the assertion shows its output."""
    done = subprocess.run([str(c) for c in cmd], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=timeout, check=False, input=input)
    if check:
        assert done.returncode == 0, f"{cmd} exited {done.returncode}\n{done.stdout[-4000:]}\n{done.stderr[-4000:]}"
    return done


def fast_reconcile(folder: Path) -> Path:
    """A configuration under which the demo's lost receipt (its 7th payment, about 24 s in) is
    noticed and printed from the platform's record within seconds (the grace covers the till's receipts)."""
    path = folder / "config.toml"
    path.write_text("[reconcile]\ninterval_s = 0.5\ngrace_s = 3\nmissing_receipt = \"auto\"\n", encoding="utf-8")
    return path


@dataclass(frozen=True)
class Installed:
    """A fresh virtual environment with the wheel installed, and a home folder for the app's files."""

    venv: Path
    home: Path
    outside: Path  # a working folder far from the source tree

    @property
    def python(self) -> Path:
        return self.venv / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")

    @property
    def cashier_app(self) -> Path:
        return self.venv / ("Scripts/cashier-app.exe" if sys.platform == "win32" else "bin/cashier-app")

    def env(self, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
        env.update(CASHIER_APP_HOME=str(self.home), QT_QPA_PLATFORM="offscreen", PYTHONNOUSERSITE="1")
        env.update(extra)
        return env


@dataclass(frozen=True)
class Frozen:
    """The one-folder build, moved away from where it was built (as an installer or a copy moves it)."""

    folder: Path
    build: Path  # the build's work files (version resources)
    home: Path
    outside: Path

    def program(self, name: str) -> Path:
        return self.folder / (f"{name}.exe" if sys.platform == "win32" else name)

    def env(self, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
        env.update(CASHIER_APP_HOME=str(self.home), QT_QPA_PLATFORM="offscreen")
        env.update(extra)
        return env
