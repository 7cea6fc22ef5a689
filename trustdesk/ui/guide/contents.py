"""The guide's contents: reading progress, a way back into the last chapter, search,
the chapter cards, and a visible way to the "If you are not safe" note.

While the search box holds words, the cards give way to the matching chapters,
each with an excerpt where the matched words are marked. Searching ten short
chapters takes about a millisecond, so it runs on the UI thread as you type.
Emits requests only; UI thread only.
"""

from __future__ import annotations

from typing import override

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from trustdesk.domain.guide.chapters import Guide
from trustdesk.domain.guide.progress import progress_text
from trustdesk.domain.guide.search import SearchHit, parse_query, search
from trustdesk.ui import theme
from trustdesk.ui.guide.cards import ChapterCard, ResultCard
from trustdesk.ui.widgets.announce import show_and_announce
from trustdesk.ui.widgets.column import FORM_WIDTH, page_column
from trustdesk.ui.widgets.labels import text_label
from trustdesk.ui.widgets.search import clear_on_escape

SEARCH_DELAY_MS = 150


class ContentsView(QWidget):
    """Chapter list and search. Emits `chapter_chosen(id)`, `result_chosen(id, query)`,
    `continue_requested()`."""

    chapter_chosen = Signal(str)
    result_chosen = Signal(str, str)
    continue_requested = Signal()

    def __init__(self, guide: Guide) -> None:
        super().__init__()
        self.setObjectName("GuideContents")
        self._guide = guide
        self.hits: list[SearchHit] = []
        self.result_cards: list[ResultCard] = []
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.run_search)

        inner = QWidget()
        self.column = QVBoxLayout(inner)
        self.column.setSpacing(12)
        self._build_top()
        self._build_lists()
        self.column.addStretch(1)
        self.scroll_area = page_column(inner, FORM_WIDTH)
        self.scroll_area.setAccessibleName("Guide contents")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)

    def _build_top(self) -> None:
        title = text_label("Guide", "title")
        title.setAccessibleName("Guide")
        self.column.addWidget(title)
        self.column.addWidget(text_label(
            "Short chapters on trust, fear and small steps. Read them in order, or start "
            "wherever you like.", "muted"))
        safety_row = QHBoxLayout()
        safety_row.setSpacing(6)
        self.safety_button = QPushButton("If you are not safe, read this first")
        self.safety_button.setProperty("role", "link")
        self.safety_button.setAccessibleName("If you are not safe, read this first")
        self.safety_button.clicked.connect(
            lambda: self.chapter_chosen.emit(self._guide.safety.id))
        safety_row.addWidget(self.safety_button)
        safety_row.addStretch(1)
        self.column.addLayout(safety_row)

        progress_row = QHBoxLayout()
        progress_row.setSpacing(14)
        self.progress_label = text_label("", "heading-small")
        self.progress_label.setWordWrap(False)
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, self._guide.total)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setAccessibleName("Chapters read")
        progress_row.addWidget(self.progress_label)
        progress_row.addWidget(self.progress_bar, 1)
        self.column.addSpacing(6)
        self.column.addLayout(progress_row)

        self.continue_button = QPushButton("Continue reading")
        self.continue_button.setAccessibleName("Continue reading")
        self.continue_button.setProperty("role", "primary")
        self.continue_button.clicked.connect(self.continue_requested)
        continue_row = QHBoxLayout()
        continue_row.addWidget(self.continue_button)
        continue_row.addStretch(1)
        self.column.addLayout(continue_row)
        self.continue_button.hide()

        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText("Search the guide")
        self.search_box.setAccessibleName("Search the guide")
        self.search_box.setToolTip("Search the guide (Ctrl+F)")
        self.search_box.setClearButtonEnabled(True)
        clear_on_escape(self.search_box)
        for button in self.search_box.findChildren(QToolButton):  # Qt's own clear button
            button.setAccessibleName("Clear the search")
            button.setToolTip("Clear the search")
        self.search_box.setMaxLength(200)
        self.search_box.textChanged.connect(lambda _text: self._search_timer.start())
        self.search_box.returnPressed.connect(self._search_now_and_focus_first)
        self.column.addSpacing(6)
        self.column.addWidget(self.search_box)

    def _build_lists(self) -> None:
        self.result_summary = text_label("", "muted")
        self.result_summary.setAccessibleDescription("Search results")
        self.result_summary.hide()
        self.column.addWidget(self.result_summary)
        self.results_box = QVBoxLayout()
        self.results_box.setSpacing(10)
        self.column.addLayout(self.results_box)
        self.cards: list[ChapterCard] = []
        self.cards_box = QWidget()
        cards = QVBoxLayout(self.cards_box)
        cards.setContentsMargins(0, 4, 0, 0)
        cards.setSpacing(10)
        for chapter in self._guide.chapters:
            card = ChapterCard(chapter)
            card.clicked.connect(lambda _=False, cid=chapter.id: self.chapter_chosen.emit(cid))
            cards.addWidget(card)
            self.cards.append(card)
        self.column.addWidget(self.cards_box)

    # -- state ----------------------------------------------------------------------
    def show_progress(self, read_ids: frozenset[str]) -> None:
        for card in self.cards:
            card.set_read(card.chapter.id in read_ids)
        read = sum(card.is_read for card in self.cards)
        text = progress_text(read, self._guide.total)
        self.progress_label.setText(text)
        self.progress_bar.setValue(read)
        self.progress_bar.setAccessibleDescription(text)

    def show_continue(self, title: str | None) -> None:
        """Offer 'Continue reading' for the chapter to go on with, or hide it (None)."""
        if title:
            self.continue_button.setText(f"Continue reading: {title}")
            self.continue_button.setAccessibleName(f"Continue reading {title}")
        self.continue_button.setVisible(bool(title))

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def clear(self) -> None:
        """Forget the search (the journal is locking)."""
        self._search_timer.stop()
        self.search_box.setText("")  # unlike clear(), also drops the undo history
        self.run_search()

    # -- search ---------------------------------------------------------------------
    def query(self) -> str:
        return self.search_box.text()

    def run_search(self) -> None:
        """Show what the search box finds now (the chapter cards when it is empty)."""
        self._search_timer.stop()
        text = self.search_box.text()
        searching = bool(parse_query(text))
        self.hits = search(self._guide.all(), text) if searching else []
        for card in self.result_cards:
            card.setParent(None)
            card.deleteLater()
        self.result_cards = []
        color = theme.colors()["selection"]
        for hit in self.hits:
            card = ResultCard(hit, color)
            card.clicked.connect(
                lambda _=False, cid=hit.chapter.id: self.result_chosen.emit(cid, self.query()))
            self.results_box.addWidget(card)
            self.result_cards.append(card)
        self.cards_box.setVisible(not searching)
        self.result_summary.setVisible(searching)
        if searching:
            count = len(self.hits)
            shown = text.strip()
            show_and_announce(self.result_summary,
                f"Nothing in the guide matches “{shown}”. Try fewer or shorter words."
                if not count else
                f"{count} {'chapter matches' if count == 1 else 'chapters match'} “{shown}”")

    def _search_now_and_focus_first(self) -> None:
        self.run_search()
        if self.result_cards:
            self.result_cards[0].setFocus(Qt.FocusReason.OtherFocusReason)

    @override
    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange) \
                and self.result_cards:
            color = theme.colors()["selection"]
            for card in self.result_cards:
                card.show_excerpt(color)
