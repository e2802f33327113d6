"""Printer faults: a stable machine code for the UI, an English technical detail for technicians.

The UI translates codes into the cashier's language; `FAULT_TEXT` holds the wording the
command line and the UI share, so a cashier reads "打印机未连接" while the technician reads
"127.0.0.1:9100: connection refused (errno 111)".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cashier_app.domain.errors import CodedError

if TYPE_CHECKING:
    from cashier_app.printing.status import PrinterStatus

NOT_CONNECTED = "not_connected"
OFFLINE = "offline"
COVER_OPEN = "cover_open"
PAPER_END = "paper_end"
CUTTER_ERROR = "cutter_error"
UNRECOVERABLE = "unrecoverable"
TIMEOUT = "timeout"
UNSUPPORTED_ON_PLATFORM = "unsupported_on_platform"
SEND_FAILED = "send_failed"
RENDER_FAILED = "render_failed"
NOT_CONFIGURED = "not_configured"
STATUS_UNKNOWN = "status_unknown"
# Something answers where the printer should be, but not as an ESC/POS printer (a web server on
# port 9100, a serial line at the wrong baud rate): receipts sent there would be lost.
NOT_A_PRINTER = "not_a_printer"

# (Chinese, English) text for the cashier; the detail stays technical and English.
FAULT_TEXT: dict[str, tuple[str, str]] = {
    NOT_CONNECTED: ("打印机未连接", "Printer not connected"),
    OFFLINE: ("打印机离线", "Printer offline"),
    COVER_OPEN: ("打印机盖未关好", "Printer cover open"),
    PAPER_END: ("打印机缺纸", "Printer out of paper"),
    CUTTER_ERROR: ("切刀故障", "Auto-cutter error"),
    UNRECOVERABLE: ("打印机故障，请关机重启", "Printer error: switch it off and on again"),
    TIMEOUT: ("打印机无响应", "Printer not responding"),
    UNSUPPORTED_ON_PLATFORM: ("此电脑不支持该打印机连接方式", "This connection type is not available on this computer"),
    SEND_FAILED: ("打印中断", "Printing was interrupted"),
    RENDER_FAILED: ("小票内容无法生成", "The receipt could not be laid out"),
    NOT_CONFIGURED: ("未配置该打印机", "No such printer in the configuration"),
    STATUS_UNKNOWN: ("打印机状态未知", "Printer status unknown"),
    NOT_A_PRINTER: ("该地址不是小票打印机", "Not a receipt printer"),
}


def fault_text(code: str, language: str = "zh_CN") -> str:
    """The cashier-facing words for a fault code (the code itself when unknown)."""
    zh, en = FAULT_TEXT.get(code, (code, code))
    return zh if language.startswith("zh") else en


class PrinterFault(CodedError):
    """A printer could not be reached or cannot print now.

    `code` is one of the constants above; `detail` names what the technician needs (host:port,
    device path, errno); `status` is the decoded printer status when the fault came from one.
    """

    def __init__(self, code: str, detail: str, status: PrinterStatus | None = None, *,
                 refused: bool = False) -> None:
        super().__init__(code, detail, message=f"{code}: {detail}")
        self.status = status
        # The printer took the job's bytes and then said it cannot print (offline, paper end, cover
        # open, error): it prints nothing in that state (specs/escpos.md), so the job is held as it
        # was, not printed again as a reprint.
        self.refused = refused
