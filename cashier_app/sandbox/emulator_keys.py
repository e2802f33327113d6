"""The RSA keys of the WeChat Pay and Alipay emulators, and the files a client needs to sign.

The emulators play both sides of the keys: they hold the merchant's (or app's) private key only
to hand it out (`--keys-out DIR`), verify requests with its public half, and sign their answers
with keys of their own, whose public halves (a WeChat Pay public key and a platform certificate;
Alipay's public key) are handed out too. A folder that already holds keys is read back, so that a
restarted sandbox keeps working with the clients configured for it.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from cashier_app.platform import rsa_keys

# The emulated merchants (numbers in the forms the platforms use; the docs' own examples where they give one).
WECHAT_MCHID = "1900009191"
WECHAT_SP_MCHID = "1900000100"
WECHAT_SUB_MCHID = "1900000109"
WECHAT_APPID = "wxd678efh567hg6787"
WECHAT_MERCHANT_SERIAL = "1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C"
WECHAT_PUBLIC_KEY_ID = "PUB_KEY_ID_0000000000000024101100397200000006"
# The APIv3 key that encrypts /v3/certificates (32 bytes, AEAD_AES_256_GCM).
WECHAT_APIV3_KEY = "sandbox-apiv3-key-0123456789abcd"
ALIPAY_APP_ID = "2014072300007148"

WECHAT_FILES = {
    "merchant_private_key": "apiclient_key.pem",
    "public_key": "wechatpay_public_key.pem",
    "certificates": "wechatpay_platform_certificates.pem",
}
ALIPAY_FILES = {"app_private_key": "app_private_key.pem", "public_key": "alipay_public_key.pem"}
# Private halves the emulator signs with: kept beside the others so that a restart reuses them.
_EMULATOR_PRIVATE = {"wechatpay-v3": ("wechatpay_platform_key.emulator.pem", "wechatpay_public_key.emulator.pem"),
                     "alipay": ("alipay_platform_key.emulator.pem",)}


@dataclass
class WechatKeys:
    merchant: rsa.RSAPrivateKey  # handed out; its public half verifies requests
    public_key_signer: rsa.RSAPrivateKey  # signs answers for PUB_KEY_ID_... (public-key mode)
    certificate_signer: rsa.RSAPrivateKey  # signs answers for the platform certificate's serial
    certificate: x509.Certificate
    public_key_id: str = WECHAT_PUBLIC_KEY_ID
    merchant_serial: str = WECHAT_MERCHANT_SERIAL

    @property
    def certificate_serial(self) -> str:
        return f"{self.certificate.serial_number:X}"


@dataclass
class AlipayKeys:
    app: rsa.RSAPrivateKey  # handed out; its public half verifies requests
    alipay: rsa.RSAPrivateKey  # signs answers; its public half is Alipay's public key


def _certificate(key: rsa.RSAPrivateKey) -> x509.Certificate:
    name = x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Tenpay.com (sandbox)"),
                      x509.NameAttribute(NameOID.COMMON_NAME, "Tenpay.com Root CA (sandbox)")])
    now = datetime.now(UTC)
    return (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - timedelta(days=1))
            .not_valid_after(now + timedelta(days=3650)).sign(key, hashes.SHA256()))


def wechat_keys(folder: Path | None = None) -> WechatKeys:
    """Keys read from `folder` when it holds them, else new ones (written there when given)."""
    if folder is not None and (folder / _EMULATOR_PRIVATE["wechatpay-v3"][0]).exists():
        try:
            return WechatKeys(
                merchant=rsa_keys.load_private_pem((folder / WECHAT_FILES["merchant_private_key"]).read_bytes()),
                public_key_signer=rsa_keys.load_private_pem(
                    (folder / _EMULATOR_PRIVATE["wechatpay-v3"][1]).read_bytes()),
                certificate_signer=rsa_keys.load_private_pem(
                    (folder / _EMULATOR_PRIVATE["wechatpay-v3"][0]).read_bytes()),
                certificate=x509.load_pem_x509_certificate((folder / WECHAT_FILES["certificates"]).read_bytes()))
        except (OSError, ValueError):
            pass  # damaged or partial: make new ones
    signer = rsa_keys.new_private_key()
    keys = WechatKeys(rsa_keys.new_private_key(), rsa_keys.new_private_key(), signer, _certificate(signer))
    if folder is not None:
        write_wechat_keys(keys, folder)
    return keys


def alipay_keys(folder: Path | None = None) -> AlipayKeys:
    if folder is not None and (folder / _EMULATOR_PRIVATE["alipay"][0]).exists():
        try:
            return AlipayKeys(
                app=rsa_keys.load_private_pem((folder / ALIPAY_FILES["app_private_key"]).read_bytes()),
                alipay=rsa_keys.load_private_pem((folder / _EMULATOR_PRIVATE["alipay"][0]).read_bytes()))
        except (OSError, ValueError):
            pass
    keys = AlipayKeys(rsa_keys.new_private_key(), rsa_keys.new_private_key())
    if folder is not None:
        write_alipay_keys(keys, folder)
    return keys


def _write(path: Path, data: bytes, private: bool) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    if private:
        os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def write_wechat_keys(keys: WechatKeys, folder: Path) -> None:
    from cryptography.hazmat.primitives.serialization import Encoding

    _write(folder / WECHAT_FILES["merchant_private_key"], rsa_keys.private_pem(keys.merchant), True)
    _write(folder / WECHAT_FILES["public_key"], rsa_keys.public_pem(keys.public_key_signer.public_key()), False)
    _write(folder / WECHAT_FILES["certificates"], keys.certificate.public_bytes(Encoding.PEM), False)
    _write(folder / _EMULATOR_PRIVATE["wechatpay-v3"][0], rsa_keys.private_pem(keys.certificate_signer), True)
    _write(folder / _EMULATOR_PRIVATE["wechatpay-v3"][1], rsa_keys.private_pem(keys.public_key_signer), True)


def write_alipay_keys(keys: AlipayKeys, folder: Path) -> None:
    _write(folder / ALIPAY_FILES["app_private_key"], rsa_keys.private_pem(keys.app), True)
    _write(folder / ALIPAY_FILES["public_key"], rsa_keys.public_pem(keys.alipay.public_key()), False)
    _write(folder / _EMULATOR_PRIVATE["alipay"][0], rsa_keys.private_pem(keys.alipay), True)


def describe(platform: str, base_url: str, folder: Path, keys: WechatKeys | AlipayKeys) -> dict[str, object]:
    """What a client needs besides the files: numbers, serials, URLs (also written as platform.json)."""
    if isinstance(keys, WechatKeys):
        info: dict[str, object] = {
            "platform": platform, "base_url": base_url, "mchid": WECHAT_MCHID, "sp_mchid": WECHAT_SP_MCHID,
            "sub_mchid": WECHAT_SUB_MCHID, "appid": WECHAT_APPID, "merchant_serial_no": keys.merchant_serial,
            "public_key_id": keys.public_key_id, "platform_certificate_serial": keys.certificate_serial,
            "apiv3_key": WECHAT_APIV3_KEY, "files": {k: str(folder / v) for k, v in WECHAT_FILES.items()},
        }
    else:
        info = {"platform": platform, "gateway_url": base_url + "/gateway.do", "app_id": ALIPAY_APP_ID,
                "files": {k: str(folder / v) for k, v in ALIPAY_FILES.items()}}
    return info


def write_description(folder: Path, info: dict[str, object]) -> None:
    _write(folder / "platform.json", json.dumps(info, ensure_ascii=False, indent=2).encode("utf-8"), False)
