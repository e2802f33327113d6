from __future__ import annotations

import json

import pytest

from cashier_app.platform import signing
from tests.helpers.paths import SPECS

VECTORS = json.loads((SPECS / "signature-vectors.json").read_text(encoding="utf-8"))["vectors"]


@pytest.mark.parametrize("vector", VECTORS, ids=[v["name"] for v in VECTORS])
def test_vector(vector: dict[str, str]) -> None:
    body = vector["body"].encode("utf-8")
    if vector["direction"] == "request":
        sts = signing.request_string_to_sign(vector["method"], vector["path"], vector["timestamp"],
                                             vector["nonce"], body)
    else:
        sts = signing.response_string_to_sign(vector["timestamp"], vector["nonce"], body)
    assert sts == vector["string_to_sign"].encode("utf-8")
    assert signing.verify(vector["key"], sts, vector["sign"]) is vector["must_verify"]
    if vector["must_verify"]:
        assert signing.sign(vector["key"], sts) == vector["sign"]


def test_wrong_key_and_missing_signature_fail() -> None:
    v = VECTORS[0]
    sts = v["string_to_sign"].encode()
    assert not signing.verify("other-key", sts, v["sign"])
    assert not signing.verify(v["key"], sts, None)
    assert not signing.verify(v["key"], sts, "")


def test_nonces_are_valid_and_new() -> None:
    nonces = {signing.new_nonce() for _ in range(200)}
    assert len(nonces) == 200
    assert all(signing.is_valid_nonce(n) for n in nonces)
    assert not signing.is_valid_nonce("short")
    assert not signing.is_valid_nonce("has-dash-0123456789")
