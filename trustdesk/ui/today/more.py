"""The lower half of the Today page: a question for today, "On this day" in earlier
years, and the chapter to go on reading.

They sit below the waiting steps and the check-in, out of sight in the first frame
after unlocking, so the page builds them just after that frame is painted (or as
soon as anything asks for them; see `TodayPage.more`). The sections only read and
emit requests (`write_requested(prompt)`, `entry_requested(entry id)`,
`continue_requested()`); the page forwards them. UI thread only.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QPushButton, QVBoxLayout, QWidget

from trustdesk.domain.dates import long_date, short_date
from trustdesk.domain.guide.chapters import Guide
from trustdesk.domain.guide.progress import GuideProgress, SettingsStore
from trustdesk.domain.journal import EntryRow
from trustdesk.domain.today import continue_chapter, prompt_for
from trustdesk.storage import errors
from trustdesk.storage.journal_repo import JournalRepository
from trustdesk.ui.widgets.labels import text_label

ON_THIS_DAY_SHOWN = 5


def section(title: str, parent: QWidget, into: QVBoxLayout | None = None
            ) -> tuple[QFrame, QVBoxLayout]:
    """A card with its heading, made inside `parent` (and added to `into`) before
    anything goes in it: a widget given its parent after its children costs Qt a
    style pass over all of them."""
    box = QFrame(parent)
    box.setProperty("role", "card")
    if into is not None:
        into.addWidget(box)
    column = QVBoxLayout(box)
    column.setContentsMargins(20, 16, 20, 18)
    column.setSpacing(8)
    heading = text_label(title, "heading")
    heading.setAccessibleName(title)
    column.addWidget(heading)
    box.setAccessibleName(title)
    return box, column


class MoreSections(QWidget):
    """Prompt, On this day and Continue reading, in that order. `guide` gives the
    guide (loaded once, by the page); `set_links` hides what has no page to go to."""

    write_requested = Signal(str)
    entry_requested = Signal(str)
    continue_requested = Signal()

    def __init__(self, journal: JournalRepository, settings: SettingsStore,
                 guide: Guide, parent: QWidget) -> None:
        super().__init__(parent)
        self._journal = journal
        self._settings = settings
        self._guide = guide
        self.memory_buttons: list[QPushButton] = []
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(16)

        self.prompt_box, prompt = section("A question for today", self, column)
        self.prompt_text = text_label("", "thoughttext", selectable=True)
        prompt.addWidget(self.prompt_text)
        self.prompt_source = text_label("", "muted")
        prompt.addWidget(self.prompt_source)
        self.write_button = QPushButton("Write about this")
        self.write_button.setAccessibleName("Write about this: today's question")
        prompt.addWidget(self.write_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.memories_box, memories = section("On this day", self, column)
        self.memories_intro = text_label("", "muted")
        memories.addWidget(self.memories_intro)
        self.memories_list = QVBoxLayout()
        self.memories_list.setSpacing(4)
        memories.addLayout(self.memories_list)

        self.reading_box, reading = section("Continue reading", self, column)
        self.reading_text = text_label("", None)
        reading.addWidget(self.reading_text)
        self.continue_button = QPushButton("Continue reading")
        self.continue_button.setAccessibleName("Continue reading the guide")
        reading.addWidget(self.continue_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.write_button.clicked.connect(
            lambda: self.write_requested.emit(self.prompt_text.text()))
        self.continue_button.clicked.connect(self.continue_requested)

    def set_links(self, *, writing: bool, reading: bool) -> None:
        """Without a Journal there is nothing to write in; without the Guide,
        nothing to go on reading."""
        self.write_button.setVisible(writing)
        self.reading_box.setVisible(reading)

    def load(self, today: date) -> str:
        """Read all three for `today`; returns a problem to show, or ""."""
        self._load_prompt(today)
        self._load_reading()
        try:
            self._load_memories(today)
        except errors.VaultError as exc:
            return exc.message
        return ""

    def clear(self) -> None:
        self._clear_memories()
        for label in (self.prompt_text, self.prompt_source, self.memories_intro,
                      self.reading_text):
            label.setText("")

    # -- the three sections --------------------------------------------------------
    def _load_prompt(self, today: date) -> None:
        prompt = prompt_for(today, self._guide)
        self.prompt_box.setVisible(prompt is not None)
        if prompt is not None:
            self.prompt_text.setText(prompt.text)
            self.prompt_source.setText(f"From the guide: {prompt.chapter_title}")

    def _load_memories(self, today: date) -> None:
        rows = self._journal.on_this_day(today, limit=ON_THIS_DAY_SHOWN)
        self._clear_memories()
        for row in rows:
            self._add_memory(row, today)
        self.memories_intro.setText(
            f"What you wrote on {today.day} {today:%B} in earlier years."
            if rows else f"Nothing from {today.day} {today:%B} in earlier years yet.")

    def _add_memory(self, row: EntryRow, today: date) -> None:
        years = today.year - row.written_at.year
        ago = "a year ago" if years == 1 else f"{years} years ago"
        heading = " ".join(row.heading.split())[:100] or "(untitled)"
        button = QPushButton(f"{ago} · {heading}", self.memories_box)
        button.setProperty("role", "link")
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.setAccessibleName(f"Open the entry from {short_date(row.written_at.date())}: "
                                 f"{ago} · {heading}")
        button.setToolTip(f"Open it in the Journal ({long_date(row.written_at.date())})")
        button.clicked.connect(lambda _=False, entry_id=row.id:
                               self.entry_requested.emit(entry_id))
        self.memories_list.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        self.memory_buttons.append(button)

    def _clear_memories(self) -> None:
        for button in self.memory_buttons:
            button.hide()
            button.deleteLater()
        self.memory_buttons = []

    def _load_reading(self) -> None:
        progress = GuideProgress(self._settings, self._guide)
        try:
            chapter = continue_chapter(self._guide, progress.position(), progress.read_ids())
        except errors.VaultError:
            chapter = None
        if chapter is None:
            self.reading_text.setText("You have read every chapter of the guide.")
            self.continue_button.hide()
            return
        self.reading_text.setText(f"Chapter {chapter.number}: {chapter.title} · "
                                  f"about {chapter.minutes} minutes")
        self.continue_button.show()
