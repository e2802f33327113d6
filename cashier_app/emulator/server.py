"""The virtual ESC/POS network printer: a TCP server on loopback that behaves as a receipt printer.

It takes a job's bytes (a job ends when the client closes, or after `idle_timeout_s` without
data), answers `DLE EOT n` at once, sends automatic status back after `GS a n`, decodes each job
and, with `out_dir`, writes it as NNNN.bin and NNNN.png. A printer that cannot print (offline,
cover open, paper end, cutter error) still answers status; what it receives then is recorded
as rejected, not printed. For tests it can refuse connections, stall (accept and never read),
drop a connection after N bytes, or go silent (print, but answer no status query).

`open_serial()` gives it a serial face too (POSIX): a pseudo-terminal whose device path pyserial
opens as it would /dev/ttyUSB0. A serial line never closes, so a job there ends after
`idle_timeout_s` without data; status queries are answered from the same condition as on TCP.

    with VirtualPrinter() as printer:
        Network("127.0.0.1", printer.port).text("hi\\n")
        [job] = printer.wait_for_jobs(1, timeout=5)
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import select
import socket
import struct
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from types import TracebackType

from cashier_app.emulator.commands import DLE, GS, PREFIXES, command_span
from cashier_app.emulator.decoder import decode, is_status_only, normalise_charset
from cashier_app.emulator.job import DecodedJob
from cashier_app.emulator.status import (
    PrinterCondition,
    asb_bytes,
    drawer_byte,
    paper_sensor_byte,
    status_byte,
)

log = logging.getLogger(__name__)

_READ_SIZE = 65536


class JobOutcome(StrEnum):
    PRINTED = "printed"  # the printer was ready for all of it
    REJECTED = "rejected"  # some of it arrived while the printer could not print: nothing printed
    DROPPED = "dropped"  # the printer closed the connection half-way (fault injection)


@dataclass(frozen=True)
class ReceivedJob:
    number: int  # 1, 2, ... in order of arrival (files NNNN.bin / NNNN.png)
    raw: bytes = field(repr=False)
    decoded: DecodedJob = field(repr=False)
    received_at: datetime  # UTC, when the job ended
    outcome: JobOutcome
    condition: PrinterCondition  # the printer's condition when the job ended
    ended_by: str  # "close", "idle", "drop" or "stop"
    peer: str
    bin_path: Path | None = None
    png_path: Path | None = None

    @property
    def printed(self) -> bool:
        return self.outcome is JobOutcome.PRINTED

    def text(self) -> str:
        return self.decoded.text()


JobCallback = Callable[[ReceivedJob], None]


@dataclass(eq=False)  # identity: sessions live in a set
class _Session:
    conn: socket.socket | None  # None on the serial face, which writes to `fd`
    peer: str
    fd: int | None = None
    send_lock: threading.Lock = field(default_factory=threading.Lock)
    buffer: bytearray = field(default_factory=bytearray)
    scan_pos: int = 0
    not_ready: bool = False  # some of the buffered bytes arrived while the printer could not print
    asb: bool = False
    total: int = 0
    drop_after: int | None = None

    def send(self, data: bytes) -> None:
        with self.send_lock:
            try:
                if self.fd is not None:
                    _write_all(self.fd, data)
                elif self.conn is not None:
                    self.conn.sendall(data)
            except OSError as exc:  # the client went away; its job is handled by the reader
                log.debug("virtual printer: could not answer %s: %s", self.peer, exc)

    def take(self) -> tuple[bytes, bool]:
        raw, not_ready = bytes(self.buffer), self.not_ready
        self.buffer.clear()
        self.scan_pos = 0
        self.not_ready = False
        return raw, not_ready


class VirtualPrinter:
    """A network receipt printer on `host:port` (port 0: a free port, read `.port` after start())."""

    def __init__(  # noqa: PLR0917 - the order documented in specs and used by callers
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        out_dir: Path | None = None,
        condition: PrinterCondition | str = PrinterCondition.ONLINE,
        charset: str = "gbk",
        dots: int = 384,
        idle_timeout_s: float = 0.3,
        on_job: JobCallback | None = None,
    ) -> None:
        self.host = host
        self._requested_port = port
        self.out_dir = Path(out_dir) if out_dir is not None else None
        self.charset = normalise_charset(charset)
        self.dots = dots
        self.idle_timeout_s = idle_timeout_s
        self.on_job = on_job
        self._condition = PrinterCondition(condition)
        self._drawer_open = False
        self._lock = threading.RLock()
        self._changed = threading.Condition(self._lock)
        self._jobs: list[ReceivedJob] = []
        self._next_number = 1
        self._sessions: set[_Session] = set()
        self._threads: list[threading.Thread] = []
        self._accept_thread: threading.Thread | None = None
        self._listener: socket.socket | None = None
        # Created by start(): the accept loop's wake-up pair, and a pair written once by stop() and never
        # read, so it stays readable and wakes every connection's select().
        self._wake_r: socket.socket
        self._wake_w: socket.socket
        self._stop_r: socket.socket
        self._stop_w: socket.socket
        self._port = 0
        self._started = False
        self._stopping = False
        self._stopped = False
        self._refuse = False
        self._stall = False
        self._drop_after: int | None = None
        self._drop_times: int | None = None
        self._accepted = 0
        self._status_answered = 0
        self._silent = False
        self._serial: _SerialFace | None = None

    # ---- life cycle ---------------------------------------------------------------------------
    def start(self) -> VirtualPrinter:
        with self._lock:
            if self._stopped:
                raise RuntimeError("a stopped VirtualPrinter cannot be started again; create a new one")
            if self._started:
                return self
            if self.out_dir is not None:
                self.out_dir.mkdir(parents=True, exist_ok=True)
                self._next_number = _next_free_number(self.out_dir)
            self._listener = self._bind(self._requested_port)
            self._port = int(self._listener.getsockname()[1])
            self._wake_r, self._wake_w = socket.socketpair()
            self._stop_r, self._stop_w = socket.socketpair()
            self._started = True
        self._accept_thread = threading.Thread(target=self._accept_loop, name=f"virtual-printer-{self._port}",
                                               daemon=True)
        self._accept_thread.start()
        log.info("virtual printer listening on %s:%d (%s, %s, %d dots)", self.host, self._port,
                 self._condition.value, self.charset, self.dots)
        return self

    def stop(self, timeout: float = 5.0) -> None:
        """Close every socket and join every thread. Safe to call more than once."""
        with self._changed:
            if self._stopped or not self._started:
                self._stopped = True
                return
            self._stopping = True
            self._changed.notify_all()
            sessions = list(self._sessions)
        self._wake()
        with contextlib.suppress(OSError):
            self._stop_w.send(b"x")
        if self._accept_thread is not None:
            self._accept_thread.join(timeout)
        for thread in list(self._threads):
            thread.join(timeout)
        for session in sessions:  # threads that did not end in time: cut their sockets
            if session.conn is not None:
                with contextlib.suppress(OSError):
                    session.conn.shutdown(socket.SHUT_RDWR)
        with self._lock:
            self._stopped = True
            self._close_wake()
            if self._serial is not None:
                self._serial.close()
        log.info("virtual printer on port %d stopped", self._port)

    def __enter__(self) -> VirtualPrinter:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    @property
    def port(self) -> int:
        """The TCP port (the free port chosen when constructed with port=0)."""
        if not self._started:
            raise RuntimeError("VirtualPrinter.port is known after start()")
        return self._port

    @property
    def address(self) -> tuple[str, int]:
        return self.host, self.port

    @property
    def running(self) -> bool:
        return self._started and not self._stopping

    # ---- condition ----------------------------------------------------------------------------
    @property
    def condition(self) -> PrinterCondition:
        return self._condition

    def set_condition(self, condition: PrinterCondition | str) -> None:
        """Change what the printer reports (and whether it prints); clients with ASB on are told."""
        new = PrinterCondition(condition)
        with self._lock:
            if new is self._condition:
                return
            self._condition = new
            subscribers = [s for s in self._sessions if s.asb]
        log.info("virtual printer condition: %s", new.value)
        for session in subscribers:
            session.send(asb_bytes(new, self._drawer_open))

    def set_drawer_open(self, is_open: bool) -> None:
        """The drawer sensor (DLE EOT 1 bit 2, GS r 2)."""
        with self._lock:
            if is_open == self._drawer_open:
                return
            self._drawer_open = is_open
            subscribers = [s for s in self._sessions if s.asb]
        for session in subscribers:
            session.send(asb_bytes(self._condition, is_open))

    # ---- serial face --------------------------------------------------------------------------
    def open_serial(self) -> str:
        """Open the serial face (once) and return its device path, e.g. /dev/pts/7 (POSIX only)."""
        with self._changed:
            self._require_started()
            if self._stopping:
                raise RuntimeError("the VirtualPrinter is stopping")
            if self._serial is not None:
                return self._serial.path
            face = _SerialFace.open()
            session = _Session(None, f"serial {face.path}", fd=face.master)
            self._serial = face
            self._sessions.add(session)
            thread = threading.Thread(target=self._serve_serial, args=(session,), daemon=True,
                                      name=f"virtual-printer-{self._port}-serial")
            self._threads.append(thread)
        thread.start()
        log.info("virtual printer: serial face on %s", face.path)
        return face.path

    @property
    def serial_path(self) -> str | None:
        """The serial face's device path, or None when open_serial() was not called."""
        with self._lock:
            return self._serial.path if self._serial is not None else None

    # ---- fault injection ----------------------------------------------------------------------
    def go_silent(self, silent: bool = True) -> None:
        """Keep reading and printing, but answer no status query (a dead back channel, a hung
        firmware) until go_silent(False)."""
        with self._lock:
            self._silent = silent

    def refuse_connections(self, refuse: bool = True) -> None:
        """Close the listening socket (clients get "connection refused") or open it again."""
        with self._changed:
            self._refuse = refuse
            self._require_started()
        self._wake()
        with self._changed:
            self._changed.wait_for(lambda: (self._listener is None) == refuse or self._stopping, timeout=5)
            if (self._listener is None) != refuse and not self._stopping:
                raise RuntimeError(f"could not {'close' if refuse else 'reopen'} port {self._port}")

    def stall(self, stall: bool = True) -> None:
        """Accept connections but read nothing (no status replies either) until stall(False)."""
        with self._changed:
            self._stall = stall
            self._changed.notify_all()

    def drop_after(self, n_bytes: int | None, times: int | None = 1) -> None:
        """Close the next `times` connections (None: every one) after `n_bytes` of data; None clears it.

        The bytes received before the drop are recorded as a DROPPED job. A client that has
        already handed its whole job to the socket only notices on its next read or write.
        """
        with self._lock:
            self._drop_after = n_bytes
            self._drop_times = times if n_bytes is not None else None

    # ---- results ------------------------------------------------------------------------------
    @property
    def jobs(self) -> list[ReceivedJob]:
        """Printed jobs, in order."""
        with self._lock:
            return [job for job in self._jobs if job.outcome is JobOutcome.PRINTED]

    @property
    def rejected_jobs(self) -> list[ReceivedJob]:
        """Jobs that arrived while the printer could not print (nothing went on paper)."""
        with self._lock:
            return [job for job in self._jobs if job.outcome is JobOutcome.REJECTED]

    @property
    def dropped_jobs(self) -> list[ReceivedJob]:
        with self._lock:
            return [job for job in self._jobs if job.outcome is JobOutcome.DROPPED]

    @property
    def all_jobs(self) -> list[ReceivedJob]:
        with self._lock:
            return list(self._jobs)

    @property
    def connections_accepted(self) -> int:
        with self._lock:
            return self._accepted

    @property
    def status_queries_answered(self) -> int:
        with self._lock:
            return self._status_answered

    def clear_jobs(self) -> None:
        with self._lock:
            self._jobs.clear()

    def wait_for_jobs(self, count: int, timeout: float = 5.0) -> list[ReceivedJob]:
        """Wait until `count` jobs are printed; returns all printed jobs. Raises TimeoutError."""
        return self._wait_for(JobOutcome.PRINTED, count, timeout)

    def wait_for_rejected(self, count: int, timeout: float = 5.0) -> list[ReceivedJob]:
        return self._wait_for(JobOutcome.REJECTED, count, timeout)

    def wait_for_dropped(self, count: int, timeout: float = 5.0) -> list[ReceivedJob]:
        return self._wait_for(JobOutcome.DROPPED, count, timeout)

    def wait_for_connections(self, count: int, timeout: float = 5.0) -> int:
        """Wait until `count` connections were accepted in all; returns the number. Raises TimeoutError."""
        with self._changed:
            if not self._changed.wait_for(lambda: self._accepted >= count, timeout):
                raise TimeoutError(f"virtual printer: {self._accepted} of {count} connections within {timeout} s")
            return self._accepted

    def _wait_for(self, outcome: JobOutcome, count: int, timeout: float) -> list[ReceivedJob]:
        def matching() -> list[ReceivedJob]:
            return [job for job in self._jobs if job.outcome is outcome]

        with self._changed:
            if not self._changed.wait_for(lambda: len(matching()) >= count, timeout):
                summary = ", ".join(f"{o.value} {sum(j.outcome is o for j in self._jobs)}" for o in JobOutcome)
                raise TimeoutError(f"virtual printer: waited {timeout} s for {count} {outcome.value} job(s); "
                                   f"have {summary}; condition {self._condition.value}")
            return matching()

    # ---- sockets ------------------------------------------------------------------------------
    def _require_started(self) -> None:
        if not self._started:
            raise RuntimeError("start() the VirtualPrinter first")

    def _bind(self, port: int) -> socket.socket:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            if sys.platform != "win32":  # on Windows SO_REUSEADDR would let two servers share a port
                listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            listener.bind((self.host, port))
            listener.listen(16)
        except OSError:
            listener.close()
            raise
        return listener

    def _wake(self) -> None:
        with contextlib.suppress(OSError):
            self._wake_w.send(b"x")

    def _close_wake(self) -> None:
        for sock in (self._wake_r, self._wake_w, self._stop_r, self._stop_w):
            with contextlib.suppress(OSError):
                sock.close()

    def _reconcile_listener(self) -> None:
        """Open or close the listener to match refuse_connections(); runs on the accept thread."""
        with self._changed:
            if self._refuse and self._listener is not None:
                self._listener.close()
                self._listener = None
                log.info("virtual printer: refusing connections")
            elif not self._refuse and self._listener is None and not self._stopping:
                try:
                    self._listener = self._bind(self._port)
                    log.info("virtual printer: accepting connections again")
                except OSError as exc:
                    log.error("virtual printer: cannot reopen port %d: %s", self._port, exc)
            self._changed.notify_all()

    def _accept_loop(self) -> None:
        try:
            while True:
                with self._lock:
                    if self._stopping:
                        return
                self._reconcile_listener()
                listener = self._listener
                watched = [self._wake_r] + ([listener] if listener is not None else [])
                readable, _, _ = select.select(watched, [], [])
                if self._wake_r in readable:
                    with contextlib.suppress(OSError):
                        self._wake_r.recv(64)
                    continue
                if listener is None or listener not in readable:
                    continue
                try:
                    conn, addr = listener.accept()
                except OSError:
                    continue
                try:
                    self._start_session(conn, f"{addr[0]}:{addr[1]}")
                except Exception:  # one bad connection must not stop the printer
                    log.exception("virtual printer: could not serve %s", addr)
                    with contextlib.suppress(OSError):
                        conn.close()
        finally:
            with self._changed:
                if self._listener is not None:
                    self._listener.close()
                    self._listener = None
                self._changed.notify_all()

    def _start_session(self, conn: socket.socket, peer: str) -> None:
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        session = _Session(conn, peer)
        with self._changed:
            if self._stopping:
                conn.close()
                return
            if self._drop_after is not None and self._drop_times != 0:
                session.drop_after = self._drop_after
                if self._drop_times is not None:
                    self._drop_times -= 1
            self._sessions.add(session)
            self._accepted += 1
            self._changed.notify_all()
            thread = threading.Thread(target=self._serve, args=(session,), daemon=True,
                                      name=f"virtual-printer-{self._port}-conn{self._accepted}")
            self._threads = [t for t in self._threads if t.is_alive()]
            self._threads.append(thread)
        log.debug("virtual printer: connection from %s", peer)
        thread.start()

    def _serve(self, session: _Session) -> None:  # noqa: C901, PLR0912 - the virtual printer's session loop: each fault it emulates (stall, drop, status, end) is a case of it
        ended_by = "close"
        conn = session.conn
        assert conn is not None  # a TCP session
        try:
            while True:
                with self._changed:
                    self._changed.wait_for(lambda: not self._stall or self._stopping)
                    stopping = self._stopping
                if stopping:
                    if not self._stall:  # a stalled printer reads nothing, even when switched off
                        self._drain(session)
                    ended_by = "stop"
                    break
                has_job = bool(session.buffer)
                try:
                    readable, _, _ = select.select([conn, self._stop_r], [], [],
                                                   self.idle_timeout_s if has_job else None)
                except (OSError, ValueError):
                    break
                if self._stop_r in readable:
                    self._drain(session)
                    ended_by = "stop"
                    break
                if not readable:  # idle: the job is complete
                    self._finish(session, "idle")
                    continue
                with self._lock:
                    if self._stall:
                        continue  # data waits in the socket until the stall ends
                limit = _READ_SIZE
                if session.drop_after is not None:
                    limit = max(1, min(limit, session.drop_after - session.total))
                try:
                    chunk = conn.recv(limit)
                except OSError:
                    chunk = b""
                if not chunk:
                    ended_by = "stop" if self._stopping else "close"
                    break
                self._received(session, chunk)
                if session.drop_after is not None and session.total >= session.drop_after:
                    self._drop(session)
                    return
        finally:
            if conn.fileno() != -1:
                self._finish(session, ended_by)
                with contextlib.suppress(OSError):
                    conn.close()
            with self._lock:
                self._sessions.discard(session)

    def _serve_serial(self, session: _Session) -> None:
        """The serial face's loop: read what the till writes, answer status, end a job when the
        line goes idle (a serial line has no close). A stalled printer reads nothing here either."""
        assert session.fd is not None
        fd = session.fd
        last_data = 0.0  # monotonic time of the last bytes that were not only status queries
        try:
            while True:
                with self._changed:
                    self._changed.wait_for(lambda: not self._stall or self._stopping)
                    if self._stopping:
                        break
                # Status polls do not keep a job open: a till that keeps the port open and asks every
                # 0.2 s while the printer is out of paper would otherwise never end the job.
                wait = max(0.0, last_data + self.idle_timeout_s - time.monotonic()) if session.buffer else None
                try:
                    stop_fd = self._stop_r.fileno()
                    readable, _, _ = select.select([fd, stop_fd], [], [], wait)
                except (OSError, ValueError):
                    break
                if stop_fd in readable:
                    break
                if not readable:
                    self._finish(session, "idle")
                    continue
                with self._lock:
                    if self._stall:
                        continue
                try:
                    chunk = os.read(fd, _READ_SIZE)
                except OSError:  # EIO: no process holds the line open; ours always does
                    chunk = b""
                if chunk:
                    if not is_status_only(chunk) or not session.buffer:
                        last_data = time.monotonic()
                    self._received(session, chunk)
        finally:
            with contextlib.suppress(OSError):  # what the till wrote before the stop is kept
                while select.select([fd], [], [], 0)[0] and (chunk := os.read(fd, _READ_SIZE)):
                    self._received(session, chunk)
            self._finish(session, "stop")
            with self._lock:
                self._sessions.discard(session)

    def _drain(self, session: _Session) -> None:
        """On stop, keep what the client already sent (it is in the socket, not lost in the air)."""
        if session.conn is None:
            return
        with contextlib.suppress(OSError):
            session.conn.setblocking(False)
            while chunk := session.conn.recv(_READ_SIZE):
                self._received(session, chunk)

    def _received(self, session: _Session, chunk: bytes) -> None:
        with self._lock:
            ready = self._condition.can_print
        session.buffer += chunk
        session.total += len(chunk)
        if not ready and not is_status_only(chunk):
            # Status polls while the printer is down are normal; only data to print is refused.
            session.not_ready = True
        self._answer_realtime(session)

    def _answer_realtime(self, session: _Session) -> None:
        """Answer DLE EOT / GS r and apply GS a as soon as they are complete in the stream."""
        data, pos = session.buffer, session.scan_pos
        while pos < len(data):
            if data[pos] not in PREFIXES:
                pos += 1
                continue
            end = command_span(data, pos)
            if end is None:
                break  # the rest of the command has not arrived yet
            if data[pos] == DLE and data[pos + 1] == 0x04 and end - pos == 3:
                self._reply_status(session, data[pos + 2])
            elif data[pos] == GS and end - pos == 3:
                self._gs_realtime(session, data[pos + 1], data[pos + 2])
            pos = end
        session.scan_pos = pos

    def _reply_status(self, session: _Session, n: int) -> None:
        if not 1 <= n <= 4:
            return
        with self._lock:
            if self._silent:
                return
            reply = status_byte(self._condition, n, self._drawer_open)
            self._status_answered += 1
        session.send(bytes((reply,)))

    def _gs_realtime(self, session: _Session, code: int, n: int) -> None:
        if code == ord("a"):
            session.asb = n != 0
            if session.asb:
                with self._lock:
                    asb = asb_bytes(self._condition, self._drawer_open)
                session.send(asb)
        elif code == ord("r"):
            with self._lock:
                reply = paper_sensor_byte(self._condition) if n in (1, 49) else drawer_byte(self._drawer_open)
            session.send(bytes((reply,)))

    def _drop(self, session: _Session) -> None:
        raw, _ = session.take()
        assert session.conn is not None  # drop_after applies to TCP connections
        with contextlib.suppress(OSError):
            # Linger 0: the close sends RST, so the client sees a reset rather than a clean end.
            session.conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        with contextlib.suppress(OSError):
            session.conn.close()
        log.info("virtual printer: dropped %s after %d bytes", session.peer, session.total)
        self._record(session, raw, JobOutcome.DROPPED, "drop")

    def _finish(self, session: _Session, ended_by: str) -> None:
        raw, not_ready = session.take()
        if not raw or is_status_only(raw):
            return
        self._record(session, raw, JobOutcome.REJECTED if not_ready else JobOutcome.PRINTED, ended_by)

    def _record(self, session: _Session, raw: bytes, outcome: JobOutcome, ended_by: str) -> None:
        # The moment the last byte arrived, before decoding and drawing (which take far longer).
        ended_at = datetime.now(UTC)
        decoded = decode(raw, charset=self.charset, dots=self.dots)
        with self._lock:
            number = self._next_number
            self._next_number += 1
            condition = self._condition
        bin_path = png_path = None
        if self.out_dir is not None:
            suffix = "" if outcome is JobOutcome.PRINTED else f"-{outcome.value}"
            bin_path = self.out_dir / f"{number:04d}{suffix}.bin"
            try:
                bin_path.write_bytes(raw)
                if outcome is JobOutcome.PRINTED:
                    from cashier_app.emulator.render import render_png

                    png_path = self.out_dir / f"{number:04d}.png"
                    png_path.write_bytes(render_png(decoded, self.dots))
            except Exception:  # a broken picture must not lose the job
                log.exception("virtual printer: could not write job %d to %s", number, self.out_dir)
        job = ReceivedJob(number, raw, decoded, ended_at, outcome, condition, ended_by, session.peer,
                          bin_path, png_path)
        log.info("virtual printer: job %d %s (%d bytes, %d lines, %d flags, ended by %s)", number,
                 outcome.value, len(raw), len(decoded.lines), len(decoded.flags), ended_by)
        with self._changed:
            self._jobs.append(job)
            self._changed.notify_all()
        callback = self.on_job
        if callback is not None:
            try:
                callback(job)
            except Exception:
                log.exception("virtual printer: on_job callback failed for job %d", number)


def _next_free_number(out_dir: Path) -> int:
    """Continue numbering after the files already in `out_dir`, so a restart overwrites nothing."""
    numbers = [int(m.group(1)) for p in out_dir.iterdir() if (m := re.match(r"(\d{4,})", p.name))]
    return max(numbers, default=0) + 1


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


@dataclass
class _SerialFace:
    """A pseudo-terminal: the printer holds the master; the slave's path is the serial port."""

    master: int
    slave: int  # kept open, so the master never reads EIO while no till has the port open
    path: str

    @classmethod
    def open(cls) -> _SerialFace:
        if sys.platform == "win32":
            raise OSError("the virtual printer's serial face needs a POSIX pseudo-terminal")
        import tty

        master, slave = os.openpty()
        try:
            tty.setraw(slave)  # no echo, no CR/LF translation: bytes pass as a serial line passes them
            path = os.ttyname(slave)
        except OSError:
            os.close(master)
            os.close(slave)
            raise
        return cls(master, slave, path)

    def close(self) -> None:
        for fd in (self.master, self.slave):
            with contextlib.suppress(OSError):
                os.close(fd)
