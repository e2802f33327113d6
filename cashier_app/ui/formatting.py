"""Language-independent formatting (no Qt): amounts in fen to yuan text."""

from __future__ import annotations


def format_fen(amount_fen: int | None, *, refund: bool = False) -> str:
    """12345 -> "¥123.45"; a refund is shown with a minus sign; unknown -> "—". Thousands are grouped."""
    if amount_fen is None:
        return "—"
    sign = "-" if (refund and amount_fen != 0) or amount_fen < 0 else ""
    yuan, fen = divmod(abs(amount_fen), 100)
    return f"{sign}¥{yuan:,}.{fen:02d}"


def signed_fen(amount_fen: int | None, kind: str) -> int:
    """The amount's contribution to the day's net total: refunds count negative, unknown counts 0."""
    if amount_fen is None:
        return 0
    return -amount_fen if kind == "REFUND" else amount_fen
