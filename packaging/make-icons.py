#!/usr/bin/env python3
"""Render the app icon into the freedesktop hicolor sizes.

Reads resources/icons/trustdesk.svg and writes, under packaging/linux/icons/hicolor/:
one PNG per size in SIZES (`NxN/apps/org.trustdesk.TrustDesk.png`) and a copy of the
SVG as `scalable/apps/org.trustdesk.TrustDesk.svg`. The results are committed, so
building a wheel needs no Qt; run this again after changing the SVG. `--check`
writes nothing and exits 1 when the committed icons no longer match the SVG.

Needs PySide6 (QtSvg). Runs offscreen; no display is needed.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "resources" / "icons" / "trustdesk.svg"
HICOLOR = ROOT / "packaging" / "linux" / "icons" / "hicolor"
APP_ID = "org.trustdesk.TrustDesk"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
# Largest per-channel difference allowed by --check, so that a newer Qt with slightly
# different antialiasing does not count as drift, while a changed drawing does.
TOLERANCE = 24


def png_path(size: int, root: Path = HICOLOR) -> Path:
    return root / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def svg_path(root: Path = HICOLOR) -> Path:
    return root / "scalable" / "apps" / f"{APP_ID}.svg"


def _ensure_gui() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        _ensure_gui.app = QGuiApplication([sys.argv[0]])  # type: ignore[attr-defined]


def render(size: int, source: Path = SOURCE):
    """The SVG drawn into a transparent size x size QImage (ARGB32)."""
    _ensure_gui()
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {source}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def largest_difference(first, second) -> int:
    """The largest per-channel difference between two same-sized images (255 if the
    sizes differ)."""
    from PySide6.QtGui import QImage

    a = first.convertToFormat(QImage.Format.Format_RGBA8888)
    b = second.convertToFormat(QImage.Format.Format_RGBA8888)
    if a.size() != b.size():
        return 255
    return max((abs(x - y) for x, y in zip(bytes(a.constBits()), bytes(b.constBits()),
                                            strict=True)), default=0)


def problems(root: Path = HICOLOR) -> list[str]:
    """What differs between the committed icons under `root` and the SVG."""
    from PySide6.QtGui import QImage

    found = []
    if not svg_path(root).is_file() or svg_path(root).read_bytes() != SOURCE.read_bytes():
        found.append(f"{svg_path(root)} is not a copy of {SOURCE}")
    for size in SIZES:
        committed = QImage(str(png_path(size, root)))
        if committed.isNull():
            found.append(f"{png_path(size, root)} is missing or unreadable")
            continue
        difference = largest_difference(committed, render(size))
        if difference > TOLERANCE:
            found.append(f"{png_path(size, root)} differs from the SVG (by {difference})")
    return found


def write(root: Path = HICOLOR) -> list[Path]:
    written = []
    for size in SIZES:
        target = png_path(size, root)
        target.parent.mkdir(parents=True, exist_ok=True)
        if not render(size).save(str(target), "PNG"):
            raise SystemExit(f"cannot write {target}")
        written.append(target)
    svg_path(root).parent.mkdir(parents=True, exist_ok=True)
    svg_path(root).write_bytes(SOURCE.read_bytes())
    written.append(svg_path(root))
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="only compare the committed icons with the SVG")
    args = parser.parse_args(argv)
    if args.check:
        found = problems()
        for line in found:
            print(line, file=sys.stderr)
        return 1 if found else 0
    for path in write():
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
