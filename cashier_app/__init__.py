"""Cashier companion: makes sure every paid order has a receipt."""

__version__ = "0.1.0"
APP_NAME = "cashier-app"
