"""The ESC/POS bytes laid out for each print job, kept so that a receipt's picture is drawn from
exactly what was sent (`print_job_bytes`, zlib-compressed).

A receipt's job is laid out when its printer's worker takes it, so these rows are written then,
and written again if the job is laid out again (an interrupted job comes back as a reprint).
Jobs queued with their bytes (an order's receipt from the platform's record, a report) keep them
in `print_jobs.payload`. Past the retention limit the bytes are removed and `pruned_at` says when.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

from cashier_app.journal.db import Journal, utc_now


@dataclass(frozen=True)
class JobBytes:
    job_id: int
    laid_out_at: str  # UTC
    profile: str  # receipt profile they were laid out for
    charset: str  # the character set the printer reads them in
    dots: int  # paper width in dots
    payload: bytes | None  # None once removed by retention
    pruned_at: str | None


class JobBytesStore:
    def __init__(self, journal: Journal) -> None:
        self.journal = journal

    def record(self, job_id: int, *, profile: str, charset: str, dots: int, payload: bytes) -> None:
        """Keep the bytes laid out for a job (the latest lay-out replaces an earlier one)."""
        with self.journal.tx() as conn:
            conn.execute(
                "INSERT INTO print_job_bytes(job_id, laid_out_at, profile, charset, dots, payload, pruned_at)"
                " VALUES (?, ?, ?, ?, ?, ?, NULL) ON CONFLICT(job_id) DO UPDATE SET laid_out_at = excluded.laid_out_at,"
                " profile = excluded.profile, charset = excluded.charset, dots = excluded.dots,"
                " payload = excluded.payload, pruned_at = NULL",
                (job_id, utc_now(), profile, charset, dots, zlib.compress(payload, 6)),
            )

    def get(self, job_id: int) -> JobBytes | None:
        with self.journal.read() as conn:
            row = conn.execute("SELECT * FROM print_job_bytes WHERE job_id = ?", (job_id,)).fetchone()
        if row is None:
            return None
        payload = zlib.decompress(bytes(row["payload"])) if row["payload"] is not None else None
        return JobBytes(int(row["job_id"]), str(row["laid_out_at"]), str(row["profile"]), str(row["charset"]),
                        int(row["dots"]), payload, row["pruned_at"])
