"""Printer status through `DLE EOT n` (specs/escpos.md "Status").

Each query asks one byte back. A valid reply has the form 0xx1xx10 (`b & 0x93 == 0x12`); a
reply of any other form, or none within the timeout, leaves the status UNKNOWN: silence is
never taken for "fine" (python-escpos 3.1's `paper_status()` reports plenty of paper when the
printer says nothing, so it is not used here).

A device that answers with text or several bytes that are no status (a web server on port 9100,
a serial line at the wrong baud rate) is not taken for a silent printer: its status carries the
fault code `not_a_printer`, so nobody is told to "check the cable" of something that is no printer.
"""

from __future__ import annotations

import select
import socket
from collections.abc import Iterable, Mapping
from typing import Any

from cashier_app.printing import faults
from cashier_app.printing.faults import PrinterFault

# What a status reads as (its state, its fault code) is printer_state.py's: a PrinterFault carries one too.
from cashier_app.printing.printer_state import PrinterState, PrinterStatus

DLE_EOT = b"\x10\x04"
VALID_MASK = 0x93
VALID_VALUE = 0x12
ALL_MODES = (1, 2, 3, 4)


# Single bits per query (n -> bit -> flag); paper sensor pairs are handled apart.
_BITS: dict[int, dict[int, str]] = {
    1: {0x04: "drawer_pin3", 0x08: "offline", 0x20: "waiting_recovery", 0x40: "feed_button"},
    2: {0x04: "cover_open", 0x08: "paper_fed_by_button", 0x20: "paper_end_stop", 0x40: "error"},
    3: {0x04: "recoverable_error", 0x08: "autocutter_error", 0x20: "unrecoverable_error",
        0x40: "auto_recoverable_error"},
}
# Paper sensor (n=4): both bits of a pair must be set.
_PAPER_NEAR_END = 0x0C
_PAPER_END = 0x60

def is_valid_reply(byte: int) -> bool:
    return byte & VALID_MASK == VALID_VALUE


def decode_byte(n: int, byte: int) -> frozenset[str] | None:
    """The flags set in the reply to `DLE EOT n`, or None when the byte is not a status reply."""
    if n not in ALL_MODES:
        raise ValueError(f"DLE EOT n must be 1..4, not {n}")
    if not is_valid_reply(byte):
        return None
    if n == 4:
        found = set()
        if byte & _PAPER_NEAR_END == _PAPER_NEAR_END:
            found.add("paper_near_end")
        if byte & _PAPER_END == _PAPER_END:
            found.add("paper_end")
        return frozenset(found)
    return frozenset(flag for bit, flag in _BITS[n].items() if byte & bit)


# A reply this long that is mostly printable text is a protocol's banner or error page, not status.
_TEXT_MIN_BYTES = 4
_TEXT_SHARE = 0.8
_PREVIEW_CHARS = 40


def is_foreign_reply(reply: bytes) -> bool:
    """True when `reply` cannot come from an ESC/POS printer answering DLE EOT.

    A printer answers one status byte (a late answer can add one more in front); several bytes of
    which none is a status byte, or a line of text, come from something else.
    """
    if not reply:
        return False
    if looks_like_text(reply):
        return True
    return len(reply) >= 2 and not any(is_valid_reply(b) for b in reply)


def looks_like_text(reply: bytes) -> bool:
    if len(reply) < _TEXT_MIN_BYTES:
        return False
    printable = sum(1 for b in reply if 0x20 <= b < 0x7F or b in (0x09, 0x0A, 0x0D))
    return printable >= _TEXT_SHARE * len(reply)


def reply_preview(reply: bytes) -> str:
    """What a foreign device said, for the technician: its first line of text, or its bytes in hex."""
    if looks_like_text(reply):
        first = reply.decode("ascii", errors="replace").strip().splitlines()[0] if reply.strip() else ""
        return repr(first[:_PREVIEW_CHARS] + ("…" if len(first) > _PREVIEW_CHARS else ""))
    return reply[:16].hex(" ") + (" …" if len(reply) > 16 else "")


def foreign_status(replies: Mapping[int, bytes], detail: str = "") -> PrinterStatus:
    """The status of a device that answered, but not as a printer."""
    said = next((r for r in replies.values() if is_foreign_reply(r)), b"")
    words = detail or f"answered {reply_preview(said)} to DLE EOT: not an ESC/POS status reply"
    return PrinterStatus(PrinterState.UNKNOWN, raw=dict(replies), detail=words, fault_code=faults.NOT_A_PRINTER)


def status_from_replies(replies: Mapping[int, bytes]) -> PrinterStatus:
    """Decode the replies to the queries asked (n -> bytes; b"" = no reply)."""
    if any(is_foreign_reply(r) for r in replies.values()):
        return foreign_status(replies)
    flags: set[str] = set()
    unanswered: list[str] = []
    for n, reply in sorted(replies.items()):
        if not reply:
            unanswered.append(f"no reply to DLE EOT {n}")
            continue
        # A late reply to an earlier query can precede this one: the last byte is the answer.
        decoded = decode_byte(n, reply[-1])
        if decoded is None:
            unanswered.append(f"invalid reply 0x{reply[-1]:02x} to DLE EOT {n}")
            continue
        flags |= decoded
    state = _state_of(flags, bool(unanswered) or not replies)
    return PrinterStatus(state, frozenset(flags), dict(replies), "; ".join(unanswered))


def status_from_flags(flags: Iterable[str], detail: str = "") -> PrinterStatus:
    """The status that decoded flags add up to (replies already read)."""
    found = set(flags)
    return PrinterStatus(_state_of(found, False), frozenset(found), {}, detail)


def _state_of(flags: set[str], incomplete: bool) -> PrinterState:
    # A fault the printer did report wins over what it left unsaid.
    if "unrecoverable_error" in flags:
        return PrinterState.UNRECOVERABLE
    if "autocutter_error" in flags:
        return PrinterState.CUTTER_ERROR
    if "cover_open" in flags:
        return PrinterState.COVER_OPEN
    if flags & {"paper_end", "paper_end_stop"}:
        return PrinterState.PAPER_END
    if flags & {"offline", "error", "recoverable_error", "auto_recoverable_error", "waiting_recovery"}:
        return PrinterState.OFFLINE
    if incomplete:
        return PrinterState.UNKNOWN
    if "paper_near_end" in flags:
        return PrinterState.PAPER_NEAR_END
    return PrinterState.READY


def can_read_status(conn: Any) -> bool:
    """Only links with a way back can answer: network, USB (with an IN endpoint), serial."""
    from escpos.printer import Network, Serial, Usb

    return isinstance(conn, Network | Serial | Usb)


def query_status(conn: Any, timeout: float = 0.5, modes: Iterable[int] = ALL_MODES) -> PrinterStatus:
    """Ask `DLE EOT n` for each n on an open python-escpos connection and decode the replies.

    Stops at the first silent query (a late answer would otherwise be taken for the next one), and
    at the first answer no printer would give (see is_foreign_reply: the device is not asked more).
    Raises PrinterFault(send_failed) when the connection itself is broken.
    """
    if not can_read_status(conn):
        return PrinterStatus.unknown(f"{type(conn).__name__} connections cannot read the printer's status")
    replies: dict[int, bytes] = {}
    for n in modes:
        _discard_pending(conn)
        try:
            conn._raw(DLE_EOT + bytes([n]))
        except Exception as exc:
            raise PrinterFault(faults.SEND_FAILED, f"status query DLE EOT {n} could not be sent: {exc!r}") from exc
        reply = read_reply(conn, timeout)
        replies[n] = reply
        if not reply or is_foreign_reply(reply):
            break
    return status_from_replies(replies)


def probe_status(conn: Any, timeout: float, target: str) -> PrinterStatus:
    """query_status for a technician's check, which never raises: a broken link is an unknown status.

    A network device that hangs up at the first question is named as no printer: a printer
    answers, or at worst stays silent, while servers of other protocols close on bytes they
    cannot read.
    """
    from escpos.printer import Network

    try:
        return query_status(conn, timeout)
    except PrinterFault as fault:
        if fault.code == faults.SEND_FAILED and isinstance(conn, Network):
            return foreign_status({}, f"{target} accepted the connection but closed it when asked for its status "
                                      f"(DLE EOT) without answering ({fault.detail})")
        return PrinterStatus.unknown(fault.detail, fault.code)


def _discard_pending(conn: Any) -> None:
    """Drop bytes that arrived unasked (a late reply) before the next query."""
    from escpos.printer import Network

    if isinstance(conn, Network):
        sock: socket.socket = conn.device
        while True:
            ready, _, _ = select.select([sock], [], [], 0)
            if not ready:
                return
            try:
                data = sock.recv(64)
            except OSError as exc:
                raise PrinterFault(faults.SEND_FAILED, f"connection broken: {exc!r}") from exc
            if not data:
                raise PrinterFault(faults.SEND_FAILED, "the printer closed the connection")


def read_reply(conn: Any, timeout: float) -> bytes:
    from escpos.printer import Network, Serial, Usb

    if isinstance(conn, Network):
        sock: socket.socket = conn.device
        previous = sock.gettimeout()
        sock.settimeout(timeout)
        try:
            data = sock.recv(256)  # one byte from a printer; more from a device that is none
        except TimeoutError:
            return b""
        except OSError as exc:
            raise PrinterFault(faults.SEND_FAILED, f"connection broken while reading status: {exc!r}") from exc
        finally:
            sock.settimeout(previous)
        if not data:
            raise PrinterFault(faults.SEND_FAILED, "the printer closed the connection")
        return bytes(data)
    if isinstance(conn, Serial):
        port = conn.device
        previous = port.timeout
        port.timeout = timeout
        try:
            first = port.read(1)
            rest = port.read(port.in_waiting) if first and port.in_waiting else b""
        finally:
            port.timeout = previous
        return bytes(first + rest)
    if isinstance(conn, Usb):
        import usb.core

        try:
            data = conn.device.read(conn.in_ep, 16, max(1, int(timeout * 1000)))
        except usb.core.USBTimeoutError:
            return b""
        except usb.core.USBError as exc:
            raise PrinterFault(faults.SEND_FAILED, f"USB read failed: {exc!r}") from exc
        return bytes(data)
    return b""
