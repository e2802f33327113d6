"""`cashier-app receipts`, `report` and `journal` against a journal with known receipts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cashier_app.app.cli import main
from cashier_app.app.paths import default_paths
from cashier_app.domain.receipt_search import build_query
from cashier_app.emulator.render import render_bytes_png
from cashier_app.journal.db import Journal
from cashier_app.journal.job_bytes import JobBytesStore
from cashier_app.journal.print_jobs import PrintJobStore
from tests.helpers.known_receipts import STORE, Known, expected, fill


@pytest.fixture
def known() -> list[Known]:
    journal = Journal(default_paths().journal_file)
    try:
        return fill(journal)
    finally:
        journal.close()


CLI_QUERIES = [
    ["--number", "0001"],
    ["--number", "700003"],
    ["--amount", "38.50"],
    ["--amount-min", "38.49", "--amount-max", "38.51"],
    ["--from", "2026-11-23", "--to", "2026-11-23"],
    ["--channel", "alipay"],
    ["--operator", "03"],
    ["--printed", "no"],
    ["--printed", "reprinted"],
    ["--text", "可乐"],
    ["--from", "2026-11-24", "--to", "2026-11-24", "--amount", "38.50"],
    ["--operator", "01", "--channel", "wechat", "--printed", "yes"],
    ["--number", "0012", "--from", "2026-11-24"],
]
OPTION_FIELDS = {"--number": "number", "--amount": "amount", "--amount-min": "amount_min", "--amount-max": "amount_max",
                 "--from": "date_from", "--to": "date_to", "--channel": "channel", "--operator": "operator",
                 "--printed": "printed", "--text": "text"}


@pytest.mark.parametrize("args", CLI_QUERIES, ids=[" ".join(a) for a in CLI_QUERIES])
def test_search_gives_the_oracles_receipts_as_json(known: list[Known], args: list[str],
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    typed: dict[str, Any] = {OPTION_FIELDS[args[i]]: args[i + 1] for i in range(0, len(args), 2)}
    want = expected(known, build_query(STORE, **typed))
    assert want
    assert main(["receipts", "search", *args, "--json"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert [item["id"] for item in items] == want
    by_id = {k.id: k for k in known}
    for item in items:
        k = by_id[item["id"]]
        assert item["out_trade_no"] == k.out_trade_no and item["channel_trade_no"] == k.channel_trade_no
        assert item["amount"] == f"{k.amount // 100}.{k.amount % 100:02d}"
        assert item["paid_at"].startswith(k.at.strftime("%Y-%m-%dT%H:%M"))
        assert item["printed"] == k.printed


def test_search_in_words_and_its_exit_codes(known: list[Known], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["receipts", "search", "--amount", "38.50", "--limit", "2"]) == 0
    out = capsys.readouterr().out
    assert "202611240016" in out and "202611240012" in out and "more match" in out
    assert main(["receipts", "search", "--number", "9999"]) == 3
    assert main(["receipts", "search", "--number", "12"]) == 2
    assert "at least its last 4 digits" in capsys.readouterr().err
    assert main(["receipts", "search", "--from", "2026-11-25", "--to", "2026-11-24"]) == 2
    assert main(["receipts", "search", "--amount", "3.505"]) == 2


def test_show_draws_the_bytes_the_printer_took(known: list[Known], tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    target = next(k for k in known if k.paper == "reprinted")
    journal = Journal(default_paths().journal_file)
    original, copy = PrintJobStore(journal).list_jobs(receipt_id=target.id)
    sent = b"\x1b@\x1c&" + f"原件 {target.out_trade_no}\n".encode("gbk") + b"\x1dVB\x00"
    JobBytesStore(journal).record(original.id, profile="58-gbk", charset="gbk", dots=384, payload=sent)
    journal.close()
    png = tmp_path / "r.png"
    assert main(["receipts", "show", str(target.id), "--png", str(png), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert png.read_bytes() == render_bytes_png(sent, "gbk", 384)
    assert data["picture"] == {"file": str(png), "job": original.id, "source": "sent", "bytes": len(sent)}
    assert [(h["job"], h["section"], h["reason"], h["person"]) for h in data["history"]] == [
        (original.id, "original", "till_receipt", "system"), (copy.id, "reprint", "顾客要求补打", target.operator)]
    # The copy was never kept as bytes: it is laid out again, marked as the reprint it was.
    assert main(["receipts", "show", str(target.id), "--job", str(copy.id), "--png", str(png)]) == 0
    assert "laid_out_again" in capsys.readouterr().out
    assert main(["receipts", "show", "9999"]) == 3


def test_report_and_handover_from_the_command_line(known: list[Known], tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "day", "--date", "2026-11-24", "--json", "--csv", str(tmp_path / "d.csv")]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["sales"], data["refunds"], data["net"]) == (
        {"count": 5, "amount": "1011.20"}, {"count": 1, "amount": "12.50"}, "998.70")
    assert (tmp_path / "d.csv").read_bytes().startswith("\ufeff".encode())
    assert main(["report", "day", "--date", "2026-11-24", "--operator", "02"]) == 0
    assert "收银员：02" in capsys.readouterr().out
    assert main(["report", "handover", "--by", "03", "--note", "晚班"]) == 0
    assert "shift handed over by 03" in capsys.readouterr().out
    assert main(["report", "shifts", "--json"]) == 0
    shifts = json.loads(capsys.readouterr().out)
    assert len(shifts) == 2 and shifts[0]["closed_by"] == "03" and shifts[1]["running"]
    assert main(["report", "shift", "--date", "2026-11-24", "--shift", "7"]) == 3
    assert main(["report", "day", "--date", "someday"]) == 2


def test_journal_backup_check_and_restore(known: list[Known], tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    copies = tmp_path / "copies"
    assert main(["journal", "backup", "--to", str(copies), "--keep", "2"]) == 0
    (copy,) = copies.glob("journal-*.sqlite3")
    assert main(["journal", "backups", "--to", str(copies)]) == 0
    assert copy.name in capsys.readouterr().out
    assert main(["journal", "check"]) == 0
    assert f"{len(known)} receipts" in capsys.readouterr().out
    assert main(["journal", "restore", str(copy)]) == 2  # without --yes nothing is replaced
    assert main(["journal", "restore", str(copy), "--yes"]) == 0
    assert "is kept as" in capsys.readouterr().out
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(copy.read_bytes()[:8192] + b"\x00" * 4096)
    assert main(["journal", "check", str(damaged)]) == 1
    assert "damaged" in capsys.readouterr().err
    assert main(["journal", "prune", "--days", "1"]) == 0  # the known receipts are days old
    assert f"the bytes of {len(known)} archived files" in capsys.readouterr().out
