"""Amounts: integers in fen (分) everywhere; yuan only as text, by integer arithmetic (never float)."""

from __future__ import annotations


def yuan(fen: int) -> str:
    """1250 → "12.50", 5 → "0.05", -5 → "-0.05"."""
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), 100)
    return f"{sign}{whole}.{cents:02d}"


class AmountError(ValueError):
    """A typed amount that is not a number of yuan with at most two decimals."""


def parse_yuan(text: str) -> int:
    """"38.50" → 3850 fen, exactly ("38.5", "38", "¥38.50", "３８．５０" and "RMB 38.50" too).

    Refuses more than two decimals, signs and anything that is not a number: an amount typed by
    a manager is a search key, and a rounded one would find the wrong receipts.
    """
    cleaned = text
    for full, ascii_ in (("．", "."), ("，", ""), (",", "")):
        cleaned = cleaned.replace(full, ascii_)
    cleaned = "".join(ch if not "０" <= ch <= "９" else chr(ord(ch) - 0xFEE0) for ch in cleaned)
    cleaned = cleaned.strip().removeprefix("RMB").removeprefix("¥").removeprefix("￥").strip()
    whole, dot, cents = cleaned.partition(".")
    if not whole and dot and cents:
        whole = "0"  # ".5"
    if not whole.isascii() or not whole.isdigit() or (dot and (not cents.isascii() or not cents.isdigit())):
        raise AmountError(f"{text!r} is not an amount in yuan (e.g. 38.50)")
    if len(cents) > 2:
        raise AmountError(f"{text!r} has more than two decimals (yuan have fen, 0.01)")
    return int(whole) * 100 + int((cents or "0").ljust(2, "0"))
