"""Column widths, wrapping and centring (specs/escpos.md rule 2)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cashier_app.printing.text_width import (
    WidthModel,
    centre,
    char_width,
    expand_tabs,
    fit_width,
    text_width,
    wrap_line,
)

EA = WidthModel.EAST_ASIAN
DB = WidthModel.DOUBLE_BYTE


@pytest.mark.parametrize(
    ("ch", "model", "width"),
    [
        ("a", EA, 1),
        ("中", EA, 2),
        ("，", EA, 2),  # full-width comma
        ("Ａ", EA, 2),  # full-width letter
        ("\u3000", EA, 2),  # ideographic space
        ("\u0301", EA, 0),  # combining acute
        ("\u200b", EA, 0),  # zero-width space (format)
        ("°", EA, 1),  # ambiguous: narrow in the East-Asian model ...
        ("°", WidthModel.EAST_ASIAN_WIDE_AMBIGUOUS, 2),  # ... wide on a Chinese font
        ("°", DB, 2),  # and a full hanzi cell on a GBK printer
        ("a", DB, 1),
        ("é", WidthModel.SINGLE_BYTE, 1),
        ("\x1b", EA, 0),
    ],
)
def test_char_width(ch: str, model: WidthModel, width: int) -> None:
    assert char_width(ch, model) == width


def test_text_width_counts_columns_not_characters() -> None:
    assert text_width("金额：RMB 12.50") == 2 + 2 + 2 + 9
    assert text_width("金额：RMB 12.50", DB) == 15
    assert text_width("e\u0301") == 1
    assert text_width("") == 0
    # 58 mm paper: 16 hanzi make a full line of 32 columns.
    assert text_width("谢" * 16) == 32


def test_expand_tabs_uses_columns() -> None:
    assert expand_tabs("商品\t1") == "商品" + " " * 4 + "1"
    assert expand_tabs("ab\tc") == "ab" + " " * 6 + "c"
    assert expand_tabs("no tabs") == "no tabs"


def test_centre() -> None:
    assert centre("谢谢惠顾", 32) == " " * 12 + "谢谢惠顾"
    assert centre("abc", 8) == "  abc"
    assert centre("  abc  ", 8) == "  abc"
    long = "谢" * 20
    assert centre(long, 32) == long


def test_fit_width_keeps_combining_marks_with_their_base() -> None:
    assert fit_width("中文abc", 5) == 3
    assert fit_width("ae\u0301b", 2) == 3  # the combining mark rides along with 'e'


def test_line_that_fits_is_untouched() -> None:
    assert wrap_line("  商户编号：M100001", 32) == ["  商户编号：M100001"]


def test_number_moves_to_next_line_whole() -> None:
    line = "第三方订单号：4200001234202611221234567890"
    assert wrap_line(line, 32) == ["第三方订单号：", "4200001234202611221234567890"]


def test_number_wider_than_paper_is_cut_to_fill_lines() -> None:
    number = "1234567890" * 4
    pieces = wrap_line("单号：" + number, 32)
    assert pieces == ["单号：" + number[:26], number[26:]]


def test_chinese_text_breaks_between_characters_not_before_closing_punctuation() -> None:
    line = "备注：凭此小票可在商户管理平台查询订单，谢谢"
    pieces = wrap_line(line, 32)
    assert all(text_width(piece) <= 32 for piece in pieces)
    assert "".join(pieces) == line
    assert not any(piece.startswith(("，", "。")) for piece in pieces)


def test_latin_words_break_at_spaces() -> None:
    pieces = wrap_line("CARDHOLDER SIGNATURE REQUIRED FOR THIS TRANSACTION", 20)
    assert pieces == ["CARDHOLDER SIGNATURE", "REQUIRED FOR THIS", "TRANSACTION"]


def test_centred_line_for_wider_paper_is_recentred() -> None:
    line = " " * 20 + "谢谢惠顾，欢迎再次光临"  # centred on 80 mm (48 columns)
    assert wrap_line(line, 32) == [" " * 5 + "谢谢惠顾，欢迎再次光临"]


def test_padded_columns_are_squeezed_before_wrapping() -> None:
    line = "商户存根              MERCHANT COPY"  # 35 columns on 32-column paper
    assert wrap_line(line, 32) == ["商户存根" + " " * 11 + "MERCHANT COPY"]
    # The widest gap gives first; every gap keeps one space.
    assert wrap_line("a    b  c", 6) == ["a b  c"]
    assert wrap_line("a    b  c", 5) == ["a b c"]


def test_modest_indentation_is_kept_on_every_piece() -> None:
    pieces = wrap_line("  " + "商品名称" * 6, 32)
    assert pieces == ["  " + "商品名称" * 3 + "商品名", "  " + "称" + "商品名称" * 2]
    assert all(text_width(p) <= 32 for p in pieces)


def test_large_indentation_is_dropped_when_wrapping() -> None:
    pieces = wrap_line(" " * 14 + "谢" * 20, 32)
    assert pieces == ["谢" * 16, "谢" * 4]


def test_zero_columns_is_an_error() -> None:
    with pytest.raises(ValueError):
        wrap_line("abc", 0)


_CHINESE = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
_LATIN = st.sampled_from("abcdefghijklmnopqrstuvwxyzABCXYZ0123456789.-:/()")
_FULLWIDTH = st.characters(min_codepoint=0xFF01, max_codepoint=0xFF5E)
_PUNCT = st.sampled_from("，。：（）、；！？“”《》【】…—·")
_SPACE = st.sampled_from([" ", " ", "  ", "\u3000"])
_TEXT = st.lists(st.one_of(_CHINESE, _LATIN, _FULLWIDTH, _PUNCT, _SPACE), max_size=120).map("".join)


@settings(max_examples=300, deadline=None)
@given(
    line=_TEXT,
    columns=st.integers(min_value=16, max_value=64),
    model=st.sampled_from([EA, DB, WidthModel.EAST_ASIAN_WIDE_AMBIGUOUS]),
)
def test_wrapped_pieces_fit_and_keep_every_character(line: str, columns: int, model: WidthModel) -> None:
    pieces = wrap_line(line, columns, model)
    for piece in pieces:
        assert text_width(piece, model) <= columns
    # Nothing but spaces is lost or added, and no character is split or reordered.
    assert "".join(pieces).replace(" ", "") == line.replace(" ", "")
