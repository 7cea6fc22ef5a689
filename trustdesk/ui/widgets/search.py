"""Search fields behave alike: Esc clears the words typed (and so the search)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLineEdit


def clear_on_escape(field: QLineEdit) -> QShortcut:
    """Esc in `field` empties it; elsewhere Esc keeps its own meaning."""
    shortcut = QShortcut(QKeySequence("Esc"), field)
    shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
    shortcut.activated.connect(field.clear)
    return shortcut
