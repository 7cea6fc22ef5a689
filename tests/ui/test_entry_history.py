"""Entry history from the real Journal page: select-all-and-type, then leaving the
entry, no longer loses the words: they are an earlier version, kept by autosave
itself in the save's own transaction."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt

from tests.ui.journal_helpers import wait_saved
from trustdesk.domain.history import Reason
from trustdesk.domain.journal import Entry
from trustdesk.ui.journal.list_model import ID_ROLE
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
    return page_showing(qtbot, store, clock, entry), entry


def page_showing(qtbot, store, clock: Clock, entry: Entry) -> JournalPage:
    """The Journal page on the real journal, shown and active, with `entry` open."""
    page = JournalPage(store.journal, now=clock)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow, timeout=5000)
    page.load()
    assert page.open_entry(entry.id)
    return page


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


def open_history(qtbot, page: JournalPage):
    qtbot.keyClick(page.editor.body, Qt.Key.Key_H, CTRL | Qt.KeyboardModifier.ShiftModifier)
    dialog = page.history_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.shown_version() is not None
                    or not dialog.list.isVisible(), timeout=5000)
    return dialog


def test_history_shows_the_old_text_beside_the_new_and_restores_it(qtbot, store):
    """Select all, type, leave and come back: History (Ctrl+Shift+H) lists the old
    text, shows it beside the new one with the change marked, and "Restore this
    version" brings it back; the replaced text is then a version too (undoable)."""
    clock = Clock(T0 + timedelta(hours=2))
    page, entry = page_with_entry(qtbot, store, clock)
    qtbot.keyClick(page.editor.body, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(page.editor.body, "oops")
    wait_saved(qtbot, page)
    page.new_entry()
    assert page.open_entry(entry.id)

    dialog = open_history(qtbot, page)
    assert dialog.list.count() == 1 and dialog.list.hasFocus()
    assert dialog.list.item(0).text().startswith("2 Nov 2026, 20:00\n16 words")
    assert dialog.then_view.toPlainText() == "The lake\n\n" + WORDS
    assert dialog.now_view.toPlainText() == "The lake\n\noops"
    assert dialog.summary.text() == ("Since this version, 14 words were taken out (struck "
                                     "through) and 1 added (underlined).")
    struck = _formats(dialog.then_view)
    assert (WORDS, True, False) in struck                  # struck through, not underlined
    assert ("The lake", False, False) in struck            # the unchanged title is plain
    assert ("oops", False, True) in _formats(dialog.now_view)

    clock.moment = T0 + timedelta(hours=3)
    qtbot.keyClick(dialog.list, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: page.history_dialog is None, timeout=5000)
    assert page.editor.body.toPlainText() == WORDS
    assert store.journal.get(entry.id).body == WORDS
    assert "Restored the version from 2 Nov 2026, 20:00" in page.editor.status.text()
    rows = store.journal.history.versions(entry.id)
    assert [store.journal.history.get(row.id).text.body for row in rows] == ["oops", WORDS]


def _formats(view) -> list[tuple[str, bool, bool]]:
    """(text, struck through, underlined) of each run of the view's text."""
    runs = []
    block = view.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            runs.append((fragment.text(), fmt.fontStrikeOut(), fmt.fontUnderline()))
            it += 1
        block = block.next()
    return runs


def test_an_entry_without_versions_says_so_and_keyboard_reaches_close(qtbot, store):
    clock = Clock(T0 + timedelta(hours=2))
    page, _entry = page_with_entry(qtbot, store, clock)
    dialog = open_history(qtbot, page)
    assert not dialog.list.isVisible()
    assert "no earlier versions yet" in dialog.intro.text()
    assert "kept for 30 days" in dialog.intro.text()
    qtbot.waitUntil(dialog.close_button.hasFocus, timeout=5000)
    qtbot.keyClick(dialog.close_button, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.history_dialog is None, timeout=5000)


def test_history_controls_have_names_a_screen_reader_reads(qtbot, store):
    clock = Clock(T0 + timedelta(hours=2))
    page, _entry = page_with_entry(qtbot, store, clock)
    page.editor.body.selectAll()
    qtbot.keyClicks(page.editor.body, "new words")
    page.save_now()
    assert page.editor.history_button.accessibleName() == "Entry history"
    dialog = open_history(qtbot, page)
    assert dialog.list.accessibleName() == "Versions"
    assert dialog.then_view.accessibleName() == "This version"
    assert "struck through" in dialog.then_view.accessibleDescription()
    assert dialog.now_view.accessibleName() == "The entry now"
    assert "underlined" in dialog.now_view.accessibleDescription()
    assert dialog.restore_button.accessibleName() == "Restore this version"
    order = []
    widget = dialog.list
    for _ in range(4):
        widget = widget.nextInFocusChain()
        while not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or not widget.isVisible():
            widget = widget.nextInFocusChain()
        order.append(widget.accessibleName() or widget.text())
    assert order == ["This version", "The entry now", "Restore this version", "Close"]
    dialog.reject()


def test_emptying_an_entry_removes_it_but_offers_it_back(qtbot, store):
    """Select all and delete, then the autosave: the emptied entry leaves the journal
    (as before), and Undo brings it back whole."""
    clock = Clock(T0 + timedelta(hours=2))
    page, entry = page_with_entry(qtbot, store, clock)
    for field in (page.editor.title, page.editor.body):
        field.setFocus()
        field.selectAll()
        qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: store.journal.get(entry.id) is None, timeout=5000)
    assert page.undo_bar.isVisible() and page.undo_bar.text.text() == "Emptied entry removed."
    qtbot.mouseClick(page.undo_bar.button, Qt.MouseButton.LeftButton)
    assert store.journal.get(entry.id).body == WORDS
    assert page.editor.body.toPlainText() == WORDS


def test_the_entrys_menu_in_the_list_offers_history(qtbot, store):
    clock = Clock(T0 + timedelta(hours=2))
    page, _entry = page_with_entry(qtbot, store, clock)
    other = Entry.new(body="Another day.", written_at=T0 - timedelta(days=1), now=lambda: T0)
    store.journal.save(other)
    page.listing.refresh()
    row = next(i for i in range(page.model.rowCount())
               if page.model.index(i).data(ID_ROLE) == other.id)
    menu = page.entry_menu(page.model.index(row))
    assert menu is not None and page.current_entry_id() == other.id
    assert [action.text() for action in menu.actions()] == ["History…", "Delete…"]
    assert menu.actions()[0].shortcut().toString() == "Ctrl+Shift+H"
    menu.actions()[0].trigger()
    assert page.history_dialog is not None
    qtbot.waitExposed(page.history_dialog)
    assert page.history_dialog.windowTitle() == "History of “Another day.”"
    page.history_dialog.reject()


def test_locking_closes_the_history_dialog(qtbot, unlocked):
    """The dialog shows the person's words: the lock closes it with the rest."""
    from tests.ui.journal_helpers import journal_of

    page = journal_of(unlocked)
    qtbot.keyClicks(page.editor.body, "Words to look back on.")
    wait_saved(qtbot, page)
    dialog = page.show_history()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    with qtbot.waitSignal(unlocked.session.locked, timeout=10000):
        assert unlocked.session.request_lock()
    qtbot.waitUntil(lambda: page.history_dialog is None, timeout=5000)


def _long_text(paragraphs: int) -> str:
    return "\n\n".join(f"Paragraph {n}: what I remember about the lake that day, and what "
                       "Sam said on the long walk home along the water."
                       for n in range(paragraphs))


def test_the_two_texts_scroll_together_in_proportion(qtbot, store):
    """A long entry, and an earlier version half as long: scrolling either text (its
    scroll bar, the keyboard) takes the other to the same place in its own length."""
    entry = Entry.new(title="The lake", body=_long_text(60), written_at=T0, now=lambda: T0)
    store.journal.save(entry)
    store.journal.save(entry.edited(body=_long_text(120),
                                    now=lambda: T0 + timedelta(hours=1)))
    assert len(store.journal.history.versions(entry.id)) == 1
    page = page_showing(qtbot, store, Clock(T0 + timedelta(hours=2)), entry)
    dialog = open_history(qtbot, page)
    then_bar = dialog.then_view.verticalScrollBar()
    now_bar = dialog.now_view.verticalScrollBar()
    qtbot.waitUntil(lambda: then_bar.maximum() > 0 and now_bar.maximum() > 0, timeout=5000)
    assert now_bar.maximum() > 1.5 * then_bar.maximum()   # the texts differ in length
    assert then_bar.value() == now_bar.value() == 0

    def near(bar, share: float) -> bool:
        return abs(bar.value() - share * bar.maximum()) <= 1

    then_bar.setValue(then_bar.maximum() // 2 + 1)        # the old text, to the middle
    assert then_bar.value() == then_bar.maximum() // 2 + 1    # and it stays there
    assert near(now_bar, then_bar.value() / then_bar.maximum())
    then_bar.setValue(then_bar.maximum())
    assert now_bar.value() == now_bar.maximum()

    now_bar.setValue(now_bar.maximum() // 4)              # and the other way
    assert now_bar.value() == now_bar.maximum() // 4
    assert near(then_bar, 0.25)
    now_bar.setValue(0)
    assert then_bar.value() == 0

    dialog.then_view.setFocus()                           # the keyboard, too
    qtbot.keyClick(dialog.then_view, Qt.Key.Key_End)
    assert then_bar.value() == then_bar.maximum()
    assert now_bar.value() == now_bar.maximum()
    qtbot.keyClick(dialog.now_view, Qt.Key.Key_Home)
    assert then_bar.value() == now_bar.value() == 0
    dialog.reject()
