"""The zh_CN catalogue is complete and actually loads; language choice; pseudo-localisation."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from cashier_app.assets import translation_path
from cashier_app.ui import i18n, messages
from cashier_app.ui.rows import PlatformStatusRow, PrinterStatusRow
from cashier_app.ui.translations_build import unfinished

TS_FILE = translation_path("zh_CN", ".ts")
QM_FILE = translation_path("zh_CN", ".qm")


def ts_messages() -> dict[tuple[str, str], str]:
    root = ET.parse(TS_FILE).getroot()  # noqa: S314 (our own file)
    found = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            finished = translation.get("type") is None and bool((translation.text or "").strip())
            found[(name, message.findtext("source") or "")] = (translation.text or "") if finished else ""
    return found


def test_catalogue_files_exist_and_are_complete() -> None:
    assert TS_FILE.is_file()
    assert QM_FILE.is_file()
    assert QM_FILE.stat().st_size > 1000
    assert unfinished(TS_FILE) == []


def test_every_message_code_has_a_chinese_translation() -> None:
    catalogue = ts_messages()
    for source in messages.all_sources():
        translation = catalogue.get((messages.CONTEXT, source))
        assert translation, f"no zh_CN translation for {source!r}"
        assert re.search(r"[\u4e00-\u9fff]", translation), f"translation of {source!r} has no Chinese: {translation!r}"


def test_translations_keep_their_placeholders() -> None:
    for (_context, source), translation in ts_messages().items():
        assert sorted(re.findall(r"\{\w+\}", source)) == sorted(re.findall(r"\{\w+\}", translation)), source


def test_the_compiled_catalogue_translates(qapp, language) -> None:
    assert QCoreApplication.translate("Messages", "Platform OK") == "Platform OK"
    assert language("zh_CN") == "zh_CN"
    assert QCoreApplication.translate("Messages", "Platform OK") == "平台正常"
    assert language("en") == "en"
    assert QCoreApplication.translate("Messages", "Platform OK") == "Platform OK"


@pytest.mark.parametrize(
    ("code", "english", "chinese"),
    [
        ("ok", "Printer ready", "打印机正常"),
        ("not_connected", "Printer not connected", "打印机未连接"),
        ("paper_end", "Printer out of paper", "缺纸"),
        ("paper_near_end", "Printer paper low", "纸将尽"),
        ("cover_open", "Printer cover open", "上盖打开"),
        ("cutter_error", "Printer cutter fault", "切刀故障"),
        ("unknown", "Printer status unknown", "状态未知"),
        ("something_new", "Printer status unknown", "状态未知"),
    ],
)
def test_printer_words(qapp, language, code: str, english: str, chinese: str) -> None:
    row = PrinterStatusRow("前台", code)
    assert messages.printer_text(row) == english
    language("zh_CN")
    assert chinese in messages.printer_text(row)


def test_platform_words(qapp, language) -> None:
    language("zh_CN")
    assert messages.platform_text(PlatformStatusRow(True)) == "平台正常"
    assert messages.platform_text(PlatformStatusRow(False)) == "平台连接中断"
    assert messages.platform_text(PlatformStatusRow(False, reason="maintenance")) == "平台连接中断：平台维护中"
    assert "未配置" in messages.platform_text(PlatformStatusRow(None))


def test_auto_language_follows_the_system_locale() -> None:
    assert i18n.resolve_language("auto", QLocale(QLocale.Language.Chinese, QLocale.Country.China)) == "zh_CN"
    assert i18n.resolve_language("auto", QLocale(QLocale.Language.Chinese, QLocale.Country.Taiwan)) == "zh_CN"
    assert i18n.resolve_language("auto", QLocale(QLocale.Language.German, QLocale.Country.Germany)) == "en"
    assert i18n.resolve_language("en") == "en"
    assert i18n.resolve_language("zh_CN") == "zh_CN"
    with pytest.raises(ValueError, match="unknown language"):
        i18n.resolve_language("fr")


def test_pseudo_localisation_lengthens_every_string(qapp, language, monkeypatch) -> None:
    monkeypatch.setenv(i18n.PSEUDO_ENV, "1")
    language("en")
    english = QCoreApplication.translate("Messages", "Platform OK")
    assert "Platform OK" in english
    assert len(english) >= len("Platform OK") * 1.4
    language("zh_CN")
    chinese = QCoreApplication.translate("Messages", "Platform OK")
    assert "平台正常" in chinese
    assert len(chinese) > len("平台正常") + 2
    # Placeholders survive, so formatted messages still fill in.
    assert "order 42" not in messages.notice_text("reprint_queued", {"out_trade_no": "42"})
    assert "42" in messages.notice_text("reprint_queued", {"out_trade_no": "42"})


def test_pseudo_localise_keeps_placeholders() -> None:
    text = i18n.pseudo_localise("Order {out_trade_no} is paid")
    assert "{out_trade_no}" in text
    assert len(text) > len("Order {out_trade_no} is paid")
    assert i18n.pseudo_localise("") == ""
