"""The diagnostic bundle: one zip a technician sends to the developers.

What it holds: the report (JSON and text), the effective configuration as TOML with secrets
masked, the newest log files scrubbed, the metadata of recent file versions (not their contents,
unless asked: archived print.txt files hold order data), the print jobs, the open cases with
their steps (customers' phone numbers and e-mails masked), the reconciliation status, and the
versions of everything. What it never holds: the terminal's API key. Every
member passes through the Scrubber as it is written.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import zipfile
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import tomli_w

from cashier_app.domain.cases import CaseStatus
from cashier_app.domain.contacts import mask_contact_value, mask_contacts

from .checks import Diagnosis, DiagnosisInputs
from .file_activity import VersionReader
from .journal_access import inspect_journal
from .scrubbing import Scrubber, redact_config
from .system_info import versions

LOG_FILES = 6  # the newest this many log files (the rotating log keeps 5 backups)
LOG_TAIL_BYTES = 2 * 1024 * 1024  # of each, at most its last 2 MB
FILE_VERSIONS = 500
PRINT_JOBS = 500
CASES_OPEN = 500
RECEIPTS_SINCE = timedelta(days=1)


@dataclass
class BundleOptions:
    with_receipts: bool = False
    extra_secrets: Iterable[str] = field(default_factory=tuple)


class _Writer:
    """Adds members to the zip, each scrubbed on its way in."""

    def __init__(self, archive: zipfile.ZipFile, scrub: Scrubber) -> None:
        self.archive = archive
        self.scrub = scrub
        self.members: list[str] = []

    def text(self, name: str, text: str) -> None:
        self.data(name, self.scrub.text(text).encode("utf-8"))

    def json(self, name: str, value: Any) -> None:
        self.text(name, json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n")

    def data(self, name: str, data: bytes) -> None:
        self.archive.writestr(name, self.scrub.data(data))
        self.members.append(name)


def write_bundle(out: Path, diagnosis: Diagnosis, inputs: DiagnosisInputs,
                 options: BundleOptions | None = None) -> list[str]:
    """Write the bundle to `out` (atomically: a half-written zip never has the final name)."""
    options = options or BundleOptions()
    secrets: list[str] = [*diagnosis.secrets(), *options.extra_secrets]
    config = redact_config(inputs.config, secrets)
    scrub = Scrubber(secrets)
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=".diagnose-", suffix=".zip.part", dir=out.parent)
    os.close(handle)
    try:
        with zipfile.ZipFile(temp_name, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            writer = _Writer(archive, scrub)
            _write_members(writer, diagnosis, inputs, config, options)
            writer.text("README.txt", _readme(writer.members, options))
        os.replace(temp_name, out)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return writer.members


def _write_members(writer: _Writer, diagnosis: Diagnosis, inputs: DiagnosisInputs, config: Any,
                   options: BundleOptions) -> None:
    writer.json("report.json", diagnosis.report.to_json())
    writer.text("report.txt", diagnosis.report.to_text())
    writer.json("files.json", diagnosis.files.to_json())
    writer.text("files.txt", diagnosis.files.to_text())
    writer.text("config.toml", f"# effective configuration of {inputs.config_file}; secrets masked\n"
                + tomli_w.dumps(_toml_ready(config)))
    writer.json("versions.json", versions())
    for path in [*newest_logs(inputs.log_dir), *crash_logs(inputs.log_dir)]:
        writer.text(f"logs/{path.name}", read_tail(path, LOG_TAIL_BYTES))
    state, journal = inspect_journal(inputs.journal_file)
    if journal is None:
        writer.json("journal.json", asdict(state))
        return
    try:
        writer.json("journal.json", asdict(state))
        reader = VersionReader(journal, inputs.zone)
        writer.json("file-versions.json", [asdict(v) for v in (reader.view(i) for i, _ in
                                                              reader.recent_ids(FILE_VERSIONS)) if v is not None])
        writer.json("print-jobs.json", _print_jobs(journal))
        writer.json("cases-open.json", open_cases(journal))
        writer.json("reconcile-status.json", _reconcile_status(journal, inputs.training))
        if options.with_receipts:
            since = datetime.now(UTC) - RECEIPTS_SINCE
            for view in reader.since(since, limit=FILE_VERSIONS):
                content = reader.store.file_version_content(view.id)
                if content is not None:
                    writer.data(f"receipts/{view.id:06d}_{_safe(view.name)}", content)
    finally:
        journal.close()


def _print_jobs(journal: Any) -> list[dict[str, Any]]:
    from cashier_app.journal.print_jobs import PrintJobRecord

    with journal.read() as conn:
        rows = conn.execute("SELECT * FROM print_jobs ORDER BY id DESC LIMIT ?", (PRINT_JOBS,)).fetchall()
    jobs = []
    for row in rows:
        data = asdict(PrintJobRecord.from_row(row))
        payload = data.pop("payload")
        data["payload_bytes"] = len(payload) if payload is not None else None  # bytes are receipt contents
        jobs.append(data)
    return jobs


# Case fields that name an order or a time: kept as they are (the developers need them to follow a case).
_CASE_KEYS_KEPT = frozenset({"out_trade_no", "channel_trade_no", "opened_at", "closed_at", "at", "kind", "status",
                             "result", "action", "state_seen", "payment_state"})
_CONTACT_KEY = re.compile(r"contact|phone|mobile|email|tel", re.IGNORECASE)


def open_cases(journal: Any, limit: int = CASES_OPEN) -> list[dict[str, Any]] | dict[str, Any]:
    """The open cases with their steps, every customer contact in them masked (138****1234)."""
    from cashier_app.journal.cases import CaseFilter, CaseStore

    try:
        cases = CaseStore(journal).list(CaseFilter(status=CaseStatus.OPEN, training=None, limit=limit))
    except Exception as exc:  # an older journal without the cases table
        return {"available": False, "error": f"{type(exc).__name__}: {exc}"}
    return [_masked(asdict(case)) for case in cases]


def _masked(value: Any, key: str = "") -> Any:
    if isinstance(value, dict):
        return {k: _masked(v, str(k)) for k, v in value.items()}
    if isinstance(value, list):
        return [_masked(v, key) for v in value]
    if isinstance(value, str) and key not in _CASE_KEYS_KEPT:
        return mask_contact_value(value) if _CONTACT_KEY.search(key) else mask_contacts(value)
    return value


def _reconcile_status(journal: Any, training: bool) -> dict[str, Any]:
    try:
        from cashier_app.reconcile.status import read_status

        return read_status(journal, training=training).to_json()
    except Exception as exc:  # an older journal without the reconciler's tables
        return {"available": False, "error": f"{type(exc).__name__}: {exc}"}


def newest_logs(log_dir: Path, count: int = LOG_FILES) -> list[Path]:
    """The newest running logs (crash logs apart: they always go in, see crash_logs)."""
    if not log_dir.is_dir():
        return []
    logs = [p for p in log_dir.iterdir()
            if p.is_file() and re.search(r"\.log(\.\d+)?$", p.name) and not _CRASH_LOG.match(p.name)]
    return sorted(logs, key=lambda p: p.stat().st_mtime, reverse=True)[:count]


# crash.log (+ its rotations) and crash-faults.log, written by the app's crash log (app/crash_log.py).
_CRASH_LOG = re.compile(r"^crash[\w-]*\.log(\.\d+)?$")


def crash_logs(log_dir: Path) -> list[Path]:
    """Every crash log, however old: the one a technician needs is often from days ago."""
    if not log_dir.is_dir():
        return []
    return sorted(p for p in log_dir.iterdir() if p.is_file() and _CRASH_LOG.match(p.name))


def read_tail(path: Path, limit: int) -> str:
    with open(path, "rb") as handle:
        size = handle.seek(0, os.SEEK_END)
        handle.seek(max(0, size - limit))
        data = handle.read()
    text = data.decode("utf-8", errors="replace")
    if size > limit:
        text = f"[... first {size - limit} bytes left out ...]\n" + text.split("\n", 1)[-1]
    return text


def _toml_ready(value: Any) -> Any:
    """TOML has no null: drop None values (they are defaults anyway)."""
    if isinstance(value, dict):
        return {str(k): _toml_ready(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_toml_ready(v) for v in value if v is not None]
    return value


def _safe(name: str) -> str:
    return re.sub(r"[^\w.-]+", "_", name)[:80] or "file"


def _readme(members: list[str], options: BundleOptions) -> str:
    lines = [
        "cashier-app diagnostic bundle",
        "",
        "The terminal's API key is never in this bundle. Secret-looking settings are masked (***), and",
        "every file was scrubbed of the stored key as it was written.",
        "Archived print.txt files (order data): " + ("included, last day (receipts/)" if options.with_receipts
                                                     else "not included (run with --with-receipts to add them)"),
        "",
        "members:",
        *(f"  {m}" for m in members),
    ]
    return "\n".join(lines) + "\n"
