"""How the tests themselves are kept: shared code in tests/helpers/, and no process left running."""

from __future__ import annotations

import ast
import signal
import subprocess
import sys
import time

import pytest

from tests.helpers.paths import REPO
from tests.helpers.processes import child, stop

TESTS = REPO / "tests"


def _imported_modules(source: str, package: str) -> list[str]:
    """The modules `source` (a module of `package`) imports from, relative imports made absolute."""
    tree = ast.parse(source)
    modules = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*parts, base] if base else parts)
            modules.append(base)
        elif isinstance(node, ast.Import):
            modules.extend(alias.name for alias in node.names)
    return modules


def test_no_test_imports_from_a_conftest_or_a_test_module() -> None:
    """Fixtures live in conftest.py, tests in test_*.py; what several of them share is in tests/helpers/."""
    offenders = []
    for path in sorted(TESTS.rglob("*.py")):
        package = ".".join(path.relative_to(REPO).parts[:-1])
        for module in _imported_modules(path.read_text(encoding="utf-8"), package):
            last = module.rsplit(".", 1)[-1]
            if module.startswith("tests") and (last == "conftest" or last.startswith("test_")):
                offenders.append(f"{path.relative_to(REPO)}: {module}")
    assert offenders == []


def test_the_check_above_sees_relative_and_absolute_imports() -> None:
    source = "from .conftest import x\nfrom tests.ui.test_lookup_page import y\nimport tests.app.test_cli as z\n"
    assert _imported_modules(source, "tests.house") == [
        "tests.house.conftest", "tests.ui.test_lookup_page", "tests.app.test_cli"]


STUBBORN = ("import signal, time\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
            "print('ready', flush=True)\ntime.sleep(60)\n")


def test_a_child_that_will_not_stop_is_killed_not_left_running() -> None:
    started = time.monotonic()
    with child([sys.executable, "-c", STUBBORN], timeout=1.0, stdout=subprocess.PIPE, text=True) as process:
        assert process.stdout is not None and process.stdout.readline().strip() == "ready"
        finished = stop(process, signal.SIGTERM, timeout=1.0)
    assert finished.killed and process.poll() is not None
    assert time.monotonic() - started < 30


def test_a_child_is_ended_when_the_test_fails_inside_the_block() -> None:
    pid = None
    try:
        with child([sys.executable, "-c", STUBBORN], timeout=1.0, stdout=subprocess.PIPE, text=True) as process:
            pid = process.pid
            raise RuntimeError("the test failed here")
    except RuntimeError:
        pass
    assert pid is not None and process.poll() is not None


WAITS = "import time\nprint('ready', flush=True)\ntime.sleep(60)\n"


@pytest.mark.skipif(sys.platform == "win32", reason="signal dispositions are POSIX")
def test_a_child_stops_on_ctrl_c_even_when_the_suite_runs_with_ctrl_c_ignored() -> None:
    # A shell's background job (`./dev.sh test &`) ignores SIGINT, and children inherit that.
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        with child([sys.executable, "-c", WAITS], stop_signal=signal.SIGINT, timeout=10.0,
                   stdout=subprocess.PIPE, text=True) as process:
            assert process.stdout is not None and process.stdout.readline().strip() == "ready"
            finished = stop(process, signal.SIGINT, timeout=10.0)
    finally:
        signal.signal(signal.SIGINT, previous)
    assert not finished.killed and finished.returncode != 0
