"""The person's own safety card, "My people and numbers", as a small form: people
to call with their numbers, what helps, where to go. Shown inside the safety note
once the journal is unlocked, and in Settings (ui/settings/safety_card.py); saved
with "Save card" into the encrypted journal, never anywhere else. When one editor
saves, every other one showing the card without unsaved edits reads it again.
The words the person writes (names, what helps, where to go) have their spelling
marked like the journal's and the worksheets' (ui/spelling, following Settings →
Writing); the numbers don't. `clear()` empties every field (the journal is
locking). UI thread only."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trustdesk.domain.safety_card import MAX_NAME, MAX_NUMBER, MAX_PEOPLE, Contact, SafetyCard
from trustdesk.domain.text import InvalidRecord
from trustdesk.storage.errors import VaultError
from trustdesk.ui.spelling.line_edit import SpellLineEdit
from trustdesk.ui.spelling.text_box import SpellTextBox

ROWS = 4   # people rows shown at first; "Add a person" adds more, up to MAX_PEOPLE


class CardKeeper(Protocol):
    """Where the card lives (the store's settings repository)."""

    def load_safety_card(self) -> SafetyCard: ...

    def save_safety_card(self, card: SafetyCard) -> None: ...


class _Saves(QObject):
    """Announces each save, so the other open editor (the note's, Settings') follows."""

    card_saved = Signal(object)   # the editor that saved


_saves = _Saves()


class SafetyCardEditor(QWidget):
    """The card's fields and a Save button; `saved` after a successful save."""

    saved = Signal()

    def __init__(self, keeper: CardKeeper, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SafetyCard")
        self._keeper = keeper
        intro = QLabel("Keep the people and numbers you would call, what helps you and "
                       "where you can go. They stay inside your encrypted journal.")
        intro.setWordWrap(True)
        intro.setProperty("role", "muted")
        self.people_grid = QGridLayout()
        self.people_grid.setHorizontalSpacing(8)
        self.people_grid.setVerticalSpacing(6)
        for column, text in enumerate(("Person or service", "Number")):
            header = QLabel(text)
            header.setProperty("role", "strong")
            self.people_grid.addWidget(header, 0, column)
        self.names: list[QLineEdit] = []
        self.numbers: list[QLineEdit] = []
        for _ in range(ROWS):
            self._add_row()
        self.add_person = QPushButton("Add a person")
        self.add_person.setAccessibleName("Add a person")
        self.add_person.clicked.connect(self._add_row_and_focus)
        self.helps = self._note("What helps me",
                                "Things that calm me, people or places that feel safe")
        self.places = self._note("Where I can go", "A friend's home, a clinic, a shelter")
        self.save_button = QPushButton("Save card")
        self.save_button.setProperty("role", "primary")
        self.save_button.setAccessibleName("Save card")
        self.save_button.clicked.connect(self.save)
        self.status = QLabel("")
        self.status.setObjectName("SafetyCardStatus")
        self.status.setProperty("role", "muted")
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_person)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)

        page = QVBoxLayout(self)
        page.setContentsMargins(0, 0, 0, 0)
        page.setSpacing(8)
        page.addWidget(intro)
        page.addLayout(self.people_grid)
        for label, field in ((self.helps_label, self.helps),
                             (self.places_label, self.places)):
            page.addWidget(label)
            page.addWidget(field)
        page.addLayout(buttons)
        page.addWidget(self.status)
        self.helps.edited.connect(self._edited)     # not on marks drawn again
        self.places.edited.connect(self._edited)
        _saves.card_saved.connect(self._saved_elsewhere)

    def _saved_elsewhere(self, editor: SafetyCardEditor) -> None:
        if editor is not self and editor._keeper is self._keeper \
                and not self.has_unsaved_changes():
            self.load()

    def _note(self, title: str, placeholder: str) -> SpellTextBox:
        label = QLabel(title)
        label.setProperty("role", "strong")
        field = SpellTextBox(title)
        field.setPlaceholderText(placeholder)
        field.setFixedHeight(field.fontMetrics().lineSpacing() * 3 + 16)
        label.setBuddy(field)
        if title == "What helps me":
            self.helps_label = label
        else:
            self.places_label = label
        return field

    def _add_row(self) -> None:
        row = len(self.names) + 1
        name, number = SpellLineEdit(), QLineEdit()
        name.setAccessibleName(f"Person or service {row}")
        number.setAccessibleName(f"Number {row}")
        name.setMaxLength(MAX_NAME)
        number.setMaxLength(MAX_NUMBER)
        number.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        self.people_grid.addWidget(name, row, 0)
        self.people_grid.addWidget(number, row, 1)
        self.people_grid.setColumnStretch(0, 3)
        self.people_grid.setColumnStretch(1, 2)
        self.names.append(name)      # made in reading order, so Tab follows it
        self.numbers.append(number)
        name.textEdited.connect(self._edited)
        number.textEdited.connect(self._edited)

    def _add_row_and_focus(self) -> None:
        if len(self.names) < MAX_PEOPLE:
            self._add_row()
            QWidget.setTabOrder(self.numbers[-2], self.names[-1])
            QWidget.setTabOrder(self.names[-1], self.numbers[-1])
            QWidget.setTabOrder(self.numbers[-1], self.add_person)
            self.names[-1].setFocus()
        self.add_person.setEnabled(len(self.names) < MAX_PEOPLE)

    def _edited(self) -> None:
        self.status.setText("Not saved yet.")

    # -- reading and writing -----------------------------------------------------
    def load(self) -> None:
        """Show the card kept in the journal."""
        try:
            card = self._keeper.load_safety_card()
        except VaultError as exc:
            self.status.setText(exc.message)
            return
        self.show_card(card)

    def show_card(self, card: SafetyCard) -> None:
        while len(self.names) < min(len(card.people), MAX_PEOPLE):
            self._add_row()
        self.add_person.setEnabled(len(self.names) < MAX_PEOPLE)
        for index, (name, number) in enumerate(zip(self.names, self.numbers, strict=True)):
            person = card.people[index] if index < len(card.people) else Contact()
            name.setText(person.name)
            number.setText(person.number)
        for field, text in ((self.helps, card.helps), (self.places, card.places)):
            field.set_text(text)
        self.status.setText("")   # after the fields, which report the text set as edits

    def read(self) -> SafetyCard:
        """The card as typed; raises InvalidRecord when a field is too long."""
        people = tuple(Contact(name.text(), number.text())
                       for name, number in zip(self.names, self.numbers, strict=True))
        return SafetyCard(people, self.helps.toPlainText(), self.places.toPlainText())

    def save(self) -> bool:
        """Keep what is typed; says so (or why not) in the status line."""
        try:
            self._keeper.save_safety_card(self.read())
        except InvalidRecord as exc:
            self.status.setText(f"Not saved: {exc}")
            return False
        except VaultError as exc:
            self.status.setText(f"Not saved: {exc.message}")
            return False
        self.status.setText("Saved in your journal.")
        self.saved.emit()
        _saves.card_saved.emit(self)
        return True

    def has_unsaved_changes(self) -> bool:
        return self.status.text() == "Not saved yet."

    def clear(self) -> None:
        """Empty every field (the journal is locking)."""
        for field in (*self.names, *self.numbers):
            field.clear()
        for note in (self.helps, self.places):
            note.set_text("")
        self.status.setText("")
