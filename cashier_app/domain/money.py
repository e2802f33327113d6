"""Amounts: integers in fen (分) everywhere; yuan only as text, by integer arithmetic (never float)."""

from __future__ import annotations


def yuan(fen: int) -> str:
    """1250 → "12.50", 5 → "0.05", -5 → "-0.05"."""
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), 100)
    return f"{sign}{whole}.{cents:02d}"


def fen_from_yuan(text: str) -> int:
    """"12.50" → 1250, exactly: Alipay's amounts and both platforms' bills are yuan as text.

    At most two decimals; a sign is allowed (Alipay's refund rows are negative). Anything else —
    thousands separators, exponents, a third decimal — is not an amount and raises ValueError.
    """
    value = text.strip()
    sign = 1
    if value[:1] in "+-" and value:
        sign = -1 if value[0] == "-" else 1
        value = value[1:]
    whole, dot, cents = value.partition(".")
    if not whole.isdigit() or not whole.isascii() or (dot and (not cents.isdigit() or not cents.isascii()
                                                               or len(cents) > 2)):
        raise ValueError(f"not an amount in yuan: {text!r}")
    return sign * (int(whole) * 100 + int((cents or "0").ljust(2, "0")))
