"""Amounts: integers in fen (分) everywhere; yuan only as text, by integer arithmetic (never float)."""

from __future__ import annotations

from cashier_app.domain.numbers import fullwidth_to_ascii


def yuan(fen: int, *, grouped: bool = False) -> str:
    """1250 → "12.50", 5 → "0.05", -5 → "-0.05"; `grouped`: 123456789 → "1,234,567.89".

    Plain (not grouped) for files and the platforms' fields; grouped only in format_fen, for people."""
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), 100)
    return f"{sign}{whole:,}.{cents:02d}" if grouped else f"{sign}{whole}.{cents:02d}"


def format_fen(amount_fen: int | None, *, refund: bool = False) -> str:
    """An amount as people read it, on screens and the command line: 12345 → "¥123.45", thousands
    grouped; a refund with a minus sign (-¥12.50); unknown → "—"."""
    if amount_fen is None:
        return "—"
    sign = "-" if (refund and amount_fen != 0) or amount_fen < 0 else ""
    return f"{sign}¥{yuan(abs(amount_fen), grouped=True)}"


def signed_fen(amount_fen: int | None, kind: str) -> int:
    """The amount's contribution to the day's net total: refunds (kind "REFUND") count negative, unknown 0."""
    if amount_fen is None:
        return 0
    return -amount_fen if kind == "REFUND" else amount_fen


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


class AmountError(ValueError):
    """A typed amount that is not a number of yuan with at most two decimals."""


def parse_yuan(text: str) -> int:
    """An amount a person typed: "38.50" → 3850 fen, exactly ("38.5", "38", ".5", "¥38.50",
    "３８．５０", "1,234.00" and "RMB 38.50" too).

    Refuses a sign, more than two decimals and anything that is not a number: an amount typed by
    a manager is a search key, and a rounded one would find the wrong receipts.
    """
    cleaned = fullwidth_to_ascii(text).replace(",", "").strip()
    cleaned = cleaned.removeprefix("RMB").removeprefix("¥").removeprefix("￥").strip()
    if cleaned.startswith("."):
        cleaned = "0" + cleaned
    if cleaned[:1] in ("+", "-"):
        raise AmountError(f"{text!r}: an amount has no sign")
    try:
        return fen_from_yuan(cleaned)
    except ValueError:
        raise AmountError(f"{text!r} is not an amount in yuan with at most two decimals (e.g. 38.50)") from None
