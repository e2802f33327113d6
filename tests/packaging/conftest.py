"""Builds the app the way a store gets it, once per test run: a wheel from a copy of the source,
installed into a fresh virtual environment outside the source tree.

These tests are marked `packaging`: the plain `pytest` run leaves them out, `./dev.sh test` runs them
after it (and so does CI).
"""

from __future__ import annotations

import shutil
import sys
import venv
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.packaging import LOCK, Frozen, Installed, _ignore, run
from tests.helpers.paths import REPO


@pytest.fixture(scope="session")
def source_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The source tree as a clone has it, so nothing of this checkout's build leaks in."""
    target = tmp_path_factory.mktemp("source") / "cashier-app"
    shutil.copytree(REPO, target, ignore=_ignore)
    return target


@pytest.fixture(scope="session")
def built_wheel(source_copy: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", out, source_copy], cwd=source_copy)
    (wheel,) = out.glob("cashier_app-*.whl")
    return wheel


@pytest.fixture(scope="session")
def installed(built_wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    base = tmp_path_factory.mktemp("installed")
    target = Installed(base / "venv", base / "home", base / "elsewhere")
    venv.EnvBuilder(with_pip=True, clear=True).create(target.venv)
    target.outside.mkdir()
    # As installer/build.py and installer/linux/install.sh do: the locked, hashed set, then the wheel.
    run([target.python, "-m", "pip", "install", "-q", "--require-hashes", "--no-deps", "-r", LOCK],
        cwd=target.outside, env=target.env())
    run([target.python, "-m", "pip", "install", "-q", "--no-deps", built_wheel], cwd=target.outside, env=target.env())
    run([target.python, "-m", "pip", "check"], cwd=target.outside, env=target.env())
    yield target


@pytest.fixture(scope="session")
def frozen(source_copy: Path, tmp_path_factory: pytest.TempPathFactory) -> Frozen:
    """installer/build.py run on a copy of the source, then the folder moved to a path with a space
    and Chinese in it (as C:\\Program Files\\… or a store's own folder names are)."""
    base = tmp_path_factory.mktemp("frozen")
    run([sys.executable, source_copy / "installer" / "build.py", "--dist", base / "dist", "--build", base / "build"],
        cwd=base, timeout=900)
    moved = base / "moved to" / "收银 伴侣"
    moved.parent.mkdir(parents=True)
    shutil.move(base / "dist" / "cashier-app", moved)
    (base / "elsewhere").mkdir()
    return Frozen(moved, base / "build", base / "home", base / "elsewhere")
