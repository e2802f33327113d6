"""Amounts: integers in fen (分) everywhere; yuan only as text, by integer arithmetic (never float)."""

from __future__ import annotations


def yuan(fen: int) -> str:
    """1250 → "12.50", 5 → "0.05", -5 → "-0.05"."""
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), 100)
    return f"{sign}{whole}.{cents:02d}"
