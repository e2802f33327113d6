"""The intake: each finished write is archived, read, and recorded, in one transaction.

Order within the transaction: the bytes are archived first (file_versions), then they are read.
A receipt goes into `receipts`; bytes already recorded as a receipt are a duplicate (archived, not
a second receipt); anything else is refused with its reason, and a copy of the file is kept aside
(never printed) under `<UTC timestamp>_<original name>.<reason>`.

Listeners hear about every write after its transaction has committed, on the caller's thread (the
watcher's delivering thread): they must return quickly and hand work to their own threads.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cashier_app.domain.receipt import ParseResult, Receipt, Refusal
from cashier_app.domain.receipt_labels import ParserSettings
from cashier_app.journal.db import Journal
from cashier_app.journal.receipts import FileOutcome, ReceiptRecord, ReceiptStore
from cashier_app.watch.events import FinishedWrite

log = logging.getLogger(__name__)

# file_versions.refusal_reason when the parser itself failed (a bug, not a property of the file).
PARSER_FAILED = "parser failed"

Parser = Callable[[bytes, ParserSettings | None], ParseResult]
IntakeListener = Callable[["IntakeResult"], None]
# Called inside the transaction that records a receipt (the paper desk's take_in): what it writes
# commits with the receipt or not at all. Returns the id of the print job it wrote, if any.
ReceiptHook = Callable[[sqlite3.Connection, ReceiptRecord], "int | None"]


class IntakeError(RuntimeError):
    """The journal could not record a write. The bytes were saved in the kept-aside folder."""

    code = "intake_journal_failed"


@dataclass(frozen=True)
class IntakeResult:
    outcome: FileOutcome
    file_version_id: int
    write: FinishedWrite
    receipt: ReceiptRecord | None = None  # the new receipt, or for a duplicate the one it repeats
    refusal: Refusal | None = None
    refusal_reason: str | None = None  # as recorded (a RefusalReason value, or PARSER_FAILED)
    kept_aside_path: str | None = None
    job_id: int | None = None  # the receipt's original print job, written in the same transaction


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

    def add_listener(self, callback: IntakeListener) -> None:
        self._listeners.append(callback)

    def remove_listener(self, callback: IntakeListener) -> None:
        if callback in self._listeners:
            self._listeners.remove(callback)

    def already_archived(self, sha256: str) -> bool:
        """For FolderWatcher(already_seen=...): files found at start whose bytes are already here."""
        return self.store.has_file_version_sha(sha256)

    def handle(self, write: FinishedWrite) -> IntakeResult:
        try:
            result = self._record(write)
        except sqlite3.Error as exc:
            saved = self._keep_aside(write, "unarchived")
            raise IntakeError(
                f"the journal could not record {write.path} ({exc}); its bytes were saved to {saved}"
            ) from exc
        self._tell(result)
        return result

    # -- inner steps --------------------------------------------------------------------------

    def _record(self, write: FinishedWrite) -> IntakeResult:
        with self.journal.tx() as conn:
            # Archive first: whatever happens next, the bytes are in the journal.
            version_id = self.store.add_file_version(
                path=write.path,
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
                refusal=parsed,
                refusal_reason=reason,
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
        stamp = _compact_utc(write.seen_at)
        suffix = re.sub(r"[^a-z0-9]+", "-", reason.lower()).strip("-") or "refused"
        name = _safe_name(write.name)
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


def _compact_utc(seen_at: str) -> str:
    """20261122T023105.123456Z from the journal's ISO timestamp (sortable, valid in file names)."""
    try:
        moment = datetime.fromisoformat(seen_at).astimezone(UTC)
    except ValueError:
        moment = datetime.now(UTC)
    return moment.strftime("%Y%m%dT%H%M%S.%fZ")


def _safe_name(name: str) -> str:
    cleaned = re.sub(r'[<>:"/\\|?*\x00-\x1f]', "_", name).strip() or "file"
    return cleaned[:120] if os.name == "nt" else cleaned[:200]
