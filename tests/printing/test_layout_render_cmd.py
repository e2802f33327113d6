"""`cashier-app render FILE --profile NAME -o OUT.bin [--reprint]`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from cashier_app.app.cli import main
from cashier_app.domain.receipt import Receipt
from cashier_app.domain.receipt_parser import parse_receipt
from cashier_app.printing.layout import LayoutOptions, layout_receipt
from cashier_app.printing.profiles import builtin_profiles
from tests.helpers.paths import REPO

PROFILES = builtin_profiles()


def _receipt(path: Path) -> Receipt:
    receipt = parse_receipt(path.read_bytes())
    assert isinstance(receipt, Receipt)
    return receipt


def test_render_writes_the_layout_bytes(samples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sample = samples_dir / "wechat-default-gbk-crlf.txt"
    out = tmp_path / "out.bin"
    assert main(["render", str(sample), "--profile", "80-gb18030", "-o", str(out)]) == 0
    receipt = _receipt(sample)
    expected = layout_receipt(receipt.lines, PROFILES["80-gb18030"], LayoutOptions(qr_data="202611220001"))
    assert out.read_bytes() == expected.payload
    captured = capsys.readouterr()
    assert f"{out}: {len(expected.payload)} bytes" in captured.out
    assert captured.err == ""


def test_render_reprint(samples_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.bin"
    sample = samples_dir / "alipay-default-gbk-crlf.txt"
    assert main(["render", str(sample), "--profile", "58-gbk", "-o", str(out), "--reprint", "--copy-no", "3",
                 "--reason", "打印机缺纸"]) == 0
    payload = out.read_bytes()
    assert payload.startswith(b"\x1b@\x1c&\x1d!\x11" + "重打小票 REPRINT".encode("gbk"))
    assert "副本 COPY 3".encode("gbk") in payload
    assert "原因 打印机缺纸".encode("gbk") in payload


def test_render_prints_warnings(samples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.bin"
    assert main(["render", str(samples_dir / "refund-utf8-lf.txt"), "--profile", "80-cp437", "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "warning: UNENCODABLE: cp437 cannot print" in err
    assert out.read_bytes().startswith(b"\x1b@\x1c.\x1bt\x00")


def test_render_uses_the_default_printers_profile_and_cutter(samples_dir: Path, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[printing.printers.receipt]\nprofile = "80-42-gb18030"\ncutter = false\n', encoding="utf-8")
    out = tmp_path / "out.bin"
    sample = samples_dir / "fullwidth-and-spaces-gbk.txt"
    assert main(["render", str(sample), "-o", str(out), "--config", str(config), "--no-qr"]) == 0
    expected = layout_receipt(_receipt(sample).lines, PROFILES["80-42-gb18030"], LayoutOptions(cutter=False))
    assert out.read_bytes() == expected.payload


def test_render_refuses_what_is_not_a_receipt(samples_dir: Path, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.bin"
    assert main(["render", str(samples_dir / "empty.txt"), "-o", str(out)]) == 1
    assert "is not a receipt: empty" in capsys.readouterr().err
    assert not out.exists()
    assert main(["render", str(tmp_path / "nowhere.txt"), "-o", str(out)]) == 1
    assert "cannot read" in capsys.readouterr().err


def test_render_unknown_profile(samples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sample = samples_dir / "wechat-default-gbk-crlf.txt"
    assert main(["render", str(sample), "--profile", "99-nope", "-o", str(tmp_path / "o.bin")]) == 2
    assert "profile_unknown" in capsys.readouterr().err


def test_render_from_the_installed_command(samples_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.bin"
    done = subprocess.run(
        [sys.executable, "-m", "cashier_app", "render", str(samples_dir / "pos-vendor-template-utf8-bom.txt"),
         "--profile", "58-gbk", "-o", str(out)],
        cwd=REPO, capture_output=True, text=True, timeout=60, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"\x1b@\x1c&")
    # The vendor template's '￥9.50' reaches the GBK printer as A3A4.
    assert "实付: ￥9.50".encode("gbk") in out.read_bytes()


def test_render_png_through_the_virtual_printer(samples_dir: Path, tmp_path: Path) -> None:
    from PIL import Image

    out, png = tmp_path / "out.bin", tmp_path / "out.png"
    sample = samples_dir / "wechat-default-gbk-crlf.txt"
    assert main(["render", str(sample), "--profile", "80-42-gb18030", "-o", str(out), "--png", str(png)]) == 0
    with Image.open(png) as picture:
        assert picture.format == "PNG"
        assert picture.width == 512  # one pixel per printer dot
        assert picture.height > 300
