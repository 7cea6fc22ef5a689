"""The entry editor: date and time, optional title, the body (with a Markdown
preview), the check-in and tags, the quiet save indicator and word count.

The editor is a column about LINE_CHARS characters of body text wide (`measure()`),
which the page centres in wide windows, as the Guide does.

The editor only shows and reads fields; deciding when to save belongs to the page.
`edited` fires for the person's changes, never for `show_entry`. UI thread only.
"""

from __future__ import annotations

import itertools
from datetime import datetime, time
from typing import override

from PySide6.QtCore import QDate, QDateTime, QEvent, QSize, Qt, QTime, QTimer, QUrl, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDateTimeEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from trustdesk.domain import clock
from trustdesk.domain.dates import SHORT_DATE_TIME_PATTERN
from trustdesk.domain.journal import CheckIn, Entry
from trustdesk.domain.text import EARLIEST_DATE, FUTURE_LIMIT
from trustdesk.domain.writing import count_text, word_count
from trustdesk.ui import theme
from trustdesk.ui.guide.reader import line_width, style_document
from trustdesk.ui.journal.body import EntryBody
from trustdesk.ui.journal.rating import CheckInPanel
from trustdesk.ui.journal.tag_field import TagField
from trustdesk.ui.spelling.line_edit import SpellLineEdit
from trustdesk.ui.widgets.announce import show_and_announce
from trustdesk.ui.widgets.calendar import use_calendar
from trustdesk.ui.widgets.private_text import PrivateTextBrowser

LINE_CHARS = 70          # the body's measure, in characters of ordinary text
COUNT_DELAY_MS = 250     # the word count follows typing after a short pause
# No-break spaces keep each example whole when the line wraps beside History….
MARKDOWN_HINT = ("Markdown works: **bold**\u00a0(Ctrl+B), *italic*\u00a0(Ctrl+I), -\u00a0lists, "
                 "#\u00a0headings")


def name_inner_field(spin: QAbstractSpinBox) -> None:
    """Give a date edit's inner text field its parent's accessible name, so screen
    readers don't announce an unnamed field."""
    inner = spin.findChild(QLineEdit)
    if inner is not None:
        inner.setAccessibleName(spin.accessibleName())


class MarkdownView(PrivateTextBrowser):
    """Renders the body's light Markdown. Loads nothing: no links, files or images."""

    def __init__(self) -> None:
        super().__init__()
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAccessibleName("Preview")
        self.setProperty("role", "paper")

    @override
    def loadResource(self, kind: int, name: QUrl) -> object:
        return None


class EntryEditor(QWidget):
    """Shows one entry for editing. Signals: `edited` (any change by the person),
    `delete_requested`, `history_requested` (the History button), `focus_requested`
    (the Focus button)."""

    edited = Signal()
    delete_requested = Signal()
    history_requested = Signal()
    focus_requested = Signal(bool)

    def __init__(self, *, now: clock.Clock = clock.now) -> None:
        super().__init__()
        self._now = now
        self._loading = False
        self._shown_when: datetime | None = None

        self.when = QDateTimeEdit()
        self.when.setAccessibleName("Date and time written")
        use_calendar(self.when)
        self.when.setDisplayFormat(SHORT_DATE_TIME_PATTERN)
        self.when.setToolTip("When this entry was written. Back-dating is fine.")
        name_inner_field(self.when)
        self.status = QLabel("")
        self.status.setObjectName("SaveStatus")
        self.status.setAccessibleDescription("Save status")
        self.status.setProperty("role", "muted")
        self.status.setWordWrap(True)
        self.status.setMaximumWidth(self.status.fontMetrics().averageCharWidth() * 34)
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.preview_button = QPushButton("Preview")
        self.preview_button.setCheckable(True)
        self.preview_button.setAccessibleName("Preview")
        self.preview_button.setToolTip("Show the entry with its Markdown formatting")
        self.delete_button = QPushButton("Delete…")
        self.delete_button.setAccessibleName("Delete entry")
        self.delete_button.setProperty("role", "danger")
        # Beside the save status: where the page says it saved, it offers what it kept.
        self.history_button = QPushButton("History…")
        self.history_button.setProperty("role", "link")
        self.history_button.setAccessibleName("Entry history")
        self.history_button.setToolTip("Earlier versions of this entry, side by side with "
                                       "now, and restoring one (Ctrl+Shift+H)")
        self.focus_button = QPushButton("Focus")
        self.focus_button.setCheckable(True)
        self.focus_button.setAccessibleName("Focus")
        self.focus_button.setToolTip("Only the page: hide the list and the sidebar "
                                     "(Ctrl+Shift+F or F11; Esc comes back)")
        # The word count and reading time: quiet text, read by screen readers as is.
        self.count = QLabel("")
        self.count.setObjectName("WordCount")
        self.count.setProperty("role", "muted")
        self.count.setAccessibleDescription("Word count")
        self.count.setWordWrap(True)
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(COUNT_DELAY_MS)
        self._count_timer.timeout.connect(self.update_count)

        self._fit_widths()
        # The date, then Preview and Delete at the right; where one row can't hold
        # them (a small window, large text), the buttons go under the date.
        self._header = QGridLayout()
        self._header.setHorizontalSpacing(10)
        self._header.setVerticalSpacing(8)
        self._header_stacked: bool | None = None

        self.title = SpellLineEdit()
        self.title.setAccessibleName("Title")
        self.title.setPlaceholderText("Title (optional)")
        self.title.setProperty("role", "entry_title")

        self.body = EntryBody()
        self.body.setAccessibleName("Entry text")
        # One line: QTextEdit shows only a placeholder's first. The Markdown hint is
        # on the count line while the page is empty.
        self.body.setPlaceholderText("Write whatever is on your mind. It saves itself as you go.")
        self.body.setProperty("role", "paper")
        # A few lines to write in, whatever the window: below that the editor scrolls.
        self.body.setMinimumHeight(self.body.fontMetrics().lineSpacing() * 5 + 24)
        self.preview = MarkdownView()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.body)
        self.pages.addWidget(self.preview)

        checkin_label = self.checkin_label = QLabel("Check-in (optional): how are you right now?")
        checkin_label.setProperty("role", "muted")
        checkin_label.setWordWrap(True)
        self.checkin = CheckInPanel()
        self.tags = TagField()
        self.checkin.add_row("Tags", self.tags)

        column = QVBoxLayout(self)
        column.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)  # see minimumSizeHint
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(10)
        column.addLayout(self._header)
        self._arrange_header(stacked=False)
        column.addWidget(self.title)
        column.addWidget(self.pages, 1)
        # The quiet line under the page: the word count, and the save status.
        below = QHBoxLayout()
        below.setSpacing(12)
        below.addWidget(self.count, 1)
        below.addWidget(self.status)
        below.addWidget(self.history_button)
        column.addLayout(below)
        column.addWidget(checkin_label)
        column.addWidget(self.checkin)

        self.when.dateTimeChanged.connect(self._changed)
        self.title.textEdited.connect(self._changed)
        self.body.textChanged.connect(self._body_changed)
        self.body.selectionChanged.connect(self._count_timer.start)
        self.focus_button.toggled.connect(self.focus_requested)
        self.checkin.changed.connect(self._changed)
        self.tags.textEdited.connect(self._changed)
        self.preview_button.toggled.connect(self.set_preview)
        self.delete_button.clicked.connect(self.delete_requested)
        self.history_button.clicked.connect(self.history_requested)
        bars = self.checkin.bars
        chain = (self.when, self.title, self.body, self.history_button, bars["mood"],
                 bars["trust_others"], bars["trust_self"], self.tags, self.preview_button,
                 self.focus_button, self.delete_button)
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        self._fit_widths()

    def _fit_widths(self) -> None:
        """Room for the longest date, at the current text size; the column as wide
        as the body's measure."""
        sample = self.when.fontMetrics().horizontalAdvance("Wed 30 Sep 2026, 23:59")
        self.when.setMinimumWidth(sample + 56)
        self.setMaximumWidth(self.measure())

    def measure(self) -> int:
        """The column's width: LINE_CHARS characters of body text, the page's padding
        and frame, and room for its scroll bar."""
        body = self.body if hasattr(self, "body") else None
        font = body.font() if body is not None else self.font()
        extra = 2 * (10 + 2 + 4) + self.style().pixelMetric(
            self.style().PixelMetric.PM_ScrollBarExtent)
        return round(line_width(font, LINE_CHARS)) + extra

    def _arrange_header(self, *, stacked: bool) -> None:
        if stacked == self._header_stacked:
            return
        self._header_stacked = stacked
        header = self._header
        for widget in (self.when, *self._buttons()):
            header.removeWidget(widget)
        header.addWidget(self.when, 0, 0, 1, 5 if stacked else 1)
        row = 1 if stacked else 0
        for column, button in enumerate(self._buttons(), start=2):
            header.addWidget(button, row, column)
        for column, stretch in enumerate((0, 1, 0, 0, 0)):
            header.setColumnStretch(column, stretch)

    def _buttons(self) -> tuple[QPushButton, ...]:
        return (self.preview_button, self.focus_button, self.delete_button)

    def _buttons_width(self) -> int:
        buttons = self._buttons()
        return (sum(button.sizeHint().width() for button in buttons)
                + (len(buttons) - 1) * self._header.horizontalSpacing())

    def _restack_header(self, width: int) -> None:
        """Date and buttons on one row if `width` holds them; else buttons below."""
        spacing = self._header.horizontalSpacing()
        one_row = self.when.minimumWidth() + self._buttons_width() + 2 * spacing
        self._arrange_header(stacked=width < one_row)

    @override
    def minimumSizeHint(self) -> QSize:
        """As narrow as the stacked header and check-in allow (the layout's own
        minimum would keep them side by side and let nothing restack)."""
        # The stacked row's buttons sit in the grid's last columns, past the
        # (empty) first two, whose spacing the grid still counts.
        width = max(self.when.minimumWidth(),
                    self._buttons_width() + 2 * self._header.horizontalSpacing(),
                    self.checkin.minimumSizeHint().width())
        return QSize(width, self.layout().minimumSize().height())

    def set_page_only(self, on: bool) -> None:
        """Focus mode: the date, title, page, word count and save status only; the
        check-in and tags wait below until it ends."""
        self.checkin_label.setVisible(not on)
        self.checkin.setVisible(not on)
        if self.focus_button.isChecked() != on:
            self.focus_button.setChecked(on)

    def header_is_stacked(self) -> bool:
        return bool(self._header_stacked)

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        self._restack_header(event.size().width())
        super().resizeEvent(event)

    @override
    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_widths()
            self._restack_header(self.width())
        super().changeEvent(event)

    def _body_changed(self) -> None:
        if not self.body.highlighter.restyling:  # styling is no edit
            self._changed()
            self._count_timer.start()

    def _changed(self, *_args: object) -> None:
        if not self._loading:
            self.edited.emit()

    # -- showing -----------------------------------------------------------------
    def show_entry(self, entry: Entry) -> None:
        """Show `entry` with fresh undo history, in editing (not preview) mode."""
        self._loading = True
        try:
            # An entry dated beyond today's limit (the clock was set back) keeps its
            # date: the range stretches to it rather than clamping it.
            latest = max(self._now().date() + FUTURE_LIMIT, entry.written_at.date())
            self.when.setDateTimeRange(QDateTime(QDate(EARLIEST_DATE), QTime(0, 0)),
                                       QDateTime(QDate(latest), QTime(23, 59)))
            self.when.setDateTime(QDateTime(entry.written_at.replace(second=0)))
            self._shown_when = entry.written_at
            self.title.setText(entry.title)
            self.title.setCursorPosition(0)
            self.body.set_text(entry.body)
            self.checkin.set_checkin(entry.checkin)
            self.tags.setText(", ".join(entry.tags))
            self.preview_button.setChecked(False)
            self.preview.clear()
            self.update_count()
        finally:
            self._loading = False

    def clear(self) -> None:
        """Forget the shown text, its undo history and the rendered preview."""
        self._loading = True
        try:
            self.title.setText("")
            self.body.set_text("")
            self.tags.setText("")
            self.tags.set_known_tags([])
            self.checkin.set_checkin(CheckIn())
            self.preview_button.setChecked(False)
            self.preview.clear()
            self.preview.document().clearUndoRedoStacks()
            self.status.setText("")
            self._count_timer.stop()
            self.count.setText("")
            self._shown_when = None
        finally:
            self._loading = False

    def read(self, base: Entry) -> Entry:
        """`base` with the fields as shown; raises InvalidRecord with a sentence to
        show when something can't be kept (too long, a date out of range)."""
        shown = self.when.dateTime().toPython()
        when = self._shown_when
        if when is None or shown.replace(second=0) != when.replace(second=0, microsecond=0):
            when = datetime.combine(shown.date(), time(shown.hour, shown.minute))
        return base.edited(now=self._now, written_at=when.replace(microsecond=0),
                           title=self.title.text(),
                           body=self.body.toPlainText(), checkin=self.checkin.checkin(),
                           tags=self.tags.text())

    # -- preview and status ------------------------------------------------------
    def update_count(self) -> None:
        """The word count and reading time of the entry, and of the selection if any."""
        self._count_timer.stop()
        words = word_count(self.body.toPlainText())
        selected = self.body.selected_text() if self.body.textCursor().hasSelection() else ""
        if not words:
            self.count.setText(MARKDOWN_HINT)
            return
        self.count.setText(count_text(words, word_count(selected) if selected else None))

    def set_preview(self, on: bool) -> None:
        if on:
            self.preview.document().setDefaultFont(self.preview.font())
            self.preview.setMarkdown(self.body.toPlainText())
            # Spaced like the Guide: room above headings and between paragraphs.
            style_document(self.preview.document(), self.preview.font(), theme.colors())
            self.pages.setCurrentWidget(self.preview)
        else:
            self.pages.setCurrentWidget(self.body)
            self.preview.clear()
        self.preview_button.setText("Edit" if on else "Preview")
        if self.preview_button.isChecked() != on:
            self.preview_button.setChecked(on)

    def set_status(self, text: str, *, warning: bool = False) -> None:
        """Show the save status; a finished one ("Saved", a problem) is also announced."""
        if text.endswith("…"):  # "Saving…" comes and goes with typing: not worth a word
            self.status.setText(text)
        else:
            show_and_announce(self.status, text, assertive=warning)
        self.status.setProperty("role", "warning" if warning else "muted")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    def focus_body(self) -> None:
        self.set_preview(False)
        self.body.setFocus()
