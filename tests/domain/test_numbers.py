"""Full-width forms on paper and in typed numbers."""

from cashier_app.domain.numbers import fullwidth_alnum_to_ascii, normalise_order_number


def test_fullwidth_digits_and_letters_become_ascii_and_chinese_punctuation_stays() -> None:
    printed = fullwidth_alnum_to_ascii("商户订单号：２０２６１１２２０００６（Ａｂ）！")
    assert printed == "商户订单号：202611220006（Ab）！"
    assert fullwidth_alnum_to_ascii("") == ""
    assert fullwidth_alnum_to_ascii("already 12.80") == "already 12.80"


def test_a_typed_number_loses_spaces_and_fullwidth_forms() -> None:
    assert normalise_order_number(" ２０２６ 1122\u3000０００６ ") == "202611220006"
