"""The journal list as a Qt item model that never holds more than it shows.

Browsing: rows come from the repository newest first, PAGE rows at a time, as the
view scrolls (canFetchMore/fetchMore, keyset paging, so an entry saved meanwhile
can't shift a page). Searching: the ranked hits, with their excerpts. Rows carry
no bodies. UI thread only; the model reads storage only in `show_filter` and
`fetchMore` (a few milliseconds each).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, override

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from trustdesk.domain.dates import date_time
from trustdesk.domain.journal import HEADING_CHARS, EntryRow, JournalFilter, SearchHit
from trustdesk.storage.journal_repo import JournalRepository
from trustdesk.ui.journal.rating import describe

PAGE = 200
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
EXCERPT_ROLE = Qt.ItemDataRole.UserRole + 2
ID_ROLE = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def _whole_words(heading: str) -> str:
    """A heading cut at HEADING_CHARS loses its last, partial word and says so."""
    if len(heading) < HEADING_CHARS or " " not in heading:
        return heading
    return heading.rsplit(" ", 1)[0].rstrip(" ,;:-") + "…"


def _sentences(parts: list[str]) -> str:
    """Parts joined as sentences: a full stop only where none ends the part already."""
    said = [part.strip() for part in parts if part.strip()]
    return " ".join(part if part[-1] in ".!?…" else part + "." for part in said)


def spoken(row: EntryRow) -> str:
    """The row as a screen reader says it (and the tooltip shows it): heading, date,
    ratings, tags, each a sentence."""
    parts = [_whole_words(row.heading), date_time(row.written_at)]
    checkin = row.checkin
    if not checkin.is_empty:
        parts.append(", ".join(f"{name} {describe(value).lower()}" for name, value in (
            ("Mood", checkin.mood), ("trust in others", checkin.trust_others),
            ("trust in myself", checkin.trust_self))))
    if row.tags:
        parts.append("Tags: " + ", ".join(row.tags))
    return _sentences(parts)


class EntryListModel(QAbstractListModel):
    """Rows of the journal list. Owned by the page; `clear()` forgets them all."""

    def __init__(self, repo: JournalRepository) -> None:
        super().__init__()
        self._repo = repo
        self._rows: list[EntryRow] = []
        self._excerpts: dict[str, tuple[tuple[str, bool], ...]] = {}
        self._filter = JournalFilter()
        self._searching = False
        self._more = False
        self._busy = False

    @contextmanager
    def _changing(self) -> Iterator[None]:
        """Marks a structural change. Listeners of the change signals (views, Qt's
        model tester) may ask for more rows meanwhile; they get none until it ends,
        so changes never nest."""
        previous, self._busy = self._busy, True
        try:
            yield
        finally:
            self._busy = previous

    # -- filling -----------------------------------------------------------------
    def show_filter(self, flt: JournalFilter) -> None:
        """Browse: the newest PAGE rows matching `flt`; more arrive on scrolling."""
        rows = self._repo.rows(flt, limit=PAGE)
        with self._changing():
            self.beginResetModel()
            self._filter, self._searching = flt, False
            self._rows, self._excerpts = rows, {}
            self._more = len(rows) == PAGE
            self.endResetModel()

    def show_hits(self, hits: list[SearchHit], flt: JournalFilter) -> None:
        """Search results, best first; no paging."""
        with self._changing():
            self.beginResetModel()
            self._filter, self._searching, self._more = flt, True, False
            self._rows = [hit.row for hit in hits]
            self._excerpts = {hit.row.id: hit.excerpt for hit in hits}
            self.endResetModel()

    def clear(self) -> None:
        with self._changing():
            self.beginResetModel()
            self._rows, self._excerpts, self._more = [], {}, False
            self._filter, self._searching = JournalFilter(), False
            self.endResetModel()

    @property
    def searching(self) -> bool:
        return self._searching

    @override
    def canFetchMore(self, parent: Index = _ROOT) -> bool:
        return not parent.isValid() and self._more and not self._busy

    @override
    def fetchMore(self, parent: Index = _ROOT) -> None:
        """Append the next page (never while another change is under way)."""
        if parent.isValid() or not self._more or self._busy:
            return
        with self._changing():
            page = self._repo.rows(self._filter, limit=PAGE,
                                   after=self._rows[-1] if self._rows else None)
            self._more = len(page) == PAGE
            known = {row.id for row in self._rows}
            page = [row for row in page if row.id not in known]
            if page:
                first = len(self._rows)
                self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
                self._rows.extend(page)
                self.endInsertRows()

    # -- keeping in step with edits ---------------------------------------------------
    def row_of_id(self, entry_id: str) -> int:
        return next((i for i, row in enumerate(self._rows) if row.id == entry_id), -1)

    def entry_row(self, position: int) -> EntryRow:
        return self._rows[position]

    def apply_saved(self, row: EntryRow) -> None:
        """Show a just-saved entry where it belongs (or drop it if the filter no
        longer matches). Search results are updated in place, never re-ranked."""
        with self._changing():
            self._apply_saved(row)

    def _apply_saved(self, row: EntryRow) -> None:
        old = self.row_of_id(row.id)
        if self._searching:
            if old >= 0:
                self._rows[old] = row
                self.dataChanged.emit(self.index(old), self.index(old))
            return
        if not self._filter.matches(row):
            self.remove_id(row.id)
            return
        others = [r for r in self._rows if r.id != row.id]
        key = row.sort_key
        target = next((i for i, r in enumerate(others) if r.sort_key < key), len(others))
        if target == len(others) and self._more:
            self.remove_id(row.id)  # it belongs to a page not fetched yet
            return
        if old < 0:
            self.beginInsertRows(QModelIndex(), target, target)
            self._rows.insert(target, row)
            self.endInsertRows()
            return
        self._rows[old] = row
        if target != old:
            destination = target + 1 if target > old else target
            self.beginMoveRows(QModelIndex(), old, old, QModelIndex(), destination)
            self._rows.pop(old)
            self._rows.insert(target, row)
            self.endMoveRows()
        changed = self.index(target)
        self.dataChanged.emit(changed, changed)

    def remove_id(self, entry_id: str) -> None:
        position = self.row_of_id(entry_id)
        if position >= 0:
            with self._changing():
                self.beginRemoveRows(QModelIndex(), position, position)
                del self._rows[position]
                self._excerpts.pop(entry_id, None)
                self.endRemoveRows()

    # -- the model interface -----------------------------------------------------------
    @override
    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    @override
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.heading
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return spoken(row)
        if role == ROW_ROLE:
            return row
        if role == EXCERPT_ROLE:
            return self._excerpts.get(row.id)
        if role == ID_ROLE:
            return row.id
        return None

    @override
    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | \
            Qt.ItemFlag.ItemNeverHasChildren

