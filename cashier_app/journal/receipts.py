"""Receipts and the archived file versions they were read from.

Every finished write of a watched file becomes a row of `file_versions` (the bytes included), and
a file version that parsed as a receipt gets a row of `receipts`. The intake writes both in one
transaction; the UI, the technician's views and reconciliation read them back through this store.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from enum import StrEnum

from cashier_app.domain.local_time import local_day_bounds
from cashier_app.domain.numbers import normalise_order_number
from cashier_app.domain.receipt import Channel, Receipt, ReceiptKind
from cashier_app.journal.db import Journal, utc_now


class FileOutcome(StrEnum):
    """What became of a file version (`file_versions.outcome`)."""

    RECEIPT = "receipt"
    REFUSED = "refused"
    DUPLICATE = "duplicate"


@dataclass(frozen=True)
class ReceiptRecord:
    """A receipt as the journal holds it."""

    id: int
    file_version_id: int
    created_at: str  # UTC ISO-8601, when the receipt was recorded
    path: str  # the watched file it was read from
    receipt: Receipt
    training: bool
    # What became of its paper when it was taken in (migration 0005): original | observe | repeat | pending.
    paper: str | None = None


@dataclass(frozen=True)
class FileVersionRecord:
    """One archived version of a watched file, without its bytes (see `file_version_content`).

    `receipt_id` and `template` are filled when the version was read as a receipt, so a technician
    sees at a glance whether print.txt was written, when, and by which template.
    """

    id: int
    path: str
    seen_at: str
    mtime_ns: int
    size: int
    sha256: str
    outcome: FileOutcome
    refusal_reason: str | None
    refusal_detail: str | None
    kept_aside_path: str | None
    duplicate_of: int | None
    receipt_id: int | None
    template: str | None


# SQLite limits the number of parameters of one statement: ids are looked up this many at a time.
_CHUNK = 500

_RECEIPT_COLUMNS = (
    "r.id, r.file_version_id, r.created_at, r.encoding, r.kind, r.channel, r.out_trade_no, "
    "r.channel_trade_no, r.amount, r.paid_at, r.merchant_no, r.terminal_no, r.operator, "
    "r.reference_no, r.template, r.text, r.training, r.paper, fv.path"
)
_RECEIPT_FROM = "receipts r JOIN file_versions fv ON fv.id = r.file_version_id"
# For other readers of receipts (history search): the columns `receipt_record` turns into a record.
RECEIPT_COLUMNS = _RECEIPT_COLUMNS

_VERSION_COLUMNS = (
    "fv.id, fv.path, fv.seen_at, fv.mtime_ns, fv.size, fv.sha256, fv.outcome, fv.refusal_reason, "
    "fv.refusal_detail, fv.kept_aside_path, fv.duplicate_of, r.id AS receipt_id, r.template"
)
_VERSION_FROM = "file_versions fv LEFT JOIN receipts r ON r.file_version_id = fv.id"


class ReceiptStore:
    """Reads and writes receipts and file versions in the journal.

    The write methods take an optional `conn`: the intake passes the connection of its own
    transaction so that a write is archived and recorded atomically; without one, each call is a
    transaction of its own.
    """

    def __init__(self, journal: Journal) -> None:
        self.journal = journal

    @contextmanager
    def _writing(self, conn: sqlite3.Connection | None) -> Iterator[sqlite3.Connection]:
        if conn is not None:
            yield conn
        else:
            with self.journal.tx() as own:
                yield own

    # -- writing ------------------------------------------------------------------------------

    def add_file_version(  # noqa: PLR0913 - a file version row's columns, keyword-only
        self,
        *,
        path: str,
        seen_at: str,
        mtime_ns: int,
        size: int,
        sha256: str,
        content: bytes,
        outcome: FileOutcome | str,
        refusal_reason: str | None = None,
        refusal_detail: str | None = None,
        kept_aside_path: str | None = None,
        duplicate_of: int | None = None,
        conn: sqlite3.Connection | None = None,
    ) -> int:
        """Archive one version of a watched file; returns its id."""
        with self._writing(conn) as c:
            cur = c.execute(
                "INSERT INTO file_versions(path, seen_at, mtime_ns, size, sha256, content, outcome,"
                " refusal_reason, refusal_detail, kept_aside_path, duplicate_of)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    path,
                    seen_at,
                    mtime_ns,
                    size,
                    sha256,
                    sqlite3.Binary(content),
                    str(FileOutcome(outcome)),
                    refusal_reason,
                    refusal_detail,
                    kept_aside_path,
                    duplicate_of,
                ),
            )
            assert cur.lastrowid is not None
            return int(cur.lastrowid)

    def set_file_version_outcome(
        self,
        file_version_id: int,
        outcome: FileOutcome | str,
        *,
        refusal_reason: str | None = None,
        refusal_detail: str | None = None,
        kept_aside_path: str | None = None,
        duplicate_of: int | None = None,
        conn: sqlite3.Connection | None = None,
    ) -> None:
        with self._writing(conn) as c:
            c.execute(
                "UPDATE file_versions SET outcome = ?, refusal_reason = ?, refusal_detail = ?,"
                " kept_aside_path = ?, duplicate_of = ? WHERE id = ?",
                (
                    str(FileOutcome(outcome)),
                    refusal_reason,
                    refusal_detail,
                    kept_aside_path,
                    duplicate_of,
                    file_version_id,
                ),
            )

    def add_receipt(
        self,
        file_version_id: int,
        receipt: Receipt,
        *,
        created_at: str | None = None,
        training: bool = False,
        paper: str | None = None,
        conn: sqlite3.Connection | None = None,
    ) -> ReceiptRecord:
        """Record the receipt read from a file version."""
        created = created_at or utc_now()
        with self._writing(conn) as c:
            cur = c.execute(
                "INSERT INTO receipts(file_version_id, created_at, encoding, kind, channel, out_trade_no,"
                " channel_trade_no, amount, paid_at, merchant_no, terminal_no, operator, reference_no,"
                " template, text, training, paper) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    file_version_id,
                    created,
                    receipt.encoding,
                    receipt.kind.value,
                    receipt.channel.value if receipt.channel else None,
                    receipt.out_trade_no,
                    receipt.channel_trade_no,
                    receipt.amount,
                    receipt.paid_at,
                    receipt.merchant_no,
                    receipt.terminal_no,
                    receipt.operator,
                    receipt.reference_no,
                    receipt.template,
                    "\n".join(receipt.lines),
                    int(training),
                    paper,
                ),
            )
            assert cur.lastrowid is not None
            row = c.execute("SELECT path FROM file_versions WHERE id = ?", (file_version_id,)).fetchone()
        return ReceiptRecord(
            id=int(cur.lastrowid),
            file_version_id=file_version_id,
            created_at=created,
            path=str(row["path"]) if row else "",
            receipt=receipt,
            training=training,
            paper=paper,
        )

    @staticmethod
    def set_paper(conn: sqlite3.Connection, receipt_id: int, paper: str) -> None:
        """Record what became of the receipt's paper, in the caller's transaction."""
        conn.execute("UPDATE receipts SET paper = ? WHERE id = ?", (paper, receipt_id))

    # -- receipts -----------------------------------------------------------------------------

    def get(self, receipt_id: int) -> ReceiptRecord | None:
        rows = self._receipts(f"SELECT {_RECEIPT_COLUMNS} FROM {_RECEIPT_FROM} WHERE r.id = ?", (receipt_id,))
        return rows[0] if rows else None

    def get_many(self, receipt_ids: Iterable[int]) -> dict[int, ReceiptRecord]:
        """The receipts with these ids, by id, in one query per _CHUNK ids (ids not found are left out)."""
        wanted = sorted(set(receipt_ids))
        found: dict[int, ReceiptRecord] = {}
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start:start + _CHUNK]
            marks = ", ".join("?" * len(chunk))
            for record in self._receipts(f"SELECT {_RECEIPT_COLUMNS} FROM {_RECEIPT_FROM} WHERE r.id IN ({marks})",
                                         tuple(chunk)):
                found[record.id] = record
        return found

    def receipts_between(self, start_utc: datetime | str, end_utc: datetime | str) -> list[ReceiptRecord]:
        """Receipts recorded in [start, end), oldest first. Datetimes must carry a time zone."""
        return self._receipts(
            f"SELECT {_RECEIPT_COLUMNS} FROM {_RECEIPT_FROM} WHERE r.created_at >= ? AND r.created_at < ?"
            " ORDER BY r.created_at, r.id",
            (_utc_text(start_utc), _utc_text(end_utc)),
        )

    def receipts_today(self, zone: tzinfo, *, now: datetime | None = None) -> list[ReceiptRecord]:
        """Receipts recorded since midnight of the store's local day."""
        start, end = local_day_bounds(zone, now=now)
        return self.receipts_between(start, end)

    def recent(self, limit: int = 50) -> list[ReceiptRecord]:
        """The newest receipts, newest first."""
        return self._receipts(
            f"SELECT {_RECEIPT_COLUMNS} FROM {_RECEIPT_FROM} ORDER BY r.id DESC LIMIT ?", (int(limit),)
        )

    def find_by_out_trade_no(self, out_trade_no: str) -> list[ReceiptRecord]:
        """Every receipt (sale and refund alike) carrying this merchant order number, oldest first.

        The number is normalised as a cashier would type or scan it (full-width, spaces).
        """
        number = normalise_order_number(out_trade_no)
        if not number:
            return []
        return self._receipts(
            f"SELECT {_RECEIPT_COLUMNS} FROM {_RECEIPT_FROM} WHERE r.out_trade_no = ? ORDER BY r.id",
            (number,),
        )

    def has_receipt_sha(self, sha256: str) -> bool:
        return self.receipt_for_sha(sha256) is not None

    def receipt_for_sha(self, sha256: str) -> ReceiptRecord | None:
        """The first receipt read from these exact bytes, if any."""
        rows = self._receipts(
            f"SELECT {_RECEIPT_COLUMNS} FROM {_RECEIPT_FROM} WHERE fv.sha256 = ? ORDER BY r.id LIMIT 1",
            (sha256,),
        )
        return rows[0] if rows else None

    # -- file versions ------------------------------------------------------------------------

    def has_file_version_sha(self, sha256: str) -> bool:
        """Whether these exact bytes were ever archived (whatever became of them)."""
        with self.journal.read() as conn:
            row = conn.execute("SELECT 1 FROM file_versions WHERE sha256 = ? LIMIT 1", (sha256,)).fetchone()
        return row is not None

    def file_versions(self, limit: int = 50, *, path: str | None = None) -> list[FileVersionRecord]:
        """The newest archived file versions, newest first (optionally of one path)."""
        if path is None:
            sql = f"SELECT {_VERSION_COLUMNS} FROM {_VERSION_FROM} ORDER BY fv.id DESC LIMIT ?"
            params: tuple[object, ...] = (int(limit),)
        else:
            sql = f"SELECT {_VERSION_COLUMNS} FROM {_VERSION_FROM} WHERE fv.path = ? ORDER BY fv.id DESC LIMIT ?"
            params = (path, int(limit))
        return self._versions(sql, params)

    def file_version(self, file_version_id: int) -> FileVersionRecord | None:
        rows = self._versions(f"SELECT {_VERSION_COLUMNS} FROM {_VERSION_FROM} WHERE fv.id = ?", (file_version_id,))
        return rows[0] if rows else None

    def refused(self, limit: int = 50) -> list[FileVersionRecord]:
        """The newest file versions that were not receipts, newest first."""
        return self._versions(
            f"SELECT {_VERSION_COLUMNS} FROM {_VERSION_FROM} WHERE fv.outcome = ? ORDER BY fv.id DESC LIMIT ?",
            (FileOutcome.REFUSED.value, int(limit)),
        )

    def file_version_content(self, file_version_id: int) -> bytes | None:
        """The archived bytes of a file version."""
        with self.journal.read() as conn:
            row = conn.execute("SELECT content FROM file_versions WHERE id = ?", (file_version_id,)).fetchone()
        return bytes(row["content"]) if row else None

    # -- rows to records ----------------------------------------------------------------------

    def _receipts(self, sql: str, params: tuple[object, ...]) -> list[ReceiptRecord]:
        with self.journal.read() as conn:
            rows = conn.execute(sql, params).fetchall()
        return [receipt_record(row) for row in rows]

    def _versions(self, sql: str, params: tuple[object, ...]) -> list[FileVersionRecord]:
        with self.journal.read() as conn:
            rows = conn.execute(sql, params).fetchall()
        return [_version_record(row) for row in rows]


def receipt_record(row: sqlite3.Row) -> ReceiptRecord:
    """A row of RECEIPT_COLUMNS as a record."""
    text = str(row["text"])
    receipt = Receipt(
        encoding=row["encoding"],
        kind=ReceiptKind(row["kind"]),
        channel=Channel(row["channel"]) if row["channel"] else None,
        out_trade_no=row["out_trade_no"],
        channel_trade_no=row["channel_trade_no"],
        amount=row["amount"],
        paid_at=row["paid_at"],
        merchant_no=row["merchant_no"],
        terminal_no=row["terminal_no"],
        operator=row["operator"],
        reference_no=row["reference_no"],
        lines=tuple(text.split("\n")) if text else (),
        template=row["template"],
    )
    return ReceiptRecord(
        id=int(row["id"]),
        file_version_id=int(row["file_version_id"]),
        created_at=str(row["created_at"]),
        path=str(row["path"]),
        receipt=receipt,
        training=bool(row["training"]),
        paper=row["paper"],
    )


def _version_record(row: sqlite3.Row) -> FileVersionRecord:
    return FileVersionRecord(
        id=int(row["id"]),
        path=str(row["path"]),
        seen_at=str(row["seen_at"]),
        mtime_ns=int(row["mtime_ns"]),
        size=int(row["size"]),
        sha256=str(row["sha256"]),
        outcome=FileOutcome(row["outcome"]),
        refusal_reason=row["refusal_reason"],
        refusal_detail=row["refusal_detail"],
        kept_aside_path=row["kept_aside_path"],
        duplicate_of=row["duplicate_of"],
        receipt_id=row["receipt_id"],
        template=row["template"],
    )


def _utc_text(moment: datetime | str) -> str:
    """A bound as the journal writes timestamps: ISO-8601 UTC with microseconds."""
    if isinstance(moment, str):
        return moment
    if moment.tzinfo is None:
        raise ValueError("a time bound must carry a time zone")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")
