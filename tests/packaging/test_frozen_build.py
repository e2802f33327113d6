"""The PyInstaller one-folder build starts, wherever the folder is moved: the window, the console
companion, the headless demo, and the version resource taken from the one version source."""

from __future__ import annotations

import ast
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest

import cashier_app
from tests.helpers.packaging import Frozen, fast_reconcile, run

pytestmark = [pytest.mark.packaging, pytest.mark.timeout(900)]


def test_one_folder_holds_both_programs_and_the_data_they_read(frozen: Frozen) -> None:
    assert frozen.program("cashier-app").is_file()
    assert frozen.program("cashier-app-cli").is_file()
    internal = frozen.folder / "_internal"
    assert (internal / "cashier_app" / "resources" / "translations" / "cashier_app_zh_CN.qm").is_file()
    assert (internal / "cashier_app" / "receipts" / "templates" / "order-default.txt").is_file()
    assert (internal / "cashier_app" / "journal" / "migrations" / "0001_foundation.sql").is_file()
    assert (internal / "escpos" / "capabilities.json").is_file()
    # Qt's catalogues: Chinese kept, the other languages left out.
    qt_catalogues = {p.name for p in (internal / "PySide6" / "Qt" / "translations").glob("*.qm")}
    assert "qtbase_zh_CN.qm" in qt_catalogues
    assert not [name for name in qt_catalogues if not name.endswith(("_zh_CN.qm", "_en.qm"))]


def test_the_console_companion_answers(frozen: Frozen, tmp_path: Path) -> None:
    version = run([frozen.program("cashier-app-cli"), "--version"], cwd=frozen.outside, env=frozen.env())
    assert version.stdout.strip() == f"cashier-app {cashier_app.__version__}"
    sample = Path(__file__).resolve().parents[2] / "docs" / "samples" / "print-txt" / "wechat-default-gbk-crlf.txt"
    parsed = run([frozen.program("cashier-app-cli"), "parse", sample], cwd=frozen.outside, env=frozen.env())
    assert "wechat-default" in parsed.stdout


def test_the_moved_build_runs_the_headless_demo(frozen: Frozen, tmp_path: Path) -> None:
    done = run([frozen.program("cashier-app-cli"), "--demo", "--headless", "--config",
                fast_reconcile(tmp_path), "--run-seconds", "34"], cwd=frozen.outside, env=frozen.env(), timeout=120)
    with sqlite3.connect(frozen.home / "data" / "demo" / "journal.sqlite3") as db:
        printed = db.execute("SELECT COUNT(*) FROM print_jobs WHERE state = 'done' AND receipt_id IS NOT NULL")
        reprinted = db.execute("SELECT COUNT(*) FROM print_jobs WHERE state = 'done' AND reason = 'paid_no_receipt'")
        assert printed.fetchone()[0] >= 1, done.stderr[-3000:]
        assert reprinted.fetchone()[0] >= 1, done.stderr[-3000:]


def test_the_moved_window_starts_in_chinese(frozen: Frozen, tmp_path: Path) -> None:
    picture = tmp_path / "frozen-window.png"
    run([frozen.program("cashier-app"), "--demo", "--lang", "zh_CN", "--run-seconds", "4", "--screenshot", picture],
        cwd=frozen.outside, env=frozen.env(), timeout=120)
    assert picture.stat().st_size > 10_000


class _Recorded:
    """Stands in for PyInstaller's versioninfo classes (they import only on Windows): keeps the arguments."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args, self.kwargs = args, kwargs


def _evaluate_version_file(text: str) -> Any:
    names = {n: type(n, (_Recorded,), {}) for n in ("VSVersionInfo", "FixedFileInfo", "StringFileInfo",
                                                     "StringTable", "StringStruct", "VarFileInfo", "VarStruct")}
    tree = ast.parse(text, mode="eval")
    return eval(compile(tree, "version.txt", "eval"), {"__builtins__": {}}, names)  # noqa: S307 (our own file)


@pytest.mark.parametrize("program", ["cashier-app", "cashier-app-cli"])
def test_the_version_resource_comes_from_the_one_version_source(frozen: Frozen, program: str) -> None:
    text = (frozen.build / "pyinstaller" / "cashier-app" / f"{program}.version.txt").read_text(encoding="utf-8")
    info = _evaluate_version_file(text)
    numbers = tuple(int(n) for n in [*cashier_app.__version__.split("."), "0", "0", "0"][:4])
    assert info.kwargs["ffi"].kwargs["filevers"] == numbers
    assert info.kwargs["ffi"].kwargs["prodvers"] == numbers
    (string_file_info, _var_file_info) = info.kwargs["kids"]
    (table,) = string_file_info.args[0]
    strings = {s.args[0]: s.args[1] for s in table.args[1]}
    assert strings["ProductVersion"] == cashier_app.__version__
    assert strings["FileVersion"] == ".".join(map(str, numbers))
    assert strings["OriginalFilename"] == f"{program}.exe"
    assert cashier_app.DISPLAY_NAME_ZH in strings["ProductName"]


@pytest.mark.skipif(sys.platform == "win32", reason="on Windows the icon is in the .exe")
def test_the_programs_icon_is_beside_the_build(frozen: Frozen) -> None:
    assert (frozen.folder / "_internal" / "cashier_app" / "resources" / "icons" / "app-256.png").is_file()
