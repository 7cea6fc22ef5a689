"""Spell checking in the editors: misspelt words get a wavy underline as they are
typed (entry body and title, worksheet text), not Markdown, tags, numbers or links;
the context menu replaces, adds to the person's dictionary or ignores; the switch in
Settings takes the marks away. Real widgets on a real journal in tmp_path."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QMenu

from tests.ui.conftest import unlock
from tests.ui.journal_helpers import click_row, journal_of, wait_saved
from trustdesk.domain.safety_card import Contact, SafetyCard
from trustdesk.domain.settings import AppSettings
from trustdesk.ui.journal.editor import EntryEditor
from trustdesk.ui.safety.card import SafetyCardEditor
from trustdesk.ui.spelling.line_edit import SpellLineEdit
from trustdesk.ui.spelling.menu import NO_SUGGESTIONS
from trustdesk.ui.spelling.service import speller
from trustdesk.ui.worksheets.common import TextBox

WAVE = QTextCharFormat.UnderlineStyle.WaveUnderline
ENGLISH = AppSettings(spelling_language="en")


@pytest.fixture
def spelling(qtbot, store):
    """The speller open on a real journal, checking English, its word list loaded."""
    speller.open(store.settings, ENGLISH)
    qtbot.waitUntil(lambda: speller.active, timeout=20000)
    yield store
    speller.close()


def marked(document) -> list[str]:
    """The words of `document` under a wavy underline, in order."""
    found = []
    block = document.begin()
    while block.isValid():
        text = block.text()
        for part in block.layout().formats():
            if part.format.underlineStyle() == WAVE:
                found.append(text[part.start:part.start + part.length])
        block = block.next()
    return found


@pytest.fixture
def editor(qtbot):
    widget = EntryEditor()
    qtbot.addWidget(widget)
    widget.resize(700, 600)
    widget.show()
    return widget


def type_into_body(qtbot, editor: EntryEditor, text: str) -> None:
    editor.body.setFocus()
    qtbot.keyClicks(editor.body, text)


def test_a_misspelt_word_is_marked_as_it_is_typed_and_a_right_one_is_not(
        qtbot, spelling, editor):
    type_into_body(qtbot, editor, "I recieve letters. I receive letters.")
    assert marked(editor.body.document()) == ["recieve"]


def test_the_word_being_typed_is_marked_once_it_is_finished(qtbot, spelling, editor):
    type_into_body(qtbot, editor, "I recieve")
    assert marked(editor.body.document()) == []          # still being typed
    type_into_body(qtbot, editor, " it")
    assert marked(editor.body.document()) == ["recieve"]
    type_into_body(qtbot, editor, " wrld")
    assert marked(editor.body.document()) == ["recieve"]
    qtbot.keyClick(editor.body, Qt.Key.Key_Home)          # the cursor leaves the word
    assert marked(editor.body.document()) == ["recieve", "wrld"]
    editor.title.setFocus()
    qtbot.keyClicks(editor.title, "Teh dya")
    assert editor.title.marked_words() == ["Teh"]
    qtbot.keyClick(editor.title, Qt.Key.Key_Home)
    assert editor.title.marked_words() == ["Teh", "dya"]


def test_markdown_tags_numbers_and_links_are_not_marked(qtbot, spelling, editor):
    editor.body.set_text("# A **bold** heading\n\n- item #gardn at 3pm, `codde`, "
                         "[a link](https://exampel.org/wrng) and www.exampel.org\n"
                         "> quote with a typo: definately")
    qtbot.waitUntil(lambda: not editor.body.highlighter.is_styling())
    assert marked(editor.body.document()) == ["definately"]


def word_position(editor: EntryEditor, word: str) -> QPoint:
    found = editor.body.document().find(word)
    middle = QTextCursor(found)
    middle.setPosition(found.selectionStart() + 2)
    return editor.body.cursorRect(middle).center()


def test_a_suggestion_replaces_the_word_as_one_undo_step(qtbot, spelling, editor):
    type_into_body(qtbot, editor, "We will seperate the two.")
    menu = editor.body.context_menu_at(word_position(editor, "seperate"))
    names = [action.text() for action in menu.actions()]
    assert names[0] == "separate"
    assert "Add to my dictionary" in names and "Ignore" in names
    assert any("Copy" in name for name in names)    # the standard actions stay
    assert len([n for n in names[:names.index("Add to my dictionary")]]) <= 5
    menu.actions()[0].trigger()
    assert editor.body.toPlainText() == "We will separate the two."
    assert marked(editor.body.document()) == []
    editor.body.undo()
    assert editor.body.toPlainText() == "We will seperate the two."


def test_ignore_unmarks_the_word_until_the_journal_locks(qtbot, spelling, editor, store):
    type_into_body(qtbot, editor, "Aroha came by. Aroha stayed.")
    assert marked(editor.body.document()) == ["Aroha", "Aroha"]
    menu = editor.body.context_menu_at(word_position(editor, "Aroha"))
    next(a for a in menu.actions() if a.text() == "Ignore").trigger()
    assert marked(editor.body.document()) == []
    speller.close()
    speller.open(store.settings, ENGLISH)
    qtbot.waitUntil(lambda: speller.active)
    qtbot.waitUntil(lambda: marked(editor.body.document()) == ["Aroha", "Aroha"])
    assert store.settings.load_personal_words() == []


def test_the_off_switch_takes_the_marks_away_and_back(qtbot, spelling, editor):
    type_into_body(qtbot, editor, "I recieve it.")
    assert marked(editor.body.document()) == ["recieve"]
    speller.apply(replace(ENGLISH, spell_check=False))
    qtbot.waitUntil(lambda: marked(editor.body.document()) == [])
    speller.apply(ENGLISH)
    qtbot.waitUntil(lambda: marked(editor.body.document()) == ["recieve"])


def test_the_title_marks_its_words_and_offers_suggestions(qtbot, spelling, editor):
    editor.title.setFocus()
    qtbot.keyClicks(editor.title, "Teh day I trusted")
    assert editor.title.marked_words() == ["Teh"]
    edits: list[str] = []
    editor.title.textEdited.connect(edits.append)
    editor.title.setCursorPosition(1)   # inside "Teh": right-click where the cursor is
    menu = editor.title.context_menu_at(QPoint(editor.title.cursorRect().center().x(), 5))
    assert menu.actions()[0].text() == "The"
    menu.actions()[0].trigger()
    assert editor.title.text() == "The day I trusted"
    assert edits  # the page saves it as the person's edit
    assert editor.title.marked_words() == []
    editor.title.undo()
    assert editor.title.text() == "Teh day I trusted"


def test_a_worksheet_text_box_marks_misspelt_words(qtbot, spelling):
    box = TextBox("What happened")
    qtbot.addWidget(box)
    box.show()
    edits: list[None] = []
    box.edited.connect(lambda: edits.append(None))
    box.setFocus()
    qtbot.keyClicks(box, "She said it occured once")
    typed = len(edits)
    assert marked(box.document()) == ["occured"]
    speller.apply(replace(ENGLISH, spell_check=False))   # marking again is no edit
    assert marked(box.document()) == [] and len(edits) == typed
    speller.apply(ENGLISH)
    position = box.cursorRect(box.document().find("occured")).center()
    menu = box.context_menu_at(position)
    assert menu.actions()[0].text() == "occurred"


def test_a_worksheet_evidence_line_marks_its_words(qtbot, spelling):
    line = SpellLineEdit()
    qtbot.addWidget(line)
    line.show()
    qtbot.keyClicks(line, "He was definately late")
    assert line.marked_words() == ["definately"]


def test_a_word_without_suggestions_says_so(qtbot, spelling, editor):
    type_into_body(qtbot, editor, "zqxjvvk")
    menu = editor.body.context_menu_at(word_position(editor, "zqxjvvk"))
    assert menu.actions()[0].text() == NO_SUGGESTIONS
    assert not menu.actions()[0].isEnabled()


def test_nothing_is_marked_while_no_journal_is_open(qtbot, editor):
    type_into_body(qtbot, editor, "I recieve it.")
    assert marked(editor.body.document()) == []


# -- in the whole app: the journal's own dictionary and the Settings switch ----------
def _marked_after_spelling_loads(qtbot, page) -> list[str]:
    qtbot.waitUntil(lambda: speller.active, timeout=20000)
    qtbot.waitUntil(lambda: not page.editor.body.highlighter.is_styling())
    return marked(page.editor.body.document())


def test_added_words_stay_across_lock_and_unlock_and_never_touch_a_file(
        qtbot, unlocked, data_dir, no_dialogs, tmp_path):
    page = journal_of(unlocked)
    qtbot.waitUntil(lambda: speller.active, timeout=20000)
    qtbot.keyClicks(page.editor.body, "Ngaire's and Aroha recieve Ngaire letters.")
    assert marked(page.editor.body.document()) == ["Ngaire's", "Aroha", "recieve", "Ngaire"]
    menu = page.editor.body.context_menu_at(word_position(page.editor, "Ngaire"))
    next(a for a in menu.actions() if a.text() == "Add to my dictionary").trigger()
    assert marked(page.editor.body.document()) == ["Aroha", "recieve"]   # both forms
    wait_saved(qtbot, page)

    unlocked.session.request_lock()
    assert not speller.active   # locked: nothing of the journal's is kept
    unlock(qtbot, unlocked)
    page = journal_of(unlocked)
    click_row(qtbot, page, 0)
    assert _marked_after_spelling_loads(qtbot, page) == ["Aroha", "recieve"]
    assert unlocked.session.store.settings.load_personal_words() == ["Ngaire"]

    # Nowhere in a file in plain text: not in the data folder, not in the home folder.
    for folder in (data_dir, Path.home()):
        for path in folder.rglob("*"):
            if path.is_file():
                assert b"Ngaire" not in path.read_bytes(), path


def test_the_settings_switch_and_language_apply_at_once(qtbot, unlocked, no_dialogs):
    page = journal_of(unlocked)
    qtbot.waitUntil(lambda: speller.active, timeout=20000)
    qtbot.keyClicks(page.editor.body, "I recieve it quietly.")
    assert marked(page.editor.body.document()) == ["recieve"]
    settings = unlocked.workspace.show_page("settings")
    section = settings.writing
    assert section.spell_check.isChecked()
    section.spell_check.setChecked(False)
    assert not unlocked.session.store.settings.load_app_settings().spell_check
    qtbot.waitUntil(lambda: marked(page.editor.body.document()) == [])
    assert not section.language_box.isEnabled()
    section.spell_check.setChecked(True)
    qtbot.waitUntil(lambda: marked(page.editor.body.document()) == ["recieve"])
    section.language_box.setCurrentIndex(section.language_box.findData("de"))
    assert unlocked.session.store.settings.load_app_settings().spelling_language == "de"
    qtbot.waitUntil(lambda: speller.language == "de" and speller.active, timeout=20000)
    qtbot.waitUntil(lambda: marked(page.editor.body.document()) == ["recieve", "quietly"])


def test_settings_say_when_a_language_has_no_dictionary(qtbot, unlocked, no_dialogs,
                                                        monkeypatch):
    from trustdesk.domain.spelling import word_lists
    from trustdesk.ui.spelling import service

    settings = unlocked.workspace.show_page("settings")
    monkeypatch.setattr(service, "system_language", lambda: "pl")
    settings.writing.show_values(AppSettings())
    assert settings.writing.note.isVisible()
    assert "no dictionary for your computer's language (polski)" in \
        settings.writing.note.text()
    assert "checks in English" in settings.writing.note.text()
    assert settings.writing.language_box.itemText(0) == "Same as my computer (English)"

    monkeypatch.setattr(word_lists, "available_languages", lambda: ["en"])
    settings.writing.show_values(AppSettings(spelling_language="de"))
    assert "no dictionary for Deutsch" in settings.writing.note.text()
    assert "spelling isn't checked" in settings.writing.note.text()


def test_words_an_import_brings_are_no_longer_marked(qtbot, unlocked, no_dialogs, tmp_path):
    """An export's dictionary merges into the journal's, and the open editors stop
    marking its words once the import is done (as Settings > Your data reports it)."""
    import json

    page = journal_of(unlocked)
    qtbot.waitUntil(lambda: speller.active, timeout=20000)
    qtbot.keyClicks(page.editor.body, "Ngaire and Aroha came.")
    assert marked(page.editor.body.document()) == ["Ngaire", "Aroha"]
    export = tmp_path / "other.json"
    export.write_text(json.dumps({"format": "trustdesk", "version": 5,
                                  "exported_at": "2025-03-02T20:15:00+01:00",
                                  "journal": [], "personal_dictionary": ["Aroha"]}),
                      encoding="utf-8")
    unlocked.session.store.exchange.import_file(export)
    unlocked.workspace.reload_current()
    assert marked(page.editor.body.document()) == ["Ngaire"]
    assert unlocked.session.store.settings.load_personal_words() == ["Aroha"]


@pytest.mark.parametrize("kind", ["entry body", "worksheet text box"])
def test_a_right_click_opens_the_menu_with_the_suggestions(qtbot, spelling, editor, kind):
    """The menu a right-click opens is the spelling one (not only `context_menu_at`)."""
    if kind == "entry body":
        type_into_body(qtbot, editor, "It occured to me ")
        box = editor.body
    else:
        box = TextBox("What happened")
        qtbot.addWidget(box)
        box.show()
        box.setFocus()
        qtbot.keyClicks(box, "It occured to me ")
    position = box.cursorRect(box.document().find("occured")).center()
    assert _menu_shown_by_right_click(qtbot, box.viewport(), position)[0] == "occurred"


# -- the safety card's own words ("My people and numbers") ---------------------------
def _menu_shown_by_right_click(qtbot, target, position: QPoint) -> list[str]:
    """The actions of the menu a real right-click at `position` of `target` opens
    (run modally, or popped up: a plain line edit's)."""
    shown: list[list[str]] = []

    def read_and_close() -> None:
        menu = QApplication.activePopupWidget()
        if isinstance(menu, QMenu):
            shown.append([action.text() for action in menu.actions()])
            menu.close()

    QTimer.singleShot(100, read_and_close)
    QApplication.sendEvent(target, QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, position, target.mapToGlobal(position)))
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    return shown[0]


@pytest.fixture
def card(qtbot, spelling):
    """The card's editor on the real journal, its card saved and shown."""
    spelling.settings.save_safety_card(SafetyCard((Contact("Sam", "0123 456"),), "", ""))
    editor = SafetyCardEditor(spelling.settings)
    qtbot.addWidget(editor)
    editor.resize(600, 500)
    editor.show()
    editor.load()
    return editor


def test_the_safety_cards_words_are_marked_but_not_its_numbers(qtbot, spelling, card):
    """What helps, where to go and the names are marked as the journal's words are;
    a number field's words are not, and its menu has no spelling actions."""
    card.helps.setFocus()
    qtbot.keyClicks(card.helps, "A walk by the rivver and musik ")
    card.places.setFocus()
    qtbot.keyClicks(card.places, "The clnic on Hill Road ")
    card.names[1].setFocus()
    qtbot.keyClicks(card.names[1], "Crisis lnie")
    qtbot.keyClick(card.names[1], Qt.Key.Key_Home)        # the name is finished
    card.numbers[1].setFocus()
    qtbot.keyClicks(card.numbers[1], "0800 recieve ")
    assert marked(card.helps.document()) == ["rivver", "musik"]
    assert marked(card.places.document()) == ["clnic"]
    assert card.names[1].marked_words() == ["lnie"]
    assert not isinstance(card.numbers[1], SpellLineEdit)
    number = card.numbers[1]
    number.setCursorPosition(number.text().index("recieve") + 2)
    spot = QPoint(number.cursorRect().center().x(), number.height() // 2)
    actions = _menu_shown_by_right_click(qtbot, number, spot)
    assert any("Copy" in name for name in actions)        # its own menu, and only that
    assert "Add to my dictionary" not in actions and "Ignore" not in actions
    assert not any(name.startswith("receive") for name in actions)


def test_the_safety_cards_menu_offers_suggestions_add_and_ignore(qtbot, spelling, card):
    card.helps.setFocus()
    qtbot.keyClicks(card.helps, "A walk by the rivver ")
    position = card.helps.cursorRect(card.helps.document().find("rivver")).center()
    actions = _menu_shown_by_right_click(qtbot, card.helps.viewport(), position)
    assert actions[0] == "river" and "Add to my dictionary" in actions and "Ignore" in actions
    menu = card.helps.context_menu_at(position)
    menu.actions()[0].trigger()
    assert card.helps.toPlainText() == "A walk by the river "
    assert marked(card.helps.document()) == []
    assert card.has_unsaved_changes()
    assert card.save() and spelling.settings.load_safety_card().helps == "A walk by the river"

    card.names[1].setFocus()
    qtbot.keyClicks(card.names[1], "Ngaire at home")
    qtbot.keyClick(card.names[1], Qt.Key.Key_Home)
    assert card.names[1].marked_words() == ["Ngaire"]
    card.names[1].setCursorPosition(2)
    menu = card.names[1].context_menu_at(QPoint(card.names[1].cursorRect().center().x(), 5))
    next(a for a in menu.actions() if a.text() == "Add to my dictionary").trigger()
    assert card.names[1].marked_words() == []
    assert spelling.settings.load_personal_words() == ["Ngaire"]

    card.places.setFocus()
    qtbot.keyClicks(card.places, "Aroha's flat ")
    assert marked(card.places.document()) == ["Aroha's"]
    position = card.places.cursorRect(card.places.document().find("Aroha")).center()
    menu = card.places.context_menu_at(position)
    next(a for a in menu.actions() if a.text() == "Ignore").trigger()
    assert marked(card.places.document()) == []


def test_the_off_switch_unmarks_the_card_without_making_it_unsaved(qtbot, spelling, card):
    card.save_button.setFocus()                 # no field is being typed in
    card.show_card(SafetyCard((Contact("Crisis lnie", "116 123"),), "Musik, a walk",
                              "The clnic"))
    assert card.names[0].marked_words() == ["lnie"]
    assert marked(card.helps.document()) == ["Musik"]
    assert marked(card.places.document()) == ["clnic"]
    assert not card.has_unsaved_changes()
    speller.apply(replace(ENGLISH, spell_check=False))
    qtbot.waitUntil(lambda: marked(card.helps.document()) == [])
    assert card.names[0].marked_words() == [] and marked(card.places.document()) == []
    speller.apply(ENGLISH)
    qtbot.waitUntil(lambda: marked(card.helps.document()) == ["Musik"])
    assert card.names[0].marked_words() == ["lnie"]
    assert not card.has_unsaved_changes()        # marking again is not an edit
    assert card.status.text() == ""


def test_the_writing_switch_in_settings_reaches_the_card_there_and_in_the_note(
        qtbot, unlocked, no_dialogs):
    from tests.ui.test_safety_note import open_note

    unlocked.session.store.settings.save_safety_card(
        SafetyCard((Contact("Sam", "0123"),), "A walk by the rivver", ""))
    qtbot.waitUntil(lambda: speller.active, timeout=20000)
    settings = unlocked.workspace.show_page("settings")
    editor = settings.card.editor
    assert marked(editor.helps.document()) == ["rivver"]
    note = open_note(qtbot, unlocked.workspace.safety_link)
    assert marked(note.card.helps.document()) == ["rivver"]
    settings.writing.spell_check.setChecked(False)
    qtbot.waitUntil(lambda: marked(editor.helps.document()) == [])
    assert marked(note.card.helps.document()) == []
    settings.writing.spell_check.setChecked(True)
    qtbot.waitUntil(lambda: marked(editor.helps.document()) == ["rivver"])
    assert marked(note.card.helps.document()) == ["rivver"]
    assert not editor.has_unsaved_changes() and not note.card.has_unsaved_changes()
    note.close()
