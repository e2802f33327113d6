"""Marks this program as running, so that an installer, an upgrade or `cashier-app quit` can find it
and ask it to close; whatever its data folder (the one-instance-per-data-folder lock is separate).

- Windows: a named mutex, MUTEX_NAME, held for the program's life (in the session's namespace and in
  Global\\, for an installer started in another session): Inno Setup's AppMutex looks for exactly
  this name (installer/windows/cashier-app.iss). Beside it a named event, QUIT_EVENT_NAME: setting it
  asks every running instance to close cleanly (the installer's code and `cashier-app quit` do).
- Elsewhere: a file per running process in the user's runtime folder, locked (flock) while it runs;
  a lock nobody holds is a process that is gone. Asking to close is SIGTERM, which the app answers
  by stopping cleanly, as it does for systemd.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import platformdirs

from cashier_app import APP_NAME

log = logging.getLogger(__name__)

# Fixed for the life of the product: the installer's AppId is this GUID, AppMutex is MUTEX_NAME.
APP_GUID = "8E4B7C1A-3F2D-4B6E-9A5C-2D7F1E0B6C93"
MUTEX_NAME = f"CashierCompanion-{APP_GUID}"
QUIT_EVENT_NAME = f"CashierCompanion-quit-{APP_GUID}"

_WINDOWS = sys.platform == "win32"


def runtime_dir() -> Path:
    """Where the running markers are (POSIX): the user's runtime folder, else the cache folder."""
    base = os.environ.get("XDG_RUNTIME_DIR")
    folder = Path(base) / APP_NAME if base else Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
    return folder / "running"


class RunningMarker:
    """Hold it while the program runs; `on_quit_request` is called (from a helper thread) when an
    installer or `cashier-app quit` asks the program to close."""

    def __init__(self, on_quit_request: Callable[[], None] | None = None) -> None:
        self._on_quit_request = on_quit_request
        self._handles: list[int] = []
        self._stop_event: int | None = None
        self._waiter: threading.Thread | None = None
        self._file: int | None = None
        self._path: Path | None = None

    def hold(self) -> RunningMarker:
        if _WINDOWS:
            self._hold_windows()
        else:
            self._hold_posix()
        return self

    def release(self) -> None:
        if _WINDOWS:
            self._release_windows()
        else:
            self._release_posix()

    def __enter__(self) -> RunningMarker:
        return self.hold()

    def __exit__(self, *exc: object) -> None:
        self.release()

    # -- POSIX ---------------------------------------------------------------------------------
    def _hold_posix(self) -> None:
        import fcntl

        folder = runtime_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            path = folder / f"{os.getpid()}.pid"
            # Locked under another name first, so nobody ever sees the .pid file unlocked (stale).
            building = path.with_suffix(".new")
            fd = os.open(building, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            os.write(fd, f"{os.getpid()}\n".encode())
            os.replace(building, path)
        except OSError as exc:
            # Not being findable by an upgrade is no reason to stop serving the till.
            log.warning("running marker not written in %s: %s", folder, exc)
            return
        self._file, self._path = fd, path

    def _release_posix(self) -> None:
        if self._file is None:
            return
        with contextlib.suppress(OSError):
            assert self._path is not None
            self._path.unlink()
        os.close(self._file)
        self._file = self._path = None

    # -- Windows -------------------------------------------------------------------------------
    def _hold_windows(self) -> None:  # pragma: no cover - runs on Windows only
        kernel32 = _kernel32()
        for name in (MUTEX_NAME, f"Global\\{MUTEX_NAME}"):
            handle = kernel32.CreateMutexW(None, False, name)
            if handle:
                self._handles.append(handle)
            else:
                log.warning("mutex %s not created (error %s)", name, _last_error())
        # Manual reset: one SetEvent tells every running instance, and stays set until they are gone.
        quit_event = kernel32.CreateEventW(None, True, False, QUIT_EVENT_NAME)
        stop_event = kernel32.CreateEventW(None, True, False, None)
        if not quit_event or not stop_event:
            log.warning("quit event not created (error %s)", _last_error())
            return
        self._handles.append(quit_event)
        self._stop_event = stop_event
        self._waiter = threading.Thread(target=self._wait_windows, args=(quit_event, stop_event),
                                        name="quit-request", daemon=True)
        self._waiter.start()

    def _wait_windows(self, quit_event: int, stop_event: int) -> None:  # pragma: no cover - Windows only
        import ctypes

        kernel32 = _kernel32()
        handles = (ctypes.c_void_p * 2)(quit_event, stop_event)
        which = kernel32.WaitForMultipleObjects(2, handles, False, 0xFFFFFFFF)
        if which == 0:
            log.info("asked to close by the installer or `cashier-app quit`")
            if self._on_quit_request is not None:
                self._on_quit_request()

    def _release_windows(self) -> None:  # pragma: no cover - runs on Windows only
        kernel32 = _kernel32()
        if self._stop_event is not None:
            kernel32.SetEvent(self._stop_event)
            if self._waiter is not None:
                self._waiter.join(2.0)
            kernel32.CloseHandle(self._stop_event)
            self._stop_event = None
        while self._handles:
            kernel32.CloseHandle(self._handles.pop())


def running_pids() -> list[int]:
    """POSIX: the processes of this user holding a running marker (a file whose lock is held)."""
    import fcntl

    pids = []
    folder = runtime_dir()
    if not folder.is_dir():
        return []
    for path in folder.glob("*.pid"):
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError:
            with contextlib.suppress(ValueError, OSError):
                pids.append(int(path.stem))
        else:
            # Nobody holds it: a process that died without cleaning up.
            with contextlib.suppress(OSError):
                path.unlink()
        finally:
            os.close(fd)
    return sorted(pids)


def is_running() -> bool:
    if _WINDOWS:  # pragma: no cover - Windows only
        kernel32 = _kernel32()
        handle = kernel32.OpenMutexW(0x00100000, False, MUTEX_NAME)  # SYNCHRONIZE
        if handle:
            kernel32.CloseHandle(handle)
            return True
        return False
    return bool(running_pids())


def request_quit(timeout_s: float = 30.0) -> bool:
    """Ask every running instance of this user to close, and wait for them. True when none runs."""
    if _WINDOWS:  # pragma: no cover - Windows only
        kernel32 = _kernel32()
        event = kernel32.OpenEventW(0x0002, False, QUIT_EVENT_NAME)  # EVENT_MODIFY_STATE
        if event:
            kernel32.SetEvent(event)
            kernel32.CloseHandle(event)
    else:
        for pid in running_pids():
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout_s
    while is_running():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


def _last_error() -> int:  # pragma: no cover - Windows only
    import ctypes

    return int(ctypes.get_last_error())  # type: ignore[attr-defined]


def _kernel32():  # type: ignore[no-untyped-def]  # pragma: no cover - Windows only
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    kernel32.CreateMutexW.restype = wintypes.HANDLE
    kernel32.CreateMutexW.argtypes = [ctypes.c_void_p, wintypes.BOOL, wintypes.LPCWSTR]
    kernel32.OpenMutexW.restype = wintypes.HANDLE
    kernel32.OpenMutexW.argtypes = [wintypes.DWORD, wintypes.BOOL, wintypes.LPCWSTR]
    kernel32.CreateEventW.restype = wintypes.HANDLE
    kernel32.CreateEventW.argtypes = [ctypes.c_void_p, wintypes.BOOL, wintypes.BOOL, wintypes.LPCWSTR]
    kernel32.OpenEventW.restype = wintypes.HANDLE
    kernel32.OpenEventW.argtypes = [wintypes.DWORD, wintypes.BOOL, wintypes.LPCWSTR]
    kernel32.SetEvent.argtypes = [wintypes.HANDLE]
    kernel32.CloseHandle.argtypes = [wintypes.HANDLE]
    kernel32.WaitForMultipleObjects.restype = wintypes.DWORD
    kernel32.WaitForMultipleObjects.argtypes = [wintypes.DWORD, ctypes.c_void_p, wintypes.BOOL, wintypes.DWORD]
    return kernel32
