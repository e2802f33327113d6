"""Receipt layout: lines of text to the ESC/POS bytes a receipt printer takes (specs/escpos.md).

    ESC @                               reset
    FS &            (GB18030/GBK/GB2312/Big5/UTF-8)  Chinese mode on
    FS . ESC t n    (single-byte code page)          Chinese mode off, code page n
    [reprint header: GS ! 0x11 "重打小票 REPRINT" GS ! 0x00, copy number, time, reason, rule]
    text lines, each wrapped to the paper and ended by LF
    [QR: LF, ESC a 1, GS ( k model/size/EC/store/print, ESC a 0]
    [CODE128: LF, ESC a 1, GS h, GS w, GS f, GS H, GS k 73 n data, ESC a 0]
    [ESC p 0 25 250   cash drawer, when configured and not a reprint]
    GS V 66 n (feed n and cut) | ESC d n (feed only, no cutter)

The byte values are those of python-escpos 3.1's constants (tests compare them); the text is
encoded here (text_encoding), not by python-escpos. Layout is pure: no I/O, no clock.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from cashier_app.domain.numbers import fullwidth_alnum_to_ascii
from cashier_app.printing.profiles import Profile
from cashier_app.printing.settings import PrinterSettings
from cashier_app.printing.text_encoding import TextEncoder, describe_char
from cashier_app.printing.text_width import WidthModel, centre, expand_tabs, text_width, wrap_line

ESC = b"\x1b"
GS = b"\x1d"
FS = b"\x1c"
LF = b"\n"
INIT = ESC + b"@"
CHINESE_MODE_ON = FS + b"&"
CHINESE_MODE_OFF = FS + b"."
SELECT_CODEPAGE = ESC + b"t"
CHAR_SIZE = GS + b"!"
SIZE_NORMAL = CHAR_SIZE + b"\x00"
SIZE_DOUBLE = CHAR_SIZE + b"\x11"  # width x2 (high nibble 1), height x2 (low nibble 1)
ALIGN_LEFT = ESC + b"a\x00"
ALIGN_CENTRE = ESC + b"a\x01"
FEED_LINES = ESC + b"d"
CUT_AFTER_FEED = GS + b"V" + bytes([66])  # GS V 66 n: feed to the cutter plus n dots, then cut
DRAWER_KICK = ESC + b"p" + bytes([0, 25, 250])  # pin 2, 50 ms on, 500 ms off
QR_PREFIX = GS + b"(k"
BARCODE_HEIGHT = GS + b"h"
BARCODE_WIDTH = GS + b"w"
BARCODE_HRI_FONT_A = GS + b"f\x00"
BARCODE_HRI_BELOW = GS + b"H\x02"
BARCODE_CODE128 = GS + b"k" + bytes([73])

# Extra paper after the cutting position (dots of 0.125 mm): a small bottom margin.
CUT_FEED_DOTS = 24
# Lines fed when there is no cutter, so the last line clears the tear bar.
TEAR_FEED_LINES = 5
BARCODE_HEIGHT_DOTS = 80
QR_EC_LEVEL_M = 1
QR_MAX_MODULE_DOTS = 8
# Byte-mode capacity of QR versions 1..40 at error correction M.
_QR_CAPACITY_M = (
    14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412, 450, 504, 560, 624, 666,
    711, 779, 857, 911, 997, 1059, 1125, 1190, 1264, 1370, 1452, 1538, 1628, 1722, 1809, 1911, 1989,
    2099, 2213, 2331,
)
_QR_QUIET_MODULES = 8  # four modules of quiet zone on each side

# A line that is nothing but one rule character repeated: a divider, fitted to the paper.
_DIVIDER = re.compile(r"^ *([-=*_~#+.─━═·－＝＊])\1{7,} *$")
_DIVIDER_MIN_WIDTH = 24
_LINE_BREAK = re.compile(r"\r\n|\r|\n")

# Warning codes (the start of each warning, before ': ').
UNENCODABLE = "UNENCODABLE"
CONTROL_REMOVED = "CONTROL_REMOVED"
QR_TOO_LONG = "QR_TOO_LONG"
BARCODE_NOT_ASCII = "BARCODE_NOT_ASCII"
BARCODE_TOO_WIDE = "BARCODE_TOO_WIDE"
_MAX_LISTED_CHARS = 8


@dataclass(frozen=True)
class ReprintMark:
    """Printed at the top of a reprint: which copy, when it was reprinted, and why."""

    copy_no: int
    reprinted_at: str
    reason: str = ""


@dataclass(frozen=True)
class RecordMark:
    """Printed at the top of an order's first receipt made from the platform's record (its print.txt
    never came): the customer's only receipt, so not a reprint, but not the till's own either."""

    printed_at: str


@dataclass(frozen=True)
class LayoutOptions:
    cutter: bool = True
    drawer_kick: bool = False
    # Printed as a native QR code (GS ( k), data as UTF-8: usually the merchant order number.
    qr_data: str | None = None
    # Printed as CODE128 when it is printable ASCII; otherwise left out with a warning.
    barcode_data: str | None = None
    reprint: ReprintMark | None = None
    record: RecordMark | None = None

    @classmethod
    def for_printer(
        cls,
        printer: PrinterSettings,
        *,
        qr_data: str | None = None,
        barcode_data: str | None = None,
        reprint: ReprintMark | None = None,
        record: RecordMark | None = None,
    ) -> LayoutOptions:
        """Options for a configured printer (its cutter and cash drawer)."""
        return cls(
            cutter=printer.cutter,
            drawer_kick=printer.drawer_kick,
            qr_data=qr_data,
            barcode_data=barcode_data,
            reprint=reprint,
            record=record,
        )


@dataclass(frozen=True)
class LayoutResult:
    # The bytes to send to the printer, from ESC @ to the cut.
    payload: bytes
    # "CODE: detail" for each thing the printer will not show as the receipt had it.
    warnings: tuple[str, ...]
    # The text lines as printed (after replacement and wrapping), reprint header included, and
    # the blank line before each code.
    lines: tuple[str, ...]


_DEFAULT_OPTIONS = LayoutOptions()


def layout_receipt(
    lines: Sequence[str], profile: Profile, options: LayoutOptions = _DEFAULT_OPTIONS
) -> LayoutResult:
    """Lay receipt lines out for `profile`: wrapped to its columns, encoded in its character set."""
    writer = _Writer(profile)
    writer.start()
    if options.reprint is not None:
        writer.reprint_header(options.reprint)
    elif options.record is not None:
        writer.record_header(options.record)
    for number, line in enumerate(lines, start=1):
        # Not str.splitlines(): it also splits at FS, GS and RS, which are commands to remove.
        parts = _LINE_BREAK.split(line) if ("\n" in line or "\r" in line) else (line,)
        for part in parts:
            writer.text_line(part, number)
    if options.qr_data:
        writer.qr(options.qr_data)
    if options.barcode_data:
        writer.barcode(options.barcode_data)
    # A reprint, or a receipt printed afterwards from the platform's record, never opens the cash
    # drawer: no money changes hands.
    if options.drawer_kick and options.reprint is None and options.record is None:
        writer.out += DRAWER_KICK
    writer.finish(options.cutter)
    return LayoutResult(bytes(writer.out), writer.warnings(), tuple(writer.printed))


class _Writer:
    """Accumulates the payload, the printed lines and what went wrong, for one receipt."""

    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        self.encoder = _encoder(profile.charset)
        self.model: WidthModel = profile.width_model
        self.out = bytearray()
        self.printed: list[str] = []
        # missing character -> line numbers where it was
        self._missing: dict[str, list[int]] = {}
        self._controls: dict[int, int] = {}
        self._other: list[str] = []

    # -- framing

    def start(self) -> None:
        self.out += INIT
        if self.profile.single_byte:
            self.out += CHINESE_MODE_OFF + SELECT_CODEPAGE + bytes([self.profile.codepage])
        else:
            self.out += CHINESE_MODE_ON

    def finish(self, cutter: bool) -> None:
        if cutter:
            self.out += CUT_AFTER_FEED + bytes([CUT_FEED_DOTS])
        else:
            self.out += FEED_LINES + bytes([TEAR_FEED_LINES])

    # -- text

    def _prepare(self, text: str, number: int) -> str:
        prepared = self.encoder.prepare(text)
        for ch in prepared.missing:
            found = self._missing.setdefault(ch, [])
            if not found or found[-1] != number:
                found.append(number)
        if prepared.controls:
            self._controls[number] = self._controls.get(number, 0) + len(prepared.controls)
        result = prepared.text
        if "\t" in result:
            result = expand_tabs(result, self.model)
        return result.rstrip()

    def text_line(self, raw: str, number: int) -> None:
        # Full-width digits and letters print as ASCII: an order number is half as wide, and stays whole.
        text = self._prepare(fullwidth_alnum_to_ascii(raw.rstrip()), number) if raw else ""
        columns = self.profile.columns
        if not text:
            self.printed.append("")
            self.out += LF
            return
        width = text_width(text, self.model)
        divider = _DIVIDER.match(text)
        if divider is not None and (width > columns or width >= _DIVIDER_MIN_WIDTH):
            rule = divider.group(1)
            text = rule * (columns // text_width(rule, self.model))
            width = columns
        pieces = [text] if width <= columns else (
            _split_pairs(text, columns, self.model) or _split_label_value(text, columns, self.model)
            or wrap_line(text, columns, self.model))
        for piece in pieces:
            self.printed.append(piece)
            self.out += self.encoder.encode(piece) + LF

    def _centred(self, text: str, number: int, columns: int) -> None:
        prepared = self._prepare(text, number)
        for piece in wrap_line(prepared, columns, self.model):
            line = centre(piece, columns, self.model)
            self.printed.append(line)
            self.out += self.encoder.encode(line) + LF

    def reprint_header(self, mark: ReprintMark) -> None:
        chinese = self.encoder.can_encode("重打小票副本时间原因")
        title = "重打小票 REPRINT" if chinese else "REPRINT"
        copy = f"副本 COPY {mark.copy_no}" if chinese else f"COPY {mark.copy_no}"
        when = f"重打时间 {mark.reprinted_at}" if chinese else f"TIME {mark.reprinted_at}"
        reason = (f"原因 {mark.reason}" if chinese else f"REASON {mark.reason}") if mark.reason else ""
        self._header(title, (copy, when, reason))

    def record_header(self, mark: RecordMark) -> None:
        chinese = self.encoder.can_encode("补打小票据平台记录时间")
        title = "补打小票" if chinese else "RECEIPT"
        source = "据平台记录打印" if chinese else "FROM THE PLATFORM'S RECORD"
        when = f"打印时间 {mark.printed_at}" if chinese else f"TIME {mark.printed_at}"
        self._header(title, (source, when))

    def _header(self, title: str, lines: Sequence[str]) -> None:
        """A title in double size, centred lines under it (empty ones left out), and a rule."""
        columns = self.profile.columns
        self.out += SIZE_DOUBLE
        self._centred(title, 0, columns // 2)
        self.out += SIZE_NORMAL
        for line in lines:
            if line:
                self._centred(line, 0, columns)
        rule = "=" * columns
        self.printed.append(rule)
        self.out += rule.encode("ascii") + LF

    # -- codes

    def qr(self, data: str) -> None:
        raw = data.encode("utf-8")
        version = next((v for v, cap in enumerate(_QR_CAPACITY_M, start=1) if len(raw) <= cap), None)
        if version is None:
            self._other.append(f"{QR_TOO_LONG}: {len(raw)} bytes do not fit in a QR code; QR left out")
            return
        modules = 17 + 4 * version + _QR_QUIET_MODULES
        module_dots = min(QR_MAX_MODULE_DOTS, self.profile.dots // modules)
        if module_dots < 1:
            self._other.append(f"{QR_TOO_LONG}: a QR code of {len(raw)} bytes is wider than the paper; QR left out")
            return
        self._spacer()
        self.out += ALIGN_CENTRE + qr_commands(raw, module_dots) + ALIGN_LEFT

    def barcode(self, data: str) -> None:
        if not data.isascii() or not data.isprintable():
            self._other.append(
                f"{BARCODE_NOT_ASCII}: CODE128 takes printable ASCII only; barcode of {data!r} left out"
            )
            return
        code = code128_data(data)
        symbols = code128_symbol_count(code)
        modules = 11 * symbols + 13 + 20  # data, start and check; stop (13); quiet zones
        if modules * 2 > self.profile.dots:
            self._other.append(
                f"{BARCODE_TOO_WIDE}: CODE128 of {data!r} needs {modules * 2} dots, "
                f"the paper has {self.profile.dots}; barcode left out"
            )
            return
        module_dots = max(2, min(3, self.profile.dots // modules))
        self._spacer()
        self.out += ALIGN_CENTRE
        self.out += BARCODE_HEIGHT + bytes([BARCODE_HEIGHT_DOTS]) + BARCODE_WIDTH + bytes([module_dots])
        self.out += BARCODE_HRI_FONT_A + BARCODE_HRI_BELOW
        self.out += BARCODE_CODE128 + bytes([len(code)]) + code
        self.out += ALIGN_LEFT

    def _spacer(self) -> None:
        """A blank line before a code. None after it: printing a code leaves the printer at the
        start of a line, so an LF there would feed a second blank line."""
        self.printed.append("")
        self.out += LF

    # -- warnings

    def warnings(self) -> tuple[str, ...]:
        found: list[str] = []
        charset = self.profile.charset
        for index, (ch, numbers) in enumerate(self._missing.items()):
            if index == _MAX_LISTED_CHARS:
                rest = len(self._missing) - _MAX_LISTED_CHARS
                found.append(f"{UNENCODABLE}: {charset} cannot print {rest} more characters; printed as placeholders")
                break
            placeholder = self.encoder.prepare(ch).text
            body = [str(n) for n in numbers if n]
            where = ("line " if len(body) == 1 else "lines ") + ", ".join(body) if body else "the reprint header"
            found.append(
                f"{UNENCODABLE}: {charset} cannot print {describe_char(ch)} on {where}; printed as '{placeholder}'"
            )
        for number, count in self._controls.items():
            found.append(
                f"{CONTROL_REMOVED}: line {number}: {count} control character(s) removed, not sent to the printer"
            )
        found.extend(self._other)
        return tuple(found)


# `label：value` (the print-txt spec's fields: full-width or ASCII colon, spaces around it).
_LABEL_VALUE = re.compile(r"^( *)([^：:]+?) *([：:]) *(\S.*)$")


# Between two `label：value` pairs on one line (件数：5      合计：77.20): two spaces or more, then a label
# (not digits: "2026-11-22  14:46:09" is one value).
_PAIR_GAP = re.compile(r"( {2,})(?=[^ ：:\d][^ ：:]* *[：:])")


def _split_pairs(text: str, columns: int, model: WidthModel) -> list[str] | None:
    """A line of several `label：value` pairs too wide for the paper, wrapped between the pairs, each
    whole (never "件数：" with its 5 on the next line); pairs that fit together stay together, and a
    pair too wide alone wraps at its own colon (never "件数：5   单号：" with the number below). None
    when the line is not such pairs."""
    if _LABEL_VALUE.match(text) is None:
        return None
    parts = _PAIR_GAP.split(text)  # pair, gap, pair, gap, pair ...
    if len(parts) < 3:
        return None
    pairs, gaps = parts[0::2], parts[1::2]
    lines: list[str] = []
    takes_more = False  # whether the last line is whole pairs that the next one may join
    for gap, pair in zip(("", *gaps), pairs, strict=True):
        if takes_more and text_width(lines[-1] + gap + pair, model) <= columns:
            lines[-1] += gap + pair
            continue
        takes_more = text_width(pair, model) <= columns
        lines.extend([pair] if takes_more else
                     _split_label_value(pair, columns, model) or wrap_line(pair, columns, model))
    return lines


def _split_label_value(text: str, columns: int, model: WidthModel) -> list[str] | None:
    """A `label：value` line too wide for the paper, wrapped at the label/value boundary: the label on
    one line, the value whole on the next (an order number is never split). None when that does not fit."""
    match = _LABEL_VALUE.match(text)
    if match is None:
        return None
    indent, label, colon, value = match.groups()
    head = f"{indent}{label}{colon}"
    if text_width(head, model) > columns or text_width(value, model) > columns:
        return None
    pad = indent if text_width(indent + value, model) <= columns else ""
    return [head, pad + value]


_encoders: dict[str, TextEncoder] = {}


def _encoder(charset: str) -> TextEncoder:
    """One encoder per character set for the process: its per-character cache is what makes layout fast."""
    encoder = _encoders.get(charset)
    if encoder is None:
        encoder = _encoders[charset] = TextEncoder(charset)
    return encoder


def qr_commands(data: bytes, module_dots: int, ec_level: int = QR_EC_LEVEL_M) -> bytes:
    """GS ( k: model 2, module size, error correction, store the data, print it (as python-escpos's native qr)."""

    def function(fn: int, payload: bytes) -> bytes:
        size = len(payload) + 2
        return QR_PREFIX + bytes([size & 0xFF, size >> 8]) + b"1" + bytes([fn]) + payload

    return (
        function(65, bytes([48 + 2, 0]))
        + function(67, bytes([module_dots]))
        + function(69, bytes([48 + ec_level]))
        + function(80, b"0" + data)
        + function(81, b"0")
    )


def code128_data(text: str) -> bytes:
    """ESC/POS CODE128 data: code set C for runs of digits (half the width), else code set B."""
    if text.isdigit() and len(text) >= 4:
        even = len(text) - len(text) % 2
        pairs = bytes(int(text[i : i + 2]) for i in range(0, even, 2))
        tail = b"{B" + text[even:].encode("ascii") if even < len(text) else b""
        return b"{C" + pairs + tail
    return b"{B" + text.replace("{", "{{").encode("ascii")


def code128_symbol_count(code: bytes) -> int:
    """Symbols in the printed code: start, one per data value, code switches, check."""
    count = 2  # start and check
    i = 2
    while i < len(code):
        if code[i] == ord("{") and i + 1 < len(code):
            i += 2
        else:
            i += 1
        count += 1
    return count
