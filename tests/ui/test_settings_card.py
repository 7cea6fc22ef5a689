"""Settings' "My people and numbers": the safety note's own card editor, in a settings
card. Saved into the journal, shared with the note both ways, kept when the person
leaves Settings, and emptied on lock."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt

from tests.ui.conftest import unlock
from tests.ui.test_safety_note import open_note
from trustdesk.domain.safety_card import Contact, SafetyCard
from trustdesk.ui.safety.card import SafetyCardEditor


def card_section(window):
    settings = window.workspace.show_page("settings")
    return settings.card


def test_settings_edits_the_same_card_as_the_safety_note(qtbot, unlocked, no_dialogs):
    store = unlocked.session.store
    store.settings.save_safety_card(SafetyCard((Contact("Sam", "0123"),), "Music", ""))
    section = card_section(unlocked)
    editor = section.editor
    assert isinstance(editor, SafetyCardEditor)          # the note's editor, not a copy
    assert section.isVisible() and editor.names[0].text() == "Sam"
    assert editor.helps.accessibleName() == "What helps me"

    qtbot.keyClicks(editor.names[1], "Crisis line")
    qtbot.keyClicks(editor.numbers[1], "116 123")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.status.text() == "Saved in your journal."
    assert store.settings.load_safety_card().people == (
        Contact("Sam", "0123"), Contact("Crisis line", "116 123"))

    note = open_note(qtbot, unlocked.workspace.safety_link)    # the note shows it too
    assert note.card.names[1].text() == "Crisis line"
    note.card.places.setPlainText("My sister's flat")
    qtbot.mouseClick(note.card.save_button, Qt.MouseButton.LeftButton)
    assert editor.places.toPlainText() == "My sister's flat"   # and Settings follows
    note.close()


def test_leaving_settings_keeps_the_card_and_locking_empties_it(qtbot, unlocked, no_dialogs):
    store = unlocked.session.store
    editor = card_section(unlocked).editor
    qtbot.keyClicks(editor.names[0], "Jo")
    assert unlocked.workspace.has_unsaved_changes()
    unlocked.workspace.show_page("journal")                  # leaving saves it
    assert store.settings.load_safety_card().people == (Contact("Jo", ""),)

    card_section(unlocked)
    qtbot.keyClicks(editor.numbers[0], "0777")
    assert unlocked.session.request_lock() is True           # the lock saves it too
    assert not shiboken6.isValid(editor) or (
        editor.names[0].text() == "" and editor.numbers[0].text() == "")
    unlock(qtbot, unlocked)
    again = card_section(unlocked).editor
    assert (again.names[0].text(), again.numbers[0].text()) == ("Jo", "0777")
