"""A decoded ESC/POS job: what the paper would show, in order, plus what a real printer would garble."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Align(StrEnum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


@dataclass(frozen=True)
class TextStyle:
    """Character style at the time a character was received. Sizes are multipliers (1..8)."""

    width: int = 1
    height: int = 1
    bold: bool = False
    underline: int = 0  # 0 off, 1 one dot, 2 two dots
    font: int = 0  # 0 font A (12x24), 1 font B (9x17)
    invert: bool = False
    upside_down: bool = False

    def describe(self) -> str:
        parts = []
        if self.width != 1 or self.height != 1:
            parts.append(f"{self.width}x{self.height}")
        if self.bold:
            parts.append("bold")
        if self.underline:
            parts.append("underline" if self.underline == 1 else "underline2")
        if self.font:
            parts.append("fontB")
        if self.invert:
            parts.append("invert")
        if self.upside_down:
            parts.append("upside-down")
        return " ".join(parts)


@dataclass(frozen=True)
class TextRun:
    text: str
    style: TextStyle
    wide: bool = False  # printed as double-byte characters (24 dots each at 1x)


@dataclass(frozen=True)
class TextLine:
    """One printed line (ended by LF, ESC d, a cut or the end of the job)."""

    runs: tuple[TextRun, ...]
    align: Align
    columns: int  # width in font-A columns (double-byte characters count 2, times the width multiplier)
    line_spacing: int  # dots from this line's top to the next line's top, at least the glyph height
    offset: int  # byte offset of the line's first byte in the job
    terminated: bool = True  # False: the job ended before LF, a real printer would hold the text

    kind = "text"

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)

    @property
    def style(self) -> TextStyle:
        """The style of the line's first character (or the style in force for a blank line)."""
        return self.runs[0].style if self.runs else TextStyle()

    @property
    def height(self) -> int:
        """Largest height multiplier in the line."""
        return max((run.style.height for run in self.runs), default=1)

    @property
    def bold(self) -> bool:
        return any(run.style.bold for run in self.runs if run.text.strip())


@dataclass(frozen=True)
class QrCode:
    data: bytes
    module_size: int = 3
    error_correction: str = "L"
    model: int = 2
    align: Align = Align.LEFT
    offset: int = 0

    kind = "qr"

    @property
    def text(self) -> str:
        return self.data.decode("utf-8", errors="replace")


@dataclass(frozen=True)
class Barcode:
    symbology: str  # "CODE128", "EAN13", ...
    data: bytes  # as sent (CODE128 keeps its "{B" code-set prefixes)
    height: int = 162
    module_width: int = 3
    hri: int = 0  # 0 none, 1 above, 2 below, 3 both
    align: Align = Align.LEFT
    offset: int = 0

    kind = "barcode"

    @property
    def text(self) -> str:
        """Human-readable text: the data without CODE128's code-set switches."""
        if self.symbology in ("CODE128", "GS1-128"):
            from cashier_app.emulator.code128 import human_readable

            return human_readable(self.data)
        return self.data.decode("latin-1")


@dataclass(frozen=True)
class RasterImage:
    """A monochrome bitmap: `rows` of `width_bytes` bytes, most significant bit leftmost, 1 = black."""

    width_bytes: int
    height: int
    data: bytes
    scale_x: int = 1
    scale_y: int = 1
    align: Align = Align.LEFT
    source: str = "GS v 0"
    offset: int = 0

    kind = "raster"

    @property
    def width(self) -> int:
        return self.width_bytes * 8


@dataclass(frozen=True)
class Cut:
    partial: bool
    feed_dots: int = 0
    offset: int = 0

    kind = "cut"


@dataclass(frozen=True)
class DrawerKick:
    pin: int  # 2 or 5
    on_ms: int
    off_ms: int
    offset: int = 0

    kind = "drawer"


@dataclass(frozen=True)
class Feed:
    """Paper fed without printing: `lines` at the current line spacing plus `dots`."""

    lines: int = 0
    dots: int = 0
    line_spacing: int = 30
    offset: int = 0

    kind = "feed"

    @property
    def total_dots(self) -> int:
        return self.lines * self.line_spacing + self.dots


@dataclass(frozen=True)
class Beep:
    times: int
    duration: int
    offset: int = 0

    kind = "beep"


Item = TextLine | QrCode | Barcode | RasterImage | Cut | DrawerKick | Feed | Beep


class FlagKind(StrEnum):
    """What a real printer would print wrongly (or not at all)."""

    SINGLE_BYTE_IN_CHINESE_MODE = "single-byte-in-chinese-mode"
    GB18030_ON_GBK = "gb18030-on-gbk"
    CHAR_NOT_IN_CHARSET = "char-not-in-charset"
    CJK_IN_SINGLE_BYTE_MODE = "cjk-in-single-byte-mode"
    LINE_TOO_WIDE = "line-too-wide"
    UNKNOWN_COMMAND = "unknown-command"
    TRUNCATED_COMMAND = "truncated-command"
    BAD_PARAMETER = "bad-parameter"
    UNTERMINATED_LINE = "unterminated-line"
    ESC_BANG_SIZE_ON_CJK = "esc-bang-size-on-cjk"
    MISSING_INIT = "missing-init"


@dataclass(frozen=True)
class Flag:
    kind: FlagKind
    message: str  # English technical detail
    offset: int  # byte offset in the job
    line: int | None = None  # index into DecodedJob.lines, when the flag is about a text line
    data: bytes = b""

    def describe(self) -> str:
        where = f"offset {self.offset}" + (f", line {self.line + 1}" if self.line is not None else "")
        return f"{self.kind.value} ({where}): {self.message}"


@dataclass(frozen=True)
class CommandRecord:
    """One command as received, for a technician's view of the byte stream."""

    offset: int
    name: str  # "ESC @", "GS V", "FS .", ...
    detail: str = ""


@dataclass
class DecodedJob:
    """Everything the printer would do with a job, in order."""

    items: list[Item] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    commands: list[CommandRecord] = field(default_factory=list)
    status_queries: list[int] = field(default_factory=list)  # n of each DLE EOT n
    asb_settings: list[int] = field(default_factory=list)  # n of each GS a n
    charset: str = "gbk"
    dots: int = 384
    chinese_mode_at_end: bool = True
    size: int = 0  # bytes decoded

    @property
    def lines(self) -> list[TextLine]:
        return [item for item in self.items if isinstance(item, TextLine)]

    @property
    def qr_codes(self) -> list[QrCode]:
        return [item for item in self.items if isinstance(item, QrCode)]

    @property
    def barcodes(self) -> list[Barcode]:
        return [item for item in self.items if isinstance(item, Barcode)]

    @property
    def images(self) -> list[RasterImage]:
        return [item for item in self.items if isinstance(item, RasterImage)]

    @property
    def cuts(self) -> list[Cut]:
        return [item for item in self.items if isinstance(item, Cut)]

    @property
    def drawer_kicks(self) -> list[DrawerKick]:
        return [item for item in self.items if isinstance(item, DrawerKick)]

    @property
    def columns(self) -> int:
        return paper_columns(self.dots)

    def text_lines(self) -> list[str]:
        """The plain text of each printed line, blank lines included."""
        return [line.text for line in self.lines]

    def text(self) -> str:
        """The plain text lines joined by newlines (`"合计" in job.text()` works)."""
        return "\n".join(self.text_lines())

    def flags_of(self, kind: FlagKind | str) -> list[Flag]:
        return [flag for flag in self.flags if flag.kind == FlagKind(kind)]

    @property
    def has_printable_content(self) -> bool:
        """Whether the job puts anything on paper (text, codes, images, feeds or a cut)."""
        return any(not isinstance(item, DrawerKick | Beep) for item in self.items)


def paper_columns(dots: int) -> int:
    """Font-A columns (12 dots each) on paper this many dots wide: 384 -> 32, 576 -> 48, 512 -> 42."""
    return dots // 12
