"""Translations: Chinese for a Chinese system, English otherwise; a pseudo-localisation for layout tests.

Source strings are English. The Chinese catalogue is resources/translations/cashier_app_zh_CN.qm
(regenerate with `python -m cashier_app.ui.translations_build`). Qt's own zh_CN catalogue (qtbase) is
loaded too, so standard dialogs and context menus speak Chinese as well.
"""

from __future__ import annotations

import logging
import math
import os
from typing import Final

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from cashier_app.assets import translation_path

log = logging.getLogger(__name__)

LANGUAGES: Final = ("auto", "zh_CN", "en")
PSEUDO_ENV: Final = "CASHIER_APP_PSEUDO_L10N"

# Translators we installed, kept referenced (Qt does not own them) so they can be removed again.
_installed: list[QTranslator] = []
# The language the window speaks now ("zh_CN" or "en"): texts that come in both languages from the
# services (the training lessons) pick theirs by it.
_current: dict[str, str] = {"language": "en"}


def resolve_language(language: str, system: QLocale | None = None) -> str:
    """"auto" -> "zh_CN" on a Chinese system locale, else "en". Explicit choices pass through."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; expected one of {', '.join(LANGUAGES)}")
    if language != "auto":
        return language
    locale = system if system is not None else QLocale.system()
    return "zh_CN" if locale.language() == QLocale.Language.Chinese else "en"


def pseudo_localise(text: str) -> str:
    """Lengthen a string by about 40% (at least 3 characters) and bracket it, leaving {placeholders} intact."""
    if not text:
        return text
    padding = "~" * max(3, math.ceil(len(text) * 0.4))
    return f"[{text} {padding}]"


def pseudo_enabled() -> bool:
    return os.environ.get(PSEUDO_ENV, "").strip().lower() in {"1", "true", "yes", "on"}


class PseudoTranslator(QTranslator):
    """Wraps the real catalogue (if any) and lengthens every string it returns, as Vorta does."""

    def __init__(self, inner: QTranslator | None = None) -> None:
        super().__init__()
        self._inner = inner

    def translate(
        self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        translated = self._inner.translate(context, source_text, disambiguation, n) if self._inner else ""
        return pseudo_localise(translated or source_text)

    def isEmpty(self) -> bool:
        return False


def _load(translator: QTranslator, path: str) -> bool:
    ok = translator.load(path)
    if not ok:
        log.warning("translation catalogue not loaded: %s", path)
    return ok


def current_language() -> str:
    """The language of the user interface now: "zh_CN" or "en" (English source strings)."""
    return _current["language"]


def remove_translators(app: QCoreApplication | None = None) -> None:
    """Remove the translators install_translator put in (the UI falls back to English source strings)."""
    _current["language"] = "en"
    app = app or QCoreApplication.instance()
    while _installed:
        translator = _installed.pop()
        if app is not None:
            app.removeTranslator(translator)


def install_translator(app: QCoreApplication, language: str = "auto") -> str:
    """Install the catalogue for `language` ("auto" | "zh_CN" | "en"); returns the language in use.

    Replaces what an earlier call installed, so it also switches the language of a running window
    (Qt sends LanguageChange to every widget, and the views retranslate themselves).
    With CASHIER_APP_PSEUDO_L10N=1 every string is lengthened on top of the chosen language.
    """
    resolved = resolve_language(language)
    remove_translators(app)
    app_catalogue: QTranslator | None = None
    if resolved == "zh_CN":
        qt_catalogue = QTranslator()
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_catalogue.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_", qt_dir):
            app.installTranslator(qt_catalogue)
            _installed.append(qt_catalogue)
        app_catalogue = QTranslator()
        if not _load(app_catalogue, str(translation_path(resolved))):
            app_catalogue = None
    # Chinese only with its catalogue: without it the window speaks the English source strings. Set before
    # the last translator goes in, as installing it makes the widgets retranslate.
    _current["language"] = "zh_CN" if app_catalogue is not None else "en"
    if pseudo_enabled():
        pseudo = PseudoTranslator(app_catalogue)
        app.installTranslator(pseudo)
        _installed.append(pseudo)
    elif app_catalogue is not None:
        app.installTranslator(app_catalogue)
        _installed.append(app_catalogue)
    log.info("user interface language: %s%s", resolved, " (pseudo-localised)" if pseudo_enabled() else "")
    return resolved
