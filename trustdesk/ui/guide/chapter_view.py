"""One chapter on screen: a header (back to contents, where you are, the safety
note), then a centred reading column that scrolls: the text, its prompts, and
previous/next.

The reading place is kept as an *anchor*, the character at the top of the view,
so it survives a new window width, text size or theme (the text reflows and the
view follows it). `read_to_end(id)` is emitted when the reader scrolls to the end
of the text or moves on with Next. UI thread only.
"""

from __future__ import annotations

from typing import override

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetricsF, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractSlider,
    QApplication,
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from trustdesk.domain.guide.chapters import Chapter, Guide
from trustdesk.ui import theme
from trustdesk.ui.guide.header import ChapterHeader, MatchBar, button
from trustdesk.ui.guide.prompts import PromptsPanel
from trustdesk.ui.guide.reader import ChapterText, line_width, reading_font
from trustdesk.ui.widgets.announce import announce
from trustdesk.ui.widgets.column import page_scroll

COLUMN_PADDING = (48, 40, 48, 36)   # left, top, right, bottom inside the reading card
OUTER_MARGIN = 24
_RESTYLE_EVENTS = (QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange,
                   QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange,
                   QEvent.Type.StyleChange)


class ChapterView(QWidget):
    """Shows one chapter at a time; emits requests, never touches storage."""

    contents_requested = Signal()
    chapter_requested = Signal(str)
    read_to_end = Signal(str)
    position_changed = Signal()
    write_requested = Signal(str)
    worksheet_requested = Signal(str)

    def __init__(self, guide: Guide) -> None:
        super().__init__()
        self.setObjectName("ChapterView")
        self._scroll_viewport: QWidget | None = None   # set below; eventFilter reads them
        self._text_viewport: QWidget | None = None
        self._guide = guide
        self._chapter: Chapter | None = None
        self._return_to: Chapter | None = None
        self._anchor = 0
        self._focus_position: int | None = None
        self._restoring = False
        self._end_emitted = False
        self._query = ""
        self._pattern = ""
        self._restyle_timer = QTimer(self, singleShot=True, interval=0)
        self._restyle_timer.timeout.connect(self.restyle)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self._build_header())
        self.scroll_area = page_scroll(self._build_column())
        self.scroll_area.setAccessibleName("Chapter")
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # read by scrolling
        self._scroll_viewport = self.scroll_area.viewport()
        self._scroll_viewport.installEventFilter(self)
        outer.addWidget(self.scroll_area, 1)

        bar = self.scroll_area.verticalScrollBar()
        bar.valueChanged.connect(self._on_scrolled)
        bar.rangeChanged.connect(lambda _low, _high: self._scroll_to_anchor())
        self.text.height_fitted.connect(self._scroll_to_anchor)
        self.text.chapter_link.connect(self.chapter_requested)
        self.text.installEventFilter(self)
        self._text_viewport = self.text.viewport()
        self._text_viewport.installEventFilter(self)
        self.prompts.write_requested.connect(self.write_requested)
        self.prompts.worksheet_requested.connect(self.worksheet_requested)

        self.header.sections.activated.connect(self.go_to_section)
        for keys, slot in (("Alt+Left", self.go_previous), ("Alt+Right", self.go_next),
                           ("Alt+Down", self.next_heading), ("Alt+Up", self.previous_heading),
                           ("Escape", self.contents_requested.emit)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # -- building -------------------------------------------------------------------
    def _build_header(self) -> QWidget:
        self.header = ChapterHeader()
        self.contents_button = self.header.contents_button
        self.safety_button = self.header.safety_button
        self.read_mark = self.header.read_mark
        self.contents_button.clicked.connect(self.contents_requested)
        self.safety_button.clicked.connect(
            lambda: self.chapter_requested.emit(self._guide.safety.id))
        self.match_bar = MatchBar()
        self.clear_matches_button = self.match_bar.clear_button
        self.clear_matches_button.clicked.connect(self.clear_highlights)
        bars = QWidget()
        column = QVBoxLayout(bars)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.header)
        column.addWidget(self.match_bar)
        return bars

    def _build_column(self) -> QWidget:
        holder = QWidget()
        holder.setObjectName("ReadingHolder")
        rows = QVBoxLayout(holder)
        rows.setContentsMargins(OUTER_MARGIN, OUTER_MARGIN, OUTER_MARGIN, OUTER_MARGIN + 8)
        self.card = QFrame()
        self.card.setObjectName("ReadingColumn")
        self.card.setProperty("role", "card")
        # Centred by stretches, not by alignment: an aligned card would be asked for
        # its height at the full viewport width, come out short, and overlap itself.
        centre = QHBoxLayout()
        centre.addStretch(1)
        centre.addWidget(self.card)
        centre.addStretch(1)
        rows.addLayout(centre)
        rows.addStretch(1)
        column = QVBoxLayout(self.card)
        column.setContentsMargins(*COLUMN_PADDING)
        column.setSpacing(0)
        self.text = ChapterText()
        column.addWidget(self.text)
        self.rule = QFrame()
        self.rule.setObjectName("GuideRule")
        self.rule.setFrameShape(QFrame.Shape.HLine)
        column.addSpacing(12)
        column.addWidget(self.rule)
        column.addSpacing(18)
        self.prompts = PromptsPanel()
        column.addWidget(self.prompts)
        column.addSpacing(22)
        self.nav = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.nav.setSpacing(12)
        self.previous_button = button("", "Previous chapter")
        self.previous_button.clicked.connect(self.go_previous)
        self.back_button = button("", "Back to the chapter you were reading")
        self.back_button.clicked.connect(self._go_back)
        self.next_button = button("", "Next chapter", "primary")
        self.next_button.clicked.connect(self.go_next)
        self.nav.addWidget(self.previous_button)
        self.nav.addWidget(self.back_button)
        self.nav.addStretch(1)
        self.nav.addWidget(self.next_button)
        column.addLayout(self.nav)
        return holder

    # -- showing --------------------------------------------------------------------
    def show_chapter(self, chapter: Chapter, *, anchor: int = 0, query: str = "",
                     pattern: str = "", is_read: bool = False,
                     return_to: Chapter | None = None) -> None:
        """Show `chapter` with `anchor` at the top, or, given a search `pattern`, with
        its first match in view and every match highlighted."""
        # Scrolls that happen while switching (focus moving off a hidden button, the
        # old text reflowing) must not be taken for the reader's own.
        self._restoring = True
        try:
            self._switch_to(chapter, anchor, query, pattern, is_read, return_to)
        finally:
            self._restoring = False
        self._scroll_to_anchor()

    def _switch_to(self, chapter: Chapter, anchor: int, query: str, pattern: str,
                   is_read: bool, return_to: Chapter | None) -> None:
        self._chapter = chapter
        self._return_to = return_to if chapter.is_safety_note else None
        self._anchor = max(0, anchor)
        self._focus_position = None
        self._end_emitted = False
        self._query = query
        self._pattern = pattern
        self.header.show_chapter(chapter, self._guide.total, is_read)
        self.prompts.show_chapter(chapter)
        self.rule.setVisible(self.prompts.has_content())
        self._update_nav()
        self._render()
        found = self.text.highlight(pattern, theme.colors()["selection"]) if pattern else None
        if found is not None:
            self._focus_position = found
        self._show_match_count(found is not None)
        self._update_width()

    def current(self) -> Chapter | None:
        return self._chapter

    def anchor(self) -> int:
        return self._anchor

    def set_read(self, is_read: bool) -> None:
        chapter = self._chapter
        self.header.set_read(is_read and chapter is not None and not chapter.is_safety_note)

    def set_writing_available(self, available: bool) -> None:
        self.prompts.set_writing_available(available)

    def set_worksheets_available(self, available: bool) -> None:
        self.prompts.set_worksheets_available(available)

    def clear(self) -> None:
        """Forget the chapter shown (the journal is locking)."""
        self._chapter = None
        self._return_to = None
        self._anchor = 0
        self._focus_position = None
        self._query = ""
        self._pattern = ""
        self.text.clear_text()
        self.header.show_sections([])
        self.prompts.show_chapter(None)
        self._show_match_count(False)

    def clear_highlights(self) -> None:
        self.text.clear_highlights()
        self._query = ""
        self._pattern = ""
        self._show_match_count(False)
        self.text.setFocus()

    def restyle(self) -> None:
        """Render again in the current theme and text size, keeping the place."""
        if self._chapter is None:
            return
        self._restoring = True
        try:
            self._render()
            if self._pattern and self.text.highlight(
                    self._pattern, theme.colors()["selection"]) is None:
                self._pattern = ""
            self._update_width()
            self._update_nav()
        finally:
            self._restoring = False
        self._scroll_to_anchor()

    def _render(self) -> None:
        assert self._chapter is not None
        font = reading_font(QApplication.font())
        self.text.show_markdown(self._chapter.body, font, theme.colors())
        self.header.show_sections([text for _, text in self.text.headings()])
        self.scroll_area.verticalScrollBar().setSingleStep(
            round(QFontMetricsF(font).lineSpacing() * 1.5))

    # -- headings --------------------------------------------------------------------
    def go_to_section(self, index: int) -> None:
        """Put heading `index` at the top, the text cursor on it (a screen reader reads
        on from there) and say which heading it is."""
        headings = self.text.headings()
        if not 0 <= index < len(headings):
            return
        position, heading = headings[index]
        self._anchor = position
        self._focus_position = None
        self._scroll_to_anchor()
        cursor = self.text.textCursor()
        cursor.setPosition(position)
        self.text.setTextCursor(cursor)
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)
        self.header.sections.setCurrentIndex(index)
        announce(self.text, f"Heading: {heading}")

    def _heading_index(self) -> int:
        """The last heading at or above the text cursor (-1 before the first)."""
        position = self.text.textCursor().position()
        return sum(1 for start, _ in self.text.headings() if start <= position) - 1

    def next_heading(self) -> None:
        self.go_to_section(self._heading_index() + 1)

    def previous_heading(self) -> None:
        index = self._heading_index()
        start = self.text.headings()[index][0] if index >= 0 else 0
        self.go_to_section(index - 1 if self.text.textCursor().position() <= start else index)

    def _show_match_count(self, found: bool) -> None:
        self.match_bar.show_count(self.text.highlight_count() if found else 0, self._query)

    def _update_nav(self) -> None:
        chapter = self._chapter
        previous = self._guide.previous(chapter.id) if chapter else None
        following = self._guide.next(chapter.id) if chapter else None
        self.previous_button.setVisible(previous is not None)
        self.next_button.setVisible(following is not None)
        self.back_button.setVisible(self._return_to is not None)
        if previous is not None:
            self.previous_button.setText(f"← {previous.title}")
            self.previous_button.setAccessibleName(f"Previous chapter: {previous.title}")
            self.previous_button.setToolTip("Previous chapter (Alt+Left)")
        if following is not None:
            self.next_button.setText(f"Next: {following.title} →")
            self.next_button.setAccessibleName(f"Next chapter: {following.title}")
            self.next_button.setToolTip("Next chapter (Alt+Right)")
        if self._return_to is not None:
            self.back_button.setText(f"← Back to {self._return_to.title}")
            self.back_button.setAccessibleName(f"Back to {self._return_to.title}")
        self._arrange_nav()

    def _arrange_nav(self) -> None:
        """Side by side when both buttons fit on one line, else one above the other."""
        shown = [b for b in (self.previous_button, self.back_button, self.next_button)
                 if not b.isHidden()]
        needed = sum(b.sizeHint().width() for b in shown) + 24 * len(shown)
        available = self.card.width() - COLUMN_PADDING[0] - COLUMN_PADDING[2]
        direction = (QBoxLayout.Direction.LeftToRight if needed <= available
                     else QBoxLayout.Direction.TopToBottom)
        if self.nav.direction() != direction:
            self.nav.setDirection(direction)

    # -- moving ---------------------------------------------------------------------
    def go_previous(self) -> None:
        previous = self._guide.previous(self._chapter.id) if self._chapter else None
        if previous is not None:
            self.chapter_requested.emit(previous.id)

    def go_next(self) -> None:
        """Moving on with Next counts the chapter as read."""
        following = self._guide.next(self._chapter.id) if self._chapter else None
        if following is not None and self._chapter is not None:
            self.read_to_end.emit(self._chapter.id)
            self.chapter_requested.emit(following.id)

    def _go_back(self) -> None:
        if self._return_to is not None:
            self.chapter_requested.emit(self._return_to.id)

    # -- scrolling and layout ---------------------------------------------------------
    def _update_width(self) -> None:
        """The card is as wide as about LINE_CHARS characters of reading text, or the
        window, whichever is narrower; it stays centred."""
        font = reading_font(QApplication.font())
        wanted = round(line_width(font)) + COLUMN_PADDING[0] + COLUMN_PADDING[2]
        available = self.scroll_area.viewport().width() - 2 * OUTER_MARGIN
        width = max(320, min(wanted, available))
        if self.card.width() != width or self.card.minimumWidth() != width:
            self.card.setFixedWidth(width)
        self._arrange_nav()

    def _text_top(self) -> int:
        column = self.scroll_area.widget()
        assert column is not None
        return self.text.mapTo(column, QPoint(0, 0)).y()

    def _scroll_to_anchor(self) -> None:
        """Put the anchor (or a search match, a third of the way down) at the top."""
        if self._chapter is None:
            return
        bar = self.scroll_area.verticalScrollBar()
        top = self._text_top()
        if self._focus_position is not None:
            target = top + self.text.y_of(self._focus_position) - bar.pageStep() / 3
        elif self._anchor > 0:
            target = top + self.text.y_of(self._anchor)
        else:
            target = 0
        was_restoring, self._restoring = self._restoring, True
        try:
            bar.setValue(round(max(0, target)))
        finally:
            self._restoring = was_restoring

    def _on_scrolled(self, value: int) -> None:
        if self._restoring or self._chapter is None:
            return
        top = self._text_top()
        self._anchor = self.text.position_at(value - top) if value > top else 0
        self._focus_position = None
        self.position_changed.emit()
        viewport = self.scroll_area.viewport().height()
        if not self._end_emitted and top + self.text.height() <= value + viewport + 2:
            self._end_emitted = True
            self.read_to_end.emit(self._chapter.id)

    def at_end(self) -> bool:
        bar = self.scroll_area.verticalScrollBar()
        return bar.value() >= bar.maximum()

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Compare with kept references: during teardown, asking a half-destroyed
        # widget for its viewport would fail.
        if watched is self._scroll_viewport and event.type() == QEvent.Type.Resize:
            self._update_width()
        elif watched is self.text and event.type() == QEvent.Type.KeyPress:
            return self._scroll_key(event)  # type: ignore[arg-type]
        elif watched is self._text_viewport and event.type() == QEvent.Type.Wheel:
            # The text has nothing of its own to scroll: the page scrolls. Ctrl+wheel
            # would zoom the text, but the text size is a setting, so it is dropped.
            if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:  # type: ignore[attr-defined]
                QApplication.sendEvent(self.scroll_area.verticalScrollBar(), event)
            return True
        return super().eventFilter(watched, event)

    def _scroll_key(self, event: QKeyEvent) -> bool:
        """Space/PageDown, Shift+Space/PageUp, arrows, Home/End scroll the page."""
        bar = self.scroll_area.verticalScrollBar()
        key = event.key()
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        overlap = 2 * bar.singleStep()
        page = max(bar.singleStep(), bar.pageStep() - overlap)
        if key == Qt.Key.Key_PageDown or (key == Qt.Key.Key_Space and not shift):
            bar.setValue(bar.value() + page)
        elif key == Qt.Key.Key_PageUp or (key == Qt.Key.Key_Space and shift):
            bar.setValue(bar.value() - page)
        elif key == Qt.Key.Key_Down:
            bar.triggerAction(QAbstractSlider.SliderAction.SliderSingleStepAdd)
        elif key == Qt.Key.Key_Up:
            bar.triggerAction(QAbstractSlider.SliderAction.SliderSingleStepSub)
        elif key == Qt.Key.Key_Home:
            bar.triggerAction(QAbstractSlider.SliderAction.SliderToMinimum)
        elif key == Qt.Key.Key_End:
            bar.triggerAction(QAbstractSlider.SliderAction.SliderToMaximum)
        else:
            return False
        return True

    @override
    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in _RESTYLE_EVENTS:
            self._restyle_timer.start()
