"""Third-party clients against the emulators (wechatpayv3, python-alipay-sdk), and our signers
cross-checked against theirs for fixed nonces and timestamps."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from cashier_app.platform import rsa_keys
from cashier_app.platform.alipay import signing as alipay_signing
from cashier_app.platform.wechatpay import signing as wechat_signing
from cashier_app.sandbox import emulator_keys as ek
from cashier_app.sandbox.server import SandboxServer
from tests.helpers.channels import Control, keys_info

wechatpayv3 = pytest.importorskip("wechatpayv3")
wechatpay_core = pytest.importorskip("wechatpayv3.core")
wechatpay_utils = pytest.importorskip("wechatpayv3.utils")
alipay_sdk = pytest.importorskip("alipay")
alipay_exceptions = pytest.importorskip("alipay.exceptions")


@pytest.fixture
def beijing_zone() -> Iterator[None]:
    """python-alipay-sdk stamps requests with the machine's local time: run it as a till in China would."""
    previous = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Shanghai"
    time.tzset()
    yield
    if previous is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = previous
    time.tzset()


def _wechatpay(server: SandboxServer, *, public_key_mode: bool = True, cert_dir: Path | None = None) -> object:
    info = keys_info(server)
    files = info["files"]
    kwargs: dict[str, object] = {}
    if public_key_mode:
        kwargs = {"public_key": Path(files["public_key"]).read_text(), "public_key_id": info["public_key_id"]}
    with pytest.MonkeyPatch.context() as patch:
        # The SDK has no base-URL parameter and fetches certificates from its constructor: point it
        # at the emulator before it does.
        patch.setattr(wechatpay_core.Core, "_init_certificates", lambda self: None)
        pay = wechatpayv3.WeChatPay(
            wechatpay_type=wechatpayv3.WeChatPayType.NATIVE, mchid=info["mchid"],
            private_key=Path(files["merchant_private_key"]).read_text(), cert_serial_no=info["merchant_serial_no"],
            appid=info["appid"], apiv3_key=info["apiv3_key"], cert_dir=str(cert_dir) if cert_dir else None,
            **kwargs)
    pay._core._gate_way = server.base_url
    return pay


def test_wechatpayv3_queries_closes_and_downloads_the_bill(wechat: Control, wechat_server: SandboxServer) -> None:
    wechat.create({"out_trade_no": "OR0001", "state": "PAID", "upstream_state": "PAID", "total_amount": 1250},
                  {"out_trade_no": "OR0002", "state": "CREATED"})
    pay = _wechatpay(wechat_server)
    code, text = pay.query(out_trade_no="OR0001")  # type: ignore[attr-defined]
    assert code == 200 and json.loads(text)["trade_state"] == "SUCCESS"
    assert json.loads(text)["amount"]["total"] == 1250
    transaction_id = json.loads(text)["transaction_id"]
    code, text = pay.query(transaction_id=transaction_id)  # type: ignore[attr-defined]
    assert code == 200 and json.loads(text)["out_trade_no"] == "OR0001"
    code, _ = pay.close(out_trade_no="OR0002")  # type: ignore[attr-defined]
    assert code == 204
    code, text = pay.query(out_trade_no="OR0002")  # type: ignore[attr-defined]
    assert json.loads(text)["trade_state"] == "CLOSED"
    code, text = pay.query(out_trade_no="NOSUCH")  # type: ignore[attr-defined]
    assert code == 404 and json.loads(text)["code"] == "ORDER_NOT_EXIST"
    wechat.options(bill_ready_after_s=-86400)
    # The platform's day is Beijing's: from 16:00 UTC the machine's date is the day before.
    from datetime import datetime

    from cashier_app.domain.timezones import CHINA_TZ
    code, text = pay.trade_bill(bill_date=datetime.now(CHINA_TZ).date().isoformat())  # type: ignore[attr-defined]
    answer = json.loads(text)
    code, content = pay.download_bill(answer["download_url"])  # type: ignore[attr-defined]
    assert code == 200
    raw = gzip.decompress(content)
    assert hashlib.sha1(raw, usedforsecurity=False).hexdigest() == answer["hash_value"]
    assert "`OR0001" in raw.decode("utf-8")


def test_wechatpayv3_refuses_a_probe_signature(wechat: Control, wechat_server: SandboxServer) -> None:
    wechat.create({"out_trade_no": "OR0003", "state": "PAID", "upstream_state": "PAID"})
    pay = _wechatpay(wechat_server)
    wechat.faults(probe_signature=True, for_requests=1)
    with pytest.raises(Exception, match="verify"):
        pay.query(out_trade_no="OR0003")  # type: ignore[attr-defined]


def test_wechatpayv3_in_certificate_mode_fetches_the_certificate(wechat: Control, wechat_server: SandboxServer,
                                                                 tmp_path: Path) -> None:
    wechat.create({"out_trade_no": "OR0004", "state": "PAID", "upstream_state": "PAID"})
    pay = _wechatpay(wechat_server, public_key_mode=False, cert_dir=tmp_path / "certs")
    code, text = pay.query(out_trade_no="OR0004")  # type: ignore[attr-defined]
    assert code == 200 and json.loads(text)["trade_state"] == "SUCCESS"
    # It downloaded and decrypted /v3/certificates with the APIv3 key, and kept it.
    assert list((tmp_path / "certs").glob("*.pem"))


def test_our_wechat_signature_is_the_sdks(wechat_server: SandboxServer, monkeypatch: pytest.MonkeyPatch) -> None:
    info = keys_info(wechat_server)
    pem = Path(info["files"]["merchant_private_key"]).read_text()
    key = rsa_keys.load_private_pem(pem)
    monkeypatch.setattr(wechatpay_utils.time, "time", lambda: 1554208460.4)
    nonce = "593BEC0C930BF1AFEB40B4A08C8FB242"
    for method, path, body in (("GET", "/v3/certificates", None),
                               ("POST", "/v3/pay/transactions/out-trade-no/123/close", {"mchid": "1900009191"})):
        theirs = wechatpay_utils.build_authorization(path, method, info["mchid"], info["merchant_serial_no"],
                                                       wechatpay_utils.load_private_key(pem), data=body,
                                                       nonce_str=nonce)
        ours = wechat_signing.sign_request(key, mchid=info["mchid"], serial_no=info["merchant_serial_no"],
                                           method=method, url=path, timestamp="1554208460", nonce=nonce,
                                           body=json.dumps(body).encode() if body else b"")
        assert ours == theirs
    # The official example's layout, byte for byte.
    assert wechat_signing.request_message("GET", "/v3/certificates", "1554208460", nonce, b"") == (
        b"GET\n/v3/certificates\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n\n")


def _alipay(server: SandboxServer) -> object:
    info = keys_info(server)
    client = alipay_sdk.AliPay(
        appid=info["app_id"], app_notify_url=None,
        app_private_key_string=Path(info["files"]["app_private_key"]).read_text(),
        alipay_public_key_string=Path(info["files"]["public_key"]).read_text(), sign_type="RSA2")
    client._gateway = info["gateway_url"]
    return client


def test_python_alipay_sdk_queries_and_closes(alipay: Control, alipay_server: SandboxServer,
                                              beijing_zone: None) -> None:
    alipay.create({"out_trade_no": "OR0010", "state": "PAID", "upstream_state": "PAID", "total_amount": 2000},
                  {"out_trade_no": "OR0011", "state": "CREATED"})
    client = _alipay(alipay_server)
    answer = client.api_alipay_trade_query(out_trade_no="OR0010")  # type: ignore[attr-defined]
    assert (answer["code"], answer["trade_status"], answer["total_amount"]) == ("10000", "TRADE_SUCCESS", "20.00")
    closed = client.api_alipay_trade_close(out_trade_no="OR0011")  # type: ignore[attr-defined]
    assert closed["code"] == "10000"
    missing = client.api_alipay_trade_query(out_trade_no="NOSUCH")  # type: ignore[attr-defined]
    assert missing["sub_code"] == "ACQ.TRADE_NOT_EXIST"
    alipay.options(bill_ready_after_s=-86400)
    from datetime import datetime

    from cashier_app.domain.timezones import CHINA_TZ
    bill = client.server_api("alipay.data.dataservice.bill.downloadurl.query",  # type: ignore[attr-defined]
                             {"bill_type": "trade", "bill_date": datetime.now(CHINA_TZ).date().isoformat()})
    assert bill["bill_download_url"].startswith(alipay_server.base_url)


def test_python_alipay_sdk_rejects_a_wrong_signature(alipay: Control, alipay_server: SandboxServer,
                                                     beijing_zone: None) -> None:
    alipay.create({"out_trade_no": "OR0012", "state": "PAID", "upstream_state": "PAID"})
    client = _alipay(alipay_server)
    alipay.faults(bad_signature=True, for_requests=1)
    with pytest.raises(alipay_exceptions.AliPayValidationError):
        client.api_alipay_trade_query(out_trade_no="OR0012")  # type: ignore[attr-defined]


def test_our_alipay_signature_is_the_sdks(alipay_server: SandboxServer) -> None:
    info = keys_info(alipay_server)
    client = _alipay(alipay_server)
    key = rsa_keys.load_private_pem(Path(info["files"]["app_private_key"]).read_bytes())
    biz = {"out_trade_no": "20150320010101001"}
    data = {"app_id": info["app_id"], "method": "alipay.trade.query", "charset": "utf-8", "sign_type": "RSA2",
            "timestamp": "2014-07-24 03:07:50", "version": "1.0", "biz_content": dict(biz)}
    signed = client.sign_data(dict(data))  # type: ignore[attr-defined]
    theirs = dict(part.split("=", 1) for part in signed.split("&"))["sign"]
    ours = alipay_signing.sign_params(key, {**data, "biz_content": json.dumps(biz, separators=(",", ":"))})
    from urllib.parse import unquote_plus

    assert ours == unquote_plus(theirs)
    assert info["app_id"] == ek.ALIPAY_APP_ID
