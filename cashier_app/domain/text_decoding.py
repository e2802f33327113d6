"""Bytes of a print.txt file to lines of text, or the reason they are not a receipt (specs/print-txt.md).

Rule: a UTF-8 BOM means UTF-8; bytes that decode as UTF-8 are UTF-8; otherwise GB18030 (a superset of
GBK / code page 936, what tills on Chinese Windows write). The name reported is the one expected.json uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cashier_app.domain.receipt import Refusal, RefusalReason

UTF8 = "utf-8"
GB18030 = "gb18030"

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")

# C0 and C1 control characters other than tab, line feed and carriage return. A few of them (ESC/POS
# commands some templates embed) do not make a file binary; a file made mostly of them is not text.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f]")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")

# Full-width ASCII (！..～) and the ideographic space, as ASCII. Same mapping as
# domain.numbers.fullwidth_to_ascii, but only the runs that need it are translated: the parser is on the
# hot path and str.translate over a whole CJK text is slow.
_FULLWIDTH_TABLE: dict[int, int] = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULLWIDTH_TABLE[0x3000] = 0x20
_FULLWIDTH_RUN = re.compile("[\uff01-\uff5e\u3000]+")


@dataclass(frozen=True)
class DecodedText:
    encoding: str
    text: str


def to_ascii_forms(text: str) -> str:
    """Full-width digits, letters, punctuation (incl. ：（）) and the ideographic space read as ASCII."""
    return _FULLWIDTH_RUN.sub(_translate_run, text)


def _translate_run(match: re.Match[str]) -> str:
    return match.group().translate(_FULLWIDTH_TABLE)


def decode_receipt_bytes(data: bytes, max_bytes: int) -> DecodedText | Refusal:
    """Decode a file's bytes by the spec's rule, or say why they are not (yet) a receipt."""
    size = len(data)
    if size == 0:
        return Refusal(RefusalReason.EMPTY, "0 bytes: the writer may still be filling the file")
    if size > max_bytes:
        return Refusal(RefusalReason.TOO_LARGE, f"{size} bytes, more than the {max_bytes} bytes a receipt may have")
    nul = data.find(b"\x00")
    if nul >= 0:
        hint = " (starts with a UTF-16 byte order mark: the till writes UTF-16)" if data[:2] in _UTF16_BOMS else ""
        return Refusal(RefusalReason.NOT_TEXT, f"NUL byte at offset {nul} of {size} bytes{hint}")

    decoded = _decode(data)
    if isinstance(decoded, Refusal):
        return decoded
    text = decoded.text
    if not text.strip():
        return Refusal(
            RefusalReason.EMPTY, f"{size} bytes but no text, only white space: the writer may still be filling it"
        )
    controls = len(_CONTROL.findall(text))
    if controls:
        visible = len(text) - controls - sum(1 for ch in text if ch.isspace())
        if controls > visible:
            return Refusal(
                RefusalReason.NOT_TEXT,
                f"{controls} control characters against {visible} visible ones ({decoded.encoding})",
            )
    return decoded


def _decode(data: bytes) -> DecodedText | Refusal:
    if data.startswith(_UTF8_BOM):
        try:
            return DecodedText(UTF8, data[len(_UTF8_BOM):].decode(UTF8))
        except UnicodeDecodeError as exc:
            offset = exc.start + len(_UTF8_BOM)
            return Refusal(
                RefusalReason.UNDECODABLE,
                f"UTF-8 byte order mark, but byte 0x{data[offset]:02x} at offset {offset} is not UTF-8",
            )
    try:
        return DecodedText(UTF8, data.decode(UTF8))
    except UnicodeDecodeError:
        pass
    try:
        return DecodedText(GB18030, data.decode(GB18030))
    except UnicodeDecodeError as exc:
        bad = data[exc.start:exc.end].hex(" ")
        return Refusal(
            RefusalReason.UNDECODABLE,
            f"neither UTF-8 nor GB18030/GBK: bytes {bad} at offset {exc.start} of {len(data)}",
        )


def split_lines(text: str) -> tuple[str, ...]:
    """Lines as the till laid them out: CRLF/LF/CR breaks, control characters dropped, trailing spaces
    (not significant) stripped, leading spaces (centring) kept, blank lines at the end dropped."""
    if _CONTROL.search(text):
        text = _CONTROL.sub("", text)
    lines = [line.rstrip() for line in _LINE_BREAK.split(text)]
    while lines and not lines[-1]:
        lines.pop()
    return tuple(lines)
