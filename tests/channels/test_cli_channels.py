"""The command line on WeChat Pay and Alipay: the sandbox's --keys-out, credentials set --kind from
standard input into the real keyring, credentials check saying what the platform answered, order
commands, and configuration errors that name the key."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from cashier_app.app.cli import main
from cashier_app.app.config import ConfigError, load_config
from cashier_app.platform.credentials import CredentialStore
from cashier_app.sandbox.server import SandboxServer
from tests.helpers.channels import Control, keys_info
from tests.helpers.net import free_port
from tests.helpers.paths import REPO
from tests.helpers.processes import child, stop


def cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "cashier_app", *args], input=stdin, capture_output=True,
                          text=True, cwd=REPO, env=dict(os.environ), timeout=60, check=False)


def _wechat_config(home: Path, server: SandboxServer) -> None:
    info = keys_info(server)
    (home / "config.toml").write_text(
        f'[platform]\nkind = "wechatpay-v3"\ntimeout_s = 2.0\nbackoff_base_s = 0.02\nbackoff_max_s = 0.1\n'
        f'retry_budget_s = 5.0\n[platform.wechatpay]\nbase_url = "{server.base_url}"\nmchid = "{info["mchid"]}"\n'
        f'merchant_serial_no = "{info["merchant_serial_no"]}"\npublic_key_id = "{info["public_key_id"]}"\n',
        encoding="utf-8")


def test_wechat_keys_from_stdin_then_check_and_query(wechat: Control, wechat_server: SandboxServer,
                                                     isolated_home: Path) -> None:
    _wechat_config(isolated_home, wechat_server)
    info = keys_info(wechat_server)
    missing = cli("credentials", "check")
    assert missing.returncode == 1 and "--kind merchant-private-key" in missing.stdout
    pem = Path(info["files"]["merchant_private_key"]).read_text()
    stored = cli("credentials", "set", "--kind", "merchant-private-key", stdin=pem)
    assert stored.returncode == 0, stored.stderr
    # The public key goes to the config folder, where the default public_key_file points.
    public = cli("credentials", "set", "--kind", "wechatpay-public-key",
                 stdin=Path(info["files"]["public_key"]).read_text())
    assert public.returncode == 0, public.stderr
    assert (isolated_home / "wechatpay_public_key.pem").exists()
    check = cli("credentials", "check")
    assert check.returncode == 0, check.stdout + check.stderr
    assert "ORDER_NOT_EXIST" in check.stdout and "accepts" in check.stdout
    body = "".join(line for line in pem.splitlines()[1:-1])
    for run in (stored, public, check):
        assert body[:40] not in run.stdout + run.stderr
    # Kept compact, within Windows Credential Manager's 2,560 bytes (UTF-16).
    secret = CredentialStore(load_config(isolated_home / "config.toml").platform).get_key()
    assert secret is not None and len(secret.encode("utf-16-le")) <= 2560
    wechat.create({"out_trade_no": "CLI0001", "state": "PAID", "upstream_state": "PAID", "total_amount": 990})
    query = cli("order", "query", "CLI0001")
    assert query.returncode == 0 and "¥9.90" in query.stdout, query.stdout + query.stderr


def test_a_wrong_private_key_is_rejected_by_the_platform(wechat: Control, wechat_server: SandboxServer,
                                                         isolated_home: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    from cashier_app.platform import rsa_keys

    _wechat_config(isolated_home, wechat_server)
    settings = load_config(isolated_home / "config.toml").platform
    (isolated_home / "wechatpay_public_key.pem").write_bytes(
        Path(keys_info(wechat_server)["files"]["public_key"]).read_bytes())
    CredentialStore(settings).set_key(rsa_keys.private_pem(rsa_keys.new_private_key()).decode())
    assert main(["credentials", "check"]) == 2
    captured = capsys.readouterr()
    assert "SIGN_ERROR" in captured.out and "rejects" in captured.err


def test_not_a_key_is_refused_without_quoting_it(isolated_home: Path, wechat_server: SandboxServer) -> None:
    _wechat_config(isolated_home, wechat_server)
    run = cli("credentials", "set", "--kind", "merchant-private-key", stdin="-----BEGIN PRIVATE KEY-----\nsecretstuff"
              "secretstuff\n-----END PRIVATE KEY-----\n")
    assert run.returncode == 2 and "not a PEM private key" in run.stderr
    assert "secretstuff" not in run.stdout + run.stderr
    wrong_kind = cli("credentials", "set", "--kind", "app-private-key", stdin="x\n")
    assert wrong_kind.returncode == 2 and "platform.kind" in wrong_kind.stderr


@pytest.mark.parametrize(("text", "key"), [
    ('[platform]\nkind = "wechatpay-v3"\n', "platform.wechatpay.mchid"),
    ('[platform]\nkind = "wechatpay-v3"\n[platform.wechatpay]\nmchid = "1900009191"\n',
     "platform.wechatpay.merchant_serial_no"),
    ('[platform]\nkind = "wechatpay-v3"\n[platform.wechatpay]\nmchid = "abc"\n', "platform.wechatpay.mchid"),
    ('[platform]\nkind = "wechatpay-v3"\n[platform.wechatpay]\nsub_mchid = "1900000109"\n',
     "platform.wechatpay.sp_mchid"),
    ('[platform]\nkind = "alipay"\n', "platform.alipay.app_id"),
    ('[platform]\nkind = "paypal"\n', "platform.kind"),
    ('[platform.wechatpay]\npublic_key_id = "KEY1"\n', "platform.wechatpay.public_key_id"),
])
def test_config_errors_name_the_key(tmp_path: Path, text: str, key: str) -> None:
    path = tmp_path / "c.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert caught.value.key == key


def test_sandbox_command_writes_the_keys(tmp_path: Path) -> None:
    port = free_port()
    keys = tmp_path / "keys"
    with child([sys.executable, "-m", "cashier_app", "sandbox", "--platform", "alipay", "--port", str(port),
                "--keys-out", str(keys)], stop_signal=signal.SIGINT, cwd=REPO, stdout=subprocess.PIPE,
               stderr=subprocess.PIPE, text=True, encoding="utf-8") as process:
        assert process.stdout is not None
        lines = []
        for line in process.stdout:
            lines.append(line)
            if line.startswith("Ctrl-C"):
                break
        text = "".join(lines)
        assert f"http://127.0.0.1:{port}/gateway.do" in text and "credentials set --kind app-private-key" in text
        assert {p.name for p in keys.iterdir()} >= {"app_private_key.pem", "alipay_public_key.pem", "platform.json"}
        finished = stop(process, signal.SIGINT, timeout=30)
    assert not finished.killed and finished.returncode == 0, finished.err


def test_diagnosis_probes_wechat_pay_and_measures_the_clock(wechat: Control, wechat_server: SandboxServer) -> None:
    from cashier_app.diagnostics.checks import clock_check, platform_check
    from cashier_app.diagnostics.platform_probe import KeyLookup, probe_platform
    from tests.helpers.channels import merchant_secret, wechat_settings

    settings = wechat_settings(wechat_server)
    secret = merchant_secret(wechat_server)
    probe = probe_platform(settings, secret, 3.0)
    assert probe.reached and probe.code == "SUCCESS" and probe.skew_s is not None
    key = KeyLookup("account", "backend", None, True, key=secret)
    assert platform_check(settings, key, probe, True).outcome.value == "ok"
    assert clock_check(probe, key, True).outcome.value == "ok"
    from cashier_app.platform import rsa_keys

    wrong = probe_platform(settings, rsa_keys.to_compact(rsa_keys.new_private_key()), 3.0)
    assert wrong.code == "SIGN_ERROR" and platform_check(settings, key, wrong, True).outcome.value == "fault"
