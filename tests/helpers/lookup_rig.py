"""The lookup service on real parts: sandbox platform, journal, virtual printer, a fake clock."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from cashier_app.app.services import AppServices
from cashier_app.domain.cases import Case
from cashier_app.domain.receipt import Receipt
from cashier_app.domain.receipt_parser import parse_receipt
from cashier_app.emulator.server import ReceivedJob, VirtualPrinter
from cashier_app.journal.cases import CaseFilter
from cashier_app.journal.print_jobs import PrintJobStore
from cashier_app.journal.receipts import FileOutcome
from cashier_app.lookup import LookupService
from cashier_app.paper import PaperDesk
from cashier_app.sandbox import SandboxServer
from cashier_app.sandbox.control import SandboxControl
from tests.helpers.reconcile import FakeClock, wechat_print_txt

WECHAT_NO = "4200001234202611221234567890"  # 28 digits starting 42: a WeChat transaction_id


@dataclass
class Waits:
    """The service's sleep: records each wait and moves the fake clock; `hooks[i]` runs at wait i."""

    clock: FakeClock
    delays: list[float] = field(default_factory=list)
    hooks: dict[int, Any] = field(default_factory=dict)

    def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)
        self.clock.advance(seconds)
        hook = self.hooks.get(len(self.delays))
        if hook is not None:
            hook()


class Operator:
    """The cashier signed in at the till; a test may change shifts."""

    def __init__(self) -> None:
        self.number = "07"

    def __call__(self) -> str:
        return self.number


@dataclass
class Rig:
    sandbox: SandboxServer
    printer: VirtualPrinter
    services: AppServices
    service: LookupService
    clock: FakeClock
    waits: Waits
    operator: Operator

    @property
    def control(self) -> SandboxControl:
        return self.sandbox.control

    def order(self, number: str, state: str, upstream: str | None = None, **extra: Any) -> dict[str, Any]:
        partial: dict[str, Any] = {"out_trade_no": number, "state": state, "total_amount": 1250,
                                   "channel": "WECHAT", "created_at": self.clock() - 60, **extra}
        if upstream is not None:
            partial["upstream_state"] = upstream
        return self.control.create_orders([partial])[0]

    def platform_state(self, number: str) -> str:
        return str(self.control.order_state(number)["order"]["state"])

    def record_sale(self, out_trade_no: str, amount_fen: int = 1250, *, training: bool = False,
                    printed: bool = True) -> int:
        """The till wrote the sale's print.txt and the watcher recorded it, with its original print job
        (as the intake does); `printed`: the job is marked done as if the printer took it."""
        now = datetime.now(UTC)
        content = wechat_print_txt(out_trade_no, amount_fen, now)
        receipt = parse_receipt(content)
        assert isinstance(receipt, Receipt), receipt
        store = self.services.receipts
        seen = now.isoformat(timespec="microseconds")
        with store.journal.tx() as conn:
            version = store.add_file_version(path="C:/till/print.txt", seen_at=seen, mtime_ns=0, size=len(content),
                                             sha256=hashlib.sha256(content + seen.encode()).hexdigest(),
                                             content=content, outcome=FileOutcome.RECEIPT, conn=conn)
            record = store.add_receipt(version, receipt, created_at=seen, training=training, conn=conn)
            assert self.services.paper is not None
            job = self.services.paper.take_in(conn, record)
            if job is not None and printed:
                # Printed before the test looks: done in the same transaction, so the queue never sends it.
                conn.execute("UPDATE print_jobs SET state = 'done', done_at = ? WHERE id = ?", (seen, job.job_id))
        if job is not None and printed:
            assert PrintJobStore(store.journal).require(job.job_id).state == "done"
        return record.id

    def case(self, case_id: int | None) -> Case:
        assert case_id is not None
        case = self.services.cases.get(case_id)
        assert case is not None
        return case

    def all_cases(self, training: bool | None = None) -> list[Case]:
        return self.services.cases.list(CaseFilter(training=training))

    def printed(self, count: int = 1) -> list[ReceivedJob]:
        return self.printer.wait_for_jobs(count, timeout=10.0)

    def make_service(self, **overrides: Any) -> LookupService:
        values: dict[str, Any] = {
            "operator": self.operator, "paper": self.services.paper, "sleep": self.waits, "clock": self.clock,
        }
        values.update(overrides)
        if values.get("training") and "paper" not in overrides:
            # Training's practice orders are documents of their own (the app gives training its own desk).
            assert self.services.journal is not None and self.services.queue is not None
            values["paper"] = PaperDesk(self.services.journal, self.services.config.printing, training=True,
                                        announce=self.services.queue.announce)
        assert self.services.client is not None
        return LookupService(self.services.client, self.services.cases, self.services.receipts, **values)
