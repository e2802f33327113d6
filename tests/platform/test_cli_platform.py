"""`cashier-app credentials ...` and `cashier-app order ...` against the sandbox, with the real keyring."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cashier_app.app.cli import main
from cashier_app.platform.credentials import CredentialStore
from cashier_app.platform.settings import PlatformSettings
from cashier_app.sandbox import terminal
from tests.helpers.paths import REPO
from tests.helpers.platform_sandbox import Sandbox


@pytest.fixture
def configured(sandbox: Sandbox, isolated_home: Path) -> PlatformSettings:
    """The app's config file points at the sandbox, with short retry waits."""
    (isolated_home / "config.toml").write_text(
        f'[platform]\nbase_url = "{sandbox.base_url}"\ntimeout_s = 2.0\nbackoff_base_s = 0.02\n'
        "backoff_max_s = 0.1\nretry_budget_s = 5.0\n", encoding="utf-8")
    return PlatformSettings(base_url=sandbox.base_url)


def cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "cashier_app", *args], input=stdin, capture_output=True,
                          text=True, cwd=REPO, env=dict(os.environ), timeout=60, check=False)


def test_credentials_set_check_delete_through_stdin(configured: PlatformSettings) -> None:
    missing = cli("credentials", "check")
    assert missing.returncode == 1, missing.stderr
    assert "credentials set" in missing.stdout
    stored = cli("credentials", "set", stdin=terminal.KEY + "\n")
    assert stored.returncode == 0, stored.stderr
    assert "keyrings.alt.file.PlaintextKeyring" in stored.stdout
    # In the real backend (the same file keyring the subprocess used), never on the screen.
    assert CredentialStore(configured).get_key() == terminal.KEY
    check = cli("credentials", "check")
    assert check.returncode == 0, check.stderr
    assert "accepts" in check.stdout
    assert "the API key is stored for" in check.stdout  # not "a API key"
    for run in (stored, check):
        assert terminal.KEY not in run.stdout + run.stderr
    assert cli("credentials", "delete").returncode == 0
    assert CredentialStore(configured).get_key() is None
    assert cli("credentials", "delete").returncode == 1


def test_credentials_check_rejected_and_unreachable(configured: PlatformSettings, sandbox: Sandbox,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    CredentialStore(configured).set_key("not-the-terminal-key")
    assert main(["credentials", "check"]) == 2
    assert "rejects" in capsys.readouterr().err
    CredentialStore(configured).set_key(terminal.KEY)
    sandbox.faults(status=503, for_requests=50)
    assert main(["credentials", "check"]) == 2
    assert "cannot be reached" in capsys.readouterr().err


def test_credentials_set_refuses_a_bad_key(configured: PlatformSettings) -> None:
    short = cli("credentials", "set", stdin="abc\n")
    assert short.returncode == 2 and "at least" in short.stderr
    assert CredentialStore(configured).get_key() is None


def test_order_commands(configured: PlatformSettings, sandbox: Sandbox, capsys: pytest.CaptureFixture[str]) -> None:
    CredentialStore(configured).set_key(terminal.KEY)
    sandbox.create({"out_trade_no": "202611220001", "state": "PAID", "total_amount": 1250},
                   {"out_trade_no": "202611220002", "state": "USERPAYING", "upstream_state": "PAID"},
                   {"out_trade_no": "202611220003", "state": "CREATED"})

    assert main(["order", "query", "２０２６１１２２０００１"]) == 0
    text = capsys.readouterr().out
    assert "已支付 / paid" in text and "¥12.50" in text

    assert main(["order", "query", "202611220001", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["result"] == "found" and data["order"]["state"] == "PAID"

    assert main(["order", "query", "209901010001"]) == 3
    assert "no such order" in capsys.readouterr().out
    assert main(["order", "query", "4200001234202611221234567890", "--json"]) == 3
    assert json.loads(capsys.readouterr().out)["result"] == "not_queryable_yet"

    assert main(["order", "sync", "202611220002", "--json"]) == 0
    synced = json.loads(capsys.readouterr().out)
    assert synced["order"]["state"] == "PAID" and synced["sync"]["changed"] is True

    assert main(["order", "list", "--since", "2000-01-01T00:00:00+08:00", "--state", "PAID", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert sorted(o["out_trade_no"] for o in listed["orders"]) == ["202611220001", "202611220002"]
    assert main(["order", "list", "--since", "2000-01-01T00:00:00+08:00"]) == 0
    assert "3 笔订单" in capsys.readouterr().out
    # A manager types a local date (the store's offset): accepted like an ISO time.
    assert main(["order", "list", "--since", "2000-01-01", "--state", "PAID", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["since"] == "2000-01-01T00:00:00+08:00"
    assert main(["order", "list", "--since", "2000-01-01 09:30"]) == 0
    assert "3 笔订单" in capsys.readouterr().out

    assert main(["order", "close", "202611220003"]) == 0
    assert "已关闭 / closed unpaid" in capsys.readouterr().out
    assert main(["order", "close", "202611220001", "--json"]) == 5
    assert json.loads(capsys.readouterr().out)["result"] == "not_closable"

    sandbox.faults(status=502, for_requests=1)
    assert main(["order", "query", "202611220001"]) == 4
    out = capsys.readouterr().out
    assert "state unknown" in out and "does not mean the order is unpaid" in out
    sandbox.faults(bad_signature=True, for_requests=1)
    assert main(["order", "sync", "202611220001", "--json"]) == 4
    assert json.loads(capsys.readouterr().out)["reason"] == "bad_signature"

    assert main(["order", "list", "--since", "yesterday"]) == 2
    assert main(["order", "query", "   "]) == 2
    # The window's rule (domain/order_numbers.py): 6-64 characters of A-Z a-z 0-9 _ -, not asked for.
    capsys.readouterr()
    for not_a_number in ("12345", "2026/1122", "x" * 65):
        assert main(["order", "query", not_a_number]) == 2
        assert "is not an order number" in capsys.readouterr().err
    assert main(["order", "sync", "12345"]) == 2


def test_order_query_without_a_key(configured: PlatformSettings, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["order", "query", "202611220001", "--json"]) == 4
    data = json.loads(capsys.readouterr().out)
    assert (data["reason"], data["code"]) == ("credentials", "credentials_missing")
