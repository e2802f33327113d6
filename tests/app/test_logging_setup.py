from __future__ import annotations

import logging
from pathlib import Path

from cashier_app.app.logging_setup import setup_logging
from cashier_app.domain.redaction import SecretRedactor


def test_log_file_rotates_in_log_dir_and_redacts_secrets(tmp_path: Path) -> None:
    SecretRedactor.register("s3cret-key-value")
    log_file = setup_logging(tmp_path / "logs")
    assert log_file is not None
    try:
        raise ValueError("bad key s3cret-key-value")
    except ValueError:
        logging.getLogger("t").exception("failed with %s", "s3cret-key-value")
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = log_file.read_text(encoding="utf-8")
    assert "failed with ***" in text and "bad key ***" in text
    assert "s3cret-key-value" not in text
    setup_logging(None)


def test_library_basic_config_handler_is_replaced(tmp_path: Path) -> None:
    root = logging.getLogger()
    stray = logging.StreamHandler()
    root.addHandler(stray)
    setup_logging(tmp_path / "logs", console=True)
    try:
        assert stray not in root.handlers
        ours = [h for h in root.handlers if getattr(h, "_cashier_app", False)]
        assert len(ours) == 2
    finally:
        setup_logging(None)
