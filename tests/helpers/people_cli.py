"""The people command run in-process, with a PIN typed at its prompt."""

from __future__ import annotations

import io

import pytest

from cashier_app.app.cli import main

REFUSED = 6


def people(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str, pin: str = "",
           as_pin: str | None = None) -> int:
    """Run a command in-process: `pin` on standard input, `as_pin` in $CASHIER_APP_PIN."""
    monkeypatch.setattr("sys.stdin", io.StringIO(pin + "\n"))
    if as_pin is None:
        monkeypatch.delenv("CASHIER_APP_PIN", raising=False)
    else:
        monkeypatch.setenv("CASHIER_APP_PIN", as_pin)
    code = main(list(args))
    return code
