"""Writing the entry being edited, in the background or right now, newest first.

Autosaves run on Qt's thread pool so a slow disk never freezes typing; flushes
(leaving an entry, switching pages, locking, quitting) write on the caller's
thread and raise. Every write carries the editor's revision number; under one
lock, a write older than one already made for the same entry is skipped. So a
background save that starts late can never overwrite newer words, and a deleted
entry is never brought back by a save that was still queued.

Each write carries when the person began editing the entry (`session_start`): the
repository keeps the text a save replaces as an earlier version, in the same
transaction, when the history rules (domain/history.py) say so.

An autosave leaves the search index as it was (re-indexing an edited entry costs
far more than writing it); when the person leaves an edited entry, `index_later`
brings the index up to date in the background.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from datetime import datetime

from trustdesk.domain.journal import Entry
from trustdesk.storage.journal_repo import JournalRepository
from trustdesk.ui import tasks

_DELETED = sys.maxsize


class EntrySaver:
    """Serialises the page's writes. Owned by the page; `close()` on lock."""

    def __init__(self, repo: JournalRepository) -> None:
        self._repo = repo
        self._lock = threading.Lock()
        self._written: dict[str, int] = {}
        self._closed = False

    def _write(self, revision: int, entry: Entry, session_start: datetime | None) -> bool:
        with self._lock:
            if self._closed or revision <= self._written.get(entry.id, -1):
                return False
            self._repo.save(entry, session_start=session_start)
            self._written[entry.id] = revision
            return True

    def save_now(self, revision: int, entry: Entry, *,
                 session_start: datetime | None = None) -> bool:
        """Write on this thread; raises the storage error. False if a newer (or the
        same) revision was already written."""
        return self._write(revision, entry, session_start)

    def save_later(self, revision: int, entry: Entry, *,
                   on_done: Callable[[bool], None],
                   on_failed: Callable[[BaseException], None],
                   session_start: datetime | None = None) -> tasks.Task:
        """Write in the background; the callbacks run on the UI thread."""
        return tasks.run_task(lambda: self._write(revision, entry, session_start),
                              on_done=on_done, on_failed=on_failed)

    def restore_version(self, revision: int, version_id: int, *,
                        now: datetime) -> Entry | None:
        """Bring back an earlier version now (the current text is kept as a version
        first); queued older saves of the entry are dropped. Returns the entry as
        stored, or None if the version or its entry is gone. Raises the storage error."""
        with self._lock:
            restored = self._repo.restore_version(version_id, now=now)
            if restored is not None:
                self._written[restored.id] = revision
            return restored

    def delete(self, entry_id: str) -> Entry | None:
        """Delete now; queued saves of this entry are dropped. Returns what was stored."""
        with self._lock:
            deleted = self._repo.delete(entry_id)
            self._written[entry_id] = _DELETED
            return deleted

    def is_deleted(self, entry_id: str) -> bool:
        """Whether `entry_id` was deleted here (and not restored since)."""
        with self._lock:
            return self._written.get(entry_id) == _DELETED

    def restore(self, revision: int, entry: Entry) -> None:
        """Undo a delete: write `entry` again now and accept its later saves."""
        with self._lock:
            self._repo.save(entry)
            self._written[entry.id] = revision

    def index_later(self) -> tasks.Task:
        """An editing session ended: bring the search index up to date in the
        background. A failure loses nothing (the index still knows what it holds);
        the next search, lock or unlock tries again."""
        def work() -> int:
            return 0 if self._closed else self._repo.index_pending()

        return tasks.run_task(work, on_failed=lambda _error: None)

    def close(self) -> None:
        """Refuse every further write (the journal is locking)."""
        with self._lock:
            self._closed = True
            self._written.clear()
