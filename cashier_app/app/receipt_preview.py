"""The picture of a receipt as it came (or will come) out of the printer, with its print history.

The picture is drawn by the virtual printer's renderer from ESC/POS bytes:
- the bytes sent for the job (kept when its printer's worker laid it out, or given at queueing);
- for a job not laid out yet, or whose bytes retention removed: laid out again by the print
  queue's own lay-out, for that job's printer (a reprint with its copy number and reason);
- for a receipt never queued (observe mode): laid out as its original would print.

Drawing takes tens of milliseconds: the window asks for it from a worker thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import tzinfo
from functools import partial

from cashier_app.domain.errors import CodedError
from cashier_app.journal.db import Journal
from cashier_app.journal.job_bytes import JobBytesStore
from cashier_app.journal.print_history import ORIGINAL, PrintHistoryEntry, print_history
from cashier_app.journal.print_jobs import DONE, PrintJobRecord
from cashier_app.journal.receipts import ReceiptRecord, ReceiptStore
from cashier_app.printing.layout import LayoutOptions, ReprintMark, layout_receipt
from cashier_app.printing.profiles import Profile, decode_charset, printer_profile, resolve_profile
from cashier_app.printing.queue import RenderJob
from cashier_app.printing.settings import PrinterSettings, PrintingSettings

# Where the picture's bytes come from.
SENT = "sent"  # the bytes the printer took
QUEUED = "queued"  # the bytes laid out for a job still waiting
LAID_OUT_AGAIN = "laid_out_again"  # the job's bytes are no longer kept: laid out again from the receipt
WOULD_PRINT = "would_print"  # never queued: how its original would print

LayOut = Callable[[ReceiptRecord, PrinterSettings, ReprintMark | None], tuple[bytes, Profile]]


def lay_out_receipt(printing: PrintingSettings, record: ReceiptRecord, printer: PrinterSettings,
                    reprint: ReprintMark | None = None) -> tuple[bytes, Profile]:
    """A receipt as `printer` gets it: the bytes, and the profile they were laid out for."""
    profile = resolve_profile(printing, printer.profile)
    options = LayoutOptions.for_printer(printer, qr_data=record.receipt.out_trade_no, reprint=reprint)
    return layout_receipt(record.receipt.lines, profile, options).payload, profile


class PreviewError(CodedError):
    """No such receipt or job to draw."""


@dataclass(frozen=True)
class ReceiptPicture:
    record: ReceiptRecord
    job: PrintJobRecord | None  # the job whose copy is drawn (None: never queued)
    source: str  # SENT, QUEUED, LAID_OUT_AGAIN or WOULD_PRINT
    payload: bytes  # the ESC/POS bytes drawn
    png: bytes
    history: tuple[PrintHistoryEntry, ...]


class ReceiptPreviewer:
    def __init__(self, journal: Journal, receipts: ReceiptStore, printing: PrintingSettings, *,
                 render_job: RenderJob, lay_out: LayOut) -> None:
        """`render_job`: the print queue's own lay-out of a job; `lay_out`: a receipt never queued."""
        self.journal = journal
        self.receipts = receipts
        self.printing = printing
        self.job_bytes = JobBytesStore(journal)
        self._render_job = render_job
        self._lay_out = lay_out

    def history(self, receipt_id: int) -> list[PrintHistoryEntry]:
        record = self.receipts.get(receipt_id)
        if record is None:
            raise PreviewError("receipt_not_found", f"no receipt {receipt_id} in the journal")
        return print_history(self.journal, record)

    def picture(self, receipt_id: int, job_id: int | None = None) -> ReceiptPicture:
        """The receipt's original (or the copy made by `job_id`), drawn."""
        record = self.receipts.get(receipt_id)
        if record is None:
            raise PreviewError("receipt_not_found", f"no receipt {receipt_id} in the journal")
        history = tuple(print_history(self.journal, record))
        job = self._job(history, job_id, receipt_id)
        payload, charset, dots, source = self._bytes(record, job)
        from cashier_app.emulator.render import render_bytes_png  # Pillow and fonts: only for pictures

        return ReceiptPicture(record, job, source, payload, render_bytes_png(payload, charset, dots), history)

    @staticmethod
    def _job(history: tuple[PrintHistoryEntry, ...], job_id: int | None, receipt_id: int) -> PrintJobRecord | None:
        if job_id is not None:
            for entry in history:
                if entry.job.id == job_id:
                    return entry.job
            raise PreviewError("job_not_found", f"receipt {receipt_id} has no print job {job_id}")
        originals = [e.job for e in history if e.section == ORIGINAL]
        printed = [j for j in originals if j.state == DONE]
        if printed or originals:
            return (printed or originals)[0]
        # Only copies (the original was made another way): the first of them.
        return history[0].job if history else None

    def _bytes(self, record: ReceiptRecord, job: PrintJobRecord | None) -> tuple[bytes, str, int, str]:
        if job is None:
            name = self.printing.default_printer
            payload, profile = self._lay_out(record, self._printer(name), None)
            return payload, decode_charset(profile), profile.dots, WOULD_PRINT
        done = job.state == DONE
        if job.payload is not None:
            profile = self._profile(job.printer)
            return job.payload, decode_charset(profile), profile.dots, SENT if done else QUEUED
        kept = self.job_bytes.get(job.id)
        if kept is not None and kept.payload is not None:
            return kept.payload, kept.charset, kept.dots, SENT if done else QUEUED
        # Not kept (not sent yet, or past retention): laid out as the queue lays the job out.
        printer = self._printer(job.printer)
        profile = resolve_profile(self.printing, printer.profile)
        payload = self._render_job(job, printer)
        return payload, decode_charset(profile), profile.dots, LAID_OUT_AGAIN if done else QUEUED

    def _printer(self, name: str) -> PrinterSettings:
        # A printer removed from the configuration since: lay out for the default one.
        return self.printing.printers.get(name) or self.printing.printers[self.printing.default_printer]

    def _profile(self, printer: str) -> Profile:
        name = printer if printer in self.printing.printers else self.printing.default_printer
        return printer_profile(self.printing, name)


def previewer_for(journal: Journal, receipts: ReceiptStore, printing: PrintingSettings,
                  zone: tzinfo) -> ReceiptPreviewer:
    """A previewer that lays jobs out exactly as the print queue does."""
    from cashier_app.paper import JobRenderer

    return ReceiptPreviewer(journal, receipts, printing, render_job=JobRenderer(receipts, printing, zone),
                            lay_out=partial(lay_out_receipt, printing))
