"""Opening printers through python-escpos 3.1's connection classes, and sending a job's bytes.

Every kind has a timeout. Every failure becomes a PrinterFault with a stable code and a
technical detail (host:port, device path, errno). Text is encoded by the layout module, so
only raw bytes go through the connection (`_raw`), never python-escpos's own text encoding.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import socket
import sys
from typing import Any

from escpos.escpos import Escpos

from cashier_app.printing import faults
from cashier_app.printing.faults import PrinterFault
from cashier_app.printing.settings import PrinterSettings
from cashier_app.printing.status import (
    DLE_EOT,
    decode_byte,
    query_status,
    read_reply,
    reply_preview,
    status_from_flags,
)

__all__ = ["PrinterFault", "close_quietly", "describe_target", "open_connection", "send_job"]

log = logging.getLogger(__name__)


def describe_target(settings: PrinterSettings) -> str:
    """Where the printer is, in the words a technician checks against the hardware."""
    kind = settings.kind
    if kind == "network":
        return f"{settings.host}:{settings.port}"
    if kind == "usb":
        return f"usb {settings.usb_vendor_id:04x}:{settings.usb_product_id:04x}"
    if kind == "serial":
        port = settings.serial_port or "(no serial port set)"
        return f"{port} @ {settings.baudrate} baud, flow {settings.flow_control}"
    if kind == "file":
        return settings.device_path or "(no device path set)"
    return f"{kind} queue {settings.queue_name or '(system default)'}"


def open_connection(settings: PrinterSettings) -> Escpos:
    """Open the printer described by `settings`; raise PrinterFault when it cannot be reached."""
    target = describe_target(settings)
    builders = {
        "network": _network, "usb": _usb, "serial": _serial, "cups": _cups,
        "lp": _lp, "win32raw": _win32raw, "file": _file,
    }
    build = builders.get(settings.kind)
    if build is None:
        raise PrinterFault(faults.NOT_CONFIGURED, f"unknown printer kind {settings.kind!r}")
    try:
        conn = build(settings)
        conn.open()
    except PrinterFault:
        raise
    except Exception as exc:
        raise _open_fault(exc, target) from exc
    if settings.kind == "network":
        # Status queries are 3 bytes each: without NODELAY, Nagle holds the one after a job
        # until the printer's delayed ACK (40 ms on Linux) for every job.
        with contextlib.suppress(OSError):
            conn.device.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    if settings.kind == "serial":
        # pyserial blocks forever on write by default; a stalled link must time out.
        conn.device.write_timeout = settings.timeout_s
        if settings.flow_control == "rtscts":
            conn.device.rtscts = True
    return conn


def _network(s: PrinterSettings) -> Escpos:
    from escpos.printer import Network

    return Network(s.host, port=s.port, timeout=s.timeout_s)


def _usb(s: PrinterSettings) -> Escpos:
    from escpos.printer import Usb

    if not s.usb_vendor_id or not s.usb_product_id:
        raise PrinterFault(faults.NOT_CONFIGURED, "usb_vendor_id and usb_product_id must be set for a USB printer")
    # pyusb counts its timeout in milliseconds.
    return Usb(s.usb_vendor_id, s.usb_product_id, timeout=int(s.timeout_s * 1000), in_ep=s.usb_in_ep,
               out_ep=s.usb_out_ep)


def _serial(s: PrinterSettings) -> Escpos:
    from escpos.printer import Serial

    if not s.serial_port:
        raise PrinterFault(faults.NOT_CONFIGURED, "serial_port must be set for a serial printer")
    # escpos's Serial has no rtscts argument: RTS/CTS is switched on after opening.
    return Serial(s.serial_port, baudrate=s.baudrate, timeout=s.timeout_s,
                  xonxoff=s.flow_control == "xonxoff", dsrdtr=s.flow_control == "dsrdtr")


def _cups(s: PrinterSettings) -> Escpos:
    from escpos.printer import CupsPrinter

    if not CupsPrinter.is_usable():
        raise PrinterFault(faults.UNSUPPORTED_ON_PLATFORM, "CUPS printing needs the pycups package, not installed")
    return CupsPrinter(s.queue_name)


def _lp(s: PrinterSettings) -> Escpos:
    import shutil

    from escpos.printer import LP

    if sys.platform.startswith("win") or not shutil.which("lp") or not shutil.which("lpstat"):
        raise PrinterFault(faults.UNSUPPORTED_ON_PLATFORM, "the lp and lpstat commands are not available here")
    return LP(s.queue_name)


def _win32raw(s: PrinterSettings) -> Escpos:
    from escpos.printer import Win32Raw

    if not Win32Raw.is_usable():
        raise PrinterFault(faults.UNSUPPORTED_ON_PLATFORM, "Win32Raw printing needs Windows and pywin32")
    return Win32Raw(s.queue_name)


def _file(s: PrinterSettings) -> Escpos:
    from escpos.printer import File

    if not s.device_path:
        raise PrinterFault(faults.NOT_CONFIGURED, "device_path must be set for a file printer")
    return File(s.device_path)


def _open_fault(exc: BaseException, target: str) -> PrinterFault:
    """Name the cause: escpos wraps the OS error in DeviceNotFoundError, so look underneath."""
    cause = exc.__cause__ or exc.__context__
    for err in (exc, cause):
        if err is None:
            continue
        if isinstance(err, TimeoutError):
            return PrinterFault(faults.NOT_CONNECTED, f"{target}: no answer (connect timed out)")
        if isinstance(err, OSError) and err.errno is not None:
            name = errno.errorcode.get(err.errno, str(err.errno))
            return PrinterFault(faults.NOT_CONNECTED, f"{target}: {err.strerror} ({name}, errno {err.errno})")
        if type(err).__name__ == "NoBackendError":
            return PrinterFault(faults.UNSUPPORTED_ON_PLATFORM, f"{target}: no libusb backend installed")
        if isinstance(err, RuntimeError) and "requires" in str(err):
            return PrinterFault(faults.UNSUPPORTED_ON_PLATFORM, f"{target}: {_one_line(err)}")
    return PrinterFault(faults.NOT_CONNECTED, f"{target}: {_one_line(exc)}")


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def send_job(
    conn: Escpos, payload: bytes, settings: PrinterSettings, *, confirm_with_status: bool | None = None
) -> None:
    """Send a whole job and return only once the printer has taken the last byte.

    On a network link, `sendall` returning means only that the bytes are in our socket buffer,
    so the job is confirmed: a `DLE EOT 1` after the payload is answered only once the printer
    has read everything before it; a printer that does not answer is confirmed by its closing
    the connection after ours (port 9100 ends a job there). Serial and USB links are confirmed
    the same way (_confirm_byte_link), without a close to fall back on. A reply that says the
    printer cannot print raises a refused PrinterFault (nothing printed: hold the job as it is).
    Raises PrinterFault(send_failed) when the link drops part-way, PrinterFault(timeout) when
    the printer stops taking bytes or, having answered before the job, does not answer after it.
    `confirm_with_status` (default: the printer's check_status) is False for a printer that
    stayed silent to the status query before the job; cups, lp and Win32Raw have no status, and
    done there means the system queue accepted the job.
    """
    try:
        conn._raw(payload)
    except Exception as exc:
        if not isinstance(exc, (TimeoutError, *_timeout_errors())):
            raise PrinterFault(faults.SEND_FAILED, f"link dropped while sending: {_one_line(exc)}") from exc
        raise PrinterFault(faults.TIMEOUT, f"the printer stopped taking bytes: {_one_line(exc)}") from exc
    from escpos.printer import LP, CupsPrinter, File, Network, Serial, Usb, Win32Raw

    ask = settings.check_status if confirm_with_status is None else confirm_with_status
    if isinstance(conn, LP):
        _hand_to_lp(conn, settings)
    elif isinstance(conn, CupsPrinter | Win32Raw):
        # A system queue takes the job when the connection is closed: close it here, so that
        # a failure is a fault and not a job marked done.
        try:
            conn.close()
        except Exception as exc:
            raise PrinterFault(faults.SEND_FAILED, f"the system queue did not take the job: {_one_line(exc)}") from exc
    elif isinstance(conn, Network):
        _confirm_network(conn, settings, ask)
    elif isinstance(conn, Serial | Usb):
        _confirm_byte_link(conn, settings, ask)
    elif isinstance(conn, File):
        conn.flush()


def _hand_to_lp(conn: Any, settings: PrinterSettings) -> None:
    """Done means the spooler accepted the job: `lp` exited 0. (python-escpos 3.1's LP.close()
    waits for `lp` but never looks at how it ended, so a refused job would count as printed.)"""
    process = conn.device
    try:
        process.stdin.close()
        code = process.wait(timeout=settings.timeout_s)
    except Exception as exc:
        raise PrinterFault(faults.SEND_FAILED, f"the system queue did not take the job: {_one_line(exc)}") from exc
    finally:
        conn._device = False  # closed here: LP.close() has nothing left to do
    if code != 0:
        raise PrinterFault(faults.SEND_FAILED, f"the system queue refused the job: lp exited with {code}")


def _timeout_errors() -> tuple[type[BaseException], ...]:
    found: list[type[BaseException]] = []
    try:
        import serial

        found.append(serial.SerialTimeoutException)
    except ImportError:  # pragma: no cover - pyserial is a dependency
        pass
    try:
        import usb.core

        found.append(usb.core.USBTimeoutError)
    except ImportError:  # pragma: no cover - pyusb is a dependency
        pass
    return tuple(found)


def _confirm_byte_link(conn: Any, settings: PrinterSettings, ask_status: bool) -> None:
    """Serial and USB: ask `DLE EOT 1` after the payload and wait for the answer.

    The printer answers only once it has read everything before the query, so a reply is the
    confirmation, and what it says decides: offline (paper end, cover open, error) refuses the
    job. Without `ask_status` (check_status off, or a printer silent before the job) the bytes
    having left the port is all there is to know. The reply is waited for as long as the link's
    timeout: at 9600 baud a long job is still on the wire after the UART has sent its last byte.
    """
    from escpos.printer import Serial

    serial = isinstance(conn, Serial)
    what = "serial" if serial else "USB"
    try:
        if ask_status:
            if serial:
                conn.device.reset_input_buffer()  # a late or unasked byte must not pass for the answer
            conn._raw(DLE_EOT + b"\x01")
        if serial:
            conn.device.flush()  # returns when the UART has sent everything
    except Exception as exc:
        if isinstance(exc, (TimeoutError, *_timeout_errors())):
            raise PrinterFault(faults.TIMEOUT, f"the printer stopped taking bytes: {_one_line(exc)}") from exc
        raise PrinterFault(faults.SEND_FAILED, f"{what} link failed at the end of the job: {_one_line(exc)}") from exc
    if not ask_status:
        return
    reply = read_reply(conn, settings.timeout_s)
    flags = decode_byte(1, reply[-1]) if reply else None
    if flags is None:
        # It answered before the job and not after: it may have printed all, part or none of it.
        said = f"answered {reply_preview(reply)}" if reply else "no answer"
        raise PrinterFault(faults.TIMEOUT, f"{describe_target(settings)}: {said} to the status query after the job "
                                           f"within {settings.timeout_s} s: whether it printed is unknown")
    if flags & _CANNOT_PRINT:
        _refused(conn, settings, flags)


def _confirm_network(conn: Any, settings: PrinterSettings, ask_status: bool) -> None:
    """Confirm the job, then half-close and wait for the printer to close its side.

    Waiting for the printer's close also keeps jobs apart: a printer (or the virtual one) ends
    a job when its connection ends, so the next job's connection never overtakes this one.
    """
    sock: socket.socket = conn.device
    confirmed = False
    if ask_status:
        try:
            sock.sendall(DLE_EOT + b"\x01")
        except OSError as exc:
            raise PrinterFault(faults.SEND_FAILED, f"link dropped at the end of the job: {_one_line(exc)}") from exc
        reply = read_reply(conn, settings.status_timeout_s)
        flags = decode_byte(1, reply[-1]) if reply else None
        if flags is not None and flags & _CANNOT_PRINT:
            _refused(conn, settings, flags)
        # Only a status reply confirms the job; anything else (silence, a stray byte) waits for the close.
        confirmed = flags is not None
    try:
        sock.shutdown(socket.SHUT_WR)
    except OSError as exc:
        if confirmed:
            return
        raise PrinterFault(faults.SEND_FAILED, f"link dropped at the end of the job: {_one_line(exc)}") from exc
    # Once the printer has answered after the last byte, its close is only waited for briefly.
    wait = settings.status_timeout_s if confirmed else settings.timeout_s
    previous = sock.gettimeout()
    sock.settimeout(wait)
    try:
        while sock.recv(256):
            pass
    except TimeoutError:
        if confirmed:
            return
        unsent = _unacknowledged_bytes(sock)
        if unsent:
            raise PrinterFault(
                faults.TIMEOUT, f"{unsent} bytes not acknowledged by the printer after {wait} s"
            ) from None
        log.info("printer %s did not close after the job; all bytes acknowledged", describe_target(settings))
    except OSError as exc:
        if confirmed:
            return  # it had read everything before it answered
        raise PrinterFault(faults.SEND_FAILED, f"link dropped at the end of the job: {_one_line(exc)}") from exc
    finally:
        sock.settimeout(previous)


# DLE EOT 1 after the job: the printer went offline (paper end, cover open, error) meanwhile.
_CANNOT_PRINT = frozenset({"offline", "waiting_recovery"})


def _refused(conn: Any, settings: PrinterSettings, flags: frozenset[str]) -> None:
    """The printer took the bytes but cannot print: name the cause (DLE EOT 2..4) and refuse the job."""
    try:
        cause = query_status(conn, settings.status_timeout_s, modes=(2, 3, 4))
        found = cause.flags | flags
    except PrinterFault:
        found = flags
    status = status_from_flags(found)
    raise PrinterFault(status.code or faults.OFFLINE,
                       f"{describe_target(settings)}: took the job, then reported {status.describe()}: nothing printed",
                       status, refused=True)


def _unacknowledged_bytes(sock: socket.socket) -> int:
    """Bytes the peer has not acknowledged yet (Linux SIOCOUTQ); 0 where it cannot be known."""
    if not sys.platform.startswith("linux"):
        return 0
    import array
    import fcntl
    import termios

    buf = array.array("i", [0])
    try:
        fcntl.ioctl(sock.fileno(), termios.TIOCOUTQ, buf, True)
    except OSError:
        return 0
    return int(buf[0])


def close_quietly(conn: Escpos | None) -> None:
    """Close a connection; a link that is already gone is not an error here."""
    if conn is None:
        return
    try:
        conn.close()
    except Exception as exc:
        log.debug("closing the printer connection: %r", exc)
