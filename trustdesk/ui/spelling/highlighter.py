"""Marks misspelt words in a plain text box (a worksheet's own words). Entries'
bodies have the Markdown highlighter, which marks them itself (a document has one
highlighter). Follows the speller and the theme. UI thread only."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import override

from PySide6.QtGui import QSyntaxHighlighter, QTextDocument

from trustdesk.ui import theme
from trustdesk.ui.spelling.marks import misspelt_format, misspelt_spans
from trustdesk.ui.spelling.service import speller


class SpellingHighlighter(QSyntaxHighlighter):
    """Underlines the misspelt words of `document`. Marking again (the speller or the
    theme changed) sets `restyling` while Qt reports it as a change of the text."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.restyling = False
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

    @override
    def highlightBlock(self, text: str) -> None:
        for start, length in misspelt_spans(text):
            self.setFormat(start, length, self._format)
