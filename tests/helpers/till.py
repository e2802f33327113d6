"""What a till does in tests: writes print.txt as tills do."""

from __future__ import annotations

import os
from pathlib import Path


def till_writes(folder: Path, data: bytes, name: str = "print.txt") -> None:
    """As tills do: a temporary file renamed over print.txt."""
    tmp = folder / f".{name}.tmp"
    tmp.write_bytes(data)
    os.replace(tmp, folder / name)
