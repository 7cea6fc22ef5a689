"""Light live styling of the entry's Markdown as it is typed: headings larger, bold
and italic shown, list markers and quotes set off. The Markdown characters stay in
the text, visible (in a quieter colour) and editable; nothing is hidden or replaced.

Per block: Qt calls `highlightBlock` for the paragraph that changed (and the next
only if a block's state changed, which never happens here: no rule spans
paragraphs), so a keystroke styles one paragraph however long the entry is.
Opening a long entry (`deferred()`): the text goes in unstyled, the paragraphs on
screen are styled at once and the rest a few at a time while the app is idle, so
opening costs what the screen shows, not what the entry holds.
Spelling: misspelt words get the speller's wavy underline here too (a document has
one highlighter), merged over the Markdown styling; `checkable_words` leaves the
Markdown's own marks, tags, numbers and links alone. Each distinct word is looked up
once (the speller's checker caches it), so a keystroke still costs one paragraph.
Colours follow the theme (`restyle()` on a theme change). UI thread only.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import override

from PySide6.QtCore import QTimer
from PySide6.QtGui import (
    QColor,
    QFont,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
    QTextDocument,
)
from PySide6.QtWidgets import QTextEdit

from trustdesk.ui.spelling.marks import HeldWord, misspelt_format, misspelt_spans

HEADING_SCALE = {1: 1.45, 2: 1.25, 3: 1.12}  # deeper levels: 1.05
IDLE_BATCH = 12          # paragraphs styled per idle moment after opening

_HEADING = re.compile(r"^(#{1,6})([ \t]+|$)")
_QUOTE = re.compile(r"^[ \t]*(?:>[ \t]?)+")
_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])(?=[ \t])(?:[ \t]+\[[ xX]\](?=[ \t]))?")
_BOLD = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_ITALIC_STAR = re.compile(r"(?<![*\\])\*(?=[^\s*])(.+?)(?<=[^\s*\\])\*(?!\*)")
_ITALIC_LINE = re.compile(r"(?<![\w\\])_(?=[^\s_])(.+?)(?<=[^\s_])_(?!\w)")
_CODE = re.compile(r"`[^`\n]+`")


def _blend(one: QColor, two: QColor, amount: float) -> QColor:
    """`one` moved `amount` of the way towards `two`."""
    return QColor.fromRgbF(one.redF() + (two.redF() - one.redF()) * amount,
                           one.greenF() + (two.greenF() - one.greenF()) * amount,
                           one.blueF() + (two.blueF() - one.blueF()) * amount)


class MarkdownHighlighter(QSyntaxHighlighter):
    """Styles an entry body's Markdown in place (see the module's docstring)."""

    def __init__(self, document: QTextDocument, colors: dict[str, QColor]) -> None:
        super().__init__(document)
        self._formats: dict[str, QTextCharFormat] = {}
        self._headings: dict[int, QTextCharFormat] = {}
        self._colors = colors
        self._deferring = False
        self.restyling = False   # True while styling changes no words (see `_restyling`)
        self._next = 0           # the number of the next paragraph the idle timer styles
        self._idle = QTimer(self)
        self._idle.setInterval(0)
        self._idle.timeout.connect(self._style_some)
        self._held: HeldWord | None = None
        self._build_formats()

    def hold_typed_words(self, editor: QTextEdit) -> None:
        """Don't mark the word being typed in `editor` until it is finished."""

        def mark_block(block: QTextBlock) -> None:
            with self._restyling():
                self.rehighlightBlock(block)

        self._held = HeldWord(editor, mark_block)

    @contextmanager
    def deferred(self) -> Iterator[None]:
        """Text put in inside this block is left unstyled; afterwards `style_from()`
        styles the paragraphs on screen and the idle timer the rest."""
        self._idle.stop()
        self._deferring = True
        try:
            yield
        finally:
            self._deferring = False

    @contextmanager
    def _restyling(self) -> Iterator[None]:
        """Styling text already there: Qt reports it as a change of the text
        (QTextEdit.textChanged), so listeners check `restyling` to tell it apart."""
        self.restyling = True
        try:
            yield
        finally:
            self.restyling = False

    def style_from(self, first: QTextBlock, count: int) -> None:
        """Style `count` paragraphs from `first` now (those on screen), then all of
        them, a few at a time, while the app is idle. (Styling a paragraph twice is
        harmless; block states stay unused, so styling one never spills onto the
        next, which Qt would do for a changed state.)"""
        block = first
        with self._restyling():
            for _ in range(count):
                if not block.isValid():
                    break
                self.rehighlightBlock(block)
                block = block.next()
        self._next = 0
        self._idle.start()

    def is_styling(self) -> bool:
        """Whether paragraphs are still waiting to be styled."""
        return self._idle.isActive()

    def _style_some(self) -> None:
        document = self.document()
        if document is None:
            self._idle.stop()
            return
        block = document.findBlockByNumber(self._next)
        with self._restyling():
            for _ in range(IDLE_BATCH):
                if not block.isValid():
                    break
                self.rehighlightBlock(block)
                block = block.next()
        if block.isValid():
            self._next = block.blockNumber()
        else:
            self._idle.stop()

    def restyle(self, colors: dict[str, QColor]) -> None:
        """New colours or text size: rebuild the formats and style every paragraph."""
        self._colors = colors
        self._build_formats()
        with self._restyling():
            self.rehighlight()

    def _build_formats(self) -> None:
        colors = self._colors
        size = self.document().defaultFont().pointSizeF()
        # The marks are quieter than the words but still plain to read and edit.
        mark_color = _blend(colors["muted"], colors["surface"], 0.15)

        def fmt(*, color: QColor | None = None, weight: QFont.Weight | None = None,
                italic: bool = False, scale: float = 0.0, family: str = "") -> QTextCharFormat:
            char = QTextCharFormat()
            if color is not None:
                char.setForeground(color)
            if weight is not None:
                char.setFontWeight(weight)
            if italic:
                char.setFontItalic(True)
            if scale and size > 0:
                char.setFontPointSize(size * scale)
            if family:
                char.setFontFamilies([family])
            return char

        self._formats = {
            "mark": fmt(color=mark_color),
            "bold": fmt(weight=QFont.Weight.Bold),
            "italic": fmt(italic=True),
            "bullet": fmt(color=colors["accent"], weight=QFont.Weight.Bold),
            "quote": fmt(color=colors["muted"], italic=True),
            "quote_mark": fmt(color=colors["accent"], weight=QFont.Weight.Bold),
            "code": fmt(family="monospace", color=colors["text"]),
            "misspelt": misspelt_format(colors),
        }
        self._headings = {
            level: fmt(weight=QFont.Weight.DemiBold, scale=HEADING_SCALE.get(level, 1.05),
                       color=colors["text"] if level == 1 else colors["accent"])
            for level in range(1, 7)
        }
        self._heading_marks = {
            level: fmt(color=mark_color, weight=QFont.Weight.DemiBold,
                       scale=HEADING_SCALE.get(level, 1.05))
            for level in range(1, 7)
        }

    @override
    def highlightBlock(self, text: str) -> None:
        if self._deferring or not text:
            return
        self._style_markdown(text)
        held = self._held
        spans = held.spans(text, self.currentBlock(), holding=not self.restyling) \
            if held is not None else misspelt_spans(text)
        for start, length in spans:
            self._merge(start, length, self._formats["misspelt"])

    def _style_markdown(self, text: str) -> None:
        formats = self._formats
        heading = _HEADING.match(text)
        if heading is not None:
            level = len(heading.group(1))
            self.setFormat(0, len(text), self._headings[level])
            self.setFormat(0, len(heading.group(1)), self._heading_marks[level])
            self._inline(text, heading.end(), heading_level=level)
            return
        start = 0
        quote = _QUOTE.match(text)
        if quote is not None:
            self.setFormat(quote.end(), len(text) - quote.end(), formats["quote"])
            self.setFormat(0, quote.end(), formats["quote_mark"])
            start = quote.end()
        item = _ITEM.match(text, start)
        if item is not None:
            self.setFormat(item.start(), item.end() - item.start(), formats["bullet"])
            start = item.end()
        self._inline(text, start)

    def _inline(self, text: str, start: int, heading_level: int = 0) -> None:
        """Bold, italic and code spans from `start` on; their marks in the quiet
        colour. Formats merge, so bold italic inside a heading keeps the size."""
        if "*" not in text and "_" not in text and "`" not in text:
            return
        formats = self._formats
        mark = self._heading_marks[heading_level] if heading_level else formats["mark"]
        for found in _BOLD.finditer(text, start):
            inner_start, inner_end = found.start(2), found.end(2)
            self._merge(inner_start, inner_end - inner_start, formats["bold"])
            self._merge(found.start(), 2, mark)
            self._merge(inner_end, 2, mark)
        for pattern in (_ITALIC_STAR, _ITALIC_LINE):
            for found in pattern.finditer(text, start):
                inner_start, inner_end = found.start(1), found.end(1)
                self._merge(inner_start, inner_end - inner_start, formats["italic"])
                self._merge(found.start(), 1, mark)
                self._merge(inner_end, 1, mark)
        for found in _CODE.finditer(text, start):
            self._merge(found.start(), found.end() - found.start(), formats["code"])

    def _merge(self, start: int, length: int, extra: QTextCharFormat) -> None:
        """Add `extra` to what is already set on each character in the range."""
        position = start
        end = start + length
        while position < end:
            current = self.format(position)
            run = position + 1
            while run < end and self.format(run) == current:
                run += 1
            merged = QTextCharFormat(current)
            merged.merge(extra)
            self.setFormat(position, run - position, merged)
            position = run
