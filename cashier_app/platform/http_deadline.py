"""An overall deadline for one HTTP exchange: connecting, the headers and the whole body.

Socket time-outs bound each read, not the exchange: a server that trickles a byte every two seconds
never trips a five-second read time-out and holds the caller for as long as it likes. Here every
exchange is registered with a deadline; one watcher thread per transport cuts the connections of
an exchange still running at its deadline (shutting its socket down makes the blocked read return at
once), and of every exchange when the transport is closed. The transport then reports a time-out.

The connection a request uses is learnt through the connection pool (`TrackingAdapter`): the
exchange running on the current thread collects every connection its thread takes from a pool.
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from requests.adapters import HTTPAdapter
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

# An exchange cut while it was still connecting has no socket yet: looked at again this often.
_RECHECK_S = 0.1

_current = threading.local()


class WatchClosed(RuntimeError):
    """The transport is closed (the app is stopping): no new exchange starts."""


class Exchange:
    """One request and its answer, running on one thread until `deadline` (time.monotonic())."""

    __slots__ = ("_conns", "cut", "deadline", "done")

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline
        self.cut = False  # the watcher shut it down (deadline passed, or the transport closed)
        self.done = False
        self._conns: list[Any] = []

    def add(self, conn: Any) -> None:
        self._conns.append(conn)
        if self.cut:
            _shut(conn)

    def shut(self) -> None:
        self.cut = True
        for conn in list(self._conns):
            _shut(conn)


def _shut(conn: Any) -> None:
    sock = getattr(conn, "sock", None)
    if isinstance(sock, socket.socket):
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)


class DeadlineWatch:
    """Cuts exchanges that run past their deadline. The thread starts with the first exchange."""

    def __init__(self, name: str = "http-deadline") -> None:
        self._name = name
        self._lock = threading.Condition()
        self._heap: list[tuple[float, int, Exchange]] = []
        self._order = itertools.count()
        self._running: set[Exchange] = set()
        self._thread: threading.Thread | None = None
        self._wake_at = float("inf")
        self._closed = False

    @contextmanager
    def exchange(self, deadline: float) -> Iterator[Exchange]:
        """Run one exchange on this thread until `deadline`; connections taken meanwhile are watched."""
        ex = Exchange(deadline)
        with self._lock:
            if self._closed:
                raise WatchClosed("the transport is closed")
            self._running.add(ex)
            heapq.heappush(self._heap, (deadline, next(self._order), ex))
            if self._thread is None:
                self._thread = threading.Thread(target=self._watch, name=self._name, daemon=True)
                self._thread.start()
            elif deadline < self._wake_at:
                self._lock.notify()
        previous = getattr(_current, "exchange", None)
        _current.exchange = ex
        try:
            yield ex
        finally:
            _current.exchange = previous
            ex.done = True
            with self._lock:
                self._running.discard(ex)

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        """Cut every exchange still running (the app is stopping) and stop the thread."""
        with self._lock:
            self._closed = True
            running = list(self._running)
            self._lock.notify()
        for ex in running:
            ex.shut()

    def _watch(self) -> None:
        with self._lock:
            while not self._closed:
                now = time.monotonic()
                while self._heap and (self._heap[0][2].done or self._heap[0][0] <= now):
                    _, _, ex = heapq.heappop(self._heap)
                    if not ex.done:
                        ex.shut()
                # Exchanges cut while connecting get their socket cut once it exists.
                late = [ex for ex in self._running if ex.cut]
                for ex in late:
                    ex.shut()
                wake = self._heap[0][0] if self._heap else now + 60.0
                if late:
                    wake = min(wake, now + _RECHECK_S)
                self._wake_at = wake
                self._lock.wait(max(0.0, wake - now))
            self._thread = None


def _register(conn: Any) -> None:
    ex: Exchange | None = getattr(_current, "exchange", None)
    if ex is not None:
        ex.add(conn)


class _TrackedHTTPPool(HTTPConnectionPool):
    def _get_conn(self, timeout: float | None = None) -> Any:
        conn = super()._get_conn(timeout)
        _register(conn)
        return conn


class _TrackedHTTPSPool(HTTPSConnectionPool):
    def _get_conn(self, timeout: float | None = None) -> Any:
        conn = super()._get_conn(timeout)
        _register(conn)
        return conn


_POOLS = {"http": _TrackedHTTPPool, "https": _TrackedHTTPSPool}


class TrackingAdapter(HTTPAdapter):
    """requests' adapter whose pools tell the running exchange which connection it uses."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = dict(_POOLS)

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        manager.pool_classes_by_scheme = dict(_POOLS)
        return manager
