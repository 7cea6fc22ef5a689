"""Finding and removing entries with real widgets: search as you type, tags with
autocomplete, tag and date filters, delete with confirmation and Undo."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from tests.storage.index_probe import index_terms
from tests.ui.conftest import unlock
from tests.ui.journal_helpers import click_row, journal_of, list_headings
from trustdesk.domain.journal import CheckIn, Entry
from trustdesk.ui import dialogs
from trustdesk.ui.journal.list_model import EXCERPT_ROLE

TODAY = datetime.now().replace(hour=20, minute=0, second=0, microsecond=0)


@pytest.fixture
def page(qtbot, unlocked):
    """The journal page over four entries written on different days."""
    def day(n: int, **fields) -> Entry:
        return Entry.new(written_at=TODAY - timedelta(days=n), **fields)

    unlocked.session.store.journal.save_many([
        day(1, title="Coffee with Mara", body="We met at the café near the station.",
            tags="friends", checkin=CheckIn(7, 6, 6)),
        day(3, body="An unanswered message turned into a story in my head.", tags="work"),
        day(10, body="My sister listened. Family dinner went gently.", tags="family, walks"),
        day(40, body="Old day: I trusted my own pace on the long walk.", tags="walks"),
    ])
    journal = journal_of(unlocked)
    journal.load()
    return journal


def test_search_shows_ranked_matches_as_you_type(qtbot, page, no_dialogs):
    qtbot.keyClicks(page.bar.search, "cafe")
    qtbot.waitUntil(lambda: page.model.searching and page.model.rowCount() == 1)
    assert list_headings(page) == ["Coffee with Mara"]
    excerpt = page.model.index(0).data(EXCERPT_ROLE)
    assert ("café", True) in excerpt
    assert page.count_label.text() == "1 matching entry"
    click_row(qtbot, page, 0)
    assert page.editor.title.text() == "Coffee with Mara"

    page.bar.search.clear()
    qtbot.waitUntil(lambda: not page.model.searching and page.model.rowCount() == 4)
    qtbot.keyClicks(page.bar.search, '"walk" (- *')  # quotes and operators are harmless
    qtbot.waitUntil(lambda: page.model.searching)
    assert list_headings(page) == ["Old day: I trusted my own pace on the long walk."]
    page.bar.search.clear()
    qtbot.keyClicks(page.bar.search, "zebra")
    qtbot.waitUntil(lambda: page.count_label.text() == "Nothing matches “zebra”.")
    assert page.model.rowCount() == 0


def test_tags_complete_from_tags_already_used(qtbot, page, no_dialogs):
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(page.editor.body, "A new day")
    field = page.editor.tags
    qtbot.keyClicks(field, "wo")
    completer = field.completer_
    assert completer.popup().isVisible()
    assert completer.currentCompletion() == "work"
    completer.activated[str].emit(completer.currentCompletion())
    qtbot.keyClicks(field, "fam")
    completer.activated[str].emit(completer.currentCompletion())
    assert field.text() == "work, family, "
    page.flush()
    assert page.model.entry_row(0).tags == ("work", "family")
    assert page.bar.tag.findData("family") > 0


def test_filters_by_tag_and_by_dates(qtbot, page, no_dialogs):
    page.bar.tag.setCurrentIndex(page.bar.tag.findData("walks"))
    assert sorted(list_headings(page)) == ["My sister listened. Family dinner went gently.",
                                           "Old day: I trusted my own pace on the long walk."]
    assert page.count_label.text() == "2 of 4 entries"
    page.bar.range.setCurrentIndex(page.bar.range.findData(30))
    assert list_headings(page) == ["My sister listened. Family dinner went gently."]
    page.bar.tag.setCurrentIndex(0)
    assert len(list_headings(page)) == 3
    page.bar.range.setCurrentIndex(page.bar.range.findData("custom"))
    assert page.bar.custom.isVisible()
    page.bar.start.setDate(TODAY.date() - timedelta(days=5))
    page.bar.end.setDate(TODAY.date() - timedelta(days=2))
    assert list_headings(page) == ["An unanswered message turned into a story in my head."]
    assert page.bar.current_filter().end == TODAY.date() - timedelta(days=2)
    assert page.bar.end.minimumDate().toPython() == TODAY.date() - timedelta(days=5)


def test_a_new_entry_outside_the_filter_is_saved_but_not_listed(qtbot, page, no_dialogs):
    page.bar.tag.setCurrentIndex(page.bar.tag.findData("work"))
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(page.editor.body, "untagged thought")
    page.flush()
    assert list_headings(page) == ["An unanswered message turned into a story in my head."]
    assert page._repo.count() == 5


def test_delete_asks_first_then_offers_undo(qtbot, page, unlocked):
    click_row(qtbot, page, 0)
    entry_id = page.current_entry_id()
    with dialogs.answering(lambda question: "Keep it") as asked:
        qtbot.mouseClick(page.editor.delete_button, Qt.MouseButton.LeftButton)
    assert asked[0].title == "Delete this entry?" and "Coffee with Mara" in asked[0].text
    assert unlocked.session.store.journal.get(entry_id) is not None

    with dialogs.answering(lambda question: "Delete entry"):
        qtbot.mouseClick(page.editor.delete_button, Qt.MouseButton.LeftButton)
    assert unlocked.session.store.journal.get(entry_id) is None
    assert "Coffee with Mara" not in list_headings(page)
    assert page.undo_bar.isVisible() and page.count_label.text() == "3 entries"
    assert page.bar.tag.findData("friends") < 0, "a tag nobody uses any more is gone"

    qtbot.mouseClick(page.undo_bar.button, Qt.MouseButton.LeftButton)
    restored = unlocked.session.store.journal.get(entry_id)
    assert restored is not None and restored.checkin == CheckIn(7, 6, 6)
    assert list_headings(page)[0] == "Coffee with Mara"
    assert page.current_entry_id() == entry_id and not page.undo_bar.isVisible()


def test_after_a_delete_the_neighbouring_entry_opens(qtbot, page, unlocked, no_dialogs):
    """The entry listed next opens (the one before it, after the last one), so the
    person can go on reading or deleting; a blank page only when none are left."""
    click_row(qtbot, page, 1)
    with dialogs.answering(lambda question: "Delete entry"):
        page.delete_current()
    assert page.editor.body.toPlainText() == "My sister listened. Family dinner went gently."
    assert page.list.currentIndex().row() == 1
    click_row(qtbot, page, 2)
    with dialogs.answering(lambda question: "Delete entry"):
        page.delete_current()
    assert page.editor.body.toPlainText() == "My sister listened. Family dinner went gently."
    assert page.list.currentIndex().row() == 1
    for _ in range(2):
        with dialogs.answering(lambda question: "Delete entry"):
            page.delete_current()
    assert page.model.rowCount() == 0 and page.editor.body.toPlainText() == ""


def test_deleting_unsaved_new_words_can_be_undone_too(qtbot, page, unlocked):
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(page.editor.body, "typed and deleted within a second")
    with dialogs.answering(lambda question: "Delete entry"):
        page.delete_current()
    assert unlocked.session.store.journal.count() == 4
    page.undo_bar.button.click()
    assert unlocked.session.store.journal.count() == 5
    assert page.editor.body.toPlainText() == "typed and deleted within a second"


def test_the_undo_offer_expires_and_forgets_the_entry(qtbot, page, unlocked):
    click_row(qtbot, page, 0)
    with dialogs.answering(lambda question: "Delete entry"):
        page.delete_current()
    assert page.undo_bar.pending is not None
    page.undo_bar._timer.setInterval(10)
    page.undo_bar._timer.start()
    qtbot.waitUntil(lambda: not page.undo_bar.isVisible())
    assert page.undo_bar.pending is None


def test_date_presets_count_today_as_day_one(page):
    page.bar.range.setCurrentIndex(page.bar.range.findData(7))
    flt = page.bar.current_filter()
    assert flt.end == date.today() and flt.start == date.today() - timedelta(days=6)


def test_leaving_an_edited_entry_brings_the_search_index_up_to_date(qtbot, unlocked,
                                                                   no_dialogs):
    page = journal_of(unlocked)
    journal = unlocked.session.store.journal
    qtbot.keyClicks(page.editor.body, "The lighthouse kept blinking")
    qtbot.waitUntil(lambda: not page.has_unsaved_changes(), timeout=5000)
    page.editor.body.selectAll()
    qtbot.keyClicks(page.editor.body, "A quiet marina")
    qtbot.waitUntil(lambda: not page.has_unsaved_changes(), timeout=5000)
    store = unlocked.session.store
    assert journal.index_lags() and "lighthouse" in index_terms(store)  # autosave: not yet

    qtbot.keyClick(page.editor.body, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not journal.index_lags(), timeout=5000)
    words = index_terms(store)
    assert "marina" in words and "lighthouse" not in words


def test_unlocking_indexes_what_a_crash_left_behind(qtbot, window, data_dir, no_dialogs):
    from tests.conftest import PASSPHRASE
    from trustdesk.storage.store import JournalFolder

    store = JournalFolder(data_dir).unlock(PASSPHRASE)
    written = Entry.new(written_at=TODAY, body="The lighthouse kept blinking")
    store.journal.save(written)
    store.journal.save(written.edited(body="A quiet marina"))
    store.vault.close()                      # the app died before the session ended
    unlock(qtbot, window)
    store = window.session.store
    qtbot.waitUntil(lambda: not store.journal.index_lags(), timeout=10000)
    words = index_terms(store)
    assert "marina" in words and "lighthouse" not in words
