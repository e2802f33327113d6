"""The icon's bitmaps (Windows .ico, Linux PNG) are drawings of resources/icons/app.svg, kept up to date."""

from __future__ import annotations

import importlib.util
import io

from PIL import Image, ImageChops, ImageStat

from tests.helpers.paths import REPO

ICONS = REPO / "resources" / "icons"


def _make_icons_module():  # installer/ is no package: load the script as a module
    spec = importlib.util.spec_from_file_location("make_icons", REPO / "installer" / "make_icons.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_windows_icon_has_every_size_a_desktop_asks_for() -> None:
    with Image.open(ICONS / "app.ico") as ico:
        sizes = set(ico.info["sizes"])
    assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= sizes


def test_the_bitmaps_are_drawn_from_the_svg_as_it_is_now(qapp: object) -> None:
    fresh = _make_icons_module().icon_files(ICONS / "app.svg")
    for name in ("app.ico", "app-256.png"):
        committed = Image.open(ICONS / name)
        if name.endswith(".ico"):
            committed.size = (256, 256)  # type: ignore[misc]  # the largest picture in the file
        drawn = Image.open(io.BytesIO(fresh[name]))
        if name.endswith(".ico"):
            drawn.size = (256, 256)  # type: ignore[misc]
        difference = ImageChops.difference(committed.convert("RGBA"), drawn.convert("RGBA"))
        # Renderers differ by a shade at the edges; a changed drawing differs everywhere.
        assert max(ImageStat.Stat(difference).mean) < 2.0, f"{name} is out of date: run installer/make_icons.py"
