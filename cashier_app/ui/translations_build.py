"""Regenerate resources/translations/*.ts from cashier_app/ui/*.py and compile the .qm catalogues.

    python -m cashier_app.ui.translations_build           # update .ts (keeps translations), compile .qm
    python -m cashier_app.ui.translations_build --check   # also fail when a string has no translation
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import cashier_app
from cashier_app.assets import translation_path

UI_DIR = Path(cashier_app.__file__).resolve().parent / "ui"
LANGUAGES = ("zh_CN",)


def _tool(name: str) -> str:
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found (it comes with PySide6)")
    return found


def sources() -> list[Path]:
    return sorted(path for path in UI_DIR.glob("*.py") if path.name != "translations_build.py")


def unfinished(ts_file: Path) -> list[str]:
    """Source strings without a finished translation."""
    missing = []
    # The .ts is our own file, written by lupdate: no untrusted XML here.
    for message in ET.parse(ts_file).getroot().iter("message"):  # noqa: S314
        translation = message.find("translation")
        source = message.findtext("source") or ""
        finished = translation is not None and translation.get("type") not in ("unfinished", "vanished", "obsolete")
        if not finished or translation is None or not (translation.text or "").strip():
            missing.append(source)
    return missing


def build(check: bool = False) -> int:
    status = 0
    files = [str(path) for path in sources()]
    for language in LANGUAGES:
        ts_file = translation_path(language, ".ts")
        qm_file = translation_path(language, ".qm")
        ts_file.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [_tool("pyside6-lupdate"), *files, "-ts", str(ts_file), "-no-obsolete", "-locations", "none",
             "-source-language", "en", "-target-language", language],
            check=True,
        )
        subprocess.run([_tool("pyside6-lrelease"), str(ts_file), "-qm", str(qm_file)], check=True)
        missing = unfinished(ts_file)
        if missing:
            print(f"{ts_file.name}: {len(missing)} string(s) without translation:")
            for source in missing:
                print(f"  - {source}")
            if check:
                status = 1
    return status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="exit 1 when a string has no translation")
    return build(check=parser.parse_args(argv).check)


if __name__ == "__main__":
    sys.exit(main())
