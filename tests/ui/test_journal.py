"""Writing in the journal with real widgets: autosave, lock and unlock, check-ins,
back-dating, undo, Ctrl+N, prompts, and what lock clears."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, Qt

from tests.conftest import PASSPHRASE
from tests.ui.conftest import unlock
from tests.ui.journal_helpers import click_rating, click_row, journal_of, wait_saved
from trustdesk.domain.journal import CheckIn
from trustdesk.storage.store import JournalFolder

CTRL = Qt.KeyboardModifier.ControlModifier


def test_the_journal_is_the_landing_page_with_a_fresh_entry_ready(unlocked, no_dialogs):
    page = journal_of(unlocked)
    assert unlocked.workspace.current_key() == "journal"
    assert page.editor.body.toPlainText() == "" and page.editor.title.text() == ""
    assert page.count_label.text().startswith("No entries yet")
    assert not page.has_unsaved_changes()


def test_a_typed_entry_saves_itself_and_is_there_after_lock_and_unlock(qtbot, unlocked,
                                                                        no_dialogs):
    page = journal_of(unlocked)
    qtbot.keyClicks(page.editor.title, "A calm evening")
    qtbot.keyClicks(page.editor.body, "We walked by the river. I felt safe.")
    assert page.editor.status.text() == "Saving…"
    wait_saved(qtbot, page)
    assert unlocked.workspace.status_line.text() == "Encrypted · saved"
    rows = unlocked.session.store.journal.rows()
    assert [row.heading for row in rows] == ["A calm evening"]
    assert page.model.rowCount() == 1 and page.count_label.text() == "1 entry"

    unlocked.session.request_lock()
    unlock(qtbot, unlocked)
    page = journal_of(unlocked)
    assert page.model.rowCount() == 1
    click_row(qtbot, page, 0)
    assert page.editor.title.text() == "A calm evening"
    assert page.editor.body.toPlainText() == "We walked by the river. I felt safe."


def test_locking_right_after_typing_still_saves_every_word(qtbot, unlocked, no_dialogs):
    page = journal_of(unlocked)
    qtbot.keyClicks(page.editor.body, "typed a moment before locking")
    assert page.has_unsaved_changes()
    unlocked.session.request_lock()
    unlock(qtbot, unlocked)
    assert [row.heading for row in unlocked.session.store.journal.rows()] == [
        "typed a moment before locking"]


def test_switching_pages_and_ctrl_s_save_at_once(qtbot, unlocked, no_dialogs):
    page = journal_of(unlocked)
    qtbot.keyClicks(page.editor.body, "first words")
    unlocked.workspace.show_page("settings")
    assert unlocked.session.store.journal.count() == 1
    page = journal_of(unlocked)
    click_row(qtbot, page, 0)
    qtbot.keyClicks(page.editor.body, ", then more")
    qtbot.keyClick(page.editor.body, Qt.Key.Key_S, CTRL)
    (entry,) = unlocked.session.store.journal.entries_between(None, None)
    assert entry.body == "first words, then more"
    assert page.editor.status.text() == "Saved"


def test_quitting_saves(qtbot, window, data_dir, no_dialogs):
    unlock(qtbot, window)
    page = journal_of(window)
    qtbot.keyClicks(page.editor.body, "written just before closing the window")
    window.close()
    store = JournalFolder(data_dir).unlock(PASSPHRASE)
    try:
        assert [row.heading for row in store.journal.rows()] == [
            "written just before closing the window"]
    finally:
        store.close()


def test_undo_and_redo_work_while_editing(qtbot, unlocked, no_dialogs):
    page = journal_of(unlocked)
    body = page.editor.body
    qtbot.keyClicks(body, "Hello")
    qtbot.keyClick(body, Qt.Key.Key_Return)
    qtbot.keyClicks(body, "world")
    qtbot.keyClick(body, Qt.Key.Key_Z, CTRL)
    assert "world" not in body.toPlainText()
    qtbot.keyClick(body, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert body.toPlainText() == "Hello\nworld"
    wait_saved(qtbot, page)
    assert unlocked.session.store.journal.entries_between(None, None)[0].body == "Hello\nworld"


def test_check_in_keeps_not_rated_apart_from_zero(qtbot, unlocked, no_dialogs):
    page = journal_of(unlocked)
    bars = page.editor.checkin.bars
    qtbot.keyClicks(page.editor.body, "check-in day")
    click_rating(qtbot, bars["mood"], 0)
    bars["trust_self"].setFocus()
    qtbot.keyClick(bars["trust_self"], Qt.Key.Key_End)
    click_rating(qtbot, bars["trust_others"], 4)
    click_rating(qtbot, bars["trust_others"], 4)  # clicking the chosen number clears it
    assert bars["trust_others"].accessibleDescription() == (
        "Not rated. 0 = not at all, 10 = completely")
    assert bars["mood"].accessibleDescription() == "0 of 10. 0 = very low, 10 = very good"
    assert page.editor.checkin.ends_hint.isVisible()
    assert page.editor.checkin.ends_hint.text() == (
        "Mood: 0 = very low, 10 = very good.\nTrust: 0 = not at all, 10 = completely.")
    page.flush()
    entry = unlocked.session.store.journal.entries_between(None, None)[0]
    assert entry.checkin == CheckIn(mood=0, trust_others=None, trust_self=10)
    row = page.model.entry_row(0)
    assert row.checkin == entry.checkin


def test_entries_can_be_back_dated_and_the_list_stays_newest_first(qtbot, unlocked,
                                                                    no_dialogs):
    page = journal_of(unlocked)
    qtbot.keyClicks(page.editor.body, "today")
    page.flush()
    qtbot.keyClick(page, Qt.Key.Key_N, CTRL)
    qtbot.keyClicks(page.editor.body, "a memory from years ago")
    page.editor.when.setDateTime(QDateTime(datetime(2019, 6, 1, 8, 30)))
    page.flush()
    assert [page.model.entry_row(i).heading for i in range(2)] == [
        "today", "a memory from years ago"]
    assert page.model.entry_row(1).written_at == datetime(2019, 6, 1, 8, 30)
    assert page.list.currentIndex().row() == 1, "the open entry stays selected"


def test_a_new_entry_left_blank_is_never_saved(qtbot, unlocked, no_dialogs):
    page = journal_of(unlocked)
    qtbot.keyClick(page, Qt.Key.Key_N, CTRL)
    qtbot.keyClicks(page.editor.body, "x")
    qtbot.keyClick(page.editor.body, Qt.Key.Key_Backspace)
    qtbot.keyClick(page, Qt.Key.Key_N, CTRL)
    unlocked.session.request_lock()
    unlock(qtbot, unlocked)
    assert unlocked.session.store.journal.count() == 0


def test_an_entry_emptied_again_leaves_the_list_and_the_file(qtbot, unlocked, no_dialogs):
    page = journal_of(unlocked)
    qtbot.keyClicks(page.editor.body, "x")
    wait_saved(qtbot, page)
    assert page.model.rowCount() == 1 and unlocked.session.store.journal.count() == 1
    qtbot.keyClick(page.editor.body, Qt.Key.Key_Backspace)          # autosave
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    assert unlocked.session.store.journal.count() == 0 and page.count_label.text() != "1 entry"

    qtbot.keyClicks(page.editor.body, "again")                      # typing again keeps it
    wait_saved(qtbot, page)
    assert [row.heading for row in unlocked.session.store.journal.rows()] == ["again"]
    page.editor.body.selectAll()
    qtbot.keyClick(page.editor.body, Qt.Key.Key_Delete)
    qtbot.keyClick(page.editor.body, Qt.Key.Key_S, CTRL)            # and so does Ctrl+S
    assert unlocked.session.store.journal.count() == 0 and page.model.rowCount() == 0
    unlocked.session.request_lock()
    unlock(qtbot, unlocked)
    assert unlocked.session.store.journal.count() == 0


def test_a_prompt_is_quoted_whole_atop_a_new_entry_kept_once_written(qtbot, unlocked,
                                                                     no_dialogs):
    """"Write about this" quotes the prompt at the top of the body, however long,
    instead of cutting it off in the title; the caret waits under it."""
    prompt = ("When you felt let down this week, what did you tell yourself about what "
              "it meant, and what would you say to a friend who told you the same story?")
    page = journal_of(unlocked)
    page.start_entry(prompt)
    assert page.editor.title.text() == ""
    assert page.editor.body.toPlainText() == f"> {prompt}\n\n"
    page.flush()
    assert unlocked.session.store.journal.count() == 0, "an untouched prompt is not an entry yet"
    qtbot.keyClicks(page.editor.body, "A friend who listened.")
    wait_saved(qtbot, page)
    (entry,) = unlocked.session.store.journal.entries_between(None, None)
    assert (entry.title, entry.body) == ("", f"> {prompt}\n\nA friend who listened.")
    assert entry.heading.startswith("When you felt let down"), "no quote mark in the list"


def test_lock_clears_editor_undo_history_list_search_and_selection(qtbot, unlocked,
                                                                   no_dialogs):
    page = journal_of(unlocked)
    qtbot.keyClicks(page.editor.title, "private title")
    qtbot.keyClicks(page.editor.body, "private words")
    page.flush()
    click_row(qtbot, page, 0)
    qtbot.keyClicks(page.editor.body, " more")
    qtbot.keyClicks(page.editor.tags, "secret-tag")
    qtbot.keyClicks(page.bar.search, "private")
    assert page.list.selectionModel().hasSelection()
    body_document = page.editor.body.document()
    assert body_document.isUndoAvailable()

    unlocked.session.request_lock()  # the page is thrown away later; it is cleared right now
    assert page.editor.title.text() == "" and page.editor.body.toPlainText() == ""
    assert not body_document.isUndoAvailable() and not page.editor.title.isUndoAvailable()
    assert page.editor.tags.text() == "" and page.editor.tags.known_tags() == []
    assert page.model.rowCount() == 0
    assert page.bar.text() == "" and page.bar.tag.count() == 1
    assert not page.list.selectionModel().hasSelection()
    assert page.current_entry_id() is None
    unlock(qtbot, unlocked)
    (entry,) = unlocked.session.store.journal.entries_between(None, None)
    assert entry.body == "private words more" and entry.tags == ("secret-tag",)


def test_continuous_typing_does_not_postpone_the_save(qtbot, unlocked, no_dialogs):
    """The timer starts at the first unsaved change and is not restarted by more
    typing, so a crash during a long burst of writing loses at most about a second."""
    page = journal_of(unlocked)
    qtbot.keyClicks(page.editor.body, "a")
    timer = page._save_timer
    first = timer.remainingTime()
    assert timer.isActive() and 0 < first <= 1000
    qtbot.keyClicks(page.editor.body, "nd on and on", delay=10)  # 120 ms of typing
    assert timer.remainingTime() <= first - 100


def test_shortcuts_work_from_the_sidebar_and_only_while_the_journal_shows(qtbot, unlocked,
                                                                          no_dialogs):
    page = journal_of(unlocked)
    qtbot.keyClicks(page.editor.body, "kept")
    first_id = page.current_entry_id()
    nav = unlocked.workspace.nav
    nav.setFocus()
    qtbot.keyClick(nav, Qt.Key.Key_N, CTRL)
    assert page.current_entry_id() != first_id and page.editor.body.toPlainText() == ""
    assert unlocked.session.store.journal.get(first_id).body == "kept"
    qtbot.keyClick(nav, Qt.Key.Key_F, CTRL)
    assert page.bar.search.hasFocus() or not unlocked.isActiveWindow()

    unlocked.workspace.show_page("settings")
    second_id = page.current_entry_id()
    qtbot.keyClick(unlocked.workspace.nav, Qt.Key.Key_N, CTRL)
    assert page.current_entry_id() == second_id, "a hidden page's shortcut does nothing"


def test_every_journal_control_is_reachable_by_tab_in_a_sensible_order(unlocked):
    page = journal_of(unlocked)
    widget, names = page.new_button, []
    for _ in range(500):
        if widget.isVisible() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            name = widget.accessibleName()
            if not names or names[-1] != name:
                names.append(name)
        widget = widget.nextInFocusChain()
        if widget is page.new_button:
            break
    assert names[:names.index("Delete entry") + 1] == [
        "New entry", "Search the journal", "Filter by tag", "Filter by date",
        "Journal entries", "Date and time written", "Title", "Entry text", "Entry history", "Mood",
        "Trust in others", "Trust in myself", "Tags", "Preview", "Focus", "Delete entry"]
