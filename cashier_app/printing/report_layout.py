"""A day or shift report on the receipt printer: the lines, fitted to the paper's columns, then
laid out like a receipt (58 mm: 32 columns, 80 mm: 48 or 42).

Paper speaks the store's language: Chinese labels, yuan with two decimals, store time.
"""

from __future__ import annotations

from datetime import tzinfo

from cashier_app.domain.local_time import store_time
from cashier_app.domain.money import yuan
from cashier_app.domain.reports import Report, Tally
from cashier_app.printing.layout import LayoutOptions, LayoutResult, layout_receipt
from cashier_app.printing.order_receipt import CHANNEL_NAMES
from cashier_app.printing.profiles import Profile
from cashier_app.printing.text_width import WidthModel, centre, fit_width, text_width

CASE_KIND_NAMES = {
    "paid_no_receipt": "已付无小票",
    "dropped_order": "掉单",
    "unpaid": "未支付",
    "payment_failed": "支付失败",
    "refund": "退款",
    "stuck_payment": "支付中未完成",
    "printer_fault": "打印机故障",
    "platform_fault": "平台故障",
    "doubled_receipt": "重复小票",
    "receipt_without_payment": "小票无支付",
}
PLATFORM_STATE_NAMES = {"REFUNDED": "全额退款", "PARTIAL_REFUNDED": "部分退款", "CLOSED": "已关闭", "REVOKED": "已撤销"}
# Reasons the app itself writes, in words (a person's own reason is printed as typed).
REASON_NAMES = {"interrupted": "打印中断后重打", "paid_no_receipt": "已付无小票补打"}


def report_lines(report: Report, columns: int, model: WidthModel, zone: tzinfo) -> list[str]:
    """The report as paper lines (the table rows fit `columns`; longer free text is wrapped by the layout)."""
    rule = "-" * columns
    out = _header_lines(report, columns, model, zone)
    out.append(rule)
    out.append(_columns("渠道", "笔数", "金额", columns, model))
    for line in report.channels:
        out.append(_tally(CHANNEL_NAMES.get(line.channel, line.channel or "未识别"), line.sales, columns, model))
    out.append(_tally("销售合计", report.sales, columns, model))
    refunds = [line for line in report.channels if line.refunds.count]
    for line in refunds:
        name = CHANNEL_NAMES.get(line.channel, line.channel or "未识别")
        out.append(_tally(f"退款 {name}", line.refunds, columns, model, negative=True))
    out.append(_tally("退款合计", report.refunds, columns, model, negative=True))
    out.append(_columns("净额", "", yuan(report.net), columns, model))
    if len(report.operators) > 1 or (report.operators and not report.operator):
        out.append(rule)
        out.append(_columns("收银员", "笔数", "金额", columns, model))
        for op in report.operators:
            out.append(_tally(op.operator or "-", op.sales, columns, model))
            if op.refunds.count:
                out.append(_tally("  退款", op.refunds, columns, model, negative=True))
    out.append(rule)
    out.append("平台订单")
    for state in ("REFUNDED", "PARTIAL_REFUNDED", "CLOSED", "REVOKED"):
        out.append(_tally("  " + PLATFORM_STATE_NAMES[state], report.platform_count(state), columns, model))
    out.append(rule)
    out.append(_columns("异常", "未结", "已结", columns, model))
    if not report.cases:
        out.append("  无")
    for case in report.cases:
        out.append(_columns("  " + CASE_KIND_NAMES.get(case.kind, case.kind), str(case.open), str(case.closed),
                            columns, model))
    out.append(rule)
    out += _reprint_lines(report, zone)
    out.append(rule)
    out += _missing_receipt_lines(report, columns, model, zone)
    out.append(rule)
    for note in report.notes:
        out.append("注：平台数据含全部收银员" if "platform" in note else note)
    out.append(f"打印时间：{store_time(report.generated_at, zone)}")
    return out


def _header_lines(report: Report, columns: int, model: WidthModel, zone: tzinfo) -> list[str]:
    """Which report, of which store, day or shift, time span and cashier."""
    title = "交班报表 SHIFT REPORT" if report.shift is not None else "日报表 DAY REPORT"
    out = [centre(title, columns, model), centre(report.store_name, columns, model)]
    if report.shift is not None:
        running = "（进行中）" if report.shift.running else ""
        out.append(f"班次：{report.shift.day:%Y-%m-%d} 第{report.shift.number}班{running}")
    else:
        out.append(f"日期：{report.day:%Y-%m-%d}")
    out.append(f"时间：{store_time(report.start, zone, _SHORT)} 至 {store_time(report.end, zone, _SHORT)}")
    if report.shift is not None and report.shift.closed_by:
        out.append(f"交班人：{report.shift.closed_by}")
    out.append(f"收银员：{report.operator or '全部'}")
    return out


def _reprint_lines(report: Report, zone: tzinfo) -> list[str]:
    out = [f"重打小票：{len(report.reprints)} 张"]
    for reprint in report.reprints:
        when = _local(reprint.at, zone)
        out.append(f"  {when} {reprint.out_trade_no or '-'} 第{reprint.copy_no}联")
        reason = REASON_NAMES.get(reprint.reason, reprint.reason)
        person = reprint.person or "系统"
        state = "" if reprint.state == "done" else f"（{_JOB_STATE_NAMES.get(reprint.state, reprint.state)}）"
        out.append(f"    {person} {reason}{state}")
    return out


def _missing_receipt_lines(report: Report, columns: int, model: WidthModel, zone: tzinfo) -> list[str]:
    still = report.missing_still
    out = [f"已付无小票：{len(report.missing_receipts)} 笔" + (f"，未补打 {still} 笔" if still else "")]
    for missing in report.missing_receipts:
        mark = "已补打" if missing.printed_from_record else "未补打"
        out.append(f"  {_local(missing.paid_at, zone)} {missing.out_trade_no}")
        out.append(_columns(f"    {mark}", "", yuan(missing.amount or 0), columns, model))
    return out


def layout_report(report: Report, profile: Profile, zone: tzinfo, *, cutter: bool = True) -> LayoutResult:
    """The report as ESC/POS bytes for `profile`'s paper."""
    lines = report_lines(report, profile.columns, profile.width_model, zone)
    return layout_receipt(lines, profile, LayoutOptions(cutter=cutter))


_JOB_STATE_NAMES = {"queued": "排队中", "held": "等待打印机", "sending": "打印中", "cancelled": "已取消"}


def _tally(label: str, tally: Tally, columns: int, model: WidthModel, *, negative: bool = False) -> str:
    amount = yuan(-tally.amount if negative and tally.amount else tally.amount)
    return _columns(label, str(tally.count), amount, columns, model)


def _columns(label: str, count: str, amount: str, columns: int, model: WidthModel) -> str:
    """label on the left, the count right-aligned in the middle, the amount right-aligned at the edge."""
    amount_width = 12 if columns >= 40 else 10
    count_width = 6
    left_width = max(1, columns - amount_width - count_width)
    label = label[: fit_width(label, left_width, model)]
    pad = left_width - text_width(label, model)
    return label + " " * pad + _right(count, count_width, model) + _right(amount, amount_width, model)


def _right(text: str, width: int, model: WidthModel) -> str:
    """`text` right-aligned in `width` columns (a Chinese character takes two)."""
    return " " * max(0, width - text_width(text, model)) + text


_SHORT = "%m-%d %H:%M"  # a report's times fit the paper's width


def _local(utc_text: str, zone: tzinfo) -> str:
    return store_time(utc_text, zone, _SHORT)
