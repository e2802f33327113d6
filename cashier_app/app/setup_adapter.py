"""The setup wizard's view of the app (ui.setup_rows.SetupServices): the configuration file, the
till's folder watched live, printers found and tried, and the platform key.

The wizard's draft is laid over the configuration in place, so what the wizard does not show (a
store's labels, retries, a second printer) is kept. Nothing here keeps a key: it goes from the
wizard's masked field to the OS credential store through PlatformCredentials.
"""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import logging
import os
import re
import threading
from collections.abc import Callable
from datetime import UTC, datetime, tzinfo
from pathlib import Path

from cashier_app.app.config import AppConfig, ConfigError, config_problems, load_config
from cashier_app.app.config_writer import minimal_dict, render, write_config
from cashier_app.app.credentials_adapter import PlatformCredentials
from cashier_app.diagnostics.file_activity import folder_access
from cashier_app.diagnostics.outcomes import Outcome
from cashier_app.diagnostics.printer_check import check_printer, hint_for
from cashier_app.domain.audit import AuditAction
from cashier_app.domain.local_time import CLOCK, MINUTE, store_time, store_zone
from cashier_app.domain.receipt import Refusal
from cashier_app.domain.receipt_parser import parse_receipt
from cashier_app.journal.audit import AuditStore
from cashier_app.platform import rsa_keys
from cashier_app.platform.settings import PlatformSettings
from cashier_app.printing import discovery, faults, network_scan
from cashier_app.printing.connections import describe_target
from cashier_app.printing.direct import send_now
from cashier_app.printing.faults import PrinterFault, fault_text
from cashier_app.printing.settings import PrinterSettings, ProfileSettings
from cashier_app.printing.setup_pages import CHART_BLOCKS, codepage_chart, cutter_test, drawer_test
from cashier_app.printing.test_page import build_test_page
from cashier_app.ui.credentials_dialog import CredentialServices
from cashier_app.ui.setup_rows import (
    ChartChoice,
    FolderLook,
    FoundPrinter,
    PrinterAnswer,
    PrinterDraft,
    ScanOutcome,
    ScanProgress,
    SetupDraft,
    SetupProblem,
    Stoppable,
    WriteResult,
    WriteSeen,
)
from cashier_app.watch.events import FinishedWrite
from cashier_app.watch.files import NameMatcher, read_once
from cashier_app.watch.watcher import FolderWatcher

log = logging.getLogger(__name__)

# The platforms the app speaks, in the order the wizard offers them.
PLATFORM_KINDS = [str(k) for k in next(f for f in dataclasses.fields(PlatformSettings)
                                        if f.name == "kind").metadata["choices"]]
PRINTER_CHECK_S = 2.0
_PRINTER_FIELDS = ("kind", "host", "port", "usb_vendor_id", "usb_product_id", "serial_port", "baudrate",
                   "queue_name", "device_path", "cutter", "drawer_kick", "check_status")


class SetupAdapter:
    """SetupServices over the configuration file at `config_file`.

    With `audit`, what the wizard changes (the settings written, a key or public key stored) goes into
    the audit trail under `actor` (and the manager who approved it): which settings, never a secret.
    """

    def __init__(self, config_file: Path, *, audit: AuditStore | None = None, actor: str = "",
                 approved_by: str | None = None, training: bool = False) -> None:
        self._path = config_file
        self.load_error: str | None = None
        self._base = self._load()
        self._audit = audit
        self._actor = actor
        self._approved_by = approved_by
        self._training = training

    def _load(self) -> AppConfig:
        try:
            return load_config(self._path)
        except ConfigError as exc:
            # The wizard starts from the defaults; the broken file is kept as a backup when it writes.
            self.load_error = str(exc)
            log.warning("setup: the configuration in place cannot be read: %s", exc)
            return AppConfig()

    # -- the draft and the file -----------------------------------------------------------------

    def config_file(self) -> str:
        return str(self._path)

    def has_config(self) -> bool:
        return self._path.exists()

    def draft(self) -> SetupDraft:
        return draft_from(self._base)

    def config_for(self, draft: SetupDraft) -> AppConfig:
        return apply_draft(self._base, draft)

    def problems(self, draft: SetupDraft) -> list[SetupProblem]:
        return [SetupProblem(e.key, str(e).split(": ", 1)[-1]) for e in config_problems(self.config_for(draft))]

    def preview(self, draft: SetupDraft) -> str:
        return render(self.config_for(draft))

    def write(self, draft: SetupDraft) -> WriteResult:
        config = self.config_for(draft)
        found = config_problems(config)
        if found:
            raise found[0]
        changed = _changed_keys(minimal_dict(self._base), minimal_dict(config))
        when = store_time(datetime.now(UTC), store_zone(config.parser.utc_offset), MINUTE)
        written = write_config(self._path, config, note=f"written by the setup wizard, {when}")
        if self._audit is not None:
            self._audit.record(AuditAction.SETTINGS_CHANGED, self._actor or "?", approved_by=self._approved_by,
                               detail=f"setup wizard: {', '.join(changed) or 'nothing changed'}",
                               training=self._training)
        self._base = config
        self.load_error = None
        log.info("setup: configuration written to %s (previous kept as %s)", written.path, written.backup)
        return WriteResult(str(written.path), str(written.backup) if written.backup else None)

    # -- the till's folder ----------------------------------------------------------------------

    def look_at_folders(self, folders: list[str], patterns: list[str]) -> list[FolderLook]:
        matcher = NameMatcher(patterns or ["print*.txt"])
        looks = []
        for folder in folders:
            exists, readable, _writable, problem = folder_access(folder)
            names: list[str] = []
            if readable:
                try:
                    names = sorted(p.name for p in Path(folder).iterdir() if p.is_file())
                except OSError:
                    names = []
            matching = tuple(n for n in names if matcher.matches(n))
            others = tuple(n for n in names if n.lower().endswith(".txt") and not matcher.matches(n))
            looks.append(FolderLook(folder, exists, readable, problem, matching, others))
        return looks

    def watch(self, folders: list[str], patterns: list[str], on_seen: Callable[[WriteSeen], None]) -> Stoppable:
        settings = dataclasses.replace(self._base.watch, folders=list(folders), patterns=list(patterns))
        parser = self._base.parser

        def on_write(write: FinishedWrite) -> None:
            on_seen(seen_from(write, parse_receipt(write.content, parser), store_zone(parser.utc_offset)))

        # Files already there are not news: only writes from now on are reported. Their bytes are
        # read here, before the watcher starts: its first scan runs on its own thread and may come
        # after the till's test payment, which must not pass for a file that was already there.
        there = _hashes_of_files_there(settings.folders, settings.patterns, settings.max_read_bytes)
        watcher = FolderWatcher(settings, on_write, already_seen=there.__contains__)
        watcher.start()
        return watcher

    # -- the printer ----------------------------------------------------------------------------

    def local_printers(self) -> tuple[list[FoundPrinter], list[str]]:
        found: list[FoundPrinter] = []
        notes: list[str] = []
        for item in discovery.serial_ports():
            found.append(FoundPrinter("serial", item.where, item.description, item.verdict,
                                      PrinterDraft(kind="serial", serial_port=item.where)))
        usb, note = discovery.usb_devices()
        for item in usb:
            vendor, product = (int(x, 16) for x in item.where.split(":"))
            found.append(FoundPrinter("usb", item.where, item.description, item.verdict,
                                      PrinterDraft(kind="usb", usb_vendor_id=vendor, usb_product_id=product)))
        queues, queue_note = discovery.system_queues()
        for item in queues:
            found.append(FoundPrinter(item.kind, item.where, item.description, item.verdict,
                                      PrinterDraft(kind=item.kind, queue_name=item.where, check_status=False)))
        notes += [n for n in (note, queue_note) if n]
        return found, notes

    def local_ranges(self) -> list[str]:
        return network_scan.local_subnets()

    def scan(self, ranges: str, port: int, progress: Callable[[ScanProgress], None],
             cancel: threading.Event) -> ScanOutcome:
        specs = [s for s in re.split(r"[\s,;，；]+", ranges) if s]
        if not specs:
            raise ValueError("no address or range to scan")
        targets = network_scan.parse_targets(specs, [port])

        def report(step: network_scan.ScanProgress) -> None:
            progress(ScanProgress(step.done, step.total, tuple(_found_network(f) for f in step.found)))

        result = network_scan.scan(targets, progress=report, cancel=cancel)
        return ScanOutcome(tuple(_found_network(f) for f in result.found), result.probed, result.total,
                           result.cancelled)

    def check_printer(self, printer: PrinterDraft) -> PrinterAnswer:
        settings = printer_settings(printer)
        found = check_printer(settings, PRINTER_CHECK_S)
        ok = found.outcome is Outcome.OK
        return PrinterAnswer(
            ok=ok, code=found.code, text_en=found.text_en, text_zh=found.text_zh,
            hint_en="" if ok else found.hint, hint_zh="" if ok else found.hint_zh, detail=found.detail,
            answers_status=bool(found.raw) and found.state != "unknown",
        )

    def print_page(self, printer: PrinterDraft, page: str) -> PrinterAnswer:
        settings = printer_settings(printer)
        payload = self._page(printer, page)
        try:
            result = send_now(settings, payload)
        except PrinterFault as fault:
            hint, hint_zh = hint_for(fault.code, settings, settings.status_timeout_s)
            return PrinterAnswer(False, fault.code, fault_text(fault.code, "en"), fault_text(fault.code),
                                 hint, hint_zh, fault.detail,
                                 answers_status=fault.status is not None and fault.status.is_known)
        unknown = result.status is not None and not result.status_known
        return PrinterAnswer(
            True, faults.STATUS_UNKNOWN if unknown else "",
            f"sent {result.sent} bytes to {result.target}", f"已发送 {result.sent} 字节到 {result.target}",
            detail=result.status.describe() if result.status is not None else "status not asked",
            answers_status=result.status_known,
        )

    def _page(self, printer: PrinterDraft, page: str) -> bytes:
        if page == "chart":
            return codepage_chart(printer.cutter)
        if page == "cutter":
            return cutter_test()
        if page == "drawer":
            return drawer_test()
        if page == "test":
            draft = SetupDraft(printer=printer)
            config = apply_draft(self._base, draft)
            name = config.printing.default_printer
            target = describe_target(config.printing.printers[name])
            return build_test_page(name, config.printing, target, store_zone(config.parser.utc_offset)).payload
        raise ValueError(f"unknown page {page!r}")

    def chart_choices(self) -> list[ChartChoice]:
        return [ChartChoice(b.number, b.label, b.charset, b.codepage) for b in CHART_BLOCKS]

    # -- the platform ---------------------------------------------------------------------------

    def platform_kinds(self) -> list[str]:
        return list(PLATFORM_KINDS)

    def credentials(self, draft: SetupDraft) -> CredentialServices:
        return _WizardCredentials(apply_draft(self._base, draft).platform, audit=self._audit, actor=self._actor,
                                  approved_by=self._approved_by, training=self._training)

    def public_key_file(self, draft: SetupDraft) -> str | None:
        found = _public_target(apply_draft(self._base, draft).platform)
        return str(found[0]) if found is not None else None

    def save_public_key(self, draft: SetupDraft, text: str) -> str:
        platform = apply_draft(self._base, draft).platform
        found = _public_target(platform)
        if found is None:
            raise ValueError("this platform needs no public key file")
        target, certificates = found
        try:
            if certificates:
                described = ", ".join(f"certificate {c.serial_no}" for c in rsa_keys.load_certificates(text))
            else:
                rsa_keys.load_public_pem(text)
                described = "public key"
        except rsa_keys.KeyFormatError as exc:
            raise ValueError(str(exc)) from None
        target.parent.mkdir(parents=True, exist_ok=True)
        temp = target.with_name(target.name + ".tmp")
        temp.write_text(text.strip() + "\n", encoding="ascii", errors="replace")
        os.replace(temp, target)
        if self._audit is not None:
            self._audit.record(AuditAction.KEY_CHANGED, self._actor or "?", detail=f"{described} written to {target} "
                               "(setup wizard)", approved_by=self._approved_by, training=self._training)
        return f"{described} → {target}"


class _WizardCredentials(PlatformCredentials):
    """A secret typed or pasted into the wizard's one-line field: a PEM loses its line breaks there."""

    def store_key(self, key: str) -> None:
        super().store_key(reflow_pem(key) if self.settings.kind != "mp-v1" else key)


_PEM = re.compile(r"-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \1-----", re.S)


def reflow_pem(text: str) -> str:
    """A PEM block whose line breaks were lost (pasted into one line) as a PEM again; other text as it is."""
    match = _PEM.search(text)
    if match is None:
        return text.strip()
    label, body = match.group(1), "".join(match.group(2).split())
    lines = [body[i:i + 64] for i in range(0, len(body), 64)]
    return "\n".join([f"-----BEGIN {label}-----", *lines, f"-----END {label}-----"]) + "\n"


def _public_target(platform: PlatformSettings) -> tuple[Path, bool] | None:
    """(the file, whether it holds certificates) of the platform's public material, or None for mp-v1."""
    if platform.kind == "wechatpay-v3":
        wechat = platform.wechatpay
        if wechat.public_key_id:
            return platform.file_path(wechat.public_key_file), False
        return platform.file_path(wechat.platform_certificate_file), True
    if platform.kind == "alipay":
        return platform.file_path(platform.alipay.public_key_file), False
    return None


def _changed_keys(before: dict[str, object], after: dict[str, object], prefix: str = "") -> list[str]:
    """The keys whose values differ between two configurations as written (their names, never values)."""
    keys: list[str] = []
    for name in sorted(set(before) | set(after)):
        old, new = before.get(name), after.get(name)
        key = f"{prefix}{name}"
        if isinstance(old, dict) or isinstance(new, dict):  # a table on either side: name what is in it
            keys += _changed_keys(old if isinstance(old, dict) else {}, new if isinstance(new, dict) else {},
                                  f"{key}.")
        elif old != new:
            keys.append(key)
    return keys


def _hashes_of_files_there(folders: list[str], patterns: list[str], max_bytes: int) -> frozenset[str]:
    """The SHA-256 of each matching regular file now in `folders` (unreadable ones are left out)."""
    matcher = NameMatcher(patterns or ["print*.txt"])
    found: set[str] = set()
    for folder in folders:
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        for name in names:
            if not matcher.matches(name):
                continue
            try:
                content = read_once(os.path.join(folder, name), max_bytes).content
            except OSError:
                continue
            if content:
                found.add(hashlib.sha256(content).hexdigest())
    return frozenset(found)


def seen_from(write: FinishedWrite, parsed: object, zone: tzinfo) -> WriteSeen:
    written = store_time(datetime.fromtimestamp(write.mtime_ns / 1e9, UTC), zone, CLOCK)
    if isinstance(parsed, Refusal):
        return WriteSeen(write.path, written, None, None, parsed.reason.value)
    template = getattr(parsed, "template", None)
    return WriteSeen(write.path, written, template, getattr(parsed, "out_trade_no", None), None,
                     getattr(parsed, "encoding", None))


def _found_network(found: network_scan.Found) -> FoundPrinter:
    host, _, port = found.where.rpartition(":")
    return FoundPrinter("network", found.where, found.description, found.verdict,
                        PrinterDraft(kind="network", host=host, port=int(port)))


# -- draft <-> configuration ------------------------------------------------------------------------

def _platform_draft(config: AppConfig) -> dict[str, str]:
    platform, wechat, alipay = config.platform, config.platform.wechatpay, config.platform.alipay
    return {
        "platform_kind": platform.kind, "base_url": platform.base_url, "merchant_no": platform.merchant_no,
        "terminal_no": platform.terminal_no, "wechat_base_url": wechat.base_url, "wechat_mchid": wechat.mchid,
        "wechat_sp_mchid": wechat.sp_mchid, "wechat_sub_mchid": wechat.sub_mchid,
        "wechat_serial_no": wechat.merchant_serial_no, "wechat_public_key_id": wechat.public_key_id,
        "alipay_gateway_url": alipay.gateway_url, "alipay_app_id": alipay.app_id,
    }


def _apply_platform(config: AppConfig, draft: SetupDraft) -> None:
    platform = config.platform
    config.platform = dataclasses.replace(
        platform, kind=draft.platform_kind, base_url=draft.base_url.strip(), merchant_no=draft.merchant_no.strip(),
        terminal_no=draft.terminal_no.strip(),
        wechatpay=dataclasses.replace(
            platform.wechatpay, base_url=draft.wechat_base_url.strip() or platform.wechatpay.base_url,
            mchid=draft.wechat_mchid.strip(), sp_mchid=draft.wechat_sp_mchid.strip(),
            sub_mchid=draft.wechat_sub_mchid.strip(), merchant_serial_no=draft.wechat_serial_no.strip().upper(),
            public_key_id=draft.wechat_public_key_id.strip()),
        alipay=dataclasses.replace(
            platform.alipay, gateway_url=draft.alipay_gateway_url.strip() or platform.alipay.gateway_url,
            app_id=draft.alipay_app_id.strip()),
    )


def draft_from(config: AppConfig) -> SetupDraft:
    printing = config.printing
    name = printing.default_printer
    settings = printing.printers.get(name, PrinterSettings())
    profile = printing.profiles.get(settings.profile, ProfileSettings())
    printer = PrinterDraft(**{f: getattr(settings, f) for f in _PRINTER_FIELDS}, columns=profile.columns,
                           dots=profile.dots, charset=profile.charset, codepage=profile.codepage)
    general = config.general
    return SetupDraft(
        language=general.language, store_name=general.store_name, store_no=general.store_no,
        utc_offset=config.parser.utc_offset, operator=general.operator,
        folders=list(config.watch.folders), patterns=list(config.watch.patterns), mode=general.mode,
        printer_name=name, printer=printer, **_platform_draft(config),
    )


def apply_draft(base: AppConfig, draft: SetupDraft) -> AppConfig:
    """A copy of `base` with the draft's settings in it."""
    config = copy.deepcopy(base)
    general = config.general
    general.language, general.store_name, general.store_no = draft.language, draft.store_name, draft.store_no
    general.operator, general.mode = draft.operator, draft.mode
    config.parser.utc_offset = draft.utc_offset
    config.watch.folders = [f.strip() for f in draft.folders if f.strip()]
    config.watch.patterns = [p.strip() for p in draft.patterns if p.strip()] or ["print*.txt"]
    printing = config.printing
    name = draft.printer_name or "receipt"
    current = printing.printers.get(name) or printing.printers.get(printing.default_printer) or PrinterSettings()
    profile = profile_for(printing.profiles, draft.printer, current.profile)
    printing.profiles.setdefault(profile, _profile_settings(draft.printer))
    printer = dataclasses.replace(current, profile=profile,
                                  **{f: getattr(draft.printer, f) for f in _PRINTER_FIELDS})
    printing.printers = {**{k: v for k, v in printing.printers.items() if k != name}, name: printer}
    printing.default_printer = name
    _apply_platform(config, draft)
    return config


def _profile_settings(printer: PrinterDraft) -> ProfileSettings:
    single = printer.charset.startswith("cp")
    return ProfileSettings(columns=printer.columns, dots=printer.dots, charset=printer.charset,
                           codepage=printer.codepage if single else 0)


def profile_for(profiles: dict[str, ProfileSettings], printer: PrinterDraft, current: str = "") -> str:
    """The profile for the draft's paper and character set: the current one, a built-in one, or a new name."""
    wanted = _profile_settings(printer)

    def same(found: ProfileSettings) -> bool:
        return (found.columns, found.dots, found.charset, found.codepage) == (
            wanted.columns, wanted.dots, wanted.charset, wanted.codepage)

    if current in profiles and same(profiles[current]):
        return current
    for name, found in profiles.items():
        if same(found):
            return name
    mm = "58" if printer.columns <= 32 else "80"
    name = f"{mm}-{printer.columns}-{printer.charset}" if printer.columns == 42 else f"{mm}-{printer.charset}"
    candidate, number = name, 2
    while candidate in profiles and not same(profiles[candidate]):
        candidate, number = f"{name}-{number}", number + 1
    return candidate


def printer_settings(printer: PrinterDraft) -> PrinterSettings:
    """The draft as printer settings, with the short time limits of a technician's tries."""
    return PrinterSettings(**{f: getattr(printer, f) for f in _PRINTER_FIELDS}, timeout_s=3.0, status_timeout_s=0.5)
