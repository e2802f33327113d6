"""Rules of the house that hold for the product code as a whole (one of each, kept so)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from tests.helpers.paths import REPO

PRODUCT = REPO / "cashier_app"


def _python_files(*, excluding: tuple[str, ...] = ()) -> list[Path]:
    return [path for path in sorted(PRODUCT.rglob("*.py"))
            if not any(path.relative_to(PRODUCT).as_posix().startswith(prefix) for prefix in excluding)]


def test_one_coded_error_base() -> None:
    """A failure said to a person subclasses domain.errors.CodedError; no class sets its own `code` by hand.
    (The sandbox's errors are the emulated platforms' wire answers, not the app's words.)"""
    offenders = []
    for path in _python_files(excluding=("domain/errors.py", "sandbox/")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Assign | ast.AnnAssign):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    if isinstance(target, ast.Attribute) and target.attr == "code" and \
                            isinstance(target.value, ast.Name) and target.value.id == "self":
                        offenders.append(f"{path.relative_to(REPO)}:{node.lineno}")
    assert offenders == []


def test_one_money_formatter() -> None:
    """Fen become yuan text in domain/money.py alone (floor division printed -5 fen as -1.95)."""
    # The idioms: {fen // 100}.{fen % 100:02d}, and divmod(fen, 100).
    pattern = re.compile(r"//\s*100\}\.\{[^}]*%\s*100:02d|divmod\([^)]*,\s*100\)")
    offenders = []
    for path in _python_files(excluding=("domain/money.py",)):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line):
                offenders.append(f"{path.relative_to(REPO)}:{number}")
    assert offenders == []


def test_times_people_read_are_laid_out_by_the_one_local_time_helper() -> None:
    """A time on a screen, a receipt, a report or the command line goes through domain.local_time.store_time,
    so it is on the store's clock ([parser] utc_offset), not the machine's or the platform's. (The sandbox
    writes the emulated platforms' own Beijing-time fields.)"""
    pattern = re.compile(r"strftime\([^)]*%H:%M|:%Y-%m-%d %H|%H:%M\}|\.astimezone\(\)\.strftime")
    offenders = []
    for path in _python_files(excluding=("domain/local_time.py", "sandbox/")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line):
                offenders.append(f"{path.relative_to(REPO)}:{number}: {line.strip()}")
    assert offenders == []


def test_printer_faults_are_worded_in_one_place() -> None:
    """The window, the command line and the diagnosis say a printer fault with the words of
    domain/printer_faults.py: no other table maps a fault code to words of its own."""
    from cashier_app.domain.printer_faults import WORDS

    # Words other tables use for their own things too (a platform's timeout, an unknown state).
    printer_only = set(WORDS) - {"ok", "unknown", "timeout", "not_configured"}

    def is_fault_code(key: ast.expr | None) -> bool:
        if isinstance(key, ast.Constant):
            return key.value in printer_only
        name = key.attr if isinstance(key, ast.Attribute) else key.id if isinstance(key, ast.Name) else ""
        return name.lower() in printer_only

    offenders = []
    for path in _python_files(excluding=("domain/printer_faults.py", "sandbox/", "emulator/")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Dict):
                continue
            for key, value in zip(node.keys, node.values, strict=True):
                worded = [c.value for c in ast.walk(value) if isinstance(c, ast.Constant) and isinstance(c.value, str)
                          and len(c.value) > 3]
                if is_fault_code(key) and worded:
                    offenders.append(f"{path.relative_to(REPO)}:{node.lineno}: {worded[0]}")
    assert offenders == []


def test_the_sandboxs_terminal_is_named_in_one_place() -> None:
    """The demo's merchant, terminal and key are sandbox/terminal.py's; the platform settings' defaults
    (a fresh install points at a local sandbox) are the same terminal."""
    from cashier_app.platform.settings import PlatformSettings
    from cashier_app.sandbox import terminal

    offenders = []
    for path in _python_files(excluding=("sandbox/terminal.py",)):
        text = path.read_text(encoding="utf-8")
        if terminal.KEY in text or (f'"{terminal.MERCHANT_NO}"' in text and "platform/settings.py" not in str(path)):
            offenders.append(str(path.relative_to(REPO)))
    assert offenders == []
    defaults = PlatformSettings()
    assert (defaults.merchant_no, defaults.terminal_no) == (terminal.MERCHANT_NO, terminal.TERMINAL_NO)
