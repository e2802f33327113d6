"""Setting a printer up: can it be reached, what does it say about itself, and what to do about it.

`check_printer` is what the UI's printer setup page and `cashier-app diagnose` call. It opens the
printer with a short time limit, asks `DLE EOT 1..4` when the printer is set to answer status, and
turns the outcome into a hint in plain words. Silence is "unknown", never "fine"
(specs/escpos.md). System queues are asked through `lpstat` (or the Windows spooler) rather than
opened, since opening one starts a print job.
"""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from typing import Any

from cashier_app.domain import printer_faults
from cashier_app.printing import faults
from cashier_app.printing.connections import close_quietly, describe_target, open_connection
from cashier_app.printing.faults import PrinterFault, fault_text
from cashier_app.printing.settings import PrinterSettings
from cashier_app.printing.status import PrinterState, PrinterStatus, can_read_status, probe_status

from .outcomes import Outcome

# What is not a fault of the printer but still not "ready" (worded with the faults).
STATUS_NOT_ASKED = printer_faults.STATUS_NOT_ASKED
PAPER_NEAR_END = printer_faults.PAPER_NEAR_END


@dataclass(frozen=True)
class PrinterCheck:
    """What checking one printer found.

    `code` is "" when the printer is ready, else a fault code of printing.faults (or one of the
    pseudo-codes above); `detail` is technical English; `hint` says what to do, in plain words.
    """

    reachable: bool
    code: str
    detail: str
    hint: str
    hint_zh: str = ""
    state: str = PrinterState.UNKNOWN.value
    target: str = ""
    can_print: bool = False
    flags: tuple[str, ...] = ()
    raw: dict[str, str] = field(default_factory=dict)

    @property
    def outcome(self) -> Outcome:
        if self.code == "" and self.can_print:
            return Outcome.OK
        if self.code in (PAPER_NEAR_END, STATUS_NOT_ASKED, faults.STATUS_UNKNOWN) and self.reachable:
            return Outcome.WARNING  # it may well print, but nobody can say it will
        return Outcome.FAULT

    @property
    def text_zh(self) -> str:
        return fault_text(self.code or printer_faults.OK, "zh_CN")

    @property
    def text_en(self) -> str:
        return fault_text(self.code or printer_faults.OK, "en")

    def to_json(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["outcome"] = self.outcome.value
        return data


def hint_for(code: str, settings: PrinterSettings, timeout_s: float) -> tuple[str, str]:
    """(English, Chinese) advice for a fault code, for this kind of printer."""
    target = describe_target(settings)
    if code == faults.NOT_CONNECTED:
        return _not_connected_hint(settings, target)
    if code == faults.NOT_A_PRINTER:
        return _not_a_printer_hint(settings, target)
    return printer_faults.advice(code, timeout_s) or (f"See the detail ({target}).", f"请查看详细信息（{target}）。")


def _not_a_printer_hint(settings: PrinterSettings, target: str) -> tuple[str, str]:
    if settings.kind == "serial":
        return (
            f"Something answers on {target}, but not as an ESC/POS printer: the baud rate most likely does not "
            "match the printer's (see its self-test page), or another device is on this port.",
            f"{target} 有回应，但不是小票打印机的回应：多半是波特率与打印机不一致（见自检页），"
            "或该串口接的是其他设备。")
    return (
        f"The device at {target} answers, but it is not an ESC/POS receipt printer (a computer, a router or a "
        "label printer may use this address or port). Find the printer's real IP address on its self-test page "
        "(hold FEED while switching it on) or with the network scan, and set host and port to it.",
        f"{target} 上的设备有回应，但不是小票打印机（可能是电脑、路由器或其他设备占用了该地址/端口）。"
        "请打印自检页（按住走纸键开机）查看打印机真正的 IP 地址，或用网络扫描查找，然后改正地址和端口。")


def _not_connected_hint(settings: PrinterSettings, target: str) -> tuple[str, str]:
    kind = settings.kind
    if kind == "network":
        return (
            f"Nothing answered at {target}. Check that the printer is switched on and its network cable is "
            f"plugged in (link light on), that its IP address is {settings.host} (print its self-test page by "
            f"holding FEED while switching it on) and that it listens on port {settings.port}"
            f"{'' if settings.port == 9100 else ' (printers usually use 9100)'}; "
            "check that this computer is on the same network.",
            f"无法连接打印机 {target}：请确认打印机已开机、网线已插好（网口灯亮）、IP 地址为 {settings.host}"
            f"（按住走纸键开机可打印自检页查看）、端口为 {settings.port}（通常为 9100），且电脑与打印机在同一网络。")
    if kind == "usb":
        return (
            f"The USB printer {target} was not found or could not be opened. Check that it is switched on and "
            "the USB cable is plugged in at both ends; check the vendor and product ids (cashier-app printer "
            "discover); on Windows prefer kind = \"win32raw\" with the vendor's driver.",
            f"找不到 USB 打印机 {target}：请确认已开机、USB 线两端已插好，核对厂商/产品编号；"
            "Windows 上建议使用 win32raw 配合厂商驱动。")
    if kind == "serial":
        return (
            f"The serial port {target} could not be opened. Check the port name (cashier-app printer discover), "
            "that no other program (the till's own printing) holds the port, the cable, and that the baud rate "
            "matches the printer's self-test page.",
            f"无法打开串口 {target}：核对串口号、是否被其他程序（如收银程序）占用、连接线，"
            "以及波特率是否与自检页一致。")
    if kind == "file":
        return (
            f"The device {target} could not be opened: check the path, that the printer is switched on and "
            "plugged in, and that this user may write to the device.",
            f"无法打开设备 {target}：检查路径、打印机是否开机并连接，以及当前用户是否有写权限。")
    return (
        f"The system print queue {settings.queue_name or '(default)'} is missing or not accepting jobs: check "
        "it in the system's printer settings, and that the printer is switched on and plugged in.",
        f"系统打印队列 {settings.queue_name or '（默认）'} 不存在或未接受任务："
        "请在系统打印机设置中检查，并确认打印机已开机连接。")


def check_printer(settings: PrinterSettings, timeout_s: float = 2.0) -> PrinterCheck:
    """Reach the printer within `timeout_s` and ask its status; never raises for printer trouble."""
    target = describe_target(settings)
    if settings.kind in ("cups", "lp", "win32raw"):
        return _check_system_queue(settings, target, timeout_s)
    quick = dataclasses.replace(settings, timeout_s=max(0.1, min(settings.timeout_s, timeout_s)))
    reply_timeout = max(0.05, min(settings.status_timeout_s, timeout_s))
    conn = None
    try:
        try:
            conn = open_connection(quick)
        except PrinterFault as fault:
            return _result(False, fault.code, fault.detail, settings, reply_timeout, target)
        if not settings.check_status:
            return _result(True, STATUS_NOT_ASKED, f"{target}: connection opened; status not asked",
                           settings, reply_timeout, target, can_print=True)
        if not can_read_status(conn):
            return _result(True, STATUS_NOT_ASKED, f"{target}: a {settings.kind} link cannot carry status back",
                           settings, reply_timeout, target, can_print=True)
        status = probe_status(conn, reply_timeout, target)
    finally:
        close_quietly(conn)
    return _from_status(status, settings, reply_timeout, target)


def _from_status(status: PrinterStatus, settings: PrinterSettings, timeout_s: float, target: str) -> PrinterCheck:
    code = PAPER_NEAR_END if status.state is PrinterState.PAPER_NEAR_END else status.code
    detail = f"{target}: {status.describe()}"
    reachable = status.fault_code != faults.NOT_CONNECTED
    return _result(reachable, code, detail, settings, timeout_s, target, status=status)


def _result(  # noqa: PLR0917 - internal; every caller passes the same six facts
        reachable: bool, code: str, detail: str, settings: PrinterSettings, timeout_s: float, target: str,
            *, status: PrinterStatus | None = None, can_print: bool | None = None) -> PrinterCheck:
    hint, hint_zh = ("The printer is ready.", "打印机就绪。") if not code else hint_for(code, settings, timeout_s)
    return PrinterCheck(
        reachable=reachable,
        code=code,
        detail=detail,
        hint=hint,
        hint_zh=hint_zh,
        state=status.state.value if status else PrinterState.UNKNOWN.value,
        target=target,
        can_print=status.can_print if status else bool(can_print),
        flags=tuple(sorted(status.flags)) if status else (),
        raw={str(n): b.hex() for n, b in sorted(status.raw.items())} if status else {},
    )


def _check_system_queue(settings: PrinterSettings, target: str, timeout_s: float) -> PrinterCheck:
    """A system queue: is it there and accepting jobs? (It cannot report paper or cover.)"""
    name = settings.queue_name
    if settings.kind == "win32raw":
        found, detail = _windows_queue(name)
    else:
        found, detail = _cups_queue(name, timeout_s)
    if found is None:
        return _result(False, faults.UNSUPPORTED_ON_PLATFORM, f"{target}: {detail}", settings, timeout_s, target)
    if not found:
        return _result(False, faults.NOT_CONNECTED, f"{target}: {detail}", settings, timeout_s, target)
    return _result(True, STATUS_NOT_ASKED, f"{target}: {detail}; a system queue cannot report paper or cover",
                   settings, timeout_s, target, can_print=True)


def _cups_queue(name: str, timeout_s: float) -> tuple[bool | None, str]:
    lpstat = shutil.which("lpstat")
    if lpstat is None or sys.platform.startswith("win"):
        return None, "lpstat is not available on this computer"
    args = [lpstat, "-p", name] if name else [lpstat, "-d"]
    try:
        done = subprocess.run(args, capture_output=True, text=True, timeout=max(1.0, timeout_s), check=False)
    except (OSError, subprocess.SubprocessError) as exc:
        return False, f"lpstat failed: {exc}"
    out = " ".join((done.stdout + done.stderr).split())
    if done.returncode != 0 or not out or "no system default" in out.lower():
        return False, out or f"lpstat exit {done.returncode}"
    if "disabled" in out.lower():
        return False, out
    return True, out


def _windows_queue(name: str) -> tuple[bool | None, str]:
    try:
        import win32print  # type: ignore[import-not-found,import-untyped,unused-ignore]
    except ImportError:
        return None, "Win32Raw printing needs Windows and pywin32"
    spooler: Any = win32print
    try:
        handle = spooler.OpenPrinter(name or spooler.GetDefaultPrinter())
    except Exception as exc:
        return False, f"no such printer queue: {exc}"
    try:
        info = spooler.GetPrinter(handle, 2)
    finally:
        spooler.ClosePrinter(handle)
    status = int(info.get("Status", 0))
    # PRINTER_STATUS_OFFLINE 0x80, PAPER_OUT 0x10, ERROR 0x2, PAUSED 0x1, NOT_AVAILABLE 0x1000
    if status & (0x80 | 0x1000 | 0x1):
        return False, f"spooler reports status 0x{status:x} (offline, paused or not available)"
    return True, f"spooler status 0x{status:x}"
