"""Sniffer mode: the virtual printer standing between the till and the real printer as a pass-through.

The till prints to this computer (`listen_host:listen_port`) instead of the printer. Every byte it
sends is forwarded unchanged, at once, to the real printer (`upstream`), and every byte the
printer answers (DLE EOT status, automatic status) goes back to the till unchanged: the till
cannot tell the difference. Meanwhile each job (one connection, or a pause of `idle_timeout_s` on
an open one) is decoded and drawn like the virtual printer's, and kept as NNNN.bin (what the
till sent), NNNN-replies.bin (what the printer answered) and NNNN.png. This answers "the till
prints garbage" without a logic analyser: the picture and the decoder's flags show what the till
sent, and whether the printer's character set is the one the till assumes.

When the real printer cannot be reached the till's connection is closed at once, as the printer's
absence would, and the attempt is recorded (no bytes are taken that could not be forwarded).

    with PassThroughPrinter(upstream=("192.168.1.50", 9100), listen_port=9100, out_dir=Path("sniffed")) as s:
        ...  # point the till at this computer, print, look at s.jobs
"""

from __future__ import annotations

import contextlib
import logging
import select
import socket
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from cashier_app.emulator.decoder import decode, is_status_only, normalise_charset
from cashier_app.emulator.job import DecodedJob

log = logging.getLogger(__name__)

_READ_SIZE = 65536
# A receipt is a few kilobytes; what is beyond this is forwarded and kept, but not decoded or drawn.
MAX_DRAWN_BYTES = 64 * 1024


@dataclass(frozen=True)
class SniffedJob:
    number: int
    raw: bytes = field(repr=False)  # what the till sent, exactly as forwarded
    replies: bytes = field(repr=False)  # what the printer answered, exactly as passed back
    decoded: DecodedJob = field(repr=False)
    received_at: datetime  # UTC, when the job ended
    peer: str  # the till
    upstream: str  # the printer
    forwarded: bool  # every byte reached the printer's connection
    error: str = ""  # why not (the printer went away, could not be reached)
    bin_path: Path | None = None
    png_path: Path | None = None

    def text(self) -> str:
        return self.decoded.text()


SniffCallback = Callable[[SniffedJob], None]


class PassThroughPrinter:
    """A recording pass-through between a till and a network printer (port 0: a free port)."""

    def __init__(  # noqa: PLR0913, PLR0917 - the order a technician thinks in: where it goes, where it listens, what it keeps
        self,
        upstream: tuple[str, int],
        listen_host: str = "127.0.0.1",
        listen_port: int = 0,
        out_dir: Path | None = None,
        charset: str = "gbk",
        dots: int = 384,
        idle_timeout_s: float = 1.0,
        connect_timeout_s: float = 3.0,
        on_job: SniffCallback | None = None,
        stall_timeout_s: float = 30.0,
    ) -> None:
        self.upstream = upstream
        self.listen_host = listen_host
        self._requested_port = listen_port
        self.out_dir = Path(out_dir) if out_dir is not None else None
        self.charset = normalise_charset(charset)
        self.dots = dots
        self.idle_timeout_s = idle_timeout_s
        self.connect_timeout_s = connect_timeout_s
        self.stall_timeout_s = stall_timeout_s
        self.on_job = on_job
        self._open: set[socket.socket] = set()
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._jobs: list[SniffedJob] = []
        self._next_number = 1
        self._listener: socket.socket | None = None
        self._port = 0
        self._stop_r, self._stop_w = socket.socketpair()
        self._threads: list[threading.Thread] = []
        self._stopping = False
        self._started = False

    # -- life cycle ------------------------------------------------------------------------------
    def start(self) -> PassThroughPrinter:
        if self.out_dir is not None:
            self.out_dir.mkdir(parents=True, exist_ok=True)
            self._next_number = _next_free_number(self.out_dir)
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            if sys.platform != "win32":
                listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            listener.bind((self.listen_host, self._requested_port))
            listener.listen(8)
        except OSError:
            listener.close()
            raise
        self._listener = listener
        self._port = int(listener.getsockname()[1])
        self._started = True
        thread = threading.Thread(target=self._accept_loop, name=f"sniffer-{self._port}", daemon=True)
        self._threads.append(thread)
        thread.start()
        log.info("sniffer listening on %s:%d, forwarding to %s:%d", self.listen_host, self._port, *self.upstream)
        return self

    def stop(self, timeout: float = 5.0) -> None:
        with self._lock:
            if self._stopping or not self._started:
                self._stopping = True
                return
            self._stopping = True
        with contextlib.suppress(OSError):
            self._stop_w.send(b"x")
        with self._lock:
            stuck = list(self._open)
        for relayed in stuck:  # a relay blocked on a side that stopped reading is cut loose
            with contextlib.suppress(OSError):
                relayed.shutdown(socket.SHUT_RDWR)
        for thread in list(self._threads):
            thread.join(timeout)
        for own in (self._listener, self._stop_r, self._stop_w):
            if own is not None:
                with contextlib.suppress(OSError):
                    own.close()
        log.info("sniffer on port %d stopped (%d jobs)", self._port, len(self._jobs))

    def __enter__(self) -> PassThroughPrinter:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if not self._started:
            raise RuntimeError("PassThroughPrinter.port is known after start()")
        return self._port

    # -- results ---------------------------------------------------------------------------------
    @property
    def jobs(self) -> list[SniffedJob]:
        with self._lock:
            return list(self._jobs)

    def wait_for_jobs(self, count: int, timeout: float = 5.0) -> list[SniffedJob]:
        with self._changed:
            if not self._changed.wait_for(lambda: len(self._jobs) >= count, timeout):
                raise TimeoutError(f"sniffer: {len(self._jobs)} of {count} jobs within {timeout} s")
            return list(self._jobs)

    # -- relaying --------------------------------------------------------------------------------
    def _accept_loop(self) -> None:
        listener = self._listener
        assert listener is not None
        while True:
            readable, _, _ = select.select([listener, self._stop_r], [], [])
            if self._stop_r in readable:
                return
            try:
                client, addr = listener.accept()
            except OSError:
                continue
            thread = threading.Thread(target=self._relay, args=(client, f"{addr[0]}:{addr[1]}"), daemon=True,
                                      name=f"sniffer-{self._port}-{addr[1]}")
            with self._lock:
                self._threads = [t for t in self._threads if t.is_alive()]
                self._threads.append(thread)
            thread.start()

    def _relay(self, client: socket.socket, peer: str) -> None:  # noqa: C901, PLR0912 - one relay's life: connect, copy both ways, record, and each way it can end
        where = f"{self.upstream[0]}:{self.upstream[1]}"
        try:
            printer = socket.create_connection(self.upstream, timeout=self.connect_timeout_s)
        except OSError as exc:
            # As if the printer were not there: the till sees its connection end, and nothing is taken.
            log.warning("sniffer: the printer at %s cannot be reached: %s", where, exc)
            with contextlib.suppress(OSError):
                client.close()
            self._record(b"", b"", peer, where, False, f"the printer cannot be reached: {exc}")
            return
        for sock in (client, printer):
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            # A side that stops reading (a stalled printer) ends the relay after this long, never hangs it.
            sock.settimeout(self.stall_timeout_s)
        with self._lock:
            self._open |= {client, printer}
        sent, answered = bytearray(), bytearray()
        error = ""
        try:
            while True:
                timeout = self.idle_timeout_s if sent else None
                readable, _, _ = select.select([client, printer, self._stop_r], [], [], timeout)
                if self._stop_r in readable:
                    break
                if not readable:  # a pause on an open connection: the job so far is complete
                    self._record(bytes(sent), bytes(answered), peer, where, True)
                    sent.clear()
                    answered.clear()
                    continue
                if client in readable:
                    data = client.recv(_READ_SIZE)
                    if not data:
                        break
                    sent += data
                    try:
                        printer.sendall(data)  # unchanged, at once: the printer answers as it would
                    except TimeoutError:
                        error = f"the printer stopped taking bytes for {self.stall_timeout_s:g} s"
                        break
                    except OSError as exc:
                        error = f"the printer went away: {exc}"
                        break
                if printer in readable:
                    data = printer.recv(_READ_SIZE)
                    if not data:
                        error = "the printer closed the connection"
                        break
                    answered += data
                    with contextlib.suppress(OSError):
                        client.sendall(data)
        except OSError as exc:
            error = error or f"connection broken: {exc}"
        finally:
            with self._lock:
                self._open -= {client, printer}
            self._finish(client, printer)
        if sent or answered:
            self._record(bytes(sent), bytes(answered), peer, where, not error, error)

    @staticmethod
    def _finish(client: socket.socket, printer: socket.socket) -> None:
        """End the job as the till did: the printer sees its side close, then both are closed."""
        with contextlib.suppress(OSError):
            printer.shutdown(socket.SHUT_WR)
        with contextlib.suppress(OSError):
            printer.settimeout(1.0)
            while printer.recv(_READ_SIZE):
                pass
        for sock in (printer, client):
            with contextlib.suppress(OSError):
                sock.close()

    def _record(self, raw: bytes, replies: bytes, peer: str, upstream: str, forwarded: bool,  # noqa: PLR0917
                error: str = "") -> None:
        if raw and is_status_only(raw) and not error:
            return  # status polls between jobs are not jobs
        decoded = decode(raw[:MAX_DRAWN_BYTES], charset=self.charset, dots=self.dots)
        with self._lock:
            number = self._next_number
            self._next_number += 1
        bin_path = png_path = None
        if self.out_dir is not None:
            try:
                bin_path = self.out_dir / f"{number:04d}.bin"
                bin_path.write_bytes(raw)
                (self.out_dir / f"{number:04d}-replies.bin").write_bytes(replies)
                if raw:
                    from cashier_app.emulator.render import render_png

                    png_path = self.out_dir / f"{number:04d}.png"
                    png_path.write_bytes(render_png(decoded, self.dots))
            except Exception:  # a broken picture must not lose the record
                log.exception("sniffer: could not write job %d to %s", number, self.out_dir)
        job = SniffedJob(number, raw, replies, decoded, datetime.now(UTC), peer, upstream, forwarded, error,
                         bin_path, png_path)
        log.info("sniffer: job %d, %d bytes to %s, %d bytes back%s", number, len(raw), upstream, len(replies),
                 f" ({error})" if error else "")
        with self._changed:
            self._jobs.append(job)
            self._changed.notify_all()
        if self.on_job is not None:
            try:
                self.on_job(job)
            except Exception:
                log.exception("sniffer: on_job failed for job %d", number)


def _next_free_number(out_dir: Path) -> int:
    numbers = [int(p.name[:4]) for p in out_dir.iterdir() if p.name[:4].isdigit()]
    return max(numbers, default=0) + 1
