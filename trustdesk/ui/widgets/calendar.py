"""The month calendar that date fields drop down, in the app's look.

Qt's own shows Saturday and Sunday in red, as if weekends were an alarm, and its
popup is sized from a hint that leaves the last week half cut off once the app's
stylesheet pads its buttons. `Calendar` draws every weekday in the text colour,
starts weeks on Monday (the app's dates are day-month-year), drops the week-number
column, and asks for room for all seven rows (the day names and six weeks) at the
current font. Its colours come from app.qss (#Calendar), so both themes apply."""

from __future__ import annotations

from typing import override

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import (
    QAbstractButton,
    QCalendarWidget,
    QDateTimeEdit,
    QLineEdit,
    QTableView,
    QWidget,
)

ROWS = 7          # the day names and six weeks
ROW_PADDING = 10  # pixels above and below a row's text together
NAV_PADDING = 16
PART_NAMES = {"qt_calendar_prevmonth": "Previous month", "qt_calendar_nextmonth": "Next month",
              "qt_tableview_cornerbutton": "Whole month"}


class Calendar(QCalendarWidget):
    """A date field's drop-down month (see the module's docstring)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Calendar")
        self.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setHorizontalHeaderFormat(QCalendarWidget.HorizontalHeaderFormat.ShortDayNames)
        self.setGridVisible(False)
        plain = QTextCharFormat()   # merges nothing: the palette's text colour stays
        for day in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
            self.setWeekdayTextFormat(day, plain)
        self._name_parts()

    def _name_parts(self) -> None:
        """Qt leaves some of the calendar's own controls without a name a screen
        reader could say (the year field, the table's corner button)."""
        for button in self.findChildren(QAbstractButton):
            if not button.accessibleName() and not button.text().strip():
                button.setAccessibleName(PART_NAMES.get(button.objectName(), "Calendar"))
        for line in self.findChildren(QLineEdit):
            if not line.accessibleName():
                line.setAccessibleName("Year")

    def row_height(self) -> int:
        """The least height that shows a row's text whole."""
        return self.fontMetrics().height() + ROW_PADDING

    @override
    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        cell = max(metrics.horizontalAdvance(text) for text in ("Wed", "Thu", "30")) + 16
        navigation = self.findChild(QWidget, "qt_calendar_navigationbar")
        nav_height = navigation.sizeHint().height() if navigation is not None else 0
        nav_height = max(nav_height, metrics.height() + NAV_PADDING)
        view = self.findChild(QTableView)
        frame = 2 * view.frameWidth() if view is not None else 0
        return QSize(max(7 * cell, 300) + frame,
                     nav_height + ROWS * self.row_height() + frame)

    @override
    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


class _OnFirstUse(QObject):
    """Gives its date field a Calendar just before the first press that could open
    the popup (a click, or F4 / Alt+Down), then steps aside. A calendar costs 2 to
    10 ms to build, and most date fields are never dropped down."""

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress) \
                and isinstance(watched, QDateTimeEdit):
            watched.removeEventFilter(self)
            watched.setCalendarWidget(Calendar())
            self.deleteLater()
        return False


def use_calendar(edit: QDateTimeEdit) -> QDateTimeEdit:
    """Give a date or date-and-time field the app's drop-down calendar (built when
    it is first needed)."""
    edit.setCalendarPopup(True)
    edit.installEventFilter(_OnFirstUse(edit))
    return edit
