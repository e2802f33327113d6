"""Receipt templates and demo receipts, shipped as the package cashier_app.receipts (see cashier_app/assets.py)."""
