"""What a printer's state or fault is called, in one place: for the window, the command line and the
technician's diagnosis alike (a cashier reads 打印机缺纸 wherever it shows).

A code is a stable machine word (PrinterFault.code, a job's fault_code, PrinterStatusRow.state); its
words are short, in both languages, with what the cashier does about it and how serious it is. The
technician's diagnosis adds advice for the kind of printer (diagnostics/printer_check.py); the
detail of a fault (host:port, errno) stays technical English.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

OK: Final = "ok"
NOT_CONNECTED: Final = "not_connected"
OFFLINE: Final = "offline"
COVER_OPEN: Final = "cover_open"
PAPER_END: Final = "paper_end"
PAPER_NEAR_END: Final = "paper_near_end"
CUTTER_ERROR: Final = "cutter_error"
UNRECOVERABLE: Final = "unrecoverable"
TIMEOUT: Final = "timeout"
UNSUPPORTED_ON_PLATFORM: Final = "unsupported_on_platform"
SEND_FAILED: Final = "send_failed"
RENDER_FAILED: Final = "render_failed"
NOT_CONFIGURED: Final = "not_configured"
STATUS_UNKNOWN: Final = "status_unknown"
UNKNOWN: Final = "unknown"  # nothing heard yet
STATUS_NOT_ASKED: Final = "status_not_asked"  # check_status is off: the printer is not asked
# Something answers where the printer should be, but not as an ESC/POS printer (a web server on
# port 9100, a serial line at the wrong baud rate): receipts sent there would be lost.
NOT_A_PRINTER: Final = "not_a_printer"

# How serious, in the window's severities (ui/theme.py).
_OK, _INFO, _ATTENTION, _FAULT = "ok", "info", "attention", "fault"


@dataclass(frozen=True)
class FaultWords:
    zh: str
    en: str
    severity: str
    hint_zh: str = ""  # what the cashier does about it
    hint_en: str = ""

    def text(self, language: str) -> str:
        return self.zh if language.startswith("zh") else self.en

    def hint(self, language: str) -> str:
        return self.hint_zh if language.startswith("zh") else self.hint_en


_RESUMES_ZH, _RESUMES_EN = "恢复后会自动继续打印。", "printing resumes by itself."

WORDS: Final[dict[str, FaultWords]] = {
    OK: FaultWords("打印机正常", "Printer ready", _OK),
    NOT_CONNECTED: FaultWords(
        "打印机未连接", "Printer not connected", _FAULT,
        "请检查打印机的数据线和电源，" + _RESUMES_ZH, "Check the printer's cable and power; " + _RESUMES_EN),
    OFFLINE: FaultWords(
        "打印机离线", "Printer offline", _FAULT,
        "请打开打印机电源或按联机键，" + _RESUMES_ZH,
        "Switch the printer on or press its online button; " + _RESUMES_EN),
    COVER_OPEN: FaultWords(
        "打印机上盖打开", "Printer cover open", _FAULT,
        "请合上打印机上盖，之后会自动继续打印。", "Close the printer cover; " + _RESUMES_EN),
    PAPER_END: FaultWords(
        "打印机缺纸", "Printer out of paper", _FAULT,
        "请装入新纸卷，之后会自动继续打印。", "Load a new paper roll; " + _RESUMES_EN),
    PAPER_NEAR_END: FaultWords(
        "打印机纸将尽", "Printer paper low", _ATTENTION, "请准备好新纸卷。", "Have a new paper roll ready."),
    CUTTER_ERROR: FaultWords(
        "打印机切刀故障", "Printer cutter fault", _FAULT,
        "请打开上盖，清除切刀处卡纸，然后合上。", "Open the cover, clear the paper jam at the cutter, then close it."),
    UNRECOVERABLE: FaultWords(
        "打印机故障", "Printer error", _FAULT,
        "请关闭打印机再重新打开；若仍有故障，请联系技术人员。",
        "Switch the printer off and on again; call the technician if it stays."),
    TIMEOUT: FaultWords(
        "打印机无响应", "Printer not responding", _FAULT,
        "请检查打印机的电源和数据线，" + _RESUMES_ZH, "Check the printer's power and cable; " + _RESUMES_EN),
    UNKNOWN: FaultWords("打印机状态未知", "Printer status unknown", _ATTENTION),
    STATUS_UNKNOWN: FaultWords("打印机状态未知", "Printer status unknown", _ATTENTION),
    STATUS_NOT_ASKED: FaultWords("未查询打印机状态", "Printer status not asked", _INFO),
    SEND_FAILED: FaultWords(
        "打印失败", "Printing failed", _FAULT, "会自动重试打印。", "Printing is retried by itself."),
    RENDER_FAILED: FaultWords(
        "小票排版失败，无法打印", "The receipt could not be laid out for printing", _FAULT,
        "请联系技术人员。", "Call the technician."),
    NOT_CONFIGURED: FaultWords(
        "未配置打印机", "No printer configured", _ATTENTION,
        "请联系技术人员设置打印机。", "Ask the technician to set up the printer."),
    NOT_A_PRINTER: FaultWords(
        "打印机地址上的设备不是小票打印机", "The printer's address is not a receipt printer", _FAULT,
        "请联系技术员：打印机的地址或端口设置有误。", "Call the technician: the printer's address or port is wrong."),
    UNSUPPORTED_ON_PLATFORM: FaultWords(
        "本机不支持此打印机连接方式", "This printer connection does not work on this computer", _FAULT,
        "请联系技术人员设置打印机。", "Ask the technician to set up the printer."),
}


# The technician's advice for a fault (the diagnosis and the setup wizard), beside the cashier's hint.
# {timeout}: the status query's time limit in seconds. Faults whose advice depends on the kind of
# printer (not connected, not a printer) are advised in diagnostics/printer_check.py.
ADVICE: Final[dict[str, tuple[str, str]]] = {
    OFFLINE: (
        "The printer answers but says it is offline. Check that it is not paused (a lit error or paper "
        "light), that the cover is shut and paper is loaded; press FEED once, or switch it off and on.",
        "打印机已连接但处于离线状态：检查是否暂停、纸盖是否关好、是否有纸；可按一下走纸键或关机重启"
        "。"),
    COVER_OPEN: (
        "The printer's cover is open: close it firmly until it clicks.",
        "打印机纸盖没有关好：请用力按下直到听到“咔哒”声。"),
    PAPER_END: (
        "The printer is out of paper: load a new roll, thermal side towards the print head, and close "
        "the cover.",
        "打印机缺纸：请装入新纸卷（热敏面朝向打印头），然后关好纸盖。"),
    PAPER_NEAR_END: (
        "Paper is running low: it still prints, but have a new roll ready.",
        "打印纸快用完了，仍可打印，请准备好新纸卷。"),
    CUTTER_ERROR: (
        "The auto-cutter is jammed: open the cover, remove any stuck paper, close it, then switch the "
        "printer off and on.",
        "切刀卡住：打开纸盖取出卡纸，关好后关机重启打印机。"),
    UNRECOVERABLE: (
        "The printer reports an unrecoverable error: switch it off, wait ten seconds, switch it on. If "
        "it comes back, the printer needs service.",
        "打印机报告严重故障：关机十秒后再开机；如仍出现，需要维修。"),
    STATUS_UNKNOWN: (
        "The printer did not answer the status query (DLE EOT) within {timeout} s. It may be busy, or a "
        "model that cannot answer status: if it prints a test page, turn off check_status for this "
        "printer in the configuration, so the app stops asking.",
        "打印机在 {timeout} 秒内没有回应状态查询。可能正忙，或该型号不支持状态查询：如果"
        "能打印测试页，请在配置中关闭该打印机的 check_status。"),
    STATUS_NOT_ASKED: (
        "check_status is off for this printer, so faults (paper out, cover open) show only as prints "
        "that never come out. Turn it on if the printer can answer status.",
        "该打印机已关闭状态查询（check_status），缺纸或开盖时只会表现为不出小票。若打印"
        "机支持，请打开。"),
    UNSUPPORTED_ON_PLATFORM: (
        "This kind of connection cannot be used on this computer; choose another kind (on Windows, "
        "win32raw with the vendor's driver), or install what the detail names.",
        "此电脑不支持该连接方式：请换一种连接方式（Windows 上可用 win32raw 配合厂"
        "商驱动）。"),
    NOT_CONFIGURED: (
        "The printer's settings are incomplete: fill in what the detail names under [printing.printers].",
        "打印机配置不完整：请在 [printing.printers] 中补全详细信息中提到的项目"
        "。"),
    TIMEOUT: (
        "The printer stopped taking data: check the cable, then switch it off and on.",
        "打印机不再接收数据：检查连接线后关机重启。"),
    SEND_FAILED: (
        "The connection dropped: check the cable or the network, then try again.",
        "连接中断：检查连接线或网络后重试。"),
}


def advice(code: str, timeout_s: float) -> tuple[str, str] | None:
    """(English, Chinese) advice for the technician, or None when the code has none of its own here."""
    found = ADVICE.get(code)
    if found is None:
        return None
    return found[0].format(timeout=f"{timeout_s:g}"), found[1].format(timeout=f"{timeout_s:g}")


def fault_words(code: str | None) -> FaultWords:
    """The words for a state or fault code; a code nobody named yet is said as itself, never hidden."""
    if not code:
        return WORDS[UNKNOWN]
    return WORDS.get(code) or FaultWords(code, code, _ATTENTION)


def fault_text(code: str, language: str = "zh_CN") -> str:
    """The cashier-facing words for a code in one language (the command line prints both)."""
    return fault_words(code).text(language)
