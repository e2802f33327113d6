"""`cashier-app printer jobs` reads the journal the app writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cashier_app.app.cli import main
from cashier_app.app.paths import default_paths
from cashier_app.journal.db import Journal
from cashier_app.journal.print_jobs import PrintJobStore


def test_jobs_lists_pending_and_held_jobs(isolated_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["printer", "jobs"]) == 0
    assert "no print jobs" in capsys.readouterr().out

    journal = Journal(default_paths().journal_file)
    store = PrintJobStore(journal)
    done = store.create(None, "receipt", payload=b"a")
    store.mark_sending(done.id)
    store.mark_done(done.id)
    held = store.create(None, "receipt", payload=b"b")
    store.hold(held.id, "paper_end", "127.0.0.1:9100: paper_end")
    queued = store.create(None, "receipt", payload=b"c")
    journal.close()

    assert main(["printer", "jobs"]) == 0
    out = capsys.readouterr().out
    assert f"#{held.id} held" in out and "打印机缺纸" in out and f"#{queued.id} queued" in out
    assert f"#{done.id} " not in out

    assert main(["printer", "jobs", "--held", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in rows] == [held.id] and rows[0]["payload_bytes"] == 1

    assert main(["printer", "jobs", "--all", "--json"]) == 0
    assert [r["state"] for r in json.loads(capsys.readouterr().out)] == ["done", "held", "queued"]


def test_jobs_name_an_order_printed_from_the_platforms_record(isolated_home: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    """Reconciliation's and F9's prints have no receipt of the journal: the list names their order, not
    "raw bytes" as if they were a test page."""
    from cashier_app.paper import PaperDesk, Want
    from cashier_app.platform.order import Order
    from cashier_app.printing.settings import PrintingSettings
    from tests.helpers.spec_examples import SPEC_ORDER

    journal = Journal(default_paths().journal_file)
    desk = PaperDesk(journal, PrintingSettings())
    order = Order.from_json({**SPEC_ORDER, "out_trade_no": "2026112200030001", "state": "PAID"})
    job = desk.request(order=order, want=Want.ORIGINAL, reason="paid_no_receipt", person="system")
    page = PrintJobStore(journal).create(None, "receipt", payload=b"test page")
    journal.close()

    assert main(["printer", "jobs"]) == 0
    out = capsys.readouterr().out
    assert f"#{job.job_id} queued    receipt order 2026112200030001 (platform's record) copy 1" in out
    assert f"#{page.id} queued    receipt raw bytes" in out
