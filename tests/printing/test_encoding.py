"""Text to printer bytes per character set: deliberate replacements, reported gaps, never a silent '?'."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cashier_app.printing.text_encoding import (
    REPLACEMENTS,
    SUPPORTED_CHARSETS,
    TextEncoder,
    describe_char,
    encode_text,
)


@pytest.mark.parametrize(
    ("charset", "expected"),
    [
        ("gbk", b"\xa3\xa412.50"),  # ¥ → ￥ (A3A4): GBK has no U+00A5
        ("gb2312", b"\xa3\xa412.50"),
        ("gb18030", b"\x81\x30\x84\x3612.50"),  # a GB18030 printer has it as a 4-byte sequence
        ("big5", b"\xa2\x4412.50"),
        ("utf-8", "¥12.50".encode()),
        ("cp437", b"\x9d12.50"),
        ("cp1252", b"\xa512.50"),
        ("cp866", b"RMB12.50"),  # no yen sign at all: spelt out
    ],
)
def test_yen_sign(charset: str, expected: bytes) -> None:
    data, prepared = encode_text("¥12.50", charset)
    assert data == expected
    assert prepared.missing == ()


def test_fullwidth_yuan_on_code_pages_becomes_the_narrow_sign() -> None:
    assert encode_text("￥9.50", "cp437")[0] == b"\x9d9.50"
    assert encode_text("￥9.50", "big5")[0] == b"\xa2\x449.50"


@pytest.mark.parametrize("charset", ["gb18030", "gbk", "gb2312"])
def test_chinese_punctuation_on_gb_printers(charset: str) -> None:
    data, prepared = encode_text("谢谢，欢迎。金额：（元）、", charset)
    assert data == "谢谢，欢迎。金额：（元）、".encode("gb2312")
    assert b"?" not in data
    assert prepared.missing == ()


def test_a_line_of_only_chinese_punctuation_is_not_question_marks() -> None:
    # python-escpos 3.1 would send '????' here (no hanzi in U+4E00..U+9FA5).
    assert encode_text("，。：（）", "gbk")[0] == b"\xa3\xac\xa1\xa3\xa3\xba\xa3\xa8\xa3\xa9"


def test_chinese_punctuation_on_a_code_page_becomes_ascii() -> None:
    data, prepared = encode_text("金额：（RMB）12.50，谢谢。", "cp437")
    assert data.endswith(b":(RMB)12.50,????.")
    assert prepared.missing == ("金", "额", "谢", "谢")


def test_big5() -> None:
    data, prepared = encode_text("謝謝惠顧，歡迎光臨", "big5")
    assert data == "謝謝惠顧，歡迎光臨".encode("big5")
    assert prepared.missing == ()
    # Simplified characters Big5 lacks: a same-width box, and reported.
    data, prepared = encode_text("谢谢", "big5")
    assert data == "□□".encode("big5")
    assert prepared.missing == ("谢", "谢")


def test_cp437_box_drawing() -> None:
    data, prepared = encode_text("┌──┐│═║└┘", "cp437")
    assert data == b"\xda\xc4\xc4\xbf\xb3\xcd\xba\xc0\xd9"
    assert prepared.missing == ()
    # cp1252 has no box drawing: ASCII look-alikes.
    assert encode_text("┌──┐│═", "cp1252")[0] == b"+--+|="


def test_gbk_has_box_drawing_and_ambiguous_symbols() -> None:
    data, prepared = encode_text("─│°×①", "gbk")
    assert data == "─│°×①".encode("gbk")
    assert prepared.missing == ()


def test_unencodable_characters_are_reported_with_a_same_width_placeholder() -> None:
    data, prepared = encode_text("价格𠀀元", "gbk")  # U+20000 is only in GB18030 (4 bytes)
    assert data == "价格□元".encode("gbk")
    assert prepared.missing == ("𠀀",)
    data, prepared = encode_text("a\U0001f600b", "gb2312")  # an emoji, narrow fallback '?', reported
    assert prepared.text in ("a□b", "a?b")
    assert prepared.missing == ("\U0001f600",)


def test_euro_is_spelt_out_where_the_set_lacks_it() -> None:
    assert encode_text("€5", "gbk")[0] == b"EUR5"
    assert encode_text("€5", "cp858")[0] == b"\xd55"


def test_fullwidth_letters_and_digits_become_ascii_on_code_pages() -> None:
    data, _ = encode_text("单号：２０２６ＡＢ", "cp850")
    assert data.endswith(b":2026AB")


def test_letters_a_code_page_lacks_lose_their_accent() -> None:
    data, prepared = encode_text("Őszą", "cp437")
    assert data == b"Osza"
    assert prepared.missing == ()
    # No decomposition (Ł is a letter of its own): reported, not guessed.
    data, prepared = encode_text("Łódź", "cp437")
    assert data == b"?\xa2dz"
    assert prepared.missing == ("Ł",)


def test_control_characters_are_removed_and_reported() -> None:
    # An ESC or GS in a print.txt would be a printer command.
    data, prepared = encode_text("金额\x1b@\x1dV\x00：12.50", "gbk")
    assert b"\x1b" not in data and b"\x1d" not in data and b"\x00" not in data
    assert data == "金额@V：12.50".encode("gbk")
    assert prepared.controls == ("\x1b", "\x1d", "\x00")


def test_invisible_characters_are_dropped_and_nbsp_becomes_space() -> None:
    assert encode_text("\ufeff单\u200b号\xa0A", "gbk")[0] == "单号 A".encode("gbk")


def test_private_use_characters_are_not_sent() -> None:
    # Python's GBK maps user-defined code points to private use; printers print junk there.
    data, prepared = encode_text("a\ue000b", "gbk")
    assert data == b"a?b"
    assert prepared.missing == ("\ue000",)


def test_text_is_put_in_nfc_form() -> None:
    assert encode_text("Cafe\u0301", "cp1252")[0] == b"Caf\xe9"


def test_ideographic_space() -> None:
    assert encode_text("合\u3000计", "gbk")[0] == b"\xba\xcf\xa1\xa1\xbc\xc6"
    assert encode_text("A\u3000B", "cp437")[0] == b"A  B"


def test_every_replacement_is_encodable_somewhere() -> None:
    for ch, candidates in REPLACEMENTS.items():
        assert candidates, ch
        assert any(TextEncoder(cs).can_encode(c) for cs in SUPPORTED_CHARSETS for c in candidates), ch


def test_unknown_charset() -> None:
    with pytest.raises(ValueError, match="unsupported character set"):
        TextEncoder("shift_jis")


def test_describe_char() -> None:
    assert describe_char("谢") == "'谢' (U+8C22 CJK UNIFIED IDEOGRAPH-8C22)"
    assert describe_char("\x1b") == "U+001B"


def _is_gbk_double_byte_stream(data: bytes) -> bool:
    """ASCII bytes, or a lead byte 81..FE followed by a trail byte 40..FE (not 7F): never 4 bytes."""
    i = 0
    while i < len(data):
        byte = data[i]
        if byte < 0x80:
            i += 1
            continue
        if not 0x81 <= byte <= 0xFE or i + 1 >= len(data):
            return False
        trail = data[i + 1]
        if not (0x40 <= trail <= 0xFE and trail != 0x7F):
            return False
        i += 2
    return True


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=60))
def test_gbk_profile_never_gets_a_four_byte_sequence(text: str) -> None:
    data, prepared = encode_text(text, "gbk")
    assert _is_gbk_double_byte_stream(data)
    # Whatever could not be printed as it is was reported, never silently turned into '?'.
    question_marks = sum(unicodedata.normalize("NFKD", ch).count("?") for ch in text)  # '?', '⁇', '︖' ...
    assert data.count(b"?") <= question_marks + 2 * len(prepared.missing)
    assert data.decode("gbk") == prepared.text


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.characters(codec="utf-8"), max_size=40),
    st.sampled_from(sorted(SUPPORTED_CHARSETS)),
)
def test_prepared_text_always_encodes(text: str, charset: str) -> None:
    encoder = TextEncoder(charset)
    prepared = encoder.prepare(text)
    assert encoder.encode(prepared.text).decode(encoder.codec) == prepared.text
    assert not any(ord(ch) < 0x20 and ch != "\t" for ch in prepared.text)
