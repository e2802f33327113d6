"""Cashier companion: makes sure every paid order has a receipt."""

# The one version source: the wheel (pyproject.toml reads it), the frozen programs' version resource
# and the Windows installer all take it from here.
__version__ = "0.1.0"
APP_NAME = "cashier-app"
# The one name, everywhere a person reads it: window, tray, menu entry, installer. The window says
# it through Qt's translation ("Cashier Companion" -> 收银伴侣); tests/packaging/test_one_name.py
# checks that every place agrees.
DISPLAY_NAME = "Cashier Companion"
DISPLAY_NAME_ZH = "收银伴侣"
PUBLISHER = "Cashier Companion"
