"""Devices that are not printers, on loopback, for discovery and diagnosis tests.

On Linux every 127.x.y.z address reaches the loopback interface, so a fake device can sit at
127.0.0.6 while a virtual printer sits at 127.0.0.5, both on the same port: a scan of
127.0.0.0/24 then meets a printer, a non-printer and silence, and never leaves this computer.
Every device stops by itself after `lifetime_s`, even when a test forgets it.
"""

from __future__ import annotations

import contextlib
import selectors
import socket
import threading
import time
from collections.abc import Iterator, Sequence
from types import TracebackType

from cashier_app.emulator.server import VirtualPrinter

WEB_REPLY = (b"HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n"
             b"400 Bad Request")

# What a device does with the bytes it is sent.
WEB = "web"  # answers an HTTP error page and hangs up (a metrics exporter on port 9100)
HANG_UP = "hang-up"  # hangs up without a word
SILENT = "silent"  # takes the bytes and never answers
GARBAGE = "garbage"  # answers bytes that are no status (a serial line at the wrong speed)
STALL = "stall"  # takes the connection and never reads a byte (a printer hung mid-job)


class FakeDevice:
    """A TCP server at host:port that behaves as `behaviour` says; stops after `lifetime_s` at the latest."""

    def __init__(self, behaviour: str, host: str = "127.0.0.1", port: int = 0, lifetime_s: float = 60.0) -> None:
        self.behaviour = behaviour
        self.host = host
        self.received = bytearray()
        self.connections = 0
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind((host, port))
        self._listener.listen(64)
        self._listener.setblocking(False)
        self.port = int(self._listener.getsockname()[1])
        self._deadline = time.monotonic() + lifetime_s
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._stalled: list[socket.socket] = []
        self._thread = threading.Thread(target=self._loop, name=f"fake-{behaviour}-{host}:{self.port}", daemon=True)
        self._thread.start()

    def __enter__(self) -> FakeDevice:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5)

    def _loop(self) -> None:
        selector = selectors.DefaultSelector()
        selector.register(self._listener, selectors.EVENT_READ)
        try:
            while not self._stop.is_set() and time.monotonic() < self._deadline:
                for key, _ in selector.select(0.05):
                    sock = key.fileobj
                    assert isinstance(sock, socket.socket)
                    if sock is self._listener:
                        with contextlib.suppress(OSError):
                            conn, _ = self._listener.accept()
                            conn.setblocking(False)
                            if self.behaviour == STALL:
                                self._stalled.append(conn)  # never read: the sender's buffers fill up
                            else:
                                selector.register(conn, selectors.EVENT_READ)
                            with self._lock:
                                self.connections += 1
                        continue
                    self._serve(selector, sock)
        finally:
            for conn in self._stalled:
                with contextlib.suppress(OSError):
                    conn.close()
            for key in list(selector.get_map().values()):
                with contextlib.suppress(OSError):
                    key.fileobj.close()  # type: ignore[union-attr]
            selector.close()

    def _serve(self, selector: selectors.BaseSelector, conn: socket.socket) -> None:
        try:
            data = conn.recv(4096)
        except OSError:
            data = b""
        if not data:
            selector.unregister(conn)
            conn.close()
            return
        with self._lock:
            self.received += data
        if self.behaviour == SILENT:
            return
        with contextlib.suppress(OSError):
            if self.behaviour == WEB:
                conn.sendall(WEB_REPLY)
            elif self.behaviour == GARBAGE:
                conn.sendall(b"\xff\x00\xfe")
                return
        selector.unregister(conn)
        conn.close()


def free_port_on(hosts: Sequence[str]) -> int:
    """A port free on every one of `hosts` (loopback addresses)."""
    for _ in range(50):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            probe.bind((hosts[0], 0))
            port = int(probe.getsockname()[1])
        if all(_can_bind(h, port) for h in hosts):
            return port
    raise RuntimeError(f"no port free on all of {hosts}")


def _can_bind(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


@contextlib.contextmanager
def loopback_lan(printers: Sequence[str], others: dict[str, str] | None = None,
                 lifetime_s: float = 60.0) -> Iterator[tuple[int, list[VirtualPrinter], list[FakeDevice]]]:
    """Virtual printers at `printers` and fake devices at `others` (address -> behaviour), all on one port."""
    others = others or {}
    port = free_port_on([*printers, *others])
    started: list[VirtualPrinter] = []
    devices: list[FakeDevice] = []
    try:
        for host in printers:
            started.append(VirtualPrinter(host=host, port=port).start())
        for host, behaviour in others.items():
            devices.append(FakeDevice(behaviour, host, port, lifetime_s))
        yield port, started, devices
    finally:
        for device in devices:
            device.stop()
        for printer in started:
            printer.stop()
