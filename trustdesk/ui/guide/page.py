"""The Guide page: the contents list and the chapter reader, reading progress and the
reading place kept in the vault, and requests to write or work through a fear.

The page only emits `write_requested(prompt)` and `worksheet_requested(category)`;
the PageSpec's wire hook connects them to the Journal and Worksheets pages when
those exist and turns the buttons on (`set_writing_available`,
`set_worksheets_available`). UI thread only; storage calls are single small
settings writes (well under a millisecond).
"""

from __future__ import annotations

from typing import override

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout

from trustdesk.domain.guide.chapters import Guide, load_guide
from trustdesk.domain.guide.progress import GuideProgress, ReadingPosition, SettingsStore
from trustdesk.domain.guide.search import parse_query
from trustdesk.storage.errors import VaultError
from trustdesk.ui.guide.chapter_view import ChapterView
from trustdesk.ui.guide.contents import ContentsView
from trustdesk.ui.page import Page

SAVE_DELAY_MS = 800


class GuidePage(Page):
    """Reads the guide. Constructed with the vault's settings repository."""

    write_requested = Signal(str)
    worksheet_requested = Signal(str)

    def __init__(self, settings: SettingsStore, guide: Guide | None = None) -> None:
        super().__init__()
        self.guide = guide or load_guide()
        self.progress = GuideProgress(settings, self.guide)
        self._restored = False
        self._position_dirty = False
        self._came_from: tuple[str, int] | None = None   # chapter and place before the note
        self._save_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.flush)

        self.stack = QStackedWidget()
        self.contents = ContentsView(self.guide)
        self.chapter_view = ChapterView(self.guide)
        self.stack.addWidget(self.contents)
        self.stack.addWidget(self.chapter_view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self.contents.chapter_chosen.connect(lambda cid: self.open_chapter(cid))
        self.contents.result_chosen.connect(
            lambda cid, query: self.open_chapter(cid, query=query))
        self.contents.continue_requested.connect(self.continue_reading)
        self.chapter_view.contents_requested.connect(self.show_contents)
        self.chapter_view.chapter_requested.connect(self._open_requested)
        self.chapter_view.read_to_end.connect(self._mark_read)
        self.chapter_view.position_changed.connect(self._position_moved)
        self.chapter_view.write_requested.connect(self.write_requested)
        self.chapter_view.worksheet_requested.connect(self.worksheet_requested)

        search = QShortcut(QKeySequence.StandardKey.Find, self)
        search.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        search.activated.connect(self.start_search)
        self.set_writing_available(False)
        self.set_worksheets_available(False)

    # -- the Page protocol ------------------------------------------------------------
    @override
    def load(self) -> None:
        """First visit after unlocking: restore the last chapter and place. Later
        visits keep whatever is on screen and refresh the read marks."""
        self._refresh_progress()
        if self._restored:
            return
        self._restored = True
        position = self._stored_position()
        if position is not None and position.chapter_open:
            self.open_chapter(position.chapter_id, anchor=position.anchor, remember=False)
        else:
            self.show_contents(remember=False)

    @override
    def flush(self) -> None:
        """Save the reading place if it moved. A failure is reported on the status
        line and retried later: a reading place is never worth a dialog."""
        self._save_timer.stop()
        if not self._position_dirty:
            return
        chapter = self.chapter_view.current()
        if chapter is None:
            return
        position = ReadingPosition(chapter.id, self.chapter_view.anchor(),
                                   self.stack.currentWidget() is self.chapter_view)
        try:
            self.progress.save_position(position)
        except VaultError:
            self.status_changed.emit("reading place not saved")
            return
        self._position_dirty = False

    @override
    def clear_sensitive(self) -> None:
        self._save_timer.stop()
        self.contents.clear()
        self.chapter_view.clear()
        self.stack.setCurrentWidget(self.contents)
        self._position_dirty = False
        self._restored = False
        self._came_from = None

    # -- requests from the shell ---------------------------------------------------------
    def set_writing_available(self, available: bool) -> None:
        """Show "Write about this" only when something will act on it."""
        self.chapter_view.set_writing_available(available)

    def set_worksheets_available(self, available: bool) -> None:
        """Show "Work through this fear" only when something will act on it."""
        self.chapter_view.set_worksheets_available(available)

    # -- moving around -------------------------------------------------------------------
    def open_chapter(self, chapter_id: str, *, anchor: int = 0, query: str = "",
                     remember: bool = True) -> None:
        """Show a chapter (or the safety note) at `anchor`, or at the first match of
        `query` with every match highlighted."""
        if not self.guide.has(chapter_id):
            return
        chapter = self.guide.get(chapter_id)
        current = self.chapter_view.current()
        return_to = None
        if chapter.is_safety_note and current is not None and not current.is_safety_note:
            return_to = current
            self._came_from = (current.id, self.chapter_view.anchor())
        elif chapter.is_safety_note and self._came_from is not None:
            return_to = self.guide.get(self._came_from[0])
        parsed = parse_query(query)
        pattern = parsed.pattern if parsed else ""
        self.chapter_view.show_chapter(chapter, anchor=anchor, query=query.strip(),
                                       pattern=pattern,
                                       is_read=self.progress.is_read(chapter.id),
                                       return_to=return_to)
        self.stack.setCurrentWidget(self.chapter_view)
        self.chapter_view.text.setFocus(Qt.FocusReason.OtherFocusReason)
        if remember:
            self._position_moved()

    def _open_requested(self, chapter_id: str) -> None:
        """Previous/next, a link, the safety note, or back from it to the same place."""
        current = self.chapter_view.current()
        if current is not None and current.is_safety_note and self._came_from is not None \
                and self._came_from[0] == chapter_id:
            self.open_chapter(chapter_id, anchor=self._came_from[1])
        else:
            self.open_chapter(chapter_id)

    def show_contents(self, *, remember: bool = True) -> None:
        self._refresh_progress()
        self.stack.setCurrentWidget(self.contents)
        self.contents.search_box.setFocus(Qt.FocusReason.OtherFocusReason)
        if remember and self.chapter_view.current() is not None:
            self._position_moved()

    def continue_reading(self) -> None:
        target = self._continue_target()
        if target is not None:
            self.open_chapter(target[0], anchor=target[1])

    def _continue_target(self) -> tuple[str, int] | None:
        """The chapter (never the safety note) and place to go on reading: where the
        person stopped in a chapter not finished yet, else the start of the next
        unread one; None when every chapter is read."""
        current = self.chapter_view.current()
        if current is None:
            position = self._stored_position()
            if position is None:
                return None
            current_id, anchor = position.chapter_id, position.anchor
        else:
            current_id, anchor = current.id, self.chapter_view.anchor()
        if current_id == self.guide.safety.id:
            return self._came_from
        try:
            read = self.progress.read_ids()
        except VaultError:
            read = frozenset()
        if current_id in read:      # finished: on to the next chapter not read yet
            following = self.guide.next_unread(current_id, read)
            return (following.id, 0) if following is not None else None
        return current_id, anchor

    def start_search(self) -> None:
        self.show_contents()
        self.contents.focus_search()

    # -- progress ------------------------------------------------------------------------
    def _stored_position(self) -> ReadingPosition | None:
        try:
            return self.progress.position()
        except VaultError:
            return None

    def _refresh_progress(self) -> None:
        self.progress.reload()
        try:
            read = self.progress.read_ids()
        except VaultError:
            read = frozenset()
        self.contents.show_progress(read)
        target = self._continue_target()
        self.contents.show_continue(self.guide.get(target[0]).title if target else None)

    def _mark_read(self, chapter_id: str) -> None:
        try:
            changed = self.progress.mark_read(chapter_id)
        except VaultError:
            self.status_changed.emit("read mark not saved")
            changed = True
        if changed:
            self.contents.show_progress(self.progress.read_ids())
            current = self.chapter_view.current()
            if current is not None and current.id == chapter_id:
                self.chapter_view.set_read(True)

    def _position_moved(self) -> None:
        self._position_dirty = True
        self._save_timer.start()
