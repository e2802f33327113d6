"""Helpers shared by the print queue tests (no tests here)."""

from __future__ import annotations

import threading
from collections.abc import Callable

from cashier_app.journal.db import Journal, utc_now
from cashier_app.journal.print_jobs import PrintJobRecord
from cashier_app.printing.queue import QueueEvent
from cashier_app.printing.settings import PrinterSettings, PrintingSettings

# What the queue puts around a job's bytes on the wire: DLE EOT 1..4 before it, and DLE EOT 1
# after it (answered only once the printer has read the whole job).
STATUS_QUERIES = b"\x10\x04\x01\x10\x04\x02\x10\x04\x03\x10\x04\x04"
CONFIRM = b"\x10\x04\x01"


def job_bytes(raw: bytes) -> bytes:
    """The job's own bytes out of what the virtual printer received."""
    assert raw.startswith(STATUS_QUERIES), raw[:16]
    assert raw.endswith(CONFIRM), raw[-8:]
    return raw[len(STATUS_QUERIES):-len(CONFIRM)]


def add_receipt(journal: Journal, text: str = "收银小票") -> int:
    """A receipt row (print_jobs.receipt_id references receipts)."""
    now = utc_now()
    with journal.tx() as conn:
        fv = conn.execute(
            "INSERT INTO file_versions(path, seen_at, mtime_ns, size, sha256, content, outcome)"
            " VALUES ('print.txt', ?, 0, ?, 'x', ?, 'receipt')",
            (now, len(text.encode()), text.encode()),
        ).lastrowid
        rid = conn.execute(
            "INSERT INTO receipts(file_version_id, created_at, encoding, kind, text) VALUES (?, ?, 'utf-8', 'sale', ?)",
            (fv, now, text),
        ).lastrowid
    return int(rid or 0)


def render_marked(job: PrintJobRecord, settings: PrinterSettings) -> bytes:
    """A stand-in layout that shows what the queue asked for: the receipt, and the reprint mark."""
    mark = f" REPRINT copy {job.copy_no} {job.reason}" if job.is_reprint else ""
    return b"\x1b@" + f"receipt {job.receipt_id}{mark}\n".encode("ascii") + b"\x1dVB\x03"


def printing_for(*ports: int, names: tuple[str, ...] = ("receipt", "backup"), initial: float = 0.05,
                 probe_max: float = 0.2, retry_max: float = 1.0) -> PrintingSettings:
    printers = {
        name: PrinterSettings(kind="network", host="127.0.0.1", port=port, timeout_s=2.0, status_timeout_s=0.5)
        for name, port in zip(names, ports, strict=False)
    }
    return PrintingSettings(default_printer=names[0], printers=printers, retry_initial_s=initial,
                            retry_max_s=retry_max, probe_max_s=probe_max)


class EventLog:
    """Collects queue events from the worker threads; tests wait on it, never on time."""

    def __init__(self) -> None:
        self.events: list[QueueEvent] = []
        self._changed = threading.Condition()

    def __call__(self, event: QueueEvent) -> None:
        with self._changed:
            self.events.append(event)
            self._changed.notify_all()

    def wait_for(self, predicate: Callable[[QueueEvent], bool], timeout: float = 10.0,
                 what: str = "event") -> QueueEvent:
        found: list[QueueEvent] = []

        def seen() -> bool:
            found[:] = [e for e in self.events if predicate(e)]
            return bool(found)

        with self._changed:
            if not self._changed.wait_for(seen, timeout):
                kinds = [(e.kind, e.job_id, e.fault_code) for e in self.events]
                raise AssertionError(f"no {what} within {timeout} s; events: {kinds}")
        return found[0]

    def wait_kind(self, kind: str, job_id: int | None = None, fault_code: str | None = None,
                  timeout: float = 10.0) -> QueueEvent:
        return self.wait_for(
            lambda e: e.kind == kind and (job_id is None or e.job_id == job_id)
            and (fault_code is None or e.fault_code == fault_code),
            timeout, f"{kind} job={job_id} fault={fault_code}",
        )

    def of_job(self, job_id: int) -> list[str]:
        with self._changed:
            return [e.kind for e in self.events if e.job_id == job_id]
