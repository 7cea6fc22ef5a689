"""Builds the Journal page's widgets and lays them out; no behaviour lives here.

Left: title, "Calendar" and "New entry", the search and filter bar, the month
calendar when shown, a count, the list and the
undo offer. Right: the editor. A splitter lets the person give either more room.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import override

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from trustdesk.domain import clock
from trustdesk.storage.journal_repo import JournalRepository
from trustdesk.ui.journal.editor import EntryEditor
from trustdesk.ui.journal.filter_bar import FilterBar
from trustdesk.ui.journal.list_delegate import EntryDelegate
from trustdesk.ui.journal.list_model import PAGE, EntryListModel
from trustdesk.ui.journal.month_view import MonthPanel
from trustdesk.ui.journal.undo_bar import UndoBar
from trustdesk.ui.widgets.column import PageScroll, centred

LIST_CHARS = 36      # the list's narrowest starting width, in average characters
LIST_MAX_CHARS = 80  # what it grows to in a wide window, so titles are cut less
EDITOR_AIR = 48      # room kept either side of the editor's column before the list grows


@dataclass
class JournalLayout:
    splitter: QSplitter
    side: QWidget
    new_button: QPushButton
    bar: FilterBar
    count_label: QLabel
    list: QListView
    model: EntryListModel
    undo: UndoBar
    editor: EntryEditor
    calendar_button: QPushButton
    month: MonthPanel


class _EditorScroll(PageScroll):
    """Scrolls the editor up and down only: as narrow as the editor can be, so the
    splitter never hands it less width than its rows need."""

    @override
    def minimumSizeHint(self) -> QSize:
        inner = self.widget().minimumSizeHint().width() if self.widget() else 0
        return QSize(inner + self.verticalScrollBar().sizeHint().width(),
                     super().minimumSizeHint().height())


class _RestackingSplitter(QSplitter):
    """The list beside the editor where both get the width their text needs; the
    list above the editor where they don't (a small window with large text), so
    neither is squeezed or cut off. `is_stacked()` says which.

    Side by side, the width the editor's column doesn't need (`editor_wants`) goes
    to the list, between `list_widths`: a wide window shows more of each title
    instead of empty space beside the page. Once the person drags the handle, the
    list keeps the width they chose."""

    def __init__(self) -> None:
        super().__init__(Qt.Orientation.Horizontal)
        self._checking = False
        self.list_widths = (0, 0)    # narrowest and widest the list is given
        self.editor_wants = 0        # the editor pane's width before the list grows
        self.sized_by_hand = False
        self.splitterMoved.connect(self._moved_by_hand)

    def is_stacked(self) -> bool:
        return self.orientation() == Qt.Orientation.Vertical

    @override
    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            self._restack()
            if event.type() == QEvent.Type.Resize:
                self._share()
        return handled

    def _moved_by_hand(self, *_args: object) -> None:
        self.sized_by_hand = True

    def _share(self) -> None:
        """Give the list the width the editor doesn't need (see the class)."""
        low, high = self.list_widths
        side = self.widget(0)
        if not high or self.sized_by_hand or self.is_stacked() or side is None \
                or side.isHidden():
            return
        room = self.width() - self.handleWidth()
        wanted = max(low, min(high, room - self.editor_wants))
        if self.sizes()[0] != wanted:
            self._checking = True
            try:
                self.setSizes([wanted, room - wanted])
            finally:
                self._checking = False

    def _restack(self) -> None:
        if getattr(self, "_checking", True) or self.count() < 2:  # True: not set up yet
            return
        needed = sum(self.widget(i).minimumSizeHint().width() for i in range(self.count()))
        stack = self.width() < needed + self.handleWidth()
        if stack == self.is_stacked():
            return
        self._checking = True
        try:
            if stack:
                self.setOrientation(Qt.Orientation.Vertical)
                self.setSizes([self.height() * 9 // 20, self.height()])
            else:
                self.setOrientation(Qt.Orientation.Horizontal)
                self.setSizes([self.widget(0).minimumSizeHint().width(), self.width()])
        finally:
            self._checking = False


def build_layout(page: QWidget, repo: JournalRepository,
                 now: clock.Clock = clock.now) -> JournalLayout:
    """Create the page's widgets inside `page` and return them; every date they
    offer or show counts from `now`."""
    title = QLabel("Journal")
    title.setProperty("role", "title")
    new_button = QPushButton("New entry")
    new_button.setProperty("role", "primary")
    new_button.setAccessibleName("New entry")
    new_button.setToolTip("Start a new entry (Ctrl+N)")
    calendar_button = QPushButton("Calendar")
    calendar_button.setObjectName("CalendarToggle")
    calendar_button.setCheckable(True)
    calendar_button.setAccessibleName("Calendar")
    calendar_button.setAccessibleDescription("Shows or hides a month calendar above the list")
    calendar_button.setToolTip("Show the month calendar (Ctrl+Shift+C)")
    header = QHBoxLayout()
    header.addWidget(title, 1)
    header.addWidget(calendar_button)
    header.addWidget(new_button)
    month = MonthPanel(repo.days, today=lambda: now().date())
    month.hide()

    bar = FilterBar(today=lambda: now().date())
    count_label = QLabel("")
    count_label.setObjectName("JournalCount")
    count_label.setProperty("role", "muted")
    count_label.setAccessibleDescription("Entries shown")
    count_label.setWordWrap(True)  # a long count never widens the list pane

    model = EntryListModel(repo)
    view = QListView()
    view.setObjectName("EntryList")
    view.setAccessibleName("Journal entries")
    view.setModel(model)
    view.setItemDelegate(EntryDelegate(view, today=lambda: now().date()))
    # Rows without a preview are shorter, so sizes are not uniform: lay rows out a
    # page at a time, so a list scrolled deep into ten years never stalls a frame.
    view.setLayoutMode(QListView.LayoutMode.Batched)
    view.setBatchSize(PAGE)
    view.setMouseTracking(True)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    undo = UndoBar()

    side = QWidget()
    side.setObjectName("JournalSide")
    column = QVBoxLayout(side)
    column.setContentsMargins(24, 22, 14, 14)
    column.setSpacing(10)
    column.addLayout(header)
    column.addWidget(bar)
    column.addWidget(month)
    column.addWidget(count_label)
    column.addWidget(view, 1)
    column.addWidget(undo)

    editor = EntryEditor(now=now)
    editor_holder = QWidget()
    editor_holder.setObjectName("JournalEditor")
    editor_column = QVBoxLayout(editor_holder)
    editor_column.setContentsMargins(12, 22, 18, 14)
    # The editor keeps to the body's measure, centred in a wide pane like the Guide.
    editor_column.addWidget(centred(editor, editor.measure()))
    # No fixed minimum widths: each side's layout knows what its text needs at the
    # current text size, and the editor restacks its rows to fit a small window;
    # when even that is too tall (large text, a small screen), the editor scrolls.
    editor_scroll = _EditorScroll(editor_holder)
    editor_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    editor_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields inside

    splitter = _RestackingSplitter()
    splitter.setChildrenCollapsible(False)
    splitter.addWidget(side)
    splitter.addWidget(editor_scroll)
    splitter.setStretchFactor(0, 0)
    splitter.setStretchFactor(1, 1)
    char = side.fontMetrics().averageCharWidth()
    start = max(360, char * LIST_CHARS)
    splitter.list_widths = (start, max(start, char * LIST_MAX_CHARS))
    editor_margins = editor_column.contentsMargins()
    splitter.editor_wants = (editor.measure() + editor_margins.left() + editor_margins.right()
                             + 2 * EDITOR_AIR)
    splitter.setSizes([start, 1000])
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(splitter)

    QWidget.setTabOrder(calendar_button, new_button)
    QWidget.setTabOrder(new_button, bar.search)
    QWidget.setTabOrder(bar.end, month.view)
    QWidget.setTabOrder(month.view, view)
    QWidget.setTabOrder(view, editor.when)
    return JournalLayout(splitter, side, new_button, bar, count_label, view, model, undo,
                         editor, calendar_button, month)
