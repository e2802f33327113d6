"""Where python-escpos keeps its cache, so that starting the app leaves nothing in the temp folder.

python-escpos pickles its printer database (capabilities.json, 80 KB) into a folder made with
tempfile.mkdtemp() at import, every import, and never removes it; and since that mkdtemp() is the
default argument of an environment lookup, it runs even when ESCPOS_CAPABILITIES_PICKLE_DIR names
another folder. So: the variable points at the app's cache folder (the pickle is then reused from
one start to the next), and escpos is imported once with the temp folder redirected into a scratch
folder that is removed right after.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

PICKLE_DIR_ENV = "ESCPOS_CAPABILITIES_PICKLE_DIR"


def use_cache_folder(cache_dir: Path) -> Path | None:
    """Call before anything imports escpos; returns the folder escpos caches in (None: too late)."""
    if "escpos.capabilities" in sys.modules:
        return None
    folder = Path(os.environ.setdefault(PICKLE_DIR_ENV, str(cache_dir / "escpos")))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        scratch = tempfile.mkdtemp(prefix="import-", dir=folder)
    except OSError:
        return None  # an unwritable cache folder: escpos falls back to its own temp folder
    previous = tempfile.tempdir
    tempfile.tempdir = scratch
    try:
        import escpos.capabilities  # noqa: F401  (imported here, once, so its mkdtemp lands in scratch)
    finally:
        tempfile.tempdir = previous
        shutil.rmtree(scratch, ignore_errors=True)
    return folder
