"""The diagnosis of a store on WeChat Pay or Alipay asks that platform, with its keys: never the merchant
platform API v1's address a WeChat Pay store does not use. And every check is titled in Chinese too."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from cashier_app.platform import rsa_keys
from cashier_app.platform.credentials import CredentialStore
from cashier_app.platform.settings import PlatformSettings, WechatPaySettings
from cashier_app.sandbox.server import SandboxServer
from tests.helpers.diagnostics import Store, checks_by_id


@pytest.fixture
def wechat(tmp_path: Path) -> Iterator[SandboxServer]:
    server = SandboxServer(platform="wechatpay-v3", keys_dir=tmp_path / "wechat-keys").start()
    yield server
    server.stop()


def wechat_store(store: Store, server: SandboxServer, *, right_key: bool = True) -> None:
    info = json.loads((server.keys_dir / "platform.json").read_text(encoding="utf-8"))  # type: ignore[operator]
    store.extra_toml = "\n".join([
        "[platform]", 'kind = "wechatpay-v3"',
        "[platform.wechatpay]", f'base_url = "{server.base_url}"', f'mchid = "{info["mchid"]}"',
        f'merchant_serial_no = "{info["merchant_serial_no"]}"', f'public_key_id = "{info["public_key_id"]}"',
        f'public_key_file = {json.dumps(info["files"]["public_key"])}',
    ])
    settings = PlatformSettings(kind="wechatpay-v3", wechatpay=WechatPaySettings(
        base_url=server.base_url, mchid=info["mchid"], merchant_serial_no=info["merchant_serial_no"],
        public_key_id=info["public_key_id"], public_key_file=info["files"]["public_key"]))
    pem = Path(info["files"]["merchant_private_key"]).read_bytes()
    key = rsa_keys.load_private_pem(pem) if right_key else rsa_keys.new_private_key()
    CredentialStore(settings).set_key(rsa_keys.private_pem(key).decode("ascii"))


def test_a_wechat_pay_store_is_checked_against_wechat_pay(store: Store, wechat: SandboxServer,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    wechat_store(store, wechat)
    store.write_config()
    # The [platform] table written by write_config for MP v1 comes first; the store's own table wins.
    store.config_file.write_text(store.config_file.read_text(encoding="utf-8").replace(
        f'[platform]\nbase_url = "{store.base_url}"\ntimeout_s = 2.0\n', ""), encoding="utf-8")
    from cashier_app.app.cli import main

    capsys.readouterr()
    main(["diagnose", "--json", "--config", str(store.config_file)])
    report = json.loads(capsys.readouterr().out)
    platform = checks_by_id(report)["platform"]
    assert platform["outcome"] == "ok", platform
    assert platform["message"].startswith(wechat.base_url) and "127.0.0.1:8765" not in platform["message"]
    assert platform["details"]["platform"] == "wechatpay-v3"
    assert checks_by_id(report)["credentials"]["details"]["key_present"] is True


def test_a_wrong_wechat_pay_key_is_named(store: Store, wechat: SandboxServer,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    wechat_store(store, wechat, right_key=False)
    store.write_config()
    store.config_file.write_text(store.config_file.read_text(encoding="utf-8").replace(
        f'[platform]\nbase_url = "{store.base_url}"\ntimeout_s = 2.0\n', ""), encoding="utf-8")
    from cashier_app.app.cli import main

    capsys.readouterr()
    assert main(["diagnose", "--json", "--config", str(store.config_file)]) == 1
    platform = checks_by_id(json.loads(capsys.readouterr().out))["platform"]
    assert platform["outcome"] == "fault" and "rejects the signature" in platform["message"]
    assert platform["hint_zh"] == "请用 `cashier-app credentials set` 保存正确的密钥。"


def test_every_check_has_a_chinese_title(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    code, report = store.run_json(capsys, "diagnose", "--offline")
    assert code in (0, 1)
    assert [c["id"] for c in report["checks"] if not c["title_zh"]] == []
