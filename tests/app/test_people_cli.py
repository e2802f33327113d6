"""`cashier-app people ...`: the first manager without a PIN, everyone after with a manager's; never a PIN in
the output or the audit trail. (The protected platform commands: tests/platform/test_cli_protected.py.)"""

from __future__ import annotations

import json
import subprocess
import sys

from cashier_app.app.cli import main
from cashier_app.app.paths import default_paths
from cashier_app.journal.audit import AuditStore
from cashier_app.journal.db import Journal
from tests.helpers.paths import REPO
from tests.helpers.people_cli import REFUSED, people


def trail() -> list[tuple[str, str, str]]:
    journal = Journal(default_paths().journal_file)
    try:
        return [(e.action, e.actor, e.detail) for e in reversed(AuditStore(journal).list())]
    finally:
        journal.close()


def test_people_are_managed_from_the_command_line(capsys, monkeypatch) -> None:
    # The first manager is added without anyone's PIN; from then on a manager's is needed.
    assert people(capsys, monkeypatch, "people", "add", "01", "--name", "张店长", "--role", "manager",
                  "--pin-stdin", pin="2580") == 0
    assert "01 张店长" in capsys.readouterr().out
    assert people(capsys, monkeypatch, "people", "add", "07", "--name", "王芳", "--pin-stdin", pin="1379") == REFUSED
    assert "--as NUMBER" in capsys.readouterr().err
    assert people(capsys, monkeypatch, "people", "add", "07", "--name", "王芳", "--pin-stdin", "--as", "01",
                  pin="1379", as_pin="0000") == REFUSED
    assert "wrong person number or PIN" in capsys.readouterr().err
    assert people(capsys, monkeypatch, "people", "add", "07", "--name", "王芳", "--pin-stdin", "--as", "01",
                  pin="1379", as_pin="2580") == 0
    assert people(capsys, monkeypatch, "people", "add", "08", "--pin-stdin", "--as", "01", pin="1234",
                  as_pin="2580") == 2
    assert "pin_too_simple" in capsys.readouterr().err
    # A cashier's PIN manages nobody.
    assert people(capsys, monkeypatch, "people", "disable", "01", "--as", "07", as_pin="1379") == REFUSED
    assert "may not: manage_people" in capsys.readouterr().err
    assert people(capsys, monkeypatch, "people", "disable", "07", "--as", "01", as_pin="2580") == 0
    assert people(capsys, monkeypatch, "people", "set-pin", "07", "--pin-stdin", "--as", "01", pin="4682",
                  as_pin="2580") == 0
    capsys.readouterr()
    assert people(capsys, monkeypatch, "people", "list", "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(p["number"], p["role"], p["disabled"]) for p in listed] == [("01", "manager", False),
                                                                         ("07", "cashier", True)]
    assert "1379" not in json.dumps(listed) and "pin" not in " ".join(listed[0])
    assert people(capsys, monkeypatch, "people", "disable", "01", "--as", "01", as_pin="2580") == 2
    assert "last_manager" in capsys.readouterr().err
    assert [(a, actor) for a, actor, _ in trail()] == [
        ("person_added", "setup"), ("sign_in_failed", "01"), ("person_added", "01"), ("person_disabled", "01"),
        ("pin_changed", "01")]


def test_audit_list_as_text_json_and_csv(capsys, monkeypatch, tmp_path) -> None:
    assert people(capsys, monkeypatch, "people", "add", "01", "--name", "张店长", "--role", "manager",
                  "--pin-stdin", pin="2580") == 0
    capsys.readouterr()
    assert main(["audit", "list"]) == 0
    text = capsys.readouterr().out
    assert "1 条记录" in text and "添加人员 person added" in text and "01 张店长 (manager)" in text
    assert main(["audit", "list", "--since", "2000-01-01", "--until", "2000-01-02", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["audit", "list", "--since", "yesterday-ish"]) == 2
    # In a process of its own: the CSV's translations need a Qt application object of the command's own.
    target = tmp_path / "audit.csv"
    done = subprocess.run([sys.executable, "-m", "cashier_app", "audit", "list", "--csv", str(target), "--lang",
                           "zh_CN"], capture_output=True, text=True, cwd=REPO, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    rows = target.read_bytes().decode("utf-8-sig").splitlines()
    assert rows[0].startswith("时间,操作,人员,授权店长,商户订单号")
    assert "添加人员" in rows[1] and "2580" not in target.read_text(encoding="utf-8-sig")
