"""`cashier-app diagnose` against the real parts: the virtual printer, the sandbox platform with its key
in the test keyring, a journal written by the real intake, and a config file in tmp."""

from __future__ import annotations

from pathlib import Path

import pytest

from cashier_app.emulator.server import VirtualPrinter
from cashier_app.emulator.status import PrinterCondition
from cashier_app.journal.db import Journal
from cashier_app.journal.print_jobs import PrintJobStore
from cashier_app.printing import faults
from tests.helpers.diagnostics import SandboxFactory, Store, checks_by_id
from tests.helpers.net import free_port


def test_healthy_store_with_key_printer_and_platform(store: Store, printer: VirtualPrinter,
                                                     sandbox_factory: SandboxFactory, samples_dir: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    sandbox_factory()
    store.store_key()
    store.till_writes("print.txt", (samples_dir / "wechat-default-gbk-crlf.txt").read_bytes())

    code, report = store.run_json(capsys, "diagnose")

    checks = checks_by_id(report)
    assert code == 0, report
    assert checks["config"]["outcome"] == "ok" and checks["config"]["details"]["file"] == str(store.config_file)
    assert checks["journal"]["outcome"] == "ok" and checks["journal"]["details"]["schema_version"] >= 4
    assert checks["data_folder"]["outcome"] == "ok"
    assert checks["watch_folders"]["outcome"] == "ok"
    assert checks["print_txt"]["outcome"] == "ok" and "wechat-default" in checks["print_txt"]["message"]
    assert checks["printer:receipt"]["outcome"] == "ok"
    assert checks["printer:receipt"]["details"]["state"] == "ready"
    assert checks["print_queue"]["outcome"] == "ok"
    assert checks["platform"]["outcome"] == "ok" and checks["platform"]["details"]["code"] == "SUCCESS"
    assert checks["clock"]["outcome"] == "ok" and abs(checks["clock"]["details"]["skew_s"]) <= 2
    # The test keyring is a plaintext file: a key is there, with the fallback warning.
    cred = checks["credentials"]
    assert cred["outcome"] == "warning" and cred["details"]["key_present"] is True
    assert "PlaintextKeyring" in cred["details"]["backend"] and "fallback" in cred["message"]
    assert checks["system"]["details"]["packages"]["python-escpos"] == "3.1"
    assert checks["fonts"]["outcome"] == "ok"
    assert all(c["summary_zh"] for c in report["checks"])
    assert "sandbox-key" not in str(report)


def test_offline_printer_is_a_fault_with_a_hint(store: Store, printer: VirtualPrinter,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    printer.set_condition(PrinterCondition.OFFLINE)

    code, report = store.run_json(capsys, "diagnose")

    check = checks_by_id(report)["printer:receipt"]
    assert code == 1 and report["outcome"] == "fault"
    assert check["outcome"] == "fault" and check["details"]["code"] == faults.OFFLINE
    assert "offline" in check["hint"] and "打印机" in check["summary_zh"]


def test_stalled_printer_is_unknown_not_ok(store: Store, printer: VirtualPrinter,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    printer.stall(True)
    try:
        _, report = store.run_json(capsys, "diagnose", "--printer-timeout", "0.5")
    finally:
        printer.stall(False)

    check = checks_by_id(report)["printer:receipt"]
    assert check["details"]["state"] == "unknown" and check["details"]["code"] == faults.STATUS_UNKNOWN
    assert check["outcome"] == "warning" and "check_status" in check["hint"]


def test_no_key_is_a_warning_and_the_platform_is_not_asked(store: Store, sandbox_factory: SandboxFactory,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    sandbox_factory()

    _, report = store.run_json(capsys, "diagnose", "--printer-timeout", "0.3")

    checks = checks_by_id(report)
    assert checks["credentials"]["outcome"] == "warning"
    assert checks["credentials"]["details"]["key_present"] is False
    assert "credentials set" in checks["credentials"]["hint"]
    assert checks["platform"]["outcome"] == "warning" and "no API key" in checks["platform"]["message"]
    assert checks["clock"]["outcome"] == "warning"
    assert "skew_s" not in checks["clock"]["details"]


def test_clock_skew_is_measured_from_the_platforms_signed_timestamp(store: Store, sandbox_factory: SandboxFactory,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    sandbox_factory(shift_s=1000)  # the platform's clock runs 1000 s ahead of ours
    store.store_key()

    code, report = store.run_json(capsys, "diagnose", "--printer-timeout", "0.3")

    checks = checks_by_id(report)
    assert code == 1
    clock = checks["clock"]
    assert clock["outcome"] == "fault"
    assert 998 <= clock["details"]["skew_s"] <= 1002
    assert "300 s" in clock["message"] and "behind" in clock["message"]
    platform = checks["platform"]
    assert platform["outcome"] == "fault" and platform["details"]["code"] == "TIMESTAMP_EXPIRED"


def test_small_skew_is_a_warning(store: Store, sandbox_factory: SandboxFactory,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    sandbox_factory(shift_s=-120)
    store.store_key()

    _, report = store.run_json(capsys, "diagnose", "--offline")
    assert checks_by_id(report)["clock"]["outcome"] == "warning"
    assert "not checked" in checks_by_id(report)["platform"]["message"]

    _, report = store.run_json(capsys, "diagnose", "--printer-timeout", "0.3")
    clock = checks_by_id(report)["clock"]
    assert clock["outcome"] == "warning" and -122 <= clock["details"]["skew_s"] <= -118
    assert "ahead of" in clock["message"]
    assert checks_by_id(report)["platform"]["outcome"] == "ok"


def test_wrong_key_is_a_platform_fault(store: Store, sandbox_factory: SandboxFactory,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    sandbox_factory()
    store.store_key("not-the-sandbox-key-123")

    _, report = store.run_json(capsys, "diagnose", "--printer-timeout", "0.3")

    platform = checks_by_id(report)["platform"]
    assert platform["outcome"] == "fault" and "rejects this till's key" in platform["message"]
    # Named as a refused key in the technician's Chinese too (the status bar's words), never "cannot connect".
    assert platform["summary_zh"] == "平台拒绝本机的商户密钥" and "无法连接" not in platform["summary_zh"]
    assert "credentials set" in platform["hint"] and platform["hint_zh"]
    assert checks_by_id(report)["clock"]["outcome"] == "warning"  # an unverified answer's time is not believed


def test_unreachable_platform_is_a_fault(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    store.base_url = f"http://127.0.0.1:{free_port()}"
    store.store_key()

    _, report = store.run_json(capsys, "diagnose", "--printer-timeout", "0.3", "--platform-timeout", "0.5")

    platform = checks_by_id(report)["platform"]
    assert platform["outcome"] == "fault" and "cannot be reached" in platform["message"]
    assert platform["summary_zh"] == "无法连接商户平台"


def test_held_and_parked_jobs_show_in_the_queue_check(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    journal = Journal(store.journal_file)
    jobs = PrintJobStore(journal)
    held = jobs.create(None, "receipt", payload=b"\x1b@hello")
    jobs.hold(held.id, faults.PAPER_END, "127.0.0.1:9100: paper end")
    journal.close()

    _, report = store.run_json(capsys, "diagnose", "--offline")
    queue = checks_by_id(report)["print_queue"]
    assert queue["outcome"] == "warning" and queue["details"]["pending"] == 1
    assert queue["details"]["held"][0]["fault_code"] == faults.PAPER_END and "paper_end" in queue["message"]

    journal = Journal(store.journal_file)
    PrintJobStore(journal).hold(held.id, faults.NOT_CONFIGURED, "moved away", parked=True)
    journal.close()
    _, report = store.run_json(capsys, "diagnose", "--offline")
    assert checks_by_id(report)["print_queue"]["outcome"] == "fault"


def test_broken_config_is_a_fault_and_the_rest_still_runs(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    store.extra_toml = "[watch]\nsettle_ms = 1\n"  # a second [watch] table: not valid TOML
    code, report = store.run_json(capsys, "diagnose", "--offline")

    checks = checks_by_id(report)
    assert code == 1
    assert checks["config"]["outcome"] == "fault" and "not valid TOML" in checks["config"]["message"]
    assert {"journal", "fonts", "system", "disk_space"} <= set(checks)


def test_text_output_has_english_and_chinese(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    store.run("diagnose", "--offline")
    out = capsys.readouterr().out
    assert "overall:" in out and "总体" in out
    assert "[WARNING] Platform credentials" in out and "未保存平台密钥" in out


def test_without_a_system_store_the_key_file_is_named(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    import keyring
    import keyring.backends.fail

    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        _, report = store.run_json(capsys, "diagnose", "--offline")
    finally:
        keyring.set_keyring(previous)

    cred = checks_by_id(report)["credentials"]
    # key_storage = "auto": the app's key file stands in, and the diagnosis says where it is.
    assert cred["outcome"] == "warning" and cred["details"]["key_present"] is False
    assert cred["details"]["store_kind"] == "file"
    assert cred["details"]["store_location"].endswith("keys.json")


def test_every_fixed_hint_has_its_chinese() -> None:
    import ast
    import inspect

    from cashier_app.diagnostics import checks
    from cashier_app.diagnostics.hints_zh import HINTS_ZH

    tree = ast.parse(inspect.getsource(checks))
    hints: set[object] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "_check" and len(node.args) >= 6:
            hints.add(getattr(node.args[5], "value", None))  # a literal hint; None for one built from what was found
        elif isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "hint" for t in node.targets):
            hints.add(getattr(node.value, "value", None))
    hints |= {hint for _outcome, _text, _zh, hint in checks._PLATFORM_CODES.values()}
    hints -= {"", None}
    assert len(hints) > 25
    assert sorted(str(h) for h in hints - set(HINTS_ZH)) == []
