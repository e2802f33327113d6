"""The window's held-jobs list: each job with its receipt's order and amount, the receipts read at once."""

from __future__ import annotations

from cashier_app.app.ui_adapter import AppUiServices
from cashier_app.journal.print_jobs import PrintJobStore
from tests.helpers.lookup_rig import Rig


def test_held_jobs_carry_their_receipts_order_and_amount(rig: Rig) -> None:
    queue = rig.services.queue
    assert queue is not None
    queue.stop()  # nothing sends these jobs: they stay held as written
    numbers = ["2026112200020001", "2026112200020002", "2026112200020003"]
    for number, amount in zip(numbers, (1250, 3600, 999), strict=True):
        rig.record_sale(number, amount, printed=False)
    jobs = PrintJobStore(rig.services.receipts.journal)
    for job in jobs.list_jobs(("queued",)):
        jobs.hold(job.id, "paper_end", "out of paper")
    ui = AppUiServices(rig.services)

    rows = ui.held_jobs()

    assert [(row.out_trade_no, row.amount_fen, row.state, row.reason) for row in rows] == [
        (numbers[0], 1250, "held", "paper_end"), (numbers[1], 3600, "held", "paper_end"),
        (numbers[2], 999, "held", "paper_end")]
    # The same rows as one job at a time gives (the bridge's rows for a job that changed).
    assert rows == [ui.job_row(job) for job in queue.held_jobs()]
