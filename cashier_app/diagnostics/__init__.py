"""The field technician's diagnosis tools, headless: checks, the print.txt activity report, the
printer setup check, and the diagnostic bundle.

Nothing here imports Qt, the composition root (`cashier_app.app`) or the UI: the app hands over
what the checks need (the configuration as a dict, the part settings, the folders), so the same
code serves the command line, the UI's technician page and tests.
"""
