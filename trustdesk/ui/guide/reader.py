"""The chapter text: Qt's own Markdown in a read-only QTextBrowser, styled in the
app's theme and text size, as tall as its content so the page around it scrolls.

Markdown headings stay real headings (QTextBlockFormat.headingLevel), which is what
screen readers see. Colours come from `theme.colors()`; call `show_markdown()` again when
the theme or text size changes. UI thread only.
"""

from __future__ import annotations

import math
from typing import override

from PySide6.QtCore import QPointF, QRegularExpression, Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QFrame, QSizePolicy, QTextBrowser, QTextEdit

from trustdesk.domain.guide.chapters import linked_chapter

READING_SCALE = 1.08            # body text a touch larger than the app's UI text
HEADING_SCALE = {1: 1.55, 2: 1.22, 3: 1.08}
LINE_HEIGHT_PERCENT = 150
LINE_CHARS = 70                 # a comfortable line length
MAX_HIGHLIGHTS = 500
_SAMPLE = ("When trust has been broken, small and unclear signs can look like threats, "
           "and your mind may jump to the worst explanation before you notice it.")


def reading_font(base: QFont) -> QFont:
    font = QFont(base)
    font.setPointSizeF(base.pointSizeF() * READING_SCALE)
    return font


def line_width(font: QFont, chars: int = LINE_CHARS) -> float:
    """The width of `chars` characters of ordinary English text in `font`."""
    metrics = QFontMetricsF(font)
    return metrics.horizontalAdvance(_SAMPLE) / len(_SAMPLE) * chars


def style_document(doc: QTextDocument, font: QFont, colors: dict[str, QColor]) -> None:
    """Give a Markdown document the app's look: heading sizes and colours, roomy
    lines and paragraph spacing, accent-coloured links. Keeps bold and italics."""
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    line = QFontMetricsF(font).lineSpacing()
    doc.setIndentWidth(line * 1.3)
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    block = doc.begin()
    first = True
    while block.isValid():
        fmt = QTextBlockFormat(block.blockFormat())
        level = fmt.headingLevel()
        following = block.next()
        if level:
            fmt.setTopMargin(0 if first else line * (1.5 if level <= 2 else 1.0))
            fmt.setBottomMargin(line * (0.55 if level == 1 else 0.35))
            fmt.setLineHeight(115, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        else:
            in_list = block.textList() is not None
            next_in_list = following.isValid() and following.textList() is not None
            fmt.setTopMargin(0)
            fmt.setBottomMargin(line * (0.3 if in_list and next_in_list else 0.75))
            fmt.setLineHeight(LINE_HEIGHT_PERCENT,
                              QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cursor.setPosition(block.position())
        cursor.setBlockFormat(fmt)
        _style_fragments(cursor, block, level, font, colors)
        first = False
        block = following
    cursor.endEditBlock()


def _style_fragments(cursor: QTextCursor, block, level: int, font: QFont,
                     colors: dict[str, QColor]) -> None:
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        it += 1
        char = QTextCharFormat(fragment.charFormat())
        if level:
            char.clearProperty(QTextFormat.Property.FontSizeAdjustment)
            char.setFontPointSize(font.pointSizeF() * HEADING_SCALE.get(level, 1.0))
            char.setFontWeight(QFont.Weight.DemiBold)
            char.setForeground(colors["text"] if level == 1 else colors["accent"])
        elif char.isAnchor():
            char.setForeground(colors["accent"])
            char.setFontUnderline(True)
        elif char.fontWeight() > QFont.Weight.Normal:
            char.setFontWeight(QFont.Weight.DemiBold)
        else:
            continue
        cursor.setPosition(fragment.position())
        cursor.setPosition(fragment.position() + fragment.length(),
                           QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(char)


class ChapterText(QTextBrowser):
    """Read-only chapter text without its own scroll bars: it grows to the height of
    its content (`fit_height`), and the surrounding page scrolls. Links to other
    guide files emit `chapter_link(id)`; every other link is ignored."""

    chapter_link = Signal(str)
    height_fitted = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("ChapterText")
        self.setAccessibleName("Chapter text")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setTabChangesFocus(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.anchorClicked.connect(self._on_anchor)
        self._markdown = ""

    # -- content ------------------------------------------------------------------
    def show_markdown(self, markdown: str, font: QFont, colors: dict[str, QColor]) -> None:
        """Show `markdown` styled with `font` and `colors`; clears any highlights."""
        self._markdown = markdown
        self.setExtraSelections([])
        self.document().setDefaultFont(font)
        self.setMarkdown(markdown)
        style_document(self.document(), font, colors)
        self.fit_height()

    def clear_text(self) -> None:
        self._markdown = ""
        self.setExtraSelections([])
        self.clear()

    def markdown(self) -> str:
        return self._markdown

    def _on_anchor(self, url: QUrl) -> None:
        chapter_id = linked_chapter(url.toString())
        if chapter_id:
            self.chapter_link.emit(chapter_id)

    # -- size -------------------------------------------------------------------------
    def fit_height(self) -> None:
        """Lay the text out at the current width and become exactly that tall."""
        doc = self.document()
        width = self.viewport().width()
        if width > 0:
            doc.setTextWidth(width)
        height = math.ceil(doc.size().height()) + 2 * self.frameWidth()
        if height != self.height() or self.minimumHeight() != height:
            self.setFixedHeight(height)
        self.height_fitted.emit()

    @override
    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.fit_height()

    # -- positions ------------------------------------------------------------------
    def position_at(self, y: float) -> int:
        """The character position at height `y` (document coordinates)."""
        doc = self.document()
        y = min(max(0.0, y), max(0.0, doc.size().height() - 1))
        position = doc.documentLayout().hitTest(QPointF(1.0, y), Qt.HitTestAccuracy.FuzzyHit)
        return max(0, position)

    def y_of(self, position: int) -> float:
        """The top of the line holding character `position` (document coordinates)."""
        doc = self.document()
        position = min(max(0, position), max(0, doc.characterCount() - 1))
        block = doc.findBlock(position)
        if not block.isValid():
            return 0.0
        top = doc.documentLayout().blockBoundingRect(block).top()
        layout = block.layout()
        line = layout.lineForTextPosition(position - block.position()) if layout else None
        return top + (line.y() if line is not None and line.isValid() else 0.0)

    def headings(self) -> list[tuple[int, str]]:
        """The chapter's section headings (level 2 and below) as (position, text)."""
        found = []
        block = self.document().begin()
        while block.isValid():
            if block.blockFormat().headingLevel() >= 2 and block.text().strip():
                found.append((block.position(), block.text().strip()))
            block = block.next()
        return found

    def title_end(self) -> int:
        """Where the text after a leading title heading starts (0 if there is none)."""
        first = self.document().begin()
        if first.isValid() and first.blockFormat().headingLevel() == 1:
            return first.position() + first.length()
        return 0

    # -- highlights ------------------------------------------------------------------
    def highlight(self, pattern: str, color: QColor) -> int | None:
        """Mark every match of `pattern` (case-insensitive) after the title; return
        the position of the first, or None. The first is also selected, so the
        cursor (and a screen reader) lands on it."""
        regex = QRegularExpression(
            pattern, QRegularExpression.PatternOption.CaseInsensitiveOption
            | QRegularExpression.PatternOption.UseUnicodePropertiesOption)
        doc = self.document()
        cursor = QTextCursor(doc)
        cursor.setPosition(self.title_end())
        selections: list[QTextEdit.ExtraSelection] = []
        first: QTextCursor | None = None
        while len(selections) < MAX_HIGHLIGHTS:
            cursor = doc.find(regex, cursor)
            if cursor.isNull() or not cursor.hasSelection():
                break
            selection = QTextEdit.ExtraSelection()
            selection.cursor = QTextCursor(cursor)
            fmt = QTextCharFormat()
            fmt.setBackground(color)
            selection.format = fmt
            selections.append(selection)
            if first is None:
                first = QTextCursor(cursor)
        self.setExtraSelections(selections)
        if first is None:
            return None
        self.setTextCursor(first)
        return first.selectionStart()

    def highlight_count(self) -> int:
        return len(self.extraSelections())

    def clear_highlights(self) -> None:
        self.setExtraSelections([])
        cursor = self.textCursor()
        cursor.clearSelection()
        self.setTextCursor(cursor)
