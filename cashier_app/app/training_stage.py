"""Training's stage: what the director's lessons do to the running app in training mode (the sandbox
platform, the virtual printer, the demo till's folder), and what it reads back from the training journal
to check a lesson (domain/training.py's LessonFacts)."""

from __future__ import annotations

import os
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cashier_app.app.training import LessonRun
from cashier_app.domain.cases import CaseStatus, CaseStep, StepAction
from cashier_app.domain.local_time import store_time
from cashier_app.domain.money import yuan
from cashier_app.domain.paper import paper_key
from cashier_app.domain.training import LessonFacts
from cashier_app.journal.cases import CaseFilter, CaseStore
from cashier_app.journal.db import Journal

if TYPE_CHECKING:
    from cashier_app.emulator.server import VirtualPrinter
    from cashier_app.sandbox.server import SandboxServer

_CHANNEL_LINES = {"WECHAT": "微信支付 付款码", "ALIPAY": "支付宝 付款码", "UNIONPAY": "云闪付 付款码"}


class SimulatedStage:
    """TrainingStage on the simulators of a training run."""

    def __init__(self, sandbox: SandboxServer, printer: VirtualPrinter, inbox: Path, journal: Journal,
                 cases: CaseStore, *, zone: tzinfo) -> None:
        self.sandbox = sandbox
        self.printer = printer
        self.inbox = inbox
        self.zone = zone  # the till prints the store's time
        self.journal = journal
        self.cases = cases

    def create_orders(self, orders: list[dict[str, Any]]) -> None:
        self.sandbox.control.create_orders(orders)

    def set_paper(self, has_paper: bool) -> None:
        self.printer.set_condition("online" if has_paper else "paper-end")

    def till_writes(self, order: dict[str, Any]) -> None:
        """The till writes the order's print.txt (GBK, as the payment interface's template does)."""
        paid = datetime.fromtimestamp(float(order.get("paid_at") or order["created_at"]), UTC)
        amount = int(order.get("total_amount", 0))
        lines = [
            "        聚合支付 签购单", "--------------------------------", "商户名称：培训门店", "终端编号：T0001",
            f"交易类型：{_CHANNEL_LINES.get(str(order.get('channel')), '微信支付 付款码')}",
            f"商户订单号：{order['out_trade_no']}", f"交易时间：{store_time(paid, self.zone)}",
            f"金额：RMB {yuan(amount)}", "--------------------------------",
        ]
        self.inbox.mkdir(parents=True, exist_ok=True)
        tmp = self.inbox / ".print.txt.tmp"
        tmp.write_bytes("\r\n".join(lines).encode("gb18030") + b"\r\n")
        os.replace(tmp, self.inbox / "print.txt")  # as tills do: renamed over print.txt

    def platform_down(self, down: bool) -> None:
        if down:
            self.sandbox.control.inject_faults(status=503, for_requests=1_000_000)
        else:
            self.sandbox.control.clear_faults()

    def notify(self, out_trade_no: str) -> None:
        self.sandbox.control.set_upstream(out_trade_no, notify=True)

    def facts(self, run: LessonRun) -> LessonFacts:
        """What happened to the lesson's order since it started: the trainee's lookups, its cases' timelines,
        how they ended, and the receipts that went to the printer."""
        numbers = {run.out_trade_no, run.channel_trade_no}
        cases = [c for c in self.cases.list(CaseFilter(training=True, limit=50))
                 if c.out_trade_no in numbers or c.channel_trade_no in numbers]
        steps: dict[tuple[str, str, str], CaseStep] = {}
        for step in run.steps:
            steps[(step.at, step.action.value, step.outcome)] = step
        for case in cases:
            for step in case.steps:
                if step.at >= run.started_at and step.action is not StepAction.RAISED:
                    steps.setdefault((step.at, step.action.value, step.outcome), step)
        results = tuple(c.result for c in cases if c.status is CaseStatus.CLOSED and c.result is not None
                        and (c.closed_at or "") >= run.started_at)
        escalated = any(c.escalated_at is not None and c.escalated_at >= run.started_at for c in cases)
        key = paper_key(run.out_trade_no, training=True)
        with self.journal.read() as conn:
            printed = int(conn.execute("SELECT COUNT(*) FROM print_jobs WHERE paper_key = ? AND state != 'cancelled'",
                                       (key,)).fetchone()[0])
        return LessonFacts(steps=sorted(steps.values(), key=lambda s: s.at), merchant_no=run.out_trade_no,
                           case_results=results, escalated=escalated, receipts_printed=printed,
                           paper_loaded=run.paper_loaded)
