"""What the services tell the rest of the app, as plain objects on one hub (no Qt).

Services call `hub.publish(event)` from their own threads; the Qt layer subscribes and hands
each event to the GUI thread through its bridge's queued signals; headless mode logs them.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReceiptEvent:
    receipt_id: int
    updated: bool = False  # False: a new receipt; True: its print state changed


@dataclass(frozen=True)
class RefusedEvent:
    path: str
    reason: str
    detail: str


@dataclass(frozen=True)
class JobEvent:
    kind: str
    printer: str
    job_id: int | None
    receipt_id: int | None
    fault_code: str | None = None
    fault_detail: str | None = None


@dataclass(frozen=True)
class PrinterEvent:
    printer: str
    code: str  # "" when ready, else a fault code (printing/faults.py)
    detail: str = ""


@dataclass(frozen=True)
class PlatformEvent:
    reachable: bool | None  # None: not configured
    reason: str | None = None
    detail: str = ""


@dataclass(frozen=True)
class CaseEvent:
    case_id: int
    kind: str
    created: bool
    out_trade_no: str | None = None


@dataclass(frozen=True)
class PrintedPicture:
    png: bytes


@dataclass(frozen=True)
class Notice:
    code: str
    params: dict[str, Any] = field(default_factory=dict)


Event = ReceiptEvent | RefusedEvent | JobEvent | PrinterEvent | PlatformEvent | CaseEvent | PrintedPicture | Notice

# Job events that tell a person something (the others are steps on the way: logged at DEBUG).
_JOB_WORDS = {"job_queued": "queued", "job_done": "printed", "job_held": "held", "job_cancelled": "cancelled"}


def describe(event: Event) -> tuple[int, str]:
    """(log level, one line) for an event: what happened, in words, without reprs or bytes.

    A receipt's print state changing, a job starting to send and a drawn picture are steps on the
    way and go to DEBUG; everything a technician reads a log for is INFO or above.
    """
    if isinstance(event, ReceiptEvent):
        if event.updated:
            return logging.DEBUG, f"receipt {event.receipt_id}: print state changed"
        return logging.INFO, f"receipt {event.receipt_id} recorded"
    if isinstance(event, JobEvent):
        return _describe_job(event)
    if isinstance(event, PrinterEvent):
        if not event.code:
            return logging.INFO, f"printer {event.printer}: ready"
        return logging.WARNING, f"printer {event.printer}: {event.code} ({_one_line(event.detail)})"
    if isinstance(event, PlatformEvent):
        if event.reachable is None:
            return logging.INFO, "merchant platform: not configured"
        if event.reachable:
            return logging.INFO, "merchant platform: reachable"
        return logging.WARNING, f"merchant platform: {event.reason} ({_one_line(event.detail)})"
    if isinstance(event, CaseEvent):
        order = f", order {event.out_trade_no}" if event.out_trade_no else ""
        return logging.INFO, f"case {event.case_id} {'opened' if event.created else 'updated'}: {event.kind}{order}"
    if isinstance(event, RefusedEvent):
        return logging.WARNING, f"file {event.path} refused: {event.reason} ({_one_line(event.detail)})"
    if isinstance(event, PrintedPicture):
        return logging.DEBUG, f"virtual printer drew a receipt ({len(event.png)} bytes of PNG)"
    params = ", ".join(f"{k}={_one_line(str(v))}" for k, v in event.params.items() if not isinstance(v, bytes))
    return logging.INFO, f"notice {event.code}" + (f": {params}" if params else "")


def _describe_job(event: JobEvent) -> tuple[int, str]:
    words = _JOB_WORDS.get(event.kind)
    what = f"print job {event.job_id}" + (f" (receipt {event.receipt_id})" if event.receipt_id else "")
    if words is None:
        return logging.DEBUG, f"{what} {event.kind.removeprefix('job_')} on printer {event.printer}"
    line = f"{what} {words} on printer {event.printer}"
    if event.kind == "job_held":
        return logging.WARNING, f"{line}: {event.fault_code} ({_one_line(event.fault_detail)})"
    if event.kind == "job_cancelled":
        return logging.INFO, f"{line}: {_one_line(event.fault_detail)}"
    return logging.INFO, line


def _one_line(text: str | None, limit: int = 300) -> str:
    flat = " ".join((text or "").split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class EventHub:
    def __init__(self) -> None:
        self._subscribers: list[Callable[[Event], None]] = []
        self._lock = threading.Lock()

    def subscribe(self, callback: Callable[[Event], None]) -> None:
        with self._lock:
            self._subscribers.append(callback)

    def unsubscribe(self, callback: Callable[[Event], None]) -> None:
        with self._lock:
            if callback in self._subscribers:
                self._subscribers.remove(callback)

    def publish(self, event: Event) -> None:
        with self._lock:
            subscribers = list(self._subscribers)
        for callback in subscribers:
            try:
                callback(event)
            except Exception:
                # One broken subscriber must not stop the services that publish.
                log.exception("event subscriber failed on %r", event)
