from __future__ import annotations

from pathlib import Path

from cashier_app.domain.receipt import Receipt
from cashier_app.domain.receipt_labels import ParserSettings
from cashier_app.domain.receipt_parser import parse_receipt


def test_store_named_template_replaces_unknown_fingerprint(samples_dir: Path) -> None:
    data = (samples_dir / "fullwidth-and-spaces-gbk.txt").read_bytes()
    first = parse_receipt(data)
    assert isinstance(first, Receipt) and first.template is not None
    assert first.template.startswith("unknown:")
    mark = first.template.split(":", 1)[1]
    named = parse_receipt(data, ParserSettings(templates={mark: "store-a-till"}))
    assert isinstance(named, Receipt) and named.template == "store-a-till"
