"""Processes a test starts: always ended, even when the test fails or times out.

A child that does not stop when asked (a loaded machine, a hung server) is killed rather than left
running after the test: `communicate(timeout=...)` alone raises and leaves it behind.

    with child([sys.executable, "-m", "cashier_app", "sandbox", ...], stdout=PIPE, text=True) as process:
        ...  # talk to it
    # here it has stopped: asked with SIGINT, killed when it did not stop within the time given
    assert process.returncode == 0

    finished = stop(process, signal.SIGINT, timeout=20)  # ask it now, and read what it wrote
    assert not finished.killed and "stopped" in finished.out
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

Args = Sequence[str | Path]


@dataclass(frozen=True)
class Finished:
    out: Any  # str or bytes, as the process was started; None when not piped
    err: Any
    returncode: int
    killed: bool  # it did not stop within the time given and was killed


def stop(process: subprocess.Popen[Any], stop_signal: signal.Signals | None = signal.SIGTERM,
         timeout: float = 20.0) -> Finished:
    """Ask the process to stop (`stop_signal`; None: wait for it to end by itself), read what it wrote,
    and kill it when it has not ended within `timeout` seconds."""
    killed = False
    if process.poll() is None and stop_signal is not None:
        with contextlib.suppress(ProcessLookupError):  # it ended between poll() and the signal
            process.send_signal(stop_signal)
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        killed = True
        out, err = process.communicate()
    except ValueError:  # its pipes were read to the end already (a `with Popen` block, a read loop)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            killed = True
            process.wait()
        out, err = None, None
    return Finished(out, err, process.returncode, killed)


@contextmanager
def child(args: Args, *, stop_signal: signal.Signals | None = signal.SIGTERM, timeout: float = 20.0,
          **popen: Any) -> Iterator[subprocess.Popen[Any]]:
    """Start a process for the block; at its end (also on a failure) stop it as `stop` does.

    On POSIX the child gets Ctrl-C's default meaning: a test suite started in the background by a
    shell (`./dev.sh test &`) runs with SIGINT ignored, children inherit that, and a child asked to
    stop with SIGINT would then run on until killed."""
    if os.name == "posix" and "preexec_fn" not in popen:
        popen["preexec_fn"] = _ctrl_c_as_at_a_terminal
    process = subprocess.Popen([str(arg) for arg in args], **popen)
    try:
        yield process
    finally:
        if process.returncode is None:
            stop(process, stop_signal, timeout)


def _ctrl_c_as_at_a_terminal() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)
