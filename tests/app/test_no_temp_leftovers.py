"""Starting the app leaves nothing in the temp folder (python-escpos made an 80 KB folder there on
every start); its cache lives in the app's cache folder and is reused."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.paths import SAMPLES


@pytest.mark.parametrize("command", [
    ["render", str(SAMPLES / "wechat-default-gbk-crlf.txt"), "-o", "{out}/job.bin"],
    ["--demo", "--headless", "--run-seconds", "2"],
    ["--demo", "--run-seconds", "2"],
], ids=["command", "headless", "window"])
def test_nothing_is_left_in_the_temp_folder(command: list[str], isolated_home: Path, tmp_path: Path) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    env = {**os.environ, "TMPDIR": str(temp)}
    env.pop("ESCPOS_CAPABILITIES_PICKLE_DIR", None)
    args = [a.format(out=out) for a in command]
    done = subprocess.run([sys.executable, "-m", "cashier_app", *args], env=env, capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert list(temp.iterdir()) == []
    assert list((isolated_home / "cache" / "escpos").glob("*.capabilities.pickle"))
