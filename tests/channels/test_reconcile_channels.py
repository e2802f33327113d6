"""Reconciliation without a list endpoint, on WeChat Pay and Alipay over real HTTP: queries during
the day (rate-limited, per-order backoff), and the next morning's bill against the receipts seen —
a lost receipt, a receipt without payment and an amount mismatch raised by the same rules."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest

from cashier_app.app.cli import main
from cashier_app.domain.cases import CaseKind
from cashier_app.domain.orders import OrderState
from cashier_app.domain.timezones import CHINA_TZ
from cashier_app.journal.bills import BillStore
from cashier_app.journal.db import Journal
from cashier_app.platform.alipay.client import AlipayAdapter
from cashier_app.platform.channel_adapter import ChannelAdapter
from cashier_app.platform.results import OrderFound
from cashier_app.platform.wechatpay.client import WechatPayAdapter
from cashier_app.reconcile.service import Reconciler
from cashier_app.sandbox.control import SandboxControl
from cashier_app.sandbox.server import SandboxServer
from tests.helpers.channels import alipay_settings, merchant_secret, wechat_settings
from tests.helpers.reconcile import FakeClock, Heard, record_receipt, refund_print_txt, settings, wechat_print_txt

TODAY_11 = datetime.combine(datetime.now(CHINA_TZ).date(), time(11, 0), CHINA_TZ)
YESTERDAY = TODAY_11.date() - timedelta(days=1)


def at(hour: int, minute: int = 0) -> datetime:
    return datetime.combine(YESTERDAY, time(hour, minute), CHINA_TZ)


class Setup:
    def __init__(self, server: SandboxServer, adapter: ChannelAdapter, journal: Journal, clock: FakeClock) -> None:
        self.server, self.adapter, self.journal, self.clock = server, adapter, journal, clock
        self.control: SandboxControl = server.control
        self.heard = Heard()

    def reconciler(self, **overrides: Any) -> Reconciler:
        return Reconciler(self.journal, self.adapter, settings(**overrides), clock=self.clock,
                          on_case=self.heard.on_case, on_platform=self.heard.on_platform)

    def order(self, number: str, state: str, amount: int, paid: datetime | None, **extra: Any) -> None:
        created = extra.pop("created", None)
        partial: dict[str, Any] = {"out_trade_no": number, "state": state, "upstream_state": state,
                                   "total_amount": amount, **extra}
        if paid is not None:
            partial.update(created_at=paid.timestamp() - 5, paid_at=paid.timestamp())
        else:
            partial["created_at"] = (created or at(9)).timestamp()
        self.control.create_orders([partial])

    def receipt(self, number: str, amount: int, seen: datetime) -> int:
        return record_receipt(self.journal, wechat_print_txt(number, amount, seen), seen)


@pytest.fixture(params=["wechatpay-v3", "alipay"])
def setup(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Setup]:
    clock = FakeClock(TODAY_11.timestamp())
    server = SandboxServer(platform=request.param, keys_dir=tmp_path / "keys", clock=clock)
    server.start()
    journal = Journal(tmp_path / "journal.sqlite3")
    ledger = BillStore(journal).refunded
    if request.param == "wechatpay-v3":
        adapter: ChannelAdapter = WechatPayAdapter(wechat_settings(server), lambda: merchant_secret(server),
                                                   refunds=ledger, clock=clock)
    else:
        adapter = AlipayAdapter(alipay_settings(server), lambda: merchant_secret(server), refunds=ledger, clock=clock)
    try:
        yield Setup(server, adapter, journal, clock)
    finally:
        adapter.close()
        journal.close()
        server.stop()


def test_bill_import_raises_the_days_findings_once(setup: Setup) -> None:
    setup.order("B0001", "PAID", 1250, at(10))  # paid, receipt seen: nothing to say
    setup.order("B0002", "PAID", 3300, at(11))  # paid, the receipt was lost
    setup.order("B0003", "CREATED", 600, None)  # receipt printed, never paid
    setup.order("B0004", "PAID", 1200, at(12))  # receipt says 12.50
    setup.receipt("B0001", 1250, at(10, 1))
    setup.receipt("B0003", 600, at(9, 1))
    setup.receipt("B0004", 1250, at(12, 1))
    setup.receipt("B0005", 880, at(13, 1))  # a number the platform never heard of
    reconciler = setup.reconciler()
    report = reconciler.import_bill(YESTERDAY)
    assert report.imported, report
    assert (report.entries, report.payments) == (3, 3)
    found = {(f.kind, f.out_trade_no) for f in report.findings}
    assert (CaseKind.PAID_NO_RECEIPT, "B0002") in found
    assert (CaseKind.RECEIPT_WITHOUT_PAYMENT, "B0003") in found
    assert (CaseKind.AMOUNT_MISMATCH, "B0004") in found
    assert (CaseKind.RECEIPT_WITHOUT_PAYMENT, "B0005") in found
    assert not any(n == "B0001" for _, n in found)
    # Receipts not in the bill were asked about once each (a bill cannot prove an order unpaid).
    assert report.queries == 2
    opened = {(c.kind, c.out_trade_no) for c, created in setup.heard.cases if created}
    assert found <= opened
    # Imported again: the same findings, no new case.
    before = len(setup.heard.cases)
    again = reconciler.import_bill(YESTERDAY)
    assert again.imported and len(setup.heard.cases) == before
    assert BillStore(setup.journal).imported(setup.adapter.capabilities.kind.value, YESTERDAY) is not None


def test_the_bill_raises_refunds_as_the_list_does(setup: Setup) -> None:
    """The refund rules run on a bill too: a refund the bill shows with no refund slip from the till, and a
    refund slip for an order the bill shows paid, nothing refunded."""
    setup.order("B0030", "PAID", 2600, at(14))
    setup.receipt("B0030", 2600, at(14, 1))
    setup.clock.t = at(16).timestamp()
    setup.control.set_upstream("B0030", "REFUNDED")  # refunded the same afternoon, in the back office
    setup.order("B0031", "PAID", 880, at(15))
    setup.receipt("B0031", 880, at(15, 1))
    slip = refund_print_txt("B0031", 880, at(15, 30))  # the till printed a refund the platform never made
    record_receipt(setup.journal, slip, at(15, 30))
    setup.clock.t = TODAY_11.timestamp()
    report = setup.reconciler().import_bill(YESTERDAY)
    found = {(f.kind, f.out_trade_no) for f in report.findings}
    assert {(CaseKind.REFUND_WITHOUT_RECEIPT, "B0030"), (CaseKind.REFUND_NOT_ON_PLATFORM, "B0031")} <= found
    refund = next(f for f in report.findings if f.out_trade_no == "B0030")
    assert refund.amount == 2600 and refund.detail == "refunded 26.00 on the platform, no refund receipt"


def test_bill_not_ready_before_ten(setup: Setup) -> None:
    setup.clock.t = datetime.combine(TODAY_11.date(), time(9, 30), CHINA_TZ).timestamp()
    report = setup.reconciler().import_bill(YESTERDAY)
    assert not report.imported and report.reason == "not_ready"


def test_the_bill_is_imported_by_itself_once_ready(setup: Setup) -> None:
    setup.order("B0010", "PAID", 990, at(15))
    reconciler = setup.reconciler()
    reconciler.state.save_first_day(YESTERDAY)
    setup.clock.t = datetime.combine(TODAY_11.date(), time(9, 50), CHINA_TZ).timestamp()
    assert reconciler.poll_once().bills == []  # not 10:00 yet
    setup.clock.t = TODAY_11.timestamp()
    report = reconciler.poll_once()
    assert [b["day"] for b in report.bills] == [YESTERDAY.isoformat()] and report.bills[0]["imported"]
    assert (CaseKind.PAID_NO_RECEIPT, "B0010") in {(c.kind, c.out_trade_no) for c, _ in setup.heard.cases}
    assert reconciler.poll_once().bills == []  # once


def test_a_full_refund_is_proven_by_the_bill(setup: Setup) -> None:
    setup.order("B0020", "PAID", 500, at(16))
    setup.control.set_upstream("B0020", "REFUNDED")
    setup.receipt("B0020", 500, at(16, 1))
    setup.clock.t = (TODAY_11 + timedelta(days=1)).timestamp()  # the refund happened "today": its bill tomorrow
    setup.reconciler().import_bill(TODAY_11.date())
    answer = setup.adapter.query("B0020")
    assert isinstance(answer, OrderFound) and answer.order.state is OrderState.REFUNDED


def test_queries_during_the_day_are_few_and_find_a_receipt_without_payment(setup: Setup) -> None:
    now = datetime.fromtimestamp(setup.clock(), UTC)
    setup.order("D0001", "PAID", 1250, now - timedelta(seconds=40))
    setup.order("D0002", "USERPAYING", 600, None, created=now - timedelta(seconds=40))
    setup.receipt("D0001", 1250, now - timedelta(seconds=30))
    setup.receipt("D0002", 600, now - timedelta(seconds=30))
    reconciler = setup.reconciler()
    first = reconciler.poll_once()
    assert first.ok and (first.list_requests, first.query_requests) == (0, 2)
    kinds = {(c.kind, c.out_trade_no) for c, _ in setup.heard.cases}
    assert (CaseKind.RECEIPT_WITHOUT_PAYMENT, "D0002") in kinds
    # Right after, nothing is due: no request at all.
    assert reconciler.poll_once().query_requests == 0
    # The unpaid one is asked again soon (it may be paid yet), the paid one not for half an hour.
    setup.clock.advance(15)
    assert reconciler.poll_once().query_requests == 1
    setup.clock.advance(1800)
    assert reconciler.poll_once().query_requests == 2


def test_query_limit_per_poll(setup: Setup) -> None:
    now = datetime.fromtimestamp(setup.clock(), UTC)
    for i in range(7):
        setup.receipt(f"L{i:04d}", 100, now - timedelta(seconds=60))
    reconciler = setup.reconciler(max_queries_per_poll=3)
    assert [reconciler.poll_once().query_requests for _ in range(3)] == [3, 3, 1]


def test_cli_reconcile_bill(setup: Setup, isolated_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from cashier_app.platform.credentials import CredentialStore

    server = setup.server
    setup.order("C0001", "PAID", 4680, at(17))
    if server.platform == "wechatpay-v3":
        platform = wechat_settings(server)
        section = (f'[platform.wechatpay]\nbase_url = "{server.base_url}"\nmchid = "{platform.wechatpay.mchid}"\n'
                   f'merchant_serial_no = "{platform.wechatpay.merchant_serial_no}"\n'
                   f'public_key_id = "{platform.wechatpay.public_key_id}"\n'
                   f'public_key_file = "{platform.wechatpay.public_key_file}"\n')
    else:
        platform = alipay_settings(server)
        section = (f'[platform.alipay]\ngateway_url = "{platform.alipay.gateway_url}"\n'
                   f'app_id = "{platform.alipay.app_id}"\npublic_key_file = "{platform.alipay.public_key_file}"\n')
    (isolated_home / "config.toml").write_text(f'[platform]\nkind = "{server.platform}"\ntimeout_s = 2.0\n{section}',
                                               encoding="utf-8")
    CredentialStore(platform).set_key(merchant_secret(server))
    # The command runs on this computer's clock: the emulator's moves to it, with every bill ready.
    setup.clock.t = datetime.now(UTC).timestamp()
    server.control.set_options(bill_ready_after_s=-86400)
    code = main(["reconcile", "bill", "--date", YESTERDAY.isoformat(), "--json"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert '"out_trade_no": "C0001"' in out and "paid_no_receipt" in out
    assert main(["reconcile", "bill", "--date", "yesterday"]) == 2
    future = (TODAY_11.date() + timedelta(days=400)).isoformat()
    assert main(["reconcile", "bill", "--date", future]) == 3




def test_the_first_poll_tells_whether_the_platform_answers(setup: Setup) -> None:
    setup.control.inject_faults(status=503, for_requests=20)
    down = setup.reconciler()
    report = down.poll_once()
    assert not report.ok and report.query_requests == 1
    assert setup.heard.health and setup.heard.health[-1].reachable is False
    setup.control.clear_faults()
    up = setup.reconciler()
    assert up.poll_once().ok and setup.heard.health[-1].reachable is True
