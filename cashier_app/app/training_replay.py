"""A closed real case replayed as a training lesson, anonymised.

What is kept: the kind of exception, the amount, the channel, and how it went (each step's action and the
payment state seen). What is not: the order's numbers (the lesson gets fresh ones when it is staged), the
people, the notes, the customer's contact and the technical details. The lesson is a JSON file in the
training folder's lessons/, offered after the built-in lessons (app/training.py).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from cashier_app.domain.cases import Case, CaseKind, CaseStatus, StepAction
from cashier_app.domain.money import yuan
from cashier_app.domain.orders import OrderState
from cashier_app.domain.training import Check

# How each kind of case is staged again, and what the trainee is checked on.
_LOOK = [Check.LOOKED_UP, Check.NO_REPAY_WHILE_UNKNOWN, Check.RECORDED_RESULT]
_STAGING: dict[CaseKind, tuple[dict[str, Any], list[Check]]] = {
    CaseKind.DROPPED_ORDER: ({"state": "USERPAYING", "upstream_state": "PAID", "paid_at": "+20s"},
                             [Check.LOOKED_UP, Check.SYNCED_FIRST, Check.NO_REPAY_WHILE_UNKNOWN, Check.PRINTED_ONCE,
                              Check.RECORDED_RESULT]),
    CaseKind.PAID_NO_RECEIPT: ({"state": "PAID", "paid_at": "+5s"}, [Check.PRINTED_ONCE, Check.RECORDED_RESULT]),
    CaseKind.PRINTER_FAULT: ({"state": "PAID", "paid_at": "+5s"}, [Check.PRINTED_ONCE, Check.RECORDED_RESULT]),
    CaseKind.STUCK_PAYMENT: ({"state": "USERPAYING", "upstream_state": "USERPAYING"},
                             [Check.LOOKED_UP, Check.SYNCED_FIRST, Check.NO_REPAY_WHILE_UNKNOWN,
                              Check.CLOSED_BEFORE_REPAY, Check.RECORDED_RESULT]),
    CaseKind.UNPAID: ({"state": "CREATED", "upstream_state": "CREATED"},
                      [Check.LOOKED_UP, Check.NO_REPAY_WHILE_UNKNOWN, Check.CLOSED_BEFORE_REPAY,
                       Check.RECORDED_RESULT]),
    CaseKind.PAYMENT_FAILED: ({"state": "PAY_FAILED", "upstream_state": "PAY_FAILED"}, _LOOK),
    CaseKind.PLATFORM_FAULT: ({"state": "PAY_FAILED", "upstream_state": "PAY_FAILED"}, _LOOK),
}
_TEXT = (
    "真实案例重演（{kind}，{amount}）：顾客前来询问订单 {{order}}。请查询并按规范处理，最后记录结果。",
    "A real case replayed ({kind_en}, {amount}): the customer asks about order {{order}}. Look it up, handle it "
    "the way the field expects, and record the result.",
)
_KIND_ZH = {
    CaseKind.PAID_NO_RECEIPT: "已付款无小票", CaseKind.DROPPED_ORDER: "掉单", CaseKind.UNPAID: "未支付",
    CaseKind.PAYMENT_FAILED: "支付失败", CaseKind.REFUND: "退款", CaseKind.STUCK_PAYMENT: "卡在支付中",
    CaseKind.PRINTER_FAULT: "打印机故障", CaseKind.PLATFORM_FAULT: "平台无响应", CaseKind.DOUBLED_RECEIPT: "重复小票",
    CaseKind.RECEIPT_WITHOUT_PAYMENT: "有小票未付款", CaseKind.AMOUNT_MISMATCH: "金额不符",
    CaseKind.REFUND_NOT_ON_PLATFORM: "退款未到平台", CaseKind.REFUND_WITHOUT_RECEIPT: "退款无小票",
}


class NotReplayable(ValueError):
    """The case cannot be replayed (still open: it is not over yet)."""


def lesson_from_case(case: Case) -> dict[str, Any]:
    """The lesson (lessons.json's shape) that stages `case` again, without anything that names anyone."""
    if case.status is not CaseStatus.CLOSED or case.id is None:
        raise NotReplayable(f"case {case.id} is still open: only a closed case is replayed")
    staging, checks = _STAGING.get(case.kind, ({"state": _last_state(case)}, _LOOK))
    amount = case.amount or 1000
    order: dict[str, Any] = {"out_trade_no": "{order}", "created_at": "-2m", "total_amount": amount,
                             "channel": case.channel if case.channel in ("WECHAT", "ALIPAY", "UNIONPAY") else "WECHAT",
                             **staging}
    if order["state"] in ("PAID", "PARTIAL_REFUNDED", "REFUNDED") and "paid_at" not in order:
        order["paid_at"] = "+5s"
    kind_en = case.kind.value.replace("_", " ")
    zh, en = (text.format(kind=_KIND_ZH.get(case.kind, kind_en), kind_en=kind_en, amount=f"¥{yuan(amount)}")
              for text in _TEXT)
    lesson: dict[str, Any] = {
        "id": f"case-{case.id}", "title": f"真实案例 {case.id}（{_KIND_ZH.get(case.kind, kind_en)}）",
        "title_en": f"Real case {case.id} ({kind_en})", "text": zh, "text_en": en, "orders": [order],
        "checks": [c.value for c in checks],
        # How it went, step by step: the action and the payment state seen; no person, no note, no number.
        "replay": [{"action": s.action.value, "state": s.state_seen or ""} for s in case.steps
                   if s.action is not StepAction.NOTE],
    }
    if case.kind is CaseKind.PLATFORM_FAULT:
        lesson["platform_down_s"] = 60
    return lesson


def _last_state(case: Case) -> str:
    for step in reversed(case.steps):
        if step.state_seen and step.state_seen != OrderState.UNKNOWN.value:
            return step.state_seen
    return case.payment_state if case.payment_state not in (None, OrderState.UNKNOWN.value) else "PAID"


def save_lesson(lesson: dict[str, Any], lessons_dir: Path) -> Path:
    lessons_dir.mkdir(parents=True, exist_ok=True)
    path = lessons_dir / f"{lesson['id']}.json"
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(lesson, ensure_ascii=False, indent=2), encoding="utf-8")
    tmp.replace(path)
    return path
