"""What the journal list shows: browsing with filters, or searching as you type.

Searches run in the background (`tasks.run_task`) after a short pause in typing;
a newer query or `stop()` makes older results be ignored. Browsing reads a page
of rows on the UI thread (a few milliseconds). UI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel

from trustdesk.domain.journal import JournalFilter, SearchHit
from trustdesk.storage.fts import search_terms
from trustdesk.storage.journal_repo import SEARCH_LIMIT, JournalRepository
from trustdesk.ui import tasks
from trustdesk.ui.journal.filter_bar import FilterBar
from trustdesk.ui.journal.list_model import EntryListModel
from trustdesk.ui.journal.tag_field import TagField
from trustdesk.ui.widgets.announce import show_and_announce

SEARCH_DELAY_MS = 150


def hits_text(count: int, text: str) -> str:
    if count == 0:
        return f"Nothing matches “{text.strip()}”."
    if count >= SEARCH_LIMIT:
        return f"The {count} best matches"
    return "1 matching entry" if count == 1 else f"{count} matching entries"


class Listing(QObject):
    """Keeps the model, the count line and the tag choices in step with the filter
    bar. Emits `listed` whenever the rows were replaced."""

    listed = Signal()

    def __init__(self, repo: JournalRepository, bar: FilterBar, model: EntryListModel,
                 count_label: QLabel, tags_field: TagField) -> None:
        super().__init__(bar)
        self._repo, self._bar, self._model = repo, bar, model
        self._count, self._tags_field = count_label, tags_field
        self._generation = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        bar.changed.connect(self._on_changed)

    def _on_changed(self) -> None:
        if search_terms(self._bar.text()):
            self._timer.start()  # wait for a pause in typing
        else:
            self._timer.stop()
            self.refresh()

    def refresh(self) -> None:
        """Show what the bar asks for now: a search, or the filtered list."""
        text, flt = self._bar.text(), self._bar.current_filter()
        self._generation += 1
        if not search_terms(text):
            self._model.show_filter(flt)
            self.update_count()
            self.listed.emit()
            return
        generation = self._generation
        self._count.setText("Searching…")
        tasks.run_task(lambda: self._repo.search(text, flt=flt),
                       on_done=lambda hits: self._show_hits(generation, hits, text, flt),
                       on_failed=lambda _error: self._search_failed(generation))

    def _show_hits(self, generation: int, hits: list[SearchHit], text: str,
                   flt: JournalFilter) -> None:
        if generation != self._generation:
            return
        self._model.show_hits(hits, flt)
        show_and_announce(self._count, hits_text(len(hits), text))
        self.listed.emit()

    def _search_failed(self, generation: int) -> None:
        if generation == self._generation:
            show_and_announce(self._count, "Search isn't available right now.",
                              assertive=True)

    def update_count(self) -> None:
        """The count line while browsing: all entries, or how many the filter keeps."""
        if self._model.searching:
            return
        flt = self._bar.current_filter()
        total = self._repo.count()
        if total == 0:
            text = "No entries yet. Your first one starts on the blank page."
        elif flt.is_empty:
            text = "1 entry" if total == 1 else f"{total:,} entries"
        else:
            text = f"{self._repo.count(flt):,} of {total:,} entries"
        self._count.setText(text)

    def refresh_tags(self) -> None:
        tags = self._repo.all_tags()
        self._tags_field.set_known_tags(tags)
        self._bar.set_tags(tags)

    def stop(self) -> None:
        """Forget pending and running searches (the journal is locking)."""
        self._timer.stop()
        self._generation += 1
        self._count.setText("")
