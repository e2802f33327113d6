"""Icons, styles and translations, shipped as the package cashier_app.resources (see cashier_app/assets.py)."""
