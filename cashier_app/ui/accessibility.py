"""Accessible names and descriptions: what a screen reader says for a control, and what the tests
check every control has. Set in each view's retranslate(), so they follow the language.

    accessible(self.lookup_button, translate("LookupPage", "Look up"),
               translate("LookupPage", "Look the number up on the merchant platform"))
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def accessible(widget: QWidget, name: str, description: str = "") -> None:
    """Name a control (and say what it does) for assistive technology."""
    widget.setAccessibleName(name)
    widget.setAccessibleDescription(description or name)
