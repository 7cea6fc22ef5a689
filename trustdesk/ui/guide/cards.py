"""Clickable cards for the contents list and search results: real buttons (so they
have a button's role, focus and keyboard activation) that lay out wrapped labels.
Enter, Return and Space open a card; Up and Down move between cards."""

from __future__ import annotations

import html
from typing import override

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from trustdesk.domain.guide.chapters import Chapter
from trustdesk.domain.guide.search import SearchHit


def highlighted_html(text: str, spans: tuple[tuple[int, int], ...], color: QColor) -> str:
    """`text` as HTML with each span marked (bold on a soft background)."""
    parts: list[str] = []
    last = 0
    for start, end in sorted(spans):
        if start < last:
            continue
        parts.append(html.escape(text[last:start]))
        parts.append(f'<span style="background-color:{color.name()}; font-weight:600">'
                     f"{html.escape(text[start:end])}</span>")
        last = end
    parts.append(html.escape(text[last:]))
    return "".join(parts)


def _label(role: str, rich: bool = False) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setProperty("role", role)
    label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return label


def set_role(widget: QWidget, role: str) -> None:
    """Change a widget's style role and let the stylesheet see the change."""
    if widget.property("role") != role:
        widget.setProperty("role", role)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


class Card(QPushButton):
    """A button showing a title, a wrapped text and a line of details."""

    def __init__(self) -> None:
        super().__init__()
        self.setProperty("role", "guide-card")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 14)
        layout.setSpacing(4)
        top = QHBoxLayout()
        top.setSpacing(12)
        self.title = _label("card-title")
        self.mark = _label("read")
        self.mark.setWordWrap(False)
        top.addWidget(self.title, 1)
        top.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.text_label = _label("card-text", rich=True)
        layout.addWidget(self.text_label)
        self.meta = _label("muted")
        layout.addWidget(self.meta)

    # QPushButton sizes itself by its own text; a card is as big as its layout.
    @override
    def sizeHint(self) -> QSize:
        return self.layout().sizeHint()

    @override
    def minimumSizeHint(self) -> QSize:
        return self.layout().minimumSize()

    @override
    def hasHeightForWidth(self) -> bool:
        return True

    @override
    def heightForWidth(self, width: int) -> int:
        return self.layout().totalHeightForWidth(width)

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
        elif key == Qt.Key.Key_Down:
            self.focusNextChild()
        elif key == Qt.Key.Key_Up:
            self.focusPreviousChild()
        else:
            super().keyPressEvent(event)


class ChapterCard(Card):
    """One chapter on the contents list: title, summary, reading time, read mark."""

    def __init__(self, chapter: Chapter) -> None:
        super().__init__()
        self.chapter = chapter
        prefix = "" if chapter.is_safety_note else f"{chapter.number}. "
        self.title.setText(prefix + chapter.title)
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)
        self.text_label.setText(chapter.summary)
        self.meta.setText(f"{chapter.minutes} min read")
        self.set_read(False)

    def set_read(self, is_read: bool) -> None:
        self.is_read = is_read
        self.mark.setText("✓ Read" if is_read else "Not read yet")
        set_role(self.mark, "read" if is_read else "muted")
        state = "read" if is_read else "not read yet"
        number = "" if self.chapter.is_safety_note else f"Chapter {self.chapter.number}: "
        self.setAccessibleName(f"{number}{self.chapter.title}")
        self.setAccessibleDescription(
            f"{self.chapter.summary} {self.chapter.minutes} minute read, {state}.")


class ResultCard(Card):
    """One search result: the chapter's title and an excerpt with the matches marked."""

    def __init__(self, hit: SearchHit, color: QColor) -> None:
        super().__init__()
        self.hit = hit
        chapter = hit.chapter
        prefix = "" if chapter.is_safety_note else f"{chapter.number}. "
        self.title.setText(prefix + chapter.title)
        self.mark.hide()
        self.show_excerpt(color)
        noun = "match" if hit.matches == 1 else "matches"
        self.meta.setText(f"{hit.matches} {noun}")
        self.setAccessibleName(f"{chapter.title}, {hit.matches} {noun}")
        self.setAccessibleDescription(hit.excerpt)

    def show_excerpt(self, color: QColor) -> None:
        self.text_label.setText(highlighted_html(self.hit.excerpt, self.hit.spans, color))
