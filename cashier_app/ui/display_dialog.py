"""Settings → Display…: the till's text size and the high-contrast theme, seen at once while chosen,
kept in the configuration on Save (`[display]`), as they were on Cancel."""

from __future__ import annotations

import logging
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cashier_app.ui import messages, theme
from cashier_app.ui.accessibility import accessible, name_from_labels
from cashier_app.ui.appearance import BASE_PX, HIGH_CONTRAST, STANDARD, Appearance, apply, current, styled

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

MIN_PX, MAX_PX = 12, 32


class DisplayServices(Protocol):
    def save_display(self, font_size: int, theme: str) -> None:
        """Keep the display settings in the configuration (raises with a `code` when it cannot)."""
        ...


class DisplayDialog(QDialog):
    def __init__(self, services: DisplayServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("displayDialog")
        self._services = services
        self._before = current()
        self.font_size = QSpinBox()
        self.font_size.setObjectName("displayFontSize")
        self.font_size.setRange(MIN_PX, MAX_PX)
        self.font_size.setValue(self._before.font_size)
        self.font_size.setSuffix(" px")
        self.colours = QComboBox()
        self.colours.setObjectName("displayTheme")
        self.colours.addItem("", STANDARD)
        self.colours.addItem("", HIGH_CONTRAST)
        self.colours.setCurrentIndex(max(0, self.colours.findData(self._before.theme)))
        self.size_label, self.theme_label = QLabel(), QLabel()
        self.size_label.setBuddy(self.font_size)
        self.theme_label.setBuddy(self.colours)
        self.sample = QLabel()
        self.sample.setObjectName("displaySample")
        self.sample.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("displayError")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        styled(self.error, f"color: {theme.FOREGROUND[theme.FAULT]};")
        form = QFormLayout()
        form.addRow(self.size_label, self.font_size)
        form.addRow(self.theme_label, self.colours)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.sample)
        column.addWidget(self.error)
        column.addWidget(self.buttons)
        self.font_size.valueChanged.connect(self._preview)
        self.colours.currentIndexChanged.connect(self._preview)
        self.retranslate()

    def chosen(self) -> Appearance:
        return Appearance(self.font_size.value(), str(self.colours.currentData()))

    def _preview(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply(app, self.chosen())  # the whole window shows it at once: the cashier judges it there

    def accept(self) -> None:
        chosen = self.chosen()
        try:
            self._services.save_display(chosen.font_size, chosen.theme)
        except Exception as error:
            log.warning("display settings not saved: %s", error)
            reason = messages.error_text(error)
            self.error.setText(translate("DisplayDialog", "Not saved: {error}").format(error=reason))
            self.error.setVisible(True)
            return
        super().accept()

    def reject(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication) and current() != self._before:
            apply(app, self._before)
        super().reject()

    def retranslate(self) -> None:
        self.setWindowTitle(translate("DisplayDialog", "Display"))
        self.size_label.setText(translate("DisplayDialog", "Text &size:"))
        self.theme_label.setText(translate("DisplayDialog", "&Colours:"))
        self.colours.setItemText(0, translate("DisplayDialog", "Standard"))
        self.colours.setItemText(1, translate("DisplayDialog", "High contrast (light on black)"))
        self.sample.setText(translate("DisplayDialog", "The window changes as you choose. {size} px is the designed "
                                                       "size; Ctrl+ and Ctrl− change it for this session.")
                            .format(size=BASE_PX))
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        if save is not None:
            save.setText(translate("DisplayDialog", "Save"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if cancel is not None:
            cancel.setText(translate("DisplayDialog", "Cancel"))
        accessible(self.font_size, translate("DisplayDialog", "Text size in pixels"))
        accessible(self.colours, translate("DisplayDialog", "Colours"),
                   translate("DisplayDialog", "Standard, or high contrast: light text on black"))
        name_from_labels(self)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
