"""A year in pixels: every day of one year as a small square, one row per month,
coloured by the band of the chosen scale (mood, trust in others, trust in myself)
on the days it was rated, outlined on days written without a rating. Like the
other charts it has a plain sentence above it and its numbers as a table
(`domain.calendar.year_rows`) on request; each square's tooltip says the day in
words. The year is read with one query (`load_year(first, last)`). UI thread only.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import override

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QHelpEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from trustdesk.domain.calendar import (
    SCALE_NAMES,
    SCALES,
    YEAR_COLUMNS,
    DayMark,
    band,
    by_day,
    day_words,
    year_counts,
    year_rows,
    year_sentence,
)
from trustdesk.ui import theme
from trustdesk.ui.journal.month_view import legend_swatches
from trustdesk.ui.widgets.labels import text_label

LoadDays = Callable[[date, date], list[DayMark]]
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
          "Dec")
TITLE = "A year in pixels"


class YearGrid(QWidget):
    """The painted year: 12 rows of up to 31 squares, month names at the left."""

    def __init__(self, year: int) -> None:
        super().__init__()
        self.setObjectName("YearGrid")
        self.setAccessibleName(TITLE)
        self.year = year
        self.scale = "mood"
        self.marks: dict[date, DayMark] = {}
        self.setMouseTracking(True)
        self._fit_height()
        theme.notifier.changed.connect(self._fit_height)

    def show_year(self, year: int, scale: str, marks: dict[date, DayMark]) -> None:
        self.year, self.scale, self.marks = year, scale, marks
        self.update()

    def _fit_height(self, *_args: object) -> None:
        """Tall enough for all twelve months at the current text size."""
        self.setMinimumHeight(self._top() + 12 * (self._cell() + 6) + 4)
        self.update()

    @override
    def sizeHint(self) -> QSize:
        return QSize(self._left() + 31 * (self._cell() + 6), self.minimumHeight())

    def _cell(self) -> int:
        return max(12, self.fontMetrics().height())

    def _left(self) -> int:
        return max(self.fontMetrics().horizontalAdvance(m) for m in MONTHS) + 10

    def _top(self) -> int:
        return self.fontMetrics().height() + 4

    def _geometry(self) -> tuple[int, int, int]:
        """(left edge, top edge, cell size) fitting 31 squares in the width."""
        left, top = self._left(), self._top()
        cell = max(6, min(self._cell() + 6, (self.width() - left - 2) // 31))
        return left, top, cell

    def day_at(self, point: QPoint) -> date | None:
        left, top, cell = self._geometry()
        column, row = (point.x() - left) // cell, (point.y() - top) // cell
        if not (0 <= column < 31 and 0 <= row < 12):
            return None
        try:
            return date(self.year, row + 1, column + 1)
        except ValueError:
            return None

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        tokens = theme.colors()
        fills = {name: tokens[f"mood_{name}"] for name in ("low", "middle", "high")}
        left, top, cell = self._geometry()
        painter = QPainter(self)
        painter.setPen(tokens["muted"])
        for tick in (1, 10, 20, 31):
            painter.drawText(QRect(left + (tick - 1) * cell, 0, cell * 2, top),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, str(tick))
        for row, name in enumerate(MONTHS):
            painter.setPen(tokens["muted"])
            painter.drawText(QRect(0, top + row * cell, left - 6, cell),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, name)
            for column in range(31):
                try:
                    day = date(self.year, row + 1, column + 1)
                except ValueError:
                    break
                square = QRect(left + column * cell + 1, top + row * cell + 1,
                               cell - 2, cell - 2)
                mark = self.marks.get(day)
                value = mark.rating(self.scale) if mark is not None else None
                if value is not None:
                    painter.fillRect(square, fills[band(value) or "middle"])
                elif mark is not None:
                    painter.setPen(tokens["accent"])
                    painter.drawRect(square.adjusted(0, 0, -1, -1))
                else:
                    painter.fillRect(square, tokens["chart_grid"])
        painter.end()

    @override
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            day = self.day_at(event.pos())
            if day is not None:
                QToolTip.showText(event.globalPos(), day_words(day, self.marks.get(day)), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)


class YearCard(QFrame):
    """Title, the scale and year choices, the sentence, the grid (or the table) and
    the legend. `load()` reads the year shown; `clear()` forgets it."""

    table_toggled = Signal(bool)

    def __init__(self, load_days: LoadDays, today: Callable[[], date]) -> None:
        super().__init__()
        self.setProperty("role", "card")
        self.setObjectName("ChartCard_year")
        self._load_days = load_days
        self._today = today
        self.year = today().year
        self.marks: dict[date, DayMark] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 18)
        layout.setSpacing(8)
        self.title = text_label(TITLE, "heading")
        self.scale = QComboBox()
        self.scale.setAccessibleName("Scale shown")
        for key in SCALES:
            self.scale.addItem(SCALE_NAMES[key], key)
        self.previous = QPushButton("‹")
        self.previous.setAccessibleName("Previous year")
        self.previous.setToolTip("Previous year")
        self.year_label = QLabel()
        self.year_label.setObjectName("YearLabel")
        self.next = QPushButton("›")
        self.next.setAccessibleName("Next year")
        self.next.setToolTip("Next year")
        for button in (self.previous, self.next):
            button.setFixedWidth(button.sizeHint().height() + 8)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.scale)
        head.addWidget(self.previous)
        head.addWidget(self.year_label)
        head.addWidget(self.next)
        layout.addLayout(head)
        self.reading = text_label("", "reading", selectable=True)
        self.reading.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.reading.setAccessibleDescription(f"{TITLE}: in words")
        layout.addWidget(self.reading)
        self.grid = YearGrid(self.year)
        layout.addWidget(self.grid)
        self.table = QTableWidget(0, len(YEAR_COLUMNS))
        self.table.setHorizontalHeaderLabels(list(YEAR_COLUMNS))
        self.table.setAccessibleName(f"{TITLE}: the numbers")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.hide()
        layout.addWidget(self.table)
        self.legend = QLabel()
        self.legend.setProperty("role", "muted")
        self.legend.setWordWrap(True)
        layout.addWidget(self.legend)
        self.toggle = QPushButton("Show as table")
        self.toggle.setCheckable(True)
        self.toggle.setAccessibleName(f"Show as table: {TITLE}")
        below = QHBoxLayout()
        below.addWidget(self.toggle)
        below.addStretch(1)
        layout.addLayout(below)
        self.scale.currentIndexChanged.connect(self._redraw)
        self.previous.clicked.connect(lambda: self.show_year(self.year - 1))
        self.next.clicked.connect(lambda: self.show_year(self.year + 1))
        self.toggle.toggled.connect(self._show_table)
        theme.notifier.changed.connect(self._redraw_legend)

    def current_scale(self) -> str:
        return str(self.scale.currentData())

    def load(self) -> None:
        self.show_year(self.year)

    def show_year(self, year: int) -> None:
        """Read `year` (one query) and show it."""
        if not 1 <= year <= 9999:
            return
        self.year = year
        self.marks = by_day(self._load_days(date(year, 1, 1), date(year, 12, 31)))
        self.next.setEnabled(year < self._today().year)
        self._redraw()

    def _redraw(self) -> None:
        scale = self.current_scale()
        marks = list(self.marks.values())
        self.year_label.setText(str(self.year))
        self.reading.setText(year_sentence(year_counts(self.year, scale, marks)))
        self.grid.show_year(self.year, scale, self.marks)
        self.grid.setAccessibleDescription(self.reading.text())
        if not self.table.isHidden():
            self._fill_table()
        self._redraw_legend()

    def _redraw_legend(self, *_args: object) -> None:
        name = SCALE_NAMES[self.current_scale()]
        self.legend.setText(f"{name}: {legend_swatches()}. An outline: written, not "
                            "rated. Point at a day, or show the table, for the numbers.")

    def _fill_table(self) -> None:
        rows = year_rows(self.year, self.current_scale(), list(self.marks.values()))
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                if c > 0:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        height = (self.table.horizontalHeader().sizeHint().height()
                  + sum(self.table.rowHeight(r) for r in range(len(rows))) + 4)
        self.table.setFixedHeight(height)

    def _show_table(self, shown: bool) -> None:
        self.toggle.setText("Show as chart" if shown else "Show as table")
        self.toggle.setAccessibleName(f"{self.toggle.text()}: {TITLE}")
        self.grid.setVisible(not shown)
        self.table.setVisible(shown)
        if shown:
            self._fill_table()
            if self.toggle.hasFocus():
                self.table.setFocus()
        self.table_toggled.emit(shown)

    def clear(self) -> None:
        self.toggle.setChecked(False)
        self.marks = {}
        self.table.setRowCount(0)
        self.reading.setText("")
        self.grid.show_year(self.year, self.current_scale(), {})
