"""The locked, hashed dependency sets (installer/requirements-*lock.txt) match pyproject.toml:
every dependency pinned within its range, with hashes, for Windows and Linux; `./dev.sh lock`
refreshes them."""

from __future__ import annotations

import re
import tomllib

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from tests.helpers.paths import REPO

LOCKS = {"install": REPO / "installer" / "requirements-lock.txt",
         "freeze": REPO / "installer" / "requirements-freeze-lock.txt"}
WINDOWS = {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt"}
LINUX = {"sys_platform": "linux", "platform_system": "Linux", "os_name": "posix"}


def _pins(lock: str) -> dict[str, tuple[Version, Marker | None, int]]:
    """name -> (version, marker, number of hashes)"""
    text = LOCKS[lock].read_text(encoding="utf-8")
    pins: dict[str, tuple[Version, Marker | None, int]] = {}
    for block in re.split(r"\n(?=[a-z0-9])", text.split("\n", 2)[2]):
        head = block.split(" \\", 1)[0].strip()
        if not head or head.startswith("#"):
            continue
        requirement, _, marker = head.partition(" ; ")
        name, _, version = requirement.partition("==")
        pins[canonicalize_name(name)] = (Version(version), Marker(marker) if marker else None,
                                         block.count("--hash=sha256:"))
    return pins


def _app_dependencies() -> list[Requirement]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [Requirement(r) for r in project["dependencies"]]


@pytest.mark.parametrize("lock", sorted(LOCKS))
@pytest.mark.parametrize("system", [WINDOWS, LINUX], ids=["windows", "linux"])
def test_every_app_dependency_is_pinned_within_its_range(lock: str, system: dict[str, str]) -> None:
    pins = _pins(lock)
    environment = {"python_version": "3.11", "python_full_version": "3.11.9", **system}
    for requirement in _app_dependencies():
        if requirement.marker is not None and not requirement.marker.evaluate(environment):
            continue
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{name} is not in {LOCKS[lock].name}: run ./dev.sh lock"
        version, marker, _hashes = pins[name]
        assert version in requirement.specifier, f"{name} {version} is outside {requirement.specifier}"
        assert marker is None or marker.evaluate(environment), f"{name} is left out on {system['sys_platform']}"


@pytest.mark.parametrize("lock", sorted(LOCKS))
def test_every_pin_has_hashes(lock: str) -> None:
    pins = _pins(lock)
    assert len(pins) > 20
    assert [name for name, (_, _, hashes) in pins.items() if hashes == 0] == []


def test_pywin32_comes_on_windows_only() -> None:
    _version, marker, _ = _pins("install")["pywin32"]
    assert marker is not None
    assert marker.evaluate({**WINDOWS, "python_version": "3.11"})
    assert not marker.evaluate({**LINUX, "python_version": "3.11"})


def test_the_frozen_build_uses_the_same_versions_plus_pyinstaller() -> None:
    install, freeze = _pins("install"), _pins("freeze")
    assert {name: pin[0] for name, pin in install.items()} == {name: freeze[name][0] for name in install}
    assert "pyinstaller" in freeze and "pyinstaller" not in install
    assert {"setuptools", "wheel"} <= set(install)  # install.sh builds the wheel without build isolation
