"""A print job to the bytes its printer takes, laid out when the job is sent.

Laid out at send time, not at queue time, so that a job printed again after an interrupted send
says REPRINT with its copy number, and the time on a reprint's mark is the time it came out.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, tzinfo

from cashier_app.domain.local_time import store_time
from cashier_app.domain.paper import reason_on_paper
from cashier_app.journal.print_jobs import PrintJobRecord
from cashier_app.journal.receipts import ReceiptStore
from cashier_app.printing.layout import LayoutOptions, RecordMark, ReprintMark, layout_receipt
from cashier_app.printing.order_receipt import layout_order_receipt
from cashier_app.printing.profiles import resolve_profile
from cashier_app.printing.settings import PrinterSettings, PrintingSettings


class JobRenderer:
    """`PrintQueue(render=...)`: lays out a receipt's text, or an order from the platform's record."""

    def __init__(self, receipts: ReceiptStore, printing: PrintingSettings, tz: tzinfo, *, store_name: str = "") -> None:
        self.receipts = receipts
        self.printing = printing
        self.tz = tz
        self.store_name = store_name  # on a receipt made from the platform's record: a name, not the store's code

    def __call__(self, job: PrintJobRecord, printer: PrinterSettings) -> bytes:
        profile = resolve_profile(self.printing, printer.profile)
        now = store_time(datetime.now(UTC), self.tz)
        reprint = ReprintMark(copy_no=max(job.copy_no, 2), reprinted_at=now,
                              reason=reason_on_paper(job.reason)) if job.is_reprint else None
        if job.order_json is not None:
            order = json.loads(job.order_json)
            record = RecordMark(now) if reprint is None else None
            options = LayoutOptions.for_printer(printer, reprint=reprint, record=record)
            return layout_order_receipt(order, profile, options, zone=self.tz, store_name=self.store_name).payload
        if job.receipt_id is None:
            raise ValueError(f"job {job.id} has neither bytes, nor a receipt, nor an order to print")
        found = self.receipts.get(job.receipt_id)
        if found is None:
            raise ValueError(f"job {job.id}: receipt {job.receipt_id} is not in the journal")
        options = LayoutOptions.for_printer(printer, qr_data=found.receipt.out_trade_no, reprint=reprint)
        return layout_receipt(found.receipt.lines, profile, options).payload
