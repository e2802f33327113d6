"""WeChat Pay and Alipay adapters: overhead per call beyond the round trip (target <= 2 ms, RSA
included), and the import of a 5,000-row day's bill (target <= 1 s).

Against the sandbox's emulators on loopback, median of 500 calls each:
  1. raw:     requests of the same query whose signatures were made before the clock started
  2. adapter: adapter.query (sign with RSA, send, verify the answer with RSA, parse, forward check)
  overhead = adapter - raw; and the adapter's own work alone (sign + verify + parse), in process.
Bill: 5,000 paid orders in the emulator and 5,000 receipts in a journal; Reconciler.import_bill
timed end to end (request, download, hash check, parse, journal, rules), and its parts.

    .venv/bin/python tests/benchmarks/bench_channel_adapters.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from urllib.parse import urlencode

import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from cashier_app.domain.bill import orders_from_bill
from cashier_app.domain.reconcile_settings import ReconcileSettings
from cashier_app.domain.timezones import CHINA_TZ
from cashier_app.journal.db import Journal
from cashier_app.platform import rsa_keys
from cashier_app.platform.alipay import signing as ali_signing
from cashier_app.platform.alipay.client import AlipayAdapter
from cashier_app.platform.results import OrderFound
from cashier_app.platform.wechatpay import signing as wx_signing
from cashier_app.platform.wechatpay.bill import parse_trade_bill
from cashier_app.platform.wechatpay.client import WechatPayAdapter
from cashier_app.reconcile.service import Reconciler
from cashier_app.sandbox.server import SandboxServer
from tests.benchmarks.bench_platform_client import median_ms, timed
from tests.helpers.channels import alipay_settings, keys_info, merchant_secret, wechat_settings
from tests.helpers.reconcile import record_receipt, wechat_print_txt

N = 500  # as timed() of bench_platform_client
NUMBER = "202611220001"
BILL_ROWS = 5000


def wechat_overhead(tmp: Path) -> None:
    with SandboxServer(platform="wechatpay-v3", keys_dir=tmp / "wx") as server:
        server.control.create_orders([{"out_trade_no": NUMBER, "state": "PAID", "upstream_state": "PAID"}])
        info = keys_info(server)
        key = rsa_keys.load_private_pem(Path(info["files"]["merchant_private_key"]).read_bytes())
        url = f"/v3/pay/transactions/out-trade-no/{NUMBER}?mchid={info['mchid']}"
        signed = [wx_signing.sign_request(key, mchid=info["mchid"], serial_no=info["merchant_serial_no"],
                                          method="GET", url=url, timestamp=str(int(time.time())),
                                          nonce=wx_signing.new_nonce(), body=b"") for _ in range(N + 30)]
        session = requests.Session()
        headers = iter(signed)

        def raw() -> None:
            response = session.get(server.base_url + url, timeout=5, headers={
                "Authorization": next(headers), "Accept": "application/json",
                "Wechatpay-Serial": info["public_key_id"]})
            assert response.status_code == 200

        for _ in range(30):
            raw()
        raw_samples = timed(raw)
        with WechatPayAdapter(wechat_settings(server), lambda: merchant_secret(server)) as adapter:
            for _ in range(30):
                adapter.query(NUMBER)
            adapter_samples = timed(lambda: adapter.query(NUMBER))
            assert isinstance(adapter.query(NUMBER), OrderFound)
            public = adapter.platform_keys()[info["public_key_id"]]
        request = {"authorization": signed[-1], "wechatpay-serial": info["public_key_id"]}
        assert server.channel is not None
        body = server.channel.handle("GET", url, request, b"", fault=None, base_url=server.base_url)
        ts, nonce, sig = (body.headers["Wechatpay-Timestamp"], body.headers["Wechatpay-Nonce"],
                          body.headers["Wechatpay-Signature"])
        sign_s = timed(lambda: wx_signing.sign_request(key, mchid="1", serial_no="A", method="GET", url=url,
                                                       timestamp=ts, nonce=nonce, body=b""))
        verify_s = timed(lambda: wx_signing.verify(public, wx_signing.response_message(ts, nonce, body.body), sig))
    report("WeChat Pay v3", raw_samples, adapter_samples, sign_s, verify_s)


def alipay_overhead(tmp: Path) -> None:
    with SandboxServer(platform="alipay", keys_dir=tmp / "ali") as server:
        server.control.create_orders([{"out_trade_no": NUMBER, "state": "PAID", "upstream_state": "PAID"}])
        info = keys_info(server)
        key = rsa_keys.load_private_pem(Path(info["files"]["app_private_key"]).read_bytes())
        bodies = []
        for _ in range(N + 30):
            params = {"app_id": info["app_id"], "method": "alipay.trade.query", "format": "JSON", "charset": "utf-8",
                      "sign_type": "RSA2", "timestamp": ali_signing.beijing_timestamp(time.time), "version": "1.0",
                      "biz_content": f'{{"out_trade_no":"{NUMBER}"}}'}
            params["sign"] = ali_signing.sign_params(key, params)
            bodies.append(urlencode(params).encode())
        session = requests.Session()
        forms = iter(bodies)

        def raw() -> None:
            response = session.post(info["gateway_url"], data=next(forms), timeout=5, headers={
                "Content-Type": "application/x-www-form-urlencoded;charset=utf-8"})
            assert response.status_code == 200 and b"TRADE_SUCCESS" in response.content

        for _ in range(30):
            raw()
        raw_samples = timed(raw)
        with AlipayAdapter(alipay_settings(server), lambda: merchant_secret(server)) as adapter:
            for _ in range(30):
                adapter.query(NUMBER)
            adapter_samples = timed(lambda: adapter.query(NUMBER))
            assert isinstance(adapter.query(NUMBER), OrderFound)
            public = adapter.alipay_public_key()
        answer = session.post(info["gateway_url"], data=bodies[-1], timeout=5).content.decode()
        inner = ali_signing.signed_content(answer, "alipay_trade_query_response") or ""
        sign = answer.rsplit('"sign":"', 1)[1].rstrip('"}')
        sign_s = timed(lambda: ali_signing.sign_params(key, params))
        verify_s = timed(lambda: rsa_keys.verify(public, (ali_signing.signed_content(answer, "alipay_trade_query_"
                                                                                      "response") or "").encode(),
                                                 sign))
        assert rsa_keys.verify(public, inner.encode(), sign)
    report("Alipay", raw_samples, adapter_samples, sign_s, verify_s)


def report(name: str, raw: list[float], adapter: list[float], sign: list[float], verify: list[float]) -> None:
    overhead = median_ms(adapter) - median_ms(raw)
    print(f"{name}: round trip pre-signed median {median_ms(raw):.2f} ms; adapter.query median "
          f"{median_ms(adapter):.2f} ms; overhead {overhead:.2f} ms (target <= 2 ms)")
    print(f"  in process: RSA sign {median_ms(sign):.3f} ms, verify answer {median_ms(verify):.3f} ms")


def bill_import(tmp: Path) -> None:
    today_11 = datetime.combine(datetime.now(CHINA_TZ).date(), clock_time(11), CHINA_TZ)
    yesterday = today_11.date() - timedelta(days=1)
    start = datetime.combine(yesterday, clock_time(8), CHINA_TZ).timestamp()
    with SandboxServer(platform="wechatpay-v3", keys_dir=tmp / "wx2", clock=today_11.timestamp) as server:
        orders = [{"out_trade_no": f"B{i:07d}", "state": "PAID", "upstream_state": "PAID", "total_amount": 100 + i,
                   "created_at": start + i * 8, "paid_at": start + i * 8 + 3} for i in range(BILL_ROWS)]
        server.control.create_orders(orders)
        journal = Journal(tmp / "journal.sqlite3")
        for i in range(BILL_ROWS - 10):  # ten receipts lost
            paid = datetime.fromtimestamp(start + i * 8 + 3, CHINA_TZ)
            record_receipt(journal, wechat_print_txt(f"B{i:07d}", 100 + i, paid), paid + timedelta(seconds=2))
        with WechatPayAdapter(wechat_settings(server), lambda: merchant_secret(server),
                              clock=today_11.timestamp) as adapter:
            settings = ReconcileSettings(grace_s=20.0, missing_receipt="ask")
            reconciler = Reconciler(journal, adapter, settings, clock=today_11.timestamp)
            started = time.perf_counter()
            result = reconciler.import_bill(yesterday)
            total = time.perf_counter() - started
            assert result.imported and result.entries == BILL_ROWS, result
            found = sum(1 for f in result.findings if f.kind.value == "paid_no_receipt")
            # Its parts: the platform's work and the download, then ours.
            started = time.perf_counter()
            bill = adapter.daily_bill(yesterday)
            fetch = time.perf_counter() - started
        raw = server.channel.bill_csv(yesterday).decode()  # type: ignore[union-attr]
        parse = timed(lambda: parse_trade_bill(raw, yesterday), 5)
        rules = timed(lambda: orders_from_bill(bill), 5)  # type: ignore[arg-type]
        journal.close()
    print(f"bill import, {BILL_ROWS} rows, {BILL_ROWS - 10} receipts: {total * 1000:.0f} ms end to end "
          f"(target <= 1000 ms), {found} paid orders without receipt found")
    print(f"  of which fetching (request, the emulator making the file, download, SHA1, parse) {fetch * 1000:.0f} ms;"
          f" parse alone {median_ms(parse):.0f} ms; bill to orders {median_ms(rules):.1f} ms")


def daily_requests(orders: int = 2000, hours: float = 14.0, interval_s: float = 10.0, unpaid_share: int = 50) -> None:
    """The requests a day costs without a list: the reconciler's query plan over a simulated day
    (one poll per interval; every order with its receipt; one in `unpaid_share` stays unpaid)."""
    from cashier_app.domain.orders import OrderState
    from cashier_app.reconcile.query_plan import QueryPlan

    plan = QueryPlan(interval_s, grace_s=20.0)
    day = hours * 3600
    arrivals = [i * day / orders for i in range(orders)]
    queries = polls = 0
    busiest = 0
    t, next_order = 0.0, 0
    while t < day:
        while next_order < orders and arrivals[next_order] <= t:
            plan.know(f"N{next_order}", arrivals[next_order])
            next_order += 1
        due = plan.due(t, 20)
        busiest = max(busiest, len(due))
        for number in due:
            index = int(number[1:])
            state = OrderState.USERPAYING if index % unpaid_share == 0 else OrderState.PAID
            plan.answered(number, t, state, arrivals[index] if state is OrderState.PAID else None)
        queries += len(due)
        polls += 1
        t += interval_s
    print(f"requests a day without a list ({orders} orders in {hours:g} h, 1 in {unpaid_share} left unpaid, "
          f"poll every {interval_s:g} s): {queries} queries ({queries / orders:.2f} per order, at most {busiest} "
          f"in one poll) + 2 for the next morning's bill")


def main() -> None:
    daily_requests()
    with tempfile.TemporaryDirectory() as tmp:
        wechat_overhead(Path(tmp))
        alipay_overhead(Path(tmp))
        bill_import(Path(tmp))


if __name__ == "__main__":
    main()
