"""The technician page's sniffer: the virtual printer between the till and the real printer.

The technician points the till at this computer (the address and port shown), and the real
printer's address goes in "forward to". Every job the till sends is passed on unchanged and shown
here as the receipt it draws, with its decoded text and what a real printer would garble.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cashier_app.ui import theme
from cashier_app.ui.accessibility import accessible, plain
from cashier_app.ui.appearance import styled
from cashier_app.ui.setup_rows import Stoppable
from cashier_app.ui.technician_rows import SniffedRow, TechnicianServices

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


class _JobRelay(QObject):
    job = Signal(object)  # SniffedRow, emitted on the sniffer's thread


class SnifferPanel(QWidget):
    status_message = Signal(str, str)  # text, severity

    def __init__(self, services: TechnicianServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("snifferPanel")
        self.services = services
        self._sniffer: Stoppable | None = None
        self.rows: list[SniffedRow] = []
        self._relay = _JobRelay(self)
        self._relay.job.connect(self._on_job)

        self.listen = QComboBox()
        self.listen.setObjectName("snifferListen")
        self.listen.addItem("", "127.0.0.1")
        self.listen.addItem("", "0.0.0.0")
        self.port = QSpinBox()
        self.port.setObjectName("snifferPort")
        self.port.setRange(1, 65535)
        self.upstream = QLineEdit()
        self.upstream.setObjectName("snifferUpstream")
        self.start_button = QPushButton()
        self.start_button.setObjectName("snifferStart")
        self.state = QLabel()
        self.state.setObjectName("snifferState")
        self.state.setWordWrap(True)
        self.jobs = QListWidget()
        self.jobs.setObjectName("snifferJobs")
        self.picture = QLabel()
        self.picture.setObjectName("snifferPicture")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.picture_area = QScrollArea()
        self.picture_area.setWidget(self.picture)
        self.picture_area.setWidgetResizable(True)
        self.text = QPlainTextEdit()
        self.text.setObjectName("snifferText")
        self.text.setReadOnly(True)

        self.listen_label, self.port_label, self.upstream_label = QLabel(), QLabel(), QLabel()
        self.listen_label.setBuddy(self.listen)
        self.port_label.setBuddy(self.port)
        self.upstream_label.setBuddy(self.upstream)
        form = QFormLayout()
        form.addRow(self.listen_label, self.listen)
        form.addRow(self.port_label, self.port)
        form.addRow(self.upstream_label, self.upstream)
        top = QHBoxLayout()
        top.addLayout(form, 1)
        top.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignBottom)
        details = QSplitter(Qt.Orientation.Horizontal)
        details.addWidget(self.jobs)
        details.addWidget(self.picture_area)
        details.addWidget(self.text)
        details.setSizes([240, 420, 420])
        column = QVBoxLayout(self)
        column.addLayout(top)
        column.addWidget(self.state)
        column.addWidget(details, 1)
        self.start_button.clicked.connect(self.toggle)
        self.jobs.currentRowChanged.connect(self._show)
        for first, second in ((self.listen, self.port), (self.port, self.upstream),
                              (self.upstream, self.start_button), (self.start_button, self.jobs),
                              (self.jobs, self.text)):
            QWidget.setTabOrder(first, second)
        try:
            defaults = services.sniffer_defaults()
            self.port.setValue(defaults.listen_port)
            self.upstream.setText(defaults.upstream)
            self.listen.setCurrentIndex(max(0, self.listen.findData(defaults.listen_host)))
        except Exception as error:  # the settings could not be read: the technician types them
            log.warning("sniffer defaults not available: %s", error)
        self.retranslate()

    def running(self) -> bool:
        return self._sniffer is not None

    def toggle(self) -> None:
        if self._sniffer is not None:
            self.stop()
            self._say(translate("TechnicianPage", "The sniffer is stopped. Point the till at the printer again."),
                      theme.INFO)
            return
        self.start()

    def start(self) -> bool:
        host, port, upstream = str(self.listen.currentData()), self.port.value(), self.upstream.text().strip()
        try:
            self._sniffer = self.services.start_sniffer(host, port, upstream, self._relay.job.emit)
        except (ValueError, OSError) as error:
            self._say(translate("TechnicianPage", "The sniffer did not start: {error}").format(error=error),
                      theme.FAULT)
            return False
        where = translate("TechnicianPage", "this computer's address") if host == "0.0.0.0" else host
        self._say(translate("TechnicianPage", "Sniffing: set the till's printer to {where}, port {port}. Every job is "
                                              "passed on to {upstream} unchanged and shown here.")
                  .format(where=where, port=port, upstream=upstream), theme.OK)
        self._retranslate_button()
        return True

    def stop(self) -> None:
        sniffer, self._sniffer = self._sniffer, None
        if sniffer is not None:
            try:
                sniffer.stop()
            except Exception:
                log.exception("stopping the sniffer failed")
        self._retranslate_button()

    def _on_job(self, row: object) -> None:
        if not isinstance(row, SniffedRow):
            return
        self.rows.append(row)
        state = (translate("TechnicianPage", "passed on") if row.forwarded else
                 translate("TechnicianPage", "NOT passed on: {error}").format(error=row.error))
        flags = translate("TechnicianPage", ", {count} problem(s)").format(count=len(row.flags)) if row.flags else ""
        item = QListWidgetItem(f"#{row.number} {row.at}  {row.size} B  {state}{flags}")
        if row.flags or not row.forwarded:
            item.setForeground(Qt.GlobalColor.darkRed)
        self.jobs.addItem(item)
        self.jobs.setCurrentRow(self.jobs.count() - 1)

    def _show(self, index: int) -> None:
        if not 0 <= index < len(self.rows):
            return
        row = self.rows[index]
        pixmap = QPixmap()
        if row.png is not None and pixmap.loadFromData(row.png, "PNG"):
            self.picture.setPixmap(pixmap)
        else:
            self.picture.setText(translate("TechnicianPage", "(nothing to draw)"))
        lines = [translate("TechnicianPage", "From {peer} to {upstream}: {size} bytes sent, {replies} bytes answered.")
                 .format(peer=row.peer, upstream=row.upstream, size=row.size, replies=row.replies)]
        if row.flags:
            lines.append(translate("TechnicianPage", "What a real printer would garble:"))
            lines += [f"  • {flag}" for flag in row.flags]
        lines += ["", row.text]
        self.text.setPlainText("\n".join(lines))

    def _say(self, text: str, severity: str) -> None:
        self.state.setText(text)
        styled(self.state, f"color: {theme.FOREGROUND[severity]}; font-weight: bold;")
        self.status_message.emit(text, severity)

    def retranslate(self) -> None:
        self.listen.setItemText(0, translate("TechnicianPage", "This computer only (the till runs here)"))
        self.listen.setItemText(1, translate("TechnicianPage", "The store's network (the till is another computer)"))
        self.listen_label.setText(translate("TechnicianPage", "&Listen for the till on:"))
        self.port_label.setText(translate("TechnicianPage", "P&ort:"))
        self.upstream_label.setText(translate("TechnicianPage", "Pass on to the &real printer (address:port):"))
        self.upstream.setPlaceholderText(translate("TechnicianPage", "e.g. 192.168.1.50:9100"))
        self._retranslate_button()
        accessible(self.listen, translate("TechnicianPage", "Where the sniffer listens for the till"))
        accessible(self.port, translate("TechnicianPage", "The sniffer's port"))
        accessible(self.upstream, translate("TechnicianPage", "The real printer's address and port"))
        accessible(self.state, translate("TechnicianPage", "What the sniffer is doing"))
        accessible(self.jobs, translate("TechnicianPage", "Jobs the till sent"))
        accessible(self.picture, translate("TechnicianPage", "The selected job as a receipt picture"))
        accessible(self.picture_area, translate("TechnicianPage", "The receipt picture"))
        accessible(self.text, translate("TechnicianPage", "The selected job's decoded text and problems"))

    def _retranslate_button(self) -> None:
        self.start_button.setText(translate("TechnicianPage", "&Stop sniffing") if self._sniffer is not None
                                  else translate("TechnicianPage", "&Start sniffing"))
        accessible(self.start_button, plain(self.start_button.text()),
                   translate("TechnicianPage", "Put the virtual printer between the till and the real printer"))
