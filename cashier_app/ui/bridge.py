"""The seam between the services and the window: signals the app may emit from any thread.

Create the bridge on the GUI thread (before starting workers). Emitting a signal from a worker
thread is safe: the window's receivers live on the GUI thread, so Qt queues each call to it.
Row payloads are the frozen dataclasses of `cashier_app.ui.rows`.

    bridge.receipt_added.emit(ReceiptRow(...))        # watcher recorded a receipt
    bridge.notice.emit("watch_folder_missing", {"path": r"C:\\till"})
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class ServiceBridge(QObject):
    receipt_added = Signal(object)  # ReceiptRow: a new receipt of today
    receipt_updated = Signal(object)  # ReceiptRow: same receipt_id, new state (printed, reprinted, ...)
    print_job_changed = Signal(object)  # JobRow: any job state change (held jobs feed the banner)
    printer_status_changed = Signal(object)  # PrinterStatusRow
    platform_status_changed = Signal(object)  # PlatformStatusRow
    file_refused = Signal(object)  # RefusedRow
    last_print_png = Signal(bytes)  # PNG of the last printed receipt (demo mode: the virtual printer's picture)
    # code (see messages.NOTICES) and its parameters. Declared as object: Qt cannot copy every dict.
    notice = Signal(str, object)
