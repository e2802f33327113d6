"""`cashier-app sandbox` runs the server until interrupted."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

from tests.helpers.net import free_port
from tests.helpers.paths import REPO
from tests.helpers.processes import child, stop
from tests.helpers.signed_client import SignedClient


def test_cli_runs_until_interrupted(tmp_path: Path) -> None:
    port = free_port()
    db = tmp_path / "cli.db"
    with child([sys.executable, "-m", "cashier_app", "sandbox", "--port", str(port), "--scenario", "training",
                "--db", str(db)], stop_signal=signal.SIGINT,
               cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8") as process:
        assert process.stdout is not None
        lines = []
        for line in process.stdout:
            lines.append(line)
            if line.startswith("Ctrl-C"):
                break
        text = "".join(lines)
        assert f"http://127.0.0.1:{port}" in text, text + (process.stderr.read() if process.stderr else "")
        assert "M100001" in text and "T0001" in text and "sandbox-key-T0001-please-change" in text
        client = SignedClient(f"http://127.0.0.1:{port}")
        assert len(client.list(page_size=50).data["orders"]) == 4
        client.close()
        finished = stop(process, signal.SIGINT)
    assert not finished.killed and finished.returncode == 0, finished.err
    assert "sandbox stopped" in finished.out
    assert db.exists()


def test_cli_lists_scenarios() -> None:
    result = subprocess.run([sys.executable, "-m", "cashier_app", "sandbox", "--list-scenarios"], cwd=REPO,
                            capture_output=True, text=True, timeout=60, check=True)
    assert "training" in result.stdout and "busy-morning" in result.stdout


def test_cli_refuses_unknown_scenario() -> None:
    result = subprocess.run([sys.executable, "-m", "cashier_app", "sandbox", "--scenario", "nope", "--port", "0"],
                            cwd=REPO, capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 2 and "no scenario" in result.stderr
