"""The search box and the tag and date filters above the journal list.

Emits `changed` whenever the search text or a filter changes; the page decides
when to query. UI thread only."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from trustdesk.domain import clock
from trustdesk.domain.clock import Today
from trustdesk.domain.dates import SHORT_DATE_PATTERN
from trustdesk.domain.journal import JournalFilter
from trustdesk.domain.text import EARLIEST_DATE
from trustdesk.ui.journal.editor import name_inner_field
from trustdesk.ui.widgets.calendar import use_calendar
from trustdesk.ui.widgets.search import clear_on_escape

ALL_TAGS = "All tags"
RANGES = (("any", "Any time"), (7, "Past 7 days"), (30, "Past 30 days"),
          (365, "Past 12 months"), ("custom", "Choose dates…"))


class FilterBar(QWidget):
    """Search text plus a JournalFilter. `today` is injectable for tests."""

    changed = Signal()

    def __init__(self, today: Today = clock.today) -> None:
        super().__init__()
        self._today = today
        self.search = QLineEdit()
        self.search.setAccessibleName("Search the journal")
        self.search.setPlaceholderText("Search your journal (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        clear_on_escape(self.search)
        for button in self.search.findChildren(QToolButton):
            button.setAccessibleName("Clear search")
            button.setToolTip("Clear search")
        self.tag = QComboBox()
        self.tag.setAccessibleName("Filter by tag")
        self.tag.addItem(ALL_TAGS, None)
        self.range = QComboBox()
        self.range.setAccessibleName("Filter by date")
        for key, label in RANGES:
            self.range.addItem(label, key)
        for box in (self.tag, self.range):  # short, so the list pane fits small windows
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(8)

        self.start = QDateEdit()
        self.start.setAccessibleName("From date")
        self.end = QDateEdit()
        self.end.setAccessibleName("To date")
        for edit in (self.start, self.end):
            use_calendar(edit)
            edit.setDisplayFormat(SHORT_DATE_PATTERN)
            edit.setMinimumDate(QDate(EARLIEST_DATE))
            name_inner_field(edit)
        self.custom = QWidget()
        custom_row = QHBoxLayout(self.custom)
        custom_row.setContentsMargins(0, 0, 0, 0)
        custom_row.addWidget(QLabel("From"))
        custom_row.addWidget(self.start, 1)
        custom_row.addWidget(QLabel("to"))
        custom_row.addWidget(self.end, 1)
        self.custom.hide()

        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.tag, 1)
        filters.addWidget(self.range, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        column.addWidget(self.search)
        column.addLayout(filters)
        column.addWidget(self.custom)

        self.search.textChanged.connect(self.changed)
        self.tag.currentIndexChanged.connect(self.changed)
        self.range.currentIndexChanged.connect(self._range_chosen)
        self.start.dateChanged.connect(self._dates_changed)
        self.end.dateChanged.connect(self._dates_changed)
        QWidget.setTabOrder(self.search, self.tag)
        QWidget.setTabOrder(self.tag, self.range)
        QWidget.setTabOrder(self.range, self.start)
        QWidget.setTabOrder(self.start, self.end)

    # -- reading -----------------------------------------------------------------
    def text(self) -> str:
        return self.search.text()

    def current_filter(self) -> JournalFilter:
        tag = self.tag.currentData()
        key = self.range.currentData()
        start = end = None
        if key == "custom":
            start, end = self.start.date().toPython(), self.end.date().toPython()
        elif isinstance(key, int):
            end = self._today()
            start = end - timedelta(days=key - 1)
        return JournalFilter(tag=tag, start=start, end=end)

    # -- updating ------------------------------------------------------------------
    def set_tags(self, tags: Sequence[str]) -> None:
        """Offer `tags`, keeping the chosen one if it still exists."""
        chosen = self.tag.currentData()
        self.tag.blockSignals(True)
        self.tag.clear()
        self.tag.addItem(ALL_TAGS, None)
        for tag in tags:
            self.tag.addItem(f"#{tag}", tag)
        index = self.tag.findData(chosen) if chosen is not None else 0
        self.tag.setCurrentIndex(max(0, index))
        self.tag.blockSignals(False)
        if chosen is not None and index < 0:
            self.changed.emit()

    def show_day(self, day: date) -> None:
        """Filter to one day (the calendar chose it): the custom range, from `day` to
        `day`, announced once."""
        widgets = (self.range, self.start, self.end)
        for widget in widgets:
            widget.blockSignals(True)
        self.range.setCurrentIndex(self.range.findData("custom"))
        qday = QDate(day)
        for edit in (self.start, self.end):
            edit.setMaximumDate(QDate(max(day, self._today()) + timedelta(days=366)))
            edit.setMinimumDate(QDate(EARLIEST_DATE))
        self.start.setDate(qday)
        self.end.setDate(qday)
        self._dates_changed()
        for widget in widgets:
            widget.blockSignals(False)
        self.custom.show()
        self.changed.emit()

    def clear(self) -> None:
        """Back to no search and no filters, without announcing it."""
        for widget in (self.search, self.tag, self.range, self.start, self.end):
            widget.blockSignals(True)
        self.search.clear()
        self.tag.clear()
        self.tag.addItem(ALL_TAGS, None)
        self.range.setCurrentIndex(0)
        self.custom.hide()
        for widget in (self.search, self.tag, self.range, self.start, self.end):
            widget.blockSignals(False)

    def _range_chosen(self) -> None:
        custom = self.range.currentData() == "custom"
        if custom:
            today = QDate(self._today())
            for edit in (self.start, self.end):
                edit.blockSignals(True)
                edit.setMaximumDate(today.addDays(366))
            self.end.setDate(today)
            self.start.setDate(today.addDays(-30))
            self._dates_changed()
            for edit in (self.start, self.end):
                edit.blockSignals(False)
        self.custom.setVisible(custom)
        self.changed.emit()

    def _dates_changed(self) -> None:
        """Keep the range the right way round: each end bounds the other."""
        self.end.setMinimumDate(self.start.date())
        self.start.setMaximumDate(self.end.date())
        if self.range.currentData() == "custom" and not self.start.signalsBlocked():
            self.changed.emit()
