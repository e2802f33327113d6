"""The lookup page's guidance follows the platform's capabilities: on WeChat Pay and Alipay (the
payment channel itself) "sync" is a fresh look-up and is said so; no button does nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.helpers.live_app import LiveApp
from tests.helpers.lookup_page import WAIT_MS, look_up, lookup_page, press_enter_for_result


def test_wechat_pay_offers_a_fresh_look_up_not_a_sync(make_live_app, language, qtbot) -> None:
    language("en")
    app: LiveApp = make_live_app(platform="wechatpay-v3")
    page = lookup_page(app)
    app.sandbox.control.create_orders([{"out_trade_no": "PW0001", "state": "USERPAYING", "total_amount": 1250}])
    look_up(qtbot, page, "PW0001")
    assert page.view is not None and page.view.channel_is_platform
    assert "sync" not in page.next_steps() and page.next_steps()[0] == "query_again"
    assert "WeChat Pay is the payment channel itself" in page.sync_note.text()
    # The customer shows a voucher: the channel itself says unpaid, so check the number first.
    with qtbot.waitSignal(page.view_shown, timeout=WAIT_MS):
        qtbot.keyClick(page.input, Qt.Key.Key_Y)
    assert page.view.guidance.verdict.value == "channel_says_unpaid"
    assert "nothing to sync" in page.verdict_text()
    assert page.action_button("sync") is None and page.action_button("query_again") is not None
    # Paid meanwhile: Enter looks again (the fresh query is the sync) and it is paid.
    app.sandbox.control.set_upstream("PW0001", "PAID")
    press_enter_for_result(qtbot, page)
    qtbot.waitUntil(lambda: page.view is not None and page.view.state is not None
                    and page.view.state.value == "PAID", timeout=WAIT_MS)
    assert "Looked up again: WeChat Pay shows" in page.sync_note.text()


def test_alipay_code_not_scanned_is_never_not_found(make_live_app, language, qtbot) -> None:
    language("zh_CN")
    app: LiveApp = make_live_app(platform="alipay")
    page = lookup_page(app)
    app.sandbox.control.create_orders([{"out_trade_no": "PA0001", "state": "CREATED", "trade_type": "NATIVE"}])
    look_up(qtbot, page, "PA0001")
    assert page.view is not None and page.view.guidance.verdict.value == "not_started_yet"
    assert "尚未发起支付" in page.verdict_text() and "请勿重复收款" in page.verdict_text()
    assert "close_and_pay_again" not in page.next_steps()
    assert not page.view.guidance.may_take_payment_again
