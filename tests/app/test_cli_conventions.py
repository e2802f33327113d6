"""The command line behaves as command lines do: usage errors exit 2 with help, answers that are not
what was asked for exit non-zero, a mistyped --config is an error, scripts get --json."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest

from cashier_app.app.cli import build_parser, main
from tests.helpers.paths import SAMPLES

GROUPS = ["config", "credentials", "order", "printer", "reconcile"]


@pytest.mark.parametrize("group", GROUPS)
def test_a_command_group_without_its_action_exits_2_with_its_help(group: str,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert main([group]) == 2
    err = capsys.readouterr().err
    assert f"usage: cashier-app {group}" in err
    assert "ACTION" in err or "{" in err


def test_every_command_group_in_the_parser_is_covered() -> None:
    parser = build_parser()
    subcommands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    groups = {name for name, sub in subcommands.choices.items()
              if any(a.dest.endswith("_command") for a in sub._actions)}
    assert set(GROUPS) <= groups


def test_parse_exit_codes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["parse", str(SAMPLES / "wechat-default-gbk-crlf.txt")]) == 0
    assert main(["parse", str(SAMPLES / "not-a-receipt.bin.txt")]) == 3
    assert main(["parse", str(SAMPLES / "wechat-default-gbk-crlf.txt"), str(SAMPLES / "empty.txt")]) == 3
    assert main(["parse", str(tmp_path / "missing.txt"), str(SAMPLES / "empty.txt")]) == 1
    assert "not a receipt" in capsys.readouterr().out


def test_a_config_that_does_not_exist_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "typo" / "config.toml"
    for command in (["config", "show"], ["config", "check"], ["printer", "jobs"], ["--headless"]):
        assert main([*command, "--config", str(missing)]) == 2, command
        assert f"--config {missing}: no such file" in capsys.readouterr().err
    # ... except where the question is where a configuration would be read from.
    assert main(["config", "path", "--config", str(missing)]) == 0
    assert capsys.readouterr().out.strip() == str(missing)


def test_config_check_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.toml"
    good.write_text('[general]\nmode = "observe"\n', encoding="utf-8")
    assert main(["config", "check", "--json", "--config", str(good)]) == 0
    assert json.loads(capsys.readouterr().out) == {"file": str(good), "present": True, "valid": True}
    bad = tmp_path / "bad.toml"
    bad.write_text("[reconcile]\ninterval_s = -1\n", encoding="utf-8")
    assert main(["config", "check", "--json", "--config", str(bad)]) == 2
    report = json.loads(capsys.readouterr().out)
    assert report["valid"] is False and "reconcile.interval_s" in report["error"]


def test_decode_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    job = tmp_path / "job.bin"
    assert main(["render", str(SAMPLES / "wechat-default-gbk-crlf.txt"), "-o", str(job)]) == 0
    capsys.readouterr()
    assert main(["decode", str(job), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    texts = [item["text"] for item in report["items"] if item["kind"] == "text"]
    assert any("商户订单号" in text for text in texts)
    assert report["items"][-1]["kind"] == "cut" or any(i["kind"] == "cut" for i in report["items"])
    assert report["flags"] == [] and report["charset"] == "gbk"


def test_diagnose_json_is_json(capsys: pytest.CaptureFixture[str]) -> None:
    main(["diagnose", "--offline", "--json"])
    assert "checks" in json.loads(capsys.readouterr().out)


def test_the_help_of_a_group_goes_to_stderr_not_a_traceback() -> None:
    done = subprocess.run([sys.executable, "-m", "cashier_app", "printer"], capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 2 and "Traceback" not in done.stderr and "usage:" in done.stderr


WITHOUT_CONSOLE = """
import sys
sys.stdout = sys.stderr = sys.stdin = None  # as in the windowed Windows program
from cashier_app.app.cli import main
code = main(sys.argv[1:])
open({marker!r}, "w").write(str(code))
"""


@pytest.mark.parametrize(("args", "expected"), [
    (["parse", str(SAMPLES / "wechat-default-gbk-crlf.txt")], 0),
    (["credentials", "set"], 2),  # no standard input to read a key from: refused, not a crash
    (["printer"], 2),
])
def test_commands_run_without_a_console(args: list[str], expected: int, tmp_path: Path) -> None:
    marker = tmp_path / "exit-code"
    done = subprocess.run([sys.executable, "-c", WITHOUT_CONSOLE.format(marker=str(marker)), *args],
                          capture_output=True, text=True, timeout=60, check=False)
    assert "Traceback" not in done.stderr, done.stderr
    assert marker.read_text() == str(expected)
