"""The mark under a misspelt word: a wavy underline in the theme's warning red
(`danger`), which the words keep their own colour under. UI thread only."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtGui import QColor, QTextCharFormat

from trustdesk.domain.spelling.words import checkable_words
from trustdesk.ui.spelling.service import speller


def misspelt_format(colors: dict[str, QColor]) -> QTextCharFormat:
    """The character format that marks a misspelt word (see the module)."""
    mark = QTextCharFormat()
    mark.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    mark.setUnderlineColor(colors["danger"])
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
