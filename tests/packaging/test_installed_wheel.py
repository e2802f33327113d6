"""The wheel carries everything the app reads, and the installed app works outside the source tree."""

from __future__ import annotations

import json
import sqlite3
import stat
import zipfile
from pathlib import Path

import pytest

from tests.helpers.packaging import Installed, fast_reconcile, run
from tests.helpers.paths import REPO

pytestmark = [pytest.mark.packaging, pytest.mark.timeout(900)]

# Folder in the repo -> where its files sit in the wheel (setup.py's mapping).
SHIPPED_FOLDERS = {"resources": "cashier_app/resources", "receipts": "cashier_app/receipts"}


def _expected_resource_files() -> set[str]:
    expected = set()
    for folder, package in SHIPPED_FOLDERS.items():
        for path in (REPO / folder).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix not in {".ts", ".pyc"}:
                expected.add(f"{package}/{path.relative_to(REPO / folder).as_posix()}")
    return expected


def test_the_wheel_holds_every_resource_and_data_file(built_wheel: Path) -> None:
    names = set(zipfile.ZipFile(built_wheel).namelist())
    missing = _expected_resource_files() - names
    assert missing == set()
    data_in_code = {p.relative_to(REPO).as_posix() for p in (REPO / "cashier_app").rglob("*")
                    if p.suffix in {".sql", ".json"}}
    assert data_in_code - names == set()
    assert "cashier_app/resources/translations/cashier_app_zh_CN.qm" in names
    assert not [n for n in names if n.startswith(("tests/", "docs/")) or n.endswith(".ts")]


def test_the_installed_app_is_the_wheel_not_the_checkout(installed: Installed) -> None:
    done = run([installed.python, "-c", "import cashier_app.assets as a; print(a.resources_dir())"],
               cwd=installed.outside, env=installed.env())
    where = Path(done.stdout.strip())
    assert where.is_relative_to(installed.venv), where
    assert not where.is_relative_to(REPO)


def test_the_installed_demo_prints_and_reprints_from_the_platform_record(installed: Installed, tmp_path: Path) -> None:
    """Headless demo: the demo till's receipts print, and the 7th payment, whose print.txt the demo
    till "loses", is reprinted from the platform's record (the receipt template)."""
    config = fast_reconcile(tmp_path)
    done = run([installed.cashier_app, "--demo", "--headless", "--config", config, "--run-seconds", "34"],
               cwd=installed.outside, env=installed.env(), timeout=120)
    journal = installed.home / "data" / "demo" / "journal.sqlite3"
    with sqlite3.connect(journal) as db:
        printed_receipts = db.execute(
            "SELECT COUNT(*) FROM print_jobs WHERE state = 'done' AND receipt_id IS NOT NULL").fetchone()[0]
        # Printed from the platform's record (no receipt of the till's): the order's original receipt.
        from_platform = db.execute(
            "SELECT COUNT(*) FROM print_jobs WHERE state = 'done' AND receipt_id IS NULL AND reason = 'paid_no_receipt'"
        ).fetchone()[0]
    assert printed_receipts >= 1, done.stderr[-3000:]
    assert from_platform >= 1, done.stderr[-3000:]
    assert "template_not_found" not in done.stderr
    assert "no demo receipts" not in done.stderr


SHOW_UI = """
import sys
from PySide6.QtCore import QCoreApplication
from cashier_app.ui.app_qt import create_application
from cashier_app.ui.i18n import current_language
from cashier_app.ui.icons import app_icon, state_icon
app = create_application(sys.argv[:1], "zh_CN")
print("language", current_language())
print("title", QCoreApplication.translate("Application", "Cashier Companion"))
print("style", len(app.styleSheet()))
print("icons", all(not icon.pixmap(32, 32).isNull() for icon in (app_icon(), state_icon("ok"), state_icon("fault"))))
"""


def test_the_installed_window_is_chinese_styled_and_has_its_icons(installed: Installed) -> None:
    done = run([installed.python, "-c", SHOW_UI], cwd=installed.outside, env=installed.env())
    said = dict(line.split(" ", 1) for line in done.stdout.splitlines())
    assert said["language"] == "zh_CN"
    assert said["title"] == "收银伴侣"
    assert int(said["style"]) > 1000
    assert said["icons"] == "True"


def test_the_installed_window_starts_and_draws(installed: Installed, tmp_path: Path) -> None:
    picture = tmp_path / "installed-window.png"
    run([installed.cashier_app, "--demo", "--lang", "zh_CN", "--run-seconds", "4", "--screenshot", picture],
        cwd=installed.outside, env=installed.env(), timeout=120)
    assert picture.stat().st_size > 10_000


def test_the_installed_app_keeps_the_key_where_the_till_has_no_credential_store(installed: Installed,
                                                                               tmp_path: Path) -> None:
    """No Secret Service and no keyrings.alt (it is a development tool): the app's own key file."""
    keys = tmp_path / "keys"
    env = installed.env(PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring", CASHIER_APP_KEY_FOLDER=str(keys))
    assert run([installed.python, "-c", "import keyrings.alt"], cwd=installed.outside, env=env,
               check=False).returncode != 0
    stored = run([installed.cashier_app, "credentials", "set"], cwd=installed.outside, env=env,
                 input="sandbox-key-T0001-please-change\n")
    assert "this app's key file" in stored.stdout
    checked = run([installed.cashier_app, "credentials", "check", "--json"], cwd=installed.outside, env=env,
                  check=False)
    report = json.loads(checked.stdout)
    assert report["stored"] is True
    assert report["store"]["kind"] == "file" and report["store"]["location"] == str(keys / "keys.json")
    assert "not encrypted" in report["protection"]
    assert stat.S_IMODE((keys / "keys.json").stat().st_mode) == 0o600
