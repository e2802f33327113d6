"""Receipt text to the printer's bytes, per character set (specs/escpos.md, "Library").

python-escpos's own encoding is not used: it sends Chinese punctuation as '?' and `¥` as a
4-byte GB18030 sequence. Here every character either
- encodes in the printer's set as it is (for GBK, GB2312 and Big5 never as a 4-byte sequence:
  those codecs have none; only a GB18030 printer gets 4-byte sequences),
- or is replaced deliberately, from `REPLACEMENTS` below (¥ → ￥ on GBK/GB2312 printers,
  Chinese punctuation → ASCII on single-byte code pages, full-width letters and digits → ASCII),
- or, when the set has nothing close, is printed as a placeholder of the same width
  ('□' or '??' for a wide character, '?' for a narrow one) AND reported, so that the caller
  can warn. Nothing turns into '?' silently.

Before that, text is cleaned: control characters (an ESC or GS in a print.txt would be a printer
command) are removed and reported; invisible characters (zero-width space, BOM, soft hyphen) are
dropped; a no-break space becomes a space; text is put in NFC form so that 'e' + combining acute
prints as 'é'.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from cashier_app.domain.numbers import fullwidth_to_ascii

DOUBLE_BYTE_CHARSETS = frozenset({"gb18030", "gbk", "gb2312", "big5"})
SINGLE_BYTE_CHARSETS = frozenset({"cp437", "cp850", "cp858", "cp866", "cp1252"})
MULTI_BYTE_CHARSETS = DOUBLE_BYTE_CHARSETS | {"utf-8"}
SUPPORTED_CHARSETS = MULTI_BYTE_CHARSETS | SINGLE_BYTE_CHARSETS

# Deliberate replacements, tried in order; the first one the printer's set can encode is used.
# A character is looked up here only when the set cannot encode it as it is.
REPLACEMENTS: dict[str, tuple[str, ...]] = {
    # Currency. GBK and GB2312 have no U+00A5 (GB18030 only as a 4-byte sequence); every Chinese
    # set has the full-width yuan sign A3A4. Big5 and the code pages have only the narrow one.
    "¥": ("￥", "RMB"),
    "￥": ("¥", "RMB"),
    "€": ("EUR",),
    "£": ("GBP",),
    # Chinese punctuation without a full-width ASCII twin (those are handled by rule below).
    "。": (".",),
    "、": (",",),
    "「": ('"',),
    "」": ('"',),
    "『": ('"',),
    "』": ('"',),
    "【": ("[",),
    "】": ("]",),
    "〔": ("(",),
    "〕": (")",),
    "《": ("<<",),
    "》": (">>",),
    "〈": ("<",),
    "〉": (">",),
    "“": ('"',),
    "”": ('"',),
    "‘": ("'",),
    "’": ("'",),
    "—": ("―", "-"),
    "―": ("—", "-"),
    "–": ("-",),
    "…": ("...",),
    "·": ("・", "."),
    "・": ("·", "."),
    "•": ("·", "*"),
    "×": ("x",),
    "÷": ("/",),
    "℃": ("°C", "C"),
    "〇": ("零", "0"),
    "№": ("No.",),
    "\u3000": ("  ",),  # ideographic space: two columns
    # Box drawing on sets without it (cp1252).
    "─": ("-",),
    "━": ("─", "-"),
    "═": ("=",),
    "│": ("|",),
    "┃": ("│", "|"),
    "║": ("|",),
    **{corner: ("+",) for corner in "┌┐└┘├┤┬┴┼╔╗╚╝╠╣╦╩╬"},
}

# Characters that force the careful path: controls, invisible ones, private use (printer-specific
# glyphs in the user-defined areas of GBK/Big5), surrogates, and no-break space.
_NEEDS_CARE = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\xa0\xad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff\ue000-\uf8ff\ud800-\udfff]"
)
_INVISIBLE = frozenset(
    "\xad\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff\u202a\u202b\u202c\u202d\u202e"
)
_SPACES = frozenset("\xa0\u2028\u2029")
_NOT_TEXT = re.compile("[\ue000-\uf8ff\ud800-\udfff]")

CODECS: dict[str, str] = {name: name for name in SUPPORTED_CHARSETS}


@dataclass(frozen=True)
class PreparedText:
    """Text reduced to what the printer's set holds, and what had to be done to get there."""

    text: str
    # Characters the set lacks and that had no deliberate replacement (printed as placeholders).
    missing: tuple[str, ...] = ()
    # Control characters removed (never sent: they would be printer commands).
    controls: tuple[str, ...] = ()


class TextEncoder:
    """Encodes receipt text for one character set. Cheap to keep: it caches per character."""

    def __init__(self, charset: str) -> None:
        charset = charset.lower()
        if charset not in SUPPORTED_CHARSETS:
            raise ValueError(f"unsupported character set {charset!r}; one of {sorted(SUPPORTED_CHARSETS)}")
        self.charset = charset
        self.codec = CODECS[charset]
        self.double_byte = charset in DOUBLE_BYTE_CHARSETS
        self.single_byte = charset in SINGLE_BYTE_CHARSETS
        # char -> (printable text, True if it is a placeholder for a missing character)
        self._chars: dict[str, tuple[str, bool]] = {}

    def can_encode(self, text: str) -> bool:
        try:
            text.encode(self.codec)
        except UnicodeEncodeError:
            return False
        return True

    def prepare(self, text: str) -> PreparedText:
        """The text as this printer can print it (tabs are kept; the caller expands them)."""
        controls: tuple[str, ...] = ()
        careful = _NEEDS_CARE.search(text) is not None
        if careful:
            text, controls = _clean(text)
        if not text.isascii() and not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
        # Whole line at C speed when it can be; private-use and surrogate characters encode in
        # some codecs but must not reach a printer, so they always go character by character.
        if (not careful or _NOT_TEXT.search(text) is None) and self.can_encode(text):
            return PreparedText(text, (), controls)
        missing: list[str] = []
        out: list[str] = []
        chars = self._chars
        for ch in text:
            known = chars.get(ch) or self._char(ch)
            out.append(known[0])
            if known[1]:
                missing.append(ch)
        return PreparedText("".join(out), tuple(missing), controls)

    def _char(self, ch: str) -> tuple[str, bool]:
        known = self._chars.get(ch)
        if known is None:
            known = self._resolve(ch)
            self._chars[ch] = known
        return known

    def _resolve(self, ch: str) -> tuple[str, bool]:
        code = ord(ch)
        private_use = 0xE000 <= code <= 0xF8FF or 0xD800 <= code <= 0xDFFF
        if ch == "\t" or (not private_use and self.can_encode(ch)):
            return ch, False
        for candidate in REPLACEMENTS.get(ch, ()):
            if self.can_encode(candidate):
                return candidate, False
        ascii_twin = fullwidth_to_ascii(ch)
        if ascii_twin != ch and self.can_encode(ascii_twin):
            return ascii_twin, False
        decomposed = unicodedata.normalize("NFKD", ch)
        base = "".join(c for c in decomposed if not unicodedata.combining(c))
        if base and base != ch and base.isascii() and base.isprintable():
            return base, False  # 'ő' → 'o', 'ﬁ' → 'fi': what a printer without the letter can do
        return self._placeholder(ch), True

    def _placeholder(self, ch: str) -> str:
        wide = unicodedata.east_asian_width(ch) in ("W", "F")
        if wide and not self.single_byte and self.can_encode("□"):
            return "□"
        return "??" if wide else "?"

    def encode(self, prepared: str) -> bytes:
        """Bytes of text that `prepare` returned (raises on anything else: a bug, not a receipt)."""
        return prepared.encode(self.codec)


def _clean(text: str) -> tuple[str, tuple[str, ...]]:
    """Controls removed (and returned), invisible characters dropped, odd spaces made spaces; tabs kept."""
    controls: list[str] = []
    cleaned: list[str] = []
    for ch in text:
        if ch in _SPACES:
            cleaned.append(" ")
        elif ch in _INVISIBLE:
            continue
        elif ch != "\t" and unicodedata.category(ch) == "Cc":
            controls.append(ch)
        else:
            cleaned.append(ch)
    return "".join(cleaned), tuple(controls)


def encode_text(text: str, charset: str) -> tuple[bytes, PreparedText]:
    """One-off: prepare and encode `text` for `charset` (layout keeps a TextEncoder instead)."""
    encoder = TextEncoder(charset)
    prepared = encoder.prepare(text)
    return encoder.encode(prepared.text), prepared


def describe_char(ch: str) -> str:
    """'谢' (U+8C22 CJK UNIFIED IDEOGRAPH-8C22), for warnings a technician can act on."""
    code = f"U+{ord(ch):04X}"
    name = unicodedata.name(ch, "")
    label = f"{code} {name}" if name else code
    return f"'{ch}' ({label})" if ch.isprintable() else label
