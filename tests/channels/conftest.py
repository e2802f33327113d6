"""The WeChat Pay and Alipay emulators over real HTTP on loopback, and adapters pointed at them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from cashier_app.platform.alipay.client import AlipayAdapter
from cashier_app.platform.wechatpay.client import WechatPayAdapter
from cashier_app.sandbox.server import SandboxServer
from tests.helpers.channels import (
    Control,
    alipay_settings,
    merchant_secret,
    wechat_settings,
)


@pytest.fixture(scope="session")
def wechat_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxServer]:
    server = SandboxServer(platform="wechatpay-v3", keys_dir=tmp_path_factory.mktemp("wechat-keys"))
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def alipay_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxServer]:
    server = SandboxServer(platform="alipay", keys_dir=tmp_path_factory.mktemp("alipay-keys"))
    server.start()
    yield server
    server.stop()


@pytest.fixture
def wechat(wechat_server: SandboxServer) -> Iterator[Control]:
    control = Control(wechat_server.base_url)
    control.reset()
    yield control
    control.faults(for_requests=0)
    control.http.close()


@pytest.fixture
def alipay(alipay_server: SandboxServer) -> Iterator[Control]:
    control = Control(alipay_server.base_url)
    control.reset()
    yield control
    control.faults(for_requests=0)
    control.http.close()


@pytest.fixture
def wechat_adapter(wechat_server: SandboxServer, wechat: Control) -> Iterator[WechatPayAdapter]:
    with WechatPayAdapter(wechat_settings(wechat_server), lambda: merchant_secret(wechat_server)) as adapter:
        yield adapter


@pytest.fixture
def alipay_adapter(alipay_server: SandboxServer, alipay: Control) -> Iterator[AlipayAdapter]:
    with AlipayAdapter(alipay_settings(alipay_server), lambda: merchant_secret(alipay_server)) as adapter:
        yield adapter


