"""What every step of the guided worksheet shares."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QDateEdit, QLineEdit, QVBoxLayout, QWidget

from trustdesk.domain import clock
from trustdesk.domain.clock import Today
from trustdesk.domain.dates import SHORT_DATE_PATTERN
from trustdesk.domain.worksheet import Worksheet
from trustdesk.domain.worksheet_texts import StepText, WorksheetTexts
from trustdesk.ui.widgets.calendar import use_calendar
from trustdesk.ui.widgets.labels import text_label
from trustdesk.ui.worksheets.common import Field


class StepView(QWidget):
    """One step's widgets. The form calls `load` (quietly, no `changed`), `prepare`
    before showing it (to reflect other steps), and `collect` to build the sheet.
    `changed` fires for the person's edits only."""

    changed = Signal()
    # `today` is the page's clock: every date a step offers counts from it.

    def __init__(self, key: str, texts: WorksheetTexts, today: Today = clock.today) -> None:
        super().__init__()
        self.key = key
        self.today = today
        self.texts = texts
        self.text: StepText = texts.step(key)
        self.title = self.text.title
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(22)
        self.intro = text_label(self.text.intro, "intro")
        self.column.addWidget(self.intro)

    def field(self, name: str, widget: QWidget | None = None) -> Field:
        """A labelled field with the step's label and hint for `name`, added in order."""
        made = Field(self.text.field(name), self.text.field(f"{name}_hint"), widget)
        self.column.addWidget(made)
        return made

    def finish(self) -> None:
        self.column.addStretch(1)

    def load(self, sheet: Worksheet) -> None:
        raise NotImplementedError

    def prepare(self, sheet: Worksheet) -> None:
        """Reflect the rest of the sheet (its fear, verdict, first ratings)."""

    def collect(self) -> dict[str, Any]:
        raise NotImplementedError

    def clear(self) -> None:
        raise NotImplementedError

    def show_missing(self, missing: list[str]) -> None:
        """Point out missing required parts that live on this step."""

    def focus_first(self) -> None:
        self.focusNextChild()


def date_edit(name: str) -> QDateEdit:
    edit = QDateEdit()
    use_calendar(edit)
    edit.setDisplayFormat(SHORT_DATE_PATTERN)
    edit.setAccessibleName(name)
    line = edit.findChild(QLineEdit)
    if line is not None:
        line.setAccessibleName(name)
    edit.setMinimumDate(QDate(1900, 1, 1))
    edit.setMinimumWidth(260)
    return edit


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())
