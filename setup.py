"""Which folders become which packages, and which files travel with them; the rest is in pyproject.toml.

resources/ and receipts/ stay at the top of the repo (the project's layout) and ship inside the
package as cashier_app.resources and cashier_app.receipts, so an installed wheel finds them with
importlib.resources (cashier_app/assets.py). Every file in them travels, whatever its kind, except
translation sources (the app loads the compiled .qm). pyproject.toml alone cannot list found
packages and mapped ones together.
"""

from setuptools import find_namespace_packages, find_packages, setup

MAPPED = {"cashier_app.resources": "resources", "cashier_app.receipts": "receipts"}
# Data that lives inside the code packages (migrations, sandbox scenarios, ...).
CODE_DATA = ["*.sql", "*.json", "*.toml", "*.txt", "*.qm", "*.png", "*.svg", "*.qss", "*.ttf"]

code = find_packages(include=["cashier_app", "cashier_app.*"])
# Each folder under a mapped one is a package of its own to setuptools (a folder of data files).
shipped = [f"{package}.{sub}" if sub else package
           for package, folder in MAPPED.items()
           for sub in ["", *find_namespace_packages(where=folder)]]

setup(
    packages=[*code, *shipped],
    package_dir=MAPPED,
    package_data={**{key: CODE_DATA for key in code}, **{key: ["*"] for key in shipped}},
    exclude_package_data={package: ["*.ts", "__pycache__"] for package in shipped},
)
