"""The entry's body: a plain-text page with light Markdown help.

- Live styling (`MarkdownHighlighter`): headings larger, bold and italic shown,
  list markers and quotes set off; every Markdown character stays in the text.
- Ctrl+B and Ctrl+I wrap the selection (or the word at the cursor) in `**` or `*`,
  or take the marks off again. With nothing selected they open a pair to type
  into; pressed again at its end they step out of it (or, while it is still
  empty, take it away), as in word processors.
- Enter continues a list or quote; Enter on an empty item ends the list (a nested
  one moves out a level).
- Tab and Shift+Tab indent and outdent list items. Tab stays the key that moves
  focus everywhere else, so a keyboard-only person is never trapped in the page:
  Tab indents only where a list item's text begins (just after its marker, which
  is where Enter leaves the cursor) or when the selection covers list items;
  Shift+Tab outdents only an item that is indented. Ctrl+Tab and Ctrl+Shift+Tab
  always move focus (ui/shortcuts.py lists all of this).
- Lines at 150% height, as in the Guide, in every paragraph: Enter makes new ones
  at that height itself (see `_new_paragraph`).
- Misspelt words are marked (by the Markdown highlighter, see ui/spelling); the
  context menu on one offers suggestions, "Add to my dictionary" and "Ignore" above
  the usual actions. When the speller changes, the paragraphs on screen are marked
  again at once and the rest while the app is idle.

UI thread only.
"""

from __future__ import annotations

from typing import override

from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import (
    QKeyEvent,
    QKeySequence,
    QShortcut,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QWidget

from trustdesk.domain import writing
from trustdesk.ui import theme
from trustdesk.ui.clipboard import mark_secret
from trustdesk.ui.journal.highlighter import MarkdownHighlighter
from trustdesk.ui.spelling.menu import SpellingMenu
from trustdesk.ui.spelling.service import speller
from trustdesk.ui.widgets.private_text import PrivateTextEdit

LINE_HEIGHT_PERCENT = 150
_PROPORTIONAL = QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
_RETURN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_NO_MODS = Qt.KeyboardModifier.NoModifier
_KEYPAD = Qt.KeyboardModifier.KeypadModifier


class EntryBody(SpellingMenu, PrivateTextEdit):
    """The body editor (see the module's docstring). `set_text()` replaces the text
    (use it, not setPlainText, so the line height holds)."""

    def __init__(self) -> None:
        super().__init__()
        self.setTabChangesFocus(True)
        self.setLineWrapMode(PrivateTextEdit.LineWrapMode.WidgetWidth)
        self.highlighter = MarkdownHighlighter(self.document(), theme.colors())
        self.highlighter.hold_typed_words(self)
        self._line_format = QTextBlockFormat()
        self._line_format.setLineHeight(LINE_HEIGHT_PERCENT, _PROPORTIONAL)
        for keys, mark in (("Ctrl+B", "**"), ("Ctrl+I", "*")):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda mark=mark: self.toggle_mark(mark))
        theme.notifier.changed.connect(self._restyle)
        speller.changed.connect(self._mark_spelling_again)

    # -- text ----------------------------------------------------------------------
    def set_text(self, text: str) -> None:
        """Replace the text (undo history included) at the page's line height; the
        paragraphs on screen are styled at once, the rest while the app is idle."""
        document = self.document()
        document.setDefaultFont(self.font())
        document.setUndoRedoEnabled(False)   # and so forgets the old text's history
        with self.highlighter.deferred():
            # One edit: the new paragraphs take the line height as they are made.
            cursor = QTextCursor(document)
            cursor.beginEditBlock()
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.removeSelectedText()
            cursor.setBlockFormat(self._line_format)
            cursor.setBlockCharFormat(QTextCharFormat())
            cursor.setCharFormat(QTextCharFormat())
            cursor.insertText(text)
            cursor.endEditBlock()
        document.setUndoRedoEnabled(True)
        self.document().setModified(False)
        self.moveCursor(QTextCursor.MoveOperation.Start)
        first = document.begin()
        self.highlighter.style_from(first, self._paragraphs_on_screen(first))

    def _mark_spelling_again(self) -> None:
        """The speller changed: the paragraphs on screen now, the rest when idle."""
        first = self.cursorForPosition(QPoint(0, 0)).block()
        self.highlighter.style_from(first, self._paragraphs_on_screen(first))

    def _lines_on_screen(self) -> int:
        return max(1, self.viewport().height() // max(1, self.fontMetrics().lineSpacing())) + 2

    def _paragraphs_on_screen(self, first: QTextBlock) -> int:
        """How many paragraphs from `first` fill the screen, from their length: a long
        paragraph wraps over several lines (the layout isn't there yet to ask)."""
        per_line = max(20, self.viewport().width() // max(1, self.fontMetrics().averageCharWidth()))
        lines, count, block = self._lines_on_screen(), 0, first
        while lines > 0 and block.isValid():
            lines -= 1 + len(block.text()) // per_line
            count += 1
            block = block.next()
        return max(1, count)

    def selected_text(self) -> str:
        """The selection as plain text (paragraphs separated by newlines)."""
        return self.textCursor().selection().toPlainText()

    @override
    def insertFromMimeData(self, source: QMimeData) -> None:
        """Pasted or dropped text comes in as words on the page's own lines (Qt's
        plain-text paste would bring new paragraphs at the default line height)."""
        if source.hasText():
            self.textCursor().insertText(source.text())
            self.ensureCursorVisible()

    @override
    def createMimeDataFromSelection(self) -> QMimeData:
        """Copies carry the words only (no styling), marked secret."""
        mime = QMimeData()
        mime.setText(self.selected_text())
        return mark_secret(mime)

    def _restyle(self, *_args: object) -> None:
        self.document().setDefaultFont(self.font())
        self.highlighter.restyle(theme.colors())

    # -- Ctrl+B, Ctrl+I ---------------------------------------------------------------
    def toggle_mark(self, mark: str) -> None:
        """Wrap the selection (or the word at the cursor) in `mark`, or unwrap it.
        With nothing to wrap, the marks go in with the cursor between them."""
        cursor = self.textCursor()
        if not cursor.hasSelection() and self._close_or_drop(cursor, mark):
            return
        if not cursor.hasSelection():
            cursor.select(QTextCursor.SelectionType.WordUnderCursor)
            if not cursor.selectedText().strip() or not cursor.selectedText()[0].isalnum():
                cursor = self.textCursor()
        block = cursor.block()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        cursor.beginEditBlock()
        if start == end:
            cursor.insertText(mark + mark)
            cursor.endEditBlock()
            cursor.setPosition(start + len(mark))
            self.setTextCursor(cursor)
            return
        text = cursor.selection().toPlainText()
        in_block = start >= block.position() and end <= block.position() + block.length()
        before = block.text()[:start - block.position()] if in_block else ""
        after = block.text()[end - block.position():] if in_block else ""
        if in_block and writing.wrapped_around(before, after, mark) and \
                writing.toggled_wrap(text, mark) == mark + text.strip() + mark:
            # The marks sit just outside the selection: take them off.
            cursor.setPosition(end)
            cursor.setPosition(end + len(mark), QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
            cursor.setPosition(start - len(mark))
            cursor.setPosition(start, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
            new_start, new_end = start - len(mark), end - len(mark)
        else:
            replaced = writing.toggled_wrap(text, mark)
            cursor.insertText(replaced)
            lead = len(text) - len(text.lstrip())
            trail = len(text) - len(text.rstrip())
            new_start, new_end = start + lead, start + len(replaced) - trail
            if len(replaced) > len(text):  # wrapped: select the words, inside the marks
                new_start, new_end = new_start + len(mark), new_end - len(mark)
        cursor.endEditBlock()
        cursor.setPosition(new_start)
        cursor.setPosition(new_end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def _close_or_drop(self, cursor: QTextCursor, mark: str) -> bool:
        """With the cursor at the end of an open span ("**It was|**"), step over the
        closing mark; in a pair still empty ("**|**"), take the pair away. False when
        neither applies."""
        block = cursor.block()
        column = cursor.position() - block.position()
        before, after = block.text()[:column], block.text()[column:]
        if writing.empty_pair_around(before, after, mark):
            cursor.beginEditBlock()
            cursor.setPosition(cursor.position() - len(mark))
            cursor.setPosition(cursor.position() + 2 * len(mark), QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
            cursor.endEditBlock()
        elif writing.closes_ahead(before, after, mark):
            cursor.setPosition(cursor.position() + len(mark))
        else:
            return False
        self.setTextCursor(cursor)
        return True

    # -- Enter, Tab ---------------------------------------------------------------------
    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers() & ~_KEYPAD
        if key in _RETURN_KEYS and mods == _NO_MODS:
            if not self._continue_list():
                self._new_paragraph()
            return
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and \
                mods & Qt.KeyboardModifier.ControlModifier:
            forward = key == Qt.Key.Key_Tab and not mods & Qt.KeyboardModifier.ShiftModifier
            QWidget.focusNextPrevChild(self, forward)
            return
        if key == Qt.Key.Key_Tab and mods == _NO_MODS and self._indents_here(True):
            self._shift_items(indent=True)
            return
        if (key == Qt.Key.Key_Backtab or
                (key == Qt.Key.Key_Tab and mods == Qt.KeyboardModifier.ShiftModifier)) \
                and self._indents_here(False):
            self._shift_items(indent=False)
            return
        super().keyPressEvent(event)

    def _new_paragraph(self) -> None:
        """Enter: a new paragraph at the page's line height, replacing any selection.
        (Qt's own Enter, on an empty paragraph whose format isn't the default one,
        only resets the format: each blank line would take two presses, and every
        paragraph after it would lose the line height.)"""
        cursor = self.textCursor()
        cursor.beginEditBlock()
        cursor.removeSelectedText()
        cursor.insertBlock(self._line_format, cursor.charFormat())
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    @override
    def focusNextPrevChild(self, next: bool) -> bool:
        # Qt asks this before the key press: answering False hands Tab to keyPressEvent.
        if self.hasFocus() and self._indents_here(next):
            return False
        return super().focusNextPrevChild(next)

    def _selected_blocks(self) -> list:
        cursor = self.textCursor()
        doc = self.document()
        first = doc.findBlock(cursor.selectionStart())
        last = doc.findBlock(cursor.selectionEnd())
        if cursor.hasSelection() and last != first and cursor.selectionEnd() == last.position():
            last = last.previous()  # a selection ending at a line's start leaves it out
        blocks = [first]
        while blocks[-1] != last and blocks[-1].isValid():
            blocks.append(blocks[-1].next())
        return blocks

    def _indents_here(self, forward: bool) -> bool:
        """Whether Tab (`forward`) or Shift+Tab acts on list items here rather than
        moving focus (see the module's docstring)."""
        cursor = self.textCursor()
        blocks = self._selected_blocks()
        items = [writing.list_item(block.text()) for block in blocks]
        if any(item is None for item in items):
            return False
        if not forward:
            return any(item.indent for item in items if item is not None)
        if len(blocks) > 1 or cursor.hasSelection():
            return True
        item = items[0]
        assert item is not None
        column = cursor.position() - blocks[0].position()
        return column == len(item.prefix)

    def _shift_items(self, *, indent: bool) -> None:
        cursor = self.textCursor()
        edit = QTextCursor(self.document())
        edit.beginEditBlock()
        for block in self._selected_blocks():
            text = block.text()
            changed = writing.INDENT + text if indent else writing.outdented(text)
            removed = len(text) - len(changed)
            edit.setPosition(block.position())
            if removed > 0:
                edit.setPosition(block.position() + removed, QTextCursor.MoveMode.KeepAnchor)
                edit.removeSelectedText()
            elif removed < 0:
                edit.insertText(writing.INDENT)
        edit.endEditBlock()
        self.setTextCursor(cursor)  # the cursor moved with its text

    def _continue_list(self) -> bool:
        """Enter inside a list or quote: the next item, or (on an empty item) the end
        of the list. False when Enter should just break the line."""
        cursor = self.textCursor()
        if cursor.hasSelection():
            return False
        block = cursor.block()
        column = cursor.position() - block.position()
        before = block.text()[:column]
        found = writing.continuation(before)
        if found is None:
            return False
        prefix, ends = found
        if ends and block.text()[column:].strip():
            return False  # words after the cursor: an ordinary line break
        item = writing.list_item(before)
        if item is not None and column < len(item.prefix):
            return False
        cursor.beginEditBlock()
        if ends and item is not None and item.indent:
            # An empty nested item moves out one level rather than ending the list.
            cursor.setPosition(block.position())
            cursor.setPosition(block.position() + column, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(writing.outdented(item.indent) + item.marker + " ")
        elif ends:
            # The empty item goes; a blank line closes the list, the cursor below it.
            cursor.setPosition(block.position())
            cursor.setPosition(block.position() + column, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
            cursor.insertText("\n")
        else:
            cursor.insertText("\n" + prefix)
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        return True
