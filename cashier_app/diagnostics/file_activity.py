"""Was print.txt written, when, and by which template? (specs/print-txt.md, the technician's
first questions; design.md flow 2.)

For each watched folder: whether it exists and can be read and written, which files match the
patterns right now, and the newest versions the journal archived from it with their outcome
(receipt, refused with the reason, duplicate), the template that wrote them, the encoding and the
order number. Times are the computer's local time. The journal is only read.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import Any

from cashier_app.domain.local_time import STAMP, store_time
from cashier_app.journal.receipts import FileOutcome, FileVersionRecord, ReceiptStore
from cashier_app.watch.files import DIRECTORY, NameMatcher, display_path, not_regular, same_folder
from cashier_app.watch.settings import WatchSettings

from .journal_access import JournalState, ReadOnlyJournal, inspect_journal

# "Recently" for the headline: a till that took a payment in the last hour wrote print.txt.
DEFAULT_RECENT_S = 3600.0
_SCAN_FACTOR = 4  # rows looked at per row wanted when filtering a folder's versions by pattern


def local_text(moment: datetime, zone: tzinfo) -> str:
    """For the technician: the store's time, with its offset (the till's own clock may differ)."""
    return store_time(moment, zone, STAMP + " %z")


def _from_iso(text: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@dataclass(frozen=True)
class VersionView:
    """One archived version of a watched file, as the technician reads it."""

    id: int
    path: str
    name: str
    written_at: str  # the file's modification time (when the till wrote it), local time
    seen_at: str  # when the app took the finished write, local time
    age_s: float | None  # seconds since it was seen
    size: int
    outcome: str  # receipt | refused | duplicate
    refusal_reason: str | None
    refusal_detail: str | None
    template: str | None  # e.g. "wechat-default", "vendor", "unknown:1a2b3c4d"
    encoding: str | None
    out_trade_no: str | None
    kind: str | None
    receipt_id: int | None
    duplicate_of: int | None  # the receipt a duplicate repeats
    training: bool
    kept_aside_path: str | None

    def describe(self) -> str:
        """One line: outcome, template, encoding, order."""
        if self.outcome == FileOutcome.REFUSED:
            what = f"refused: {self.refusal_reason}" + (f" ({self.refusal_detail})" if self.refusal_detail else "")
        elif self.outcome == FileOutcome.DUPLICATE:
            what = f"duplicate of receipt {self.duplicate_of}"
        else:
            what = f"receipt {self.receipt_id}"
        parts = [what]
        if self.template:
            parts.append(f"template {self.template}")
        if self.encoding:
            parts.append(self.encoding)
        if self.out_trade_no:
            parts.append(f"order {self.out_trade_no}")
        if self.training:
            parts.append("training")
        return ", ".join(parts)


@dataclass(frozen=True)
class PresentFile:
    name: str
    size: int
    modified: str  # local time
    # Not a regular file (a symbolic link, a FIFO, a socket, a device): what it is, never read by the watcher.
    refused: str | None = None


@dataclass(frozen=True)
class FolderActivity:
    folder: str
    patterns: tuple[str, ...]
    exists: bool
    readable: bool
    writable: bool
    problem: str | None  # English, when the folder cannot be used as it is
    present: tuple[PresentFile, ...]
    versions: tuple[VersionView, ...]  # newest first

    @property
    def last(self) -> VersionView | None:
        return self.versions[0] if self.versions else None


@dataclass(frozen=True)
class FileReport:
    generated_at: str
    journal: JournalState
    folders: tuple[FolderActivity, ...]
    elsewhere: tuple[VersionView, ...] = ()  # versions from folders no longer configured
    recent_s: float = DEFAULT_RECENT_S
    notes: tuple[str, ...] = field(default=())

    @property
    def last(self) -> VersionView | None:
        """The newest version seen in any watched folder."""
        candidates = [f.last for f in self.folders if f.last is not None]
        return max(candidates, key=lambda v: v.id, default=None)

    def unusable(self) -> list[str]:
        """Why no print.txt can be seen, one line per watched folder that is missing or unreadable (or
        that no folder is watched at all); empty when every watched folder can be read."""
        if not self.folders:
            return ["no folder is watched: set [watch] folders"]
        return [f.problem or f.folder for f in self.folders if not f.exists or not f.readable]

    def headline(self) -> tuple[str, str]:
        """(English, Chinese): the answer to "was print.txt written?"."""
        if not self.folders:
            return ("No folder is watched: set [watch] folders to the till's print.txt folder.",
                    "未设置监视文件夹，请在配置 [watch] folders 中填写收银程序的 print.txt 所在文件夹。")
        if not self.journal.exists:
            return ("The app has not recorded anything yet (no journal in the data folder).",
                    "本软件尚未记录任何小票文件（数据文件夹中没有日志库）。")
        last = self.last
        if last is None:
            return ("No print.txt has been recorded from the watched folders.",
                    "监视文件夹中从未记录到 print.txt：收银程序可能没有写文件，或写在别的文件夹。")
        recent = last.age_s is not None and last.age_s <= self.recent_s
        when = f"{last.name} was last written {last.written_at}"
        if last.outcome == FileOutcome.REFUSED:
            return (f"{when}, but it was not a receipt: {last.refusal_reason}.",
                    f"最近一次写入 {last.written_at}，但不是小票（{last.refusal_reason}）。")
        template = last.template or "unknown template"
        order = f", order {last.out_trade_no}" if last.out_trade_no else ""
        en = f"{when} by template {template} ({last.encoding or '?'}{order})"
        zh = f"最近一次写入 {last.written_at}，模板 {template}" + (f"，订单号 {last.out_trade_no}" if last.out_trade_no
                                                             else "")
        if not recent:
            en += f"; nothing in the last {self.recent_s / 60:g} minutes"
            zh += f"；最近 {self.recent_s / 60:g} 分钟内没有写入"
        return en + ".", zh + "。"

    def to_json(self) -> dict[str, Any]:
        en, zh = self.headline()
        last = self.last
        return {
            "generated_at": self.generated_at,
            "headline": en,
            "headline_zh": zh,
            "written_recently": bool(last and last.age_s is not None and last.age_s <= self.recent_s),
            "recent_s": self.recent_s,
            "journal": asdict(self.journal),
            "folders": [asdict(f) for f in self.folders],
            "elsewhere": [asdict(v) for v in self.elsewhere],
            "notes": list(self.notes),
        }

    def to_text(self) -> str:
        en, zh = self.headline()
        lines = [en, zh, ""]
        if self.journal.error:
            lines.append(f"journal: {self.journal.error}")
        for folder in self.folders:
            state = "missing" if not folder.exists else ", ".join(
                ["readable" if folder.readable else "NOT readable", "writable" if folder.writable else "NOT writable"])
            lines.append(f"folder {folder.folder} ({state}); patterns {' '.join(folder.patterns)}")
            if folder.problem:
                lines.append(f"  problem: {folder.problem}")
            if folder.exists:
                if folder.present:
                    lines.append("  there now:")
                    lines.extend(f"    {p.name}  is {p.refused}" if p.refused else
                                 f"    {p.name}  {p.size} bytes  modified {p.modified}" for p in folder.present)
                else:
                    lines.append("  there now: no file matching the patterns")
            if folder.versions:
                lines.append(f"  last {len(folder.versions)} recorded:")
                lines.extend(f"    {v.written_at}  {v.name}  {v.size} B  {v.describe()}" for v in folder.versions)
            else:
                lines.append("  nothing recorded from this folder")
        if self.elsewhere:
            lines.append("recorded from folders no longer watched:")
            lines.extend(f"    {v.written_at}  {v.path}  {v.size} B  {v.describe()}" for v in self.elsewhere)
        lines.extend(f"note: {n}" for n in self.notes)
        return "\n".join(lines) + "\n"


def folder_access(folder: str) -> tuple[bool, bool, bool, str | None]:
    """(exists, readable, writable, problem) of a watched folder."""
    if not os.path.exists(folder):
        return False, False, False, f"{folder} does not exist (the till's folder, or a share not mounted?)"
    if not os.path.isdir(folder):
        return True, False, False, f"{folder} is not a folder"
    try:
        os.listdir(folder)
        readable = True
    except OSError as exc:
        return True, False, os.access(folder, os.W_OK), f"cannot list {folder}: {exc.strerror or exc}"
    writable = os.access(folder, os.W_OK)
    problem = None if writable else f"{folder} is not writable by this user: the till may not be able to write there"
    return True, readable, writable, problem


def present_files(folder: str, matcher: NameMatcher, zone: tzinfo) -> tuple[PresentFile, ...]:
    found: list[PresentFile] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return ()
    for entry in entries:
        if not matcher.matches(entry.name):
            continue
        try:
            st = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        # The watcher reads regular files only: a link, a FIFO ... under a watched name is listed with what
        # it is (it is why a till's receipts may not arrive), a folder is passed over as the watcher does.
        odd = None if entry.is_file(follow_symlinks=False) else not_regular(entry.path)
        if odd is not None and odd[0] == DIRECTORY:
            continue
        modified = local_text(datetime.fromtimestamp(st.st_mtime_ns / 1e9, UTC), zone)
        # A name that is not UTF-8 is shown with its bytes as \xNN (it could not be written out otherwise).
        found.append(PresentFile(display_path(entry.name), st.st_size, modified, odd[1] if odd else None))
    return tuple(sorted(found, key=lambda p: p.name.lower()))


class VersionReader:
    """File versions from a read-only journal, with their receipts' encoding and order number."""

    def __init__(self, journal: ReadOnlyJournal, zone: tzinfo, now: datetime | None = None) -> None:
        self.journal = journal
        self.store = ReceiptStore(journal)
        self.zone = zone
        self.now = now or datetime.now(UTC)

    def recent_ids(self, limit: int, prefix: str | None = None) -> list[tuple[int, str]]:
        """(id, path) of the newest versions, optionally of paths starting with `prefix`."""
        with self.journal.read() as conn:
            if prefix is None:
                rows = conn.execute("SELECT id, path FROM file_versions ORDER BY id DESC LIMIT ?",
                                    (limit,)).fetchall()
            else:
                # A range on the path index: every path that starts with the prefix.
                upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
                rows = conn.execute("SELECT id, path FROM file_versions WHERE path >= ? AND path < ?"
                                    " ORDER BY id DESC LIMIT ?", (prefix, upper, limit)).fetchall()
        return [(int(r["id"]), str(r["path"])) for r in rows]

    def in_folder(self, folder: str, matcher: NameMatcher, last: int) -> list[VersionView]:
        prefix = folder if folder.endswith(os.sep) else folder + os.sep
        ids = [i for i, p in self.recent_ids(last * _SCAN_FACTOR, prefix)
               if same_folder(p, folder) and matcher.matches(os.path.basename(p))]
        return [v for v in (self.view(i) for i in ids[:last]) if v is not None]

    def view(self, version_id: int) -> VersionView | None:
        record = self.store.file_version(version_id)
        return None if record is None else self.view_of(record)

    def view_of(self, record: FileVersionRecord) -> VersionView:
        receipt = self.store.get(record.receipt_id or record.duplicate_of or 0) if (
            record.receipt_id or record.duplicate_of) else None
        seen = _from_iso(record.seen_at)
        written = datetime.fromtimestamp(record.mtime_ns / 1e9, UTC) if record.mtime_ns else seen
        return VersionView(
            id=record.id,
            path=record.path,
            name=os.path.basename(record.path),
            written_at=local_text(written, self.zone) if written else record.seen_at,
            seen_at=local_text(seen, self.zone) if seen else record.seen_at,
            age_s=round((self.now - seen).total_seconds(), 1) if seen else None,
            size=record.size,
            outcome=record.outcome.value,
            refusal_reason=record.refusal_reason if record.outcome is FileOutcome.REFUSED else None,
            refusal_detail=record.refusal_detail if record.outcome is FileOutcome.REFUSED else None,
            template=record.template or (receipt.receipt.template if receipt else None),
            encoding=receipt.receipt.encoding if receipt else None,
            out_trade_no=receipt.receipt.out_trade_no if receipt else None,
            kind=receipt.receipt.kind.value if receipt else None,
            receipt_id=record.receipt_id,
            duplicate_of=record.duplicate_of,
            training=bool(receipt.training) if receipt else False,
            kept_aside_path=record.kept_aside_path,
        )

    def since(self, start: datetime, limit: int = 500) -> list[VersionView]:
        """Versions seen at or after `start`, newest first."""
        bound = start.astimezone(UTC).isoformat(timespec="microseconds")
        with self.journal.read() as conn:
            rows = conn.execute("SELECT id FROM file_versions WHERE seen_at >= ? ORDER BY id DESC LIMIT ?",
                                (bound, limit)).fetchall()
        return [v for v in (self.view(int(r["id"])) for r in rows) if v is not None]


def file_report(watch: WatchSettings, journal_file: Path, *, zone: tzinfo, last: int = 10,
                recent_s: float = DEFAULT_RECENT_S, now: datetime | None = None) -> FileReport:
    """The `cashier-app files` report for the configured folders and patterns."""
    now = now or datetime.now(UTC)
    matcher = NameMatcher(watch.patterns)
    folders = list(dict.fromkeys(os.path.abspath(f) for f in watch.folders))
    state, journal = inspect_journal(journal_file)
    notes: list[str] = []
    if state.schema_version is not None and state.schema_version < 2:
        notes.append("the journal predates the watcher's schema; it is upgraded when the app next starts")
    reader = VersionReader(journal, zone, now) if journal is not None else None
    activities: list[FolderActivity] = []
    elsewhere: list[VersionView] = []
    try:
        for folder in folders:
            exists, readable, writable, problem = folder_access(folder)
            versions: list[VersionView] = []
            if reader is not None:
                try:
                    versions = reader.in_folder(folder, matcher, last)
                except Exception as exc:  # an old or damaged journal: say so, keep the folder facts
                    notes.append(f"cannot read file versions of {folder}: {exc}")
            activities.append(FolderActivity(
                folder=folder, patterns=tuple(watch.patterns), exists=exists, readable=readable,
                writable=writable, problem=problem,
                present=present_files(folder, matcher, zone) if readable else (), versions=tuple(versions)))
        if reader is not None:
            try:
                for version_id, path in reader.recent_ids(max(last, 1) * _SCAN_FACTOR):
                    if not any(same_folder(path, f) for f in folders):
                        view = reader.view(version_id)
                        if view is not None:
                            elsewhere.append(view)
                    if len(elsewhere) >= last:
                        break
            except Exception as exc:
                notes.append(f"cannot read file versions: {exc}")
    finally:
        if journal is not None:
            journal.close()
    return FileReport(generated_at=local_text(now, zone), journal=state, folders=tuple(activities),
                      elsewhere=tuple(elsewhere), recent_s=recent_s, notes=tuple(notes))
