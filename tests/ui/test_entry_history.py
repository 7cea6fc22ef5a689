"""Entry history from the real Journal page: select-all-and-type, then leaving the
entry, no longer loses the words: they are an earlier version, kept by autosave
itself in the save's own transaction."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt

from tests.ui.journal_helpers import wait_saved
from trustdesk.domain.history import Reason
from trustdesk.domain.journal import Entry
from trustdesk.ui.journal.page import JournalPage

CTRL = Qt.KeyboardModifier.ControlModifier
T0 = datetime(2026, 11, 2, 20, 0)
WORDS = "Everything I remember about the lake, and what Sam said on the way home."


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment


def page_with_entry(qtbot, store, clock: Clock) -> tuple[JournalPage, Entry]:
    entry = Entry.new(title="The lake", body=WORDS, written_at=T0, now=lambda: T0)
    store.journal.save(entry)
    page = JournalPage(store.journal, now=clock)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    page.load()
    assert page.open_entry(entry.id)
    return page, entry


def test_select_all_and_type_then_leaving_keeps_the_old_text(qtbot, store):
    clock = Clock(T0 + timedelta(hours=2))
    page, entry = page_with_entry(qtbot, store, clock)
    qtbot.keyClick(page.editor.body, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(page.editor.body, "oops")
    wait_saved(qtbot, page)                      # the autosave, in the background
    page.new_entry()                             # and the entry is left
    assert store.journal.get(entry.id).body == "oops"
    (row,) = store.journal.history.versions(entry.id)
    assert row.reason in (Reason.SESSION, Reason.DELETION)
    assert store.journal.history.get(row.id).text.body == WORDS


def test_one_editing_session_keeps_one_version_until_ten_minutes_pass(qtbot, store):
    clock = Clock(T0 + timedelta(hours=2))
    page, entry = page_with_entry(qtbot, store, clock)
    page.editor.body.moveCursor(page.editor.body.textCursor().MoveOperation.End)
    for minute in range(12):
        clock.moment = T0 + timedelta(hours=2, minutes=minute)
        qtbot.keyClicks(page.editor.body, f" {minute}")
        page.save_now()
    reasons = [row.reason for row in store.journal.history.versions(entry.id)]
    assert reasons == [Reason.INTERVAL, Reason.SESSION]
