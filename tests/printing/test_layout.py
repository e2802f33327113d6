"""Receipt layout to ESC/POS bytes (specs/escpos.md): framing, reprint header, cut, drawer, QR, CODE128."""

from __future__ import annotations

import escpos.constants as C
import pytest
from escpos.printer import Dummy
from hypothesis import given, settings
from hypothesis import strategies as st

from cashier_app.printing import layout as L
from cashier_app.printing.layout import LayoutOptions, ReprintMark, code128_data, layout_receipt, qr_commands
from cashier_app.printing.profiles import (
    PROFILE_INVALID,
    PROFILE_UNKNOWN,
    Profile,
    ProfileError,
    builtin_profiles,
    printer_profile,
    resolve_profile,
)
from cashier_app.printing.settings import PrinterSettings, PrintingSettings, ProfileSettings
from cashier_app.printing.text_width import text_width

PROFILES = builtin_profiles()
GBK58 = PROFILES["58-gbk"]
GB80 = PROFILES["80-gb18030"]
CP437 = PROFILES["80-cp437"]
LINES = ["        聚合支付 签购单", "商户订单号：202611220001", "金额：RMB 12.50"]
CUT = b"\x1dV\x42" + bytes([L.CUT_FEED_DOTS])


def _body(payload: bytes, head: int, tail: int) -> list[bytes]:
    return payload[head : len(payload) - tail].split(b"\n")[:-1]


# -- profiles


def test_builtin_profiles() -> None:
    assert {name: (p.columns, p.dots, p.charset) for name, p in PROFILES.items()} == {
        "58-gbk": (32, 384, "gbk"),
        "80-gb18030": (48, 576, "gb18030"),
        "80-42-gb18030": (42, 512, "gb18030"),
        "80-cp437": (48, 576, "cp437"),
    }


def test_resolve_profile_from_settings_with_a_store_profile() -> None:
    settings = PrintingSettings()
    settings.profiles["58-big5"] = ProfileSettings(columns=32, dots=384, charset="big5")
    assert resolve_profile(settings, "58-big5") == Profile("58-big5", 32, 384, "big5", 0)
    with pytest.raises(ProfileError) as caught:
        resolve_profile(settings, "nope")
    assert caught.value.code == PROFILE_UNKNOWN
    assert "58-big5" in str(caught.value)


def test_printer_profile_is_the_default_printers() -> None:
    settings = PrintingSettings()
    settings.printers["receipt"].profile = "80-gb18030"
    assert printer_profile(settings) == GB80
    with pytest.raises(ProfileError):
        printer_profile(settings, "kitchen")


def test_profile_that_cannot_be_printed_is_refused() -> None:
    with pytest.raises(ProfileError) as caught:
        Profile("bad", columns=64, dots=384, charset="gbk")
    assert caught.value.code == PROFILE_INVALID
    with pytest.raises(ProfileError):
        Profile("bad", columns=32, dots=384, charset="ebcdic")


# -- our command bytes are python-escpos 3.1's


def test_command_constants_agree_with_python_escpos() -> None:
    assert L.INIT == C.HW_INIT
    assert L.SELECT_CODEPAGE == C.CODEPAGE_CHANGE
    assert L.CHAR_SIZE == C.TXT_SIZE
    assert C.TXT_STYLE["align"]["center"] == L.ALIGN_CENTRE
    assert C.TXT_STYLE["align"]["left"] == L.ALIGN_LEFT
    assert C.CD_KICK_DEC_SEQUENCE(27, 112, 0, 25, 250) == L.DRAWER_KICK
    assert L.BARCODE_HRI_BELOW == C.BARCODE_TXT_BLW
    assert L.BARCODE_HRI_FONT_A == C.BARCODE_FONT_A
    assert C.BARCODE_TYPE_B["CODE128"] == L.BARCODE_CODE128
    assert L.BARCODE_HEIGHT == C.BARCODE_HEIGHT
    assert L.BARCODE_WIDTH == C.BARCODE_WIDTH


def test_qr_bytes_are_python_escpos_native_qr() -> None:
    printer = Dummy()
    printer.qr("202611220001", ec=C.QR_ECLEVEL_M, size=6, native=True)
    assert qr_commands(b"202611220001", 6) == printer.output


def test_code128_bytes_are_python_escpos_hardware_barcode(capsys: pytest.CaptureFixture[str]) -> None:
    code = code128_data("202611220001")
    assert code == b"{C" + bytes([20, 26, 11, 22, 0, 1])
    printer = Dummy()
    printer.barcode(code.decode("ascii"), "CODE128", height=80, width=3, pos="BELOW", font="A",
                    align_ct=True, function_type="B")
    result = layout_receipt([], GBK58, LayoutOptions(barcode_data="202611220001"))
    assert b"\n" + printer.output + L.ALIGN_LEFT + CUT == result.payload[-len(printer.output) - 4 - len(CUT) :]
    assert result.lines == ("",)


# -- framing


def test_double_byte_receipt_frame() -> None:
    result = layout_receipt(LINES, GBK58, LayoutOptions())
    assert result.payload.startswith(b"\x1b@\x1c&")
    assert result.payload.endswith(CUT)
    assert _body(result.payload, 4, len(CUT)) == [line.encode("gbk") for line in LINES]
    assert result.lines == tuple(LINES)
    assert result.warnings == ()


def test_single_byte_code_page_frame_turns_chinese_mode_off() -> None:
    result = layout_receipt(["TOTAL 12.50"], CP437, LayoutOptions())
    # FS . is two bytes, no parameter; then ESC t n.
    assert result.payload == b"\x1b@\x1c.\x1bt\x00TOTAL 12.50\n" + CUT
    store = Profile("80-1252", 48, 576, "cp1252", codepage=16)
    assert layout_receipt(["x"], store).payload.startswith(b"\x1b@\x1c.\x1bt\x10x\n")


def test_utf8_profile_sends_chinese_mode_on_and_utf8() -> None:
    profile = Profile("58-utf8", 32, 384, "utf-8")
    result = layout_receipt(["金额：¥12.50"], profile)
    assert result.payload == b"\x1b@\x1c&" + "金额：¥12.50\n".encode() + CUT


def test_empty_lines_are_kept_and_trailing_spaces_dropped() -> None:
    result = layout_receipt(["a   ", "", "  b"], GBK58)
    assert result.lines == ("a", "", "  b")
    assert _body(result.payload, 4, len(CUT)) == [b"a", b"", b"  b"]


def test_embedded_newlines_become_lines() -> None:
    assert layout_receipt(["a\r\nb\nc\rd"], GBK58).lines == ("a", "b", "c", "d")


# -- cut, feed, drawer


def test_cutter_feeds_and_cuts_with_gs_v_66() -> None:
    payload = layout_receipt(LINES, GB80, LayoutOptions(cutter=True)).payload
    assert payload.endswith(b"\x1dVB" + bytes([L.CUT_FEED_DOTS]))


def test_no_cutter_feeds_only() -> None:
    payload = layout_receipt(LINES, GB80, LayoutOptions(cutter=False)).payload
    assert payload.endswith(b"\x1bd" + bytes([L.TEAR_FEED_LINES]))
    assert b"\x1dV" not in payload


def test_drawer_kick_before_the_cut() -> None:
    payload = layout_receipt(LINES, GBK58, LayoutOptions(drawer_kick=True)).payload
    assert payload.endswith(b"\x1bp\x00\x19\xfa" + CUT)
    assert b"\x1bp" not in layout_receipt(LINES, GBK58, LayoutOptions(drawer_kick=False)).payload


def test_a_reprint_never_opens_the_drawer() -> None:
    mark = ReprintMark(copy_no=2, reprinted_at="2026-11-22 12:00:00")
    payload = layout_receipt(LINES, GBK58, LayoutOptions(drawer_kick=True, reprint=mark)).payload
    assert b"\x1bp" not in payload


def test_options_for_printer() -> None:
    printer = PrinterSettings(cutter=False, drawer_kick=True)
    options = LayoutOptions.for_printer(printer, qr_data="1")
    assert (options.cutter, options.drawer_kick, options.qr_data) == (False, True, "1")


# -- reprint


def test_reprint_header_in_large_type() -> None:
    mark = ReprintMark(copy_no=3, reprinted_at="2026-11-22 12:05:10", reason="打印机缺纸")
    result = layout_receipt(LINES, GBK58, LayoutOptions(reprint=mark))
    payload = result.payload
    title = "重打小票 REPRINT".encode("gbk")
    # Right after the frame, GS ! 0x11 (double width and height), the title, back to normal size.
    assert payload.startswith(b"\x1b@\x1c&\x1d!\x11" + title + b"\n\x1d!\x00")
    assert result.lines[:5] == (
        "重打小票 REPRINT",
        "          副本 COPY 3",
        "  重打时间 2026-11-22 12:05:10",
        "        原因 打印机缺纸",
        "=" * 32,
    )
    assert result.lines[5:] == tuple(LINES)
    # The header sits before the receipt's own first line.
    assert payload.index(title) < payload.index(LINES[0].encode("gbk"))


def test_reprint_header_on_wider_paper_is_centred_in_large_columns() -> None:
    mark = ReprintMark(copy_no=2, reprinted_at="2026-11-22 12:05:10")
    result = layout_receipt(LINES, GB80, LayoutOptions(reprint=mark))
    assert result.lines[0] == " " * 4 + "重打小票 REPRINT"  # (24 - 16) / 2 in double-width columns
    assert len(result.lines) == 3 + 1 + len(LINES)  # no reason line


def test_reprint_header_on_a_code_page_printer_is_english() -> None:
    mark = ReprintMark(copy_no=2, reprinted_at="2026-11-22 12:05:10")
    result = layout_receipt(["TOTAL 12.50"], CP437, LayoutOptions(reprint=mark))
    assert result.lines[0].strip() == "REPRINT"
    assert result.lines[1].strip() == "COPY 2"
    assert result.lines[2].strip() == "TIME 2026-11-22 12:05:10"
    assert result.warnings == ()


# -- QR and barcode


def test_qr_code_of_the_order_number_centred_after_the_text() -> None:
    result = layout_receipt(LINES, GBK58, LayoutOptions(qr_data="202611220001"))
    qr = qr_commands(b"202611220001", 8)
    assert b"\n\x1ba\x01" + qr + b"\x1ba\x00" + CUT == result.payload[-len(qr) - 7 - len(CUT) :]
    assert result.lines == (*LINES, "")  # the blank line before the code
    assert result.payload.index(LINES[-1].encode("gbk")) < result.payload.index(qr)


def test_qr_data_is_utf8() -> None:
    result = layout_receipt([], GBK58, LayoutOptions(qr_data="订单202611220001"))
    assert "订单202611220001".encode() in result.payload


def test_qr_module_size_shrinks_for_long_data() -> None:
    long = "https://mp.example.com/o/" + "9" * 150  # version 8 at level M: 49 + 8 modules
    result = layout_receipt([], GBK58, LayoutOptions(qr_data=long))
    assert qr_commands(long.encode(), 384 // 57) in result.payload


def test_qr_too_long_is_left_out_with_a_warning() -> None:
    result = layout_receipt(["a"], GBK58, LayoutOptions(qr_data="x" * 3000))
    assert b"\x1d(k" not in result.payload
    assert result.warnings[0].startswith("QR_TOO_LONG: ")


def test_code128_code_sets() -> None:
    assert code128_data("12345") == b"{C" + bytes([12, 34]) + b"{B5"
    assert code128_data("AB{12") == b"{BAB{{12"
    assert code128_data("123") == b"{B123"


def test_barcode_for_non_ascii_is_left_out_with_a_warning() -> None:
    result = layout_receipt(["a"], GBK58, LayoutOptions(barcode_data="订单123"))
    assert b"\x1dk" not in result.payload
    assert result.warnings == ("BARCODE_NOT_ASCII: CODE128 takes printable ASCII only; barcode of '订单123' left out",)


def test_barcode_too_wide_for_the_paper_is_left_out() -> None:
    result = layout_receipt([], GBK58, LayoutOptions(barcode_data="ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    assert b"\x1dk" not in result.payload
    assert result.warnings[0].startswith("BARCODE_TOO_WIDE: ")
    assert b"\x1dk" in layout_receipt([], GB80, LayoutOptions(barcode_data="A1234567890")).payload


# -- text


def test_long_lines_are_wrapped_by_the_app() -> None:
    result = layout_receipt(["第三方订单号：4200001234202611221234567890"], GBK58)
    assert result.lines == ("第三方订单号：", "4200001234202611221234567890")
    assert all(text_width(line) <= 32 for line in result.lines)


def test_dividers_are_fitted_to_the_paper() -> None:
    assert layout_receipt(["-" * 32], GB80).lines == ("-" * 48,)
    assert layout_receipt(["=" * 48], GBK58).lines == ("=" * 32,)
    # '─' is a double-byte character on a GBK printer: 16 of them fill 32 columns.
    assert layout_receipt(["─" * 40], GBK58).lines == ("─" * 16,)
    # A short rule (a signature line) is left alone.
    assert layout_receipt(["持卡人签名：________"], GB80).lines == ("持卡人签名：________",)


def test_yen_becomes_fullwidth_yuan_on_gbk_and_stays_within_the_paper() -> None:
    result = layout_receipt(["实付: ¥9.50"], GBK58)
    assert result.lines == ("实付: ￥9.50",)
    assert "实付: ￥9.50".encode("gbk") in result.payload
    assert result.warnings == ()


def test_tabs_are_expanded_in_columns() -> None:
    assert layout_receipt(["商品\t数量"], GBK58).lines == ("商品    数量",)


def test_unencodable_characters_are_warned_with_line_numbers() -> None:
    result = layout_receipt(["ok", "价格𠀀", "又是𠀀"], GBK58)
    assert result.warnings == (
        "UNENCODABLE: gbk cannot print '𠀀' (U+20000 CJK UNIFIED IDEOGRAPH-20000) on lines 2, 3; printed as '□'",
    )
    assert b"\x81\x308" not in result.payload


def test_many_unencodable_characters_are_summarised() -> None:
    result = layout_receipt(["一二三四五六七八九十"], CP437)
    assert len(result.warnings) == L._MAX_LISTED_CHARS + 1
    assert result.warnings[-1] == "UNENCODABLE: cp437 cannot print 2 more characters; printed as placeholders"
    assert result.lines == ("?" * 20,)  # two columns each: the till's alignment survives


def test_control_characters_never_reach_the_printer() -> None:
    result = layout_receipt(["金额\x1dV\x00：12.50"], GBK58)
    assert result.lines == ("金额V：12.50",)
    assert result.warnings == ("CONTROL_REMOVED: line 1: 2 control character(s) removed, not sent to the printer",)
    assert result.payload.count(b"\x1dV") == 1  # only the real cut


# -- every line fits, and the bytes are the lines


_CHINESE = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
_OTHER = st.sampled_from(list("abcXYZ0123456789 .:-()，。：（）￥¥Ａ１　─°×"))
_LINE = st.lists(st.one_of(_CHINESE, _OTHER), max_size=70).map("".join)


@settings(max_examples=150, deadline=None)
@given(lines=st.lists(_LINE, max_size=12), name=st.sampled_from(sorted(PROFILES)))
def test_random_receipts_fit_the_paper_and_encode_line_by_line(lines: list[str], name: str) -> None:
    profile = PROFILES[name]
    result = layout_receipt(lines, profile, LayoutOptions())
    head = 4 if profile.double_byte else 7
    body = _body(result.payload, head, len(CUT))
    assert [raw.decode(profile.charset) for raw in body] == list(result.lines)
    for line in result.lines:
        assert text_width(line, profile.width_model) <= profile.columns


def test_an_order_number_is_never_split_and_full_width_digits_print_as_ascii(samples_dir) -> None:
    """A 58 mm receipt split `２０２６１１２２０|００６` over two lines: now the digits are ASCII (half as
    wide) and a too-wide `label：value` line wraps at the colon, the value whole on the next line."""
    from cashier_app.domain.receipt import Receipt
    from cashier_app.domain.receipt_parser import parse_receipt
    from cashier_app.printing.profiles import builtin_profiles

    receipt = parse_receipt((samples_dir / "fullwidth-and-spaces-gbk.txt").read_bytes())
    assert isinstance(receipt, Receipt)
    printed = layout_receipt(receipt.lines, builtin_profiles()["58-gbk"]).lines
    assert "商户订单号 ： 202611220006" in printed
    assert "第三方订单号：" in printed and "4200001234202611220000006666" in printed
    assert not any("２" in line or "０" in line for line in printed)
    for line in printed:
        assert not (line.endswith("20261122") or line.startswith("0006"))  # never a number cut in two


def test_a_line_of_label_value_pairs_wraps_between_the_pairs() -> None:
    """A demo receipt's `件数：5               合计：77.20` on 58 mm came out as `件数：` over
    `5               合计：77.20`: a count cut from its label. Now each pair stays whole."""
    from cashier_app.printing.profiles import builtin_profiles

    narrow = builtin_profiles()["58-gbk"]
    printed = layout_receipt(["件数：5               合计：77.20"], narrow).lines
    assert list(printed) == ["件数：5", "合计：77.20"]
    # Pairs that fit together stay together; one wider than the paper still wraps at its own colon.
    three = layout_receipt(["收银员：05  机号：T0001          日期：2026-12-02"], narrow).lines
    assert list(three) == ["收银员：05  机号：T0001", "日期：2026-12-02"]
    when = layout_receipt(["交易日期时间：2026-11-22        14:46:09"], narrow).lines  # a time is no label
    assert list(when) == ["交易日期时间：", "2026-11-22        14:46:09"]
    # A pair wider than the paper wraps at its own colon: its label is never left with another pair.
    number = layout_receipt(["件数：5   第三方订单号：4200001234202611220000006666"], narrow).lines
    assert list(number) == ["件数：5", "第三方订单号：", "4200001234202611220000006666"]
    first = layout_receipt(["交易单号：2026112222202612020014170005   件数：5   合计：77.20"], narrow).lines
    assert list(first) == ["交易单号：", "2026112222202612020014170005", "件数：5   合计：77.20"]
