"""Build what a store installs, the same way on Windows and Linux:

    python installer/build.py                      # dist/cashier-app/ (one folder), dist/*.whl
    python installer/build.py --installer          # Windows: also dist/cashier-app-setup-VERSION.exe
    python installer/build.py --installer --sign-tool "signtool sign /a /fd sha256 /tr http://ts /td sha256 $f"

Steps, each in a clean build environment (build/installer-venv, made anew):
1. install the locked, hashed dependency set (installer/requirements-freeze-lock.txt) with --require-hashes;
2. build the app's wheel from this source tree (no build isolation: setuptools is in the lock) and
   install it without dependencies (they are all in the lock already);
3. freeze it with installer/cashier-app.spec (the spec takes the app from the installed wheel);
4. with --installer (Windows, Inno Setup 6 installed): compile installer/windows/cashier-app.iss with
   the version and the AppId passed in from the app's one source; --sign-tool signs the programs
   and the installer (Inno Setup's SignTool: $f is the file).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import venv
from pathlib import Path

from version_info import version_numbers  # installer/, beside this script

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "installer" / "requirements-freeze-lock.txt"
SPEC = ROOT / "installer" / "cashier-app.spec"
ISS = ROOT / "installer" / "windows" / "cashier-app.iss"


def _python(env_dir: Path) -> Path:
    return env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def _run(cmd: list[str | Path], **kwargs: object) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, **kwargs)  # type: ignore[call-overload]


def read_version() -> str:
    """cashier_app.__version__, read from the source (the build's Python need not import the app)."""
    text = (ROOT / "cashier_app" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    if not match:
        raise SystemExit("cashier_app/__init__.py has no __version__")
    return match.group(1)


def build_environment(env_dir: Path) -> Path:
    """A fresh venv holding exactly the locked dependency set."""
    os.environ["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    venv.EnvBuilder(with_pip=True, clear=True).create(env_dir)
    python = _python(env_dir)
    _run([python, "-m", "pip", "install", "-q", "--require-hashes", "--no-deps", "-r", LOCK])
    return python


def build_wheel(python: Path, out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("cashier_app-*.whl"):
        old.unlink()
    # Built from a copy, so the source tree gets no build/ or .egg-info of its own.
    staging = out / "wheel-source"
    shutil.rmtree(staging, ignore_errors=True)
    shutil.copytree(ROOT, staging, ignore=shutil.ignore_patterns(
        ".git", ".venv", "build", "dist", "__pycache__", "*.egg-info", ".mypy_cache", ".ruff_cache",
        ".pytest_cache", ".hypothesis", "tests", "docs"))
    try:
        _run([python, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", out, staging])
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    (wheel,) = out.glob("cashier_app-*.whl")
    _run([python, "-m", "pip", "install", "-q", "--no-deps", "--force-reinstall", wheel])
    # Every dependency the wheel declares came from the lock: pip check fails on anything missing.
    _run([python, "-m", "pip", "check"])
    return wheel


def freeze(python: Path, dist: Path, work: Path) -> Path:
    # Run from the work folder: a source tree in the current folder must not shadow the installed app.
    work.mkdir(parents=True, exist_ok=True)
    _run([python, "-m", "PyInstaller", "--noconfirm", "--clean", "--distpath", dist, "--workpath", work, SPEC],
         cwd=work)
    return dist / "cashier-app"


def compile_installer(folder: Path, dist: Path, version: str, sign_tool: str | None) -> None:
    iscc = shutil.which("ISCC") or shutil.which("iscc")
    if iscc is None:
        default = Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)")) / "Inno Setup 6" / "ISCC.exe"
        if not default.exists():
            raise SystemExit("Inno Setup 6 (ISCC.exe) not found: install it, or put it on PATH")
        iscc = str(default)
    numbers = ".".join(map(str, version_numbers(version)))
    cmd: list[str | Path] = [iscc, f"/DAppVersion={version}", f"/DAppVersionNumbers={numbers}",
                             f"/DSourceDir={folder}", f"/O{dist}"]
    if sign_tool:
        # Inno Setup calls the tool named "signtool" for the installer and the uninstaller ($f: the file).
        cmd += [f"/Ssigntool={sign_tool}", "/DSign=1"]
    cmd.append(ISS)
    _run(cmd)


def sign_programs(folder: Path, sign_tool: str) -> None:
    """The frozen programs signed before they go into the installer ($f: the file)."""
    for exe in ("cashier-app.exe", "cashier-app-cli.exe"):
        command = sign_tool.replace("$f", f'"{folder / exe}"')
        print("+", command, flush=True)
        subprocess.run(command, shell=True, check=True)  # noqa: S602 (the builder's own signing command)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the results go (default dist/)")
    parser.add_argument("--build", type=Path, default=ROOT / "build", help="build environment and work files")
    parser.add_argument("--installer", action="store_true", help="Windows: also compile the Inno Setup installer")
    parser.add_argument("--sign-tool", metavar="COMMAND",
                        help="signing command, $f standing for the file (programs and installer)")
    args = parser.parse_args(argv)
    dist, build = args.dist.resolve(), args.build.resolve()
    version = read_version()
    python = build_environment(build / "installer-venv")
    wheel = build_wheel(python, dist)
    folder = freeze(python, dist, build / "pyinstaller")
    print(f"wheel:  {wheel}")
    print(f"folder: {folder} (version {version})")
    if args.installer:
        if sys.platform != "win32":
            raise SystemExit("the installer is built on Windows (Inno Setup)")
        if args.sign_tool:
            sign_programs(folder, args.sign_tool)
        compile_installer(folder, dist, version, args.sign_tool)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
