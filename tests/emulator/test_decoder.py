"""The decoder, command by command, and each flag for what a real printer would garble."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cashier_app.emulator import (
    Align,
    Barcode,
    Beep,
    Cut,
    DrawerKick,
    Feed,
    FlagKind,
    QrCode,
    RasterImage,
    TextLine,
    decode,
    is_status_only,
    paper_columns,
)

ESC, GS, FS, DLE = b"\x1b", b"\x1d", b"\x1c", b"\x10"
INIT = ESC + b"@"


def g(text: str) -> bytes:
    return text.encode("gbk")


def job(*parts: bytes, charset: str = "gbk", dots: int = 384):
    return decode(INIT + b"".join(parts), charset=charset, dots=dots)


def qr_bytes(data: bytes, size: int = 4, ec: int = 49) -> bytes:
    store = b"1P0" + data
    return (GS + b"(k\x04\x001A2\x00" + GS + b"(k\x03\x001C" + bytes([size]) + GS + b"(k\x03\x001E" + bytes([ec])
            + GS + b"(k" + len(store).to_bytes(2, "little") + store + GS + b"(k\x03\x001Q0")


def test_plain_text_lines_and_text() -> None:
    decoded = job(g("第一行\n"), b"second\n", b"\n", g("合计 12.00\n"))
    assert decoded.text_lines() == ["第一行", "second", "", "合计 12.00"]
    assert decoded.text() == "第一行\nsecond\n\n合计 12.00"
    assert decoded.flags == []
    assert decoded.lines[0].columns == 6 and decoded.lines[1].columns == 6


def test_crlf_is_one_line() -> None:
    assert job(b"a\r\nb\r\n").text_lines() == ["a", "b"]


def test_gs_bang_size_high_nibble_width_low_nibble_height() -> None:
    decoded = job(GS + b"!\x11" + g("重打小票 REPRINT\n"), GS + b"!\x00", GS + b"!\x10" + b"W\n", GS + b"!\x01H\n")
    big, wide, tall = decoded.lines
    assert (big.style.width, big.style.height) == (2, 2)
    assert big.columns == 32  # 6 hanzi x 2 + 8 ASCII, all doubled
    assert (wide.style.width, wide.style.height) == (2, 1)
    assert (tall.style.width, tall.style.height) == (1, 2)
    assert big.line_spacing >= 48


def test_gs_bang_out_of_range_is_a_bad_parameter() -> None:
    decoded = job(GS + b"!\x99" + b"x\n")
    assert decoded.lines[0].style.width == 1
    assert decoded.flags_of(FlagKind.BAD_PARAMETER)


def test_esc_bang_bits() -> None:
    line = job(ESC + b"!\xb9" + b"x\n").lines[0]  # font B, bold, double height+width, underline
    style = line.style
    assert (style.font, style.bold, style.width, style.height, style.underline) == (1, True, 2, 2, 1)


def test_esc_bang_does_not_enlarge_hanzi_and_is_flagged() -> None:
    decoded = job(ESC + b"!\x30" + g("AB中文\n"))
    runs = decoded.lines[0].runs
    assert (runs[0].text, runs[0].style.width) == ("AB", 2)
    assert (runs[1].text, runs[1].style.width, runs[1].wide) == ("中文", 1, True)
    assert decoded.flags_of(FlagKind.ESC_BANG_SIZE_ON_CJK)


def test_bold_underline_invert_and_upside_down() -> None:
    decoded = job(ESC + b"E\x01b" + ESC + b"E\x00" + ESC + b"-\x02u" + ESC + b"-\x00"
                  + GS + b"B\x01i" + GS + b"B\x00" + b"n\n")
    runs = decoded.lines[0].runs
    assert [(r.text, r.style.bold, r.style.underline, r.style.invert) for r in runs] == [
        ("b", True, 0, False), ("u", False, 2, False), ("i", False, 0, True), ("n", False, 0, False)]
    assert job(ESC + b"{\x01x\n").lines[0].style.upside_down


def test_esc_a_alignment_counts_at_line_start() -> None:
    decoded = job(ESC + b"a\x01c\n", ESC + b"a\x02r\n", ESC + b"a\x00l" + ESC + b"a\x02still left\n")
    assert [line.align for line in decoded.lines] == [Align.CENTER, Align.RIGHT, Align.LEFT]


def test_esc_d_feeds_and_prints_pending_text() -> None:
    decoded = job(b"pending" + ESC + b"d\x03")
    assert isinstance(decoded.items[0], TextLine) and decoded.items[0].text == "pending"
    assert decoded.items[1] == Feed(lines=3, line_spacing=30, offset=9)
    assert decoded.items[1].total_dots == 90
    assert not decoded.flags_of(FlagKind.UNTERMINATED_LINE)


def test_esc_t_selects_the_single_byte_code_page() -> None:
    decoded = job(FS + b".", ESC + b"t\x10", b"Caf\xe9\n")  # cp1252
    assert decoded.text_lines() == ["Café"]
    assert decoded.flags == []
    assert not decoded.chinese_mode_at_end


def test_esc_p_drawer_kick() -> None:
    decoded = job(ESC + b"p\x00\x19\xfa")
    assert decoded.drawer_kicks == [DrawerKick(pin=2, on_ms=50, off_ms=500, offset=2)]
    assert job(ESC + b"p1\x19\x19").drawer_kicks[0].pin == 5


@pytest.mark.parametrize(("command", "partial", "feed"), [
    (GS + b"V\x00", False, 0), (GS + b"V0", False, 0), (GS + b"V\x01", True, 0), (GS + b"V1", True, 0),
    (GS + b"VA\x05", False, 5), (GS + b"VB\x03", True, 3), (GS + b"Va\x07", False, 7), (GS + b"Vb\x02", True, 2),
    (GS + b"Vg\x01", False, 1), (GS + b"Vh\x01", True, 1),
])
def test_gs_v_all_forms(command: bytes, partial: bool, feed: int) -> None:
    decoded = job(b"x\n", command, b"after\n")
    assert decoded.cuts == [Cut(partial=partial, feed_dots=feed, offset=4)]
    assert decoded.text_lines() == ["x", "after"]  # the feed byte is not taken for text


def test_gs_v_unknown_mode_is_a_bad_parameter() -> None:
    assert job(GS + b"V\x07").flags_of(FlagKind.BAD_PARAMETER)


def test_gs_v_0_raster() -> None:
    bitmap = bytes([0xFF, 0x00]) * 3  # 16 x 3 dots, left half black
    decoded = job(ESC + b"a\x01", GS + b"v0\x00\x02\x00\x03\x00" + bitmap, b"after\n")
    [image] = decoded.images
    assert (image.width, image.height, image.data, image.align) == (16, 3, bitmap, Align.CENTER)
    assert decoded.text_lines() == ["after"]
    assert job(GS + b"v0\x03\x01\x00\x01\x00\xff").images[0].scale_x == 2


def test_esc_star_column_image_is_one_stripe_without_a_blank_line() -> None:
    decoded = job(ESC + b"3\x18", ESC + b"*\x21\x02\x00" + b"\x80\x00\x01" * 2 + b"\n")
    [image] = decoded.images
    assert (image.width, image.height) == (8, 24)
    assert image.data[0] == 0xC0 and image.data[23] == 0xC0  # top and bottom dots of both columns
    assert decoded.lines == []


def test_gs_paren_k_qr_all_functions() -> None:
    sent = INIT + ESC + b"a\x01" + qr_bytes("https://例子.cn/o/1".encode(), size=6, ec=51)
    decoded = decode(sent)
    print_offset = len(sent) - 8  # the last command, GS ( k fn 81, prints
    assert decoded.qr_codes == [QrCode("https://例子.cn/o/1".encode(), 6, "H", 2, Align.CENTER, print_offset)]
    assert decoded.qr_codes[0].text == "https://例子.cn/o/1"
    names = [c.detail for c in decoded.commands if c.name == "GS ( k"]
    assert names == ["QR model 2", "QR module 6 dots", "QR error correction H", "QR store 21 bytes", "QR print"]


def test_qr_print_without_data_is_flagged() -> None:
    decoded = job(GS + b"(k\x03\x001Q0")
    assert decoded.qr_codes == [] and decoded.flags_of(FlagKind.BAD_PARAMETER)


def test_qr_store_without_print_prints_nothing() -> None:
    assert job(GS + b"(k\x06\x001P0abc").qr_codes == []


def test_other_2d_symbologies_are_accepted_silently() -> None:
    decoded = job(GS + b"(k\x03\x000A\x00")  # PDF417 columns
    assert decoded.flags == [] and decoded.items == []


def test_gs_k_code128_function_b_and_a() -> None:
    decoded = job(GS + b"h\x50", GS + b"w\x02", GS + b"H\x02", GS + b"kI\x0b{BORD-42-7X", b"\n")
    [barcode] = decoded.barcodes
    assert barcode == Barcode("CODE128", b"{BORD-42-7X", 80, 2, 2, Align.LEFT, offset=11)
    assert barcode.text == "ORD-42-7X"
    ean = job(GS + b"k\x02" + b"4006381333931\x00").barcodes[0]
    assert (ean.symbology, ean.text) == ("EAN13", "4006381333931")


def test_gs_k_code128_without_code_set_is_flagged() -> None:
    decoded = job(GS + b"kI\x03ABC")
    assert decoded.barcodes == [] and decoded.flags_of(FlagKind.BAD_PARAMETER)


def test_gs_a_and_dle_eot_are_recorded_not_printed() -> None:
    decoded = decode(DLE + b"\x04\x01" + GS + b"a\xff" + DLE + b"\x04\x04")
    assert decoded.status_queries == [1, 4]
    assert decoded.asb_settings == [0xFF]
    assert decoded.items == [] and decoded.flags == []
    assert not decoded.has_printable_content


def test_fs_dot_takes_no_parameter() -> None:
    # If FS . took a parameter, "A" would be swallowed.
    decoded = job(FS + b".", b"AB\n")
    assert decoded.text_lines() == ["AB"]
    assert not decoded.chinese_mode_at_end
    assert [c.name for c in decoded.commands] == ["ESC @", "FS ."]


def test_fs_ampersand_and_fs_dot_switch_chinese_mode() -> None:
    decoded = job(FS + b"." + b"x\n" + FS + b"&" + g("中文\n"))
    assert decoded.text_lines() == ["x", "中文"]
    assert decoded.flags == []
    assert decoded.chinese_mode_at_end


def test_esc_at_restores_chinese_mode_and_styles() -> None:
    decoded = job(FS + b"." + GS + b"!\x11" + ESC + b"E\x01" + ESC + b"@" + g("中\n"))
    line = decoded.lines[0]
    assert line.text == "中" and line.style.width == 1 and not line.style.bold


def test_big5_and_utf8_printers() -> None:
    assert job("臺灣\n".encode("big5"), charset="big5").text_lines() == ["臺灣"]
    assert job("中文¥\n".encode(), charset="utf-8").text_lines() == ["中文¥"]


def test_tab_advances_to_the_next_stop() -> None:
    assert job(b"ab\tc\n").text_lines() == ["ab      c"]


# ---- flags ---------------------------------------------------------------------------------------

def test_flag_single_byte_code_page_bytes_in_chinese_mode() -> None:
    decoded = job(ESC + b"t\x10", b"Caf\xe9 au lait\n")  # cp1252 text without FS .
    [flag] = decoded.flags
    assert flag.kind is FlagKind.SINGLE_BYTE_IN_CHINESE_MODE
    assert flag.offset == 8 and flag.line == 0
    assert "\ufffd" in decoded.text()


def test_flag_gb18030_four_byte_sequence_on_gbk_printer() -> None:
    data = "¥12.00\n".encode("gb18030")
    assert data.startswith(b"\x81\x30\x84\x36")
    decoded = job(data)
    [flag] = decoded.flags
    assert flag.kind is FlagKind.GB18030_ON_GBK and "¥" in flag.message
    assert decoded.text_lines() == ["\ufffd\ufffd12.00"]
    # The same bytes are fine on a GB18030 printer, and the full-width yuan sign is fine on GBK.
    assert job(data, charset="gb18030").text_lines() == ["¥12.00"]
    assert job(g("￥12.00\n")).flags == []


def test_flag_char_not_in_gb2312() -> None:
    decoded = job(g("堃\n"), charset="gb2312")  # in GBK, not in GB2312
    assert decoded.flags_of(FlagKind.CHAR_NOT_IN_CHARSET)


def test_flag_hanzi_bytes_out_of_chinese_mode() -> None:
    decoded = job(FS + b"." + g("中文\n"))
    assert decoded.flags_of(FlagKind.CJK_IN_SINGLE_BYTE_MODE)


@pytest.mark.parametrize(("dots", "columns"), [(384, 32), (576, 48), (512, 42)])
def test_flag_line_wider_than_the_paper(dots: int, columns: int) -> None:
    assert paper_columns(dots) == columns
    fits = job(b"x" * columns + b"\n", dots=dots)
    assert fits.flags == [] and fits.lines[0].columns == columns
    hanzi = job(g("中" * (columns // 2 + 1)) + b"\n", dots=dots)
    [flag] = hanzi.flags
    assert flag.kind is FlagKind.LINE_TOO_WIDE and flag.line == 0
    assert hanzi.lines[0].columns == columns + 2
    doubled = job(GS + b"!\x10" + b"x" * (columns // 2 + 1) + b"\n", dots=dots)
    assert doubled.flags_of(FlagKind.LINE_TOO_WIDE)


def test_flag_unknown_command() -> None:
    decoded = job(ESC + b"\x7f" + b"ok\n")
    [flag] = decoded.flags
    assert flag.kind is FlagKind.UNKNOWN_COMMAND and flag.data == b"\x1b\x7f"
    assert decoded.text_lines() == ["ok"]


def test_flag_truncated_command_and_unterminated_line() -> None:
    decoded = job(b"tail", GS + b"v0\x00\x10\x00\x10\x00\xff")
    kinds = {flag.kind for flag in decoded.flags}
    assert kinds == {FlagKind.TRUNCATED_COMMAND, FlagKind.UNTERMINATED_LINE}
    assert decoded.lines[0].terminated is False


def test_flag_missing_init() -> None:
    assert decode(b"x\n").flags_of(FlagKind.MISSING_INIT)
    assert not decode(INIT + b"x\n").flags


def test_beep_and_status_only() -> None:
    assert job(ESC + b"B\x02\x03").items == [Beep(2, 3, offset=2)]
    assert is_status_only(DLE + b"\x04\x01" + DLE + b"\x04\x04" + GS + b"a\x00")
    assert not is_status_only(DLE + b"\x04\x01x")
    assert not is_status_only(DLE + b"\x04")


def test_items_keep_their_order() -> None:
    decoded = job(b"a\n", qr_bytes(b"q"), GS + b"kI\x03{Bb", ESC + b"d\x01", GS + b"VB\x00", ESC + b"p\x00\x19\xfa")
    assert [item.kind for item in decoded.items] == ["text", "qr", "barcode", "feed", "cut", "drawer"]
    assert isinstance(decoded.items[1], QrCode) and isinstance(decoded.items[5], DrawerKick)
    assert not isinstance(decoded.items[0], RasterImage)


def test_unsupported_charset_is_refused() -> None:
    with pytest.raises(ValueError, match="unsupported"):
        decode(b"", charset="latin-9")


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300), st.sampled_from(["gbk", "gb18030", "utf-8", "big5"]))
def test_decoder_never_raises(data: bytes, charset: str) -> None:
    decoded = decode(data, charset=charset)
    assert decoded.size == len(data)
