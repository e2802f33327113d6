"""python-escpos's printer database is cached by the app (whole, in its cache folder), not re-read as YAML
into a new temporary folder at every start."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

from cashier_app.printing.escpos_cache import PICKLE_DIR_ENV


def test_the_cache_is_written_once_and_escpos_reads_it(tmp_path: Path) -> None:
    cache = tmp_path / "escpos"
    script = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from cashier_app.printing.escpos_cache import prepare\n"
        f"assert prepare(Path({str(cache)!r}))\n"
        "import escpos.capabilities as c\n"
        f"assert os.environ[{PICKLE_DIR_ENV!r}] == {str(cache)!r}\n"
        "assert 'default' in c.CAPABILITIES['profiles']\n"
        "assert not c.full_load  # read from the cache, no YAML parse\n"
    )
    env = {k: v for k, v in os.environ.items() if k != PICKLE_DIR_ENV}
    for _ in range(2):  # written by the first start, read by both
        subprocess.run([sys.executable, "-c", script], check=True, env=env, timeout=60)
    (cached,) = cache.glob("*.capabilities.pickle")
    data = pickle.loads(cached.read_bytes())  # noqa: S301 (the file the test just had written)
    assert "CP437" in str(data["profiles"]["default"]["codePages"])
    assert not list(cache.glob(".*"))  # no half-written copy left behind
