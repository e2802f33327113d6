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
