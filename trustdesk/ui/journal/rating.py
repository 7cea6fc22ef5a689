"""The check-in: three optional 0 to 10 ratings, where "not rated" is not 0.

`RatingBar` is one focusable control (not eleven buttons, so Tab moves between
ratings, not numbers): click a number to choose it and click it again to clear;
arrows, Home/End and digits choose, Delete or Backspace clears. UI thread only.

To assistive tools it is a slider (Qt's own accessible slider): minimum 0, maximum
10, the current value, and a value they can set, which counts as the person's
choice. Its description says the value in words, or "Not rated"; while not rated
the slider's value rests in the middle, as the worksheet's ratings do.
"""

from __future__ import annotations

from typing import override

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractSlider,
    QGridLayout,
    QLabel,
    QLayout,
    QSizePolicy,
    QSlider,
    QWidget,
)

from trustdesk.domain.journal import RATING_MAX, RATING_MIN, CheckIn
from trustdesk.ui import theme

NOT_RATED = "Not rated"
CELLS = RATING_MAX - RATING_MIN + 1
GAP = 4


def describe(value: int | None) -> str:
    return NOT_RATED if value is None else f"{value} of {RATING_MAX}"


# What the ends of each check-in scale mean, shown under the ratings and read with
# each scale's value (a 0 to 10 scale says nothing by itself about which end is good).
MOOD_ENDS = "0 = very low, 10 = very good"
TRUST_ENDS = "0 = not at all, 10 = completely"
ENDS = {"mood": MOOD_ENDS, "trust_others": TRUST_ENDS, "trust_self": TRUST_ENDS}
ENDS_HINT = f"Mood: {MOOD_ENDS}.\nTrust: {TRUST_ENDS}."


MIDDLE = (RATING_MIN + RATING_MAX) // 2


class RatingBar(QSlider):
    """A 0..10 scale with no value until one is chosen. Emits `value_changed(value)`
    with an int or None, only for changes the person makes (also through assistive
    tools). Painted here; QSlider only holds the number and speaks for it."""

    value_changed = Signal(object)

    def __init__(self, name: str, ends: str = "") -> None:
        super().__init__(Qt.Orientation.Horizontal)
        self._ends = ends
        self._value: int | None = None
        self._hover: int | None = None
        self._quiet = False
        self.setRange(RATING_MIN, RATING_MAX)
        self.setSingleStep(1)
        self.setPageStep(1)
        # Without tracking, the slider's position can differ from its value: while
        # not rated they differ, so a tool setting the resting value still counts.
        self.setTracking(False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAccessibleName(name)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setToolTip(f"{name}: {ends or '0 is very low, 10 is very high'}. Click a "
                        "number again (or press Delete) to leave it unrated.")
        self.set_rating(None)

    # -- value -----------------------------------------------------------------
    def rating(self) -> int | None:
        """The chosen rating, or None while not rated (QSlider's `value()` is only
        where the slider rests, for assistive tools)."""
        return self._value

    def set_rating(self, value: int | None) -> None:
        """Show `value` without announcing it as the person's change."""
        self._value = value
        self._quiet = True
        try:
            self.setValue(MIDDLE if value is None else value)
            self.setSliderPosition(RATING_MIN if value is None else value)
        finally:
            self._quiet = False
        self._describe()
        self.update()

    @override
    def sliderChange(self, change: QAbstractSlider.SliderChange) -> None:
        """The slider's value was set from outside (assistive tools): the person's
        choice. Qt calls this also when the resting value is set again while not
        rated (the position differs then), where `valueChanged` stays silent."""
        super().sliderChange(change)
        if change == QAbstractSlider.SliderChange.SliderValueChange and not self._quiet:
            self._choose(QSlider.value(self))

    def _choose(self, value: int | None) -> None:
        if value != self._value:
            self.set_rating(value)
            self.value_changed.emit(value)
        elif value is not None:
            self.set_rating(value)   # the slider's position back in step

    def _describe(self) -> None:
        words = describe(self._value)
        self.setAccessibleDescription(f"{words}. {self._ends}" if self._ends else words)

    @override
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        event.accept()   # choosing happens on press; QSlider's own drag is not used

    @override
    def wheelEvent(self, event) -> None:
        event.ignore()   # the page scrolls; a rating changes only on purpose

    # -- geometry ----------------------------------------------------------------
    def _gap(self) -> int:
        """Narrow bars (large text, small windows) close the gaps before the digits."""
        return GAP if self.width() >= self.sizeHint().width() * 0.85 else 1

    def _cell_width(self) -> float:
        return (self.width() - self._gap() * (CELLS - 1)) / CELLS

    def _cell_rect(self, index: int) -> QRectF:
        width = self._cell_width()
        return QRectF(index * (width + self._gap()), 1, width, self.height() - 2)

    def _cell_at(self, x: float) -> int | None:
        width = self._cell_width()
        index = int(x // (width + self._gap()))
        return index if 0 <= index < CELLS else None

    @override
    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        cell = max(26, metrics.horizontalAdvance("10") + 14)
        return QSize(cell * CELLS + GAP * (CELLS - 1), metrics.height() + 12)

    @override
    def minimumSizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        cell = metrics.horizontalAdvance("10") + 3
        return QSize(cell * CELLS + (CELLS - 1), metrics.height() + 8)

    # -- painting ----------------------------------------------------------------
    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        colors = theme.colors()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for index in range(CELLS):
            value = RATING_MIN + index
            rect = self._cell_rect(index)
            chosen = value == self._value
            below = self._value is not None and value < self._value
            fill = colors["accent"] if chosen else (
                colors["accent_soft"] if below or index == self._hover else colors["surface"])
            painter.setPen(QPen(colors["accent"] if chosen else colors["border"], 1))
            painter.setBrush(fill)
            painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 5, 5)
            painter.setPen(colors["accent_text"] if chosen else colors["text"])
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(value))
        if self.hasFocus():
            painter.setPen(QPen(colors["accent"], 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 6, 6)
        painter.end()

    # -- input -------------------------------------------------------------------
    @override
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        index = self._cell_at(event.position().x())
        if index is not None:
            value = RATING_MIN + index
            self._choose(None if value == self._value else value)
        self.setFocus(Qt.FocusReason.MouseFocusReason)

    @override
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        hover = self._cell_at(event.position().x())
        if hover != self._hover:
            self._hover = hover
            self.update()

    @override
    def leaveEvent(self, event) -> None:
        self._hover = None
        self.update()
        super().leaveEvent(event)

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, current = event.key(), self._value
        middle = MIDDLE
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Down):
            self._choose(middle if current is None else max(RATING_MIN, current - 1))
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Up):
            self._choose(middle if current is None else min(RATING_MAX, current + 1))
        elif key == Qt.Key.Key_Home:
            self._choose(RATING_MIN)
        elif key == Qt.Key.Key_End:
            self._choose(RATING_MAX)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self._choose(None)
        elif Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
            self._choose(int(key) - int(Qt.Key.Key_0))
        else:
            event.ignore()   # Tab, shortcuts: not QSlider's paging



class CheckInPanel(QWidget):
    """Mood, trust in others, trust in myself. Emits `changed` on the person's edits.

    Each row is a label, its control and (for ratings) the value in words. Where
    that doesn't fit (a small window, large text), the labels go above their
    controls instead of squeezing the numbers."""

    changed = Signal()
    ROWS = (("mood", "Mood"), ("trust_others", "Trust in others"),
            ("trust_self", "Trust in myself"))

    def __init__(self, *, show_ends: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        # The panel's own minimum is the stacked one (see minimumSizeHint), so a
        # narrow editor can hand it less than side by side needs and it restacks.
        grid.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self._grid = grid
        self._rows: list[tuple[QLabel, QWidget, QLabel | None]] = []
        self._stacked: bool | None = None
        self.bars: dict[str, RatingBar] = {}
        self._values: dict[str, QLabel] = {}
        for key, name in self.ROWS:
            bar = RatingBar(name, ENDS[key])
            shown = QLabel(NOT_RATED)
            shown.setProperty("role", "muted")
            bar.value_changed.connect(lambda value, k=key: self._on_changed(k, value))
            self.bars[key] = bar
            self._values[key] = shown
            self._add(name, bar, shown)
        self.ends_hint = QLabel(ENDS_HINT, self)
        self.ends_hint.setProperty("role", "muted")
        self.ends_hint.setWordWrap(True)
        if not show_ends:
            self.ends_hint.hide()
        self._fit_value_labels()
        self._arrange(stacked=False)

    def add_row(self, name: str, widget: QWidget) -> None:
        """Another labelled row aligned with the ratings (the editor puts tags here)."""
        self._add(name, widget, None)
        self._arrange(stacked=bool(self._stacked), again=True)

    def _add(self, name: str, widget: QWidget, shown: QLabel | None) -> None:
        label = QLabel(name)
        label.setBuddy(widget)
        self._rows.append((label, widget, shown))

    def is_stacked(self) -> bool:
        """True while the labels sit above their controls."""
        return bool(self._stacked)

    def _fit_value_labels(self) -> None:
        """Room for the longest value in words, at the current text size."""
        for shown in self._values.values():
            shown.setMinimumWidth(shown.fontMetrics().horizontalAdvance(NOT_RATED) + 8)

    def _widths(self) -> tuple[int, int, int]:
        """The widest label, rating control (at its minimum) and value in words."""
        label = max(row[0].sizeHint().width() for row in self._rows)
        control = max(bar.minimumSizeHint().width() for bar in self.bars.values())
        value = max(shown.minimumWidth() for shown in self._values.values())
        return label, control, value

    def _restack(self, width: int) -> None:
        """Side by side if `width` holds label, control and value; else stacked."""
        label, control, value = self._widths()
        spacing = self._grid.horizontalSpacing()
        self._arrange(stacked=width < label + control + value + 2 * spacing)

    def _arrange(self, *, stacked: bool, again: bool = False) -> None:
        if stacked == self._stacked and not again:
            return
        self._stacked = stacked
        grid = self._grid
        for label, widget, shown in self._rows:
            for item in (label, widget, shown):
                if item is not None:
                    grid.removeWidget(item)
        grid.removeWidget(self.ends_hint)
        line = 0
        for row, (label, widget, shown) in enumerate(self._rows):
            if stacked:                       # label and value above the control
                grid.addWidget(label, line, 0, 1, 1 if shown else 2)
                if shown is not None:
                    grid.addWidget(shown, line, 1, Qt.AlignmentFlag.AlignRight)
                grid.addWidget(widget, line + 1, 0, 1, 2)
                line += 2
            else:
                grid.addWidget(label, line, 0)
                grid.addWidget(widget, line, 1, 1, 1 if shown else 2)
                if shown is not None:
                    grid.addWidget(shown, line, 2)
                line += 1
            if row == len(self.ROWS) - 1:     # what the ends mean, under the ratings
                if stacked:
                    grid.addWidget(self.ends_hint, line, 0, 1, 2)
                else:
                    grid.addWidget(self.ends_hint, line, 1, 1, 2)
                line += 1
        for column, stretch in enumerate((1, 0, 0) if stacked else (0, 1, 0)):
            grid.setColumnStretch(column, stretch)

    @override
    def minimumSizeHint(self) -> QSize:
        """As narrow as the stacked arrangement allows, as tall as the current one."""
        label, control, value = self._widths()
        width = max(control, label + value + self._grid.horizontalSpacing())
        return QSize(width, self._grid.minimumSize().height())

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        self._restack(event.size().width())
        super().resizeEvent(event)

    @override
    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_value_labels()
            self._restack(self.width())
        super().changeEvent(event)

    def _on_changed(self, key: str, value: int | None) -> None:
        self._values[key].setText(describe(value))
        self.changed.emit()

    def checkin(self) -> CheckIn:
        return CheckIn(**{key: bar.rating() for key, bar in self.bars.items()})

    def set_checkin(self, checkin: CheckIn) -> None:
        for key, bar in self.bars.items():
            value = getattr(checkin, key)
            bar.set_rating(value)
            self._values[key].setText(describe(value))
