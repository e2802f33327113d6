"""Normalising order numbers and other values typed, scanned or printed by a till."""

from __future__ import annotations

# Full-width ASCII block (！..～) maps onto ASCII by a fixed offset; the ideographic space is separate.
_FULLWIDTH_OFFSET = 0xFEE0
_FULLWIDTH_FIRST = 0xFF01
_FULLWIDTH_LAST = 0xFF5E
_IDEOGRAPHIC_SPACE = "\u3000"


def fullwidth_to_ascii(text: str) -> str:
    """Turn full-width digits, letters and punctuation into ASCII; leave everything else."""
    out = []
    for ch in text:
        code = ord(ch)
        if _FULLWIDTH_FIRST <= code <= _FULLWIDTH_LAST:
            out.append(chr(code - _FULLWIDTH_OFFSET))
        elif ch == _IDEOGRAPHIC_SPACE:
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


# ０-９, Ａ-Ｚ, ａ-ｚ onto their ASCII forms (one table: str.translate, no per-character Python).
_FULLWIDTH_ALNUM = str.maketrans({
    chr(code + _FULLWIDTH_OFFSET): chr(code)
    for code in range(ord("0"), ord("z") + 1)
    if chr(code).isalnum()
})


def fullwidth_alnum_to_ascii(text: str) -> str:
    """Full-width digits and Latin letters (０-９, Ａ-Ｚ, ａ-ｚ) as ASCII; punctuation such as ：（）stays.

    On paper a full-width digit takes two columns: an order number written in them is twice as wide,
    and a wrap could split it. Chinese punctuation keeps its look."""
    return text.translate(_FULLWIDTH_ALNUM)


def normalise_order_number(raw: str) -> str:
    """The spec's normalisation: surrounding white space removed, full-width to ASCII.

    Inner spaces are removed too: a number read off a voucher is often typed in groups.
    """
    return "".join(fullwidth_to_ascii(raw).split())
