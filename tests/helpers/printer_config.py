"""A configuration file naming a printer, for command-line tests."""

from __future__ import annotations

from pathlib import Path


def write_config(home: Path, port: int, extra: str = "") -> None:
    (home / "config.toml").write_text(
        "[printing]\ndefault_printer = \"receipt\"\n"
        f"[printing.printers.receipt]\nkind = \"network\"\nhost = \"127.0.0.1\"\nport = {port}\n"
        "timeout_s = 2.0\nstatus_timeout_s = 0.3\n" + extra,
        encoding="utf-8",
    )
