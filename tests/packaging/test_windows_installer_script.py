"""The Inno Setup script agrees with the app: its AppId, the mutex the app holds, the quit event it
waits on, the version from the one source, the data folder the app really uses.

Inno Setup cannot run here (no Windows): these tests read the script as the compiler would, with
its #define lines expanded, and check every value that must match something in the app.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from typing import Any

import platformdirs.windows
import pytest

import cashier_app
from cashier_app.app import running_marker
from tests.helpers.paths import REPO

ISS = REPO / "installer" / "windows" / "cashier-app.iss"


def _read() -> str:
    data = ISS.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), "Inno Setup reads non-ASCII text right only with a UTF-8 BOM"
    return data[3:].decode("utf-8")


def _defines(text: str, given: dict[str, str]) -> dict[str, str]:
    """#define NAME "a" + OTHER + "b" lines, evaluated in order (what this script uses of ISPP)."""
    values = dict(given)
    for name, expression in re.findall(r'^#define (\w+) (.+)$', text, re.MULTILINE):
        parts = [p.strip() for p in expression.split("+")]
        values[name] = "".join(p[1:-1] if p.startswith('"') else values[p] for p in parts)
    return values


def _expanded() -> str:
    text = _read()
    values = _defines(text, {"AppVersion": cashier_app.__version__, "AppVersionNumbers": "0.1.0.0",
                             "SourceDir": "dist"})
    return re.sub(r"\{#(\w+)\}", lambda m: values[m.group(1)], text)


def _section(text: str, name: str) -> list[str]:
    match = re.search(rf"^\[{name}\]\r?\n(.*?)(?=^\[|\Z)", text, re.MULTILINE | re.DOTALL)
    assert match, f"no [{name}] section"
    return [line for line in match.group(1).splitlines() if line.strip() and not line.startswith((";", "#"))]


def _setup() -> dict[str, str]:
    return dict(line.split("=", 1) for line in _section(_expanded(), "Setup"))


def test_appid_is_the_products_fixed_guid() -> None:
    # "{{" is Inno Setup's escaped brace: the AppId is {GUID}.
    assert _setup()["AppId"] == "{{" + running_marker.APP_GUID + "}"


def test_appmutex_is_the_mutex_the_app_holds_in_both_namespaces() -> None:
    mutexes = _setup()["AppMutex"].split(",")
    assert mutexes == [running_marker.MUTEX_NAME, f"Global\\{running_marker.MUTEX_NAME}"]


def test_the_installer_asks_the_app_to_close_through_the_event_it_waits_on() -> None:
    code = "\n".join(_section(_expanded(), "Code"))
    assert f"OpenEvent(EVENT_MODIFY_STATE, False, '{running_marker.QUIT_EVENT_NAME}')" in code
    assert f"CheckForMutexes('{running_marker.MUTEX_NAME}')" in code
    assert re.search(r"function InitializeSetup\(\): Boolean;\s+begin\s+AskRunningAppToClose\(\);", code)
    assert re.search(r"function InitializeUninstall\(\): Boolean;\s+begin\s+AskRunningAppToClose\(\);", code)


def test_the_version_comes_from_the_one_source() -> None:
    raw = "\n".join(_section(_read(), "Setup"))
    assert "AppVersion={#AppVersion}" in raw
    assert not re.search(r"Version=\d", raw), "no version number written into the script"
    build = _load_installer_module("build")
    assert build.read_version() == cashier_app.__version__
    assert ".".join(map(str, _load_installer_module("version_info").version_numbers("0.1.0"))) == "0.1.0.0"


def test_64_bit_per_user_install_with_the_users_own_startup() -> None:
    setup = _setup()
    assert setup["ArchitecturesInstallIn64BitMode"] == "x64compatible"
    assert setup["PrivilegesRequired"] == "lowest"
    icons = _section(_expanded(), "Icons")
    startup = [line for line in icons if "startup}" in line]
    assert len(startup) == 1
    assert startup[0].startswith('Name: "{userstartup}\\') and "Tasks: autostart" in startup[0]
    assert "commonstartup" not in _expanded()


def test_chinese_and_english_installer_languages() -> None:
    languages = "\n".join(_section(_expanded(), "Languages"))
    assert 'MessagesFile: "compiler:Languages\\ChineseSimplified.isl"' in languages
    assert 'MessagesFile: "compiler:Default.isl"' in languages
    messages = _section(_expanded(), "CustomMessages")
    names = {line.split("=", 1)[0] for line in messages}
    for message in {n.split(".", 1)[1] for n in names}:
        assert {f"zh_CN.{message}", f"en.{message}"} <= names, message


def test_signing_hook_signs_installer_and_uninstaller_when_asked() -> None:
    text = _read()
    assert re.search(r"#ifdef Sign\s*\n(;.*\n)*SignTool=signtool\s*\nSignedUninstaller=yes\s*\n#endif", text)
    assert "SignTool=" not in text.split("#ifdef Sign")[0]
    build = (REPO / "installer" / "build.py").read_text(encoding="utf-8")
    assert '"/Ssigntool={sign_tool}", "/DSign=1"' in build


def _windows_data_dir(monkeypatch: pytest.MonkeyPatch) -> str:
    # platformdirs asks Windows for the folder; here it is told what Windows would answer.
    monkeypatch.setattr(platformdirs.windows, "_RESOLVE_WIN_FOLDER",
                        lambda name: {"CSIDL_LOCAL_APPDATA": "LOCALAPPDATA", "CSIDL_APPDATA": "APPDATA"}[name])
    dirs = platformdirs.windows.Windows(appname=cashier_app.APP_NAME, appauthor=False)
    folders = {dirs.user_data_dir, dirs.user_config_dir, dirs.user_log_dir, dirs.user_cache_dir}
    (root,) = {Path(f).parts[0] + "\\" + Path(f).parts[1] for f in folders}
    return root


def test_uninstall_keeps_data_unless_asked_and_purges_the_folder_the_app_uses(monkeypatch: pytest.MonkeyPatch) -> None:
    text = _expanded()
    assert _windows_data_dir(monkeypatch) == "LOCALAPPDATA\\cashier-app"
    assert "DelTree(ExpandConstant('{localappdata}\\cashier-app'), True, True, True)" in text
    code = "\n".join(_section(text, "Code"))
    assert "if (CurUninstallStep = usPostUninstall) and Purge then" in code
    # Asked: /PURGE=1, or Yes to a question whose default is No; a silent uninstall without it keeps data.
    assert "ExpandConstant('{param:PURGE|0}') = '1'" in code
    assert "MB_DEFBUTTON2" in code
    assert re.search(r"else if UninstallSilent\(\) then\s+Result := False", code)
    assert "[UninstallDelete]" not in text
    # An upgrade replaces the program's own files and nothing else.
    assert all(line.split('Name: "', 1)[1].startswith("{app}\\") for line in _section(text, "InstallDelete"))


def test_the_installer_takes_both_programs_and_the_icon() -> None:
    text = _expanded()
    assert "SetupIconFile=..\\..\\resources\\icons\\app.ico" in text
    assert (REPO / "resources" / "icons" / "app.ico").is_file()
    assert 'Source: "dist\\*"; DestDir: "{app}"; Flags: recursesubdirs' in text
    assert "cashier-app-cli.exe" in text and 'Filename: "{app}\\cashier-app.exe"' in text


def _load_installer_module(name: str) -> Any:
    import sys

    folder = str(REPO / "installer")
    sys.path.insert(0, folder)
    try:
        spec = importlib.util.spec_from_file_location(f"installer_{name}", REPO / "installer" / f"{name}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(folder)
