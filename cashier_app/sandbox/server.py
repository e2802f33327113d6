"""The sandbox merchant platform: a real HTTP server on loopback (specs/merchant-platform-api.md).

    with SandboxServer() as sandbox:              # port 0: a free port
        sandbox.control.create_orders([{"out_trade_no": "202611220001", "state": "PAID",
                                        "upstream_state": "PAID"}])
        requests.post(sandbox.base_url + "/api/v1/orders/query", ...)   # signed

Paths: /api/v1/orders/{query,sync,list,close} (signed, as the spec says), GET /openapi.json,
and the unsigned control endpoints under /sandbox/ (loopback clients only).

`platform="wechatpay-v3"` or `"alipay"` makes it emulate that platform instead of MP API v1
(sandbox/wechatpay_api.py, sandbox/alipay_api.py) over the same orders, faults and control API.
"""

from __future__ import annotations

import contextlib
import ipaddress
import json
import logging
import socket
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import unquote, urlsplit

from cashier_app.platform import signing
from cashier_app.sandbox.api import (
    DEFAULT_KEY,
    DEFAULT_MERCHANT,
    DEFAULT_TERMINAL,
    MAX_BODY_BYTES,
    ApiAnswer,
    ApiError,
    PlatformApi,
    envelope,
    error_answer,
)
from cashier_app.sandbox.control import ChannelEmulator, ControlError, SandboxControl
from cashier_app.sandbox.emulator_keys import (
    AlipayKeys,
    WechatKeys,
    alipay_keys,
    describe,
    wechat_keys,
    write_description,
)
from cashier_app.sandbox.faults import ERROR_STATUSES, Fault, FaultInjector
from cashier_app.sandbox.openapi import build_openapi
from cashier_app.sandbox.store import SandboxStore
from cashier_app.sandbox.wechatpay_api import WechatPayApi

log = logging.getLogger(__name__)

_ERROR_MESSAGES = {
    500: "system error (injected by the sandbox)",
    502: "the payment channel did not answer (injected by the sandbox)",
    503: "the platform is under maintenance (injected by the sandbox)",
}


def is_loopback(host: str) -> bool:
    try:
        address = ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_loopback


class _HttpServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    # Refused connections under a load of many clients otherwise (default backlog 5).
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], sandbox: SandboxServer) -> None:
        self.sandbox = sandbox
        super().__init__(address, _Handler)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "MerchantPlatformSandbox/1"
    # Headers and body go out in two writes: without TCP_NODELAY, Nagle's algorithm and the
    # client's delayed ACK add ~40 ms to every kept-alive answer.
    disable_nagle_algorithm = True
    server: _HttpServer

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s %s", self.address_string(), format % args)

    def do_POST(self) -> None:
        self._dispatch("POST")

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_PUT(self) -> None:
        self._dispatch("PUT")

    def do_DELETE(self) -> None:
        self._dispatch("DELETE")

    def do_PATCH(self) -> None:
        self._dispatch("PATCH")

    def _read_body(self) -> bytes | None:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            return None
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            return None
        if length < 0 or length > MAX_BODY_BYTES:
            return None
        return self.rfile.read(length) if length else b""

    def _dispatch(self, method: str) -> None:
        sandbox = self.server.sandbox
        with sandbox.in_flight():
            self._route(method, sandbox)

    def _route(self, method: str, sandbox: SandboxServer) -> None:
        path = urlsplit(self.path).path
        body = self._read_body()
        if sandbox.stopping:
            # A request on a kept-alive connection after stop(): the platform is down.
            self.close_connection = True
            headers = {name.lower(): value for name, value in self.headers.items()}
            key = sandbox.api.signing_key_for(headers)
            self._send_signed(error_answer(ApiError(503, "MAINTENANCE", "the sandbox is stopping"), key), None)
            return
        if path == "/sandbox" or path.startswith("/sandbox/"):
            self._control(method, path, body)
        elif sandbox.channel is not None:
            self._channel(method, body)
        elif path.startswith("/api/"):
            self._api(method, path, body)
        elif path == "/openapi.json" and method == "GET":
            self._send_json(200, build_openapi(sandbox.base_url))
        else:
            self._send_json(404, {"code": "NOT_FOUND", "msg": f"no such path: {path}", "data": None})

    # The API

    def _api(self, method: str, path: str, body: bytes | None) -> None:
        sandbox = self.server.sandbox
        api = sandbox.api
        fault = sandbox.faults.take()
        if fault is not None and fault.latency_s:
            sandbox.sleep(fault.latency_s)
        headers = {name.lower(): value for name, value in self.headers.items()}
        key = api.signing_key_for(headers)
        if body is None:
            self.close_connection = True
            answer = error_answer(ApiError(400, "INVALID_PARAMS", "send the body with a Content-Length"), key)
        elif fault is not None and fault.rate_limit:
            answer = error_answer(ApiError(429, "FREQUENCY_LIMITED", "too many requests (injected by the sandbox)",
                                           retry_after=fault.retry_after), key)
        elif fault is not None and fault.error_status is not None:
            status = fault.error_status
            answer = error_answer(ApiError(status, ERROR_STATUSES[status],
                                           _ERROR_MESSAGES.get(status, "injected by the sandbox"),
                                           retry_after=fault.retry_after if status == 429 else None), key)
        else:
            try:
                answer = api.handle(method, path, headers, body)
            except Exception:
                log.exception("sandbox API failed on %s", path)
                answer = ApiAnswer(500, envelope("SYSTEM_ERROR", "internal error", None), key)
        if fault is not None and fault.drop_response:
            # The platform did the work; the answer is lost on the way back.
            self._drop()
            return
        self._send_signed(answer, fault)

    def _channel(self, method: str, body: bytes | None) -> None:
        """WeChat Pay or Alipay: the emulator answers, signs, and applies the faults itself."""
        sandbox = self.server.sandbox
        fault = sandbox.faults.take()
        if fault is not None and fault.latency_s:
            sandbox.sleep(fault.latency_s)
        headers = {name.lower(): value for name, value in self.headers.items()}
        if body is None:
            self.close_connection = True
            body = b""
        assert sandbox.channel is not None
        reply = sandbox.channel.handle(method, self.path, headers, body, fault=fault, base_url=sandbox.base_url)
        if fault is not None and fault.drop_response:
            self._drop()
            return
        self.send_response(reply.status)
        if reply.status != 204:
            self.send_header("Content-Type", reply.content_type)
            self.send_header("Content-Length", str(len(reply.body)))
        for name, value in reply.headers.items():
            self.send_header(name, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if reply.status != 204:
            self.wfile.write(reply.body)

    def _drop(self) -> None:
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

    def _send_signed(self, answer: ApiAnswer, fault: Fault | None) -> None:
        sandbox = self.server.sandbox
        payload = json.dumps(answer.envelope, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        timestamp = str(int(sandbox.clock()))
        nonce = signing.new_nonce()
        if fault is not None and fault.stale_timestamp_s:
            timestamp = str(int(sandbox.clock()) - fault.stale_timestamp_s)
        signature = signing.sign(answer.key, signing.response_string_to_sign(timestamp, nonce, payload))
        if fault is not None and fault.probe_signature:
            signature = signing.PROBE_PREFIX + signing.sign("probe", payload)
        if fault is not None and fault.bad_signature:
            # A well-formed signature of something else: only verification can tell.
            signature = signing.sign(answer.key, signing.response_string_to_sign(timestamp, nonce, payload + b" "))
        self.send_response(answer.status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("X-Timestamp", timestamp)
        self.send_header("X-Nonce", nonce)
        self.send_header("X-Sign", signature)
        self.send_header("X-Request-Id", str(answer.envelope.get("request_id", "")))
        for name, value in answer.headers.items():
            self.send_header(name, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(payload)

    # Control

    def _control(self, method: str, path: str, body: bytes | None) -> None:
        if not is_loopback(self.client_address[0]):
            self._send_json(403, {"code": "FORBIDDEN", "msg": "the sandbox control API answers loopback clients only",
                                  "data": None})
            return
        control = self.server.sandbox.control
        try:
            params: Any = None
            if method == "POST":
                if body is None:
                    raise ControlError(400, "INVALID_PARAMS", "send the body with a Content-Length")
                try:
                    params = json.loads(body.decode("utf-8")) if body.strip() else {}
                except (UnicodeDecodeError, ValueError):
                    raise ControlError(400, "INVALID_PARAMS", "body must be JSON in UTF-8") from None
            data = self._control_call(control, method, path, params)
            self._send_json(200, {"code": "SUCCESS", "msg": "ok", "data": data})
        except ControlError as exc:
            self._send_json(exc.status, {"code": exc.code, "msg": exc.msg, "data": None})
        except Exception:
            log.exception("sandbox control failed on %s", path)
            self._send_json(500, {"code": "SYSTEM_ERROR", "msg": "internal error", "data": None})

    def _control_call(self, control: SandboxControl, method: str, path: str, params: Any) -> Any:  # noqa: C901, PLR0912 - the control API's router: one case per documented route
        parts = [unquote(p) for p in path.split("/")[2:]]
        def need_object() -> dict[str, Any]:
            if not isinstance(params, dict):
                raise ControlError(400, "INVALID_PARAMS", "body must be a JSON object")
            return params

        if method == "GET" and parts == ["state"]:
            return control.state()
        if method == "GET" and parts == ["scenarios"]:
            return control.scenarios()
        if method == "GET" and parts == ["options"]:
            return control.options()
        if method == "GET" and len(parts) == 2 and parts[0] == "orders":
            return control.order_state(parts[1])
        if method != "POST":
            raise ControlError(405 if parts and parts[0] in {"orders", "faults", "reset", "options"} else 404,
                               "NOT_FOUND", f"no such control endpoint: {method} {path}")
        if parts == ["orders"]:
            orders = params.get("orders") if isinstance(params, dict) and "orders" in params else params
            if not isinstance(orders, list | dict):
                raise ControlError(400, "INVALID_PARAMS", "body must be a list of partial Orders")
            return control.create_orders(orders if isinstance(orders, list) else [orders])
        if len(parts) == 3 and parts[0] == "orders" and parts[2] == "upstream":
            body = dict(need_object())
            state = body.pop("state", None)
            if state is None:
                state = body.pop("upstream_state", None)
            return control.set_upstream(parts[1], state, notify=bool(body.pop("notify", False)), **body)
        if parts == ["faults"]:
            return control.inject_faults(**need_object())
        if parts == ["options"]:
            return control.set_options(**need_object())
        if parts == ["reset"]:
            control.reset()
            return control.state()
        if parts == ["scenario"]:
            body = need_object()
            return control.load_scenario(str(body.get("name", "")), replace=bool(body.get("replace", True)))
        if parts == ["live"]:
            body = dict(need_object())
            try:
                number, amount = body.pop("out_trade_no"), body.pop("total_amount")
            except KeyError:
                raise ControlError(400, "INVALID_PARAMS", "out_trade_no and total_amount are required") from None
            channel = body.pop("channel", "WECHAT")
            return control.live_paid_order(number, amount, channel, notify=bool(body.pop("notify", True)), **body)
        raise ControlError(404, "NOT_FOUND", f"no such control endpoint: {method} {path}")

    def _send_json(self, status: int, value: Any) -> None:
        payload = json.dumps(value, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


class SandboxServer:
    """The sandbox platform on its own thread. `stop()` is idempotent; also a context manager."""

    def __init__(  # noqa: PLR0913, PLR0917 (the signature the demo and tests were promised)
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        db_path: Path | None = None,
        keys: dict[tuple[str, str], str] | None = None,
        clock: Callable[[], float] = time.time,
        scenario: str | None = None,
        *,
        sleep: Callable[[float], object] | None = None,
        platform: str = "mp-v1",
        keys_dir: Path | None = None,
    ) -> None:
        self.host = host
        self._requested_port = port
        self.clock = clock
        self._stop_event = threading.Event()
        # Injected latency waits are cut short by stop(); tests may pass their own sleep.
        self.sleep: Callable[[float], object] = sleep or self._stop_event.wait
        self.keys: dict[tuple[str, str], str] = dict(keys) if keys is not None else {
            (DEFAULT_MERCHANT, DEFAULT_TERMINAL): DEFAULT_KEY}
        self.store = SandboxStore(db_path)
        self.faults = FaultInjector()
        self.api = PlatformApi(self.store, self.keys, clock)
        self.control = SandboxControl(self.store, self.api, self.faults, clock)
        self.platform = platform
        self.keys_dir = keys_dir
        self.channel: ChannelEmulator | None = None
        self.channel_keys: WechatKeys | AlipayKeys | None = None
        if platform == "wechatpay-v3":
            self.channel_keys = wechat_keys(keys_dir)
            self.channel = WechatPayApi(self.store, self.channel_keys, clock, lambda: self.control.bill_ready_after_s)
        elif platform == "alipay":
            from cashier_app.sandbox.alipay_api import AlipayApi

            self.channel_keys = alipay_keys(keys_dir)
            self.channel = AlipayApi(self.store, self.channel_keys, clock, lambda: self.control.bill_ready_after_s)
        elif platform != "mp-v1":
            raise ValueError(f"platform must be mp-v1, wechatpay-v3 or alipay, not {platform!r}")
        self.control.channel = self.channel
        self.control.platform = platform
        self.scenario = scenario
        self._httpd: _HttpServer | None = None
        self._thread: threading.Thread | None = None
        self._stopped = False
        self._lock = threading.Lock()
        self._busy = 0
        self._idle = threading.Condition()

    def start(self) -> SandboxServer:
        with self._lock:
            if self._stopped:
                raise RuntimeError("a stopped sandbox cannot be started again; make a new one")
            if self._httpd is not None:
                return self
            # Scenario first (a restart on a kept database keeps its orders instead).
            if self.scenario and self.store.count() == 0:
                self.control.load_scenario(self.scenario)
            self._httpd = _HttpServer((self.host, self._requested_port), self)
            self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                            name=f"sandbox-{self.port}", daemon=True)
            self._thread.start()
        if self.keys_dir is not None and self.channel_keys is not None:
            write_description(self.keys_dir, describe(self.platform, self.base_url, self.keys_dir, self.channel_keys))
        log.info("sandbox %s platform listening on %s", self.platform, self.base_url)
        return self

    def stop(self, timeout_s: float = 10.0) -> None:
        """Stop listening, let requests being answered finish (up to timeout_s), close the store."""
        with self._lock:
            if self._stopped:
                return
            self._stopped = True
            httpd, thread = self._httpd, self._thread
        self._stop_event.set()
        self.control.cancel_events()
        self.api.closing = True
        self.api.channel_changed()
        if httpd is not None:
            httpd.shutdown()
            httpd.server_close()
        if thread is not None:
            thread.join(timeout=timeout_s)
        with self._idle:
            self._idle.wait_for(lambda: self._busy == 0, timeout=timeout_s)
        self.store.close()

    @property
    def stopping(self) -> bool:
        return self._stopped

    @contextlib.contextmanager
    def in_flight(self) -> Iterator[None]:
        with self._idle:
            self._busy += 1
        try:
            yield
        finally:
            with self._idle:
                self._busy -= 1
                self._idle.notify_all()

    @property
    def port(self) -> int:
        if self._httpd is None:
            raise RuntimeError("the sandbox is not started")
        return int(self._httpd.server_address[1])

    @property
    def base_url(self) -> str:
        host = self.host if ":" not in self.host else f"[{self.host}]"
        return f"http://{host}:{self.port}"

    @property
    def running(self) -> bool:
        return self._httpd is not None and not self._stopped

    def __enter__(self) -> SandboxServer:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()
