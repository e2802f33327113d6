"""What a technician prints while setting a printer up, beside the test page (printing.test_page).

- The code page chart: the same line in GB18030, GBK, Big5 and the single-byte code pages, each
  block numbered, with two width rulers. The technician reads the paper and picks the first
  block that prints right: that is the printer's character set (and ESC t number); the rulers
  show whether the paper takes 32 or 48 columns. Each block is sent exactly as a receipt in that
  set would be (FS & for a double-byte set; FS . and ESC t n for a single-byte one).
- The cutter test: a few lines, a feed and a cut (GS V 66).
- The drawer test: one line and the drawer pulse (ESC p 0 25 250).
"""

from __future__ import annotations

from dataclasses import dataclass

from cashier_app.printing.layout import (
    CHINESE_MODE_OFF,
    CHINESE_MODE_ON,
    CUT_AFTER_FEED,
    DRAWER_KICK,
    FEED_LINES,
    INIT,
    SELECT_CODEPAGE,
)
from cashier_app.printing.test_page import ruler


@dataclass(frozen=True)
class ChartBlock:
    number: int
    label: str  # what the block is, as printed above it ("GB18030", "CP858 (ESC t 19)")
    charset: str  # the profile's charset when this block prints right
    codepage: int  # the profile's ESC t number (single-byte sets), else 0
    sample: str  # what the line says when it prints right

    @property
    def double_byte(self) -> bool:
        return self.charset in ("gb18030", "gbk", "gb2312", "big5")


# In order of preference: the first block that prints right names the set. GB18030's line ends in
# two characters only GB18030 has (4-byte sequences), so a GBK printer gets block 1 wrong and 2 right.
CHART_BLOCKS: tuple[ChartBlock, ...] = (
    ChartBlock(1, "GB18030", "gb18030", 0, "收银小票，￥12.34（完）㐀㐁"),
    ChartBlock(2, "GBK", "gbk", 0, "收银小票，￥12.34（完）"),
    ChartBlock(3, "Big5", "big5", 0, "收銀小票，12.34（完）"),
    ChartBlock(4, "CP437 (ESC t 0)", "cp437", 0, "Café £12.34 ü ñ ░▒▓"),
    ChartBlock(5, "CP850 (ESC t 2)", "cp850", 2, "Café £12.34 ü ñ Ø"),
    ChartBlock(6, "CP858 (ESC t 19)", "cp858", 19, "Café €12.34 ü ñ Ø"),
    ChartBlock(7, "CP866 (ESC t 17)", "cp866", 17, "Касса 12.34 Ж"),
    ChartBlock(8, "CP1252 (ESC t 16)", "cp1252", 16, "Café €12.34 ü ñ œ"),
)

_CODECS = {"gb18030": "gb18030", "gbk": "gbk", "big5": "big5", "cp437": "cp437", "cp850": "cp850",
           "cp858": "cp858", "cp866": "cp866", "cp1252": "cp1252"}


def block(number: int) -> ChartBlock:
    for candidate in CHART_BLOCKS:
        if candidate.number == number:
            return candidate
    raise KeyError(f"no chart block {number}")


def _ascii_line(text: str) -> bytes:
    return CHINESE_MODE_OFF + SELECT_CODEPAGE + b"\x00" + text.encode("ascii") + b"\n"


def codepage_chart(cutter: bool = True) -> bytes:
    """The chart's bytes: every heading in plain ASCII (which every set prints), each sample in its set."""
    out = bytearray(INIT)
    out += _ascii_line("CODE PAGE CHART")
    out += _ascii_line("Pick the first block that reads right.")
    out += _ascii_line("-" * 32)
    for item in CHART_BLOCKS:
        out += _ascii_line(f"{item.number}) {item.label}")
        data = item.sample.encode(_CODECS[item.charset])
        if item.double_byte:
            out += CHINESE_MODE_ON + data + CHINESE_MODE_OFF + b"\n"
        else:
            out += CHINESE_MODE_OFF + SELECT_CODEPAGE + bytes([item.codepage]) + data + b"\n"
    out += _ascii_line("-" * 32)
    out += _ascii_line("Width: 58 mm paper ends at 32,")
    out += _ascii_line("80 mm at 42 or 48 columns:")
    out += _ascii_line(ruler(32))
    out += _ascii_line(ruler(42))
    out += _ascii_line(ruler(48))
    out += _feed_and_cut(cutter)
    return bytes(out)


def cutter_test() -> bytes:
    """A few lines, then feed and cut: the paper comes off if the printer has a cutter."""
    return (INIT + _ascii_line("CUTTER TEST") + _ascii_line("The paper is cut below this line.")
            + _ascii_line("-" * 32) + CUT_AFTER_FEED + bytes([3]))


def drawer_test() -> bytes:
    """One line and the cash drawer pulse on pin 2 (the usual wiring)."""
    return INIT + _ascii_line("DRAWER TEST: the drawer opens now.") + DRAWER_KICK + FEED_LINES + bytes([2])


def _feed_and_cut(cutter: bool) -> bytes:
    return CUT_AFTER_FEED + bytes([3]) if cutter else FEED_LINES + bytes([4])
