"""ESC/POS bytes -> DecodedJob: lines of styled text, codes, images, cuts, and what a printer would garble.

The decoder behaves as a Chinese-market printer does: it powers up (and resets on `ESC @`) in
Chinese mode when its character set is a double-byte one, where bytes >= 0x80 pair into hanzi;
`FS .` (no parameter) leaves Chinese mode for the single-byte code page chosen by `ESC t n`, and
`FS &` returns to it. It never raises on bad input: whatever a printer would misprint is
reported in `DecodedJob.flags`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field, replace

from cashier_app.emulator import code128
from cashier_app.emulator.commands import DLE, ESC, FS, GS, PREFIXES, command_name, command_span, is_known
from cashier_app.emulator.job import (
    Align,
    Barcode,
    Beep,
    CommandRecord,
    Cut,
    DecodedJob,
    DrawerKick,
    Feed,
    Flag,
    FlagKind,
    QrCode,
    RasterImage,
    TextLine,
    TextRun,
    TextStyle,
)

REPLACEMENT = "\ufffd"
DEFAULT_LINE_SPACING = 30  # dots; ESC 2
FONT_DOTS = {0: (12, 24), 1: (9, 17)}  # font -> (narrow character width, height) in dots
WIDE_DOTS = 24

SUPPORTED_CHARSETS = ("gbk", "gb18030", "gb2312", "big5", "utf-8")
_DOUBLE_BYTE = frozenset(("gbk", "gb18030", "gb2312", "big5"))

# ESC t n -> Python codec (Epson's numbering).
CODE_PAGES: dict[int, str] = {
    0: "cp437", 2: "cp850", 3: "cp860", 4: "cp863", 5: "cp865", 16: "cp1252", 17: "cp866",
    18: "cp852", 19: "cp858", 40: "cp864", 45: "cp1250", 46: "cp1251", 47: "cp1253", 48: "cp1254",
    49: "cp1255", 50: "cp1256", 51: "cp1257", 52: "cp1258", 255: "cp437",
}

BARCODE_NAMES: dict[int, str] = {
    0: "UPC-A", 1: "UPC-E", 2: "EAN13", 3: "EAN8", 4: "CODE39", 5: "ITF", 6: "CODABAR",
    65: "UPC-A", 66: "UPC-E", 67: "EAN13", 68: "EAN8", 69: "CODE39", 70: "ITF", 71: "CODABAR",
    72: "CODE93", 73: "CODE128", 74: "GS1-128", 75: "GS1 DATABAR OMNIDIRECTIONAL",
    76: "GS1 DATABAR TRUNCATED", 77: "GS1 DATABAR LIMITED", 78: "GS1 DATABAR EXPANDED",
}

# Commands a job may hold without putting anything on paper (a status poll is not a job).
_NON_PRINTING = frozenset(("DLE EOT", "DLE ENQ", "GS a", "GS r", "GS I"))


def normalise_charset(charset: str) -> str:
    name = charset.strip().lower().replace("_", "").replace("-", "")
    aliases = {"gbk": "gbk", "cp936": "gbk", "gb18030": "gb18030", "gb2312": "gb2312", "euccn": "gb2312",
               "big5": "big5", "utf8": "utf-8"}
    if name not in aliases:
        raise ValueError(f"unsupported printer character set {charset!r} (one of {', '.join(SUPPORTED_CHARSETS)})")
    return aliases[name]


def decode(data: bytes, charset: str = "gbk", dots: int = 384) -> DecodedJob:
    """Decode one job's bytes as a printer with this character set and paper width would."""
    return _Decoder(bytes(data), normalise_charset(charset), dots).run()


def is_status_only(data: bytes) -> bool:
    """True when the bytes hold nothing but status queries / ASB settings (no job for the printer)."""
    pos = 0
    while pos < len(data):
        byte = data[pos]
        if byte in PREFIXES:
            end = command_span(data, pos)
            if end is None:
                return False
            if command_name(data, pos) not in _NON_PRINTING and data[pos:end] != b"\x1b@":
                return False
            pos = end
        elif byte == 0x00:
            pos += 1
        else:
            return False
    return True


@dataclass
class _State:
    chinese: bool
    code_page: int = 0
    ank_size: tuple[int, int] = (1, 1)  # set by ESC ! and GS !
    cjk_size: tuple[int, int] = (1, 1)  # set by FS ! / FS W and GS !
    size_from_esc_bang: bool = False  # the last size change was ESC ! (does not reach hanzi)
    bold: bool = False
    underline: int = 0
    font: int = 0
    invert: bool = False
    upside_down: bool = False
    align: Align = Align.LEFT
    line_spacing: int = DEFAULT_LINE_SPACING
    tabs: tuple[int, ...] = ()
    qr_model: int = 2
    qr_size: int = 3
    qr_ec: str = "L"
    qr_data: bytes | None = None
    barcode_height: int = 162
    barcode_width: int = 3
    hri: int = 0
    graphics: RasterImage | None = None


@dataclass
class _Line:
    runs: list[tuple[str, TextStyle, bool]] = field(default_factory=list)  # text, style, wide
    dots: int = 0
    align: Align | None = None
    offset: int | None = None
    has_graphics: bool = False
    flagged: set[FlagKind] = field(default_factory=set)


class _Decoder:
    def __init__(self, data: bytes, charset: str, dots: int) -> None:
        self.data = data
        self.charset = charset
        self.dots = dots
        self.job = DecodedJob(charset=charset, dots=dots, size=len(data))
        self.state = self._power_on_state()
        self.line = _Line()
        self.seen_init = False
        self.init_flagged = False

    def _power_on_state(self) -> _State:
        return _State(chinese=self.charset in _DOUBLE_BYTE or self.charset == "utf-8")

    # ---- driver -------------------------------------------------------------------------------
    def run(self) -> DecodedJob:
        data, pos = self.data, 0
        while pos < len(data):
            byte = data[pos]
            if byte in PREFIXES:
                end = command_span(data, pos)
                if end is None:
                    self._flag(FlagKind.TRUNCATED_COMMAND, f"the job ends inside {command_name(data, pos)}", pos,
                               data[pos:pos + 16])
                    break
                self._command(pos, end)
                pos = end
            elif byte < 0x20 or byte == 0x7F:
                self._control(byte, pos)
                pos += 1
            else:
                pos = self._text(pos)
        if self.line.runs or self.line.has_graphics:
            self._flush(pos, terminated=False)
        self.job.chinese_mode_at_end = self.state.chinese
        return self.job

    def _flag(self, kind: FlagKind, message: str, offset: int, data: bytes = b"", line: int | None = None) -> None:
        self.job.flags.append(Flag(kind, message, offset, line, data))

    def _flag_line(self, kind: FlagKind, message: str, offset: int, data: bytes = b"") -> None:
        """A flag about the line being built, once per line and kind."""
        if kind in self.line.flagged:
            return
        self.line.flagged.add(kind)
        self._flag(kind, message, offset, data, line=len(self.job.lines))

    def _printing(self, offset: int) -> None:
        """Something that affects the paper arrived: a job must begin with ESC @ (rule 1)."""
        if not self.seen_init and not self.init_flagged:
            self.init_flagged = True
            self._flag(FlagKind.MISSING_INIT, "the job does not start with ESC @: it inherits the previous "
                       "job's styles and character mode", offset)

    # ---- text ---------------------------------------------------------------------------------
    def _style(self, wide: bool) -> TextStyle:
        st = self.state
        width, height = st.cjk_size if wide else st.ank_size
        return TextStyle(width=width, height=height, bold=st.bold, underline=st.underline, font=st.font,
                         invert=st.invert, upside_down=st.upside_down)

    def _append(self, text: str, wide: bool, offset: int) -> None:
        line = self.line
        if line.offset is None:
            line.offset = offset
        if line.align is None:
            line.align = self.state.align  # ESC a counts at the start of a line only
        if wide and self.state.size_from_esc_bang and self.state.ank_size != self.state.cjk_size:
            self._flag_line(FlagKind.ESC_BANG_SIZE_ON_CJK,
                            "ESC ! n enlarges single-byte characters only; Chinese printers print hanzi at "
                            "normal size (use GS ! n)", offset)
        style = self._style(wide)
        narrow_dots = FONT_DOTS.get(style.font, FONT_DOTS[0])[0]
        line.dots += len(text) * (WIDE_DOTS if wide else narrow_dots) * style.width
        if line.runs and line.runs[-1][1] == style and line.runs[-1][2] == wide:
            last = line.runs[-1]
            line.runs[-1] = (last[0] + text, style, wide)
        else:
            line.runs.append((text, style, wide))

    def _text(self, pos: int) -> int:
        """Decode one character at `pos`; returns the position after it."""
        self._printing(pos)
        data, byte = self.data, self.data[pos]
        if byte < 0x80:
            self._append(chr(byte), False, pos)
            return pos + 1
        if not self.state.chinese:
            return self._single_byte(pos)
        if self.charset == "utf-8":
            return self._utf8(pos)
        nxt = data[pos + 1] if pos + 1 < len(data) else None
        if 0x81 <= byte <= 0xFE and nxt is not None and 0x30 <= nxt <= 0x39:
            four = data[pos:pos + 4]
            if len(four) == 4 and 0x81 <= four[2] <= 0xFE and 0x30 <= four[3] <= 0x39:
                return self._four_byte(pos, four)
        if 0x81 <= byte <= 0xFE and nxt is not None and 0x40 <= nxt <= 0xFE and nxt != 0x7F:
            pair = data[pos:pos + 2]
            try:
                self._append(pair.decode(self.charset), True, pos)
            except UnicodeDecodeError:
                intended = pair.decode("gb18030", errors="replace")
                self._flag_line(FlagKind.CHAR_NOT_IN_CHARSET,
                                f"bytes {pair.hex(' ')} ({intended}) are not a character of the printer's "
                                f"{self.charset.upper()} set", pos, pair)
                self._append(REPLACEMENT, True, pos)
            return pos + 2
        guess = bytes([byte]).decode(CODE_PAGES.get(self.state.code_page, "cp437"), errors="replace")
        self._flag_line(FlagKind.SINGLE_BYTE_IN_CHINESE_MODE,
                        f"byte 0x{byte:02x} ({guess!r} in code page {self.state.code_page}) arrived in Chinese "
                        "mode, where bytes >= 0x80 pair into hanzi: send FS . before single-byte text",
                        pos, data[pos:pos + 2])
        self._append(REPLACEMENT, False, pos)
        return pos + 1

    def _four_byte(self, pos: int, four: bytes) -> int:
        intended = four.decode("gb18030", errors="replace")
        if self.charset == "gb18030":
            self._append(intended, unicodedata.east_asian_width(intended[:1] or " ") in "WF", pos)
            return pos + 4
        self._flag_line(FlagKind.GB18030_ON_GBK,
                        f"4-byte GB18030 sequence {four.hex(' ')} ({intended}) on a {self.charset.upper()} "
                        "printer prints as junk", pos, four)
        self._append(REPLACEMENT * 2, False, pos)  # two junk glyphs, as a GBK printer pairs 4 bytes
        return pos + 4

    def _utf8(self, pos: int) -> int:
        byte = self.data[pos]
        length = 2 if 0xC0 <= byte < 0xE0 else 3 if 0xE0 <= byte < 0xF0 else 4 if 0xF0 <= byte < 0xF8 else 1
        chunk = self.data[pos:pos + length]
        try:
            char = chunk.decode("utf-8")
        except UnicodeDecodeError:
            self._flag_line(FlagKind.SINGLE_BYTE_IN_CHINESE_MODE,
                            f"byte 0x{byte:02x} is not UTF-8 text (single-byte code page in Chinese mode?)", pos,
                            chunk)
            self._append(REPLACEMENT, False, pos)
            return pos + 1
        self._append(char, unicodedata.east_asian_width(char) in "WF", pos)
        return pos + length

    def _single_byte(self, pos: int) -> int:
        data, byte = self.data, self.data[pos]
        nxt = data[pos + 1] if pos + 1 < len(data) else 0
        if 0xB0 <= byte <= 0xF7 and 0xA1 <= nxt <= 0xFE:
            hanzi = data[pos:pos + 2].decode("gbk", errors="replace")
            self._flag_line(FlagKind.CJK_IN_SINGLE_BYTE_MODE,
                            f"bytes {data[pos:pos + 2].hex(' ')} look like a hanzi ({hanzi}) but the printer is out "
                            "of Chinese mode (FS . was sent): send FS & first", pos, data[pos:pos + 2])
        codec = CODE_PAGES.get(self.state.code_page)
        char = bytes([byte]).decode(codec, errors="replace") if codec else REPLACEMENT
        self._append(char, False, pos)
        return pos + 1

    def _tab(self, pos: int) -> None:
        column = self.line.dots // 12
        stops = [t for t in self.state.tabs if t > column] or [(column // 8 + 1) * 8]
        self._append(" " * (stops[0] - column), False, pos)

    def _flush(self, offset: int, terminated: bool = True) -> None:
        """End the current line (LF, ESC d, ...)."""
        line = self.line
        if line.has_graphics and not line.runs:
            self.line = _Line()
            return
        runs = tuple(TextRun(text, style, wide) for text, style, wide in line.runs)
        tall = max((FONT_DOTS.get(style.font, FONT_DOTS[0])[1] * style.height for _, style, _ in line.runs),
                   default=24 * self.state.ank_size[1])
        columns = -(-line.dots // 12)
        index = len(self.job.lines)
        start = line.offset if line.offset is not None else offset
        if line.dots > self.dots:
            self._flag(FlagKind.LINE_TOO_WIDE,
                       f"{columns} columns on {self.job.columns}-column paper ({self.dots} dots): the printer wraps it",
                       start, line=index)
        if not terminated:
            self._flag(FlagKind.UNTERMINATED_LINE,
                       "text at the end of the job without LF: a printer holds it until more data comes",
                       start, line=index)
        self.job.items.append(TextLine(
            runs=runs, align=line.align or self.state.align, columns=columns,
            line_spacing=max(self.state.line_spacing, tall), offset=start, terminated=terminated,
        ))
        self.line = _Line()

    def _flush_pending(self, offset: int) -> None:
        """Print what is in the buffer before a command that prints at the start of a line."""
        if self.line.runs:
            self._flush(offset)

    # ---- control bytes ------------------------------------------------------------------------
    def _control(self, byte: int, pos: int) -> None:
        if byte == 0x0A:  # LF
            self._printing(pos)
            self._flush(pos)
        elif byte == 0x09:  # HT
            self._tab(pos)
        elif byte == 0x0C:  # FF: print the buffer
            self._flush_pending(pos)
        # CR, NUL and other control bytes are ignored, as printers with auto line feed off do.

    # ---- commands -----------------------------------------------------------------------------
    def _record(self, pos: int, name: str, detail: str = "") -> None:
        self.job.commands.append(CommandRecord(pos, name, detail))

    def _command(self, pos: int, end: int) -> None:
        data = self.data
        name = command_name(data, pos)
        body = data[pos + 2:end]
        if not is_known(data, pos):
            self._record(pos, name, "unknown")
            self._flag(FlagKind.UNKNOWN_COMMAND, f"unknown command {data[pos:end].hex(' ')}", pos, data[pos:end])
            return
        prefix = data[pos]
        if name not in _NON_PRINTING and name not in ("ESC @",):
            self._printing(pos)
        if prefix == ESC:
            detail = self._esc(pos, data[pos + 1], body)
        elif prefix == GS:
            detail = self._gs(pos, data[pos + 1], body)
        elif prefix == FS:
            detail = self._fs(pos, data[pos + 1], body)
        else:
            detail = self._dle(pos, data[pos + 1], body)
        self._record(pos, name, detail)

    def _bad(self, pos: int, message: str) -> str:
        self._flag(FlagKind.BAD_PARAMETER, message, pos, self.data[pos:pos + 8])
        return "bad parameter"

    def _esc(self, pos: int, code: int, body: bytes) -> str:  # noqa: C901, PLR0912 - one case per command of specs/escpos.md, each decoded where it is named
        st = self.state
        c = chr(code)
        if c == "@":
            if self.line.runs:
                self._flag(FlagKind.UNTERMINATED_LINE, "ESC @ cleared text that was never ended by LF",
                           self.line.offset or pos, line=len(self.job.lines))
            self.state = self._power_on_state()
            self.line = _Line()
            self.seen_init = True
            return ""
        n = body[0] if body else 0
        if c == "!":
            st.font = n & 0x01
            st.bold = bool(n & 0x08)
            st.ank_size = (2 if n & 0x20 else 1, 2 if n & 0x10 else 1)
            st.size_from_esc_bang = st.ank_size != (1, 1)
            st.underline = 1 if n & 0x80 else 0
            return f"n=0x{n:02x}"
        if c in ("E", "G"):
            st.bold = bool(n & 0x01)
            return "on" if st.bold else "off"
        if c == "-":
            st.underline = {0: 0, 1: 1, 2: 2, 48: 0, 49: 1, 50: 2}.get(n, st.underline)
            return str(st.underline)
        if c == "a":
            align = {0: Align.LEFT, 1: Align.CENTER, 2: Align.RIGHT, 48: Align.LEFT, 49: Align.CENTER,
                     50: Align.RIGHT}.get(n)
            if align is None:
                return self._bad(pos, f"ESC a {n}: alignment must be 0, 1 or 2")
            st.align = align
            return align.value
        if c == "d":
            self._flush_pending(pos)
            self.job.items.append(Feed(lines=n, line_spacing=st.line_spacing, offset=pos))
            return f"{n} lines"
        if c == "J":
            self._flush_pending(pos)
            self.job.items.append(Feed(dots=n, line_spacing=st.line_spacing, offset=pos))
            return f"{n} dots"
        if c == "t":
            st.code_page = n
            return f"code page {n} ({CODE_PAGES.get(n, 'unknown')})"
        if c == "p":
            pin = 2 if body[0] in (0, 48) else 5
            self.job.items.append(DrawerKick(pin=pin, on_ms=body[1] * 2, off_ms=body[2] * 2, offset=pos))
            return f"pin {pin}, {body[1] * 2} ms on, {body[2] * 2} ms off"
        if c == "M":
            st.font = 1 if n in (1, 49) else 0
            return "font B" if st.font else "font A"
        if c == "2":
            st.line_spacing = DEFAULT_LINE_SPACING
            return f"{DEFAULT_LINE_SPACING} dots"
        if c == "3":
            st.line_spacing = n
            return f"{n} dots"
        if c == "{":
            st.upside_down = bool(n & 0x01)
            return "on" if st.upside_down else "off"
        if c == "B":
            self.job.items.append(Beep(times=body[0], duration=body[1], offset=pos))
            return f"{body[0]} times"
        if c in ("i", "m"):
            self._flush_pending(pos)
            self.job.items.append(Cut(partial=True, offset=pos))
            return "partial cut"
        if c == "D":
            st.tabs = tuple(b for b in body if b)
            return f"tabs {list(st.tabs)}"
        if c == "*":
            return self._esc_star(pos, body)
        return ""

    def _esc_star(self, pos: int, body: bytes) -> str:
        """ESC * m nL nH: one stripe of a column-format bit image, printed with the line."""
        m, n = body[0], body[1] | (body[2] << 8)
        column_bytes = 3 if m in (32, 33) else 1
        height = column_bytes * 8
        columns = body[3:]
        width_bytes = (n + 7) // 8
        rows = bytearray(width_bytes * height)
        for x in range(n):
            for k in range(column_bytes):
                byte = columns[x * column_bytes + k]
                for bit in range(8):
                    if byte & (0x80 >> bit):
                        y = k * 8 + bit
                        rows[y * width_bytes + x // 8] |= 0x80 >> (x % 8)
        scale_x = 2 if m in (0, 32) else 1
        scale_y = 3 if m in (0, 1) else 1
        self.job.items.append(RasterImage(width_bytes, height, bytes(rows), scale_x, scale_y,
                                          self.line.align or self.state.align, "ESC *", pos))
        self.line.has_graphics = True
        return f"m={m} {n} columns"

    def _gs(self, pos: int, code: int, body: bytes) -> str:  # noqa: C901, PLR0912 - one case per command of specs/escpos.md, each decoded where it is named
        st = self.state
        c = chr(code)
        n = body[0] if body else 0
        if c == "!":
            width, height = (n >> 4) + 1, (n & 0x0F) + 1
            if width > 8 or height > 8:
                return self._bad(pos, f"GS ! 0x{n:02x}: width and height must be 1..8")
            st.ank_size = st.cjk_size = (width, height)
            st.size_from_esc_bang = False
            return f"{width}x{height}"
        if c == "V":
            self._flush_pending(pos)
            m = body[0]
            if m in (0, 48, 1, 49):
                partial, feed = m in (1, 49), 0
            elif m in (65, 66, 97, 98, 103, 104):
                partial, feed = m in (66, 98, 104), body[1]
            else:
                return self._bad(pos, f"GS V {m}: unknown cut mode")
            self.job.items.append(Cut(partial=partial, feed_dots=feed, offset=pos))
            return f"{'partial' if partial else 'full'} cut, feed {feed}"
        if c == "v":
            m, xbytes, height = body[1], body[2] | (body[3] << 8), body[4] | (body[5] << 8)
            self._flush_pending(pos)
            scale_x, scale_y = (2 if m in (1, 3, 49, 51) else 1), (2 if m in (2, 3, 50, 51) else 1)
            self.job.items.append(RasterImage(xbytes, height, bytes(body[6:]), scale_x, scale_y, st.align,
                                              "GS v 0", pos))
            return f"{xbytes * 8}x{height} dots"
        if c == "k":
            return self._barcode(pos, body)
        if c == "(":
            return self._gs_paren(pos, body)
        if c == "8":
            return self._graphics(pos, body[5:])
        if c == "B":
            st.invert = bool(n & 0x01)
            return "on" if st.invert else "off"
        if c == "h":
            st.barcode_height = n or 162
            return f"{n} dots"
        if c == "w":
            st.barcode_width = n if 1 <= n <= 6 else st.barcode_width
            return f"{n} dots"
        if c == "H":
            st.hri = n & 0x03
            return ("none", "above", "below", "both")[st.hri]
        if c == "a":
            self.job.asb_settings.append(n)
            return f"n=0x{n:02x}"
        return ""

    def _barcode(self, pos: int, body: bytes) -> str:
        st = self.state
        m = body[0]
        data = body[1:-1] if m <= 6 else body[2:]
        name = BARCODE_NAMES.get(m)
        if name is None:
            return self._bad(pos, f"GS k {m}: unknown barcode system")
        self._flush_pending(pos)
        if name in ("CODE128", "GS1-128"):
            try:
                code128.symbol_values(data)
            except code128.Code128Error as exc:
                return self._bad(pos, f"{name} data {data!r}: {exc} (a printer prints nothing)")
        self.job.items.append(Barcode(name, bytes(data), st.barcode_height, st.barcode_width, st.hri, st.align, pos))
        return f"{name} {data!r}"

    def _gs_paren(self, pos: int, body: bytes) -> str:
        fn_letter, payload = chr(body[0]), body[3:]
        if fn_letter == "k":
            return self._two_d(pos, payload)
        if fn_letter == "L":
            return self._graphics(pos, payload)
        return ""

    def _two_d(self, pos: int, payload: bytes) -> str:
        """GS ( k: cn fn params. Only QR (cn 49) is printed; other symbologies are accepted silently."""
        if len(payload) < 2:
            return self._bad(pos, "GS ( k without cn and fn")
        cn, fn, params = payload[0], payload[1], payload[2:]
        if cn != 49:
            return f"2D code cn={cn} fn={fn}"
        st = self.state
        if fn == 65 and params:  # model
            st.qr_model = {49: 1, 50: 2, 51: 3}.get(params[0], 2)
            return f"QR model {st.qr_model}"
        if fn == 67 and params:  # module size
            st.qr_size = params[0] if 1 <= params[0] <= 16 else st.qr_size
            return f"QR module {params[0]} dots"
        if fn == 69 and params:  # error correction
            st.qr_ec = {48: "L", 49: "M", 50: "Q", 51: "H"}.get(params[0], "L")
            return f"QR error correction {st.qr_ec}"
        if fn == 80:  # store data: m d1..dk
            st.qr_data = bytes(params[1:])
            return f"QR store {len(st.qr_data)} bytes"
        if fn == 81:  # print the stored data
            if not st.qr_data:
                return self._bad(pos, "QR print (GS ( k fn 81) with no data stored")
            self._flush_pending(pos)
            self.job.items.append(QrCode(st.qr_data, st.qr_size, st.qr_ec, st.qr_model, st.align, pos))
            return "QR print"
        return f"QR fn {fn}"

    def _graphics(self, pos: int, payload: bytes) -> str:
        """GS ( L / GS 8 L: m fn ...; fn 112 stores a raster graphic, fn 50 (or 2) prints it."""
        if len(payload) < 2:
            return ""
        fn = payload[1]
        if fn == 112 and len(payload) >= 10:
            bx, by = payload[3], payload[4]
            width, height = payload[6] | (payload[7] << 8), payload[8] | (payload[9] << 8)
            width_bytes = (width + 7) // 8
            self.state.graphics = RasterImage(width_bytes, height, bytes(payload[10:]), max(1, bx), max(1, by),
                                              self.state.align, "GS ( L", pos)
            return f"store graphics {width}x{height}"
        if fn in (2, 50):
            if self.state.graphics is None:
                return self._bad(pos, "print graphics with none stored")
            self._flush_pending(pos)
            self.job.items.append(replace(self.state.graphics, align=self.state.align, offset=pos))
            return "print graphics"
        return f"graphics fn {fn}"

    def _fs(self, pos: int, code: int, body: bytes) -> str:
        st = self.state
        c = chr(code)
        n = body[0] if body else 0
        if c == "&":
            st.chinese = True
            return "Chinese mode on"
        if c == ".":
            st.chinese = False
            return "Chinese mode off"
        if c == "!":
            st.cjk_size = (2 if n & 0x04 else 1, 2 if n & 0x08 else 1)
            if n & 0x80:
                st.underline = 1
            return f"n=0x{n:02x}"
        if c == "W":
            st.cjk_size = (2, 2) if n & 0x01 else (1, 1)
            return "quad" if n & 0x01 else "normal"
        if c == "-":
            st.underline = {0: 0, 1: 1, 2: 2, 48: 0, 49: 1, 50: 2}.get(n, st.underline)
            return str(st.underline)
        return ""

    def _dle(self, pos: int, code: int, body: bytes) -> str:
        if code == 0x04:
            n = body[0]
            if not 1 <= n <= 4:
                return f"n={n}"
            self.job.status_queries.append(n)
            return f"n={n}"
        if code == 0x14 and body and body[0] == 1:  # DLE DC4 1 m t: real-time drawer pulse
            pin = 2 if body[1] == 0 else 5
            self.job.items.append(DrawerKick(pin=pin, on_ms=body[2] * 100, off_ms=body[2] * 100, offset=pos))
            return f"drawer pin {pin}"
        return ""


__all__ = ["DLE", "SUPPORTED_CHARSETS", "decode", "is_status_only", "normalise_charset"]
