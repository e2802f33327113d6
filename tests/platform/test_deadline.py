"""Hostile platforms: a server that trickles its answer a byte at a time, and one whose answer never
ends. Every call ends by its deadline as "state unknown", reading stops at the size cap, closing the
client cuts a call in flight, and the reconciler reports the platform unreachable and stops in time."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from cashier_app.domain.reconcile_settings import ReconcileSettings
from cashier_app.journal.db import Journal
from cashier_app.platform.client import PlatformClient
from cashier_app.platform.results import StateUnknown, UnknownReason
from cashier_app.platform.settings import PlatformSettings
from cashier_app.platform.transport import HttpTransport
from cashier_app.reconcile.platform_health import PlatformHealth
from cashier_app.reconcile.service import Reconciler
from tests.helpers.loopback_server import LoopbackServer

KEY = "sandbox-key-T0001-please-change"
HEADERS = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n"


class HostileServer:
    """A TCP server on loopback that answers every request with `behave(conn)`; stops by itself."""

    def __init__(self, behave: Callable[[socket.socket, threading.Event], None]) -> None:
        self._behave = behave
        self.sent = 0
        self._server = LoopbackServer(self._serve)
        self.port = self._server.port

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _serve(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(5)
            try:
                conn.recv(65536)  # the request (small: one read takes it)
                self._behave(conn, self._server.stopping)
            except OSError:
                pass  # the client cut the connection: what a deadline is for

    def send(self, conn: socket.socket, data: bytes) -> None:
        conn.sendall(data)
        self.sent += len(data)

    def stop(self) -> None:
        self._server.stop()


@pytest.fixture
def serve() -> Iterator[Callable[[Callable[[HostileServer, socket.socket, threading.Event], None]], HostileServer]]:
    started: list[HostileServer] = []

    def start(behave: Callable[[HostileServer, socket.socket, threading.Event], None]) -> HostileServer:
        holder: list[HostileServer] = []
        server = HostileServer(lambda conn, stop: behave(holder[0], conn, stop))
        holder.append(server)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


def trickle_body(server: HostileServer, conn: socket.socket, stop: threading.Event) -> None:
    """Headers at once, then one byte of the body every 0.2 s: each read is quick, the whole never."""
    server.send(conn, HEADERS)
    while not stop.wait(0.2):
        server.send(conn, b" ")


def trickle_headers(server: HostileServer, conn: socket.socket, stop: threading.Event) -> None:
    for byte in HEADERS:
        if stop.wait(0.2):
            return
        server.send(conn, bytes([byte]))


def endless(server: HostileServer, conn: socket.socket, stop: threading.Event) -> None:
    """An answer without a length that never ends, as fast as the socket takes it."""
    server.send(conn, b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n")
    block = b"[" * 65536
    while not stop.is_set():
        server.send(conn, block)


def settings(url: str, **overrides: object) -> PlatformSettings:
    values: dict[str, object] = {"base_url": url, "timeout_s": 0.5, "deadline_s": 1.0, "max_attempts": 2,
                                 "retry_budget_s": 3.0, "backoff_base_s": 0.05, "backoff_max_s": 0.1}
    values.update(overrides)
    return PlatformSettings(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize("behave", [trickle_body, trickle_headers], ids=["body", "headers"])
def test_a_trickling_answer_ends_by_the_deadline_as_state_unknown(serve, behave) -> None:
    server = serve(behave)
    with PlatformClient(settings(server.url), lambda: KEY) as client:
        started = time.monotonic()
        result = client.query("2026112200060001")
        took = time.monotonic() - started
    assert isinstance(result, StateUnknown) and result.reason is UnknownReason.TIMEOUT
    assert "deadline" in result.detail
    # Two attempts of at most 1 s each (plus a short back-off), not the minutes a trickle can last.
    assert result.attempts == 2 and took < 3.0


def test_the_retry_budget_ends_an_attempt_sooner_than_its_own_deadline(serve) -> None:
    server = serve(trickle_body)
    with PlatformClient(settings(server.url, deadline_s=10.0, retry_budget_s=1.5), lambda: KEY) as client:
        started = time.monotonic()
        result = client.list_orders("2026-11-22T00:00:00+08:00")
        took = time.monotonic() - started
    assert isinstance(result, StateUnknown) and result.reason is UnknownReason.TIMEOUT
    assert took < 2.5


def test_an_endless_answer_is_cut_at_the_size_cap(serve) -> None:
    server = serve(endless)
    transport = HttpTransport(settings(server.url, deadline_s=20.0, timeout_s=5.0))
    try:
        with pytest.raises(Exception) as raised:
            transport.send("POST", server.url + "/api/v1/orders/query", headers={}, body=b"{}", max_bytes=1_000_000)
    finally:
        transport.close()
    fault = raised.value
    assert getattr(fault, "reason", None) is UnknownReason.UNREADABLE and "reading stopped" in str(fault)
    # It stopped reading right after the cap, long before the deadline, whatever the server kept sending.
    assert server.sent < 8_000_000


def test_the_client_reports_an_endless_answer_as_unreadable(serve) -> None:
    server = serve(endless)
    with PlatformClient(settings(server.url, deadline_s=30.0, timeout_s=5.0), lambda: KEY) as client:
        started = time.monotonic()
        result = client.query("2026112200060002")
        took = time.monotonic() - started
    assert isinstance(result, StateUnknown) and result.reason is UnknownReason.UNREADABLE
    assert took < 10.0


def test_closing_the_client_cuts_a_call_in_flight(serve) -> None:
    server = serve(trickle_body)
    client = PlatformClient(settings(server.url, deadline_s=30.0, retry_budget_s=60.0, timeout_s=5.0), lambda: KEY)
    results: list[object] = []
    caller = threading.Thread(target=lambda: results.append(client.query("2026112200060003")))
    caller.start()
    deadline = time.monotonic() + 5
    while server.sent == 0 and time.monotonic() < deadline:
        time.sleep(0.01)
    started = time.monotonic()
    client.close()
    caller.join(5)
    assert not caller.is_alive() and time.monotonic() - started < 1.0
    [result] = results
    assert isinstance(result, StateUnknown) and result.reason is UnknownReason.CANCELLED


def test_the_reconciler_reports_a_trickling_platform_unreachable_and_stops_in_time(serve, tmp_path: Path) -> None:
    server = serve(trickle_body)
    journal = Journal(tmp_path / "journal.sqlite3")
    health: list[PlatformHealth] = []
    client = PlatformClient(settings(server.url), lambda: KEY)
    reconciler = Reconciler(journal, client, ReconcileSettings(interval_s=0.2), on_platform=health.append)
    try:
        reconciler.start()
        waited = time.monotonic() + 10
        while not health and time.monotonic() < waited:
            time.sleep(0.05)
        assert health and health[0].reachable is False and health[0].reason == UnknownReason.TIMEOUT.value
        started = time.monotonic()
        assert reconciler.stop(timeout_s=5.0)  # a poll in flight ends by its deadline
        assert time.monotonic() - started < 4.0
    finally:
        reconciler.stop()
        client.close()
        journal.close()
