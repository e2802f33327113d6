"""`cashier-app parse`: the technician's view of print.txt files, through the real CLI entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cashier_app.app.cli import main
from tests.helpers.receipt_builders import load_expected


def test_json_lines_match_expected_for_every_sample(samples_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    expected = load_expected(samples_dir)
    names = sorted(expected)
    # The samples include refusals (empty, not text): exit 3, and every file still answered.
    assert main(["parse", "--json", *(str(samples_dir / name) for name in names)]) == 3
    out = capsys.readouterr().out.splitlines()
    assert len(out) == len(names)
    for name, line in zip(names, out, strict=True):
        assert json.loads(line) == expected[name], name
        assert list(json.loads(line)) == list(expected[name])
    # Chinese stays readable (ensure_ascii=False).
    assert "\\u" not in "".join(out)


def test_json_keeps_the_order_given_and_reports_unreadable_paths(
    samples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "absent" / "print.txt"
    args = [str(samples_dir / "refund-utf8-lf.txt"), str(missing), str(tmp_path), str(samples_dir / "empty.txt")]
    assert main(["parse", "--json", *args]) == 1
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert out[0]["kind"] == "REFUND"
    assert list(out[1]) == ["error"]
    assert out[1]["error"].startswith("cannot read: ")
    assert str(missing) in out[1]["error"]
    assert out[2]["error"].startswith("cannot read: ")
    assert out[3] == {"error": "empty"}


def test_human_summary_names_template_encoding_and_refusal_reason(
    samples_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = ["wechat-default-gbk-crlf.txt", "pos-vendor-template-utf8-bom.txt", "not-a-receipt.bin.txt"]
    assert main(["parse", *(str(samples_dir / name) for name in files)]) == 3  # one is not a receipt
    out = capsys.readouterr().out
    assert "wechat-default" in out
    assert "vendor" in out
    assert "gb18030" in out
    assert "4200001234202611221234567890" in out
    assert "1250 fen (12.50 yuan)" in out
    assert "not a receipt: not text" in out
    assert "NUL byte at offset 0" in out
    assert out.index("wechat-default-gbk-crlf.txt") < out.index("pos-vendor") < out.index("not-a-receipt")


def test_human_summary_for_an_unreadable_path_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(tmp_path / "nope.txt")]) == 1
    assert "cannot read: " in capsys.readouterr().out


def test_store_labels_from_config_apply(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    receipt = tmp_path / "print.txt"
    receipt.write_bytes("  收银小票\r\n单据号：D20261122\r\n应收：RMB 7.20\r\n".encode("gbk"))
    config = tmp_path / "store.toml"
    config.write_text('[parser.labels]\nout_trade_no = ["单据号"]\namount = ["应收", "金额"]\n', encoding="utf-8")

    assert main(["parse", "--json", str(receipt)]) == 0
    default = json.loads(capsys.readouterr().out)
    assert (default["out_trade_no"], default["amount"]) == (None, None)

    assert main(["parse", "--config", str(config), "--json", str(receipt)]) == 0
    configured = json.loads(capsys.readouterr().out)
    assert (configured["out_trade_no"], configured["amount"], configured["encoding"]) == ("D20261122", 720, "gb18030")


def test_parse_needs_at_least_one_file(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["parse"])
    assert info.value.code == 2
    assert "FILE" in capsys.readouterr().err
