"""Diagnosis tests: a store's folders and journal, its sandbox and printer."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from cashier_app.app.cli import main
from cashier_app.journal.db import Journal, utc_now
from cashier_app.platform.credentials import CredentialStore
from cashier_app.platform.settings import PlatformSettings
from cashier_app.sandbox import terminal
from cashier_app.sandbox.server import SandboxServer
from cashier_app.watch.events import FinishedWrite
from cashier_app.watch.intake import Intake, IntakeResult


@dataclass
class Store:
    """The technician's view of one store, all in the test's temp folder."""

    root: Path
    till: Path
    data_dir: Path
    config_file: Path
    printer_port: int = 9  # discard port: nothing listens there unless a printer fixture sets it
    base_url: str = "http://127.0.0.1:9"
    extra_toml: str = ""
    results: list[IntakeResult] = field(default_factory=list)

    @property
    def journal_file(self) -> Path:
        return self.data_dir / "journal.sqlite3"

    @property
    def log_dir(self) -> Path:
        return self.root / "app-home" / "logs"

    def write_config(self) -> Path:
        lines = [
            "[general]", f"data_dir = {json.dumps(str(self.data_dir))}",
            "[watch]", f"folders = [{json.dumps(str(self.till))}]",
            "[platform]", f"base_url = {json.dumps(self.base_url)}", "timeout_s = 2.0",
            "[printing.printers.receipt]", 'kind = "network"', 'host = "127.0.0.1"', f"port = {self.printer_port}",
            "timeout_s = 1.0", "status_timeout_s = 0.3",
            self.extra_toml,
        ]
        self.config_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return self.config_file

    def till_writes(self, name: str, content: bytes, *, seen_at: str | None = None) -> IntakeResult:
        """The till writes `name`; the real intake records the finished write in the journal."""
        path = self.till / name
        path.write_bytes(content)
        st = os.stat(path)
        write = FinishedWrite(path=str(path), content=content, size=st.st_size, mtime_ns=st.st_mtime_ns,
                              sha256=hashlib.sha256(content).hexdigest(), seen_at=seen_at or utc_now())
        journal = Journal(self.journal_file)
        try:
            result = Intake(journal, None, self.data_dir / "kept-aside").handle(write)
        finally:
            journal.close()
        self.results.append(result)
        return result

    def run(self, *args: str) -> int:
        self.write_config()
        return main([*args, "--config", str(self.config_file)])

    def run_json(self, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, Any]:
        capsys.readouterr()
        code = self.run(*args, "--json")
        out = capsys.readouterr().out
        return code, json.loads(out)

    def platform_settings(self) -> PlatformSettings:
        return PlatformSettings(base_url=self.base_url)

    def store_key(self, key: str = terminal.KEY) -> None:
        CredentialStore(self.platform_settings()).set_key(key)


SandboxFactory = Callable[..., SandboxServer]


def checks_by_id(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {c["id"]: c for c in report["checks"]}
