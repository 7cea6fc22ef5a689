"""Line icons from resources/icons, tinted to the current theme."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QIcon, QPixmap

from trustdesk import resources


@cache
def _svg(name: str) -> str:
    return resources.read_text("icons", f"{name}.svg")


def _pixmap(name: str, color: str, size: int) -> QPixmap:
    pixmap = QPixmap()
    data = _svg(name).replace("currentColor", color).encode()
    pixmap.loadFromData(QByteArray(data), "SVG")
    if size and not pixmap.isNull():
        pixmap = pixmap.scaled(size, size)
    return pixmap


def icon(name: str, color: str, size: int = 48, *, selected_color: str | None = None) -> QIcon:
    """The SVG icon `name` drawn in `color` (any Qt colour string), and in
    `selected_color` when its item is selected."""
    result = QIcon(_pixmap(name, color, size))
    if selected_color:
        result.addPixmap(_pixmap(name, selected_color, size), QIcon.Mode.Selected)
    return result


def app_icon() -> QIcon:
    return QIcon(str(resources.path("icons", "trustdesk.svg")))
