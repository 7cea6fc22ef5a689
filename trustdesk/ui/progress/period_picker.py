"""Choosing the stretch of time to look at: last 4 weeks, 3 months, 12 months, all
time, or two chosen dates."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from trustdesk.domain import clock
from trustdesk.domain.clock import Today
from trustdesk.domain.dates import SHORT_DATE_PATTERN
from trustdesk.domain.period import PERIOD_KINDS, Period, months_before
from trustdesk.domain.text import EARLIEST_DATE, FUTURE_LIMIT
from trustdesk.ui.widgets.calendar import use_calendar

CHOICES = {"last_4_weeks": "Last 4 weeks", "last_3_months": "Last 3 months",
           "last_12_months": "Last 12 months", "all_time": "All time",
           "custom": "Choose dates…"}
SETTLE_MS = 450   # wait for typing in a date box to pause before reloading


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class PeriodPicker(QWidget):
    """A period choice. Emits `changed` when the period to show is a new, valid one
    (typing a date waits for a pause first). UI thread only."""

    changed = Signal()

    def __init__(self, today: Today = clock.today, *,
                 initial: Period | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        self.combo = QComboBox()
        self.combo.setAccessibleName("Period to show")
        for kind in PERIOD_KINDS:
            self.combo.addItem(CHOICES[kind], kind)
        row.addWidget(self.combo)
        self.first_label = QLabel("from")
        self.first = self._date_edit("First day")
        self.last_label = QLabel("to")
        self.last = self._date_edit("Last day")
        self.first_label.setBuddy(self.first)
        self.last_label.setBuddy(self.last)
        for widget in (self.first_label, self.first, self.last_label, self.last):
            row.addWidget(widget)
        self.note = QLabel("The first day must be on or before the last day.")
        self.note.setProperty("role", "note")
        self.note.setAccessibleDescription("Date problem")
        row.addWidget(self.note)
        row.addStretch(1)

        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._dates_settled)
        self._shown: Period | None = None
        self.set_period(initial or Period())
        self.combo.currentIndexChanged.connect(self._kind_changed)
        self.first.dateChanged.connect(lambda _d: self._settle.start())
        self.last.dateChanged.connect(lambda _d: self._settle.start())
        self.first.editingFinished.connect(self._dates_settled)
        self.last.editingFinished.connect(self._dates_settled)

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        use_calendar(edit)
        edit.setDisplayFormat(SHORT_DATE_PATTERN)
        edit.setAccessibleName(name)
        edit.setMinimumDate(to_qdate(EARLIEST_DATE))
        edit.setMaximumDate(to_qdate(self._today() + FUTURE_LIMIT))
        return edit

    # -- reading and setting -------------------------------------------------------
    def kind(self) -> str:
        return str(self.combo.currentData())

    def period(self) -> Period | None:
        """The chosen period; None while chosen dates are the wrong way round."""
        if self.kind() != "custom":
            return Period(self.kind())
        first, last = from_qdate(self.first.date()), from_qdate(self.last.date())
        return Period.custom(first, last) if first <= last else None

    def set_period(self, period: Period) -> None:
        """Show `period` without announcing it."""
        blocked = [w.blockSignals(True) for w in (self.combo, self.first, self.last)]
        try:
            self.combo.setCurrentIndex(PERIOD_KINDS.index(period.kind))
            if period.kind == "custom":
                assert period.first is not None and period.last is not None
                first, last = period.first, period.last
            else:
                today = self._today()
                last = today
                first = months_before(today, 3) + timedelta(days=1)
            self.first.setDate(to_qdate(first))
            self.last.setDate(to_qdate(last))
        finally:
            for widget, was in zip((self.combo, self.first, self.last), blocked, strict=True):
                widget.blockSignals(was)
        self._shown = self.period()
        self._update_visibility()

    def _update_visibility(self) -> None:
        custom = self.kind() == "custom"
        for widget in (self.first_label, self.first, self.last_label, self.last):
            widget.setVisible(custom)
        self.note.setVisible(custom and self.period() is None)

    # -- reacting ------------------------------------------------------------------
    def _kind_changed(self) -> None:
        self._settle.stop()
        self._update_visibility()
        self._announce()

    def _dates_settled(self) -> None:
        self._settle.stop()
        self._update_visibility()
        if self.kind() == "custom":
            self._announce()

    def _announce(self) -> None:
        period = self.period()
        if period is not None and period != self._shown:
            self._shown = period
            self.changed.emit()
