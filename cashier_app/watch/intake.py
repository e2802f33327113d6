"""The intake: each finished write is archived, read, and recorded, in one transaction.

Order within the transaction: the bytes are archived first (file_versions), then they are read.
A receipt goes into `receipts` with its original print job (the paper desk's hook, same
transaction); bytes already recorded as a receipt are a duplicate (archived, not a second receipt);
anything else is refused with its reason, and a copy of the file is kept aside (never printed)
under `<UTC timestamp>_<original name>.<reason>`. A file whose name is not text (not UTF-8) is
archived under a printable form of its name and refused the same way. The same bytes at the same
path, size and mtime are never archived twice, however often the folder is scanned.

A write the journal cannot take now (the disk is full, the database is locked or failing) is not
lost: it waits in order, a copy of it on disk beside its details (`waiting.py`), and is taken again
by `retry_pending()` (every few seconds while any waits, and before each new write) once the journal
can write; a copy left waiting by an earlier run is taken at start (`recover_waiting()`).

Listeners hear about every write after its transaction has committed, on the caller's thread (the
watcher's delivering thread, or the retrying thread): they must return quickly and hand work to
their own threads.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePath

from cashier_app.domain.errors import CodedError
from cashier_app.domain.receipt import ParseResult, Receipt, Refusal
from cashier_app.domain.receipt_labels import ParserSettings
from cashier_app.journal.db import Journal
from cashier_app.journal.receipts import FileOutcome, ReceiptRecord, ReceiptStore
from cashier_app.watch import waiting
from cashier_app.watch.events import FinishedWrite
from cashier_app.watch.files import display_path, name_is_text

log = logging.getLogger(__name__)

# file_versions.refusal_reason when the parser itself failed (a bug, not a property of the file).
PARSER_FAILED = "parser failed"
# ... when the file's name is not text: its bytes are archived and kept aside, never printed.
NAME_NOT_TEXT = "name not text"
# How often writes waiting for the journal are tried again.
RETRY_INTERVAL_S = 2.0

Parser = Callable[[bytes, ParserSettings | None], ParseResult]
IntakeListener = Callable[["IntakeResult"], None]
# Called inside the transaction that records a receipt (the paper desk's take_in): what it writes
# commits with the receipt or not at all. Returns the id of the print job it wrote, if any.
ReceiptHook = Callable[[sqlite3.Connection, ReceiptRecord], "int | None"]


class IntakeError(CodedError):
    """The journal could not record a write. The bytes were saved in the kept-aside folder."""

    def __init__(self, detail: str, code: str = "intake_journal_failed") -> None:
        super().__init__(code, detail)


class IntakeDeferred(IntakeError):
    """The journal cannot write now (disk full, locked): the write waits and is taken again later."""

    def __init__(self, message: str, *, waiting: int, disk_full: bool) -> None:
        super().__init__(message, "intake_deferred")
        self.waiting = waiting
        self.disk_full = disk_full


@dataclass(frozen=True)
class IntakeResult:
    outcome: FileOutcome
    file_version_id: int
    write: FinishedWrite
    receipt: ReceiptRecord | None = None  # the new receipt, or for a duplicate the one it repeats
    refusal: Refusal | None = None
    refusal_reason: str | None = None  # as recorded (a RefusalReason value, PARSER_FAILED or NAME_NOT_TEXT)
    refusal_detail: str = ""
    kept_aside_path: str | None = None
    job_id: int | None = None  # the receipt's original print job, written in the same transaction
    late: bool = False  # it waited for the journal (disk full) and was taken now
    already: bool = False  # these bytes at this path, size and mtime were archived before: nothing written


def _default_parser() -> Parser:
    from cashier_app.domain.receipt_parser import parse_receipt

    return parse_receipt


class Intake:
    def __init__(
        self,
        journal: Journal,
        parser_settings: ParserSettings | None,
        quarantine_dir: Path,
        *,
        training: bool = False,
        parser: Parser | None = None,
        on_receipt: ReceiptHook | None = None,
    ) -> None:
        self.journal = journal
        self._on_receipt = on_receipt
        self.store = ReceiptStore(journal)
        self.parser_settings = parser_settings
        self.quarantine_dir = Path(quarantine_dir)
        self.training = training
        self._parse = parser or _default_parser()
        self._listeners: list[IntakeListener] = []
        self._lock = threading.RLock()
        self._waiting: deque[FinishedWrite] = deque()
        self._retry_stop = threading.Event()
        self._retrier: threading.Thread | None = None

    def add_listener(self, callback: IntakeListener) -> None:
        self._listeners.append(callback)

    def remove_listener(self, callback: IntakeListener) -> None:
        if callback in self._listeners:
            self._listeners.remove(callback)

    def already_archived(self, sha256: str) -> bool:
        """For FolderWatcher(already_seen=...): files found at start whose bytes are already here."""
        return self.store.has_file_version_sha(sha256)

    def handle(self, write: FinishedWrite) -> IntakeResult:
        """Take one write. Raises IntakeDeferred when it has to wait for the journal (it is taken
        later, after the ones waiting before it), IntakeError when the journal refused it."""
        with self._lock:
            self._take_waiting()
            if self._waiting:
                # Older writes still wait: this one waits behind them, so receipts keep their order.
                return self._defer(write, None)
            return self._take(write)

    @property
    def pending_count(self) -> int:
        """Writes waiting for the journal."""
        return len(self._waiting)

    def retry_pending(self) -> int:
        """Take the writes waiting for the journal, oldest first, until one still cannot be taken.
        Returns how many were taken."""
        with self._lock:
            return self._take_waiting()

    def recover_waiting(self) -> int:
        """At start: writes an earlier run left waiting (their copies on disk) wait again, and are taken
        now if the journal can. Returns how many were found."""
        found = waiting.load_all(self.quarantine_dir)
        with self._lock:
            for write in reversed(found):
                self._waiting.appendleft(write)
        if found:
            log.warning("%d write(s) an earlier run could not record are taken again", len(found))
            self.retry_pending()
        return len(found)

    def start_retrying(self, interval_s: float = RETRY_INTERVAL_S) -> None:
        """Try the waiting writes again every `interval_s` on a thread of its own (stopped by stop())."""
        if self._retrier is not None:
            return
        self._retry_stop.clear()

        def run() -> None:
            while not self._retry_stop.wait(interval_s):
                if self._waiting:
                    try:
                        self.retry_pending()
                    except Exception:
                        log.exception("taking the waiting writes again failed")

        self._retrier = threading.Thread(target=run, name="intake-retry", daemon=True)
        self._retrier.start()

    def stop(self) -> None:
        self._retry_stop.set()
        if self._retrier is not None:
            self._retrier.join(10)
            self._retrier = None
        if self._waiting:
            log.error("%d write(s) still wait for the journal; their copies stay in %s and are taken at the next "
                      "start", len(self._waiting), self.quarantine_dir)

    # -- waiting for the journal ----------------------------------------------------------------

    def _take(self, write: FinishedWrite, *, late: bool = False) -> IntakeResult:
        try:
            result = self._record(write)
        except sqlite3.OperationalError as exc:
            # Disk full, database locked, I/O error: the journal may take it later.
            return self._defer(write, exc)
        except sqlite3.Error as exc:
            saved = self._keep_aside(write, "unarchived")
            where = f"its bytes were saved to {saved}" if saved else "its bytes could not be saved aside either"
            raise IntakeError(f"the journal could not record {display_path(write.path)} ({exc}); {where}") from exc
        if late:
            result = IntakeResult(**{**result.__dict__, "late": True})
            waiting.remove(self.quarantine_dir, write)
        self._tell(result)
        return result

    def _defer(self, write: FinishedWrite, exc: sqlite3.Error | None) -> IntakeResult:
        if not self._waiting or self._waiting[-1] is not write:
            self._waiting.append(write)
            saved = waiting.save(self.quarantine_dir, write)
        else:
            saved = None
        full = exc is not None and _disk_full(exc)
        cause = "the disk is full" if full else (f"the journal cannot write ({exc})" if exc else
                                                 "earlier writes are still waiting for the journal")
        where = f"a copy waits in {saved}" if saved else "its bytes are held in memory"
        log.error("%s is waiting: %s; %s (%d waiting)", display_path(write.path), cause, where, len(self._waiting))
        raise IntakeDeferred(f"{display_path(write.path)} waits to be recorded: {cause}; {where}",
                             waiting=len(self._waiting), disk_full=full) from exc

    def _take_waiting(self) -> int:
        taken = 0
        while self._waiting:
            write = self._waiting[0]
            try:
                result = self._record(write)
            except sqlite3.OperationalError:
                return taken
            except sqlite3.Error:
                log.exception("the journal refused %s for good; its copy stays in %s", display_path(write.path),
                              self.quarantine_dir)
                self._waiting.popleft()
                continue
            self._waiting.popleft()
            waiting.remove(self.quarantine_dir, write)
            taken += 1
            self._tell(IntakeResult(**{**result.__dict__, "late": True}))
        return taken

    # -- inner steps --------------------------------------------------------------------------

    def _record(self, write: FinishedWrite) -> IntakeResult:
        path = display_path(write.path)
        with self.journal.tx() as conn:
            seen = conn.execute(
                "SELECT id FROM file_versions WHERE sha256 = ? AND path = ? AND size = ? AND mtime_ns = ? LIMIT 1",
                (write.sha256, path, write.size, write.mtime_ns)).fetchone()
            if seen is not None:
                # This very version was taken before (a rescan past the watcher's memory): nothing to add.
                return IntakeResult(FileOutcome.DUPLICATE, int(seen["id"]), write, already=True)
            # Archive first: whatever happens next, the bytes are in the journal.
            version_id = self.store.add_file_version(
                path=path,
                seen_at=write.seen_at,
                mtime_ns=write.mtime_ns,
                size=write.size,
                sha256=write.sha256,
                content=write.content,
                outcome=FileOutcome.REFUSED,
                refusal_reason=PARSER_FAILED,
                refusal_detail="not read yet",
                conn=conn,
            )
            if not name_is_text(write.path):
                return self._refuse(conn, version_id, write, reason=NAME_NOT_TEXT, refusal=None,
                                    detail=f"the file's name is not text (not UTF-8): {PurePath(path).name}")
            earlier = self._receipt_with_sha(conn, write.sha256, version_id)
            if earlier is not None:
                self.store.set_file_version_outcome(
                    version_id, FileOutcome.DUPLICATE, duplicate_of=earlier.id, conn=conn
                )
                return IntakeResult(FileOutcome.DUPLICATE, version_id, write, receipt=earlier)

            parsed, failure = self._parse_safely(write.content)
            if isinstance(parsed, Receipt):
                record = self.store.add_receipt(
                    version_id, parsed, created_at=write.seen_at, training=self.training, conn=conn
                )
                self.store.set_file_version_outcome(version_id, FileOutcome.RECEIPT, conn=conn)
                job_id = self._paper(conn, record)
                return IntakeResult(FileOutcome.RECEIPT, version_id, write, receipt=record, job_id=job_id)

            reason = parsed.reason.value if parsed is not None else PARSER_FAILED
            detail = parsed.detail if parsed is not None else failure
            return self._refuse(conn, version_id, write, reason=reason, detail=detail, refusal=parsed)

    def _refuse(self, conn: sqlite3.Connection, version_id: int, write: FinishedWrite, *, reason: str, detail: str,
                refusal: ParseResult | None) -> IntakeResult:
        kept = self._keep_aside(write, reason)
        if kept is None:
            detail = f"{detail}; the kept-aside copy could not be written".lstrip("; ")
        self.store.set_file_version_outcome(
            version_id,
            FileOutcome.REFUSED,
            refusal_reason=reason,
            refusal_detail=detail,
            kept_aside_path=str(kept) if kept else None,
            conn=conn,
        )
        return IntakeResult(
            FileOutcome.REFUSED,
            version_id,
            write,
            refusal=refusal if isinstance(refusal, Refusal) else None,
            refusal_reason=reason,
            refusal_detail=detail,
            kept_aside_path=str(kept) if kept else None,
        )

    def _paper(self, conn: sqlite3.Connection, record: ReceiptRecord) -> int | None:
        """The receipt's original job, in this transaction. A journal error rolls the whole write back
        (the bytes are taken again); any other failure leaves the receipt 'pending' for the start sweep."""
        if self._on_receipt is None:
            return None
        conn.execute("SAVEPOINT paper")
        try:
            job_id = self._on_receipt(conn, record)
        except sqlite3.Error:
            raise
        except Exception:
            log.exception("receipt %d: its print job could not be written; it is queued at the next start", record.id)
            conn.execute("ROLLBACK TO paper")
            conn.execute("RELEASE paper")
            self.store.set_paper(conn, record.id, "pending")
            return None
        conn.execute("RELEASE paper")
        return job_id

    def _receipt_with_sha(self, conn: sqlite3.Connection, sha256: str, version_id: int) -> ReceiptRecord | None:
        row = conn.execute(
            "SELECT r.id FROM receipts r JOIN file_versions fv ON fv.id = r.file_version_id"
            " WHERE fv.sha256 = ? AND fv.id <> ? ORDER BY r.id LIMIT 1",
            (sha256, version_id),
        ).fetchone()
        return self.store.get(int(row["id"])) if row else None

    def _parse_safely(self, content: bytes) -> tuple[ParseResult | None, str]:
        try:
            return self._parse(content, self.parser_settings), ""
        except Exception as exc:
            log.exception("the receipt parser failed")
            return None, f"{type(exc).__name__}: {exc}"

    def _keep_aside(self, write: FinishedWrite, reason: str) -> Path | None:
        """Copy the bytes to the kept-aside folder; None if that fails (the journal still has them)."""
        stamp = waiting.compact_utc(write.seen_at)
        suffix = re.sub(r"[^a-z0-9]+", "-", reason.lower()).strip("-") or "refused"
        name = safe_name(PurePath(display_path(write.path)).name)
        try:
            self.quarantine_dir.mkdir(parents=True, exist_ok=True)
            for n in range(1000):
                extra = f"-{n}" if n else ""
                target = self.quarantine_dir / f"{stamp}{extra}_{name}.{suffix}"
                try:
                    with open(target, "xb") as handle:
                        handle.write(write.content)
                    return target
                except FileExistsError:
                    continue
        except OSError:
            log.exception("cannot keep %s aside in %s", write.path, self.quarantine_dir)
        return None

    def _tell(self, result: IntakeResult) -> None:
        for listener in list(self._listeners):
            try:
                listener(result)
            except Exception:
                log.exception("an intake listener failed")


def safe_name(name: str) -> str:
    """A name any file system takes: no separators, reserved or control characters, not too long."""
    cleaned = re.sub(r'[<>:"/\\|?*\x00-\x1f]', "_", name).strip() or "file"
    return cleaned[:120] if os.name == "nt" else cleaned[:200]


def _disk_full(exc: sqlite3.Error) -> bool:
    return getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL or "full" in str(exc).lower()
