"""How pages lay out their body: a column of limited width, centred in whatever
space there is, inside the frameless scroll area pages scroll in.

One rule for every page (`page_column`): reading and form pages (the guide's
contents, Settings, a worksheet) are at most FORM_WIDTH wide, list and chart pages
(the worksheet list, Progress) at most LIST_WIDTH, both inside PAGE_MARGINS, and
the column doesn't move when the scroll bar comes or goes."""

from __future__ import annotations

from typing import override

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QScrollArea, QScrollBar, QWidget

FORM_WIDTH = 760    # reading and form pages, margins included (680 of text)
LIST_WIDTH = 1060   # list and chart pages, margins included
PAGE_MARGINS = (40, 32, 40, 32)
BAR_ROOM = 16       # at least the scroll bar's width (app.qss: 10 px and its margin)


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


class PageScroll(QScrollArea):
    """A frameless scroll area (styled as #PageScroll) that sizes its widget to fit
    its width, so a page fits any window and text size. With `steady_column`,
    while the scroll bar shows, the widget's right margin gives the bar's width
    back, so a centred column that scrolls lines up with a fixed header above it
    and with views that don't scroll. UI thread only.

    The area is no Tab stop (a screen reader would say only "filler" there): Tab
    goes straight to the controls in it, which scroll into view when focused, and
    Page Up/Down from any of them still reach the area and scroll it. A view that
    is itself read by scrolling (a chapter) calls `setFocusPolicy` and names it.

    The vertical bar on screen is our own, a child of the area beside the viewport,
    following the area's own (hidden) bar, which stays the one to read and set.
    Why: Qt's accessible interface for a scroll area (QAccessibleAbstractScrollArea,
    Qt 6.12) counts its children as the viewport plus each scroll bar that is
    visible, and `child(i)` indexes that list without a bounds check. A screen
    reader asks for the count, then for each child; when the page is hidden in
    between (a chapter opens, another page is chosen) the bar is no longer
    visible, the count has shrunk, and child 1 is read past the end of the list:
    a pointer into freed memory, and the app crashes (SIGSEGV in
    QAccessibleCache::idForObject). With Qt's bar always off the count is always 1;
    our bar is not among the children Qt lists, so it can't shift them.
    tests/ui/atspi_walk_stress.py reproduces the crash."""

    def __init__(self, widget: QWidget, *, steady_column: bool = False) -> None:
        super().__init__()
        self._steady = steady_column
        self.setObjectName("PageScroll")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.bar = QScrollBar(Qt.Orientation.Vertical, self)
        self.bar.hide()
        inner = self.verticalScrollBar()
        inner.rangeChanged.connect(self._follow_range)
        inner.valueChanged.connect(self.bar.setValue)
        self.bar.valueChanged.connect(inner.setValue)
        layout = widget.layout()
        self._right = layout.getContentsMargins()[2] if layout is not None else 0
        self.setWidget(widget)

    def _follow_range(self, low: int, high: int) -> None:
        """Show our bar while there is something to scroll, with the hidden bar's range
        and steps, and keep the viewport clear of it."""
        inner = self.verticalScrollBar()
        self.bar.setRange(low, high)
        self.bar.setPageStep(inner.pageStep())
        self.bar.setSingleStep(inner.singleStep())
        self.bar.setValue(inner.value())
        wanted = high > low
        if wanted != (not self.bar.isHidden()):
            self.bar.setVisible(wanted)
            self.setViewportMargins(0, 0, self._bar_width() if wanted else 0, 0)
            self._place_bar()
            self._keep_column_steady()   # a hidden page gets no viewport resize now

    def _bar_width(self) -> int:
        self.bar.ensurePolished()   # the style sheet's width, not the plain style's
        return self.bar.sizeHint().width()

    def _place_bar(self) -> None:
        area = self.contentsRect()
        width = self._bar_width()
        self.bar.setGeometry(area.right() - width + 1, area.top(), width, area.height())

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if getattr(self, "bar", None) is not None:
            self._place_bar()

    def bar_room(self) -> int:
        """How much narrower the viewport is than the area (the bar's width, if shown)."""
        return max(0, self.width() - 2 * self.frameWidth() - self.viewport().width())

    @override
    def viewportEvent(self, event: QEvent) -> bool:
        # getattr: PySide may call this on a wrapper made without __init__ while
        # the window is being torn down.
        if getattr(self, "_steady", False) and event.type() == QEvent.Type.Resize:
            self._keep_column_steady()
        return super().viewportEvent(event)

    def _keep_column_steady(self) -> None:
        layout = self.widget().layout() if self.widget() is not None else None
        if self._steady and layout is not None:
            left, top, right, bottom = layout.getContentsMargins()
            wanted = max(0, self._right - self.bar_room())
            if wanted != right:
                layout.setContentsMargins(left, top, wanted, bottom)


def page_scroll(widget: QWidget, *, steady_column: bool = False) -> QScrollArea:
    """`widget` in a PageScroll (see there for `steady_column`)."""
    return PageScroll(widget, steady_column=steady_column)


def page_column(widget: QWidget, max_width: int) -> QScrollArea:
    """A page's body by the one rule: `widget` (its layout inside PAGE_MARGINS) at
    most `max_width` wide, centred, in a PageScroll whose column stays put when the
    scroll bar appears: BAR_ROOM either side, which the bar takes from the right."""
    layout = widget.layout()
    if layout is not None:
        layout.setContentsMargins(*PAGE_MARGINS)
    return PageScroll(centred(widget, max_width, (BAR_ROOM, 0, BAR_ROOM, 0)),
                      steady_column=True)
