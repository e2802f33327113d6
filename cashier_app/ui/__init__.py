"""The Qt layer: windows, pages, models, tray, translations. The only Qt outside cashier_app/app."""
