"""The bars above a chapter: the header (back to the contents, where you are, the
read mark, the safety note) and, while search matches are highlighted, a match bar.
They only lay out and announce clicks; ChapterView decides. UI thread only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QPushButton

from trustdesk.domain.guide.chapters import Chapter


def button(text: str, name: str, role: str | None = None) -> QPushButton:
    """A push button with an accessible name and, optionally, a style role."""
    widget = QPushButton(text)
    widget.setAccessibleName(name)
    if role:
        widget.setProperty("role", role)
    return widget


class ChapterHeader(QFrame):
    """'← Contents', 'Chapter 3 of 9', '✓ Read', the chapter's sections (its
    headings, for going straight to one) and 'If you are not safe'."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("GuideHeader")
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 8, 16, 8)
        row.setSpacing(12)
        self.contents_button = button("← Contents", "Back to the contents")
        self.contents_button.setToolTip("Back to the contents (Esc)")
        row.addWidget(self.contents_button)
        self.place = QLabel()
        self.place.setProperty("role", "muted")
        row.addWidget(self.place)
        self.read_mark = QLabel("✓ Read")
        self.read_mark.setProperty("role", "read")
        self.read_mark.setAccessibleDescription("You have read this chapter")
        row.addWidget(self.read_mark)
        row.addStretch(1)
        self.sections = QComboBox()
        self.sections.setPlaceholderText("Sections")
        self.sections.setAccessibleName("Sections: go to a heading in this chapter")
        self.sections.setToolTip("Go to a heading in this chapter (Alt+↓ and Alt+↑ move "
                                 "to the next and previous heading)")
        self.sections.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.sections.setMaximumWidth(280)
        row.addWidget(self.sections)
        self.safety_button = button("If you are not safe", "If you are not safe", "link")
        self.safety_button.setToolTip("What to do right away if you are in danger")
        row.addWidget(self.safety_button)

    def show_chapter(self, chapter: Chapter, total: int, is_read: bool) -> None:
        self.place.setText("A note for hard moments" if chapter.is_safety_note else
                           f"Chapter {chapter.number} of {total}")
        self.safety_button.setVisible(not chapter.is_safety_note)
        self.set_read(is_read and not chapter.is_safety_note)

    def show_sections(self, headings: list[str]) -> None:
        """The chapter's headings in the Sections list (hidden when there are none)."""
        self.sections.blockSignals(True)
        self.sections.clear()
        self.sections.addItems(headings)
        self.sections.setCurrentIndex(-1)
        self.sections.blockSignals(False)
        self.sections.setVisible(bool(headings))

    def set_read(self, is_read: bool) -> None:
        self.read_mark.setVisible(is_read)


class MatchBar(QFrame):
    """'3 matches for “word” highlighted' and a way to clear them."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("MatchBar")
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 4, 16, 4)
        row.setSpacing(8)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        row.addWidget(self.label, 1)
        self.clear_button = button("Clear highlights", "Clear highlights of the matches", "link")
        row.addWidget(self.clear_button)
        self.hide()

    def show_count(self, count: int, query: str) -> None:
        if count:
            noun = "match" if count == 1 else "matches"
            self.label.setText(f"{count} {noun} for “{query}” highlighted")
        self.setVisible(bool(count))
