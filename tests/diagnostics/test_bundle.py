"""The diagnostic bundle: what it holds, and that the API key is nowhere in it."""

from __future__ import annotations

import json
import logging
import os
import zipfile
from pathlib import Path

import pytest

from cashier_app.app.logging_setup import setup_logging
from cashier_app.journal.db import Journal
from cashier_app.journal.print_jobs import PrintJobStore
from cashier_app.sandbox import terminal
from tests.helpers.diagnostics import SandboxFactory, Store


@pytest.fixture
def app_logging(store: Store):
    log_file = setup_logging(store.log_dir)
    yield log_file
    setup_logging(None)  # removes the app's handlers again


def read_members(bundle: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(bundle) as archive:
        assert archive.testzip() is None
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.mark.usefixtures("printer")
def test_bundle_holds_the_evidence_and_never_the_key(store: Store, sandbox_factory: SandboxFactory, samples_dir: Path,
                                                     app_logging: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sandbox_factory()
    store.store_key(terminal.KEY)
    result = store.till_writes("print.txt", (samples_dir / "wechat-default-gbk-crlf.txt").read_bytes())
    journal = Journal(store.journal_file)
    assert result.receipt is not None
    PrintJobStore(journal).create(result.receipt.id, "receipt")
    journal.close()
    # On purpose: the key in a log line through logging (the redactor must catch it) ...
    logging.getLogger("cashier_app.test").warning("calling the platform with key %s", terminal.KEY)
    for handler in logging.getLogger().handlers:
        handler.flush()
    # ... and in an old log file written before the redactor existed (the bundle's scrub must catch it).
    (store.log_dir / "cashier-app.log.1").write_text(f"2026-11-01 old line key={terminal.KEY}\n", encoding="utf-8")
    bundle = store.root / "out" / "diag.zip"

    capsys.readouterr()
    code = store.run("diagnose", "--bundle", str(bundle))

    assert code == 0, capsys.readouterr().out
    members = read_members(bundle)
    expected = {"report.json", "report.txt", "files.json", "files.txt", "config.toml", "versions.json",
                "journal.json", "file-versions.json", "print-jobs.json", "reconcile-status.json", "README.txt",
                "logs/cashier-app.log", "logs/cashier-app.log.1"}
    assert expected <= set(members), sorted(members)
    assert not any(name.startswith("receipts/") for name in members), "receipt contents only when asked"
    for name, data in members.items():
        for encoding in ("utf-8", "utf-16-le", "gb18030"):
            assert terminal.KEY.encode(encoding) not in data, f"the key is in {name} ({encoding})"
    assert b"calling the platform with key ***" in members["logs/cashier-app.log"]
    assert b"key=***" in members["logs/cashier-app.log.1"]
    report = json.loads(members["report.json"])
    assert {c["id"] for c in report["checks"]} >= {"config", "journal", "printer:receipt", "platform", "clock"}
    versions = json.loads(members["file-versions.json"])
    assert versions[0]["template"] == "wechat-default" and versions[0]["out_trade_no"] == "202611220001"
    assert "content" not in versions[0]
    jobs = json.loads(members["print-jobs.json"])
    assert jobs[0]["receipt_id"] == result.receipt.id and "payload" not in jobs[0]
    assert "position" in json.loads(members["reconcile-status.json"])
    config = members["config.toml"].decode("utf-8")
    assert store.base_url in config and "[printing.printers.receipt]" in config
    assert json.loads(members["versions.json"])["packages"]["python-escpos"] == "3.1"


def test_with_receipts_adds_the_archived_files_of_the_last_day(store: Store, samples_dir: Path) -> None:
    sample = (samples_dir / "alipay-default-gbk-crlf.txt").read_bytes()
    store.till_writes("print.txt", sample)
    bundle = store.root / "diag.zip"

    store.run("diagnose", "--offline", "--bundle", str(bundle), "--with-receipts")

    members = read_members(bundle)
    receipts = {name: data for name, data in members.items() if name.startswith("receipts/")}
    assert list(receipts.values()) == [sample]
    assert b"receipts/" in members["README.txt"]


def test_secret_looking_config_values_are_masked(store: Store) -> None:
    from cashier_app.app.config import AppConfig, to_dict
    from cashier_app.diagnostics.scrubbing import Scrubber, redact_config

    config = to_dict(AppConfig())
    config["platform"]["proxy_url"] = "http://tech:proxy-pass-77@proxy.store.lan:3128"
    config["extra"] = {"api_key": "abcd-1234-secret", "keyring_service": "cashier-app"}
    found: list[str] = []

    redacted = redact_config(config, found)

    assert redacted["platform"]["proxy_url"] == "http://***@proxy.store.lan:3128"
    assert redacted["extra"] == {"api_key": "***", "keyring_service": "cashier-app"}
    assert redacted["platform"]["keyring_timeout_s"] == config["platform"]["keyring_timeout_s"]
    assert set(found) == {"proxy-pass-77", "abcd-1234-secret"}
    assert Scrubber(found).text("log: proxy-pass-77 and abcd-1234-secret") == "log: *** and ***"


def test_bundle_is_written_whole_or_not_at_all(store: Store) -> None:
    target = store.root / "no-such-dir-is-fine" / "diag.zip"
    assert store.run("diagnose", "--offline", "--bundle", str(target)) in (0, 1)
    assert target.is_file()
    assert not [p for p in target.parent.iterdir() if p.name.endswith(".part")]


def test_open_cases_are_in_the_bundle_with_contacts_masked(store: Store) -> None:
    from cashier_app.domain.cases import CaseKind, CaseResult, StepAction
    from cashier_app.journal.cases import CaseStore

    journal = Journal(store.journal_file)
    cases = CaseStore(journal)
    dropped, _ = cases.open_case(CaseKind.DROPPED_ORDER, actor="03", out_trade_no="13800138000",
                                 channel_trade_no="4200001234567890", amount=3850,
                                 cause="customer shows paid; call back on 13912345678 or li.na@example.com",
                                 detail="customer phone +86 139-1234-5678, landline 010-62345678")
    cases.record(dropped.id or 0, StepAction.NOTE, "03", detail="called 13912345678, no answer",
                 note="customer asked to be called on 13911112222")
    cases.set_contact(dropped.id or 0, "微信 lina_88，电话 13933334444", "03")
    closed, _ = cases.open_case(CaseKind.UNPAID, actor="03", out_trade_no="202611220002", cause="note 13700001111")
    cases.close_case(closed.id or 0, CaseResult.CLOSED_AND_REPAID, "03", "paid again")
    journal.close()
    bundle = store.root / "diag.zip"

    store.run("diagnose", "--offline", "--bundle", str(bundle))

    members = read_members(bundle)
    [case] = json.loads(members["cases-open.json"])  # the closed one is not there
    assert case["out_trade_no"] == "13800138000"  # an order number is kept, even one shaped like a phone
    assert case["channel_trade_no"] == "4200001234567890" and case["amount"] == 3850
    assert case["cause"] == "customer shows paid; call back on 139****5678 or l***@example.com"
    assert case["steps"][0]["detail"] == "customer phone +86 139****5678, landline 010-****5678"
    assert case["steps"][1]["detail"] == "called 139****5678, no answer"
    assert case["steps"][1]["note"] == "customer asked to be called on 139****2222"
    assert case["customer_contact"] == "微信 lina_88，电话 139****4444"  # the case's own contact field
    text = b"".join(members.values())
    for contact in (b"13912345678", b"li.na@example.com", b"62345678", b"1234-5678", b"13700001111",
                    b"13911112222", b"13933334444"):
        assert contact not in text
    assert b"cases-open.json" in members["README.txt"]


def test_contact_fields_are_masked_whole() -> None:
    from cashier_app.domain.contacts import mask_contact_value, mask_contacts

    assert mask_contact_value("13912345678") == "139****5678"
    assert mask_contact_value("WeChat: lina_88 / 0755 88881234") == "WeChat: lina_88 / 0755-****1234"
    assert mask_contact_value("(0755) 8888-1234") == "(07****1234"
    assert mask_contact_value("call the store") == "***"
    assert mask_contacts("order 202611220001138001380001") == "order 202611220001138001380001"


@pytest.mark.skipif(os.name == "nt", reason="names are always text on Windows")
def test_a_name_that_is_not_utf8_does_not_break_the_report_or_the_bundle(store: Store, samples_dir: Path) -> None:
    sample = (samples_dir / "alipay-default-gbk-crlf.txt").read_bytes()
    name = os.fsdecode(b"print_\xb2\xe2.txt")  # GBK bytes on a UTF-8 system
    store.till_writes(name, sample)
    store.till_writes("print.txt", sample + b"\r\n")
    bundle = store.root / "diag.zip"

    assert store.run("diagnose", "--offline", "--bundle", str(bundle), "--with-receipts") in (0, 1)

    members = read_members(bundle)
    everything = b"".join(members.values())
    assert b"print_\\\\xb2\\\\xe2.txt" in everything or b"print_\\xb2\\xe2.txt" in everything
    assert any(name.startswith("receipts/") for name in members)
