"""Ruff's complexity rules (C901, PLR0912, PLR0913; pyproject.toml) hold for the product code, and every
exception says why on its own line: a bare `# noqa: C901` is how a function grows unnoticed."""

from __future__ import annotations

import re

from tests.helpers.paths import REPO

COMPLEXITY = ("C901", "PLR0912", "PLR0913")
NOQA = re.compile(r"#\s*noqa:\s*(?P<codes>[A-Z]+[0-9]+(?:\s*,\s*[A-Z]+[0-9]+)*)(?P<why>.*)$")


def bare_exceptions(source: str) -> list[int]:
    """Lines whose noqa waives a complexity rule without a reason after the codes."""
    bare = []
    for number, line in enumerate(source.splitlines(), 1):
        match = NOQA.search(line)
        if match is None:
            continue
        codes = {code.strip() for code in match.group("codes").split(",")}
        reason = match.group("why").strip(" -()")
        if codes & set(COMPLEXITY) and len(reason) < 12:
            bare.append(number)
    return bare


def test_every_complexity_exception_gives_its_reason() -> None:
    offenders = [f"{path.relative_to(REPO)}:{number}"
                 for path in sorted((REPO / "cashier_app").rglob("*.py"))
                 for number in bare_exceptions(path.read_text(encoding="utf-8"))]
    assert offenders == []


def test_the_check_above_tells_a_reason_from_none() -> None:
    source = ("def a():  # noqa: C901\n"
              "def b():  # noqa: PLR0913, PLR0917 - a journal row's columns, keyword-only\n"
              "def c():  # noqa: S105 - not a secret\n"
              "def d():  # noqa: C901, PLR0912 ok\n")
    assert bare_exceptions(source) == [1, 4]


def test_the_rules_are_on_for_product_code_and_off_for_tests_only() -> None:
    config = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert '"C90"' in re.search(r"^select = \[.*\]$", config, re.M).group(0)  # type: ignore[union-attr]
    ignored = re.search(r"^ignore = \[(.*?)^\]", config, re.M | re.S).group(1)  # type: ignore[union-attr]
    assert not any(f'"{code}"' in ignored for code in ("C901", "PLR0912", "PLR0913"))
    assert re.search(r"^max-complexity = 12$", config, re.M)
