"""The lookup page against the real services: sandbox platform and virtual printer on loopback, print
queue and journal in tmp. Each rule of the field is driven from the keyboard, as a cashier would."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from cashier_app.app.demo_feeder import DemoFeeder, DemoOrder
from cashier_app.journal.audit import AuditFilter, AuditStore
from cashier_app.ui.lookup_page import LookupPage
from tests.helpers.live_app import LiveApp
from tests.helpers.lookup_page import WAIT_MS, accept_reason, look_up, lookup_page, press_enter_for_result


@pytest.fixture
def app(make_live_app, language) -> LiveApp:
    language("zh_CN")
    return make_live_app()


def paid_with_receipt(app: LiveApp, qtbot) -> DemoOrder:
    """The demo till: a paid order whose print.txt is written, read and printed."""
    sandbox = app.sandbox

    def create(order: DemoOrder) -> None:
        sandbox.control.live_paid_order(order.out_trade_no, order.amount, order.channel or "WECHAT",
                                        channel_trade_no=order.channel_trade_no)

    feeder = DemoFeeder(Path(app.services.config.watch.folders[0]), create, interval_s=60, missing_every=1000,
                        zone=app.services.tz)
    order = feeder.feed_one()
    qtbot.waitUntil(lambda: len(app.printer.jobs) >= 1, timeout=WAIT_MS)
    assert app.services.queue is not None and app.services.queue.wait_idle(WAIT_MS / 1000)  # marked done too
    return order


def test_starts_on_the_lookup_page_with_the_field_focused_and_f3_ctrl_f_return(app: LiveApp, qtbot) -> None:
    window = app.window
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    # A one-person till (sign-in off) shows every page, the manager's too.
    assert tabs == ["查询订单", "今日小票", "历史小票", "异常案例", "报表与交班", "操作记录", "人员", "技术员", "帮助"]
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page = lookup_page(app)
    assert window.current_page() is page
    qtbot.waitUntil(page.input.hasFocus)
    qtbot.keyClick(window, Qt.Key.Key_F2)
    assert window.current_page() is window.page("receipts")
    qtbot.keyClick(window, Qt.Key.Key_F3)
    assert window.current_page() is page
    window.show_page("help")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() is page
    qtbot.waitUntil(page.input.hasFocus)
    assert page.input.placeholderText() == "扫描或输入订单号"


def test_paid_order_with_its_receipt_is_reprinted_marked_as_a_reprint(app: LiveApp, qtbot) -> None:
    order = paid_with_receipt(app, qtbot)
    page = lookup_page(app)
    look_up(qtbot, page, order.out_trade_no)
    assert page.verdict_text() == "已支付。可以补打小票。"
    assert page.verdict.property("severity") == "ok"
    assert page.fact_values["state"].text() == "已支付"
    assert page.fact_values["amount"].text() == f"¥{order.amount // 100}.{order.amount % 100:02d}"
    assert page.fact_values["out_trade_no"].text() == order.out_trade_no
    assert page.input.text() == ""  # ready for the next scan
    assert page.next_steps() == ["reprint"]
    button = page.action_button("reprint")
    # Printed moments ago: a copy is a deliberate click, not the Enter of the next scan.
    assert button is not None and button.text() == "补打小票" and page.default_action() is None
    assert "小票已于" in page.paper_note.text()
    # Nothing is highlighted, so the field does not offer Enter for a step.
    assert page.input.placeholderText() == "扫描或输入订单号"
    qtbot.keyClick(page.input, Qt.Key.Key_Return)
    assert page.dialog is None and len(app.printer.jobs) == 1

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    accept_reason(qtbot, page, expected_reason="顾客要求")
    jobs = app.printer.wait_for_jobs(2, timeout=WAIT_MS / 1000)
    assert "重打小票" in jobs[1].text()
    assert order.out_trade_no in jobs[1].text()
    assert page.view is not None and page.view.job_id is not None
    # A customer's copy is no exception case: the audit trail names who asked, why, and the copy.
    assert page.view.case_id is None and page.case_label.text() == ""
    assert app.services.journal is not None
    [row] = AuditStore(app.services.journal).list(AuditFilter(out_trade_no=order.out_trade_no))
    assert (row.action, row.reason, row.copy_no) == ("reprint", "顾客要求", 2)
    # After a reprint, Enter reprints nothing more.
    qtbot.keyClick(page.input, Qt.Key.Key_Return)
    assert page.dialog is None and len(app.printer.jobs) == 2


def shown_step_buttons(page: LookupPage) -> list[str]:
    """The next steps' buttons the answer shows (not hidden), whether or not Qt has deleted old ones yet."""
    return [button.objectName() for button in page.result.findChildren(QPushButton)
            if button.objectName().startswith("action_") and button.isVisibleTo(page.result)]


def test_dropped_order_asks_for_the_voucher_then_sync_finds_it_paid_and_prints(app: LiveApp, qtbot) -> None:
    number = "20260611093000017"
    app.sandbox.control.live_paid_order(number, 2590, "ALIPAY", notify=False)  # the channel's notice is lost
    page = lookup_page(app)
    # What the answer shows the moment it is shown: the previous answer's buttons are gone already (they
    # waited for deleteLater and still painted, so a screenshot right after a step showed them).
    seen: list[list[str]] = []
    page.view_shown.connect(lambda _view: seen.append(shown_step_buttons(page)))
    look_up(qtbot, page, number)
    assert page.verdict_text() == "平台显示未支付。请先问顾客："
    assert page.voucher_box.isVisible() or page.voucher_box.isVisibleTo(page)
    assert page.voucher_question.text() == "顾客手机上有支付凭证吗？"
    assert page.fact_values["state"].text() == "支付中"
    assert "未支付" not in page.verdict_text() or "平台显示未支付" in page.verdict_text()

    with qtbot.waitSignal(page.view_shown, timeout=WAIT_MS):
        qtbot.keyClick(page.input, Qt.Key.Key_Y)  # the customer shows the voucher
    assert page.verdict_text() == '顾客已付款但平台显示未支付，可能是掉单。请点"同步订单"。'
    assert page.next_steps()[0] == "sync"
    assert not page.voucher_box.isVisibleTo(page)
    assert page.input.placeholderText() == "下一个订单号 — 或直接按回车执行突出显示的操作"

    qtbot.keyClick(page.input, Qt.Key.Key_Return)  # sync, the highlighted step
    assert page.is_busy()
    assert not page.input.isEnabled()  # no second lookup while the platform is asked
    assert page.busy_text() == "正在向支付渠道同步…"
    with qtbot.waitSignal(page.view_shown, timeout=WAIT_MS):
        pass
    assert page.input.isEnabled()
    assert page.fact_values["state"].text() == "已支付"
    assert page.sync_note.text() == "同步完成：平台现在显示已支付。"
    assert page.verdict_text() == "已支付，但还没有打印小票。请打印小票。"
    assert page.next_steps() == ["print"]
    assert seen[-1] == ["action_print"] and "action_sync" in seen[-2]

    qtbot.keyClick(page.input, Qt.Key.Key_Return)
    accept_reason(qtbot, page, expected_reason="顾客要求")
    jobs = app.printer.wait_for_jobs(1, timeout=WAIT_MS / 1000)
    assert "补打小票" in jobs[0].text() and "重打小票" not in jobs[0].text()  # its first paper, from the record
    assert "同步后已支付" in page.case_label.text()
    # Printed from the record (no print.txt of the till's): the page no longer asks to print it. It says
    # "printing" while the job is on its way, and reads the paper again once the printer took it.
    assert page.verdict_text() in ("已支付。小票正在打印。", "已支付。可以补打小票。")
    qtbot.waitUntil(lambda: page.verdict_text() == "已支付。可以补打小票。", timeout=WAIT_MS)


def test_still_unpaid_after_sync_polls_and_offers_escalation(app: LiveApp, qtbot) -> None:
    number = "20260611093000018"
    app.sandbox.control.create_orders([{"out_trade_no": number, "state": "USERPAYING", "total_amount": 880}])
    page = lookup_page(app)
    look_up(qtbot, page, number)
    with qtbot.waitSignal(page.view_shown, timeout=WAIT_MS):
        qtbot.mouseClick(page.voucher_yes, Qt.MouseButton.LeftButton)
    press_enter_for_result(qtbot, page)  # sync
    assert page.verdict_text() == "同步后平台仍显示未支付。请勿重新收款；可以再同步一次，或上报处理。"
    assert page.verdict.property("severity") == "fault"
    assert page.sync_note.text() == "同步完成：平台仍显示支付中。 共确认 3 次。"
    assert page.next_steps() == ["sync", "escalate"]
    assert page.action_button("close_and_pay_again") is None

    escalate = page.action_button("escalate")
    assert escalate is not None
    qtbot.mouseClick(escalate, Qt.MouseButton.LeftButton)
    accept_reason(qtbot, page, note="顾客出示了付款截图")
    assert "掉单" in page.case_label.text()
    assert "上报" in page.case_label.text()
    assert app.window.open_cases() == 1
    assert app.window.status.cases_label.text() == "待处理异常：1"


def test_unpaid_order_without_voucher_is_closed_before_paying_again(app: LiveApp, qtbot) -> None:
    number = "20260611093000019"
    app.sandbox.control.create_orders([{"out_trade_no": number, "state": "CREATED", "total_amount": 990}])
    page = lookup_page(app)
    look_up(qtbot, page, number)
    assert page.fact_values["state"].text() == "未支付"
    with qtbot.waitSignal(page.view_shown, timeout=WAIT_MS):
        qtbot.keyClick(page.input, Qt.Key.Key_N)  # no voucher on the phone
    assert page.verdict_text() == "支付未成功。请先关闭原订单，再用新订单号重新收款。"
    assert page.next_steps() == ["close_and_pay_again"]

    qtbot.keyClick(page.input, Qt.Key.Key_Return)
    box = page.dialog
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert number in box.text()
    assert box.defaultButton() is not None and box.defaultButton().text() == "返回"  # never closed by a stray Enter
    confirm = next(b for b in box.buttons() if b.text() == "关闭订单")
    with qtbot.waitSignal(page.view_shown, timeout=WAIT_MS):
        qtbot.mouseClick(confirm, Qt.MouseButton.LeftButton)
    assert page.fact_values["state"].text() == "已关闭"
    # Closed before it was paid: no money was taken, so none "goes back".
    assert page.verdict_text() == "订单在付款前已关闭：没有扣款。请用新订单重新收款。"
    assert page.next_note.text() == "这笔订单已不能再付款，可以用新订单号重新收款。"
    assert "已关单并重新收款" in page.case_label.text()
    closed = [o for o in app.sandbox.control.state()["orders"] if o["order"]["out_trade_no"] == number]
    assert closed and closed[0]["order"]["state"] == "CLOSED"


def test_platform_fault_is_state_unknown_never_unpaid_and_offers_no_close(app: LiveApp, qtbot) -> None:
    number = "20260611093000020"
    app.sandbox.control.create_orders([{"out_trade_no": number, "state": "CREATED", "total_amount": 500}])
    app.sandbox.control.inject_faults(status=503, for_requests=1000)
    page = lookup_page(app)
    look_up(qtbot, page, number)
    assert page.verdict_text() == "暂时无法确认订单状态，请勿重新收款，稍后再查或联系技术支持。"
    assert page.fact_values["state"].text() == "状态未知"
    assert "未支付" not in page.verdict_text()
    assert page.reason.text().startswith("原因：")
    assert page.next_steps() == ["query_again", "escalate"]
    assert page.action_button("close_and_pay_again") is None
    assert not page.voucher_box.isVisibleTo(page)
    assert page.ask_close() is None  # refused by the page too
    assert page.error.text() == "这笔订单现在不能执行这个操作。 请重新查询订单。"

    app.sandbox.control.clear_faults()
    press_enter_for_result(qtbot, page)  # look up again, the highlighted step
    assert page.fact_values["state"].text() == "未支付"
    assert page.verdict_text() == "平台显示未支付。请先问顾客："


def test_not_a_number_is_said_so_and_esc_clears(app: LiveApp, qtbot) -> None:
    page = lookup_page(app)
    qtbot.keyClicks(page.input, "??")
    with qtbot.waitSignal(page.action_failed, timeout=WAIT_MS):
        qtbot.keyClick(page.input, Qt.Key.Key_Return)
    assert page.error.text() == "这不是有效的订单号。 请核对后重新输入或扫描。"
    qtbot.keyClicks(page.input, "123")
    qtbot.keyClick(page.input, Qt.Key.Key_Escape)
    assert page.input.text() == ""


def test_a_number_from_a_scanned_voucher_qr_code_is_looked_up(app: LiveApp, qtbot) -> None:
    number = "20260611093000021"
    app.sandbox.control.live_paid_order(number, 1800, "WECHAT")
    page = lookup_page(app)
    look_up(qtbot, page, f"https://pay.example.com/v?out_trade_no={number}&sign=ab12")
    assert page.fact_values["out_trade_no"].text() == number
    assert page.verdict_text() == "已支付，但还没有打印小票。请打印小票。"
