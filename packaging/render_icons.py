"""Render the application icon (resources/icons/app.svg) to the PNG sizes desktops use.

    .venv/bin/python packaging/render_icons.py

Writes ``packaging/icons/hicolor/<N>x<N>/apps/evidence-curator.png`` (the freedesktop icon
theme layout, ready to copy under ``/usr/share/icons`` or ``~/.local/share/icons``), the
scalable SVG beside them, and ``evidence-curator.ico`` for the Windows build. The window
uses the same SVG through the compiled resources (``:/icons/app.svg``). The outputs are
committed; ``tests/packaging/test_desktop_files.py`` re-renders and compares them.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "resources" / "icons" / "app.svg"
ICONS = ROOT / "packaging" / "icons"
APP_ID = "evidence-curator"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def png_path(size: int, icons: Path = ICONS) -> Path:
    return icons / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def render(size: int, svg: Path = SVG) -> object:
    """The icon as a ``QImage`` of ``size`` x ``size`` (transparent background)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: {svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def build(icons: Path = ICONS) -> list[Path]:
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(["render_icons"])  # noqa: F841
    written = []
    for size in SIZES:
        target = png_path(size, icons)
        target.parent.mkdir(parents=True, exist_ok=True)
        if not render(size).save(str(target), "PNG"):  # type: ignore[attr-defined]
            raise SystemExit(f"render_icons: could not write {target}")
        written.append(target)
    scalable = icons / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SVG, scalable)
    written.append(scalable)
    ico = icons / f"{APP_ID}.ico"
    if render(256).save(str(ico), "ICO"):  # type: ignore[attr-defined]
        written.append(ico)
    return written


def main() -> None:
    if not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    for path in build():
        print(path.relative_to(ROOT))


if __name__ == "__main__":
    sys.exit(main())
