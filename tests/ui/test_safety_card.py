"""The person's own safety card inside the safety note: only once unlocked, saved
into the journal, read back after a lock, and gone from the widgets on lock."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt

from tests.ui.conftest import unlock
from tests.ui.test_safety_note import open_note
from trustdesk.domain.safety_card import Contact, SafetyCard
from trustdesk.ui.safety.window import CARD_TAB


def test_locked_the_note_has_no_card(qtbot, window):
    note = open_note(qtbot, window.unlock_screen.safety_link)
    assert note.card is None and note.tabs is None
    note.close()


def test_the_card_is_saved_in_the_journal_and_shown_again(qtbot, unlocked, no_dialogs):
    note = open_note(qtbot, unlocked.workspace.safety_link)
    assert note.tabs is not None and note.tabs.tabText(1) == CARD_TAB
    assert note.tabs.currentIndex() == 0         # nothing kept yet: the note first
    card = note.card
    note.tabs.setCurrentIndex(1)
    qtbot.keyClicks(card.names[0], "Sam")
    qtbot.keyClicks(card.numbers[0], "0123 456")
    qtbot.keyClicks(card.helps, "A walk by the river")
    assert card.status.text() == "Not saved yet."
    qtbot.mouseClick(card.save_button, Qt.MouseButton.LeftButton)
    assert card.status.text() == "Saved in your journal."
    store = unlocked.session.store
    assert store.settings.load_safety_card() == SafetyCard(
        (Contact("Sam", "0123 456"),), "A walk by the river", "")
    note.close()

    again = open_note(qtbot, unlocked.workspace.safety_link)
    assert again.tabs.currentIndex() == 1        # their own numbers first, once kept
    assert again.card.names[0].text() == "Sam" and again.card.numbers[0].text() == "0123 456"
    again.close()


def test_locking_empties_the_card_and_closes_the_note(qtbot, unlocked, no_dialogs):
    unlocked.session.store.settings.save_safety_card(
        SafetyCard((Contact("Sam", "0123"),), "Music", "Home"))
    note = open_note(qtbot, unlocked.workspace.safety_link)
    fields = note.card
    assert fields.names[0].text() == "Sam"
    assert unlocked.session.request_lock() is True
    assert not shiboken6.isValid(fields) or (
        fields.names[0].text() == "" and fields.helps.toPlainText() == ""
        and not note.isVisible())
    unlock(qtbot, unlocked)
    back = open_note(qtbot, unlocked.workspace.safety_link)
    assert back.card.names[0].text() == "Sam"     # kept in the journal, not the widgets
    back.close()


def test_the_note_opened_before_unlocking_gains_the_card(qtbot, window, no_dialogs):
    """A note left open from the unlock screen is replaced by one with the card."""
    first = open_note(qtbot, window.unlock_screen.safety_link)
    assert first.card is None
    unlock(qtbot, window)
    second = open_note(qtbot, window.workspace.safety_link)
    assert second.card is not None
    second.close()


def test_a_field_too_long_is_refused_in_words(qtbot, unlocked, no_dialogs):
    note = open_note(qtbot, unlocked.workspace.safety_link)
    note.card.helps.setPlainText("x" * 2001)
    assert note.card.save() is False
    assert note.card.status.text().startswith("Not saved: What helps me is longer")
    assert unlocked.session.store.settings.load_safety_card().is_empty
    note.close()


def test_ctrl_shift_s_opens_the_note_locked_and_unlocked(qtbot, window, no_dialogs):
    from trustdesk.ui.safety import note as safety_note

    keys = (Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier
            | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: window.safety_action is not None)
    qtbot.keyClick(window, *keys)
    qtbot.waitUntil(lambda: safety_note._open.get(id(window)) is not None)
    locked = safety_note._open[id(window)]
    assert locked.card is None
    locked.close()
    unlock(qtbot, window)
    window.activateWindow()   # the note was the active window until it closed
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, *keys)
    qtbot.waitUntil(lambda: safety_note._open.get(id(window)) is not None)
    opened = safety_note._open[id(window)]
    assert opened.card is not None
    opened.close()


def test_a_card_with_many_people_shows_every_row(qtbot, unlocked, no_dialogs):
    people = tuple(Contact(f"Person {n}", f"0{n}") for n in range(6))
    unlocked.session.store.settings.save_safety_card(SafetyCard(people))
    note = open_note(qtbot, unlocked.workspace.safety_link)
    assert [field.text() for field in note.card.names] == [p.name for p in people]
    assert note.card.read().people == people
    note.close()


def test_closing_the_note_keeps_what_was_typed_on_the_card(qtbot, unlocked, no_dialogs):
    note = open_note(qtbot, unlocked.workspace.safety_link)
    note.tabs.setCurrentIndex(1)
    qtbot.keyClicks(note.card.names[0], "Ana")
    qtbot.keyClicks(note.card.numbers[0], "0789")
    note.close()                                  # no "Save card" pressed
    assert unlocked.session.store.settings.load_safety_card() == SafetyCard(
        (Contact("Ana", "0789"),), "", "")


def test_the_worksheets_own_safety_link_shows_the_card_too(qtbot, unlocked, no_dialogs):
    from trustdesk.ui.safety import note as safety_note
    from trustdesk.ui.worksheets.common import SafetyOffer

    unlocked.session.store.settings.save_safety_card(
        SafetyCard((Contact("Sam", "0123"),), "", ""))
    unlocked.workspace.show_page("worksheets")
    unlocked.workspace.page("worksheets").start_worksheet("failing")
    box = unlocked.workspace.page("worksheets").findChildren(SafetyOffer)[0]
    box.button.click()
    note = safety_note._open.get(id(unlocked))
    assert note is not None and note.card is not None
    assert note.card.names[0].text() == "Sam"
    note.close()
