"""The Journal's month calendar: days with entries marked, coloured by the day's
mood when it was rated, with the mood's number written in the corner (the colour is
never the only signal) and a legend below.

`MonthModel` is a 6 x 7 table of days (Monday first) filled by `load_month(first,
last)`, one storage query per month. `MonthView` moves by day with the arrows, by
month with PageUp/PageDown, and emits `day_chosen(date)` on Enter, a click or a
double click. UI thread only; it holds what a month's days contain, so
`clear()` forgets it on lock.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any, override

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from trustdesk.domain.calendar import (
    BAND_WORDS,
    BANDS,
    WEEKS,
    DayMark,
    add_months,
    band,
    by_day,
    day_words,
    grid_position,
    grid_start,
    month_bounds,
    shown_rating,
)
from trustdesk.ui import theme

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
DATE_ROLE = Qt.ItemDataRole.UserRole + 1
MARK_ROLE = Qt.ItemDataRole.UserRole + 2
DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
DAY_NAMES_LONG = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                  "Sunday")
LoadMonth = Callable[[date, date], list[DayMark]]


class MonthModel(QAbstractTableModel):
    """Six weeks of one month. Days outside the month are blank and can't be chosen."""

    def __init__(self, load_month: LoadMonth, shown: date) -> None:
        super().__init__()
        self._load = load_month
        self._year, self._month = shown.year, shown.month
        self._marks: dict[date, DayMark] = {}

    @property
    def month(self) -> tuple[int, int]:
        return self._year, self._month

    def show_month(self, year: int, month: int) -> None:
        """Show `month` of `year`, reading its days (one query)."""
        first, last = month_bounds(year, month)
        marks = by_day(self._load(first, last))
        self.beginResetModel()
        self._year, self._month, self._marks = year, month, marks
        self.endResetModel()

    def reload(self) -> None:
        self.show_month(self._year, self._month)

    def clear(self) -> None:
        self.beginResetModel()
        self._marks = {}
        self.endResetModel()

    def mark(self, day: date) -> DayMark | None:
        return self._marks.get(day)

    def day_at(self, row: int, column: int) -> date | None:
        day = grid_start(self._year, self._month) + timedelta(days=row * 7 + column)
        return day if day.month == self._month else None

    def index_of(self, day: date) -> QModelIndex:
        if (day.year, day.month) != (self._year, self._month):
            return QModelIndex()
        row, column = grid_position(day)
        return self.index(row, column)

    @override
    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else WEEKS

    @override
    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else 7

    @override
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        day = self.day_at(index.row(), index.column())
        if day is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return str(day.day)
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return day_words(day, self._marks.get(day))
        if role == DATE_ROLE:
            return day
        if role == MARK_ROLE:
            return self._marks.get(day)
        return None

    @override
    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < 7:
            if role == Qt.ItemDataRole.DisplayRole:
                return DAY_NAMES[section]
            if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
                return DAY_NAMES_LONG[section]
        if orientation == Qt.Orientation.Vertical and 0 <= section < WEEKS \
                and role == Qt.ItemDataRole.DisplayRole:
            return f"Week {section + 1}"
        return None

    @override
    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid() or self.day_at(index.row(), index.column()) is None:
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def band_colors() -> dict[str, QColor]:
    tokens = theme.colors()
    return {name: tokens[f"mood_{name}"] for name, _low, _high in BANDS}


class DayDelegate(QStyledItemDelegate):
    """Paints a day: its number; a dot when something was written; when mood was
    rated, the band's colour behind and the mood's number in the corner."""

    @override
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        day = index.data(DATE_ROLE)
        if day is None:
            return
        tokens = theme.colors()
        mark: DayMark | None = index.data(MARK_ROLE)
        rect = option.rect.adjusted(2, 2, -2, -2)
        state = option.state
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        mood = mark.mood if mark is not None else None
        fill = band_colors()[band(mood) or ""] if mood is not None else None
        if fill is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(rect, 6, 6)
        if state & QStyle.StateFlag.State_Selected:
            pen = painter.pen()
            pen.setColor(tokens["accent"])
            pen.setWidth(2)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 6, 6)
        font = QFont(option.font)
        if mark is not None:
            font.setBold(True)
        painter.setFont(font)
        painter.setPen(tokens["text"] if mark is not None else tokens["muted"])
        inner = rect.adjusted(5, 3, -5, -3)
        painter.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                         str(day.day))
        if mark is not None:
            small = QFont(option.font)
            small.setPointSizeF(max(6.0, small.pointSizeF() * 0.8))
            painter.setFont(small)
            painter.setPen(tokens["text"])
            if mood is not None:
                painter.drawText(inner, Qt.AlignmentFlag.AlignRight
                                 | Qt.AlignmentFlag.AlignBottom, str(shown_rating(mood)))
            else:
                size = max(5, rect.height() // 7)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(tokens["accent"])
                painter.drawEllipse(QRect(inner.right() - size, inner.bottom() - size,
                                          size, size))
        painter.restore()

    @override
    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        metrics = option.fontMetrics
        side = max(metrics.height() * 2 + 6, metrics.horizontalAdvance("Wed") + 14)
        return QSize(side, side)


class MonthView(QTableView):
    """The grid of days. Arrows move a day (across months too), PageUp/PageDown a
    month, Home/End to the month's first/last day; Enter or a click chooses."""

    day_chosen = Signal(object)     # date
    month_changed = Signal(int, int)

    def __init__(self, model: MonthModel) -> None:
        super().__init__()
        self.setObjectName("MonthView")
        self.setAccessibleName("Calendar")
        self.setModel(model)
        self._model = model
        self.setItemDelegate(DayDelegate(self))
        self.setShowGrid(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.verticalHeader().hide()
        self.setTabKeyNavigation(False)    # Tab leaves the calendar; arrows move in it
        self.setCornerButtonEnabled(False)
        for corner in self.findChildren(QAbstractButton):
            corner.setAccessibleName("Table corner")
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self._day = date(*model.month, 1)
        self.clicked.connect(self._clicked)

    def current_day(self) -> date:
        return self._day

    def go_to(self, day: date) -> None:
        """Show `day`'s month (reading it when it changes) and put the cursor on it."""
        if (day.year, day.month) != self._model.month:
            self._model.show_month(day.year, day.month)
            self.month_changed.emit(day.year, day.month)
        self._day = day
        index = self._model.index_of(day)
        self.setCurrentIndex(index)
        self.scrollTo(index)

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        steps = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -7,
                 Qt.Key.Key_Down: 7}
        try:
            if key in steps:
                self.go_to(self._day + timedelta(days=steps[key]))  # type: ignore[index]
            elif key == Qt.Key.Key_PageUp:
                self.go_to(add_months(self._day, -1))
            elif key == Qt.Key.Key_PageDown:
                self.go_to(add_months(self._day, 1))
            elif key == Qt.Key.Key_Home:
                self.go_to(self._day.replace(day=1))
            elif key == Qt.Key.Key_End:
                self.go_to(month_bounds(self._day.year, self._day.month)[1])
            elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
                self.day_chosen.emit(self._day)
            else:
                super().keyPressEvent(event)
                return
        except (ValueError, OverflowError):   # the ends of the calendar
            pass
        event.accept()

    def _clicked(self, index: QModelIndex) -> None:
        day = index.data(DATE_ROLE)
        if day is not None:
            self._day = day
            self.day_chosen.emit(day)


class MonthPanel(QWidget):
    """The month's name with previous/next buttons, the grid, and the legend."""

    def __init__(self, load_month: LoadMonth, today: Callable[[], date]) -> None:
        super().__init__()
        self.setObjectName("MonthPanel")
        self._today = today
        self.model = MonthModel(load_month, today())
        self.view = MonthView(self.model)
        self.title = QLabel()
        self.title.setObjectName("MonthTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.previous = QToolButton()
        self.previous.setText("‹")
        self.previous.setAccessibleName("Previous month")
        self.previous.setToolTip("Previous month (Page Up)")
        self.next = QToolButton()
        self.next.setText("›")
        self.next.setAccessibleName("Next month")
        self.next.setToolTip("Next month (Page Down)")
        for button in (self.previous, self.next):
            button.setAutoRaise(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # PageUp/PageDown do this
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.previous)
        top.addWidget(self.title, 1)
        top.addWidget(self.next)
        self.legend = QLabel(legend_text())
        self.legend.setObjectName("MonthLegend")
        self.legend.setProperty("role", "muted")
        self.legend.setWordWrap(True)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addLayout(top)
        column.addWidget(self.view)
        column.addWidget(self.legend)
        self.previous.clicked.connect(lambda: self._step(-1))
        self.next.clicked.connect(lambda: self._step(1))
        self.view.month_changed.connect(self._show_title)
        theme.notifier.changed.connect(self._repaint_legend)
        self.view.setAccessibleDescription(
            "Arrows move by day, Page Up and Page Down by month, Enter shows that "
            "day's entries")
        self._show_title(*self.model.month)

    def load(self) -> None:
        """Read the month shown (or today's, the first time) and focus today."""
        day = self._today()
        self.model.show_month(day.year, day.month)
        self._show_title(day.year, day.month)
        self.view.go_to(day)

    def refresh(self) -> None:
        self.model.reload()
        self.view.go_to(self.view.current_day())

    def clear(self) -> None:
        self.model.clear()

    def _step(self, months: int) -> None:
        try:
            self.view.go_to(add_months(self.view.current_day(), months))
        except ValueError:
            return

    def _show_title(self, year: int, month: int) -> None:
        text = date(year, month, 1).strftime("%B %Y")
        self.title.setText(text)
        self.view.setAccessibleName(f"Calendar, {text}")

    def _repaint_legend(self, *_args: object) -> None:
        self.legend.setText(legend_text())
        self.view.viewport().update()


def legend_swatches() -> str:
    """Rich text: a swatch per band in the palette's current colour, named with its
    numbers ('low 0–3'), so the colour is never the only signal."""
    colors = band_colors()
    return " ".join(
        f"<span style='background:{colors[name].name()}'>&nbsp;&nbsp;&nbsp;</span>"
        f"&nbsp;{name} {BAND_WORDS[name]}" for name, _low, _high in BANDS)


def legend_text() -> str:
    """The month's legend: the bands, and what a dot means."""
    return (f"Mood (the number in a day's corner): {legend_swatches()}. "
            "A dot: written, mood not rated.")
