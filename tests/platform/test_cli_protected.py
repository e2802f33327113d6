"""Protected platform commands with sign-in on: closing an order, changing the key and reading the audit
trail need `--as NUMBER` of a person who may (PIN from $CASHIER_APP_PIN); refused before the platform or the
credential store hears of it. Against the sandbox over HTTP and the real keyring backend."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cashier_app.platform.credentials import CredentialStore
from cashier_app.platform.settings import PlatformSettings
from cashier_app.sandbox import terminal
from tests.helpers.people_cli import REFUSED, people
from tests.helpers.platform_sandbox import Sandbox


@pytest.fixture
def store_with_sign_in(isolated_home: Path, sandbox: Sandbox, capsys, monkeypatch) -> PlatformSettings:
    (isolated_home / "config.toml").write_text(
        f'[platform]\nbase_url = "{sandbox.base_url}"\ntimeout_s = 2.0\nbackoff_base_s = 0.02\n'
        "backoff_max_s = 0.1\nretry_budget_s = 5.0\n\n[signin]\nenabled = true\n", encoding="utf-8")
    for args, pin, as_pin in ((("01", "--role", "manager"), "2580", None), (("07",), "1379", "2580"),
                              (("09", "--role", "technician"), "4826", "2580")):
        assert people(capsys, monkeypatch, "people", "add", *args, "--pin-stdin",
                      *(("--as", "01") if as_pin else ()), pin=pin, as_pin=as_pin) == 0
    capsys.readouterr()
    return PlatformSettings(base_url=sandbox.base_url)


def test_protected_commands_need_the_right_person(store_with_sign_in: PlatformSettings, sandbox: Sandbox, capsys,
                                                  monkeypatch) -> None:
    CredentialStore(store_with_sign_in).set_key(terminal.KEY)
    sandbox.create({"out_trade_no": "202611220091", "state": "CREATED", "total_amount": 1250})

    assert people(capsys, monkeypatch, "order", "close", "202611220091") == REFUSED
    assert people(capsys, monkeypatch, "order", "close", "202611220091", "--as", "07", as_pin="1379") == REFUSED
    assert sandbox.order_state("202611220091")["order"]["state"] == "CREATED"  # the platform never heard of it
    assert people(capsys, monkeypatch, "order", "close", "202611220091", "--as", "01", as_pin="2580") == 0
    assert sandbox.order_state("202611220091")["order"]["state"] == "CLOSED"

    assert people(capsys, monkeypatch, "credentials", "delete", "--as", "07", as_pin="1379") == REFUSED
    assert CredentialStore(store_with_sign_in).get_key() == terminal.KEY
    assert people(capsys, monkeypatch, "credentials", "delete", "--as", "09", as_pin="4826") == 0  # a technician may
    assert CredentialStore(store_with_sign_in).get_key() is None

    assert people(capsys, monkeypatch, "audit", "list", "--as", "07", as_pin="1379") == REFUSED
    capsys.readouterr()
    assert people(capsys, monkeypatch, "audit", "list", "--json", "--as", "01", as_pin="2580") == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["action"], r["actor"]) for r in rows][:2] == [("key_deleted", "09"), ("close_order", "01")]
    assert terminal.KEY not in json.dumps(rows)
