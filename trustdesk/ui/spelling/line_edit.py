"""A one-line field that marks its misspelt words and offers the spelling actions in
its context menu (an entry's title, a worksheet's evidence).

QLineEdit has no document to highlight; it draws its text with a QTextLayout whose
extra formats only an input-method event sets. `SpellLineEdit` sends itself one,
with no text to insert, after every change: the marks are formats, drawn by Qt with
the text (so they scroll, select and clip with it) and no signal fires. UI thread only.
"""

from __future__ import annotations

from typing import override

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QContextMenuEvent, QInputMethodEvent
from PySide6.QtWidgets import QLineEdit, QMenu, QWidget

from trustdesk.ui import theme
from trustdesk.ui.spelling.marks import misspelt_format, misspelt_spans, misspelt_word_at
from trustdesk.ui.spelling.menu import add_spelling_actions
from trustdesk.ui.spelling.service import speller

_FORMAT = QInputMethodEvent.AttributeType.TextFormat


class SpellLineEdit(QLineEdit):
    """A QLineEdit with spelling marks (see the module's docstring)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._format = misspelt_format(theme.colors())
        self._marked: list[tuple[int, int]] = []
        self._held: tuple[int, int] | None = None  # the word being typed, not marked yet
        self.textChanged.connect(self._typed)
        self.cursorPositionChanged.connect(self._moved)
        speller.changed.connect(self.mark_again)
        theme.notifier.changed.connect(self._restyle)
        self.mark_again()

    def _restyle(self, *_args: object) -> None:
        self._format = misspelt_format(theme.colors())
        self.mark_again()

    def marked_words(self) -> list[str]:
        """The words marked now, in order."""
        text = self.text()
        return [text[start:start + length] for start, length in self._marked]

    def _typed(self, _text: str) -> None:
        self.mark_again(holding=self.hasFocus() and not self.hasSelectedText())

    def _moved(self, _old: int, new: int) -> None:
        if self._held is not None and not self._held[0] < new <= self._held[1]:
            self.mark_again()

    def mark_again(self, *_args: object, holding: bool = False) -> None:
        """Mark the misspelt words; with `holding`, not the one the cursor is in
        (being typed: it is marked once the cursor leaves it)."""
        spans = [] if self.echoMode() != QLineEdit.EchoMode.Normal \
            else list(misspelt_spans(self.text()))
        self._held = None
        if holding:
            cursor = self.cursorPosition()
            for start, length in spans:
                if start < cursor <= start + length:
                    self._held = (start, start + length)
                    spans.remove((start, length))
                    break
        if not spans and not self._marked:
            return
        self._marked = spans
        cursor = self.cursorPosition()
        attributes = [QInputMethodEvent.Attribute(_FORMAT, start - cursor, length, self._format)
                      for start, length in spans]
        QCoreApplication.sendEvent(self, QInputMethodEvent("", attributes))

    def context_menu_at(self, position) -> QMenu:
        """The context menu at `position` (widget coordinates): the standard one, with
        the spelling actions on top over a marked word."""
        menu = self.createStandardContextMenu()
        assert menu is not None
        column = self.cursorPositionAt(position)
        found = misspelt_word_at(self.text(), column)
        if found is not None:
            start, length = found
            word = self.text()[start:start + length]

            def replace(chosen: str) -> None:
                if self.text()[start:start + length] != word:
                    return  # the text changed while the menu was open
                self.setSelection(start, length)
                self.insert(chosen)   # one undo step, reported as the person's edit

            add_spelling_actions(menu, word, replace)
        return menu

    @override
    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.context_menu_at(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()
