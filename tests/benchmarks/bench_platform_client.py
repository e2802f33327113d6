"""The platform client's own overhead per call, beyond the HTTP round trip (target < 2 ms).

Runs the sandbox on loopback and measures, median of 500 each:
  1. raw:    requests.Session.post of a query whose headers were signed before the clock started
  2. client: PlatformClient.query of the same order (sign, send, verify, parse, forward check)
  3. in-process: the client's work alone (encode + sign the request, verify + parse the answer)

    .venv/bin/python tests/benchmarks/bench_platform_client.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from cashier_app.platform import signing
from cashier_app.platform.client import QUERY_PATH, PlatformClient
from cashier_app.platform.order import Order
from cashier_app.platform.results import OrderFound
from cashier_app.platform.settings import PlatformSettings
from cashier_app.platform.transport import SignedTransport, encode_body
from cashier_app.sandbox.server import SandboxServer

KEY = "sandbox-key-T0001-please-change"
N = 500
NUMBER = "202611220001"


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def timed(call: Callable[[], object], n: int = N) -> list[float]:
    samples = []
    for _ in range(n):
        start = time.perf_counter()
        call()
        samples.append(time.perf_counter() - start)
    return samples


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp, SandboxServer(
            db_path=Path(tmp) / "bench.sqlite3", keys={("M100001", "T0001"): KEY}) as sandbox:
        sandbox.control.create_orders([{"out_trade_no": NUMBER, "state": "PAID", "upstream_state": "PAID"}])
        base = sandbox.base_url.rstrip("/")
        settings = PlatformSettings(base_url=base)
        body = encode_body({"out_trade_no": NUMBER})

        # 1. raw: every request signed beforehand (fresh nonces), so only the round trip is timed.
        pre_signed = []
        for _ in range(N + 50):
            ts, nonce = str(int(time.time())), signing.new_nonce()
            pre_signed.append({
                "Content-Type": "application/json", "X-Mch-No": "M100001", "X-Terminal-No": "T0001",
                "X-Timestamp": ts, "X-Nonce": nonce,
                "X-Sign": signing.sign(KEY, signing.request_string_to_sign("POST", QUERY_PATH, ts, nonce, body)),
            })
        session = requests.Session()
        headers = iter(pre_signed)
        for _ in range(50):  # warm-up
            session.post(base + QUERY_PATH, data=body, headers=next(headers), timeout=5)
        last: list[requests.Response] = []

        def raw() -> None:
            response = session.post(base + QUERY_PATH, data=body, headers=next(headers), timeout=5)
            last[:] = [response]

        raw_samples = timed(raw)
        assert last[0].status_code == 200, last[0].text

        # 2. the client, end to end.
        with PlatformClient(settings, lambda: KEY) as client:
            for _ in range(50):
                assert isinstance(client.query(NUMBER), OrderFound)
            client_samples = timed(lambda: client.query(NUMBER))
            assert isinstance(client.query(NUMBER), OrderFound)

        # 3. the client's own work, in process, on a real answer of the sandbox.
        answer = last[0]
        content, answer_headers = answer.content, answer.headers

        def own_work() -> None:
            payload = encode_body({"out_trade_no": NUMBER})
            ts, nonce = str(int(time.time())), signing.new_nonce()
            signing.sign(KEY, signing.request_string_to_sign("POST", QUERY_PATH, ts, nonce, payload))
            envelope = SignedTransport.read_answer(200, answer_headers, content, KEY)
            Order.from_json(envelope.data)

        own_samples = timed(own_work, N * 4)

    raw_ms, client_ms, own_ms = median_ms(raw_samples), median_ms(client_samples), median_ms(own_samples)
    print(f"platform client overhead, median of {N} calls on loopback")
    print(f"  raw requests round trip (pre-signed):   {raw_ms:7.3f} ms")
    print(f"  PlatformClient.query end to end:        {client_ms:7.3f} ms")
    print(f"  difference (client overhead per call):  {client_ms - raw_ms:7.3f} ms   target < 2 ms")
    print(f"  in-process sign + verify + parse:       {own_ms:7.3f} ms   (median of {N * 4})")
    print(f"  p95 client / raw:                       {statistics.quantiles(client_samples, n=20)[18] * 1000:7.3f}"
          f" / {statistics.quantiles(raw_samples, n=20)[18] * 1000:.3f} ms")


if __name__ == "__main__":
    main()
