"""The till's text size and high-contrast theme: every size of the style sheets scaled, every colour light on
black, applied to the whole window at once, kept in the configuration from Settings → Display…"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from cashier_app.app.config import load_config
from cashier_app.app.paths import default_paths
from cashier_app.journal.audit import AuditStore
from cashier_app.ui import lookup_actions, lookup_answer, lookup_input, lookup_page, missing_receipt_banner, theme
from cashier_app.ui.appearance import Appearance, apply, contrast_colour, current, scaled, set_style_property
from cashier_app.ui.display_dialog import DisplayDialog
from cashier_app.ui.lookup_answer import AnswerView
from tests.helpers.live_app import LiveApp


@pytest.fixture(autouse=True)
def standard_afterwards(qapp: QApplication) -> Iterator[None]:
    yield
    apply(qapp, Appearance())  # nothing global leaks into the next test


def test_sizes_scale_and_colours_turn_light_on_black() -> None:
    qss = ("QWidget { font-size: 16px; min-height: 44px; color: #202124; background: #ffffff;"
           " border: 1px solid #c4c7cc; } QLineEdit { border: 2px solid #1f5fa8; }")
    big = scaled(qss, Appearance(font_size=20))
    assert "font-size: 20px" in big and "min-height: 55px" in big and "#ffffff" in big
    dark = scaled(qss, Appearance(theme="high-contrast"))
    assert "font-size: 16px" in dark
    assert "color: #ffffff" in dark and "background: #000000" in dark
    assert "border: 1px solid #c4c7cc" in dark  # light already: seen on black as it is
    assert "border: 2px solid #1f5fa8" not in dark  # a dark blue border turns bright blue
    # A severity keeps its hue: red text stays red, only bright; its pale background turns dark.
    red = contrast_colour("#c0262d", "text")
    assert red.startswith("#ff") and contrast_colour(red, "text") == red
    assert contrast_colour("#fde7e8", "background") != "#000000"  # a dark red, not plain black
    assert contrast_colour("#ffff00", "text") == "#ffff00"


def test_the_display_dialog_shows_at_once_and_keeps_it_on_save(make_live_app, qtbot, language) -> None:
    language("en")
    app: LiveApp = make_live_app()
    window = app.window
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    dialog = window.open_display()
    assert isinstance(dialog, DisplayDialog)
    dialog.font_size.setValue(22)
    dialog.colours.setCurrentIndex(dialog.colours.findData("high-contrast"))
    assert current() == Appearance(22, "high-contrast")  # the window already shows it
    assert "font-size: 22px" in qapp.styleSheet()
    assert qapp.palette().color(QPalette.ColorRole.Window).name() == "#000000"
    lookup = window.page("lookup")
    assert "font-size: 41px" in qapp.styleSheet()  # the lookup field: 30 px designed (resources/styles)
    lookup.input.ensurePolished()  # type: ignore[attr-defined]
    assert lookup.input.font().pixelSize() == 41  # type: ignore[attr-defined]
    assert theme.FOREGROUND[theme.FAULT] == "#ff6b6b"
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert save is not None
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert window.status.currentMessage() == "The display settings are saved."
    written = tomllib.loads(default_paths().config_file.read_text(encoding="utf-8"))
    assert written["display"] == {"font_size": 22, "theme": "high-contrast"}
    assert load_config(default_paths().config_file).display.font_size == 22
    assert app.services.journal is not None
    [entry] = [e for e in AuditStore(app.services.journal).list() if e.action == "settings_changed"]
    assert entry.detail == "display: text 22 px, high-contrast theme"


def test_cancel_puts_the_display_back(make_live_app) -> None:
    app: LiveApp = make_live_app()
    dialog = app.window.open_display()
    assert dialog is not None
    dialog.font_size.setValue(28)
    dialog.reject()
    assert current() == Appearance()
    assert not default_paths().config_file.exists()


def test_ctrl_plus_and_minus_change_the_text_size_for_the_session(make_live_app, qtbot) -> None:
    app: LiveApp = make_live_app()
    window = app.window
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert current().font_size == 18
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert current().font_size == 14
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert current().font_size == 16 and "Text size 16 px" in window.status.currentMessage()


def test_a_large_text_size_scrolls_the_page_rather_than_overlap_it(make_live_app, qtbot) -> None:
    from PySide6.QtWidgets import QScrollArea

    app: LiveApp = make_live_app()
    window = app.window
    window.resize(1366, 740)
    window.show()
    frame = window.tabs.currentWidget()
    assert isinstance(frame, QScrollArea) and frame.widget() is window.current_page()
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    apply(qapp, Appearance(font_size=32))
    page = window.page("cases")
    window.show_page("cases")
    qtbot.waitUntil(lambda: page.minimumSizeHint().height() > 0)
    cases_frame = window.tabs.currentWidget()
    assert isinstance(cases_frame, QScrollArea)
    # Whatever does not fit is reached by scrolling: the page is never squeezed below its own minimum.
    qtbot.waitUntil(lambda: page.height() >= page.minimumSizeHint().height())


def test_the_lookup_answer_takes_its_colours_from_the_theme(qapp: QApplication) -> None:
    """The verdict and the payment state are coloured by their severity through the style sheets, in the
    standard and the high-contrast theme alike (the page and the banner hold no colour of their own)."""
    answer = AnswerView()
    verdict, state = answer.verdict, answer.fact_values["state"]
    # High contrast: the theme's bright severities, made brighter still where they are not (as every colour).
    bright = {"fault": contrast_colour("#ff6b6b", "text"), "ok": contrast_colour("#66ff66", "text")}
    for appearance, colours in ((Appearance(), {"fault": "#c0262d", "ok": "#1b7f3b"}),
                                (Appearance(theme="high-contrast"), bright)):
        apply(qapp, appearance)
        for severity, colour in colours.items():
            for label in (verdict, state):
                set_style_property(label, "severity", severity)
                assert label.palette().color(QPalette.ColorRole.WindowText).name() == colour, (appearance, severity)
    for module in (lookup_page, lookup_input, lookup_answer, lookup_actions, missing_receipt_banner):
        source = Path(str(module.__file__)).read_text(encoding="utf-8")
        assert re.search(r"#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?\b", source) is None, module.__name__
        assert "styled(" not in source and "setStyleSheet(" not in source, module.__name__
