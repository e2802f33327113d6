"""`cashier-app files`: the technician's first question, answered from the journal and the folder."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from cashier_app.diagnostics.file_activity import file_report
from cashier_app.domain.local_time import store_zone
from cashier_app.journal.receipts import FileOutcome
from cashier_app.watch.settings import WatchSettings
from tests.helpers.diagnostics import Store

STORE = store_zone("+08:00")


def test_reports_each_version_with_outcome_template_encoding_and_order(
        store: Store, samples_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    wechat = (samples_dir / "wechat-default-gbk-crlf.txt").read_bytes()
    store.till_writes("print.txt", wechat)
    store.till_writes("print.txt", (samples_dir / "pos-vendor-template-utf8-bom.txt").read_bytes())
    store.till_writes("print.txt", (samples_dir / "not-a-receipt.bin.txt").read_bytes())
    store.till_writes("print.txt", wechat)  # the same bytes again: a duplicate, not a second receipt
    (store.till / "notes.txt").write_text("not watched")

    code, report = store.run_json(capsys, "files")

    assert code == 0
    (folder,) = report["folders"]
    assert folder["folder"] == str(store.till)
    assert (folder["exists"], folder["readable"], folder["writable"]) == (True, True, True)
    assert [p["name"] for p in folder["present"]] == ["print.txt"]  # notes.txt does not match print*.txt
    newest, refused, vendor, first = folder["versions"]
    assert first["outcome"] == FileOutcome.RECEIPT
    assert (first["template"], first["encoding"], first["out_trade_no"]) == ("wechat-default", "gb18030",
                                                                              "202611220001")
    assert (vendor["template"], vendor["encoding"], vendor["out_trade_no"]) == ("vendor", "utf-8", "202611220003")
    assert refused["outcome"] == FileOutcome.REFUSED and refused["refusal_reason"] == "not text"
    assert refused["template"] is None and refused["kept_aside_path"]
    assert newest["outcome"] == FileOutcome.DUPLICATE and newest["duplicate_of"] == first["receipt_id"]
    assert newest["out_trade_no"] == "202611220001" and newest["template"] == "wechat-default"
    assert newest["size"] == len(wechat)
    assert report["written_recently"] is True
    assert "print.txt was last written" in report["headline"]
    assert report["journal"]["schema_version"] >= 2


def test_text_output_says_when_and_by_which_template(store: Store, samples_dir: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    store.till_writes("print.txt", (samples_dir / "alipay-default-gbk-crlf.txt").read_bytes())
    capsys.readouterr()

    assert store.run("files") == 0
    out = capsys.readouterr().out

    # On the store's clock ([parser] utc_offset, +08:00 by default), whatever the machine's is.
    store_day = datetime.now(STORE).strftime("%Y-%m-%d")
    assert "by template alipay-default (gb18030, order 202611220002)" in out.splitlines()[0]
    assert store_day in out.splitlines()[0] and "+0800" in out.splitlines()[0]
    assert "模板 alipay-default" in out.splitlines()[1]
    assert "there now:" in out and "print.txt" in out


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_link_or_a_fifo_under_a_watched_name_is_listed_with_what_it_is(
        store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The watcher never reads them: the technician asking why no receipt arrives sees why."""
    private = tmp_path / "private.txt"
    private.write_text("not for the till")
    (store.till / "print.txt").symlink_to(private)
    os.mkfifo(store.till / "print_2.txt")
    (store.till / "print_dir.txt").mkdir()  # passed over, as the watcher does

    code, report = store.run_json(capsys, "files")

    assert code == 0
    present = {p["name"]: p["refused"] for p in report["folders"][0]["present"]}
    assert present == {"print.txt": f"a symbolic link to {private}: not followed",
                       "print_2.txt": "a FIFO (named pipe), not a file: not read"}
    assert store.run("files") == 0
    out = capsys.readouterr().out
    assert f"    print.txt  is a symbolic link to {private}: not followed" in out
    assert "there now: no file matching" not in out
    # The diagnosis warns about them too, in both languages.
    _, diagnosis = store.run_json(capsys, "diagnose", "--offline")
    watched = next(c for c in diagnosis["checks"] if c["id"] == "watch_folders")
    assert watched["outcome"] == "warning" and "print.txt is a symbolic link" in watched["message"]
    assert watched["summary_zh"] and watched["hint_zh"]


def test_unknown_template_is_shown_by_fingerprint(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    own = "某某便利店\r\n单据号码：A1\r\n订单号：202611229999\r\n实付金额：5.00\r\n".encode("gbk")
    store.till_writes("print_0001.txt", own)

    _, report = store.run_json(capsys, "files")

    (version,) = report["folders"][0]["versions"]
    assert version["template"].startswith("unknown:") and len(version["template"]) == len("unknown:") + 8
    assert version["out_trade_no"] == "202611229999"


def test_last_n_limits_versions_per_folder(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    for n in range(5):
        store.till_writes("print.txt", f"微信支付\r\n商户订单号：2026112200{n:02d}\r\n实付金额：1.00\r\n".encode("gbk"))

    _, report = store.run_json(capsys, "files", "--last", "2")

    versions = report["folders"][0]["versions"]
    assert [v["out_trade_no"] for v in versions] == ["202611220004", "202611220003"]


def test_missing_folder_and_no_journal_are_said_plainly(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    store.till.rmdir()

    code, report = store.run_json(capsys, "files")

    assert code == 1  # the app cannot look: never "fine"
    folder = report["folders"][0]
    assert folder["exists"] is False and "does not exist" in folder["problem"]
    assert report["journal"]["exists"] is False
    assert not store.journal_file.exists(), "reading must not create the journal"
    assert "not recorded anything yet" in report["headline"]
    assert store.run("files") == 1
    assert f"{store.till} does not exist" in capsys.readouterr().err


def test_old_activity_is_not_recent_and_versions_from_other_folders_are_listed(store: Store, tmp_path: Path) -> None:
    long_ago = (datetime.now(UTC) - timedelta(hours=5)).isoformat(timespec="microseconds")
    store.till_writes("print.txt", "微信支付\r\n商户订单号：202611220077\r\n实付金额：1.00\r\n".encode("gbk"),
                      seen_at=long_ago)
    moved = tmp_path / "new-till"
    moved.mkdir()

    report = file_report(WatchSettings(folders=[str(moved)]), store.journal_file, zone=STORE, recent_s=3600)
    assert report.folders[0].versions == ()
    assert [v.out_trade_no for v in report.elsewhere] == ["202611220077"]
    assert "No print.txt has been recorded" in report.headline()[0]

    report = file_report(WatchSettings(folders=[str(store.till)]), store.journal_file, zone=STORE, recent_s=3600)
    assert report.to_json()["written_recently"] is False
    assert "nothing in the last 60 minutes" in report.headline()[0]


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="permission bits do not bind here")
def test_unwritable_folder_is_reported(store: Store) -> None:
    store.till.chmod(0o555)
    try:
        report = file_report(WatchSettings(folders=[str(store.till)]), store.journal_file, zone=STORE)
    finally:
        store.till.chmod(0o755)
    folder = report.folders[0]
    assert folder.readable and not folder.writable and "not writable" in (folder.problem or "")


def test_a_watched_path_that_is_no_folder_fails_the_command(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    store.till.rmdir()
    store.till.write_text("a file where the till's folder should be")

    assert store.run("files") == 1
    captured = capsys.readouterr()
    assert f"{store.till} is not a folder" in captured.err and "problem:" in captured.out


def test_no_watched_folder_fails_the_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from cashier_app.app.cli import main

    config = tmp_path / "empty.toml"
    config.write_text(f"[general]\ndata_dir = {str(tmp_path / 'data')!r}\n", encoding="utf-8")
    assert main(["files", "--config", str(config)]) == 1
    assert "no folder is watched" in capsys.readouterr().err
