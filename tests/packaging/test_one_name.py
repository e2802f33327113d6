"""One name everywhere a person reads it: 收银伴侣 (Chinese) / Cashier Companion (English) in the
window, the tray, the dialogs, the menu entry, the service, the installer and the README."""

from __future__ import annotations

import configparser
import xml.etree.ElementTree as ET

import cashier_app
from tests.helpers.paths import REPO

ZH, EN = cashier_app.DISPLAY_NAME_ZH, cashier_app.DISPLAY_NAME


def _translations() -> dict[str, set[str]]:
    """English source -> its Chinese translations, over every context of the catalogue."""
    found: dict[str, set[str]] = {}
    root = ET.parse(REPO / "resources" / "translations" / "cashier_app_zh_CN.ts").getroot()  # noqa: S314 (ours)
    for message in root.iter("message"):
        found.setdefault(message.findtext("source") or "", set()).add(message.findtext("translation") or "")
    return found


def test_the_window_tray_and_dialogs_say_the_one_name() -> None:
    translations = _translations()
    assert translations[EN] == {ZH}  # every context: Application, MainWindow, Tray
    for source, targets in translations.items():
        if EN in source:
            assert all(ZH in t for t in targets), source
    assert not [t for targets in translations.values() for t in targets if "收银小票助手" in t]
    for module in ("ui/main_window.py", "ui/tray.py", "ui/app_qt.py"):
        assert f'"{EN}"' in (REPO / "cashier_app" / module).read_text(encoding="utf-8"), module


def test_the_menu_entry_and_service_say_it() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(REPO / "installer" / "linux" / "cashier-app.desktop", encoding="utf-8")
    assert entry["Desktop Entry"]["Name"] == EN
    assert entry["Desktop Entry"]["Name[zh_CN]"] == ZH
    unit = (REPO / "installer" / "linux" / "cashier-app.service").read_text(encoding="utf-8")
    assert f"Description={ZH} {EN}" in unit


def test_the_installer_and_readme_say_it() -> None:
    iss = (REPO / "installer" / "windows" / "cashier-app.iss").read_bytes().decode("utf-8-sig")
    assert f"AppName={ZH} {EN}" in iss
    for folder in ("autoprograms", "userstartup"):  # the Start menu entry and the autostart shortcut
        assert f'Name: "{{{folder}}}\\{ZH}"' in iss, folder
    readme_title = (REPO / "README.md").read_text(encoding="utf-8").splitlines()[0]
    assert ZH in readme_title and EN.lower() in readme_title.lower()
