"""Line icons from resources/icons, tinted to the current theme."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QIcon, QPixmap

from trustdesk import resources


@cache
def _svg(name: str) -> str:
    return resources.read_text("icons", f"{name}.svg")


def icon(name: str, color: str, size: int = 48) -> QIcon:
    """The SVG icon `name` drawn in `color` (any Qt colour string)."""
    pixmap = QPixmap()
    data = _svg(name).replace("currentColor", color).encode()
    pixmap.loadFromData(QByteArray(data), "SVG")
    if size and not pixmap.isNull():
        pixmap = pixmap.scaled(size, size)
    return QIcon(pixmap)


def app_icon() -> QIcon:
    return QIcon(str(resources.path("icons", "trustdesk.svg")))
