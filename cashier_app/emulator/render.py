"""DecodedJob -> a picture of the printed receipt, one pixel per printer dot (203 dpi).

Characters sit in the printer's cells (font A: 12x24 dots, hanzi 24x24, font B: 9x17) and are
enlarged by pixel replication as a thermal head does; text is black on white with no grey.
Codes and images are drawn from their data (QR with the qrcode library, CODE128 bar by bar).
Cash drawer kicks and beeps are shown as small grey notes: they are not on the paper.
"""

from __future__ import annotations

import io
import logging
import os
import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from cashier_app.emulator import code128
from cashier_app.emulator.decoder import FONT_DOTS, WIDE_DOTS, decode
from cashier_app.emulator.job import (
    Align,
    Barcode,
    Beep,
    Cut,
    DecodedJob,
    DrawerKick,
    Feed,
    Item,
    QrCode,
    RasterImage,
    TextLine,
    TextStyle,
)

log = logging.getLogger(__name__)

FONT_ENV = "CASHIER_APP_CJK_FONT"
CJK_FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/simhei.ttf",
    "C:/Windows/Fonts/simsun.ttc",
    "/System/Library/Fonts/PingFang.ttc",
    "/System/Library/Fonts/STHeiti Medium.ttc",
    "/Library/Fonts/Arial Unicode.ttf",
)
MONO_FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
    "/usr/share/fonts/dejavu/DejaVuSansMono.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansMono-Regular.ttf",
    "C:/Windows/Fonts/consola.ttf",
    "/System/Library/Fonts/Menlo.ttc",
)
SYMBOL_FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "C:/Windows/Fonts/seguisym.ttf",
)

TOP_MARGIN = 12
BOTTOM_MARGIN = 12
MAX_HEIGHT = 40_000  # a runaway feed must not make a picture the size of a roll
NOTE_GREY = 150
INK_THRESHOLD = 140


@dataclass(frozen=True)
class RenderedReceipt:
    png: bytes
    width: int
    height: int
    cjk_font: str | None  # path of the font used for hanzi; None when none was found
    warnings: tuple[str, ...] = ()


def find_cjk_font() -> Path | None:
    """A font with Chinese glyphs: $CASHIER_APP_CJK_FONT, known paths, then fontconfig."""
    override = os.environ.get(FONT_ENV)
    if override and Path(override).is_file():
        return Path(override)
    for candidate in CJK_FONT_CANDIDATES:
        if Path(candidate).is_file():
            return Path(candidate)
    return _fontconfig_cjk()


@lru_cache(maxsize=1)
def _fontconfig_cjk() -> Path | None:
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    try:
        out = subprocess.run([fc_list, ":lang=zh", "file"], capture_output=True, text=True, timeout=10,
                             check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    files = sorted(line.split(":")[0].strip() for line in out.splitlines() if line.strip())
    return Path(files[0]) if files else None


def _first_file(candidates: tuple[str, ...]) -> str | None:
    return next((c for c in candidates if Path(c).is_file()), None)


@dataclass(frozen=True)
class _Fonts:
    wide: ImageFont.FreeTypeFont | ImageFont.ImageFont
    narrow: dict[int, ImageFont.FreeTypeFont | ImageFont.ImageFont]  # font number -> face
    note: ImageFont.FreeTypeFont | ImageFont.ImageFont
    symbol: ImageFont.FreeTypeFont | ImageFont.ImageFont
    cjk_path: str | None
    warnings: tuple[str, ...]


@lru_cache(maxsize=4)
def _load_fonts(cjk_path: str | None) -> _Fonts:
    warnings: list[str] = []
    mono = _first_file(MONO_FONT_CANDIDATES)
    symbol = _first_file(SYMBOL_FONT_CANDIDATES)
    if cjk_path is not None:
        wide: ImageFont.FreeTypeFont | ImageFont.ImageFont = ImageFont.truetype(cjk_path, 24)
    else:
        warnings.append("no CJK font found (install fonts-wqy-microhei or Noto CJK, or set "
                        f"{FONT_ENV}): hanzi are drawn as boxes")
        wide = ImageFont.load_default(size=22)
    base = mono or cjk_path
    narrow = {
        0: ImageFont.truetype(base, 20) if base else ImageFont.load_default(size=20),
        1: ImageFont.truetype(base, 15) if base else ImageFont.load_default(size=15),
    }
    note_face = symbol or base
    note = ImageFont.truetype(note_face, 13) if note_face else ImageFont.load_default(size=13)
    sym = ImageFont.truetype(symbol, 18) if symbol else narrow[0]
    return _Fonts(wide, narrow, note, sym, cjk_path, tuple(warnings))


# ---- public API ------------------------------------------------------------------------------

def render_receipt(job: DecodedJob, dots: int | None = None) -> RenderedReceipt:
    """Draw the job; `dots` (paper width in dots) defaults to the width the job was decoded for."""
    width = dots or job.dots
    font_path = find_cjk_font()
    fonts = _load_fonts(str(font_path) if font_path else None)
    warnings = list(fonts.warnings)
    blocks: list[Image.Image] = []
    total = TOP_MARGIN
    for item in job.items:
        for block in _render_item(item, width, fonts):
            if total + block.height > MAX_HEIGHT:
                warnings.append(f"receipt longer than {MAX_HEIGHT} dots: the picture is cut off")
                break
            blocks.append(block)
            total += block.height
        else:
            continue
        break
    if fonts.cjk_path is None:
        blocks.insert(0, _note(f"[no CJK font: {FONT_ENV}]", width, fonts))
        total += blocks[0].height
    total += BOTTOM_MARGIN
    canvas = Image.new("L", (width, total), 255)
    y = TOP_MARGIN
    for block in blocks:
        canvas.paste(block, (0, y))
        y += block.height
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG", optimize=True)
    for warning in warnings:
        log.warning("render: %s", warning)
    return RenderedReceipt(buffer.getvalue(), width, total, fonts.cjk_path, tuple(warnings))


def render_png(job: DecodedJob, dots: int | None = None) -> bytes:
    """The receipt as PNG bytes, `dots` pixels wide (default: the job's paper width)."""
    return render_receipt(job, dots).png


def render_bytes_png(data: bytes, charset: str = "gbk", dots: int = 384) -> bytes:
    """Decode raw ESC/POS bytes and draw them."""
    return render_png(decode(data, charset=charset, dots=dots), dots)


# ---- items -----------------------------------------------------------------------------------

def _render_item(item: Item, width: int, fonts: _Fonts) -> list[Image.Image]:
    if isinstance(item, TextLine):
        return _text_line(item, width, fonts)
    if isinstance(item, Feed):
        return [Image.new("L", (width, max(0, item.total_dots)), 255)] if item.total_dots > 0 else []
    if isinstance(item, Cut):
        return _cut(item, width, fonts)
    if isinstance(item, QrCode):
        return [_qr(item, width, fonts)]
    if isinstance(item, Barcode):
        return [_barcode(item, width, fonts)]
    if isinstance(item, RasterImage):
        return [_raster(item, width)]
    if isinstance(item, DrawerKick):
        return [_note(f"[cash drawer: pin {item.pin}, {item.on_ms} ms]", width, fonts)]
    if isinstance(item, Beep):
        return [_note(f"[beep x{item.times}]", width, fonts)]
    return []


def _place(block: Image.Image, width: int, align: Align, height: int | None = None) -> Image.Image:
    """A full-width strip with `block` placed left, centred or right (cropped if wider)."""
    strip = Image.new("L", (width, height if height is not None else block.height), 255)
    if block.width > width:
        block = block.crop((0, 0, width, block.height))
    x = {Align.LEFT: 0, Align.CENTER: (width - block.width) // 2, Align.RIGHT: width - block.width}[align]
    strip.paste(block, (x, 0))
    return strip


def _ink(image: Image.Image) -> Image.Image:
    """Thermal print has no grey: every dot is burnt or not."""
    return image.point(lambda v: 0 if v < INK_THRESHOLD else 255)


def _cell_size(style: TextStyle, wide: bool) -> tuple[int, int]:
    narrow_w, height = FONT_DOTS.get(style.font, FONT_DOTS[0])
    return (WIDE_DOTS if wide else narrow_w), (24 if wide and style.font == 0 else height)


def _glyph_run(text: str, style: TextStyle, wide: bool, fonts: _Fonts) -> Image.Image:
    """One run of characters at 1x in their cells, then enlarged by pixel replication."""
    cell_w, cell_h = _cell_size(style, wide)
    image = Image.new("L", (max(1, cell_w * len(text)), cell_h), 255)
    draw = ImageDraw.Draw(image)
    font = fonts.wide if wide else fonts.narrow.get(style.font, fonts.narrow[0])
    for index, char in enumerate(text):
        x = index * cell_w
        if isinstance(font, ImageFont.FreeTypeFont):
            left, top, right, bottom = font.getbbox(char)
            # Centre the glyph's ink box horizontally; keep the font's baseline for narrow text.
            dx = x + (cell_w - (right - left)) // 2 - left
            dy = (cell_h - (bottom - top)) // 2 - top if wide else (cell_h - sum(font.getmetrics())) // 2
        else:
            dx, dy = x, 0
        draw.text((dx, dy), char, fill=0, font=font)
        if style.bold:  # double strike, shifted by one dot, as emphasised printing does
            draw.text((dx + 1, dy), char, fill=0, font=font)
    image = _ink(image)
    if style.underline:
        thickness = 2 if style.underline == 2 else 1
        draw = ImageDraw.Draw(image)
        draw.rectangle((0, cell_h - thickness, image.width - 1, cell_h - 1), fill=0)
    if style.invert:
        image = image.point(lambda v: 255 - v)
    if style.width != 1 or style.height != 1:
        image = image.resize((image.width * style.width, image.height * style.height), Image.Resampling.NEAREST)
    return image


def _text_line(line: TextLine, width: int, fonts: _Fonts) -> list[Image.Image]:
    pitch = line.line_spacing
    if not line.runs:
        return [Image.new("L", (width, max(1, pitch)), 255)]
    # Split into characters with their cell widths, so a too-wide line wraps as the printer wraps it.
    pieces: list[tuple[str, TextStyle, bool, int]] = []
    for run in line.runs:
        cell_w, _ = _cell_size(run.style, run.wide)
        pieces.extend((char, run.style, run.wide, cell_w * run.style.width) for char in run.text)
    rows: list[list[tuple[str, TextStyle, bool, int]]] = [[]]
    used = 0
    for piece in pieces:
        if used + piece[3] > width and rows[-1]:
            rows.append([])
            used = 0
        rows[-1].append(piece)
        used += piece[3]
    blocks = []
    for row in rows:
        glyphs: list[Image.Image] = []
        start = 0
        while start < len(row):  # group equal styles back into runs
            end = start
            while end < len(row) and row[end][1:3] == row[start][1:3]:
                end += 1
            text = "".join(p[0] for p in row[start:end])
            glyphs.append(_glyph_run(text, row[start][1], row[start][2], fonts))
            start = end
        line_w = sum(g.width for g in glyphs)
        line_h = max(g.height for g in glyphs)
        image = Image.new("L", (max(1, line_w), line_h), 255)
        x = 0
        for glyph in glyphs:  # characters of different heights share the bottom line
            image.paste(glyph, (x, line_h - glyph.height))
            x += glyph.width
        if row[0][1].upside_down:
            image = image.rotate(180)
        blocks.append(_place(image, width, line.align, max(pitch, line_h)))
    return blocks


def _cut(cut: Cut, width: int, fonts: _Fonts) -> list[Image.Image]:
    blocks = [Image.new("L", (width, cut.feed_dots), 255)] if cut.feed_dots > 0 else []
    strip = Image.new("L", (width, 28), 255)
    draw = ImageDraw.Draw(strip)
    draw.text((2, 3), "✂", fill=0, font=fonts.symbol)
    for x in range(26, width, 10):
        draw.line((x, 14, min(x + 5, width - 1), 14), fill=0, width=1)
    label = "partial cut" if cut.partial else "cut"
    label_w = int(draw.textlength(label, font=fonts.note))
    draw.rectangle((width - label_w - 8, 6, width - 2, 22), fill=255)
    draw.text((width - label_w - 4, 6), label, fill=NOTE_GREY, font=fonts.note)
    blocks.append(strip)
    return blocks


def _note(text: str, width: int, fonts: _Fonts) -> Image.Image:
    strip = Image.new("L", (width, 18), 255)
    draw = ImageDraw.Draw(strip)
    text_w = int(draw.textlength(text, font=fonts.note))
    draw.text(((width - text_w) // 2, 1), text, fill=NOTE_GREY, font=fonts.note)
    return strip


def _qr(qr: QrCode, width: int, fonts: _Fonts) -> Image.Image:
    import qrcode
    import qrcode.constants

    levels = {"L": qrcode.constants.ERROR_CORRECT_L, "M": qrcode.constants.ERROR_CORRECT_M,
              "Q": qrcode.constants.ERROR_CORRECT_Q, "H": qrcode.constants.ERROR_CORRECT_H}
    try:
        code = qrcode.QRCode(version=None, error_correction=levels.get(qr.error_correction, levels["L"]),
                             box_size=max(1, qr.module_size), border=0)
        code.add_data(qr.data)
        code.make(fit=True)
        image = code.make_image().get_image().convert("L")
    except Exception as exc:  # qrcode raises DataOverflowError and friends
        return _note(f"[QR not printable: {exc}]", width, fonts)
    margin = 8
    framed = Image.new("L", (image.width, image.height + 2 * margin), 255)
    framed.paste(image, (0, margin))
    return _place(framed, width, qr.align)


def _barcode(barcode: Barcode, width: int, fonts: _Fonts) -> Image.Image:
    hri_font = fonts.narrow[0]
    text = barcode.text
    bars: Image.Image
    if barcode.symbology in ("CODE128", "GS1-128"):
        try:
            pattern = code128.modules(barcode.data)
        except code128.Code128Error as exc:
            return _note(f"[{barcode.symbology} not printable: {exc}]", width, fonts)
        module = max(1, barcode.module_width)
        bars_w = sum(w for _, w in pattern) * module
        if bars_w > width:
            return _note(f"[{barcode.symbology} {text}: {bars_w} dots wide, not printed]", width, fonts)
        bars = Image.new("L", (bars_w, barcode.height), 255)
        draw = ImageDraw.Draw(bars)
        x = 0
        for is_bar, modules in pattern:
            if is_bar:
                draw.rectangle((x, 0, x + modules * module - 1, barcode.height - 1), fill=0)
            x += modules * module
    else:  # other symbologies: a clearly labelled box, not fake bars
        bars = Image.new("L", (min(width, 24 * 12), barcode.height), 255)
        draw = ImageDraw.Draw(bars)
        draw.rectangle((0, 0, bars.width - 1, bars.height - 1), outline=0, width=2)
        draw.text((8, 8), f"[{barcode.symbology}]", fill=0, font=hri_font)
    hri = _glyph_run(text, TextStyle(), False, fonts) if barcode.hri and text else None
    parts = [bars]
    if hri is not None and barcode.hri in (1, 3):
        parts.insert(0, hri)
    if hri is not None and barcode.hri in (2, 3):
        parts.append(hri)
    gap = 4
    block_w = max(p.width for p in parts)
    block = Image.new("L", (block_w, sum(p.height for p in parts) + gap * (len(parts) + 1)), 255)
    y = gap
    for part in parts:
        block.paste(part, ((block_w - part.width) // 2, y))
        y += part.height + gap
    return _place(block, width, barcode.align)


def _raster(image: RasterImage, width: int) -> Image.Image:
    expected = image.width_bytes * image.height
    data = image.data[:expected].ljust(expected, b"\x00")
    if image.width_bytes == 0 or image.height == 0:
        return Image.new("L", (width, 0), 255)
    bitmap = Image.frombytes("1", (image.width, image.height), data, "raw", "1;I").convert("L")
    if image.scale_x != 1 or image.scale_y != 1:
        bitmap = bitmap.resize((bitmap.width * image.scale_x, bitmap.height * image.scale_y),
                               Image.Resampling.NEAREST)
    return _place(bitmap, width, image.align)
