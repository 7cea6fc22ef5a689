"""The spelling part of an editor's context menu: up to five suggestions (each
replaces the word as one undo step), "Add to my dictionary" and "Ignore"; the
editor's own actions (undo, cut, copy, paste, …) follow, unchanged. UI thread only."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction, QContextMenuEvent, QFont, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit

from trustdesk.ui.spelling.marks import misspelt_word_at
from trustdesk.ui.spelling.service import speller

NO_SUGGESTIONS = "No suggestions"


def add_spelling_actions(menu: QMenu, word: str, replace: Callable[[str], None]) -> None:
    """Put the spelling actions for `word` at the top of `menu`; a suggestion calls
    `replace` with the chosen word."""
    first = menu.actions()[0] if menu.actions() else None
    actions: list[QAction] = []
    suggestions = speller.suggestions(word)
    for suggestion in suggestions:
        action = QAction(suggestion, menu)
        font = QFont(menu.font())
        font.setBold(True)
        action.setFont(font)
        action.setToolTip(f"Replace “{word}” with “{suggestion}”")
        action.triggered.connect(lambda _checked=False, chosen=suggestion: replace(chosen))
        actions.append(action)
    if not suggestions:
        none = QAction(NO_SUGGESTIONS, menu)
        none.setEnabled(False)
        actions.append(none)
    add = QAction("Add to my dictionary", menu)
    add.setToolTip(f"“{word}” is a word: don't mark it again (kept in your journal)")
    add.triggered.connect(lambda _checked=False: speller.add_to_dictionary(word))
    ignore = QAction("Ignore", menu)
    ignore.setToolTip(f"Don't mark “{word}” again until TrustDesk locks")
    ignore.triggered.connect(lambda _checked=False: speller.ignore(word))
    actions += [add, ignore]
    for action in actions:
        menu.insertAction(first, action)  # type: ignore[arg-type]  # None appends
    if first is not None:
        menu.insertSeparator(first)


def text_edit_menu(editor: QTextEdit | QPlainTextEdit, position) -> QMenu:
    """The context menu of `editor` at viewport `position`: its standard actions, with
    the spelling actions on top when a marked word is there."""
    menu = editor.createStandardContextMenu(position)
    assert menu is not None
    cursor = editor.cursorForPosition(position)
    block = cursor.block()
    found = misspelt_word_at(block.text(), cursor.position() - block.position())
    if found is not None:
        start = block.position() + found[0]
        word = block.text()[found[0]:found[0] + found[1]]

        def replace(chosen: str) -> None:
            edit = QTextCursor(editor.document())
            edit.setPosition(start)
            edit.setPosition(start + len(word), QTextCursor.MoveMode.KeepAnchor)
            if edit.selectedText() != word:
                return  # the text changed while the menu was open
            edit.beginEditBlock()
            edit.insertText(chosen)
            edit.endEditBlock()
            editor.setTextCursor(edit)

        add_spelling_actions(menu, word, replace)
    return menu


class SpellingMenu:
    """For a text editor (a QTextEdit or QPlainTextEdit, listed before it among the
    bases): its context menu with the spelling actions on top over a marked word."""

    def context_menu_at(self, position: QPoint) -> QMenu:
        """The context menu at `position` (viewport coordinates)."""
        assert isinstance(self, QTextEdit | QPlainTextEdit)
        return text_edit_menu(self, position)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.context_menu_at(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()
