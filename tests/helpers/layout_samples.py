"""The till's sample receipts as layout tests read them."""

from __future__ import annotations

import json
import re

from tests.helpers.paths import SAMPLES

EXPECTED = json.loads((SAMPLES / "expected.json").read_text(encoding="utf-8"))
RECEIPT_SAMPLES = sorted(
    name for name, fields in EXPECTED.items() if isinstance(fields, dict) and "error" not in fields
)


def sample_lines(name: str) -> list[str]:
    """The sample's lines as the till wrote them (decoded as specs/print-txt.md says)."""
    data = (SAMPLES / name).read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("gb18030")
    lines = [line.rstrip() for line in re.split(r"\r\n|\r|\n", text)]
    while lines and not lines[-1]:
        lines.pop()
    return lines
