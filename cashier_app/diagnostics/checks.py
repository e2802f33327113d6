"""`cashier-app diagnose`: every check a field technician runs first, each ok / warning / fault.

The app passes what the checks need in `DiagnosisInputs` (the configuration as a dict, the parts'
settings, the folders); nothing here knows the composition root. Checks that wait on the network
(printers, the platform) run side by side with short time limits, so a dead printer and an
unreachable platform cost seconds, not minutes.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any

from cashier_app.domain.local_time import store_time, store_zone
from cashier_app.domain.receipt_labels import ParserSettings
from cashier_app.journal.print_jobs import HELD, PENDING, PrintJobRecord, PrintJobStore
from cashier_app.platform.credentials import account_name
from cashier_app.platform.results import REFUSED_CAUSES
from cashier_app.platform.settings import PlatformSettings
from cashier_app.printing.settings import PrintingSettings
from cashier_app.watch.settings import WatchSettings

from .file_activity import DEFAULT_RECENT_S, FileReport, file_report
from .hints_zh import HINTS_ZH, TITLES_ZH
from .journal_access import JournalState, ReadOnlyJournal, inspect_journal
from .outcomes import CheckResult, Outcome, Report
from .platform_probe import (
    MAX_SKEW_S,
    WARN_SKEW_S,
    KeyLookup,
    PlatformProbe,
    look_up_key,
    platform_url,
    probe_platform,
)
from .printer_check import PrinterCheck, check_printer
from .system_info import PINNED, check_fonts, check_writable, disk_space, versions

log = logging.getLogger(__name__)

DISK_FAULT_BYTES = 100 * 1024 * 1024
DISK_WARN_BYTES = 500 * 1024 * 1024
QUEUE_STUCK_S = 600.0  # a job waiting longer than this needs a person


@dataclass
class DiagnosisInputs:
    """What the app hands to the diagnosis. `config` is the effective configuration as a dict."""

    config_file: Path
    config: dict[str, Any]
    watch: WatchSettings
    printing: PrintingSettings
    platform: PlatformSettings
    data_dir: Path
    log_dir: Path
    journal_file: Path
    config_error: str | None = None
    mode: str = "print"
    training: bool = False
    printer_timeout_s: float = 2.0
    platform_timeout_s: float = 3.0
    keyring_timeout_s: float = 3.0
    recent_s: float = DEFAULT_RECENT_S
    network: bool = True  # False: neither printers nor the platform are contacted
    # Demo and training: the sandbox's key (the running app's), instead of the OS credential store's.
    key_provider: Callable[[], str] | None = None
    # The store's clock ([parser] utc_offset): every time the report shows is on it.
    zone: tzinfo = field(default_factory=lambda: store_zone(ParserSettings().utc_offset))


@dataclass
class Diagnosis:
    """The report, and what the bundle needs besides it. The stored key never leaves this object."""

    report: Report
    files: FileReport
    journal: JournalState
    printers: dict[str, PrinterCheck] = field(default_factory=dict)
    key: KeyLookup | None = None
    probe: PlatformProbe | None = None

    def secrets(self) -> list[str]:
        """Values that must never appear in a bundle."""
        return [self.key.key] if self.key is not None and self.key.key else []


def _check(  # noqa: PLR0917 - reads as the sentence it builds: id, title, outcome, words, hint
        check_id: str, title: str, outcome: Outcome, message: str, zh: str, hint: str = "", **details: Any,
) -> CheckResult:
    return CheckResult(check_id, title, outcome, message, zh, hint, details, HINTS_ZH.get(hint, ""),
                       TITLES_ZH.get(check_id, ""))


def run_diagnosis(inputs: DiagnosisInputs, now: datetime | None = None) -> Diagnosis:
    now = now or datetime.now(UTC)
    with ThreadPoolExecutor(max_workers=4, thread_name_prefix="diagnose") as pool:
        # Slow, independent, network-bound: started first, collected last.
        printer_futures = {name: pool.submit(check_printer, settings, inputs.printer_timeout_s)
                           for name, settings in inputs.printing.printers.items()} if inputs.network else {}
        platform_future = pool.submit(_platform_part, inputs)

        checks: list[CheckResult] = [config_check(inputs)]
        checks += [folder_check("data_folder", "Data folder", inputs.data_dir),
                   folder_check("log_folder", "Log folder", inputs.log_dir)]
        checks.append(disk_check(inputs.data_dir))
        state, journal = inspect_journal(inputs.journal_file)
        checks.append(journal_check(state))
        files = file_report(inputs.watch, inputs.journal_file, zone=inputs.zone, last=10, recent_s=inputs.recent_s,
                            now=now)
        checks.append(watch_folders_check(files))
        checks.append(print_txt_check(files))
        try:
            checks.append(queue_check(journal, now, inputs.zone))
            checks.append(reconcile_check(journal, inputs.training, inputs.zone))
        finally:
            if journal is not None:
                journal.close()

        printers: dict[str, PrinterCheck] = {}
        for name, future in printer_futures.items():
            printers[name] = future.result()
            checks.append(printer_result(name, printers[name], name == inputs.printing.default_printer))
        if not inputs.network:
            checks.append(_check("printers", "Printers", Outcome.WARNING, "not checked (network checks were off)",
                                 "未检查打印机"))
        key, probe, platform_checks = platform_future.result()
    checks += platform_checks
    checks.append(system_check())
    checks.append(fonts_check())
    return Diagnosis(Report(tuple(checks), zone=inputs.zone), files, state, printers, key, probe)


# -- configuration and folders --------------------------------------------------------------------

def config_check(inputs: DiagnosisInputs) -> CheckResult:
    path = inputs.config_file
    if inputs.config_error:
        return _check("config", "Configuration", Outcome.FAULT,
                      f"{inputs.config_error} (the other checks used the built-in defaults)",
                      f"配置文件有错误：{path}", "Correct the named setting, then run `cashier-app config check`.",
                      file=str(path), exists=path.exists())
    if not path.exists():
        return _check("config", "Configuration", Outcome.WARNING,
                      f"no configuration file at {path}: every setting is a built-in default",
                      "没有配置文件，正在使用默认设置",
                      "Run the setup wizard (Settings → Setup wizard…), or write the store's settings to that file.",
                      file=str(path), exists=False)
    return _check("config", "Configuration", Outcome.OK, f"{path} is valid", "配置文件正常",
                  file=str(path), exists=True, mode=inputs.mode)


def folder_check(check_id: str, title: str, folder: Path) -> CheckResult:
    found = check_writable(folder)
    if found.exists and found.writable:
        return _check(check_id, title, Outcome.OK, found.detail, "文件夹可写",
                      path=found.path)
    if not found.exists and found.writable:
        return _check(check_id, title, Outcome.WARNING, found.detail, "文件夹尚未创建（软件启动时会创建）",
                      path=found.path)
    return _check(check_id, title, Outcome.FAULT, found.detail, "文件夹无法写入，软件无法保存记录",
                  "Give this user write access to the folder, or set general.data_dir to a writable one.",
                  path=found.path)


def disk_check(data_dir: Path) -> CheckResult:
    space = disk_space(data_dir)
    if space is None:
        return _check("disk_space", "Disk space", Outcome.WARNING, f"cannot tell the free space for {data_dir}",
                      "无法获取磁盘剩余空间")
    free_mb = space.free_bytes / 1024 / 1024
    details: dict[str, Any] = {"path": space.path, "free_bytes": space.free_bytes, "total_bytes": space.total_bytes}
    message = f"{free_mb:,.0f} MB free of {space.total_bytes / 1024 ** 3:,.1f} GB on the disk of {space.path}"
    if space.free_bytes < DISK_FAULT_BYTES:
        return _check("disk_space", "Disk space", Outcome.FAULT, message, "磁盘空间不足，记录可能无法保存",
                      "Free disk space: the journal must be able to grow.", **details)
    if space.free_bytes < DISK_WARN_BYTES:
        return _check("disk_space", "Disk space", Outcome.WARNING, message, "磁盘空间偏少",
                      "Free some disk space soon.", **details)
    return _check("disk_space", "Disk space", Outcome.OK, message, "磁盘空间充足", **details)


def journal_check(state: JournalState) -> CheckResult:
    details = asdict(state)
    if not state.exists:
        return _check("journal", "Journal", Outcome.WARNING, f"no journal at {state.path} yet (the app has not run "
                      "with this data folder)", "尚无记录数据库（软件尚未在此数据文件夹运行过）", **details)
    if state.error or state.schema_version is None:
        return _check("journal", "Journal", Outcome.FAULT, f"{state.path} cannot be read: {state.error}",
                      "记录数据库无法读取", "Keep a copy of the file for the developers; do not delete it.", **details)
    if state.schema_version > state.newest_known:
        return _check("journal", "Journal", Outcome.FAULT,
                      f"schema {state.schema_version} was written by a newer app version (this one knows "
                      f"{state.newest_known})", "记录数据库由更新版本的软件创建", "Install the newer version again.",
                      **details)
    if state.schema_version < state.newest_known:
        return _check("journal", "Journal", Outcome.OK,
                      f"opens, schema {state.schema_version}; upgraded to {state.newest_known} when the app next "
                      "starts", "记录数据库正常（下次启动时升级）", **details)
    return _check("journal", "Journal", Outcome.OK, f"opens, schema {state.schema_version}, "
                  f"{(state.size_bytes or 0) / 1024 / 1024:,.1f} MB", "记录数据库正常", **details)


def watch_folders_check(files: FileReport) -> CheckResult:
    if not files.folders:
        return _check("watch_folders", "Watched folders", Outcome.WARNING,
                      "no folder is watched, so no print.txt can be seen", "未设置监视文件夹",
                      "Set [watch] folders to the folder the till writes print.txt into.", folders=[])
    details = [{"folder": f.folder, "exists": f.exists, "readable": f.readable, "writable": f.writable,
                "files_now": [p.name for p in f.present]} for f in files.folders]
    missing = [f for f in files.folders if not f.exists or not f.readable]
    if missing:
        return _check("watch_folders", "Watched folders", Outcome.FAULT,
                      "; ".join(f.problem or f.folder for f in missing), "监视文件夹不存在或无法读取",
                      "Check the path in [watch] folders against where the till writes print.txt (a network share "
                      "must be mounted).", folders=details)
    unwritable = [f for f in files.folders if not f.writable]
    if unwritable:
        return _check("watch_folders", "Watched folders", Outcome.WARNING,
                      "; ".join(f.problem or f.folder for f in unwritable), "监视文件夹当前用户不可写",
                      "The till must be able to write there; check it runs as a user that may.", folders=details)
    odd = [f"{os.path.join(f.folder, p.name)} is {p.refused}" for f in files.folders for p in f.present if p.refused]
    if odd:
        # The watcher refuses them (a link to a private file, a FIFO that would block a reader): a till
        # writing through one never gets its receipts printed.
        return _check("watch_folders", "Watched folders", Outcome.WARNING, "; ".join(odd),
                      "监视文件夹里有同名的链接、管道或设备，本程序不会读取",
                      "Remove it: the till must write a regular file under that name.", folders=details)
    return _check("watch_folders", "Watched folders", Outcome.OK,
                  f"{len(files.folders)} folder(s) exist and can be read: "
                  + ", ".join(f.folder for f in files.folders),
                  "监视文件夹正常", folders=details)


def print_txt_check(files: FileReport) -> CheckResult:
    en, zh = files.headline()
    data = files.to_json()
    details = {"written_recently": data["written_recently"], "last": asdict(files.last) if files.last else None}
    last = files.last
    if not files.folders:
        return _check("print_txt", "Recent print.txt activity", Outcome.WARNING, en, zh,
                      "Set [watch] folders first.", **details)
    if last is None:
        return _check("print_txt", "Recent print.txt activity", Outcome.WARNING, en, zh,
                      "Take a test payment and run `cashier-app files`: if nothing appears, the till writes "
                      "elsewhere or under another name (see [watch] patterns).", **details)
    if last.outcome == "refused":
        return _check("print_txt", "Recent print.txt activity", Outcome.WARNING, en, zh,
                      "The last file was kept aside, not printed: see `cashier-app files` for the reason.", **details)
    # Quiet hours are normal (no payments, no print.txt): old activity is not a fault by itself.
    return _check("print_txt", "Recent print.txt activity", Outcome.OK, en, zh, **details)


# -- printing -----------------------------------------------------------------------------------------

def printer_result(name: str, found: PrinterCheck, is_default: bool) -> CheckResult:
    role = " (default)" if is_default else ""
    message = f"{found.target}: {found.text_en}" + (f" ({found.detail})" if found.outcome is not Outcome.OK else "")
    problem = found.outcome is not Outcome.OK
    return CheckResult(f"printer:{name}", f"Printer {name}{role}", found.outcome, message,
                       f"打印机 {name}：{found.text_zh}", found.hint if problem else "",
                       found.to_json(), found.hint_zh if problem else "",
                       f"打印机 {name}" + ("（默认）" if is_default else ""))


def queue_check(journal: ReadOnlyJournal | None, now: datetime, zone: tzinfo) -> CheckResult:
    if journal is None:
        return _check("print_queue", "Print queue", Outcome.OK, "no journal: no print jobs", "没有打印任务")
    try:
        pending = PrintJobStore(journal).list_jobs(PENDING)
    except Exception as exc:
        return _check("print_queue", "Print queue", Outcome.WARNING, f"print jobs cannot be read: {exc}",
                      "无法读取打印队列")
    held = [j for j in pending if j.state == HELD]
    parked = [j for j in held if j.parked]
    oldest = min(pending, key=lambda j: j.created_at, default=None)
    age = _age_s(oldest.created_at, now) if oldest else None
    details: dict[str, Any] = {"pending": len(pending), "held": [_job_summary(j) for j in held], "parked": len(parked),
               "oldest_pending": oldest.created_at if oldest else None, "oldest_age_s": age}
    if not pending:
        return _check("print_queue", "Print queue", Outcome.OK, "no job waiting", "打印队列为空", **details)
    where = ", ".join(sorted({f"{j.printer}: {j.fault_code or '?'}" for j in held}))
    message = (f"{len(pending)} job(s) waiting, {len(held)} held" + (f" ({where})" if where else "")
               + (f", oldest from {store_time(oldest.created_at, zone)}" if oldest else ""))
    if parked or (age is not None and age > QUEUE_STUCK_S):
        return _check("print_queue", "Print queue", Outcome.FAULT, message,
                      f"有 {len(pending)} 张小票等待打印，需要处理",
                      "Fix the printer named above; then retry or move the held jobs (printer jobs --held).",
                      **details)
    if held:
        return _check("print_queue", "Print queue", Outcome.WARNING, message,
                      f"有 {len(held)} 张小票因打印机故障暂停，修好后会自动打印",
                      "Fix the printer; held jobs resume by themselves.", **details)
    return _check("print_queue", "Print queue", Outcome.OK, message, "小票正在打印", **details)


def _job_summary(job: PrintJobRecord) -> dict[str, Any]:
    return {"id": job.id, "printer": job.printer, "fault_code": job.fault_code, "last_error": job.last_error,
            "held_at": job.held_at, "parked": job.parked, "receipt_id": job.receipt_id}


def reconcile_check(journal: ReadOnlyJournal | None, training: bool, zone: tzinfo) -> CheckResult:
    if journal is None:
        return _check("reconcile", "Reconciliation", Outcome.OK, "no journal yet", "尚无对账记录")
    try:
        from cashier_app.reconcile.status import read_status

        status = read_status(journal, training=training)
    except Exception as exc:
        return _check("reconcile", "Reconciliation", Outcome.WARNING, f"status cannot be read: {exc}",
                      "无法读取对账状态")
    details = status.to_json()
    open_cases = sum(status.open_cases.values())
    if status.outage is not None:
        outage = status.outage
        if outage.reason in REFUSED_CAUSES:
            # It answers, and refuses this till: naming it "unreachable" would send the technician to the network.
            return _check("reconcile", "Reconciliation", Outcome.FAULT,
                          f"the platform has refused this till since {store_time(outage.since, zone)} "
                          f"({outage.reason}: {outage.detail}; {outage.failures} failed poll(s))",
                          "对账中断：平台拒绝本机（密钥、时钟或终端登记）", "See the platform check below.", **details)
        return _check("reconcile", "Reconciliation", Outcome.WARNING,
                      f"the platform has not answered reconciliation since {store_time(outage.since, zone)} "
                      f"({outage.reason}: {outage.detail}; {outage.failures} failed poll(s))",
                      "对账中断：平台无法访问", "See the platform check below.", **details)
    last = status.last_poll or {}
    when = store_time(last["at"], zone) if isinstance(last.get("at"), str) else "never"
    message = f"{open_cases} open case(s); last poll {when}" + ("" if last.get("ok", True) else " (failed)")
    return _check("reconcile", "Reconciliation", Outcome.OK, message, f"对账正常，未处理异常 {open_cases} 个",
                  **details)


# -- platform -----------------------------------------------------------------------------------------

def _platform_part(inputs: DiagnosisInputs) -> tuple[KeyLookup, PlatformProbe | None, list[CheckResult]]:
    if inputs.key_provider is not None:
        # Demo and training sign with the sandbox's key, never the store's.
        key = KeyLookup(account_name(inputs.platform), "the sandbox's key (demo or training)", None, True,
                        key=inputs.key_provider())
    else:
        key = look_up_key(inputs.platform, inputs.keyring_timeout_s)
    checks = [credentials_check(key)]
    probe = None
    if key.key and inputs.network:
        probe = probe_platform(inputs.platform, key.key, inputs.platform_timeout_s)
    checks.append(platform_check(inputs.platform, key, probe, inputs.network))
    checks.append(clock_check(probe, key, inputs.network))
    return key, probe, checks


def credentials_check(key: KeyLookup) -> CheckResult:
    details: dict[str, Any] = {"account": key.account, "backend": key.backend, "key_present": key.present,
               "backend_warning": key.backend_warning, "store_kind": key.store_kind,
               "store_location": key.store_location}
    if key.error:
        return _check("credentials", "Platform credentials", Outcome.FAULT,
                      f"the credential store cannot be used: {key.error}", "系统凭据库无法使用",
                      "See the message: unlock or install a credential store.", error_code=key.error_code, **details)
    if not key.present:
        return _check("credentials", "Platform credentials", Outcome.WARNING,
                      f"no API key stored for {key.account} in {key.backend}: order lookup, sync and "
                      "reconciliation cannot work", "未保存平台密钥，无法查单、补单和对账",
                      "Store the terminal's key: Settings → Platform key…, or `cashier-app credentials set`.",
                      **details)
    if key.store_kind == "file":
        # A supported store for tills without one of their own, and a weaker one: said as it is.
        return _check("credentials", "Platform credentials", Outcome.WARNING,
                      f"a key is stored for {key.account} in this app's key file {key.store_location}, protected "
                      "only by this user account's file permissions (not encrypted)",
                      "已保存平台密钥，存放在本程序的密钥文件中（仅靠本用户的文件权限保护，未加密）",
                      "Where the till has a desktop session, prefer the system's credential store "
                      "([platform] key_storage = \"system\") and store the key again.", **details)
    if key.backend_warning:
        return _check("credentials", "Platform credentials", Outcome.WARNING,
                      f"a key is stored for {key.account}, but {key.backend_warning}",
                      "已保存平台密钥，但存放在备用存储中（非系统凭据库）",
                      "Install or unlock the system's credential store, then store the key again.", **details)
    return _check("credentials", "Platform credentials", Outcome.OK,
                  f"a key is stored for {key.account} in {key.backend}", "平台密钥已保存", **details)


_PLATFORM_CODES: dict[str, tuple[Outcome, str, str, str]] = {
    "SUCCESS": (Outcome.OK, "answers and accepts this terminal's signature", "平台连接正常", ""),
    "TIMESTAMP_EXPIRED": (Outcome.FAULT, "answers, but rejects the request's time: this computer's clock is wrong",
                          "平台拒绝请求：电脑时间不准", "Set this computer's clock (see the clock check)."),
    "SIGN_ERROR": (Outcome.FAULT, "answers, but rejects the signature: the stored key is not this terminal's key",
                   "平台拒绝签名：保存的密钥不正确", "Store the right key with `cashier-app credentials set`."),
    "NONCE_REPLAYED": (Outcome.WARNING, "answers, but saw the request's nonce before", "平台认为请求重复",
                       "Run the diagnosis again."),
    "TERMINAL_NOT_BOUND": (Outcome.FAULT, "answers, but this terminal is not registered with the platform",
                           "此收银终端未在平台登记", "Check merchant_no and terminal_no with the platform's staff."),
    "FREQUENCY_LIMITED": (Outcome.WARNING, "answers, but asks to slow down", "平台限流", ""),
    "SYSTEM_ERROR": (Outcome.WARNING, "answers with a system error", "平台内部错误", "Try again later."),
    "CHANNEL_ERROR": (Outcome.WARNING, "answers, but a payment channel did not", "支付渠道无响应", "Try again later."),
    "MAINTENANCE": (Outcome.WARNING, "is under maintenance", "平台维护中", "Try again later."),
}


def platform_check(settings: PlatformSettings, key: KeyLookup, probe: PlatformProbe | None,
                   network: bool) -> CheckResult:
    base = {"platform": settings.kind, "base_url": platform_url(settings), "merchant_no": settings.merchant_no,
            "terminal_no": settings.terminal_no}
    if probe is None:
        why = "network checks were off" if not network else "no API key is stored"
        return _check("platform", "Merchant platform", Outcome.WARNING, f"not checked: {why}",
                      "未检查平台连接", **base)
    details = {**base, **asdict(probe)}
    if not probe.reached:
        if probe.code == "bad_signature" and probe.http_status == 401:
            # It answered, and refused this till: the platform signs its refusal with the terminal's real
            # key, so ours cannot verify it (StateUnknown.cause says the same: key_rejected). Not "unreachable".
            message = (f"{platform_url(settings)} answers, but rejects this till's key: {probe.detail}; the stored "
                       "key is not this terminal's key")
            return _check("platform", "Merchant platform", Outcome.FAULT, message, "平台拒绝本机的商户密钥",
                          "Store the right key with `cashier-app credentials set`.", **details)
        if probe.code == "bad_signature":
            message = (f"{platform_url(settings)}: {probe.detail}; the answer is not signed with the stored key "
                       "(a wrong key, or not the platform: a proxy or a login page in between?)")
            return _check("platform", "Merchant platform", Outcome.FAULT, message,
                          "平台应答的签名无效（密钥不对，或中间有代理、登录页）", "Check the stored key and base_url.",
                          **details)
        message = f"{platform_url(settings)} cannot be reached: {probe.detail}"
        hint = "Check the network, base_url and proxy_url; is the platform up?"
        return _check("platform", "Merchant platform", Outcome.FAULT, message, "无法连接商户平台", hint, **details)
    outcome, text, zh, hint = _PLATFORM_CODES.get(
        probe.code or "", (Outcome.WARNING, f"answers with an unexpected code {probe.code}", "平台返回异常", ""))
    # WeChat Pay and Alipay answer through their adapter, which says what came back in its own words.
    answered = f"HTTP {probe.http_status} {probe.code}" if probe.http_status is not None else probe.detail
    message = f"{platform_url(settings)} {text} ({answered}, {probe.elapsed_ms:.0f} ms)"
    return _check("platform", "Merchant platform", outcome, message, zh, hint, **details)


def clock_check(probe: PlatformProbe | None, key: KeyLookup, network: bool) -> CheckResult:
    local_now = datetime.now().astimezone()
    details: dict[str, Any] = {"local_time": local_now.isoformat(timespec="seconds"), "limit_s": MAX_SKEW_S}
    if probe is None or probe.skew_s is None:
        why = ("network checks were off" if not network else "no API key is stored" if not key.key
               else "no signed answer from the platform")
        return _check("clock", "Clock", Outcome.WARNING, f"skew against the platform not measured: {why}",
                      "未能与平台对时", **details)
    skew = probe.skew_s
    details["skew_s"] = skew
    direction = "behind" if skew > 0 else "ahead of"
    message = f"this computer's clock is {abs(skew):.0f} s {direction} the platform's"
    if abs(skew) > MAX_SKEW_S:
        return _check("clock", "Clock", Outcome.FAULT, f"{message}: beyond the {MAX_SKEW_S} s the platform accepts, "
                      "so every request is rejected", f"电脑时间与平台相差 {abs(skew):.0f} 秒，平台会拒绝所有请求",
                      "Set the clock and time zone, and turn on automatic time synchronisation.", **details)
    if abs(skew) > WARN_SKEW_S:
        return _check("clock", "Clock", Outcome.WARNING, message, f"电脑时间与平台相差 {abs(skew):.0f} 秒",
                      "Turn on automatic time synchronisation.", **details)
    return _check("clock", "Clock", Outcome.OK, message, "电脑时间准确", **details)


# -- this computer ------------------------------------------------------------------------------------

def system_check() -> CheckResult:
    info = versions()
    packages = info["packages"]
    qt = packages.get("PySide6-Essentials") or packages.get("PySide6")
    escpos = packages.get("python-escpos")
    message = (f"{info['os']}, Python {info['python']}, PySide6 {qt or 'not installed'}, "
               f"python-escpos {escpos or 'not installed'}, app {info['cashier_app']}")
    problems: list[str] = []
    if escpos is None or not escpos.startswith(PINNED["python-escpos"]):
        problems.append(f"python-escpos {escpos or 'missing'} (the app is built for {PINNED['python-escpos']})")
    if qt is None:
        problems.append("PySide6 is not installed (no window; headless only)")
    if problems:
        return _check("system", "System", Outcome.WARNING, f"{message}; " + "; ".join(problems), "软件组件版本不符",
                      "Reinstall the app with its installer.", **info)
    return _check("system", "System", Outcome.OK, message, "系统环境正常", **info)


def fonts_check() -> CheckResult:
    found = check_fonts()
    details = asdict(found)
    if found.renders_hanzi:
        return _check("fonts", "Fonts for receipt pictures", Outcome.OK, found.detail, "中文字体正常", **details)
    return _check("fonts", "Fonts for receipt pictures", Outcome.WARNING, found.detail,
                  "缺少中文字体，小票图片中的汉字会显示为方框",
                  "Install a CJK font (e.g. WenQuanYi Micro Hei or Noto Sans CJK), or set CASHIER_APP_CJK_FONT.",
                  **details)


# -- helpers ------------------------------------------------------------------------------------------

def _age_s(utc_iso: str, now: datetime) -> float | None:
    try:
        moment = datetime.fromisoformat(utc_iso)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return round((now - moment) / timedelta(seconds=1), 1)



