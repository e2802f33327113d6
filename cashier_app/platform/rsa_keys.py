"""RSA keys of WeChat Pay and Alipay: SHA256withRSA signatures, PEM files, and the compact form
in which a merchant's private key fits the OS credential store.

Windows Credential Manager holds at most 2,560 bytes a secret (stored as UTF-16: 1,280
characters), and a 2048-bit private key is ~1,700 characters of PEM. The private key is therefore
kept as its two primes and public exponent (`rsa1:` + base64 of a small DER-free structure, ~350
characters for 2048 bits, ~690 for 4096); everything else of the key follows from them, and a
PKCS#1 v1.5 signature is the same whichever valid private exponent computes it.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from typing import TYPE_CHECKING

# cryptography is imported where it is used: a store on the merchant platform API never needs it,
# and loading it costs the app's start 10 MB and a tenth of a second.
if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric import rsa

COMPACT_PREFIX = "rsa1:"
MIN_BITS = 2048
MAX_BITS = 4096


class KeyFormatError(ValueError):
    """Text that is not the key it should be. The message never quotes the text."""


def sign(key: rsa.RSAPrivateKey, message: bytes) -> str:
    """Base64 of RSASSA-PKCS1-v1_5 with SHA-256 (WECHATPAY2-SHA256-RSA2048, Alipay RSA2)."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    return base64.b64encode(key.sign(message, padding.PKCS1v15(), hashes.SHA256())).decode("ascii")


def verify(key: rsa.RSAPublicKey, message: bytes, signature: str | None) -> bool:
    """True only for a valid signature; missing, malformed or wrong ones are False."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    if not signature:
        return False
    try:
        raw = base64.b64decode(signature.strip(), validate=True)
    except (binascii.Error, ValueError):
        return False
    try:
        key.verify(raw, message, padding.PKCS1v15(), hashes.SHA256())
    except InvalidSignature:
        return False
    return True


# -- private keys -------------------------------------------------------------------------------

def load_private_pem(text: str | bytes) -> rsa.RSAPrivateKey:
    """An RSA private key from PEM (PKCS#8 `BEGIN PRIVATE KEY` or PKCS#1 `BEGIN RSA PRIVATE KEY`),
    or from the bare base64 body that Alipay's key tool hands out."""
    from cryptography.exceptions import UnsupportedAlgorithm
    from cryptography.hazmat.primitives import serialization

    data = text.encode("ascii", "replace") if isinstance(text, str) else text
    data = data.strip()
    if b"-----BEGIN" not in data:
        body = b"".join(data.split())
        data = b"-----BEGIN PRIVATE KEY-----\n" + body + b"\n-----END PRIVATE KEY-----\n"
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except TypeError:
        raise KeyFormatError("the private key is protected by a password: export it without one") from None
    except (ValueError, UnsupportedAlgorithm):
        raise KeyFormatError("not a PEM private key") from None
    return _checked_private(key)


def _checked_private(key: object) -> rsa.RSAPrivateKey:
    from cryptography.hazmat.primitives.asymmetric import rsa

    if not isinstance(key, rsa.RSAPrivateKey):
        raise KeyFormatError("not an RSA private key (WeChat Pay and Alipay sign with RSA)")
    if not MIN_BITS <= key.key_size <= MAX_BITS:
        raise KeyFormatError(f"an RSA key of {key.key_size} bits; {MIN_BITS} to {MAX_BITS} are accepted")
    return key


def to_compact(key: rsa.RSAPrivateKey) -> str:
    """The private key as a short text for the credential store: `rsa1:` e, p and q."""
    numbers = key.private_numbers()
    parts = [numbers.public_numbers.e, numbers.p, numbers.q]
    raw = b"".join(_length_prefixed(n) for n in parts)
    return COMPACT_PREFIX + base64.b64encode(raw).decode("ascii")


def from_compact(text: str) -> rsa.RSAPrivateKey:
    from cryptography.hazmat.primitives.asymmetric import rsa

    if not text.startswith(COMPACT_PREFIX):
        raise KeyFormatError("not a stored private key")
    try:
        raw = base64.b64decode(text[len(COMPACT_PREFIX):], validate=True)
        e, p, q = _read_numbers(raw, 3)
    except (binascii.Error, ValueError):
        raise KeyFormatError("the stored private key is damaged: store it again") from None
    try:
        d = pow(e, -1, (p - 1) * (q - 1))
        numbers = rsa.RSAPrivateNumbers(
            p=p, q=q, d=d, dmp1=rsa.rsa_crt_dmp1(d, p), dmq1=rsa.rsa_crt_dmq1(d, q), iqmp=rsa.rsa_crt_iqmp(p, q),
            public_numbers=rsa.RSAPublicNumbers(e, p * q))
        return _checked_private(numbers.private_key())
    except ValueError:
        raise KeyFormatError("the stored private key is damaged: store it again") from None


def private_key_from_secret(secret: str) -> rsa.RSAPrivateKey:
    """The key as the credential store keeps it (compact), or as PEM (a key given directly)."""
    return from_compact(secret) if secret.startswith(COMPACT_PREFIX) else load_private_pem(secret)


def private_pem(key: rsa.RSAPrivateKey) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def _length_prefixed(value: int) -> bytes:
    body = value.to_bytes((value.bit_length() + 7) // 8 or 1, "big")
    return len(body).to_bytes(2, "big") + body


def _read_numbers(raw: bytes, count: int) -> list[int]:
    numbers, at = [], 0
    for _ in range(count):
        if at + 2 > len(raw):
            raise ValueError("short")
        size = int.from_bytes(raw[at:at + 2], "big")
        at += 2
        if size == 0 or at + size > len(raw):
            raise ValueError("short")
        numbers.append(int.from_bytes(raw[at:at + size], "big"))
        at += size
    if at != len(raw):
        raise ValueError("trailing bytes")
    return numbers


# -- public keys and certificates ---------------------------------------------------------------

@dataclass(frozen=True)
class PlatformCertificate:
    serial_no: str  # upper-case hex, as WeChat sends it in Wechatpay-Serial
    key: rsa.RSAPublicKey
    not_before: float
    not_after: float


def load_public_pem(text: str | bytes) -> rsa.RSAPublicKey:
    """A public key from PEM (`BEGIN PUBLIC KEY`), or the bare base64 body Alipay's site shows."""
    from cryptography.exceptions import UnsupportedAlgorithm
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    data = text.encode("ascii", "replace") if isinstance(text, str) else text
    data = data.strip()
    if b"-----BEGIN" not in data:
        body = b"".join(data.split())
        data = b"-----BEGIN PUBLIC KEY-----\n" + body + b"\n-----END PUBLIC KEY-----\n"
    try:
        key = serialization.load_pem_public_key(data)
    except (ValueError, UnsupportedAlgorithm):
        raise KeyFormatError("not a PEM public key") from None
    if not isinstance(key, rsa.RSAPublicKey):
        raise KeyFormatError("not an RSA public key")
    return key


def load_certificates(text: str | bytes) -> list[PlatformCertificate]:
    """Every certificate in a PEM bundle (WeChat rotates its platform certificates: two can be valid)."""
    from cryptography import x509
    from cryptography.hazmat.primitives.asymmetric import rsa

    data = text.encode("ascii", "replace") if isinstance(text, str) else text
    try:
        certs = x509.load_pem_x509_certificates(data)
    except ValueError:
        raise KeyFormatError("not a PEM certificate") from None
    found = []
    for cert in certs:
        key = cert.public_key()
        if not isinstance(key, rsa.RSAPublicKey):
            raise KeyFormatError("a certificate without an RSA key")
        found.append(PlatformCertificate(f"{cert.serial_number:X}", key, cert.not_valid_before_utc.timestamp(),
                                         cert.not_valid_after_utc.timestamp()))
    if not found:
        raise KeyFormatError("no certificate in the file")
    return found


def public_pem(key: rsa.RSAPublicKey) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


def new_private_key(bits: int = 2048) -> rsa.RSAPrivateKey:
    from cryptography.hazmat.primitives.asymmetric import rsa

    return rsa.generate_private_key(public_exponent=65537, key_size=bits)
