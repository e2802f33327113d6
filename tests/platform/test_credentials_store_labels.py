"""Where the key is and what protects it, said honestly: by `credentials check` in both languages
(and as JSON). The key dialog: tests/ui/test_credentials_store_text.py."""

from __future__ import annotations

import json
import re

import keyring
import keyring.backends.fail
import pytest

from cashier_app.app import cli


@pytest.fixture
def no_system_store() -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())


@pytest.mark.usefixtures("no_system_store")
def test_check_names_the_key_file_and_its_protection_in_both_languages(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["credentials", "check"]) == 1  # nothing stored yet
    out = capsys.readouterr().out
    assert re.search(r"凭据库 / credential store: 本程序的密钥文件 / this app's key file \S+keys\.json", out)
    assert "保护 / protection: 仅靠本用户账户的文件权限保护" in out
    assert "not encrypted" in out


@pytest.mark.usefixtures("no_system_store")
def test_check_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["credentials", "check", "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["outcome"] == "missing" and report["stored"] is False
    assert report["store"]["kind"] == "file" and report["store"]["location"].endswith("keys.json")
    assert "file permissions" in report["protection"]


@pytest.mark.usefixtures("no_system_store")
def test_set_goes_to_the_key_file_and_says_so(capsys: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("sandbox-key-T0001-please-change\n"))
    assert cli.main(["credentials", "set"]) == 0
    captured = capsys.readouterr()
    assert "this app's key file" in captured.out
    assert "仅靠本用户账户的文件权限保护" in captured.err  # told before the key is typed
