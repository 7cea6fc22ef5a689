"""One small step waiting on the Today page: the step, the fear it was for, and
Did it / Not yet / Snooze / Skip. Snooze opens a date field in the row itself
(Enter or "Snooze until then" confirms, Esc or "Cancel" closes). The row only
emits what the person chose; the page does the saving. UI thread only."""

from __future__ import annotations

from datetime import date, timedelta
from typing import override

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDateEdit,
    QDateTimeEdit,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trustdesk.domain.clock import latest_new_date
from trustdesk.domain.dates import long_date, short_date
from trustdesk.domain.worksheet import DueStep
from trustdesk.ui.widgets.button_row import ButtonRow
from trustdesk.ui.widgets.calendar import use_calendar
from trustdesk.ui.widgets.labels import text_label

SNOOZE_DEFAULT = timedelta(days=3)


def _short(text: str, limit: int = 120) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[:limit - 1].rstrip() + "…"


class StepRow(QFrame):
    """A waiting step. Signals carry the step's id (`snoozed` also the new day)."""

    did_it = Signal(str)
    not_yet = Signal(str)
    snoozed = Signal(str, object)   # step id, date
    skipped = Signal(str)

    def __init__(self, due: DueStep, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.due = due
        self._today = today
        step = due.step
        self.setProperty("role", "duerow")
        column = self._column = QVBoxLayout(self)
        column.setContentsMargins(16, 12, 16, 12)
        column.setSpacing(6)
        words = _short(step.text) or "(no step written)"
        self.text = text_label(words, "thoughttext")
        column.addWidget(self.text)
        planned = step.waits_until or today
        when = ("Planned for today" if planned == today
                else f"Planned for {short_date(planned, today=today)}")
        if step.snoozed_until is not None:
            when = f"Snoozed until {short_date(step.snoozed_until, today=today)}"
        thought = _short(due.thought, 90)
        self.when = text_label(when + (f" · from “{thought}”" if thought else ""), "muted")
        column.addWidget(self.when)

        self.did_button = QPushButton("Did it")
        self.did_button.setProperty("role", "primary")
        self.not_yet_button = QPushButton("Not yet")
        self.snooze_button = QPushButton("Snooze…")
        self.skip_button = QPushButton("Skip")
        about = f"the small step “{_short(step.text, 60)}”"
        for button, name, tip in (
                (self.did_button, "Did it", "Say how it went (the follow-up)"),
                (self.not_yet_button, "Not yet", "It waits again tomorrow"),
                (self.snooze_button, "Snooze to a date", "Choose the day it waits again"),
                (self.skip_button, "Skip", "Set it aside without a follow-up")):
            button.setAccessibleName(f"{name}: {about}")
            button.setToolTip(tip)
        self.buttons = ButtonRow([self.did_button, self.not_yet_button, self.snooze_button,
                                  self.skip_button])
        column.addWidget(self.buttons)

        self._about = about
        self._snooze: SnoozeBox | None = None   # built when first opened

        self.did_button.clicked.connect(lambda: self.did_it.emit(step.id))
        self.not_yet_button.clicked.connect(lambda: self.not_yet.emit(step.id))
        self.skip_button.clicked.connect(lambda: self.skipped.emit(step.id))
        self.snooze_button.clicked.connect(self.open_snooze)
        self.setAccessibleName(f"Small step: {words}")
        self.setAccessibleDescription(when)

    @property
    def snooze_box(self) -> SnoozeBox:
        """The date field and its buttons, built the first time Snooze is chosen:
        most rows are never snoozed, and the Today page is on screen sooner without
        them (a date field is the row's dearest part)."""
        if self._snooze is None:
            self._snooze = SnoozeBox(self._about, self._today, self)
            self._snooze.hide()
            self._snooze.confirm.clicked.connect(self._confirm_snooze)
            self._snooze.cancel.clicked.connect(self.close_snooze)
            self._snooze.escape.activated.connect(self.close_snooze)
            self._column.addWidget(self._snooze)
        return self._snooze

    @property
    def snooze_date(self) -> QDateTimeEdit:
        return self.snooze_box.date

    def open_snooze(self) -> None:
        self.snooze_box.show()
        self.snooze_date.setFocus(Qt.FocusReason.TabFocusReason)

    def close_snooze(self) -> None:
        if self._snooze is not None:
            self._snooze.hide()
        self.snooze_button.setFocus(Qt.FocusReason.OtherFocusReason)

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in the date field (which passes it on) confirms the snooze."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and self._snooze is not None and self._snooze.isVisible():
            self._confirm_snooze()
            return
        super().keyPressEvent(event)

    def chosen_snooze(self) -> date:
        picked = self.snooze_date.date()
        return date(picked.year(), picked.month(), picked.day())

    def _confirm_snooze(self) -> None:
        self.snoozed.emit(self.due.step.id, self.chosen_snooze())


class SnoozeBox(QWidget):
    """"Wait until [date] [Snooze until then] [Cancel]" inside a step's row; Esc
    closes it (`escape`)."""

    def __init__(self, about: str, today: date, parent: QWidget) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 4, 0, 0)
        row.setSpacing(8)
        row.addWidget(text_label("Wait until", None, wrap=False))
        self.date = use_calendar(QDateEdit())
        self.date.setDisplayFormat("d MMM yyyy")
        self.date.setAccessibleName(f"Snooze {about} until")
        tomorrow = today + timedelta(days=1)
        self.date.setDateRange(_qdate(tomorrow), _qdate(latest_new_date(today)))
        self.date.setDate(_qdate(today + SNOOZE_DEFAULT))
        row.addWidget(self.date)
        self.confirm = QPushButton("Snooze until then")
        self.confirm.setAccessibleName("Snooze until then, the chosen day")
        self.cancel = QPushButton("Cancel")
        self.cancel.setAccessibleName("Cancel snoozing")
        row.addWidget(self.confirm)
        row.addWidget(self.cancel)
        row.addStretch(1)
        self.escape = QShortcut(QKeySequence("Esc"), self)
        self.escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def describe_snooze(day: date, today: date) -> str:
    return ("It will wait again tomorrow." if day == today + timedelta(days=1)
            else f"It will wait again on {long_date(day)}.")
