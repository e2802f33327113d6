"""The picture of a receipt as it came out of the printer, and its print history, beside any list of
receipts: the original first, then each reprint with its reason, person and time, then held or
cancelled jobs. Choosing an entry shows that copy.

The picture is drawn from the bytes the printer took (ui.desk_services: `preview()`), which takes tens of
milliseconds: it is fetched on a worker thread, and only the answer to the last request is shown.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QListWidget, QListWidgetItem, QScrollArea, QVBoxLayout, QWidget

from cashier_app.domain.money import format_fen
from cashier_app.ui import messages
from cashier_app.ui.accessibility import accessible
from cashier_app.ui.background import BackgroundRunner
from cashier_app.ui.desk_services import DeskServices
from cashier_app.ui.rows import (
    HISTORY_CANCELLED,
    HISTORY_ORIGINAL,
    HISTORY_PENDING,
    PICTURE_LAID_OUT_AGAIN,
    PICTURE_QUEUED,
    PICTURE_SENT,
    PICTURE_WOULD_PRINT,
    PrintHistoryRow,
    ReceiptPreview,
)

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

# Width of the picture: a 58/80 mm receipt shown at a readable size beside a table.
PICTURE_WIDTH = 300
JOB_ROLE = int(Qt.ItemDataRole.UserRole) + 1


def source_text(source: str) -> str:
    return {
        PICTURE_SENT: translate("ReceiptPicture", "As printed: drawn from the bytes the printer took."),
        PICTURE_QUEUED: translate("ReceiptPicture", "As it will print: this copy is still waiting."),
        PICTURE_LAID_OUT_AGAIN: translate(
            "ReceiptPicture", "Laid out again from the receipt: the bytes sent are no longer kept."),
        PICTURE_WOULD_PRINT: translate("ReceiptPicture", "As it would print: this app has not printed it."),
    }.get(source, source)


def reason_text(reason: str) -> str:
    """A reprint's reason: a person's own words, or what the app's own codes mean (never the code)."""
    words = {
        "till_receipt": "",  # the till's print.txt: the ordinary original
        "start_sweep": translate("ReceiptPicture", "queued when the app started (it had not been yet)"),
        "paid_no_receipt": translate("ReceiptPicture", "from the platform's record: print.txt never came"),
        "interrupted": translate("ReceiptPicture", "printed again after an interrupted send"),
    }
    return words.get(reason, reason)


def history_text(row: PrintHistoryRow) -> str:
    """One line of a receipt's print history, in the reader's language."""
    if row.section == HISTORY_ORIGINAL:
        what = translate("ReceiptPicture", "Original")
    elif row.section == HISTORY_CANCELLED:
        what = translate("ReceiptPicture", "Cancelled (copy {copy})").format(copy=row.copy_no)
    else:
        what = translate("ReceiptPicture", "Copy {copy}, reprint").format(copy=row.copy_no)
    parts = [what, messages.job_state_text(row.state) if row.section != HISTORY_CANCELLED else "", row.at_local]
    if row.person:
        parts.append(messages.actor_text(row.person))
    if row.reason:
        parts.append(reason_text(row.reason))
    if row.fault and row.section in (HISTORY_PENDING, HISTORY_ORIGINAL):
        parts.append(messages.printer_state_text(row.fault))
    return " · ".join(p for p in parts if p)


class ReceiptPicturePanel(QFrame):
    """Shows one receipt (its original, or a chosen copy) with its print history, or the last printed picture."""

    picture_shown = Signal(int)  # receipt id whose picture (and history) is on screen
    failed = Signal(str)  # the picture could not be drawn: the message, in the reader's language

    def __init__(self, desk: DeskServices | None, parent: QWidget | None = None, width: int = PICTURE_WIDTH) -> None:
        super().__init__(parent)
        self.setObjectName("receiptPicturePanel")
        self._desk = desk
        self._width = width
        self._runner = BackgroundRunner(self)
        self._request = 0  # answers to earlier requests are dropped
        self._receipt_id: int | None = None
        self._preview: ReceiptPreview | None = None
        self._pixmap: QPixmap | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(6)
        self.title = QLabel()
        self.title.setObjectName("panelTitle")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.note = QLabel()
        self.note.setObjectName("pictureNote")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.picture = QLabel()
        self.picture.setObjectName("receiptPicture")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setWidget(self.picture)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(scroll, 3)
        self.history_title = QLabel()
        self.history_title.setObjectName("historyTitle")
        layout.addWidget(self.history_title)
        self.history = QListWidget()
        self.history.setObjectName("printHistory")
        self.history.setWordWrap(True)
        self.history.itemActivated.connect(self._show_copy)
        self.history.itemClicked.connect(self._show_copy)
        layout.addWidget(self.history, 1)
        self.setFixedWidth(width + 48)
        self._set_history_visible(False)
        self.retranslate()

    # --- what to show ----------------------------------------------------------------------
    def show_receipt(self, receipt_id: int, job_id: int | None = None) -> None:
        """Fetch and show a receipt (its original, or the copy `job_id` made) with its print history."""
        if self._desk is None:
            return
        desk = self._desk
        self._request += 1
        request = self._request
        self._receipt_id = receipt_id
        self.note.setText(translate("ReceiptPicture", "Drawing the receipt…"))
        self.setVisible(True)
        try:
            self._runner.run(lambda: desk.preview(receipt_id, job_id),
                             success=lambda preview: self._shown(request, preview),
                             failure=lambda error: self._failed(request, error))
        except RuntimeError:  # the runner is stopped: the window is closing
            return

    def show_png(self, data: bytes) -> bool:
        """The last printed receipt's picture (the virtual printer's), when no receipt is chosen."""
        if self._receipt_id is not None:
            return False
        if not self._set_picture(data):
            log.warning("last printed receipt: not a PNG picture (%d bytes)", len(data))
            return False
        self.title.setText(translate("ReceiptsPage", "Last printed receipt"))
        self.note.setText("")
        self._set_history_visible(False)
        self.setVisible(True)
        return True

    def clear(self) -> None:
        self._request += 1
        self._receipt_id = None
        self._preview = None
        self.history.clear()
        self._set_history_visible(False)

    def refresh(self) -> None:
        """Fetch the receipt shown again (its history changed: a reprint, a job done)."""
        if self._receipt_id is not None:
            job = self._preview.job_id if self._preview is not None else None
            self.show_receipt(self._receipt_id, job)

    def receipt_id(self) -> int | None:
        return self._receipt_id

    def preview(self) -> ReceiptPreview | None:
        return self._preview

    def pixmap(self) -> QPixmap | None:
        return self._pixmap

    def is_busy(self) -> bool:
        return self._runner.is_busy()

    def shutdown(self) -> None:
        self._runner.cancel()

    def wait_stopped(self, timeout_ms: int = 10_000) -> bool:
        return self._runner.wait(timeout_ms)

    # --- answers ---------------------------------------------------------------------------
    def _shown(self, request: int, preview: ReceiptPreview) -> None:
        if request != self._request:
            return
        self._preview = preview
        self._set_picture(preview.png)
        amount = format_fen(preview.amount_fen, refund=preview.kind == "REFUND")
        self.title.setText(translate("ReceiptPicture", "Receipt {order} · {amount}").format(
            order=preview.out_trade_no or "—", amount=amount))
        self.note.setText(source_text(preview.source))
        self.history.clear()
        for row in preview.history:
            item = QListWidgetItem(history_text(row))
            item.setData(JOB_ROLE, row.job_id)
            self.history.addItem(item)
            if row.job_id == preview.job_id:
                self.history.setCurrentItem(item)
        if not preview.history:
            self.history.addItem(QListWidgetItem(translate("ReceiptPicture", "Not printed by this app.")))
        self._set_history_visible(True)
        self.picture_shown.emit(preview.receipt_id)

    def _failed(self, request: int, error: BaseException) -> None:
        if request != self._request:
            return
        text = messages.error_text(error)
        log.warning("receipt picture failed: %s", error)
        self.note.setText(text)
        self.failed.emit(text)

    def _show_copy(self, item: QListWidgetItem) -> None:
        job_id = item.data(JOB_ROLE)
        if isinstance(job_id, int) and self._receipt_id is not None:
            self.show_receipt(self._receipt_id, job_id)

    def _set_picture(self, data: bytes) -> bool:
        pixmap = QPixmap()
        if not data or not pixmap.loadFromData(data, "PNG"):
            return False
        if pixmap.width() > self._width:
            pixmap = pixmap.scaledToWidth(self._width, Qt.TransformationMode.SmoothTransformation)
        self._pixmap = pixmap
        self.picture.setPixmap(pixmap)
        return True

    def _set_history_visible(self, visible: bool) -> None:
        self.history_title.setVisible(visible)
        self.history.setVisible(visible)

    def retranslate(self) -> None:
        self.history_title.setText(translate("ReceiptPicture", "Print history"))
        accessible(self.history, translate("ReceiptPicture", "Print history"),
                   translate("ReceiptPicture", "The original, then each reprint with its reason, person and time"))
        accessible(self.picture, translate("ReceiptPicture", "The selected receipt as printed"))
        if self._preview is not None:
            preview, self._preview = self._preview, None
            self._shown(self._request, preview)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
