"""The wizard's printer step: find the printer, say how to reach it, read its character set off a
chart, and try it (status, test page, cutter, drawer) before a single receipt depends on it.

Finding: USB devices, serial ports and system queues on this computer at a click; the network
only when asked, over the ranges shown (this computer's own /24 by default), with a progress bar
and a Cancel button. Every try runs on a worker thread and says what the printer answered, in
plain words with what to do.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cashier_app.ui import theme
from cashier_app.ui.accessibility import accessible, plain
from cashier_app.ui.background import BackgroundRunner
from cashier_app.ui.i18n import current_language
from cashier_app.ui.setup_page import SetupPage, problem_style
from cashier_app.ui.setup_rows import (
    PAPER_WIDTHS,
    FoundPrinter,
    PrinterAnswer,
    PrinterDraft,
    ScanOutcome,
    ScanProgress,
    SetupDraft,
    SetupServices,
)

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

KINDS = ("network", "usb", "serial", "cups", "lp", "win32raw", "file")
BAUD_RATES = (2400, 4800, 9600, 19200, 38400, 57600, 115200)
# Character sets a printer may use that the chart does not print a block for.
EXTRA_CHARSETS = (("gb2312", 0, "GB2312"), ("utf-8", 0, "UTF-8"))
PAGES = ("test", "chart", "cutter", "drawer")


def _paper_key(columns: int, dots: int) -> str:
    return f"{columns}x{dots}"


def _charset_key(charset: str, codepage: int) -> str:
    return f"{charset}:{codepage}"


def _hex(value: int) -> str:
    return f"{value:04x}" if value else ""


def _from_hex(text: str) -> int:
    try:
        return int(text.strip().removeprefix("0x").removeprefix("0X") or "0", 16)
    except ValueError:
        return -1  # refused by validation, naming the key


def kind_name(kind: str) -> str:
    """A connection kind as the technician knows it, with the configuration's word for it."""
    words = {
        "network": translate("SetupWizard", "Network (Ethernet / Wi-Fi)"),
        "usb": translate("SetupWizard", "USB (direct)"),
        "serial": translate("SetupWizard", "Serial port (COM)"),
        "cups": translate("SetupWizard", "System print queue (CUPS)"),
        "lp": translate("SetupWizard", "System print queue (lp)"),
        "win32raw": translate("SetupWizard", "Windows printer (vendor driver)"),
        "file": translate("SetupWizard", "Device file"),
    }
    return f"{words.get(kind, kind)} — {kind}"


def _kind_text(kind: str) -> str:
    return {
        "network": translate("SetupWizard", "Network"), "usb": "USB", "serial": translate("SetupWizard", "Serial"),
        "lp": translate("SetupWizard", "Print queue"), "cups": translate("SetupWizard", "Print queue"),
        "win32raw": translate("SetupWizard", "Print queue"), "file": translate("SetupWizard", "Device"),
    }.get(kind, kind)


def _verdict_text(found: FoundPrinter) -> str:
    if found.kind != "network":
        return found.description
    if found.verdict == "printer":
        offline = "offline" in found.description
        return (translate("SetupWizard", "receipt printer (answers: offline)") if offline else
                translate("SetupWizard", "receipt printer (answers: online)"))
    if found.verdict == "not_a_printer":
        return translate("SetupWizard", "answers, but not a receipt printer")
    return translate("SetupWizard", "takes connections, does not answer status queries")


def answer_text(answer: PrinterAnswer) -> str:
    chinese = current_language() == "zh_CN"
    text = answer.text_zh if chinese else answer.text_en
    hint = answer.hint_zh if chinese else answer.hint_en
    return f"{text}\n{hint}".strip() if hint else text


class PrinterPage(SetupPage):
    keys = ("printing.",)

    def __init__(self, services: SetupServices, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self.setObjectName("setupPrinterPage")
        self._runner = BackgroundRunner(parent=self)
        self._scan_runner = BackgroundRunner(parent=self)
        self._cancel: threading.Event | None = None
        self._found: list[FoundPrinter] = []
        self._ranges_suggested = False
        self.last_answer: PrinterAnswer | None = None
        self._last_action = ""

        # -- finding --------------------------------------------------------------------------
        self.find_box = QGroupBox()
        self.local_button = QPushButton()
        self.local_button.setObjectName("setupFindLocal")
        self.ranges = QLineEdit()
        self.ranges.setObjectName("setupScanRanges")
        self.scan_port = QSpinBox()
        self.scan_port.setObjectName("setupScanPort")
        self.scan_port.setRange(1, 65535)
        self.scan_port.setValue(9100)
        self.scan_button = QPushButton()
        self.scan_button.setObjectName("setupScan")
        self.progress = QProgressBar()
        self.progress.setObjectName("setupScanProgress")
        self.progress.setVisible(False)
        self.found_list = QListWidget()
        self.found_list.setObjectName("setupFound")
        self.find_state = QLabel()
        self.find_state.setObjectName("setupFindState")
        self.find_state.setWordWrap(True)
        self.ranges_label, self.port_label = QLabel(), QLabel()
        self.ranges_label.setBuddy(self.ranges)
        self.port_label.setBuddy(self.scan_port)
        scan_row = QHBoxLayout()
        scan_row.addWidget(self.ranges_label)
        scan_row.addWidget(self.ranges, 1)
        scan_row.addWidget(self.port_label)
        scan_row.addWidget(self.scan_port)
        find_column = QVBoxLayout(self.find_box)
        find_column.addWidget(self.local_button)
        find_column.addLayout(scan_row)
        find_column.addWidget(self.scan_button)
        find_column.addWidget(self.progress)
        find_column.addWidget(self.found_list, 1)
        find_column.addWidget(self.find_state)

        # -- connection -----------------------------------------------------------------------
        self.connection_box = QGroupBox()
        self.kind = QComboBox()
        self.kind.setObjectName("setupPrinterKind")
        for kind in KINDS:
            self.kind.addItem("", kind)
        self.host = QLineEdit()
        self.host.setObjectName("setupPrinterHost")
        self.port = QSpinBox()
        self.port.setObjectName("setupPrinterPort")
        self.port.setRange(1, 65535)
        self.usb_vendor = QLineEdit()
        self.usb_vendor.setObjectName("setupUsbVendor")
        self.usb_product = QLineEdit()
        self.usb_product.setObjectName("setupUsbProduct")
        self.serial_port = QLineEdit()
        self.serial_port.setObjectName("setupSerialPort")
        self.baudrate = QComboBox()
        self.baudrate.setObjectName("setupBaudrate")
        for rate in BAUD_RATES:
            self.baudrate.addItem(str(rate), rate)
        self.queue_name = QLineEdit()
        self.queue_name.setObjectName("setupQueueName")
        self.device_path = QLineEdit()
        self.device_path.setObjectName("setupDevicePath")
        self.labels: dict[str, QLabel] = {}
        self.fields = QStackedWidget()
        self._field_pages: dict[str, int] = {}
        for key, rows in (
            ("network", (("host", self.host), ("port", self.port))),
            ("usb", (("usb_vendor", self.usb_vendor), ("usb_product", self.usb_product))),
            ("serial", (("serial_port", self.serial_port), ("baudrate", self.baudrate))),
            ("queue", (("queue_name", self.queue_name),)),
            ("file", (("device_path", self.device_path),)),
        ):
            holder = QWidget()
            form = QFormLayout(holder)
            form.setContentsMargins(0, 0, 0, 0)
            for name, field in rows:
                label = QLabel()
                label.setBuddy(field)
                self.labels[name] = label
                form.addRow(label, field)
            self._field_pages[key] = self.fields.addWidget(holder)
        self.paper = QComboBox()
        self.paper.setObjectName("setupPaper")
        for columns, dots, _mm in PAPER_WIDTHS:
            self.paper.addItem("", _paper_key(columns, dots))
        self.charset = QComboBox()
        self.charset.setObjectName("setupCharset")
        self.cutter = QCheckBox()
        self.cutter.setObjectName("setupCutter")
        self.drawer = QCheckBox()
        self.drawer.setObjectName("setupDrawer")
        self.check_status = QCheckBox()
        self.check_status.setObjectName("setupCheckStatus")
        self.kind_label, self.paper_label, self.charset_label = QLabel(), QLabel(), QLabel()
        self.kind_label.setBuddy(self.kind)
        self.paper_label.setBuddy(self.paper)
        self.charset_label.setBuddy(self.charset)
        connection = QFormLayout(self.connection_box)
        connection.addRow(self.kind_label, self.kind)
        connection.addRow(self.fields)
        connection.addRow(self.paper_label, self.paper)
        connection.addRow(self.charset_label, self.charset)
        connection.addRow(self.cutter)
        connection.addRow(self.drawer)
        connection.addRow(self.check_status)

        # -- tries ----------------------------------------------------------------------------
        self.try_box = QGroupBox()
        self.status_button = QPushButton()
        self.status_button.setObjectName("setupPrinterStatus")
        self.page_buttons: dict[str, QPushButton] = {}
        grid = QGridLayout(self.try_box)
        grid.addWidget(self.status_button, 0, 0)
        for index, page in enumerate(PAGES, start=1):
            button = QPushButton()
            button.setObjectName(f"setupPrint{page.capitalize()}")
            button.clicked.connect(lambda _checked=False, p=page: self.print_page(p))
            self.page_buttons[page] = button
            grid.addWidget(button, index // 3, index % 3)
        self.answer = QLabel()
        self.answer.setObjectName("setupPrinterAnswer")
        self.answer.setWordWrap(True)
        self.answer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        grid.addWidget(self.answer, 2, 0, 1, 3)

        # Finding and trying on the left, the settings on the right: both columns fit a 768-pixel-high screen.
        left = QVBoxLayout()
        left.addWidget(self.find_box, 1)
        left.addWidget(self.try_box)
        right = QVBoxLayout()
        right.addWidget(self.connection_box)
        right.addWidget(self.problems_label)
        right.addStretch(1)
        row = QHBoxLayout(self)
        row.addLayout(left, 1)
        row.addLayout(right, 1)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.local_button.clicked.connect(self.find_local)
        self.scan_button.clicked.connect(self.toggle_scan)
        self.found_list.itemActivated.connect(self._use_found)
        self.found_list.currentItemChanged.connect(self._current_found_changed)
        self.status_button.clicked.connect(self.check)
        self._runner.busy_changed.connect(self._busy)
        for first, second in ((self.local_button, self.ranges), (self.ranges, self.scan_port),
                              (self.scan_port, self.scan_button), (self.scan_button, self.found_list),
                              (self.found_list, self.kind), (self.kind, self.host), (self.host, self.port),
                              (self.port, self.paper), (self.paper, self.charset), (self.charset, self.cutter),
                              (self.cutter, self.drawer), (self.drawer, self.check_status),
                              (self.check_status, self.status_button),
                              (self.status_button, self.page_buttons["test"]),
                              (self.page_buttons["test"], self.page_buttons["chart"]),
                              (self.page_buttons["chart"], self.page_buttons["cutter"]),
                              (self.page_buttons["cutter"], self.page_buttons["drawer"])):
            self.setTabOrder(first, second)
        self._fill_charsets()
        self.retranslate()

    # -- the draft --------------------------------------------------------------------------------
    def _fill_charsets(self) -> None:
        self.charset.clear()
        for choice in self.services.chart_choices():
            self.charset.addItem(f"{choice.number}) {choice.label}", _charset_key(choice.charset, choice.codepage))
        for charset, codepage, label in EXTRA_CHARSETS:
            self.charset.addItem(label, _charset_key(charset, codepage))

    def load(self, draft: SetupDraft) -> None:
        p = draft.printer
        self.kind.setCurrentIndex(max(0, self.kind.findData(p.kind)))
        self.host.setText(p.host)
        self.port.setValue(p.port)
        self.usb_vendor.setText(_hex(p.usb_vendor_id))
        self.usb_product.setText(_hex(p.usb_product_id))
        self.serial_port.setText(p.serial_port)
        self.baudrate.setCurrentIndex(max(0, self.baudrate.findData(p.baudrate)))
        self.queue_name.setText(p.queue_name)
        self.device_path.setText(p.device_path)
        paper = self.paper.findData(_paper_key(p.columns, p.dots))
        if paper < 0:  # a store's own width: offered as it is
            self.paper.addItem(f"{p.columns} / {p.dots}", _paper_key(p.columns, p.dots))
            paper = self.paper.count() - 1
        self.paper.setCurrentIndex(paper)
        charset = self.charset.findData(_charset_key(p.charset, p.codepage))
        if charset < 0:
            self.charset.addItem(f"{p.charset} ({p.codepage})", _charset_key(p.charset, p.codepage))
            charset = self.charset.count() - 1
        self.charset.setCurrentIndex(charset)
        self.cutter.setChecked(p.cutter)
        self.drawer.setChecked(p.drawer_kick)
        self.check_status.setChecked(p.check_status)
        self._kind_changed()
        if not self._ranges_suggested:
            self._ranges_suggested = True
            self._runner.run(self.services.local_ranges, success=self._suggest_ranges,
                             failure=lambda error: log.info("setup: no local ranges: %s", error))

    def current_printer(self) -> PrinterDraft:
        columns, dots = (int(x) for x in str(self.paper.currentData() or "32x384").split("x"))
        charset, _, codepage_text = str(self.charset.currentData() or "gbk:0").partition(":")
        codepage = int(codepage_text or 0)
        return PrinterDraft(
            kind=str(self.kind.currentData()), host=self.host.text().strip(), port=self.port.value(),
            usb_vendor_id=_from_hex(self.usb_vendor.text()), usb_product_id=_from_hex(self.usb_product.text()),
            serial_port=self.serial_port.text().strip(), baudrate=int(self.baudrate.currentData() or 9600),
            queue_name=self.queue_name.text().strip(), device_path=self.device_path.text().strip(),
            columns=columns, dots=dots, charset=charset, codepage=codepage,
            cutter=self.cutter.isChecked(), drawer_kick=self.drawer.isChecked(),
            check_status=self.check_status.isChecked(),
        )

    def store(self, draft: SetupDraft) -> None:
        draft.printer = self.current_printer()

    def _kind_changed(self) -> None:
        kind = str(self.kind.currentData())
        page = {"cups": "queue", "lp": "queue", "win32raw": "queue"}.get(kind, kind)
        self.fields.setCurrentIndex(self._field_pages.get(page, 0))

    def _suggest_ranges(self, ranges: object) -> None:
        if isinstance(ranges, list) and ranges and not self.ranges.text().strip():
            self.ranges.setText(" ".join(str(r) for r in ranges))

    # -- finding ----------------------------------------------------------------------------------
    def find_local(self) -> None:
        self.find_state.setText(translate("SetupWizard", "Looking for USB, serial and system printers…"))
        self._runner.run(self.services.local_printers, success=self._local_found, failure=self._find_failed)

    def _local_found(self, result: Any) -> None:
        found, notes = result
        self._show_found([f for f in self._found if f.kind == "network"] + list(found))
        words = translate("SetupWizard", "{count} found on this computer.").format(count=len(found))
        self.find_state.setText("\n".join([words, *notes]))

    def _find_failed(self, error: BaseException) -> None:
        self.find_state.setText(translate("SetupWizard", "Finding failed: {error}").format(error=error))

    def toggle_scan(self) -> None:
        if self._cancel is not None:
            self._cancel.set()
            self.find_state.setText(translate("SetupWizard", "Stopping the scan…"))
            return
        self.start_scan()

    def start_scan(self) -> bool:
        ranges, port = self.ranges.text(), self.scan_port.value()
        if not ranges.strip():
            self.find_state.setText(translate("SetupWizard", "Type the addresses or ranges to scan, e.g. "
                                                             "192.168.1.0/24."))
            return False
        cancel = threading.Event()
        self._cancel = cancel
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.find_state.setText(translate("SetupWizard", "Scanning {ranges} for port {port}…")
                                .format(ranges=ranges.strip(), port=port))
        self._retranslate_scan_button()
        self._scan_runner.run_with_progress(
            lambda report: self.services.scan(ranges, port, report, cancel),
            success=self._scanned, failure=self._scan_failed, progress=self._scan_progress)
        return True

    def scanning(self) -> bool:
        return self._cancel is not None

    def _scan_progress(self, step: object) -> None:
        if isinstance(step, ScanProgress):
            self.progress.setMaximum(max(1, step.total))
            self.progress.setValue(step.done)

    def _scanned(self, outcome: object) -> None:
        assert isinstance(outcome, ScanOutcome)
        self._cancel = None
        self.progress.setVisible(False)
        self._retranslate_scan_button()
        self._show_found([f for f in self._found if f.kind != "network"] + list(outcome.found))
        printers = sum(1 for f in outcome.found if f.verdict == "printer")
        if outcome.cancelled:
            text = translate("SetupWizard", "Scan stopped after {probed} of {total} addresses: {printers} "
                                            "printer(s) found so far.")
        else:
            text = translate("SetupWizard", "{probed} addresses scanned: {printers} printer(s) found.")
        self.find_state.setText(text.format(probed=outcome.probed, total=outcome.total, printers=printers))

    def _scan_failed(self, error: BaseException) -> None:
        self._cancel = None
        self.progress.setVisible(False)
        self._retranslate_scan_button()
        self.find_state.setText(translate("SetupWizard", "Not scanned: {error}").format(error=error))

    def _show_found(self, found: list[FoundPrinter]) -> None:
        self._found = found
        self.found_list.blockSignals(True)
        self.found_list.clear()
        for index, item in enumerate(found):
            text = f"{_kind_text(item.kind)}  {item.where}  {_verdict_text(item)}"
            entry = QListWidgetItem(text)
            entry.setToolTip(item.description)
            entry.setData(Qt.ItemDataRole.UserRole, index)
            if item.verdict != "printer":
                entry.setForeground(Qt.GlobalColor.darkGray)
            self.found_list.addItem(entry)
        self.found_list.blockSignals(False)

    def _current_found_changed(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if item is not None:
            self._use_found(item)

    def _use_found(self, item: QListWidgetItem) -> None:
        index = item.data(Qt.ItemDataRole.UserRole)
        if not isinstance(index, int) or not 0 <= index < len(self._found):
            return
        self.use_found(self._found[index])

    def use_found(self, found: FoundPrinter) -> None:
        """Fill the connection settings from a printer found (keeping the paper, set and options chosen)."""
        kept = self.current_printer()
        p = found.printer
        chosen = PrinterDraft(kind=p.kind, host=p.host, port=p.port, usb_vendor_id=p.usb_vendor_id,
                              usb_product_id=p.usb_product_id, serial_port=p.serial_port, baudrate=kept.baudrate,
                              queue_name=p.queue_name, device_path=p.device_path, columns=kept.columns,
                              dots=kept.dots, charset=kept.charset, codepage=kept.codepage, cutter=kept.cutter,
                              drawer_kick=kept.drawer_kick, check_status=p.check_status and kept.check_status)
        draft = SetupDraft(printer=chosen)
        self.load(draft)
        if found.verdict != "printer":
            self._say(translate("SetupWizard", "{where} is not a receipt printer ({description}); choose another.")
                      .format(where=found.where, description=found.description), theme.ATTENTION)

    # -- tries ------------------------------------------------------------------------------------
    def check(self) -> None:
        self._last_action = "status"
        self._say(translate("SetupWizard", "Asking the printer for its status (DLE EOT)…"), theme.INFO)
        printer = self.current_printer()
        self._runner.run(lambda: self.services.check_printer(printer), success=self._answered,
                         failure=self._failed)

    def print_page(self, page: str) -> None:
        self._last_action = page
        self._say(translate("SetupWizard", "Sending to the printer…"), theme.INFO)
        printer = self.current_printer()
        self._runner.run(lambda: self.services.print_page(printer, page), success=self._answered,
                         failure=self._failed)

    def _answered(self, answer: object) -> None:
        assert isinstance(answer, PrinterAnswer)
        self.last_answer = answer
        lines = [answer_text(answer)]
        if self._last_action == "status":
            lines.insert(0, translate("SetupWizard", "The printer answers DLE EOT status queries.")
                         if answer.answers_status else
                         translate("SetupWizard", "The printer does not answer DLE EOT status queries."))
        elif answer.ok:
            follow = {
                "chart": translate("SetupWizard", "Read the chart: choose the first block that printed right as the "
                                                  "character set, and the paper width the rulers show."),
                "cutter": translate("SetupWizard", "Was the paper cut? Tick or untick \u201cThe printer has a "
                                                   "cutter\u201d."),
                "drawer": translate("SetupWizard", "Did the cash drawer open? Tick \u201cOpen the cash drawer\u201d "
                                                   "if the store wants it with each receipt."),
                "test": translate("SetupWizard", "Check the test page: the Chinese line, and the ruler ending at "
                                                 "the paper's edge."),
            }.get(self._last_action, "")
            lines.insert(0, translate("SetupWizard", "Sent.") + (" " + follow if follow else ""))
        self._say("\n".join(lines), theme.OK if answer.ok else theme.FAULT if answer.code else theme.ATTENTION)
        self.answer.setToolTip(answer.detail)

    def _failed(self, error: BaseException) -> None:
        self.last_answer = None
        self._say(translate("SetupWizard", "The printer could not be tried: {error}").format(error=error),
                  theme.FAULT)

    def _busy(self, busy: bool) -> None:
        for button in [self.status_button, self.local_button, *self.page_buttons.values()]:
            button.setEnabled(not busy)

    def _say(self, text: str, severity: str) -> None:
        self.answer.setText(text)
        problem_style(self.answer, severity)

    def cleanupPage(self) -> None:
        if self._cancel is not None:
            self._cancel.set()
        super().cleanupPage()

    def shutdown(self) -> None:
        if self._cancel is not None:
            self._cancel.set()
        self._scan_runner.stop()
        self._runner.stop()

    def wait_idle(self, timeout_ms: int = 10_000) -> bool:
        return self._runner.wait(timeout_ms) and self._scan_runner.wait(timeout_ms)

    # -- words ------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setTitle(translate("SetupWizard", "The printer"))
        self.setSubTitle(translate("SetupWizard", "Find the receipt printer, tell the app how to reach it, and try "
                                                  "it before the first receipt."))
        self.find_box.setTitle(translate("SetupWizard", "Find"))
        self.local_button.setText(translate("SetupWizard", "Look on this &computer (USB, serial, queues)"))
        self.ranges_label.setText(translate("SetupWizard", "&Network:"))
        self.ranges.setPlaceholderText(translate("SetupWizard", "e.g. 192.168.1.0/24 or 192.168.1.50"))
        self.port_label.setText(translate("SetupWizard", "P&ort:"))
        self._retranslate_scan_button()
        self.connection_box.setTitle(translate("SetupWizard", "Connection and paper"))
        self.kind_label.setText(translate("SetupWizard", "&Connection:"))
        for index, kind in enumerate(KINDS):
            self.kind.setItemText(index, kind_name(kind))
        words = {
            "host": translate("SetupWizard", "&IP address:"), "port": translate("SetupWizard", "Po&rt:"),
            "usb_vendor": translate("SetupWizard", "&Vendor id (hex):"),
            "usb_product": translate("SetupWizard", "Pro&duct id (hex):"),
            "serial_port": translate("SetupWizard", "&Serial port:"),
            "baudrate": translate("SetupWizard", "&Baud rate:"),
            "queue_name": translate("SetupWizard", "&Queue name:"),
            "device_path": translate("SetupWizard", "&Device path:"),
        }
        for name, text in words.items():
            self.labels[name].setText(text)
        self.paper_label.setText(translate("SetupWizard", "&Paper:"))
        for index in range(min(len(PAPER_WIDTHS), self.paper.count())):
            columns, _dots, mm = PAPER_WIDTHS[index]
            self.paper.setItemText(index, translate("SetupWizard", "{mm}, {columns} columns")
                                   .format(mm=mm, columns=columns))
        self.charset_label.setText(translate("SetupWizard", "C&haracter set (chart block):"))
        self.cutter.setText(translate("SetupWizard", "The printer has a c&utter"))
        self.drawer.setText(translate("SetupWizard", "Open the cash d&rawer with each receipt"))
        self.check_status.setText(translate("SetupWizard", "As&k the printer's status before each receipt"))
        self.try_box.setTitle(translate("SetupWizard", "Try it"))
        self.status_button.setText(translate("SetupWizard", "Check &status"))
        self.page_buttons["test"].setText(translate("SetupWizard", "&Test page"))
        self.page_buttons["chart"].setText(translate("SetupWizard", "Code page c&hart"))
        self.page_buttons["cutter"].setText(translate("SetupWizard", "Cu&tter test"))
        self.page_buttons["drawer"].setText(translate("SetupWizard", "Dra&wer test"))
        accessible(self.local_button, translate("SetupWizard", "Look for printers on this computer"))
        accessible(self.ranges, translate("SetupWizard", "Network addresses to scan"),
                   translate("SetupWizard", "Addresses or ranges, e.g. 192.168.1.0/24; at most 1024 addresses"))
        accessible(self.scan_port, translate("SetupWizard", "Printer port to scan"))
        accessible(self.progress, translate("SetupWizard", "Scan progress"))
        accessible(self.found_list, translate("SetupWizard", "Printers found"),
                   translate("SetupWizard", "Choose one to fill in its connection"))
        accessible(self.find_state, translate("SetupWizard", "What finding found"))
        accessible(self.kind, translate("SetupWizard", "Connection kind"))
        accessible(self.host, translate("SetupWizard", "Printer IP address"))
        accessible(self.port, translate("SetupWizard", "Printer port"))
        accessible(self.usb_vendor, translate("SetupWizard", "USB vendor id"))
        accessible(self.usb_product, translate("SetupWizard", "USB product id"))
        accessible(self.serial_port, translate("SetupWizard", "Serial port"))
        accessible(self.baudrate, translate("SetupWizard", "Baud rate"))
        accessible(self.queue_name, translate("SetupWizard", "System print queue"))
        accessible(self.device_path, translate("SetupWizard", "Printer device path"))
        accessible(self.paper, translate("SetupWizard", "Paper width"))
        accessible(self.charset, translate("SetupWizard", "Character set"),
                   translate("SetupWizard", "The first block of the code page chart that printed right"))
        accessible(self.cutter, translate("SetupWizard", "The printer has a cutter"))
        accessible(self.drawer, translate("SetupWizard", "Open the cash drawer with each receipt"))
        accessible(self.check_status, translate("SetupWizard", "Ask the printer's status before each receipt"))
        accessible(self.status_button, translate("SetupWizard", "Check the printer's status"))
        for page, name in (("test", translate("SetupWizard", "Print a test page")),
                           ("chart", translate("SetupWizard", "Print the code page chart")),
                           ("cutter", translate("SetupWizard", "Test the cutter")),
                           ("drawer", translate("SetupWizard", "Test the cash drawer"))):
            accessible(self.page_buttons[page], name)
        accessible(self.answer, translate("SetupWizard", "What the printer answered"))
        accessible(self.problems_label, translate("SetupWizard", "Problems to correct"))

    def _retranslate_scan_button(self) -> None:
        if self._cancel is None:
            self.scan_button.setText(translate("SetupWizard", "Scan the &network"))
        else:
            self.scan_button.setText(translate("SetupWizard", "&Cancel the scan"))
        accessible(self.scan_button, plain(self.scan_button.text()))
