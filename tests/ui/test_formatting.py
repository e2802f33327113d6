"""Amounts, channels, types and printed states as the cashier reads them."""

from __future__ import annotations

import pytest

from cashier_app.ui import messages
from cashier_app.ui.formatting import format_fen, signed_fen
from cashier_app.ui.receipts_model import COL_AMOUNT, COL_CHANNEL, COL_KIND, COL_PRINTED, ReceiptsModel
from cashier_app.ui.rows import PRINTED_STATES
from cashier_app.ui.state_delegate import SEVERITY_ROLE
from cashier_app.ui.theme import PRINTED_SEVERITY
from tests.helpers.ui_services import receipt


@pytest.mark.parametrize(
    ("fen", "refund", "text"),
    [
        (1250, False, "¥12.50"),
        (5, False, "¥0.05"),
        (0, False, "¥0.00"),
        (0, True, "¥0.00"),
        (123456789, False, "¥1,234,567.89"),
        (1250, True, "-¥12.50"),
        (-300, False, "-¥3.00"),
        (None, False, "—"),
    ],
)
def test_format_fen(fen: int | None, refund: bool, text: str) -> None:
    assert format_fen(fen, refund=refund) == text


def test_refunds_count_negative_in_the_net_total() -> None:
    assert signed_fen(1000, "SALE") == 1000
    assert signed_fen(1000, "REFUND") == -1000
    assert signed_fen(None, "SALE") == 0


def test_table_cells_in_english(qapp) -> None:
    model = ReceiptsModel()
    model.set_receipts([receipt(1, "09:00:00", 1250, channel="UNIONPAY", kind="REFUND", printed="held")])
    cell = lambda column: model.data(model.index(0, column))  # noqa: E731
    assert cell(COL_AMOUNT) == "-¥12.50"
    assert cell(COL_CHANNEL) == "UnionPay QuickPass"
    assert cell(COL_KIND) == "Refund"
    assert cell(COL_PRINTED) == "Printing held"
    assert model.data(model.index(0, COL_PRINTED), SEVERITY_ROLE) == "attention"


def test_table_cells_in_chinese(qapp, language) -> None:
    language("zh_CN")
    model = ReceiptsModel()
    channels = {"WECHAT": "微信", "ALIPAY": "支付宝", "UNIONPAY": "云闪付", "BANKCARD": "银行卡", None: "未知"}
    model.set_receipts(
        [receipt(i + 1, f"09:00:0{i}", 100 * (i + 1), channel=code) for i, code in enumerate(channels)]
    )
    shown = {model.rows()[row].channel: model.data(model.index(row, COL_CHANNEL)) for row in range(5)}
    assert shown == channels
    assert messages.kind_text("SALE") == "消费"
    assert messages.kind_text("REFUND") == "退款"
    expected = {"printed": "已打印", "queued": "等待打印", "held": "暂停打印", "observe": "收银机打印",
                "not_printed": "未打印", "reprinted": "已补打"}
    assert {state: messages.printed_text(state) for state in PRINTED_STATES} == expected


def test_every_printed_state_has_a_colour() -> None:
    assert set(PRINTED_SEVERITY) == set(PRINTED_STATES)
    assert PRINTED_SEVERITY["not_printed"] == "fault"
    assert PRINTED_SEVERITY["printed"] == "ok"


def test_unknown_codes_do_not_crash(qapp) -> None:
    assert messages.channel_text("CASH") == "Unknown (CASH)"
    assert messages.printed_text("lost") == "Unknown (lost)"
    assert messages.notice_text("brand_new_code", {"x": 1}) == "Notice: brand_new_code"
    # A missing parameter leaves its placeholder rather than raising.
    assert messages.notice_text("reprint_queued", {}) == "Reprint of order {out_trade_no} queued."
