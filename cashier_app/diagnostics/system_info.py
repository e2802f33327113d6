"""The computer the app runs on: OS, Python and library versions, fonts for receipt pictures,
disk space and whether the app's folders can be written. No Qt is imported to learn its version.
"""

from __future__ import annotations

import contextlib
import importlib.metadata
import os
import platform
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cashier_app import __version__

# Distribution names as installed (PySide6 ships as PySide6-Essentials; see pyproject.toml).
DISTRIBUTIONS = ("PySide6-Essentials", "PySide6", "shiboken6", "python-escpos", "keyring", "keyrings.alt",
                 "requests", "watchdog", "pillow", "platformdirs", "pyserial", "pyusb", "qrcode", "tomli-w")
PINNED = {"python-escpos": "3.1"}  # specs/escpos.md: status reading differs on the main branch


def package_version(name: str) -> str | None:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return None


def versions() -> dict[str, Any]:
    return {
        "cashier_app": __version__,
        "python": sys.version.split()[0],
        "python_implementation": platform.python_implementation(),
        "executable": sys.executable,
        "frozen": bool(getattr(sys, "frozen", False)),
        "os": platform.platform(),
        "machine": platform.machine(),
        "packages": {name: package_version(name) for name in DISTRIBUTIONS},
    }


@dataclass(frozen=True)
class FontCheck:
    cjk_font: str | None
    renders_hanzi: bool
    detail: str


def check_fonts() -> FontCheck:
    """A font with Chinese glyphs for the virtual printer's receipt pictures, and that it draws 票."""
    from PIL import ImageFont

    from cashier_app.emulator.render import find_cjk_font

    path = find_cjk_font()
    if path is None:
        return FontCheck(None, False, "no font with Chinese glyphs found (receipt pictures show boxes)")
    try:
        font = ImageFont.truetype(str(path), 24)
        hanzi = font.getmask("票").getbbox()
        # A font without the glyph draws its "missing" box for 票 as for an unassigned code point.
        missing = font.getmask("\U0010fffd").getbbox()
        same_as_missing = hanzi == missing and bytes(font.getmask("票")) == bytes(font.getmask("\U0010fffd"))
    except Exception as exc:
        return FontCheck(str(path), False, f"{path} cannot be loaded: {type(exc).__name__}: {exc}")
    if hanzi is None or same_as_missing:
        return FontCheck(str(path), False, f"{path} has no glyph for 票")
    return FontCheck(str(path), True, f"{path} draws Chinese text")


@dataclass(frozen=True)
class FolderCheck:
    path: str
    exists: bool
    writable: bool
    detail: str


def check_writable(folder: Path) -> FolderCheck:
    """Write and remove a small file: `os.access` is not to be trusted on network shares and Windows ACLs."""
    if not folder.exists():
        parent = next((p for p in folder.parents if p.exists()), None)
        if parent is not None and os.access(parent, os.W_OK):
            return FolderCheck(str(folder), False, True, f"{folder} does not exist yet; the app creates it on start")
        return FolderCheck(str(folder), False, False, f"{folder} does not exist and cannot be created here")
    if not folder.is_dir():
        return FolderCheck(str(folder), True, False, f"{folder} is not a folder")
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".cashier-app-diag-", delete=True) as handle:
            handle.write(b"x")
            handle.flush()
    except OSError as exc:
        return FolderCheck(str(folder), True, False, f"cannot write in {folder}: {exc.strerror or exc}")
    return FolderCheck(str(folder), True, True, f"{folder} is writable")


@dataclass(frozen=True)
class DiskSpace:
    path: str
    free_bytes: int
    total_bytes: int


def disk_space(folder: Path) -> DiskSpace | None:
    """Free space on the disk holding `folder` (or its nearest existing parent)."""
    probe = next((p for p in (folder, *folder.parents) if p.exists()), None)
    if probe is None:
        return None
    with contextlib.suppress(OSError):
        usage = shutil.disk_usage(probe)
        return DiskSpace(str(probe), usage.free, usage.total)
    return None
