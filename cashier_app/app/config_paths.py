"""Paths in the configuration must be full paths of this computer's operating system.

A relative path would be resolved against whatever folder the app happens to start in, and a
path written for another system is a relative path here (on Linux `C:\\Till\\print` is a file
name in the current folder, which the watcher would create and wait on forever). Both are
refused when the configuration is read, with a message that names the key and shows a path of
the right form.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable

_WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:")
_WINDOWS_COM = re.compile(r"^(\\\\\.\\)?COM\d+$", re.IGNORECASE)
_EXAMPLE = {"nt": r"C:\Till\print", "posix": "/srv/till/print"}
_SYSTEM = {"nt": "Windows", "posix": "Linux or macOS"}


def _looks_windows(value: str) -> bool:
    return bool(_WINDOWS_DRIVE.match(value)) or value.startswith("\\\\") or "\\" in value


def path_problem(value: str, os_name: str = os.name, example: str = "") -> str | None:
    """Why `value` cannot be used as a full path on `os_name` ("nt" or "posix"), or None when it can.

    An empty value is no path (the setting's default applies) and passes.
    """
    if not value:
        return None
    example = example or _EXAMPLE.get(os_name, _EXAMPLE["posix"])
    here = _SYSTEM.get(os_name, _SYSTEM["posix"])
    if os_name == "nt":
        if value.startswith("/") and not value.startswith("//"):
            return (f"'{value}' is a Linux or macOS path, but this computer runs {here}; "
                    f"give the full path, e.g. {example}")
        if value.startswith(("\\\\", "//")) or re.match(r"^[A-Za-z]:[\\/]", value):
            return None
        return (f"'{value}' is not a full path (it would depend on the folder the app is started from); "
                f"give the full path with its drive, e.g. {example}")
    if _looks_windows(value):
        return f"'{value}' is a Windows path, but this computer runs {here}; give the full path, e.g. {example}"
    if value.startswith("~"):
        return f"'{value}' starts with ~, which the app does not expand; give the full path, e.g. {example}"
    if not value.startswith("/"):
        return (f"'{value}' is a relative path (it would depend on the folder the app is started from); "
                f"give the full path, e.g. {example}")
    return None


def serial_port_problem(value: str, os_name: str = os.name) -> str | None:
    """A serial port name of the other system (COM3 on Linux, /dev/ttyUSB0 on Windows), or a relative one."""
    if not value:
        return None
    if os_name == "nt":
        if _WINDOWS_COM.match(value):
            return None
        return f"'{value}' is not a Windows serial port; use its COM name, e.g. COM3 (Device Manager → Ports)"
    if _WINDOWS_COM.match(value):
        return (f"'{value}' is a Windows serial port name; on this computer serial ports are e.g. /dev/ttyUSB0 "
                "or /dev/ttyS0")
    return path_problem(value, os_name, "/dev/ttyUSB0")


def problems_of(paths: Iterable[tuple[str, str, str]], os_name: str = os.name) -> list[tuple[str, str]]:
    """(key, message) for every (key, value, form) in `paths` that is not a full path of `os_name`; form is
    "path", "device" or "serial" (the configuration lists its own: AppConfig.paths())."""
    problems: list[tuple[str, str]] = []
    for key, value, form in paths:
        if form == "serial":
            problem = serial_port_problem(value, os_name)
        elif form == "device" and os_name == "nt" and value.startswith("\\\\.\\"):
            problem = None  # a Windows device name such as \\.\USB001
        else:
            problem = path_problem(value, os_name, "/dev/usb/lp0" if form == "device" else "")
        if problem is not None:
            problems.append((key, problem))
    return problems
