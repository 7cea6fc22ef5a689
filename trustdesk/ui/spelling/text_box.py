"""A plain multi-line box for a person's own words with its spelling marked: the
worksheets' text boxes and the safety card's "What helps me" and "Where I can go".

Misspelt words are underlined (`SpellingHighlighter`, not the one being typed), the
context menu has the spelling actions on top (`SpellingMenu`), copies are marked
secret (`PrivatePlainTextEdit`) and Tab moves on to the next control. Drawing the
marks again (the speller or the theme changed) makes Qt send `textChanged` too, so
listen to `edited`, which fires only when the words change. UI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import Signal

from trustdesk.ui.spelling.highlighter import SpellingHighlighter
from trustdesk.ui.spelling.menu import SpellingMenu
from trustdesk.ui.widgets.private_text import PrivatePlainTextEdit


class SpellTextBox(SpellingMenu, PrivatePlainTextEdit):
    """See the module's docstring. `set_text` replaces the text and forgets the undo
    history (`edited` fires when it differs)."""

    edited = Signal()

    def __init__(self, accessible_name: str) -> None:
        super().__init__()
        self.highlighter = SpellingHighlighter(self)
        self._words = ""
        self.textChanged.connect(self._text_changed)
        self.setAccessibleName(accessible_name)
        self.setTabChangesFocus(True)

    def _text_changed(self) -> None:
        words = self.toPlainText()
        if words != self._words:
            self._words = words
            self.edited.emit()

    def text(self) -> str:
        return self.toPlainText()

    def set_text(self, text: str) -> None:
        self.setPlainText(text)
