"""The README's "How to add" section stays true: every file it names exists, every contract it names
is one of pyproject.toml's, and each of the six recipes is there."""

from __future__ import annotations

import re
import tomllib

from tests.helpers.paths import REPO

RECIPES = ["A page", "A command of the command line", "A background call from the window", "A journal migration",
           "A printer kind", "A platform adapter"]


def how_to_add() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    start = readme.index("\n## How to add")
    end = readme.find("\n## ", start + 1)
    return readme[start:] if end < 0 else readme[start:end]


def named_paths(section: str) -> set[str]:
    """`code` spans that are paths: no spaces, a slash or a file suffix."""
    spans = re.findall(r"`([^`\s]+)`", section)
    return {span for span in spans if "/" in span or re.search(r"\.(py|sql|ts|toml|md)$", span)}


def named_contracts(section: str) -> set[str]:
    flat = " ".join(section.split())
    names: set[str] = set()
    for run in re.findall(r'contracts? ((?:"[^"]+"(?:,? (?:and )?)?)+)', flat):
        names.update(re.findall(r'"([^"]+)"', run))
    return names


def test_the_section_has_every_recipe() -> None:
    headings = re.findall(r"^### (.+)$", how_to_add(), re.M)
    assert headings == RECIPES


def test_every_path_named_exists() -> None:
    paths = named_paths(how_to_add())
    assert len(paths) > 25
    missing = sorted(path for path in paths if not (REPO / path).exists())
    assert missing == []


def test_every_contract_named_is_a_contract() -> None:
    named = named_contracts(how_to_add())
    assert len(named) >= 4
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = {contract["name"] for contract in config["tool"]["importlinter"]["contracts"]}
    assert named - contracts == set()


def test_the_checks_above_see_what_they_check() -> None:
    section = ('copy `cashier_app/ui/no_such_page.py` and `0099_x.sql`, not `--json`; the contracts "One" and\n'
               '"Two words", the contract "Three"')
    assert named_paths(section) == {"cashier_app/ui/no_such_page.py", "0099_x.sql"}
    assert named_contracts(section) == {"One", "Two words", "Three"}
