"""The label for words on screen: plain text, never read as HTML (what people write
passes through these), with an optional style role from app.qss."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def text_label(text: str = "", role: str | None = None, *, wrap: bool = True,
               selectable: bool = False) -> QLabel:
    """A plain-text label, word-wrapped unless `wrap` is False, marked with `role`;
    the mouse can select its text only when `selectable`."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse if selectable
                                  else Qt.TextInteractionFlag.NoTextInteraction)
    if role:
        label.setProperty("role", role)
    return label
