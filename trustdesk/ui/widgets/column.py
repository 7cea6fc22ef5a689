"""How pages lay out their body: a column of limited width, centred in whatever
space there is, inside the frameless scroll area pages scroll in."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QScrollArea, QWidget


def centred(widget: QWidget, max_width: int,
            margins: tuple[int, int, int, int] = (0, 0, 0, 0)) -> QWidget:
    """`widget`, at most `max_width` wide, centred in a new holder with `margins`.

    Centred by stretches either side, not by an alignment flag: those let it grow
    to its maximum width, where an aligned widget would be pinned to its (narrow)
    size hint and wrapped text asked for its height at the wrong width."""
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(*margins)
    row.setSpacing(0)
    widget.setMaximumWidth(max_width)
    row.addStretch(1)
    row.addWidget(widget, 1000)  # the stretches take only what is left beyond max_width
    row.addStretch(1)
    return holder


def page_scroll(widget: QWidget) -> QScrollArea:
    """A frameless scroll area (styled as #PageScroll) that sizes `widget` to fit its
    width, so a page fits any window and text size."""
    scroll = QScrollArea()
    scroll.setObjectName("PageScroll")
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(widget)
    return scroll
