"""Marks misspelt words in a plain text box (a worksheet's own words). Entries'
bodies have the Markdown highlighter, which marks them itself (a document has one
highlighter). Follows the speller and the theme. UI thread only."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import override

from PySide6.QtGui import QSyntaxHighlighter, QTextBlock
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from trustdesk.ui import theme
from trustdesk.ui.spelling.marks import HeldWord, misspelt_format
from trustdesk.ui.spelling.service import speller


class SpellingHighlighter(QSyntaxHighlighter):
    """Underlines the misspelt words of `editor`'s text (not the one being typed, see
    marks.HeldWord). Marking again (the speller or the theme changed) sets
    `restyling` while Qt reports it as a change of the text."""

    def __init__(self, editor: QTextEdit | QPlainTextEdit) -> None:
        super().__init__(editor.document())
        self.restyling = False
        self._held = HeldWord(editor, self._mark_block)
        self._format = misspelt_format(theme.colors())
        speller.changed.connect(self.mark_again)
        theme.notifier.changed.connect(self._restyle)

    @contextmanager
    def _restyling(self) -> Iterator[None]:
        self.restyling = True
        try:
            yield
        finally:
            self.restyling = False

    def _restyle(self, *_args: object) -> None:
        self._format = misspelt_format(theme.colors())
        self.mark_again()

    def mark_again(self) -> None:
        with self._restyling():
            self.rehighlight()

    def _mark_block(self, block: QTextBlock) -> None:
        with self._restyling():
            self.rehighlightBlock(block)

    @override
    def highlightBlock(self, text: str) -> None:
        for start, length in self._held.spans(text, self.currentBlock(),
                                              holding=not self.restyling):
            self.setFormat(start, length, self._format)
