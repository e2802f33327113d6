"""Helpers for the receipt parser tests: build print.txt bytes the way tills write them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from cashier_app.domain.receipt import Receipt, Refusal


def encode(text: str, encoding: str = "utf-8", newline: str = "\n") -> bytes:
    """Lines joined by `\\n` in `text`, written with the given line ending and encoding
    (`utf-8-sig` writes the BOM)."""
    return text.replace("\n", newline).encode(encoding)


def to_fullwidth(text: str) -> str:
    """ASCII printable characters as their full-width forms, the space as the ideographic space."""
    return "".join(
        "\u3000" if ch == " " else chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch for ch in text
    )


def load_expected(samples: Path) -> dict[str, dict[str, Any]]:
    raw = json.loads((samples / "expected.json").read_text(encoding="utf-8"))
    return {name: value for name, value in raw.items() if not name.startswith("_")}


def as_receipt(result: Receipt | Refusal) -> Receipt:
    assert isinstance(result, Receipt), f"refused: {result}"
    return result
