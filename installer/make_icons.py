"""Draw the app icon's bitmaps from resources/icons/app.svg (the one drawing of the icon).

    .venv/bin/python installer/make_icons.py

writes resources/icons/app.ico (16 to 256 px, for the Windows build and installer) and
resources/icons/app-256.png (for Linux desktops that want a bitmap). Run it after changing app.svg;
tests/packaging/test_icons.py fails while they are out of date.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn at size x size by Qt's SVG renderer, as PNG bytes."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def icon_files(svg: Path) -> dict[str, bytes]:
    """{file name: bytes} of the bitmaps drawn from the SVG."""
    from PIL import Image

    big = Image.open(io.BytesIO(render_png(svg, 256)))
    ico = io.BytesIO()
    big.save(ico, format="ICO", sizes=[(s, s) for s in ICON_SIZES])
    png = io.BytesIO()
    big.save(png, format="PNG", optimize=True)
    return {"app.ico": ico.getvalue(), "app-256.png": png.getvalue()}


def main() -> int:
    for name, data in icon_files(ICONS / "app.svg").items():
        (ICONS / name).write_bytes(data)
        print(f"wrote {ICONS / name} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
