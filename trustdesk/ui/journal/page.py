"""The Journal page: the list on the left, the entry being written on the right.

Saving is automatic. An edit marks the entry dirty and starts a one-second timer
(not restarted by further typing, so a crash loses at most about a second); the
save then runs in the background through `EntrySaver`. Leaving the entry,
switching pages, locking and quitting call `flush()`, which saves on the spot and
raises the storage error if it can't, so nothing is dropped silently. A failed
save keeps the words in the editor, says so in plain words and retries.
UI thread only.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Callable
from datetime import date, datetime
from typing import override

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import QMenu, QSplitter, QWidget

from trustdesk.domain import clock
from trustdesk.domain.dates import long_date
from trustdesk.domain.history import HistoryPolicy, Text, is_large_deletion
from trustdesk.domain.journal import Entry, row_of
from trustdesk.domain.text import InvalidRecord
from trustdesk.storage import errors
from trustdesk.storage.journal_repo import JournalRepository
from trustdesk.ui import dialogs
from trustdesk.ui.journal.history_dialog import HistoryDialog, saved_words
from trustdesk.ui.journal.layout import build_layout
from trustdesk.ui.journal.list_model import ID_ROLE
from trustdesk.ui.journal.listing import Listing
from trustdesk.ui.journal.saver import EntrySaver
from trustdesk.ui.page import Page

SAVE_DELAY_MS = 1000
RETRY_MS = 5000


class EntryNotSaved(errors.VaultError):
    """The entry can't be kept as it is (too long, a date out of range). The words
    stay in the editor; the message says what to change."""


def not_saved_message(error: BaseException) -> str:
    """One plain sentence for the save indicator."""
    if isinstance(error, errors.StorageFull):
        return "Not saved yet: the disk is full. TrustDesk will keep trying."
    if isinstance(error, errors.StorageUnavailable):
        return ("Not saved yet: the journal's folder can't be written to right now. "
                "TrustDesk will keep trying.")
    if isinstance(error, InvalidRecord | EntryNotSaved):
        return f"Not saved: {error}"
    return "Not saved yet: something went wrong while saving. TrustDesk will keep trying."


class JournalPage(Page):
    """Owns the editor state, the list model and the saver. `now` is injectable.
    `focus_mode_changed(on)` asks the window to hide or show its sidebar."""

    focus_mode_changed = Signal(bool)

    def __init__(self, repo: JournalRepository, *,
                 now: clock.Clock = clock.now) -> None:
        super().__init__()
        self._repo = repo
        self._now = now
        self._saver = EntrySaver(repo)
        self._revisions = itertools.count(1)
        self._entry: Entry | None = None     # the entry shown, as last opened or saved
        self._stored = False                 # whether it exists in the vault
        self._revision = self._saved_revision = 0
        self._editing_since: datetime | None = None  # the first edit since opening it
        self._failure: BaseException | None = None
        self._session = 0                    # bumped on lock: late callbacks are ignored
        self._selecting = False

        ui = build_layout(self, repo, now)
        self.splitter: QSplitter = ui.splitter
        self.side: QWidget = ui.side
        self.new_button, self.bar, self.count_label = ui.new_button, ui.bar, ui.count_label
        self.list, self.model, self.undo_bar, self.editor = ui.list, ui.model, ui.undo, ui.editor
        self.calendar_button, self.month = ui.calendar_button, ui.month

        self._save_timer = self._timer(SAVE_DELAY_MS, self._autosave)
        self._save_timer.setTimerType(Qt.TimerType.PreciseTimer)  # "at most a second"
        self._retry_timer = self._timer(RETRY_MS, self._autosave)

        self.new_button.clicked.connect(self.new_entry)
        self.editor.edited.connect(self._on_edited)
        self.editor.delete_requested.connect(self.delete_current)
        self.editor.history_requested.connect(self.show_history)
        self.history_dialog: HistoryDialog | None = None
        self.listing = Listing(repo, self.bar, self.model, self.count_label, self.editor.tags)
        self.listing.listed.connect(self._select_current)
        self.list.selectionModel().currentChanged.connect(self._on_current_changed)
        self.list.activated.connect(lambda _index: self.editor.focus_body())
        # The entry's menu (right-click or the Menu key on a row): History, Delete.
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._show_entry_menu)
        self.undo_bar.undo_requested.connect(self._undo_delete)
        self.calendar_button.toggled.connect(self.show_calendar)
        self.month.view.day_chosen.connect(self.show_day)
        for keys, slot in (("Ctrl+N", self.new_entry), ("Ctrl+S", self.save_now),
                           ("Ctrl+F", self.focus_search),
                           ("Ctrl+Shift+H", self.show_history),
                           ("Ctrl+Shift+C", self.calendar_button.toggle)):
            # Window-wide while the page is shown (hidden pages' shortcuts are inactive),
            # so Ctrl+N works even with the focus in the sidebar.
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)
        # Focus mode: only the page. Esc leaves it (only while it is on, so Esc keeps
        # clearing the search otherwise).
        self._focus_shortcut = QShortcut(self)
        self._focus_shortcut.setKeys([QKeySequence("Ctrl+Shift+F"), QKeySequence("F11")])
        self._focus_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self._focus_shortcut.activated.connect(lambda: self.set_focus_mode(not self.focus_mode))
        self._leave_focus = QShortcut(QKeySequence("Esc"), self)
        self._leave_focus.setContext(Qt.ShortcutContext.WindowShortcut)
        self._leave_focus.setEnabled(False)
        self._leave_focus.activated.connect(lambda: self.set_focus_mode(False))
        self.editor.focus_requested.connect(self.set_focus_mode)

    def _timer(self, interval: int, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval)
        timer.timeout.connect(slot)
        return timer

    # -- the Page protocol -----------------------------------------------------------
    @override
    def load(self) -> None:
        self.listing.refresh_tags()
        self.listing.refresh()
        if self._entry is None:
            self._open(Entry.new(now=self._now, written_at=self._now()), stored=False)
            self.editor.focus_body()

    @override
    def flush(self) -> None:
        """Save the entry now if it changed. Raises a VaultError (the words stay)."""
        self._save_timer.stop()
        if not self._dirty():
            return
        entry = self._read_editor()
        if entry is None:
            raise EntryNotSaved(str(self._failure))
        if not self._stored and entry.is_blank:
            self._saved_revision = self._revision
            return
        revision, session = self._revision, self._session
        if entry.is_blank:
            try:
                self._forget_emptied(entry)
            except errors.VaultError as exc:
                self._save_failed(session, exc)
                raise
            return
        try:
            self._saver.save_now(revision, entry, session_start=self._editing_since)
        except errors.VaultError as exc:
            self._save_failed(session, exc)
            raise
        except Exception as exc:  # a bug must not lose words: keep them and ask
            self._save_failed(session, exc)
            raise EntryNotSaved("Something unexpected stopped TrustDesk from saving "
                                "this entry.") from exc
        self._saved(session, revision, entry)

    @override
    def has_unsaved_changes(self) -> bool:
        return self._dirty()

    @override
    def clear_sensitive(self) -> None:
        self.set_focus_mode(False)
        self._session += 1
        self.listing.stop()
        for timer in (self._save_timer, self._retry_timer):
            timer.stop()
        self._saver.close()
        self._saver = EntrySaver(self._repo)
        self.undo_bar.dismiss()
        if self.history_dialog is not None:
            self.history_dialog.reject()
        self.calendar_button.setChecked(False)
        self.month.clear()
        self.editor.clear()
        self.bar.clear()
        self.model.clear()
        self.list.selectionModel().clear()
        self._entry, self._stored, self._failure = None, False, None
        self._revision = self._saved_revision = 0
        self._editing_since = None

    # -- public actions --------------------------------------------------------------
    def new_entry(self) -> None:
        """Ctrl+N: a blank entry dated now (kept only once something is written)."""
        if self._leave_entry():
            self._open(Entry.new(now=self._now, written_at=self._now()), stored=False)
            self.editor.focus_body()

    def start_entry(self, prompt: str) -> None:
        """A new entry that quotes a reflection prompt (the Guide asks for this) whole
        at the top of the body, as Markdown, with the caret below it; the title stays
        the person's. Kept, like any new entry, once something is written."""
        if self._leave_entry():
            quoted = "\n".join(f"> {line}".rstrip() for line in prompt.strip().splitlines())
            self._open(Entry.new(now=self._now, written_at=self._now(), body=f"{quoted}\n\n"),
                       stored=False)
            self.editor.focus_body()
            self.editor.body.moveCursor(QTextCursor.MoveOperation.End)

    def open_entry(self, entry_id: str) -> bool:
        """Show a stored entry (Today's "On this day" asks for this). False if the
        entry being left couldn't be saved or this one is gone."""
        if entry_id == self.current_entry_id() and self._stored:
            self.editor.focus_body()
            return True
        if not self._leave_entry():
            return False
        try:
            entry = self._repo.get(entry_id)
        except errors.VaultError as exc:
            self._set_status(exc.message, "not available", warning=True)
            return False
        if entry is None:
            return False
        self._open(entry, stored=True)
        self.editor.focus_body()
        return True

    def reload_entry(self, entry_id: str) -> None:
        """Another page changed this entry (Today's quick check-in): show it afresh
        if it is open here with nothing unsaved."""
        if entry_id != self.current_entry_id() or self._dirty():
            return
        try:
            entry = self._repo.get(entry_id)
        except errors.VaultError:
            return
        if entry is not None:
            self._open(entry, stored=True)

    def save_now(self) -> None:
        """Ctrl+S. A failure is shown by the indicator; the words stay."""
        with contextlib.suppress(errors.VaultError):
            self.flush()

    def show_calendar(self, on: bool) -> None:
        """Show the month calendar above the list (reading today's month and putting
        the cursor on today), or hide it."""
        if self.calendar_button.isChecked() != on:
            self.calendar_button.setChecked(on)   # comes back here through toggled
            return
        self.month.setVisible(on)
        if on:
            self.month.load()
            self.month.view.setFocus()

    def show_day(self, day: date) -> None:
        """The calendar chose `day`: the list shows that day's entries and the first
        of them opens; the date filter says so and "Any time" undoes it."""
        self.bar.show_day(day)
        if self.model.rowCount() > 0:
            self.list.setCurrentIndex(self.model.index(0))
            self.list.setFocus()

    @property
    def focus_mode(self) -> bool:
        return self._leave_focus.isEnabled()

    def set_focus_mode(self, on: bool) -> None:
        """Only the page (the list and, through `focus_mode_changed`, the window's
        sidebar hidden), or everything back. The cursor stays in the body."""
        if on == self.focus_mode:
            return
        self._leave_focus.setEnabled(on)
        self.side.setVisible(not on)
        self.editor.set_page_only(on)
        self.focus_mode_changed.emit(on)
        if on:
            self.editor.focus_body()
        elif self.isVisible() and self.window().focusWidget() is None:
            self.editor.body.setFocus()

    @override
    def hideEvent(self, event: QHideEvent) -> None:
        """Leaving the page (another page, a lock) leaves focus mode too."""
        if not event.spontaneous():
            self.set_focus_mode(False)
        super().hideEvent(event)

    def focus_search(self) -> None:
        if self.focus_mode:
            self.set_focus_mode(False)
        self.bar.search.setFocus()
        self.bar.search.selectAll()

    def current_entry_id(self) -> str | None:
        return self._entry.id if self._entry is not None else None

    # -- editing and saving ------------------------------------------------------------
    def _dirty(self) -> bool:
        return self._entry is not None and self._revision > self._saved_revision

    def _open(self, entry: Entry, *, stored: bool) -> None:
        for timer in (self._save_timer, self._retry_timer):
            timer.stop()
        if self._stored and self._editing_since is not None:
            self._saver.index_later()   # the entry being left was edited
        self._entry, self._stored, self._failure = entry, stored, None
        self._revision = self._saved_revision = next(self._revisions)
        self._editing_since = None
        self.editor.show_entry(entry)
        self._set_status("", "saved")
        self._select_current()

    def _leave_entry(self) -> bool:
        try:
            self.flush()
        except errors.VaultError:
            return False
        return True

    def _set_status(self, text: str, word: str, *, warning: bool = False) -> None:
        self.editor.set_status(text, warning=warning)
        self.status_changed.emit(word)

    def _on_edited(self) -> None:
        if self._entry is None:
            return
        self._revision = next(self._revisions)
        if self._editing_since is None:
            self._editing_since = self._now()
        if self._failure is None:
            self._set_status("Saving…", "saving…")
        if not self._save_timer.isActive():
            self._save_timer.start()

    def _read_editor(self) -> Entry | None:
        assert self._entry is not None
        try:
            return self.editor.read(self._entry)
        except InvalidRecord as exc:
            self._failure = exc
            self._set_status(not_saved_message(exc), "not saved", warning=True)
            return None

    def _autosave(self) -> None:
        if not self._dirty():
            return
        entry = self._read_editor()
        if entry is None:
            return
        if not self._stored and entry.is_blank:
            self._saved_revision = self._revision
            self._set_status("", "saved")
            return
        revision, session = self._revision, self._session
        if entry.is_blank:
            try:
                self._forget_emptied(entry)
            except errors.VaultError as exc:
                self._save_failed(session, exc)
            return
        # A skipped write (a newer one was made, or the entry was deleted) changes
        # nothing here: whoever made the newer write already updated the page.
        self._saver.save_later(
            revision, entry,
            on_done=lambda wrote: self._saved(session, revision, entry) if wrote else None,
            on_failed=lambda exc: self._save_failed(session, exc),
            session_start=self._editing_since)

    def _forget_emptied(self, entry: Entry) -> None:
        """A stored entry emptied again goes, as if it had never been written: out of
        the file and the list. The editor stays as it is; typing again makes a new
        entry. Emptying a text of some length (a large deletion, by the history rule)
        is offered back with Undo, as deleting is: its versions go with the entry.
        Raises the storage error if the delete fails."""
        stored = self._saver.delete(entry.id)
        self.model.remove_id(entry.id)
        if stored is not None and is_large_deletion(Text(stored.title, stored.body), Text(),
                                                    HistoryPolicy()):
            self.undo_bar.offer(stored, "Emptied entry removed.")
        self._entry, self._stored = Entry.new(now=self._now, written_at=entry.written_at), False
        self._saved_revision = self._revision
        self._set_status("", "saved")
        self.listing.update_count()

    def _saved(self, session: int, revision: int, entry: Entry) -> None:
        if session != self._session or self._saver.is_deleted(entry.id):
            return
        is_current = self._entry is not None and self._entry.id == entry.id
        was_listed = self.model.row_of_id(entry.id) >= 0
        self.model.apply_saved(row_of(entry))
        if is_current:
            self._stored, self._entry = True, entry
            self._saved_revision = max(self._saved_revision, revision)
            self._failure = None
            self._retry_timer.stop()
            if not self._dirty():
                self._set_status("Saved", "saved")
            self._select_current()
        if not set(entry.tags) <= set(self.editor.tags.known_tags()):
            self.listing.refresh_tags()
        if not was_listed:
            self.listing.update_count()
        self._refresh_month()

    def _refresh_month(self) -> None:
        """Marks follow saves and deletes while the calendar is shown."""
        if not self.month.isHidden():
            with contextlib.suppress(errors.VaultError):
                self.month.refresh()

    def _save_failed(self, session: int, error: BaseException) -> None:
        if session != self._session or isinstance(error, errors.VaultLocked):
            return
        self._failure = error
        self._set_status(not_saved_message(error), "not saved yet", warning=True)
        if not isinstance(error, InvalidRecord | EntryNotSaved):
            self._retry_timer.start()

    # -- the list ----------------------------------------------------------------------
    def _select_current(self) -> None:
        """Highlight the open entry in the list without reopening it."""
        position = self.model.row_of_id(self._entry.id) if self._entry else -1
        self._selecting = True
        try:
            if position >= 0:
                self.list.setCurrentIndex(self.model.index(position))
            else:
                self.list.selectionModel().clear()
        finally:
            self._selecting = False

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        entry_id = current.data(ID_ROLE) if current.isValid() else None
        if self._selecting or entry_id is None or entry_id == self.current_entry_id():
            return
        if not self._leave_entry():
            self._select_current()
            return
        try:
            entry = self._repo.get(entry_id)
        except errors.VaultError as exc:
            self._set_status(exc.message, "not available", warning=True)
            return
        if entry is None:
            self.model.remove_id(entry_id)
            return
        self._open(entry, stored=True)

    # -- the entry's menu ------------------------------------------------------------------
    def entry_menu(self, index: QModelIndex) -> QMenu | None:
        """The menu of the entry at `index` (opened first, saving the one left), or
        None if it couldn't be opened."""
        if not index.isValid():
            return None
        self.list.setCurrentIndex(index)
        if index.data(ID_ROLE) != self.current_entry_id():
            return None
        menu = QMenu(self)
        menu.setAccessibleName("Entry")
        history = menu.addAction("History…", self.show_history)
        history.setShortcut(QKeySequence("Ctrl+Shift+H"))
        menu.addAction("Delete…", self.delete_current)
        return menu

    def _show_entry_menu(self, position: QPoint) -> None:
        menu = self.entry_menu(self.list.indexAt(position))
        if menu is not None:
            menu.exec(self.list.viewport().mapToGlobal(position))
            menu.deleteLater()

    # -- history -------------------------------------------------------------------------
    def show_history(self) -> HistoryDialog | None:
        """Ctrl+Shift+H, the History button: the entry's earlier versions, after
        saving what is typed (so "now" is what is stored). None if it can't be saved."""
        if self._entry is None or not self._leave_entry():
            return None
        entry = self._entry
        try:
            keep_days = self._repo.history.keep_days()
            dialog = HistoryDialog(self, history=self._repo.history, entry_id=entry.id,
                                   heading=entry.heading, current=Text(entry.title, entry.body),
                                   keep_days=keep_days)
        except errors.VaultError as exc:
            self._set_status(exc.message, "not available", warning=True)
            return None
        dialog.restore_chosen.connect(self.restore_version)
        dialog.finished.connect(lambda _result: setattr(self, "history_dialog", None))
        self.history_dialog = dialog
        dialog.open()
        return dialog

    def restore_version(self, version_id: int) -> bool:
        """Make an earlier version the entry's text. The text it replaces is kept as a
        version first, so this can be undone the same way. False if it didn't happen
        (the reason is in the save indicator)."""
        if not self._leave_entry():
            return False
        try:
            entry = self._saver.restore_version(next(self._revisions), version_id,
                                                now=self._now())
            version = self._repo.history.get(version_id)
        except errors.VaultError as exc:
            self._set_status(f"Not restored: {exc.message}", "not restored", warning=True)
            return False
        if entry is None:
            self._set_status("That version is no longer kept.", "not restored", warning=True)
            return False
        self.model.apply_saved(row_of(entry))
        self._open(entry, stored=True)
        when = f" {saved_words(version.row.saved_at)}" if version is not None else ""
        self._set_status(f"Restored{when}", "restored")   # what it replaced is in History
        self.editor.focus_body()
        self._refresh_month()
        return True

    # -- deleting ------------------------------------------------------------------------
    def delete_current(self) -> None:
        """Ask, delete, and offer a short Undo. Deleted words are wiped from the file."""
        if self._entry is None:
            return
        snapshot = self._read_editor_quietly()
        if not self._stored and (snapshot is None or snapshot.is_blank):
            return
        shown = snapshot or self._entry
        answer = dialogs.ask(
            self, title="Delete this entry?",
            text=f"“{shown.heading}” from {long_date(shown.written_at)} will be removed "
                 "from your journal.",
            details="You can undo this for a few seconds.",
            choices=("Delete entry", "Keep it"), default=1, cancel=1, destructive=0)
        if answer != "Delete entry":
            return
        stored_copy = None
        if self._stored:
            try:
                stored_copy = self._saver.delete(self._entry.id)
            except errors.VaultError as exc:
                self._set_status(f"Not deleted: {exc.message}", "not deleted", warning=True)
                return
        row = self.model.row_of_id(self._entry.id)
        self.model.remove_id(self._entry.id)
        self._revision = self._saved_revision
        neighbour = self._neighbour(row)
        if neighbour is not None:    # the one listed next opens, as in a mail program
            self._open(neighbour, stored=True)
        else:
            self._open(Entry.new(now=self._now, written_at=self._now()), stored=False)
        self.listing.refresh_tags()
        self.listing.update_count()
        self._refresh_month()
        kept = snapshot or stored_copy
        if kept is not None:
            self.undo_bar.offer(kept)

    def _neighbour(self, row: int) -> Entry | None:
        """The entry now at `row` of the list (the one listed after a deleted one),
        or the one before it when the deleted one was last; None for an empty list
        or when it can't be read."""
        count = self.model.rowCount()
        if row < 0 or count == 0:
            return None
        entry_id = self.model.index(min(row, count - 1)).data(ID_ROLE)
        try:
            return self._repo.get(entry_id) if entry_id else None
        except errors.VaultError:
            return None

    def _read_editor_quietly(self) -> Entry | None:
        try:
            return self.editor.read(self._entry) if self._entry else None
        except InvalidRecord:
            return None

    def _undo_delete(self, entry: Entry) -> None:
        if not self._leave_entry():
            return
        try:
            self._saver.restore(next(self._revisions), entry)
        except errors.VaultError as exc:
            self._set_status(f"Couldn't undo: {exc.message}", "not saved", warning=True)
            return
        self.model.apply_saved(row_of(entry))
        self.listing.refresh_tags()
        self.listing.update_count()
        self._refresh_month()
        self._open(entry, stored=True)

