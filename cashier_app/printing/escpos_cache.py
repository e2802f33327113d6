"""python-escpos's printer database, read once.

When imported, python-escpos reads its printer database (capabilities.json, 50 KB) with a YAML
parser, which takes about 0.2 s and leaves megabytes of garbage in the process; it then caches the
result in a new temporary folder every time, left behind after the app exits. The app gives it a
cache folder of its own instead, and writes the cache itself (from the JSON, whole or not at all)
before escpos is imported, so every start reads the small cached copy.

Even then escpos makes a temporary folder at import (its tempfile.mkdtemp() is the default argument
of the environment lookup, so it runs whatever the variable says): `import_leaving_no_temp_folder`
imports it once with the temp folder redirected into a scratch folder that is removed right after.
"""

from __future__ import annotations

import json
import logging
import os
import pickle
import platform
import shutil
import sys
import tempfile
from importlib import resources
from pathlib import Path

log = logging.getLogger(__name__)

PICKLE_DIR_ENV = "ESCPOS_CAPABILITIES_PICKLE_DIR"


def prepare(cache_dir: Path) -> bool:
    """Point escpos at a cache in `cache_dir` (written now if missing or older than the database).

    Does nothing when escpos is imported already or the folder is chosen by the environment; any
    failure leaves escpos to its own ways. Returns whether the cache is in place.
    """
    if PICKLE_DIR_ENV in os.environ or "escpos.capabilities" in sys.modules:
        return False
    try:
        cached = cache_dir / f"{platform.python_version()}.capabilities.pickle"
        with resources.as_file(resources.files("escpos") / "capabilities.json") as source:
            if not cached.exists() or cached.stat().st_mtime < source.stat().st_mtime:
                cache_dir.mkdir(parents=True, exist_ok=True)
                data = json.loads(source.read_text(encoding="utf-8"))
                partial = cached.with_name(f".{cached.name}.{os.getpid()}")
                partial.write_bytes(pickle.dumps(data))
                os.replace(partial, cached)  # another process reads the old copy or the new, never half
    except (OSError, ValueError, ModuleNotFoundError, pickle.PickleError) as exc:
        log.info("python-escpos's printer database is read without a cache: %s", exc)
        return False
    os.environ[PICKLE_DIR_ENV] = str(cache_dir)
    return True


def import_leaving_no_temp_folder(scratch_parent: Path) -> None:
    """Import escpos's capabilities now, its stray mkdtemp() landing in a scratch folder removed after."""
    if "escpos.capabilities" in sys.modules:
        return
    try:
        scratch_parent.mkdir(parents=True, exist_ok=True)
        scratch = tempfile.mkdtemp(prefix="import-", dir=scratch_parent)
    except OSError:
        return  # an unwritable cache folder: escpos makes its folder in the system's temp folder
    previous = tempfile.tempdir
    tempfile.tempdir = scratch
    try:
        import escpos.capabilities  # noqa: F401
    finally:
        tempfile.tempdir = previous
        shutil.rmtree(scratch, ignore_errors=True)
