"""How many columns text takes on a receipt printer; wrapping and centring (specs/escpos.md rule 2).

Printers count columns, not characters: a hanzi takes two columns (one "hanzi cell"), ASCII one.
58 mm paper holds 32 columns, 80 mm 48 (or 42). The app wraps lines itself, never the printer,
and never splits a character.

Three ways of counting, chosen by the profile's character set (see `WidthModel`):
- a GB/Big5 printer in Chinese mode prints every multi-byte character in a full hanzi cell,
  including the "ambiguous" ones (— · ° × é ①), so every non-ASCII character is 2;
- a UTF-8 printer: East-Asian wide/full-width (and, on Chinese fonts, ambiguous) = 2,
  combining marks = 0, others 1;
- a single-byte code page: every byte is one column.
"""

from __future__ import annotations

import re
import unicodedata
from enum import Enum

TAB_SIZE = 8
_GAPS = re.compile(r"( {2,})")

# Kinsoku: these must not start a line ...
_NO_LINE_START = frozenset("，。、：；！？）」』】》〉〕…—,.;:!?)]}%·・”’")
# ... and these must not end one.
_NO_LINE_END = frozenset("（「『【《〈〔“‘([{")


class WidthModel(Enum):
    # W/F = 2, combining and format characters = 0, everything else 1.
    EAST_ASIAN = "east-asian"
    # As EAST_ASIAN, but ambiguous characters (° × — é ...) = 2, as a Chinese font prints them.
    EAST_ASIAN_WIDE_AMBIGUOUS = "east-asian-wide-ambiguous"
    # GB18030/GBK/GB2312/Big5 in Chinese mode: ASCII = 1, any other character = 2.
    DOUBLE_BYTE = "double-byte"
    # Single-byte code page: every character = 1 (the text has been reduced to the code page).
    SINGLE_BYTE = "single-byte"


_cache: dict[WidthModel, dict[str, int]] = {model: {} for model in WidthModel}


def char_width(ch: str, model: WidthModel = WidthModel.EAST_ASIAN) -> int:
    """Columns taken by one character (a str of length 1)."""
    cache = _cache[model]
    width = cache.get(ch)
    if width is None:
        width = _compute_char_width(ch, model)
        cache[ch] = width
    return width


def _compute_char_width(ch: str, model: WidthModel) -> int:
    code = ord(ch)
    if 0x20 <= code < 0x7F:
        return 1
    if code < 0x20 or 0x7F <= code < 0xA0:
        return 0  # control characters print nothing (layout removes them anyway)
    if model is WidthModel.SINGLE_BYTE:
        return 1
    if model is WidthModel.DOUBLE_BYTE:
        return 2
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    eaw = unicodedata.east_asian_width(ch)
    if eaw in ("W", "F"):
        return 2
    if eaw == "A" and model is WidthModel.EAST_ASIAN_WIDE_AMBIGUOUS:
        return 2
    return 1


def text_width(text: str, model: WidthModel = WidthModel.EAST_ASIAN) -> int:
    """Columns taken by a line of text (no line breaks in it)."""
    if text.isascii():
        if text.isprintable():
            return len(text)
        return sum(1 for ch in text if " " <= ch < "\x7f")
    if model is WidthModel.DOUBLE_BYTE and text.isprintable():
        # Every non-ASCII character is 2; count the ASCII ones at C speed.
        return 2 * len(text) - len(text.encode("ascii", "ignore"))
    if model is WidthModel.SINGLE_BYTE and text.isprintable():
        return len(text)
    cache = _cache[model]
    total = 0
    for ch in text:
        width = cache.get(ch)
        if width is None:
            width = char_width(ch, model)
        total += width
    return total


def expand_tabs(text: str, model: WidthModel = WidthModel.EAST_ASIAN, tab_size: int = TAB_SIZE) -> str:
    """Tabs to spaces, stopping at multiples of `tab_size` columns (not characters)."""
    if "\t" not in text:
        return text
    out: list[str] = []
    column = 0
    for ch in text:
        if ch == "\t":
            pad = tab_size - column % tab_size
            out.append(" " * pad)
            column += pad
        else:
            out.append(ch)
            column += char_width(ch, model)
    return "".join(out)


def centre(text: str, columns: int, model: WidthModel = WidthModel.EAST_ASIAN) -> str:
    """The text with leading spaces that centre it on `columns` (left half rounds down).

    Text as wide as the paper or wider comes back unchanged (wrap it first).
    """
    text = text.strip(" ")
    width = text_width(text, model)
    if width >= columns:
        return text
    return " " * ((columns - width) // 2) + text


def fit_width(text: str, columns: int, model: WidthModel = WidthModel.EAST_ASIAN) -> int:
    """How many characters of `text`, from its start, fit in `columns` (zero-width marks stay with their base)."""
    total = 0
    cache = _cache[model]
    for index, ch in enumerate(text):
        width = cache.get(ch)
        if width is None:
            width = char_width(ch, model)
        if total + width > columns:
            return index
        total += width
    return len(text)


def _is_break(text: str, index: int, model: WidthModel) -> bool:
    """May a line end before text[index]? (0 < index < len(text))"""
    before, after = text[index - 1], text[index]
    if after in _NO_LINE_START or before in _NO_LINE_END:
        return False
    if before == " " or after == " ":
        return True
    if char_width(after, model) == 0:
        return False
    # CJK text breaks between any two characters; Latin words and numbers only at spaces.
    return char_width(before, model) == 2 or char_width(after, model) == 2


def wrap_line(line: str, columns: int, model: WidthModel = WidthModel.EAST_ASIAN) -> list[str]:
    """Break a line into pieces no wider than `columns`.

    - A line that fits comes back as it is.
    - A line too wide only because of its indentation (centred for wider paper) is re-centred.
    - A line whose inner gaps of spaces (columns laid out for wider paper) can give up enough
      spaces is kept on one line, its widest gaps narrowed (one space always stays).
    - Otherwise its indentation is kept on every piece when it is modest (up to a third of the
      paper), and dropped when it is not (it was centring, which means nothing once wrapped).
    - Breaks fall between CJK characters or at spaces, never before closing punctuation; a word or
      number that fits on a line of its own moves to the next line whole, and is only cut when it
      is wider than the paper itself.
    """
    if columns <= 0:
        raise ValueError("columns must be positive")
    if text_width(line, model) <= columns:
        return [line]
    body = line.lstrip(" ")
    indent = len(line) - len(body)
    body = body.rstrip(" ")
    body_width = text_width(body, model)
    if body_width <= columns:
        return [" " * min(indent, (columns - body_width) // 2) + body] if body else [""]
    # Columns padded apart for wider paper: narrow the widest gaps rather than break the line.
    squeezed = _squeeze_gaps(body, body_width - columns)
    if squeezed is not None:
        return [squeezed]
    if indent > columns // 3:
        indent = 0
    available = columns - indent
    # A piece must hold at least one character of width 2.
    if available < 2:
        indent, available = 0, columns
    pad = " " * indent
    pieces: list[str] = []
    rest = body
    while text_width(rest, model) > available:
        # Zero-width marks always fit, so the character at `cut` has a width: a base character
        # is never separated from its combining marks.
        cut = fit_width(rest, available, model) or 1
        cut = _best_break(rest, cut, available, model)
        head = rest[:cut].rstrip(" ")
        pieces.append(pad + head)
        rest = rest[cut:].lstrip(" ")
    if rest:
        pieces.append(pad + rest)
    return pieces


def _squeeze_gaps(text: str, excess: int) -> str | None:
    """`text` with `excess` spaces taken from its widest inner gaps (one space left in each), or None."""
    parts = _GAPS.split(text)
    # parts alternate: text, gap, text, gap, ..., text
    gaps = [len(gap) for gap in parts[1::2]]
    if sum(width - 1 for width in gaps) < excess:
        return None
    for _ in range(excess):
        widest = max(range(len(gaps)), key=gaps.__getitem__)
        gaps[widest] -= 1
    out = [parts[0]]
    for gap, chunk in zip(gaps, parts[2::2], strict=True):
        out.append(" " * gap)
        out.append(chunk)
    return "".join(out)


def _best_break(text: str, cut: int, available: int, model: WidthModel) -> int:
    """Where to end a line that can hold text[:cut]: at `cut` if that is a break, else earlier.

    Going back to an earlier break is worth it only when the word it moves to the next line fits
    on that line whole; otherwise the line is filled and the word cut.
    """
    if cut >= len(text) or _is_break(text, cut, model):
        return cut
    start = cut - 1
    while start > 0 and not _is_break(text, start, model):
        start -= 1
    if start == 0:
        return cut
    end = cut + 1
    while end < len(text) and not _is_break(text, end, model):
        end += 1
    word = text[start:end].strip(" ")
    if text_width(word, model) <= available:
        return start
    return cut
