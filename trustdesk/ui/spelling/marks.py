"""The mark under a misspelt word: a wavy underline in the theme's `misspelt` red
(brighter than `danger`: Qt draws the wave a pixel thin), which the words keep
their own colour under. UI thread only."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtGui import QColor, QTextBlock, QTextCharFormat
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from trustdesk.domain.spelling.words import checkable_words
from trustdesk.ui.spelling.service import speller


def misspelt_format(colors: dict[str, QColor]) -> QTextCharFormat:
    """The character format that marks a misspelt word (see the module)."""
    mark = QTextCharFormat()
    mark.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    mark.setUnderlineColor(colors.get("misspelt", colors["danger"]))
    return mark


def misspelt_spans(line: str) -> Iterator[tuple[int, int]]:
    """(start, length) of each word of `line` the speller marks (none while it is
    off or still loading)."""
    if not speller.active:
        return
    for start, length in checkable_words(line):
        if speller.is_misspelt(line[start:start + length]):
            yield start, length


def misspelt_word_at(line: str, column: int) -> tuple[int, int] | None:
    """The marked word of `line` that `column` is in or just after, as (start, length)."""
    for start, length in misspelt_spans(line):
        if start <= column <= start + length:
            return start, length
        if start > column:
            break
    return None


class HeldWord:
    """The word being typed is not marked until it is finished: while the cursor of
    `editor` (focused, nothing selected) is inside a misspelt word of the paragraph
    just typed in, that word is held back; when the cursor leaves it, its paragraph is
    marked again (`mark_block`, which must not hold anything back). UI thread only."""

    def __init__(self, editor: QTextEdit | QPlainTextEdit,
                 mark_block: Callable[[QTextBlock], None]) -> None:
        self._editor = editor
        self._mark_block = mark_block
        self._held: tuple[int, int, int] | None = None   # block number, start, end
        editor.cursorPositionChanged.connect(self._moved)

    def spans(self, text: str, block: QTextBlock, *, holding: bool) -> Iterator[tuple[int, int]]:
        """The marked words of `block` (whose text is `text`), less the held one when
        `holding` (the paragraph is being styled because it was typed in)."""
        if self._held is not None and self._held[0] == block.blockNumber():
            self._held = None
        column = self._cursor_column(block) if holding else -1
        for start, length in misspelt_spans(text):
            if start < column <= start + length:
                self._held = (block.blockNumber(), start, start + length)
                continue
            yield start, length

    def _cursor_column(self, block: QTextBlock) -> int:
        editor = self._editor
        cursor = editor.textCursor()
        if not editor.hasFocus() or cursor.hasSelection() or cursor.block() != block:
            return -1
        return cursor.positionInBlock()

    def _moved(self) -> None:
        held = self._held
        if held is None:
            return
        cursor = self._editor.textCursor()
        if cursor.blockNumber() == held[0] and held[1] < cursor.positionInBlock() <= held[2]:
            return   # still in the word
        self._held = None
        block = self._editor.document().findBlockByNumber(held[0])
        if block.isValid():
            self._mark_block(block)
