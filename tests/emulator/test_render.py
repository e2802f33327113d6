"""The receipt picture: paper width, ink where the text is, codes, images and cut marks."""

from __future__ import annotations

import io
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from cashier_app.emulator import decode
from cashier_app.emulator.render import TOP_MARGIN, find_cjk_font, render_bytes_png, render_png, render_receipt

ESC, GS, FS = b"\x1b", b"\x1d", b"\x1c"


def picture(data: bytes, dots: int = 384) -> Image.Image:
    image = Image.open(io.BytesIO(render_bytes_png(b"\x1b@" + data, "gbk", dots)))
    image.load()
    return image.convert("L")


def ink_box(image: Image.Image, box: tuple[int, int, int, int]) -> tuple[int, int, int, int] | None:
    """Bounding box of dark pixels inside `box` (relative to the box)."""
    return image.crop(box).point(lambda v: 255 if v < 128 else 0).getbbox()


@pytest.mark.parametrize("dots", [384, 512, 576])
def test_png_is_as_wide_as_the_paper(dots: int) -> None:
    png = render_png(decode(b"\x1b@hello\n", dots=dots))
    assert png.startswith(b"\x89PNG")
    with Image.open(io.BytesIO(png)) as image:
        assert image.width == dots


def test_dark_pixels_where_left_aligned_text_is_and_nowhere_else() -> None:
    image = picture(b"HELLO\n")
    line = (0, TOP_MARGIN, image.width, TOP_MARGIN + 30)
    left, _top, right, _bottom = ink_box(image, line) or (0, 0, 0, 0)
    assert left < 12 and 4 * 12 < right <= 5 * 12 + 1  # five 12-dot cells
    assert ink_box(image, (0, TOP_MARGIN + 30, image.width, image.height)) is None


def test_centred_double_size_hanzi_are_large_and_centred() -> None:
    image = picture(FS + b"&" + ESC + b"a\x01" + GS + b"!\x11" + "重打小票".encode("gbk") + b"\n")
    box = ink_box(image, (0, 0, image.width, image.height))
    assert box is not None
    left, top, right, bottom = box
    assert abs((left + right) / 2 - image.width / 2) < 12
    assert right - left > 4 * 40  # four hanzi, 48 dots each at 2x
    assert bottom - top > 36  # 48 dots tall at 2x


def test_bold_has_more_ink_than_regular() -> None:
    def ink(data: bytes) -> int:
        image = picture(data)
        return image.point(lambda v: 255 if v < 128 else 0).histogram()[255]

    assert ink(ESC + b"E\x01" + "合计 TOTAL".encode("gbk") + b"\n") > ink("合计 TOTAL".encode("gbk") + b"\n")


def test_cjk_font_is_found() -> None:
    font = find_cjk_font()
    assert font is not None and font.is_file()
    rendered = render_receipt(decode(b"\x1b@" + "中".encode("gbk") + b"\n"))
    assert rendered.cjk_font == str(font) and rendered.warnings == ()


def test_qr_barcode_raster_and_cut_are_drawn() -> None:
    store = b"1P0" + b"https://example.cn/o/1"
    qr = (GS + b"(k\x03\x001C\x04" + GS + b"(k" + len(store).to_bytes(2, "little") + store
          + GS + b"(k\x03\x001Q0")
    image_qr = picture(ESC + b"a\x01" + qr)
    box = ink_box(image_qr, (0, 0, image_qr.width, image_qr.height))
    assert box is not None and box[2] - box[0] >= 21 * 4  # at least a version-1 symbol of 4-dot modules

    image_bar = picture(GS + b"h\x40" + GS + b"w\x02" + GS + b"kI\x05{B123")
    # Count bars along a row: start, 3 data and check symbols have 3 bars each, the stop symbol 4.
    row = [255, *image_bar.crop((0, TOP_MARGIN + 20, image_bar.width, TOP_MARGIN + 21)).tobytes()]
    bars = sum(1 for a, b in itertools.pairwise(row) if a >= 128 > b)
    assert bars == 3 * (1 + 3 + 1) + 4  # start, 3 data, check: 3 bars each; stop has 4

    bitmap = bytes([0xFF] * 4) * 8  # 32 x 8 black block
    image_raster = picture(GS + b"v0\x00\x04\x00\x08\x00" + bitmap)
    assert ink_box(image_raster, (0, 0, 384, image_raster.height)) == (0, TOP_MARGIN, 32, TOP_MARGIN + 8)

    image_cut = picture(b"x\n" + GS + b"VB\x00")
    assert image_cut.height > TOP_MARGIN + 30 + 20
    dashes = [image_cut.getpixel((x, TOP_MARGIN + 30 + 14)) for x in range(30, 200)]
    assert 0 in dashes and 255 in dashes  # a dashed line


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=200))
def test_render_never_raises(data: bytes) -> None:
    with Image.open(io.BytesIO(render_bytes_png(data))) as image:
        assert image.width == 384
