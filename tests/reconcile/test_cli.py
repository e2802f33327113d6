"""`cashier-app reconcile once|status` against the sandbox, with the real keyring and journal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cashier_app.app.cli import main
from cashier_app.app.paths import default_paths
from cashier_app.journal.db import Journal
from cashier_app.platform.credentials import CredentialStore
from cashier_app.platform.settings import PlatformSettings
from cashier_app.sandbox import DEFAULT_KEY
from tests.helpers.reconcile import FakeClock, Platform, sale


@pytest.fixture
def configured(platform: Platform, isolated_home: Path) -> Path:
    (isolated_home / "config.toml").write_text(
        f'[platform]\nbase_url = "{platform.server.base_url}"\ntimeout_s = 2.0\nmax_attempts = 2\n'
        'backoff_base_s = 0.02\nbackoff_max_s = 0.05\nretry_budget_s = 2.0\n\n'
        '[reconcile]\ngrace_s = 20.0\nmissing_receipt = "auto"\n', encoding="utf-8")
    CredentialStore(PlatformSettings(base_url=platform.server.base_url)).set_key(DEFAULT_KEY)
    return default_paths().journal_file


def test_once_and_status(platform: Platform, configured: Path, clock: FakeClock,
                         capsys: pytest.CaptureFixture[str]) -> None:
    platform.order("202611220001", "PAID", age_s=120)
    platform.order("202611220002", "PAID", age_s=120)
    journal = Journal(configured)
    sale(journal, clock, "202611220001", ago_s=100)
    journal.close()

    assert main(["reconcile", "status"]) == 0
    assert "not started" in capsys.readouterr().out

    assert main(["reconcile", "once", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is True and report["list_requests"] == 1 and report["listed"] == 2
    (case,) = report["opened"]
    # No print queue runs in the command: the case stays open for the cashier.
    assert (case["kind"], case["out_trade_no"], case["status"]) == ("paid_no_receipt", "202611220002", "open")
    assert report["health"]["reachable"] is True

    assert main(["reconcile", "once"]) == 0
    text = capsys.readouterr().out
    assert "listed 2 orders (0 new" in text and "1 list, 0 queries" in text

    assert main(["reconcile", "status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["open_cases"] == {"paid_no_receipt": 1}
    assert status["position"]["updated_since"] and status["last_poll"]["ok"] is True
    assert status["orders_seen"] == 2 and status["outage"] is None

    assert main(["reconcile", "status"]) == 0
    assert "已付款无小票 / paid, no receipt: 1" in capsys.readouterr().out


def test_once_when_the_platform_is_down(platform: Platform, configured: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    platform.control.inject_faults(status=503, for_requests=10)
    assert main(["reconcile", "once"]) == 4
    err = capsys.readouterr().err
    assert "平台连接中断" in err and "maintenance" in err
    assert main(["reconcile", "status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["outage"]["reason"] == "maintenance" and status["open_cases"] == {"platform_fault": 1}
    assert DEFAULT_KEY not in json.dumps(status)
